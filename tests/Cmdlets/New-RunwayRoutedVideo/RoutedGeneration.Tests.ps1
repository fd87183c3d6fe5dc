# New-RunwayRoutedVideo: its tests moved from tests/RoutedGeneration.Tests.ps1 (the area's shared setup is tests/Helpers/RoutedGeneration.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/RoutedGeneration.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayRoutedVideo, routed generation' {
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
        @{ Id = 'Runway.UnknownVoice'; Script = { New-RunwayRoutedAudio -Router r -Type speech -Prompt 'x' -Voice zz-test-nonexistent-voice } }
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
}
