# Get-RunwayTask: its tests moved from tests/RoutedGeneration.Tests.ps1 (the area's shared setup is tests/Helpers/RoutedGeneration.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/RoutedGeneration.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Get-RunwayTask, routed generation' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        Push-Location $TestDrive
    }
    AfterEach { Pop-Location }

    It 'the journal keeps the routing: a fresh session lists it with Get-RunwayTask' {
        New-RunwayRouter -Slug 'later' -OptimizeFor latency | Out-Null
        $task = New-RunwayRoutedImage -Router later -Prompt 'a map'
        $lines = Invoke-InChildPwsh -Environment @{ RUNWAYML_BASE_URL = $SimUrl; RUNWAYML_API_SECRET = $TestKey } -Script "
            `$t = Get-RunwayTask -First 5 | Where-Object Id -eq '$($task.Id)'
            'router=' + `$t.Router; 'model=' + `$t.Model; 'optimize=' + `$t.Routing.OptimizeFor; 'provider=' + `$t.Routing.Provider"
        $lines | Should -Contain 'router=later'
        $lines | Should -Contain "model=$($task.Model)"
        $lines | Should -Contain 'optimize=latency'
        $lines | Should -Contain "provider=$($task.Routing.Provider)"
    }
}
