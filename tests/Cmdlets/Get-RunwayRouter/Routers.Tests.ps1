# Get-RunwayRouter: its tests moved from tests/Routers.Tests.ps1 (the area's shared setup is tests/Helpers/Routers.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Routers.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Get-RunwayRouter, routers' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'Get-RunwayRouter pages through the list with -First/-Skip and reads no more than it needs' {
        1..5 | ForEach-Object { New-RunwayRouter -Slug "r$_" } | Out-Null
        Clear-RunwaySimulatorRequest -Url $SimUrl
        @(Get-RunwayRouter) | Should -HaveCount 5
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $two = @(Get-RunwayRouter -Skip 1 -First 2)
        $two.Slug | Should -Be @('r4', 'r3')
        # One page of -Skip + -First items: nothing more is read.
        Get-ApiRequest '/v1/routers' -Method GET | Should -HaveCount 1
        (Get-RunwayRouter -Id $two[0].Id).Slug | Should -Be 'r4'
    }
}
