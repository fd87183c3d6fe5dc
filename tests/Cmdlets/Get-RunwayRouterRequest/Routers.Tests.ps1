# Get-RunwayRouterRequest: its tests moved from tests/Routers.Tests.ps1 (the area's shared setup is tests/Helpers/Routers.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Routers.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Get-RunwayRouterRequest, routers' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'Get-RunwayRouterRequest shows the routing history, newest first, paged' {
        $router = New-RunwayRouter -Slug 'cheap-images'
        Invoke-Generate 'cheap-images' 'a red kite' | Out-Null
        Invoke-Generate 'cheap-images' 'a blue kite' | Out-Null
        $history = @($router | Get-RunwayRouterRequest)
        $history | Should -HaveCount 2
        $history[0] | Should -BeOfType ([Runway.Api.RunwayRouterRequest])
        $history[0].Status | Should -Be 'routed'
        $history[0].Model | Should -Not -BeNullOrEmpty
        $history[0].TaskId | Should -Not -BeNullOrEmpty
        $history[0].ReasonCode | Should -Not -BeNullOrEmpty
        @($router | Get-RunwayRouterRequest -First 1) | Should -HaveCount 1
    }
}
