# New-RunwaySpeech: its tests moved from tests/Avatars.Tests.ps1 (the area's shared setup is tests/Helpers/Avatars.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Avatars.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwaySpeech, custom voices' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Clear-RunwaySimulatorRequest -Url $SimUrl
    }

    It 'says that text to speech takes presets when given a voice this session created' {
        $voice = New-RunwayVoice -Name 'Narrator' -Prompt $Description -Wait
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $record = Get-ErrorRecord { New-RunwaySpeech -Text 'Hello' -Voice $voice.Id }
        $record.Exception.Message | Should -Match 'preset'
        $record.Exception.Message | Should -Match 'New-RunwayAvatar'
        Request-Count '/v1/text_to_speech' | Should -Be 0
    }
}
