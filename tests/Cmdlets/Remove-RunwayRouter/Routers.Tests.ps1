# Remove-RunwayRouter: its tests moved from tests/Routers.Tests.ps1 (the area's shared setup is tests/Helpers/Routers.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Routers.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Remove-RunwayRouter, routers' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'Remove-RunwayRouter deletes; the router is then not found' {
        $router = New-RunwayRouter -Slug 'short-lived'
        $router | Remove-RunwayRouter -Confirm:$false
        $err = Get-ErrorRecord { Get-RunwayRouter -Id $router.Id }
        $err.Exception.Message | Should -Match '404|not found'
        (Get-ApiRequest '/v1/routers/' -Method DELETE) | Should -HaveCount 1
    }
}
