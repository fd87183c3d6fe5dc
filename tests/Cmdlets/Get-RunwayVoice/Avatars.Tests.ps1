# Get-RunwayVoice: its tests moved from tests/Avatars.Tests.ps1 (the area's shared setup is tests/Helpers/Avatars.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Avatars.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Get-RunwayVoice, custom voices' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Clear-RunwaySimulatorRequest -Url $SimUrl
    }

    It 'shows the API''s 404 for a voice id that does not exist' {
        $record = Get-ErrorRecord { Get-RunwayVoice -Id 'a2c4e6f8-0000-0000-0000-000000000000' }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.NotFound,*'
        $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $record.Exception.Message | Should -Match '404'
    }
}
