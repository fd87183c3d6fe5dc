# New-RunwayRoutedAudio: its tests moved from tests/RoutedGeneration.Tests.ps1 (the area's shared setup is tests/Helpers/RoutedGeneration.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/RoutedGeneration.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayRoutedAudio, routed generation' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        Push-Location $TestDrive
    }
    AfterEach { Pop-Location }

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
}
