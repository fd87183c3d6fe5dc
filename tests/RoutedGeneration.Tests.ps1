BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1
    Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
    # A real PNG, made by the simulator, to use as local input.
    $task = New-RunwayImage -Prompt 'test card' -Model gen4_image -Ratio 1280:720 -Wait
    $script:Png = Join-Path $TestDrive 'card.png'
    [IO.File]::WriteAllBytes($Png, (Invoke-WebRequest -Uri $task.Output[0]).Content)

    function script:Get-CreateBody([string] $Kind) {
        (Get-ApiRequest "/v1/generate/$Kind" -Method POST)[-1].body | ConvertFrom-Json -AsHashtable
    }
}

AfterAll {
    Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ MaxConcurrent = 2; RunMs = 300 } | Out-Null
    Reset-RunwaySimulator -Url $SimUrl
    if ($script:OwnSimulator) { Stop-RunwaySimulator $script:OwnSimulator }
}

Describe 'Routed generation' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        Push-Location $TestDrive
    }
    AfterEach { Pop-Location }

    It 'a routed video waits, saves, and carries the routing on the task' {
        New-RunwayRouter -Slug 'films' -OptimizeFor quality | Out-Null
        $file = New-RunwayRoutedVideo -Router films -Prompt 'a kite over the sea' -AspectRatio 9:16 -Resolution 720p -Duration 5 -Image $Png -OutFile (Join-Path $TestDrive 'kite.mp4')
        $file | Should -BeOfType [System.IO.FileInfo]
        [Text.Encoding]::ASCII.GetString([IO.File]::ReadAllBytes($file.FullName), 4, 4) | Should -Be 'ftyp'
        $body = Get-CreateBody video
        $body.configId | Should -Be 'films'
        $body.ContainsKey('model') | Should -BeFalse
        $body.input.aspectRatio | Should -Be '9:16'
        $body.input.resolution | Should -Be '720p'
        $body.input.duration | Should -Be 5
        $body.input.referenceImages[0].role | Should -Be 'first'
        $body.input.referenceImages[0].uri | Should -Match '^data:image/png;base64,'
        $task = @(Get-RunwayTask -First 1)[0]
        $task.Router | Should -Be 'films'
        $task.Routing.OptimizeFor | Should -Be 'quality'
        $task.Model | Should -Be $task.Routing.Model
        $task.Model | Should -Not -BeLike 'router:*'
        $task.Routing.ResolvedInput['ratio'] | Should -Be '720:1280'
        $task.Routing.ResolvedInput['resolution'] | Should -Be '720p'
        $task.EstimatedCredits | Should -Be $task.Routing.EstimatedCredits
        $task.SavedTo | Should -Contain $file.FullName
    }

    It 'a routed image: -Wait outputs the task with the chosen model, its provider and estimate; the session spend counts the estimate' {
        New-RunwayRouter -Slug 'pics' -OptimizeFor cost | Out-Null
        $before = (Get-RunwayCredit).SessionEstimatedSpend
        $task = New-RunwayRoutedImage -Router pics -Prompt 'a lighthouse' -AspectRatio 2:3 -Resolution 1k -OutputCount 2 -Wait
        $task | Should -BeOfType ([Runway.Api.RunwayTask])
        $task.Status | Should -Be 'SUCCEEDED'
        $task.Output | Should -HaveCount 2
        $task.Routing.Model | Should -Be 'gpt_image_2'
        $task.Model | Should -Be 'gpt_image_2'
        $task.Routing.Provider | Should -Be 'openai'
        $task.Routing.PriceCeiling | Should -BeNullOrEmpty
        $task.Routing.ResolvedInput['aspectRatio'] | Should -Be '2:3'
        $task.Routing.EstimatedCredits | Should -BeGreaterThan 0
        $task.EstimatedCredits | Should -Be $task.Routing.EstimatedCredits
        (Get-RunwayCredit).SessionEstimatedSpend - $before | Should -Be $task.Routing.EstimatedCredits
        $body = Get-CreateBody image
        $body.input.outputCount | Should -Be 2
        # The task is polled where every task is.
        Get-ApiRequest "/v1/tasks/$($task.Id)" | Should -Not -BeNullOrEmpty
        # The router's own account of the choice: the routing binds its RouterId, and the newest page holds the task.
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $decision = $task.Routing | Get-RunwayRouterRequest | Where-Object TaskId -eq $task.Id | Select-Object -First 1
        $decision.Model | Should -Be 'gpt_image_2'
        $decision.ReasonCode | Should -Not -BeNullOrEmpty
        $decision.Reason | Should -Match 'gpt_image_2'
        Get-ApiRequest '/v1/routers/' | Should -HaveCount 1
        ($task | Format-Table -View Routing | Out-String -Width 250) | Should -Match 'pics\s+gpt_image_2\s+openai\s+cost'
        ($task.Routing | Format-List | Out-String -Width 250) | Should -Match 'ResolvedInput\s+: aspectRatio 2:3, ratio \d+:\d+, resolution 1k'
    }

    It 'routed speech with a preset voice, and a routed sound with -Loop, save to a directory' {
        New-RunwayRouter -Slug 'voices' | Out-Null
        $dir = Join-Path $TestDrive 'audio'
        $speech = New-RunwayRoutedAudio -Router voices -Type speech -Prompt 'Welcome aboard.' -Voice maya -OutDirectory $dir
        $speech | Should -BeOfType [System.IO.FileInfo]
        $body = Get-CreateBody audio
        $body.input.voice.type | Should -Be 'preset'
        $body.input.voice.presetId | Should -Be 'Maya' -Because 'the preset is sent as the API spells it'
        $body.input.type | Should -Be 'speech'
        $sound = New-RunwayRoutedAudio -Router voices -Type audio -Prompt 'rain on a tin roof' -Duration 4 -Loop -Wait
        $sound.Routing.Model | Should -Be 'eleven_text_to_sound_v2'
        $sound.Routing.ResolvedInput['voice'] | Should -Be 'none'
        $body = Get-CreateBody audio
        $body.input.loop | Should -BeTrue
        $body.input.duration | Should -Be 4
        $journal = @(Get-RunwayTask -First 2)
        $journal.Router | Should -Be @('voices', 'voices')
        $journal[1].Routing.ResolvedInput['type'] | Should -Be 'speech'
    }

    It 'a capacity fallback is surfaced: the skipped model, then every model exhausted' {
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ MaxConcurrent = 1; RunMs = 4000 } | Out-Null
        try {
            New-RunwayRouter -Slug 'busy' -OptimizeFor cost -FallbackOnCapacity | Out-Null
            New-RunwayRouter -Slug 'only-gemini' -AllowOnly gemini_2.5_flash -FallbackOnCapacity | Out-Null
            $first = New-RunwayRoutedImage -Router busy -Prompt 'one'
            $first.Model | Should -Be 'gemini_2.5_flash'
            $deadline = (Get-Date).AddSeconds(10)
            while ((Get-RunwayTask -Id $first.Id).Status -ne 'RUNNING' -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $second = New-RunwayRoutedImage -Router busy -Prompt 'two'
            $second.Routing.CapacityFallback | Should -BeTrue
            $second.Routing.Skipped | Should -Be @('gemini_2.5_flash')
            $second.Routing.AllExhausted | Should -BeFalse
            $second.Model | Should -Not -Be 'gemini_2.5_flash'
            $second.Routing.Reason | Should -Match 'skipped at capacity: gemini_2\.5_flash'
            $third = New-RunwayRoutedImage -Router only-gemini -Prompt 'three'
            $third.Routing.AllExhausted | Should -BeTrue
            $third.Model | Should -Be 'gemini_2.5_flash'
            # The journal keeps it for later sessions.
            $fromJournal = Get-RunwayTask -First 3 | Where-Object Id -eq $second.Id
            $fromJournal.Routing.Skipped | Should -Be @('gemini_2.5_flash')
            ($fromJournal | Format-Table -View Routing | Out-String -Width 250) | Should -Match 'skipped gemini_2\.5_flash'
        }
        finally { Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ MaxConcurrent = 2; RunMs = 300 } | Out-Null }
    }

    It 'the journal keeps the routing: a fresh session lists it with Get-RunwayTask' {
        New-RunwayRouter -Slug 'later' -OptimizeFor latency | Out-Null
        $task = New-RunwayRoutedImage -Router later -Prompt 'a map'
        $lines = Invoke-InChildPwsh -Environment @{ RUNWAYML_BASE_URL = $SimUrl; RUNWAYML_API_SECRET = $TestKey } -Script "
            `$t = Get-RunwayTask -First 5 | Where-Object Id -eq '$($task.Id)'
            'router=' + `$t.Router; 'model=' + `$t.Model; 'optimize=' + `$t.Routing.OptimizeFor; 'provider=' + `$t.Routing.Provider"
        $lines | Should -Contain 'router=later'
        $lines | Should -Contain "model=$($task.Model)"
        $lines | Should -Contain 'optimize=latency'
        $lines | Should -Contain "provider=$($task.Routing.Provider)"
    }

    It '-WhatIf says the price is unknown, or at most the router''s ceiling, and creates nothing' {
        New-RunwayRouter -Slug 'open' | Out-Null
        New-RunwayRouter -Slug 'capped' -MaxVideoCredits 60 -MaxImageCredits 8 | Out-Null
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $lines = Invoke-InChildPwsh -Environment @{ RUNWAYML_BASE_URL = $SimUrl; RUNWAYML_API_SECRET = $TestKey } -Script "
            New-RunwayRoutedVideo -Router open -Prompt 'x' -AspectRatio 16:9 -WhatIf
            New-RunwayRoutedVideo -Router capped -Prompt 'x' -Duration 5 -WhatIf
            New-RunwayRoutedImage -Router capped -Prompt 'x' -OutputCount 3 -WhatIf"
        $lines = $lines -join "`n"
        $lines | Should -Match 'Create Runway task for an unknown price \(the router picks the model; its estimate is shown once the API answers\)" on target "router:open generate/video, 16:9"'
        $lines | Should -Match 'Create Runway task for at most 60 credits \(\$0\.60\) \(router ceiling: 60 credits per video generation\)" on target "router:capped generate/video, 5 s"'
        $lines | Should -Match 'at most 24 credits \(\$0\.24\) \(router ceiling: 8 credits per image generation × 3 images\)'
        Get-ApiRequest '/v1/generate/' | Should -HaveCount 0
        Get-ApiRequest '/v1/tasks' | Should -HaveCount 0
    }

    It 'under a spending cap: an uncapped router is refused unless unknown prices are allowed; a ceiling is reserved' {
        New-RunwayRouter -Slug 'open' | Out-Null
        New-RunwayRouter -Slug 'capped' -MaxImageCredits 8 | Out-Null
        try {
            # The cap is per process: leave room for 10 more credits than this session has spent.
            $env:RUNWAY_MAX_CREDITS = [string]((Get-RunwayCredit).SessionEstimatedSpend + 10)
            (Get-ErrorRecord { New-RunwayRoutedImage -Router open -Prompt 'x' }).FullyQualifiedErrorId | Should -Match 'Runway.BudgetExceeded|Runway.UnknownPrice'
            (Get-ErrorRecord { New-RunwayRoutedImage -Router capped -Prompt 'x' -OutputCount 2 }).Exception.Message | Should -Match '16 credits'
            Get-ApiRequest '/v1/generate/' | Should -HaveCount 0
            (New-RunwayRoutedImage -Router capped -Prompt 'x').Id | Should -Not -BeNullOrEmpty
            Get-ApiRequest '/v1/generate/image' | Should -HaveCount 1
        }
        finally { Remove-Item Env:RUNWAY_MAX_CREDITS; Disconnect-Runway }
    }

    It '-ThrottleLimit bounds a router''s unfinished tasks in one command' {
        New-RunwayRouter -Slug 'queue' -AllowOnly gemini_2.5_flash | Out-Null
        $tasks = @('a', 'b', 'c' | New-RunwayRoutedImage -Router queue -ThrottleLimit 1 -Wait)
        $tasks | Should -HaveCount 3
        $tasks.Status | Should -Be @('SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED')
        (Get-RunwaySimulatorStat -Url $SimUrl).maxInFlight.'gemini_2.5_flash' | Should -Be 1
    }

    It 'an unknown router is refused before any create' {
        $record = Get-ErrorRecord { New-RunwayRoutedImage -Router nowhere -Prompt 'x' }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.RouterNotFound*'
        $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-ApiRequest '/v1/generate/' | Should -HaveCount 0
    }

    It 'bad input is refused with <Id> before any request' -TestCases @(
        @{ Id = 'Runway.InvalidChoice'; Script = { New-RunwayRoutedVideo -Router r -Prompt 'x' -AspectRatio 1280:720 } }
        @{ Id = 'Runway.InvalidChoice'; Script = { New-RunwayRoutedVideo -Router r -Prompt 'x' -Resolution 2k } }
        @{ Id = 'Runway.InvalidChoice'; Script = { New-RunwayRoutedImage -Router r -Prompt 'x' -Resolution 720p } }
        @{ Id = 'Runway.DuplicateRole'; Script = { New-RunwayRoutedVideo -Router r -Image $Png -ReferenceImage @{ Uri = $Png; Role = 'first' } } }
        @{ Id = 'Runway.DuplicateRole'; Script = { New-RunwayRoutedVideo -Router r -Video 'https://example.com/a.mp4' -ReferenceVideo @{ Uri = 'https://example.com/b.mp4'; Role = 'source' } } }
        @{ Id = 'Runway.InvalidChoice'; Script = { New-RunwayRoutedVideo -Router r -ReferenceImage @{ Uri = $Png; Role = 'middle' } } }
        @{ Id = 'Runway.KeyframesNeedSourceVideo'; Script = { New-RunwayRoutedVideo -Router r -Prompt 'x' -Keyframe @{ Seconds = 1; Image = $Png } } }
        @{ Id = 'Runway.InvalidKeyframe'; Script = { New-RunwayRoutedVideo -Router r -Video 'https://example.com/a.mp4' -Keyframe @{ Seconds = 1; At = 2; Image = $Png } } }
        @{ Id = 'Runway.InvalidOutputCount'; Script = { New-RunwayRoutedImage -Router r -Prompt 'x' -OutputCount 11 } }
        @{ Id = 'Runway.InvalidSeed'; Script = { New-RunwayRoutedImage -Router r -Prompt 'x' -Seed -1 } }
        @{ Id = 'Runway.InvalidDuration'; Script = { New-RunwayRoutedVideo -Router r -Prompt 'x' -Duration 0 } }
        @{ Id = 'Runway.ParameterNotForType'; Script = { New-RunwayRoutedAudio -Router r -Type audio -Prompt 'x' -Voice Maya } }
        @{ Id = 'Runway.ParameterNotForType'; Script = { New-RunwayRoutedAudio -Router r -Type speech -Prompt 'x' -Loop } }
        @{ Id = 'Runway.InvalidChoice'; Script = { New-RunwayRoutedAudio -Router r -Type music -Prompt 'x' } }
        @{ Id = 'Runway.UnknownVoice'; Script = { New-RunwayRoutedAudio -Router r -Type speech -Prompt 'x' -Voice Nobody } }
        @{ Id = 'Runway.TooManyReferences'; Script = { New-RunwayRoutedAudio -Router r -Type audio -Prompt 'x' -ReferenceAudio (1..4 | ForEach-Object { "https://example.com/$_.mp3" }) } }
        @{ Id = 'Runway.UnsupportedFormat'; Script = { New-RunwayRoutedVideo -Router r -Video $Png } }
    ) {
        param($Id, $Script)
        $record = Get-ErrorRecord $Script
        $record | Should -Not -BeNullOrEmpty
        $record.FullyQualifiedErrorId | Should -BeLike "$Id*"
        $record.Exception.Message | Should -Match '\.$'
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'completes router slugs from the list and the routed values from the declarations' {
        New-RunwayRouter -Slug 'alpha-one' | Out-Null
        New-RunwayRouter -Slug 'beta' | Out-Null
        (Complete 'New-RunwayRoutedImage -Router al').CompletionText | Should -Be @('alpha-one')
        (Complete 'New-RunwayRoutedImage -AspectRatio 4').CompletionText | Should -Be @('4:3', '4:5')
        (Complete 'New-RunwayRoutedVideo -Resolution ').CompletionText | Should -Be @('480p', '720p', '1080p', '4k')
        (Complete 'New-RunwayRoutedAudio -Type s').CompletionText | Should -Be @('speech')
    }
}
