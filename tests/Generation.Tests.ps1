BeforeAll {
    . $PSScriptRoot/Helpers/Generation.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Bad input is refused with a clear error and zero requests' {
    BeforeAll {
        New-BadMediaFile
    }
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It '<Case>' -ForEach @(
        @{ Case = 'unknown model'; Id = 'Runway.UnknownModel'; Parameter = 'Model'; Script = { New-RunwayVideo -Image $Png -Model zz-test-nonexistent-model } }
        @{ Case = 'ratio not valid for the model'; Id = 'Runway.InvalidRatio'; Script = { New-RunwayVideo -Image $Png -Ratio 1920:1080 } }
        @{ Case = 'duration not valid for the model'; Id = 'Runway.InvalidDuration'; Script = { New-RunwayVideo -Prompt 'x' -Model veo3.1 -Duration 5 } }
        @{ Case = 'duration out of range'; Id = 'Runway.InvalidDuration'; Script = { New-RunwayVideo -Image $Png -Duration 11 } }
        @{ Case = 'prompt over the limit'; Id = 'Runway.PromptTooLong'; Script = { New-RunwayImage -Prompt ('x' * 1001) } }
        @{ Case = 'seed out of range'; Id = 'Runway.InvalidSeed'; Script = { New-RunwayImage -Prompt 'x' -Seed 4294967296 } }
        @{ Case = 'negative seed'; Id = 'Runway.InvalidSeed'; Script = { New-RunwayImage -Prompt 'x' -Seed -1 } }
        @{ Case = 'too many references'; Id = 'Runway.InvalidReferenceCount'; Script = { New-RunwayImage -Prompt 'x' -ReferenceImage $Png, $Png, $Png, $Png } }
        @{ Case = 'turbo image without a reference'; Id = 'Runway.InvalidReferenceCount'; Script = { New-RunwayImage -Prompt 'x' -Model gen4_image_turbo } }
        @{ Case = 'tag used in the prompt but not given'; Id = 'Runway.UnknownTag'; Script = { New-RunwayImage -Prompt '@hero runs' -ReferenceImage @{ Uri = $Png; Tag = 'villain' } } }
        @{ Case = 'malformed tag'; Id = 'Runway.InvalidTag'; Script = { New-RunwayImage -Prompt 'x' -ReferenceImage @{ Uri = $Png; Tag = '1x' } } }
        @{ Case = 'missing file'; Id = 'Runway.FileNotFound'; Script = { New-RunwayVideo -Image (Join-Path $TestDrive 'nope.png') } }
        @{ Case = 'GIF image'; Id = 'Runway.UnsupportedFormat'; Script = { New-RunwayVideo -Image $Gif } }
        @{ Case = 'file over the size limit'; Id = 'Runway.FileTooLarge'; Script = { New-RunwayVideo -Image $Huge } }
        @{ Case = 'http:// URL'; Id = 'Runway.InsecureUrl'; Script = { New-RunwayVideo -Image 'http://example.com/cat.png' } }
        @{ Case = 'unsupported scheme'; Id = 'Runway.UnsupportedScheme'; Script = { New-RunwayVideo -Image 'ftp://example.com/cat.png' } }
        @{ Case = 'text to video with a non-veo model'; Id = 'Runway.ModelNotForEndpoint'; Script = { New-RunwayVideo -Prompt 'x' -Model gen4_turbo } }
        @{ Case = 'last frame on a model without one'; Id = 'Runway.LastFrameNotSupported'; Script = { New-RunwayVideo -Image $Png -LastFrame $Png -Model gen4_turbo } }
        @{ Case = 'audio switch on a model without one'; Id = 'Runway.AudioNotSupported'; Script = { New-RunwayVideo -Image $Png -Audio } }
        @{ Case = 'retired gen4_aleph'; Id = 'Runway.RetiredModel'; Script = { New-RunwayVideo -Video 'https://example.com/a.mp4' -Prompt 'x' -Model gen4_aleph } }
        @{ Case = 'retired veo3'; Id = 'Runway.RetiredModel'; Script = { New-RunwayVideo -Prompt 'x' -Model veo3 } }
        @{ Case = 'choice not in the list'; Id = 'Runway.InvalidOutputFormat'; Script = { New-RunwayVideo -Prompt 'x' -Model gen4.5 -OutputFormat mov } }
        @{ Case = 'a field the model does not take'; Id = 'Runway.OutputFormatNotSupported'; Script = { New-RunwayVideo -Prompt 'x' -Model veo3.1 -OutputFormat prores } }
        @{ Case = 'ProRes profile without ProRes'; Id = 'Runway.ProResProfileWithoutProRes'; Script = { New-RunwayVideo -Prompt 'x' -Model gen4.5 -ProResProfile 422 } }
        @{ Case = 'count out of range'; Id = 'Runway.InvalidOutputCount'; Script = { New-RunwayImage -Prompt 'x' -Model gpt_image_2 -OutputCount 11 } }
        @{ Case = 'whole seconds only'; Id = 'Runway.InvalidDuration'; Script = { New-RunwayVideo -Prompt 'x' -Model gen4.5 -Duration 2.5 } }
        @{ Case = 'a word where a number or auto goes'; Id = 'Runway.InvalidPipelineValue'; Script = { New-RunwayVideo -Prompt 'x' -Model seedance2 -Duration soon } }
        @{ Case = 'an -Option key no model has'; Id = 'Runway.UnknownKey'; Script = { New-RunwayVideo -Video 'https://example.com/a.mp4' -Model seedance2_5 -Option @{ moed = 'extend' } } }
        @{ Case = 'an -Option of the wrong type'; Id = 'Runway.InvalidValue'; Script = { New-RunwayImage -Prompt 'x' -Model seedream5_pro -Option @{ grounding = 'yes' } } }
        @{ Case = 'an -Option value not allowed'; Id = 'Runway.InvalidMode'; Script = { New-RunwayVideo -Video 'https://example.com/a.mp4' -Model seedance2_5 -Option @{ mode = 'loop' } } }
        @{ Case = 'an -Option number out of range'; Id = 'Runway.InvalidSpeed'; Script = { New-RunwaySpeech -Text 'hi' -Voice Maya -Model eleven_v3 -Option @{ speed = 2 } } }
        @{ Case = 'a keyframe outside the video'; Id = 'Runway.InvalidKeyframe'; Script = { New-RunwayVideo -Video 'https://example.com/a.mp4' -Model aleph2 -Keyframe @{ Uri = $Png; At = 2 } } }
        @{ Case = 'too many image references for video'; Id = 'Runway.InvalidReferenceCount'; Script = { New-RunwayVideo -Prompt 'x' -Model seedance2 -ReferenceImage (1..10 | ForEach-Object { $Png }) } }
        @{ Case = 'a reference subject not allowed'; Id = 'Runway.InvalidSubject'; Script = { New-RunwayImage -Prompt 'x' -Model gemini_image3_pro -ReferenceImage @{ Uri = $Png; Subject = 'animal' } } }
        @{ Case = 'a prompt over a long limit'; Id = 'Runway.PromptTooLong'; Script = { New-RunwayImage -Model gpt_image_2 -Prompt ('x' * 32001) } }
        @{ Case = 'a required voice left out'; Id = 'Runway.MissingVoice'; Script = { New-RunwaySpeech -Text 'hi' -Model eleven_v3 } }
        @{ Case = 'several first frames on a first-frame model'; Id = 'Runway.InvalidReferenceCount'; Script = { New-RunwayVideo -Image $Png, $Png -Model gen4.5 -Prompt 'x' } }
        @{ Case = 'an unfinished task as input'; Id = 'Runway.TaskNotFinished'; Script = { [Runway.Api.RunwayTask]@{ Id = 'x'; Status = 'RUNNING' } | New-RunwayVideo -Prompt 'x' } }
        @{ Case = 'a video where an image is needed'; Id = 'Runway.UnsupportedFormat'; Script = { $m = Join-Path $TestDrive 'v.png'; [IO.File]::WriteAllBytes($m, [byte[]](0, 0, 0, 24) + [Text.Encoding]::ASCII.GetBytes('ftypisom') + [byte[]]::new(12)); New-RunwayVideo -Image $m } }
    ) {
        $record = Get-ErrorRecord $Script
        $record | Should -Not -BeNullOrEmpty
        $record.FullyQualifiedErrorId | Should -BeLike "$Id*"
        $record.CategoryInfo.Category | Should -BeIn @('InvalidArgument', 'ObjectNotFound', 'InvalidType', 'LimitsExceeded', 'InvalidOperation')
        $record.Exception.Message | Should -Not -BeNullOrEmpty
        $record.TargetObject | Should -Not -BeNullOrEmpty
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'under a cap, a model with no published price is refused unless Connect-Runway -AllowUnknownPrice' {
        try {
            $env:RUNWAY_MAX_CREDITS = '100000000'
            (Get-ErrorRecord { New-RunwayImage -Prompt 'x' -Model gpt_image_2 }).FullyQualifiedErrorId | Should -Match 'Runway.BudgetExceeded|Runway.UnknownPrice'
            Get-ApiRequest | Should -HaveCount 0
            Connect-Runway -ApiKey (ConvertTo-SecureString $TestKey -AsPlainText -Force) -BaseUri $SimUrl -MaxCredits 100000000 -AllowUnknownPrice -SkipValidation | Out-Null
            (New-RunwayImage -Prompt 'x' -Model gpt_image_2).Id | Should -Not -BeNullOrEmpty
            Get-ApiRequest '/v1/text_to_image' | Should -HaveCount 1
        }
        finally { Remove-Item Env:RUNWAY_MAX_CREDITS; Disconnect-Runway }
    }
}

Describe 'The catalog agrees with the simulator' {
    BeforeAll {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 10000000; MaxDaily = 100000 } | Out-Null
        # Every (model, endpoint) whose fields the catalog holds, with its field rules.
        $script:Pairs = foreach ($pair in [Runway.Media.CatalogSamples]::Pairs()) {
            if ($pair.Item1.Output -eq 'Audio') { continue }
            [pscustomobject]@{ Model = $pair.Item1; Endpoint = $pair.Item2; Fields = $pair.Item1.FieldsOn($pair.Item2).Fields }
        }
        $script:AllRatios = $Pairs.Fields | Where-Object Json -eq 'ratio' | ForEach-Object Values | Sort-Object -Unique
        $script:Headers = @{ Authorization = "Bearer $TestKey"; 'X-Runway-Version' = '2024-11-06' }
        function New-Base([object] $Pair) {
            [Runway.Media.CatalogSamples]::Minimal($Pair.Model.Name, $Pair.Endpoint).Body.ToJsonString() | ConvertFrom-Json -AsHashtable
        }
    }
    AfterAll { Reset-RunwaySimulator -Url $SimUrl }

    It 'the fullest and the smallest valid request of every model are accepted' {
        foreach ($pair in [Runway.Media.CatalogSamples]::Pairs()) {
            foreach ($request in [Runway.Media.CatalogSamples]::Fullest($pair.Item1.Name, $pair.Item2), [Runway.Media.CatalogSamples]::Minimal($pair.Item1.Name, $pair.Item2)) {
                "$($pair.Item1.Name) $($pair.Item2) -> $(Send-Raw $pair.Item2 ($request.Body.ToJsonString() | ConvertFrom-Json -AsHashtable))" | Should -Be "$($pair.Item1.Name) $($pair.Item2) -> 200"
            }
        }
    }

    It 'every ratio the catalog allows is accepted, every other known ratio is refused, by both' {
        foreach ($pair in $Pairs) {
            $rule = $pair.Fields | Where-Object Json -eq 'ratio'
            if ($rule -and $rule.Kind -ne 'Choice') { continue }
            foreach ($ratio in $AllRatios | Where-Object { $_ -ne 'adaptive' }) {
                $body = New-Base $pair
                $body.ratio = $ratio
                $w, $h = $ratio -split ':'
                $freeform = $rule.FreeformMinPixels -and $h -and ([long]$w * [long]$h) -ge $rule.FreeformMinPixels -and ([long]$w * [long]$h) -le $rule.FreeformMaxPixels
                $expected = if ($rule -and ($rule.Values -contains $ratio -or $freeform)) { 200 } else { 400 }
                "$($pair.Model.Name) $($pair.Endpoint) $ratio -> $(Send-Raw $pair.Endpoint $body)" | Should -Be "$($pair.Model.Name) $($pair.Endpoint) $ratio -> $expected"
            }
        }
    }

    It 'every duration the catalog allows is accepted and its neighbours refused, by both' {
        foreach ($pair in $Pairs) {
            $rule = $pair.Fields | Where-Object Json -eq 'duration'
            if (-not $rule) { continue }
            foreach ($seconds in 0..12 + 2.5) {
                $body = New-Base $pair
                $body.duration = $seconds
                $accepted = if ($rule.Kind -eq 'Choice') { $rule.Values -contains "$seconds" } else {
                    ($null -eq $rule.Min -or ($(if ($rule.MinExclusive) { $seconds -gt $rule.Min } else { $seconds -ge $rule.Min }))) -and
                    ($null -eq $rule.Max -or $seconds -le $rule.Max) -and (-not $rule.Integer -or $seconds -eq [math]::Floor($seconds))
                }
                $expected = if ($accepted) { 200 } else { 400 }
                "$($pair.Model.Name) $($pair.Endpoint) $seconds s -> $(Send-Raw $pair.Endpoint $body)" | Should -Be "$($pair.Model.Name) $($pair.Endpoint) $seconds s -> $expected"
            }
        }
    }

    It 'prompt length, seed range and reference counts agree' {
        foreach ($pair in $Pairs) {
            $prompt = $pair.Fields | Where-Object Json -eq 'promptText'
            if ($prompt.MaxLength) {
                $body = New-Base $pair
                $body.promptText = 'p' * $prompt.MaxLength
                Send-Raw $pair.Endpoint $body | Should -Be 200 -Because "$($pair.Model.Name) accepts $($prompt.MaxLength) characters"
                $body.promptText = 'p' * ($prompt.MaxLength + 1)
                Send-Raw $pair.Endpoint $body | Should -Be 400 -Because "$($pair.Model.Name) refuses $($prompt.MaxLength + 1) characters"
            }
            $body = New-Base $pair
            $body.seed = [long]4294967295
            $seed = $pair.Fields | Where-Object Json -eq 'seed'
            Send-Raw $pair.Endpoint $body | Should -Be ($(if ($seed) { 200 } else { 400 })) -Because "$($pair.Model.Name) $($pair.Endpoint) seed support"
            $body.seed = [long]4294967296
            Send-Raw $pair.Endpoint $body | Should -Be 400
        }
        foreach ($pair in $Pairs | Where-Object Endpoint -eq 'text_to_image') {
            $rule = $pair.Fields | Where-Object Json -eq 'referenceImages'
            foreach ($count in 0..([math]::Min(17, $rule.MaxItems + 1))) {
                $body = New-Base $pair
                $body.Remove('referenceImages')
                if ($count) { $body.referenceImages = @(1..$count | ForEach-Object { @{ uri = 'https://example.com/a.png' } }) }
                $expected = if ($count -ge $rule.MinItems -and ($rule.MaxItems -eq 0 -or $count -le $rule.MaxItems)) { 200 } else { 400 }
                "$($pair.Model.Name) $count refs -> $(Send-Raw 'text_to_image' $body)" | Should -Be "$($pair.Model.Name) $count refs -> $expected"
            }
        }
    }

    It 'the module''s cost estimate is what the simulator charges' {
        foreach ($case in @(
                @{ Script = { New-RunwayVideo -Image 'https://example.com/a.png' -Duration 7 }; Model = 'gen4_turbo' }
                @{ Script = { New-RunwayVideo -Prompt 'x' -Model veo3.1 -Duration 6 -Audio:$false }; Model = 'veo3.1' }
                @{ Script = { New-RunwayVideo -Prompt 'x' -Model gen4.5 -Duration 3 -OutputFormat prores }; Model = 'gen4.5' }
                @{ Script = { New-RunwayImage -Prompt 'x' -Ratio 1920:1080 }; Model = 'gen4_image' }
                @{ Script = { New-RunwayImage -Prompt 'x' -Model gemini_2.5_flash }; Model = 'gemini_2.5_flash' }
            )) {
            $before = (Get-RunwayCredit).CreditBalance
            $task = & $case.Script
            $after = (Get-RunwayCredit).CreditBalance
            ($before - $after) | Should -Be $task.EstimatedCredits -Because $case.Model
        }
    }
}
