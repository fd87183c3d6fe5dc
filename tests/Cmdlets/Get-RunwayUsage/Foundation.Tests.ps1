# Get-RunwayUsage: its tests moved from tests/Foundation.Tests.ps1 (the area's shared setup is tests/Helpers/Foundation.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Foundation.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Get-RunwayUsage' {
    BeforeAll { Reset-RunwaySimulator -Url $SimUrl }

    It 'rejects a date range the API would reject, before sending' {
        Clear-RunwaySimulatorRequest -Url $SimUrl
        { Get-RunwayUsage -StartDate '2026-03-01' -BeforeDate '2026-01-01' -ErrorAction Stop } | Should -Throw '*must be before*'
        { Get-RunwayUsage -StartDate '2026-01-01' -BeforeDate '2026-06-01' -ErrorAction Stop } | Should -Throw '*at most 90 days*'
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'refuses -Model that is no model, before sending' {
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $record = Get-ErrorRecord { Get-RunwayUsage -Model gen4_image, zz-test-nonexistent-model }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.UnknownModel*'
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $record.TargetObject | Should -Be 'zz-test-nonexistent-model'
        $record.Exception.Message | Should -Match "Unknown model 'zz-test-nonexistent-model'.*gen4_turbo"
        Get-ApiRequest | Should -HaveCount 0
    }
}
