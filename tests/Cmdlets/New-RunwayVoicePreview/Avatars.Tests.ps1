# New-RunwayVoicePreview: its tests moved from tests/Avatars.Tests.ps1 (the area's shared setup is tests/Helpers/Avatars.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Avatars.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayVoicePreview, custom voices' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Clear-RunwaySimulatorRequest -Url $SimUrl
    }

    It 'previews a description into an MP3 file without creating a voice' {
        $file = New-RunwayVoicePreview -Prompt $Description -Model eleven_multilingual_ttv_v2 -OutFile (Join-Path $TestDrive 'p.mp3') -Force
        $file | Should -BeOfType ([IO.FileInfo])
        $file.Length | Should -BeGreaterThan 0
        ((Get-ApiRequest '/v1/voices/preview' 'POST')[0].body | ConvertFrom-Json).model | Should -Be 'eleven_multilingual_ttv_v2'
        @(Get-RunwayVoice) | Should -HaveCount 0
    }
}
