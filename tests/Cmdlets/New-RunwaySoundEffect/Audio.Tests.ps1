# New-RunwaySoundEffect: its tests moved from tests/Audio.Tests.ps1 (the area's shared setup is tests/Helpers/Audio.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Audio.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwaySoundEffect' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'the requested -Duration is the length of the saved WAV; -Loop is sent' {
        $file = New-RunwaySoundEffect -Prompt 'rain on a tin roof' -Duration 2.5 -Loop -OutFile rain.wav
        $file.Name | Should -Be 'rain.wav'
        Get-WavSeconds ./rain.wav | Should -Be 2.5
        $body = (Get-CreateBody sound_effect)[0]
        $body.model | Should -Be 'eleven_text_to_sound_v2'
        $body.promptText | Should -Be 'rain on a tin roof'
        $body.duration | Should -Be 2.5
        $body.loop | Should -BeTrue
    }

    It 'without -Duration or -Loop sends neither: the model chooses the length' {
        $task = New-RunwaySoundEffect 'a door creaks open' -Wait
        $task.Status | Should -Be 'SUCCEEDED'
        $body = (Get-CreateBody sound_effect)[0]
        $body.PSObject.Properties.Name | Sort-Object | Should -Be @('model', 'promptText')
    }

    It 'accepts a 3000-character prompt' {
        New-RunwaySoundEffect -Prompt ('a' * 3000) -Duration 1 | Out-Null
        (Get-CreateBody sound_effect)[0].promptText.Length | Should -Be 3000
    }
}

Describe 'New-RunwaySoundEffect, bad input is rejected with a clear error before any request' {
    BeforeAll {
        [IO.File]::WriteAllBytes((Join-Path $TestDrive 'anim.gif'), [byte[]](0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0) + [byte[]]::new(64))
        [IO.File]::WriteAllText((Join-Path $TestDrive 'readme.wav'), 'This is a text file with a .wav name.')
        [IO.File]::WriteAllBytes((Join-Path $TestDrive 'clip.mkv'), [byte[]](0x1A, 0x45, 0xDF, 0xA3) + [Text.Encoding]::ASCII.GetBytes('....matroska') + [byte[]]::new(64))
    }
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'a sound effect prompt over 3000 characters' {
        $record = Get-ErrorRecord { New-RunwaySoundEffect -Prompt ('a' * 3001) }
        Assert-RejectedLocally $record 'Runway.PromptTooLong' InvalidArgument 3001
    }

    It 'a sound effect of <Duration> s' -ForEach @(@{ Duration = 31 }, @{ Duration = 0.4 }, @{ Duration = 0 }) {
        $record = Get-ErrorRecord { New-RunwaySoundEffect -Prompt 'a bell' -Duration $Duration }
        Assert-RejectedLocally $record 'Runway.InvalidDuration' InvalidArgument $Duration
        $record.Exception.Message | Should -Match '0\.5–30 s'
    }
}
