# Stop-RunwayTask: its tests moved from tests/Foundation.Tests.ps1 (the area's shared setup is tests/Helpers/Foundation.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Foundation.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Stop-RunwayTask, tasks: get, wait, stop' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'Stop-RunwayTask -WhatIf sends nothing; without it the task is cancelled' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status RUNNING).id
        Stop-RunwayTask -Id $id -WhatIf
        Get-ApiRequest '/v1/tasks/' 'DELETE' | Should -HaveCount 0
        Get-RunwayTask -Id $id | Stop-RunwayTask -Confirm:$false
        Get-ApiRequest '/v1/tasks/' 'DELETE' | Should -HaveCount 1
        (Get-RunwayTask -Id $id).Status | Should -Be 'CANCELLED'
        $errors = @()
        Wait-RunwayTask -Id $id -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.TaskCancelled*'
    }
}
