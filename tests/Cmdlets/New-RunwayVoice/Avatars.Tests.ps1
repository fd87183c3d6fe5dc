# New-RunwayVoice: its tests moved from tests/Avatars.Tests.ps1 (the area's shared setup is tests/Helpers/Avatars.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Avatars.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayVoice, custom voices' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Clear-RunwaySimulatorRequest -Url $SimUrl
    }

    It 'designs a voice, waits until READY, lists, renames and deletes it' {
        $voice = New-RunwayVoice -Name 'Narrator' -Prompt $Description -Wait
        $voice | Should -BeOfType ([Runway.Api.RunwayVoice])
        $voice.Status | Should -Be 'READY'
        $voice.PreviewUrl | Should -Match '^http'
        $body = (Get-ApiRequest '/v1/voices' 'POST')[0].body | ConvertFrom-Json
        $body.from.model | Should -Be 'eleven_ttv_v3'
        $body.from.type | Should -Be 'text'
        @(Get-RunwayVoice).Id | Should -Contain $voice.Id
        ($voice | Set-RunwayVoice -Name 'Storyteller' -Description 'Bedtime' -PassThru).Name | Should -Be 'Storyteller'
        Set-RunwayVoice -Id $voice.Id -Description ''
        (Get-RunwayVoice -Id $voice.Id).Description | Should -BeNullOrEmpty
        $voice | Remove-RunwayVoice
        @(Get-RunwayVoice) | Should -HaveCount 0
    }

    It 'refuses bad input with zero requests: <Case>' -ForEach @(
        @{ Case = 'short description'; Script = { New-RunwayVoice -Name 'N' -Prompt 'too short' }; Id = 'Runway.PromptTooShort' }
        @{ Case = 'name over 100'; Script = { New-RunwayVoice -Name ('n' * 101) -Prompt $Description }; Id = 'Runway.NameTooLong' }
        @{ Case = 'unknown design model'; Script = { New-RunwayVoicePreview -Prompt $Description -Model 'zz-test-nonexistent-model' }; Id = 'Runway.UnknownModel' }
        @{ Case = 'nothing to change'; Script = { Set-RunwayVoice -Id 'a2c4e6f8-0000-0000-0000-000000000000' }; Id = 'Runway.NothingToChange' }
        @{ Case = 'clone sample under 10 s'; Script = { New-RunwayVoice -Name 'Me' -Audio $Mp3 }; Id = 'Runway.InvalidDuration' }
        @{ Case = 'an image to clone'; Script = { New-RunwayVoice -Name 'Me' -Audio $Face }; Id = 'Runway.UnsupportedFormat' }
        @{ Case = 'a custom voice for text to speech'; Script = { New-RunwaySpeech -Text 'Hello' -Voice 'a2c4e6f8-0000-0000-0000-000000000000' }; Id = 'Runway.CustomVoiceNotAccepted' }
    ) {
        $record = Get-ErrorRecord $Script
        $record.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        Request-Count | Should -Be 0
    }
}
