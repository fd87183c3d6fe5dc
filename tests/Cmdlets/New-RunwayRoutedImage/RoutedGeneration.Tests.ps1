# New-RunwayRoutedImage: its tests moved from tests/RoutedGeneration.Tests.ps1 (the area's shared setup is tests/Helpers/RoutedGeneration.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/RoutedGeneration.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayRoutedImage, routed generation' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        Push-Location $TestDrive
    }
    AfterEach { Pop-Location }

    It 'a routed image: -Wait outputs the task with the chosen model, its provider and estimate; the session spend counts the estimate' {
        New-RunwayRouter -Slug 'pics' -OptimizeFor cost | Out-Null
        $before = (Get-RunwayCredit).SessionEstimatedSpend
        $task = New-RunwayRoutedImage -Router pics -Prompt 'a lighthouse' -AspectRatio 2:3 -Resolution 1k -OutputCount 2 -Wait
        $task | Should -BeOfType ([Runway.Api.RunwayTask])
        $task.Status | Should -Be 'SUCCEEDED'
        $task.Output | Should -HaveCount 2
        $task.Routing.Model | Should -Be 'gpt_image_2'
        $task.Model | Should -Be 'gpt_image_2'
        $task.Routing.Provider | Should -Be 'openai'
        $task.Routing.PriceCeiling | Should -BeNullOrEmpty
        $task.Routing.ResolvedInput['aspectRatio'] | Should -Be '2:3'
        $task.Routing.EstimatedCredits | Should -BeGreaterThan 0
        $task.EstimatedCredits | Should -Be $task.Routing.EstimatedCredits
        (Get-RunwayCredit).SessionEstimatedSpend - $before | Should -Be $task.Routing.EstimatedCredits
        $body = Get-CreateBody image
        $body.input.outputCount | Should -Be 2
        # The task is polled where every task is.
        Get-ApiRequest "/v1/tasks/$($task.Id)" | Should -Not -BeNullOrEmpty
        # The router's own account of the choice: the routing binds its RouterId, and the newest page holds the task.
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $decision = $task.Routing | Get-RunwayRouterRequest | Where-Object TaskId -eq $task.Id | Select-Object -First 1
        $decision.Model | Should -Be 'gpt_image_2'
        $decision.ReasonCode | Should -Not -BeNullOrEmpty
        $decision.Reason | Should -Match 'gpt_image_2'
        Get-ApiRequest '/v1/routers/' | Should -HaveCount 1
        ($task | Format-Table -View Routing | Out-String -Width 250) | Should -Match 'pics\s+gpt_image_2\s+openai\s+cost'
        ($task.Routing | Format-List | Out-String -Width 250) | Should -Match 'ResolvedInput\s+: aspectRatio 2:3, ratio \d+:\d+, resolution 1k'
    }

    It 'a capacity fallback is surfaced: the skipped model, then every model exhausted' {
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ MaxConcurrent = 1; RunMs = 4000 } | Out-Null
        try {
            New-RunwayRouter -Slug 'busy' -OptimizeFor cost -FallbackOnCapacity | Out-Null
            New-RunwayRouter -Slug 'only-gemini' -AllowOnly gemini_2.5_flash -FallbackOnCapacity | Out-Null
            $first = New-RunwayRoutedImage -Router busy -Prompt 'one'
            $first.Model | Should -Be 'gemini_2.5_flash'
            $deadline = (Get-Date).AddSeconds(10)
            while ((Get-RunwayTask -Id $first.Id).Status -ne 'RUNNING' -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $second = New-RunwayRoutedImage -Router busy -Prompt 'two'
            $second.Routing.CapacityFallback | Should -BeTrue
            $second.Routing.Skipped | Should -Be @('gemini_2.5_flash')
            $second.Routing.AllExhausted | Should -BeFalse
            $second.Model | Should -Not -Be 'gemini_2.5_flash'
            $second.Routing.Reason | Should -Match 'skipped at capacity: gemini_2\.5_flash'
            $third = New-RunwayRoutedImage -Router only-gemini -Prompt 'three'
            $third.Routing.AllExhausted | Should -BeTrue
            $third.Model | Should -Be 'gemini_2.5_flash'
            # The journal keeps it for later sessions.
            $fromJournal = Get-RunwayTask -First 3 | Where-Object Id -eq $second.Id
            $fromJournal.Routing.Skipped | Should -Be @('gemini_2.5_flash')
            ($fromJournal | Format-Table -View Routing | Out-String -Width 250) | Should -Match 'skipped gemini_2\.5_flash'
        }
        finally { Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ MaxConcurrent = 2; RunMs = 300 } | Out-Null }
    }

    It 'under a spending cap: an uncapped router is refused unless unknown prices are allowed; a ceiling is reserved' {
        New-RunwayRouter -Slug 'open' | Out-Null
        New-RunwayRouter -Slug 'capped' -MaxImageCredits 8 | Out-Null
        try {
            # The cap is per process: leave room for 10 more credits than this session has spent.
            $env:RUNWAY_MAX_CREDITS = [string]((Get-RunwayCredit).SessionEstimatedSpend + 10)
            (Get-ErrorRecord { New-RunwayRoutedImage -Router open -Prompt 'x' }).FullyQualifiedErrorId | Should -Match 'Runway.BudgetExceeded|Runway.UnknownPrice'
            (Get-ErrorRecord { New-RunwayRoutedImage -Router capped -Prompt 'x' -OutputCount 2 }).Exception.Message | Should -Match '16 credits'
            Get-ApiRequest '/v1/generate/' | Should -HaveCount 0
            (New-RunwayRoutedImage -Router capped -Prompt 'x').Id | Should -Not -BeNullOrEmpty
            Get-ApiRequest '/v1/generate/image' | Should -HaveCount 1
        }
        finally { Remove-Item Env:RUNWAY_MAX_CREDITS; Disconnect-Runway }
    }

    It '-ThrottleLimit bounds a router''s unfinished tasks in one command' {
        New-RunwayRouter -Slug 'queue' -AllowOnly gemini_2.5_flash | Out-Null
        $tasks = @('a', 'b', 'c' | New-RunwayRoutedImage -Router queue -ThrottleLimit 1 -Wait)
        $tasks | Should -HaveCount 3
        $tasks.Status | Should -Be @('SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED')
        (Get-RunwaySimulatorStat -Url $SimUrl).maxInFlight.'gemini_2.5_flash' | Should -Be 1
    }

    It 'an unknown router is refused before any create' {
        $record = Get-ErrorRecord { New-RunwayRoutedImage -Router zz-test-nonexistent-router -Prompt 'x' }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.RouterNotFound*'
        $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-ApiRequest '/v1/generate/' | Should -HaveCount 0
    }
}
