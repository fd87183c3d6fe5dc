# Wait-RunwayTask: its tests moved from tests/Output.Tests.ps1 (the area's shared setup is tests/Helpers/Output.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Output.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Wait-RunwayTask -Any' {
    BeforeAll { Reset-RunwaySimulator -Url $SimUrl }

    It '-Any returns the first task that ends; the others keep running' {
        $slow = New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status RUNNING
        $fast = New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $first = Wait-RunwayTask -Id $slow.id, $fast.id -Any -TimeoutSec 20
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        @($first) | Should -HaveCount 1
        $first.Id | Should -Be $fast.id
        Get-ApiRequest '/v1/tasks/' 'DELETE' | Should -HaveCount 0
        (Get-RunwayTask -Id $slow.id).Status | Should -Be 'RUNNING'
    }

    It '-Any with -Timeout times out like the normal wait' {
        $slow = New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status RUNNING
        $other = New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status PENDING
        $errors = Get-AllErrors { Wait-RunwayTask -Id $slow.id, $other.id -Any -TimeoutSec 1 }
        $errors | Should -HaveCount 2
        $errors | ForEach-Object { ($_.FullyQualifiedErrorId -replace ',.*') | Should -Be 'Runway.TaskTimedOut'; Assert-CleanError $_ }
    }
}
