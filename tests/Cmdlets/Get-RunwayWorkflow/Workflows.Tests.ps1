# Get-RunwayWorkflow: its tests moved from tests/Workflows.Tests.ps1 (the area's shared setup is tests/Helpers/Workflows.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Workflows.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Get-RunwayWorkflow, workflows' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Push-Location $TestDrive
    }
    AfterEach { Pop-Location }

    It 'lists every published version, newest first, and -Latest / -Name narrow it' {
        $all = @(Get-RunwayWorkflow)
        $all | Should -HaveCount 4
        $all[0] | Should -BeOfType ([Runway.Api.RunwayWorkflowVersion])
        $shots = @(Get-RunwayWorkflow -Name 'product*')
        $shots.Version | Should -Be @(2, 1)
        $shots.IsLatest | Should -Be @($true, $false)
        @(Get-RunwayWorkflow -Latest) | Should -HaveCount 3
        (Get-ApiRequest '/v1/workflows')[0].path | Should -Be '/v1/workflows'
    }

    It 'a listed version piped into Get-RunwayWorkflow gives its declared inputs' {
        $workflow = Get-Seeded 'Product shot' 2 | Get-RunwayWorkflow
        $workflow | Should -BeOfType ([Runway.Api.RunwayWorkflow])
        $workflow.InputsKnown | Should -BeTrue
        $workflow.Inputs.Name | Should -Be @('Product image.image', 'Prompt.text')
        ($workflow.Inputs | Where-Object Name -eq 'Product image.image').Required | Should -BeTrue
        ($workflow.Inputs | Where-Object Name -eq 'Prompt.text').Default | Should -Be 'studio product photo, soft light'
        $workflow.Steps | Should -Be @('Product render')
    }
}
