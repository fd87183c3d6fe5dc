# Wait-RunwayWorkflowInvocation: its tests moved from tests/Workflows.Tests.ps1 (the area's shared setup is tests/Helpers/Workflows.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Workflows.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Wait-RunwayWorkflowInvocation, workflows' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Push-Location $TestDrive
    }
    AfterEach { Pop-Location }

    It 'a wait that times out names the run and leaves it running' {
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ RunMs = 5000 } | Out-Null
        $version = Get-Seeded 'Product shot' 1
        $run = Invoke-RunwayWorkflow -Id $version.Id -Inputs @{ Prompt = 'slow' }
        $err = Get-ErrorRecord { Wait-RunwayWorkflowInvocation -Id $run.Id -TimeoutSec 1 }
        $err.FullyQualifiedErrorId | Should -BeLike 'Runway.WorkflowTimedOut*'
        $err.Exception.Message | Should -Match "Wait-RunwayWorkflowInvocation -Id $($run.Id)"
    }
}
