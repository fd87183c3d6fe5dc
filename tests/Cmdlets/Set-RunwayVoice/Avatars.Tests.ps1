# Set-RunwayVoice: renames and redescribes a custom voice; bad input is refused before any request.
BeforeAll {
    . $PSScriptRoot/../../Helpers/Avatars.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Set-RunwayVoice' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl; Clear-RunwaySimulatorRequest -Url $SimUrl }

    It 'refuses <Case> with zero requests' -ForEach @(
        @{ Case = 'an id that cannot be one'; Id = 'Runway.InvalidId'; Script = { Set-RunwayVoice -Id '..' -Name 'Storyteller' } }
        @{ Case = 'an update that changes nothing'; Id = 'Runway.NothingToChange'; Script = { Set-RunwayVoice -Id 'a2c4e6f8-0000-0000-0000-000000000000' } }
    ) {
        $record = Get-ErrorRecord $Script
        $record.FullyQualifiedErrorId | Should -BeLike "$Id*"
        $record.CategoryInfo.Category | Should -Not -Be 'NotSpecified'
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'renames a voice and changes its description, sending only what changed' {
        $voice = New-RunwayVoice -Name 'Narrator' -Prompt $Description -Wait
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $updated = Set-RunwayVoice -Id $voice.Id -Name 'Storyteller' -PassThru
        $updated.Name | Should -Be 'Storyteller'
        $body = (Get-ApiRequest "/v1/voices/$($voice.Id)" PATCH)[0].body | ConvertFrom-Json -AsHashtable
        $body.Keys | Should -Be @('name')
        Set-RunwayVoice -Id $voice.Id -Description 'Bedtime'
        $read = Get-RunwayVoice -Id $voice.Id
        $read.Name | Should -Be 'Storyteller'
        $read.Description | Should -Be 'Bedtime'
    }
}
