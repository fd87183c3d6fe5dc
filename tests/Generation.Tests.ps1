BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1
    Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null

    # A real PNG, made by the simulator, to use as local input.
    $task = New-RunwayImage -Prompt 'test card' -Model gen4_image -Ratio 1280:720 -Wait
    $script:PngBytes = (Invoke-WebRequest -Uri $task.Output[0]).Content
    $script:Frames = Join-Path $TestDrive 'frames'
    New-Item -ItemType Directory $Frames | Out-Null
    1..5 | ForEach-Object { [IO.File]::WriteAllBytes((Join-Path $Frames "frame$_.png"), $PngBytes) }
    $script:Png = Join-Path $Frames 'frame1.png'
}

AfterAll {
    Reset-RunwaySimulator -Url $SimUrl
    if ($script:OwnSimulator) { Stop-RunwaySimulator $script:OwnSimulator }
}

Describe 'The pipelines of the issue' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        Push-Location $TestDrive
    }
    AfterEach { Pop-Location }

    It 'image -Wait | video -Wait | Save-RunwayOutput writes a real MP4' {
        $out = Join-Path $TestDrive 'out1'
        $files = @(New-RunwayImage -Prompt 'a red fox' -Ratio 1920:1080 -Wait |
            New-RunwayVideo -Prompt 'the fox runs' -Wait |
            Save-RunwayOutput -Path $out)
        $files | Should -HaveCount 1
        $files[0] | Should -BeOfType [System.IO.FileInfo]
        $files[0].Extension | Should -Be '.mp4'
        $files[0].DirectoryName | Should -Be (Get-Item $out).FullName
        $bytes = [IO.File]::ReadAllBytes($files[0].FullName)
        [Text.Encoding]::ASCII.GetString($bytes, 4, 4) | Should -Be 'ftyp'
        # The video was made from the image task's own output URL.
        $create = Get-ApiRequest '/v1/image_to_video' | Select-Object -First 1
        ($create.body | ConvertFrom-Json).promptImage | Should -Match '/_outputs/'
        # The emitted files bind to the file system cmdlets.
        $files | Copy-Item -Destination (Join-Path $TestDrive 'copy.mp4')
        Test-Path (Join-Path $TestDrive 'copy.mp4') | Should -BeTrue
        $files | Remove-Item
        Test-Path $files[0].FullName | Should -BeFalse
    }

    It 'Get-ChildItem *.png | New-RunwayVideo | Wait-RunwayTask | Save-RunwayOutput stays within the tier''s concurrency' {
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ MaxConcurrent = 2; RunMs = 400 } | Out-Null
        try {
            $clips = Join-Path $TestDrive 'clips'
            $files = @(Get-ChildItem (Join-Path $Frames '*.png') |
                New-RunwayVideo -Prompt 'slow pan' -Model gen4_turbo |
                Wait-RunwayTask |
                Save-RunwayOutput -Path $clips)
            $files | Should -HaveCount 5
            (Get-ChildItem $clips -Filter *.mp4) | Should -HaveCount 5
            $stats = Get-RunwaySimulatorStat -Url $SimUrl
            $stats.tasksCreated | Should -Be 5
            $stats.maxInFlight.gen4_turbo | Should -BeLessOrEqual 2
            $stats.maxInFlight.gen4_turbo | Should -Be 2
            Get-ApiRequest '/v1/image_to_video' 'POST' | Should -HaveCount 5
            # Local frames went inline as data URIs.
            (Get-ApiRequest '/v1/image_to_video')[0].body | Should -Match 'data:image/png;base64'
        }
        finally { Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ MaxConcurrent = 2; RunMs = 300 } | Out-Null }
    }

    It '-ThrottleLimit lowers the concurrency further' {
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ MaxConcurrent = 5 } | Out-Null
        try {
            $tasks = @(Get-ChildItem (Join-Path $Frames '*.png') | Select-Object -First 3 | New-RunwayVideo -Prompt 'pan' -ThrottleLimit 1 -Wait)
            $tasks | Should -HaveCount 3
            $tasks.Status | Select-Object -Unique | Should -Be 'SUCCEEDED'
            (Get-RunwaySimulatorStat -Url $SimUrl).maxInFlight.gen4_turbo | Should -Be 1
        }
        finally { Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ MaxConcurrent = 2 } | Out-Null }
    }

    It '-WhatIf prints the cost and sends nothing' {
        # WhatIf lines go to the host, so run them in a child pwsh and read its output.
        $lines = Invoke-InChildPwsh -Environment @{ RUNWAYML_BASE_URL = $SimUrl; RUNWAYML_API_SECRET = $TestKey } -Script "
            New-RunwayVideo -Prompt 'x' -Model veo3.1 -Duration 8 -WhatIf
            New-RunwayVideo -Image '$Png' -Duration 10 -WhatIf
            New-RunwayVideo -Prompt 'x' -Model veo3.1_fast -Duration 4 -Audio:`$false -WhatIf
            New-RunwayImage -Prompt 'x' -Model gen4_image -Ratio 1280:720 -WhatIf"
        $lines = $lines -join "`n"
        $lines | Should -Match 'What if: .*"Create Runway task for 320 credits \(\$3\.20\)" on target "veo3.1 text to video, 8 s, 1280:720"'
        $lines | Should -Match 'Create Runway task for 50 credits \(\$0\.50\)" on target "gen4_turbo image to video, 10 s, 1280:720, from frame1.png"'
        $lines | Should -Match 'Create Runway task for 40 credits \(\$0\.40\)" on target "veo3.1_fast text to video, 4 s, 1280:720, without audio"'
        $lines | Should -Match 'Create Runway task for 5 credits \(\$0\.05\)" on target "gen4_image text to image, 1280:720"'
        Get-ApiRequest | Should -HaveCount 0
    }

    It '-OutFile waits and saves to that name; an existing file is refused before anything is sent' {
        $target = Join-Path $TestDrive 'fox.png'
        $file = New-RunwayImage -Prompt 'a fox' -OutFile $target
        $file.FullName | Should -Be $target
        [IO.File]::ReadAllBytes($target)[1..3] | Should -Be ([byte[]][char[]]'PNG')
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $record = Get-ErrorRecord { New-RunwayImage -Prompt 'a fox' -OutFile $target }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.FileExists*'
        $record.CategoryInfo.Category | Should -Be 'ResourceExists'
        Get-ApiRequest | Should -HaveCount 0
        $again = New-RunwayImage -Prompt 'a fox' -OutFile $target -Force
        $again.FullName | Should -Be $target
    }

    It '-OutFile resolves relative paths through the provider location' {
        $file = New-RunwayImage -Prompt 'a fox' -OutFile './relative.png'
        $file.FullName | Should -Be (Join-Path $TestDrive 'relative.png')
    }

    It '-OutDirectory names files after the task id and the served type' {
        $dir = Join-Path $TestDrive 'imgs'
        $file = New-RunwayImage -Prompt 'a fox' -OutDirectory $dir
        $file.Name | Should -Match '^[0-9a-f-]{36}\.png$'
    }

    It 'a reference image hashtable with a tag, and @tag in the prompt' {
        $task = New-RunwayImage -Prompt '@hero on a hill' -ReferenceImage @{ Uri = $Png; Tag = 'hero' } -Model gen4_image_turbo -Wait
        $task.Status | Should -Be 'SUCCEEDED'
        $body = (Get-ApiRequest '/v1/text_to_image' | Select-Object -Last 1).body | ConvertFrom-Json
        $body.referenceImages[0].tag | Should -Be 'hero'
        $body.referenceImages[0].uri | Should -Match '^data:image/png;base64,'
    }

    It 'a large local file is uploaded (data URIs stay under the limit) and Send-RunwayFile returns a runway:// URI' {
        $big = Join-Path $TestDrive 'big.png'
        $stream = [IO.File]::Create($big)
        $stream.Write($PngBytes, 0, $PngBytes.Length)
        $stream.SetLength(6MB)
        $stream.Dispose()
        $task = New-RunwayVideo -Image $big -Prompt 'pan' -Wait
        $task.Status | Should -Be 'SUCCEEDED'
        Get-ApiRequest '/v1/uploads' 'POST' | Should -HaveCount 1
        $storage = @(Get-RunwaySimulatorRequest -Url $SimUrl | Where-Object { $_.path -notlike '/v1/*' -and $_.method -eq 'POST' })
        $storage | Should -HaveCount 1
        $storage[0].authorized | Should -BeFalse
        ((Get-ApiRequest '/v1/image_to_video').body | ConvertFrom-Json).promptImage | Should -Match '^runway://'

        $upload = Get-Item $Png | Send-RunwayFile
        $upload.Uri | Should -Match '^runway://'
        $upload.Name | Should -Be 'frame1.png'
        (New-RunwayVideo -Image $upload -Prompt 'pan' -Wait).Status | Should -Be 'SUCCEEDED'
    }

    It 'Save-RunwayOutput never overwrites without -Force and leaves no partial file on failure' {
        $task = New-RunwayImage -Prompt 'a fox' -Wait
        $dir = Join-Path $TestDrive 'save'
        $first = $task | Save-RunwayOutput -Path $dir
        $errors = @()
        $task | Save-RunwayOutput -Path $dir -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.FileExists*'
        ($task | Save-RunwayOutput -Path $dir -Force).FullName | Should -Be $first.FullName

        Invoke-RestMethod -Method Post -Uri "$SimUrl/_sim/tasks/$($task.Id)/expire?permanent=true" | Out-Null
        $errors = @()
        $task | Save-RunwayOutput -Path (Join-Path $TestDrive 'expired') -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.OutputExpired*'
        $errors[0].Exception.Message | Should -Match 'expire'
        @(Get-ChildItem (Join-Path $TestDrive 'expired') -Force) | Should -HaveCount 0
    }

    It 'Save-RunwayOutput -Path with a file name saves one output there; by -Id and by -Uri too' {
        $task = New-RunwayImage -Prompt 'a fox' -Wait
        ($task | Save-RunwayOutput -Path (Join-Path $TestDrive 'named.png')).Name | Should -Be 'named.png'
        (Save-RunwayOutput -Id $task.Id -Path (Join-Path $TestDrive 'byid')).Name | Should -Be "$($task.Id).png"
        ($task.Output[0] | Save-RunwayOutput -Path (Join-Path $TestDrive 'byuri')).Extension | Should -Be '.png'
    }

    It 'an unfinished task piped to Save-RunwayOutput is refreshed, and one still running is an error naming it' {
        $running = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status RUNNING).id
        $errors = @()
        Get-RunwayTask -Id $running | Save-RunwayOutput -Path (Join-Path $TestDrive 'x') -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.NoOutput*'
        $errors[0].TargetObject.Id | Should -Be $running
        $errors[0].Exception.Message | Should -Match 'Wait-RunwayTask'
    }

    It 'a failed generation with -Wait writes an error with the task and goes on with the next input' {
        $errors = @()
        $done = @('a calm sea', 'storm [fail:INTERNAL.BAD_OUTPUT]', 'a calm lake' | ForEach-Object { [pscustomobject]@{ Prompt = $_ } } |
            New-RunwayImage -Wait -ErrorVariable errors -ErrorAction SilentlyContinue)
        $done | Should -HaveCount 2
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.TaskFailed*'
        $errors[0].TargetObject.FailureCode | Should -Be 'INTERNAL.BAD_OUTPUT'
        $errors[0].TargetObject.Id | Should -Not -BeNullOrEmpty
    }

    It 'a piped image task''s own Prompt and Model are not taken for the video (only typed ones count)' {
        $image = New-RunwayImage -Prompt 'a red fox' -Model gen4_image -Wait
        $image.Prompt | Should -Be 'a red fox'
        $video = $image | New-RunwayVideo
        $video.Model | Should -Be 'gen4_turbo'
        $body = (Get-ApiRequest '/v1/image_to_video')[0].body | ConvertFrom-Json
        $body.PSObject.Properties.Name | Should -Not -Contain 'promptText'
        $body.duration | Should -Be 10        # the default is sent, so the bill is the estimate
        ($image | New-RunwayVideo -Prompt 'it runs').Prompt | Should -Be 'it runs'
    }

    It 'Save-RunwayOutput takes piped task ids as well as URLs' {
        $task = New-RunwayImage -Prompt 'a fox' -Wait
        ($task.Id | Save-RunwayOutput -Path (Join-Path $TestDrive 'piped-id')).Name | Should -Be "$($task.Id).png"
    }

    It '-OutDirectory naming a file, and a wait for a free slot past -TimeoutSec, are clear errors before anything is paid' {
        $file = Join-Path $TestDrive 'not-a-folder'
        Set-Content $file 'x'
        $record = Get-ErrorRecord { New-RunwayImage -Prompt 'x' -OutDirectory $file }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.OutDirectoryIsFile*'
        Get-ApiRequest | Should -HaveCount 0
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ RunMs = 5000 } | Out-Null
        try {
            $errors = @()
            $tasks = @($Png, $Png | New-RunwayVideo -Prompt 'pan' -ThrottleLimit 1 -TimeoutSec 1 -ErrorVariable errors -ErrorAction SilentlyContinue)
            $tasks | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.NoFreeSlot*'
            $errors[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            $errors[0].Exception.Message | Should -Match $tasks[0].Id
            Get-ApiRequest '/v1/image_to_video' 'POST' | Should -HaveCount 1
        }
        finally { Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ MaxConcurrent = 2; RunMs = 300 } | Out-Null }
    }

    It 'rows without an image are text-to-video shots; rows with one are image-to-video' {
        $rows = @(
            [pscustomobject]@{ Prompt = 'a storm at sea'; Model = 'veo3.1_fast'; Duration = '4'; Image = '' }
            [pscustomobject]@{ Prompt = 'a calm lake'; Model = 'veo3.1_fast' }
            [pscustomobject]@{ Prompt = 'pan'; Image = $Png; Model = ''; Duration = '' }
        )
        $tasks = @($rows | New-RunwayVideo)
        $tasks | Should -HaveCount 3
        $tasks.Endpoint | Should -Be @('text_to_video', 'text_to_video', 'image_to_video')
        ((Get-ApiRequest '/v1/text_to_video')[0].body | ConvertFrom-Json).duration | Should -Be 4
        ((Get-ApiRequest '/v1/image_to_video')[0].body | ConvertFrom-Json).model | Should -Be 'gen4_turbo'
    }

    It 'veo first and last frames, audio off, seed and content moderation reach the API as the contract says' {
        $task = New-RunwayVideo -Image $Png -LastFrame $Png -Model veo3.1 -Duration 6 -Ratio 720:1280 -Audio:$false -Seed 42 -Prompt 'morph'
        $body = (Get-ApiRequest '/v1/image_to_video').body | ConvertFrom-Json
        $body.promptImage.position | Should -Be @('first', 'last')
        $body.audio | Should -BeFalse
        $body.seed | Should -Be 42
        $body.duration | Should -Be 6
        (Get-ApiRequest '/v1/image_to_video').body | Should -Not -Match 'null'
        New-RunwayVideo -Image $Png -PublicFigureThreshold low | Out-Null
        ((Get-ApiRequest '/v1/image_to_video')[-1].body | ConvertFrom-Json).contentModeration.publicFigureThreshold | Should -Be 'low'
    }

    It 'video to video and character performance accept local videos' {
        $video = (New-RunwayVideo -Image $Png -Prompt 'pan' -Wait).Output[0]
        $mp4 = Join-Path $TestDrive 'clip.mp4'
        Invoke-WebRequest $video -OutFile $mp4
        (New-RunwayVideo -Video $mp4 -Prompt 'make it noir' -Keyframe @{ Uri = $Png; Seconds = 1 } -Wait).Status | Should -Be 'SUCCEEDED'
        (New-RunwayVideo -Character $Png -Reference $mp4 -BodyControl -ExpressionIntensity 4 -Wait).Status | Should -Be 'SUCCEEDED'
        $body = (Get-ApiRequest '/v1/character_performance').body | ConvertFrom-Json
        $body.character.type | Should -Be 'image'
        $body.reference.type | Should -Be 'video'
        $body.bodyControl | Should -BeTrue
    }
}

Describe 'Bad input is refused with a clear error and zero requests' {
    BeforeAll {
        $script:Gif = Join-Path $TestDrive 'anim.gif'
        [IO.File]::WriteAllBytes($Gif, [byte[]](0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0, 0, 0x3B))
        $script:Huge = Join-Path $TestDrive 'huge.png'
        $stream = [IO.File]::Create($Huge)
        $stream.Write($PngBytes, 0, $PngBytes.Length)
        $stream.SetLength(201MB)
        $stream.Dispose()
    }
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It '<Case>' -ForEach @(
        @{ Case = 'unknown model'; Id = 'Runway.UnknownModel'; Parameter = 'Model'; Script = { New-RunwayVideo -Image $Png -Model gen5_ultra } }
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

    It 'a retired model names its successor' {
        (Get-ErrorRecord { New-RunwayVideo -Video 'https://example.com/a.mp4' -Prompt 'x' -Model gen4_aleph }).Exception.Message | Should -Match 'aleph2'
        (Get-ErrorRecord { New-RunwayVideo -Prompt 'x' -Model veo3 }).Exception.Message | Should -Match 'veo3\.1'
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'a model the catalog lacks is sent only with -AllowUnknownModel, unchecked, with a warning' {
        (Get-ErrorRecord { New-RunwayVideo -Prompt 'x' -Model gen9 }).FullyQualifiedErrorId | Should -BeLike 'Runway.UnknownModel*'
        Get-ApiRequest | Should -HaveCount 0
        $null = New-RunwayVideo -Prompt 'x' -Model gen9 -Ratio 16:9 -Option @{ fancy = 1 } -AllowUnknownModel -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        ($warned -join ' ') | Should -Match 'without local validation'
        $sent = @(Get-ApiRequest '/v1/text_to_video')
        $sent | Should -HaveCount 1
        ($sent[0].Body | ConvertFrom-Json).fancy | Should -Be 1
    }

    It 'missing key: nothing is sent and the error says how to set it' {
        $env:RUNWAYML_API_SECRET = $null
        try {
            $record = Get-ErrorRecord { New-RunwayVideo -Image $Png -Prompt 'x' }
            $record.FullyQualifiedErrorId | Should -BeLike 'Runway.NotConfigured*'
            $record.Exception.Message | Should -Match 'RUNWAYML_API_SECRET'
        }
        finally { $env:RUNWAYML_API_SECRET = $TestKey }
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'one bad row in a pipeline is an error for that row; the others are created' {
        $errors = @()
        $tasks = @($Png, (Join-Path $TestDrive 'missing.png'), $Png | New-RunwayVideo -Prompt 'pan' -ErrorVariable errors -ErrorAction SilentlyContinue)
        $tasks | Should -HaveCount 2
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.FileNotFound*'
        Get-ApiRequest '/v1/image_to_video' | Should -HaveCount 2
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
