# Get-RunwayWorkflowInvocation: its tests moved from tests/ResourceReads.Tests.ps1 (the area's shared setup is tests/Helpers/ResourceReads.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/ResourceReads.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Get-RunwayWorkflowInvocation' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Clear-RunwaySimulatorRequest -Url $SimUrl
    }

    It 'reads a run once without waiting, and pipes into Wait-RunwayWorkflowInvocation' {
        $run = Get-RunwayWorkflow -Name 'Product shot' -Latest | Invoke-RunwayWorkflow -Inputs @{ 'Product image' = $Face } -Confirm:$false
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $now = Get-RunwayWorkflowInvocation -Id $run.Id
        $now | Should -BeOfType ([Runway.Api.RunwayWorkflowInvocation])
        $now.Id | Should -Be $run.Id
        $now.WorkflowName | Should -Be 'Product shot'
        Get-ApiRequest '/v1/workflow_invocations/' | Should -HaveCount 1
        $done = $now | Wait-RunwayWorkflowInvocation
        $done.Status | Should -Be 'SUCCEEDED'
        # The same outputs, compared without their signature: a read a second later signs with a later expiry.
        $unsigned = { param($urls) $urls | ForEach-Object { ([uri]"$_").GetLeftPart([UriPartial]::Path) } }
        & $unsigned (Get-RunwayWorkflowInvocation -Id $run.Id).Output | Should -Be (& $unsigned $done.Output)
    }

    It 'refuses the id <Id> with zero requests' -ForEach @(@{ Id = '..' }, @{ Id = 'x/y' }, @{ Id = ' ' }) {
        $err = Get-ErrorRecord { Get-RunwayWorkflowInvocation -Id $Id }
        $err.FullyQualifiedErrorId | Should -BeLike 'Runway.InvalidId*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-ApiRequest | Should -HaveCount 0
    }

    It "shows the API's message for an unknown run, with the id as the target" {
        $err = Get-ErrorRecord { Get-RunwayWorkflowInvocation -Id 00000000-0000-0000-0000-000000000000 }
        $err.FullyQualifiedErrorId | Should -BeLike 'Runway.*'
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err.TargetObject | Should -Be '00000000-0000-0000-0000-000000000000'
    }

    It 'completes the ids of runs this session started' {
        $run = Get-RunwayWorkflow -Name 'Product shot' -Latest | Invoke-RunwayWorkflow -Inputs @{ 'Product image' = $Face } -Confirm:$false
        $line = 'Get-RunwayWorkflowInvocation -Id '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $run.Id
    }
}
