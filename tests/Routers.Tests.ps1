BeforeAll {
    . $PSScriptRoot/Helpers/Routers.ps1
}

AfterAll { Exit-AreaTest }

Describe 'A router is named by its slug or its id, wherever a router is named' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'Get-, Set-, Remove-RunwayRouter and Get-RunwayRouterRequest take the slug' {
        $router = New-RunwayRouter -Slug 'by-slug' -MaxImageCredits 20
        (Get-RunwayRouter -Id 'by-slug').Id | Should -Be $router.Id
        (Set-RunwayRouter -Id 'by-slug' -Name 'Renamed' -Confirm:$false).Name | Should -Be 'Renamed'
        Invoke-Generate 'by-slug' 'a kite' | Out-Null
        @(Get-RunwayRouterRequest -RouterId 'by-slug').Count | Should -Be 1
        Remove-RunwayRouter -Id 'by-slug' -Force
        Get-ApiRequest "/v1/routers/$($router.Id)" -Method DELETE | Should -HaveCount 1
    }

    It 'a slug or id that names no router is Runway.RouterNotFound, and nothing is changed' {
        New-RunwayRouter -Slug 'kept' | Out-Null
        $record = Get-ErrorRecord { Remove-RunwayRouter -Id 'zz-test-nonexistent-router' -Force }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.RouterNotFound*'
        $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $record.TargetObject | Should -Be 'zz-test-nonexistent-router'
        Get-ApiRequest '/v1/routers' -Method DELETE | Should -HaveCount 0
    }
}
