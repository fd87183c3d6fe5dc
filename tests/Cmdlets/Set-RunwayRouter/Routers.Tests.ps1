# Set-RunwayRouter: its tests moved from tests/Routers.Tests.ps1 (the area's shared setup is tests/Helpers/Routers.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Routers.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Set-RunwayRouter, routers' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'Set-RunwayRouter merges the settings and the version follows settings changes only' {
        $router = New-RunwayRouter -Slug 'videos' -Exclude gen4_turbo
        $renamed = $router | Set-RunwayRouter -Name 'Video router'
        $renamed.Version | Should -Be 1
        $changed = $router | Set-RunwayRouter -OptimizeFor latency -ClearDescription
        $changed.Version | Should -Be 2
        $changed.OptimizeFor | Should -Be 'latency'
        $changed.ModelsMode | Should -Be 'allow_new_except'
        $changed.Name | Should -Be 'Video router'
        ((Get-ApiRequest '/v1/routers/' -Method PATCH)[-1].body | ConvertFrom-Json -AsHashtable).ContainsKey('description') | Should -BeTrue
    }
}
