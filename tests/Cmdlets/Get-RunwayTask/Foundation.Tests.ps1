# Get-RunwayTask: its tests moved from tests/Foundation.Tests.ps1 (the area's shared setup is tests/Helpers/Foundation.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Foundation.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Get-RunwayTask, task ids that cannot be task ids' {
    BeforeAll {
        Reset-RunwaySimulator -Url $SimUrl
        $script:BadIds = 'abc', '42', '../organization', ' ', 'v1/tasks', '17f20503-6c24-4c16-946b-35dbbce2af2f/../x'
    }

    It 'a good id among bad ones is still served' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        $errors = @()
        $tasks = @(Get-RunwayTask -Id 'abc', $id -ErrorVariable errors -ErrorAction SilentlyContinue)
        $tasks.Id | Should -Be $id
        $errors | Should -HaveCount 1
        $errors[0].TargetObject | Should -Be 'abc'
    }
}

Describe 'Get-RunwayTask, tasks: get, wait, stop' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'gets a task by id, by pipeline string and by property name' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        $task = Get-RunwayTask -Id $id
        $task | Should -BeOfType Runway.Api.RunwayTask
        $task.Id | Should -Be $id
        $task.Status | Should -Be 'SUCCEEDED'
        $task.Output | Should -Not -BeNullOrEmpty
        $task.CreatedAt | Should -BeOfType [DateTimeOffset]
        ($id | Get-RunwayTask).Id | Should -Be $id
        ([pscustomobject]@{ Id = $id } | Get-RunwayTask).Id | Should -Be $id
    }

    It 'Get-RunwayTask | Wait-RunwayTask follows a task to SUCCEEDED with output URLs' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo).id
        $done = Get-RunwayTask -Id $id | Wait-RunwayTask
        $done.Status | Should -Be 'SUCCEEDED'
        $done.Output[0] | Should -Match '^https?://'
    }
}
