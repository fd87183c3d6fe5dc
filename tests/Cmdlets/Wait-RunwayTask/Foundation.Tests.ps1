# Wait-RunwayTask: its tests moved from tests/Foundation.Tests.ps1 (the area's shared setup is tests/Helpers/Foundation.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Foundation.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Wait-RunwayTask, tasks: get, wait, stop' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'waits for many tasks in one loop and emits each once' {
        $ids = 1..6 | ForEach-Object { (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo).id }
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $done = @($ids | Wait-RunwayTask)
        $done | Should -HaveCount 6
        ($done.Id | Sort-Object) | Should -Be ($ids | Sort-Object)
        $done.Status | Select-Object -Unique | Should -Be 'SUCCEEDED'
        # One GET per unfinished task per round: far fewer than six independent waiters would send.
        (Get-ApiRequest '/v1/tasks/' 'GET').Count | Should -BeLessThan 120
    }

    It 'reports a FAILED task as an error that keeps the id, the failure and its code' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -PromptText 'x [fail:SAFETY.INPUT.TEXT]').id
        $errors = @()
        $out = Wait-RunwayTask -Id $id -ErrorVariable errors -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.TaskFailed*'
        $errors[0].CategoryInfo.Category | Should -Be 'SecurityError'
        $errors[0].TargetObject.Id | Should -Be $id
        $errors[0].TargetObject.FailureCode | Should -Be 'SAFETY.INPUT.TEXT'
        $errors[0].Exception.Message | Should -Match $id
        $errors[0].Exception.Message | Should -Match 'SAFETY.INPUT.TEXT'
    }

    It 'times out with an error that keeps the task id, and leaves the task running' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status RUNNING).id
        $errors = @()
        Wait-RunwayTask -Id $id -TimeoutSec 1 -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.TaskTimedOut*'
        $errors[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $errors[0].TargetObject.Id | Should -Be $id
        $errors[0].Exception.Message | Should -Match "Wait-RunwayTask -Id $id"
        (Get-RunwayTask -Id $id).Status | Should -Be 'RUNNING'
        Get-ApiRequest '/v1/tasks/' 'DELETE' | Should -HaveCount 0
    }

    It 'a task deleted while waiting ends the wait with a not-found error naming it' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        Stop-RunwayTask -Id $id -Confirm:$false
        $errors = @()
        Wait-RunwayTask -Id $id -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.TaskNotFound*'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].TargetObject.Id | Should -Be $id
    }
}
