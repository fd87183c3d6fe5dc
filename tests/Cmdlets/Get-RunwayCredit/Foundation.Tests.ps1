# Get-RunwayCredit: its tests moved from tests/Foundation.Tests.ps1 (the area's shared setup is tests/Helpers/Foundation.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Foundation.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Get-RunwayCredit' {
    BeforeAll { Reset-RunwaySimulator -Url $SimUrl }

    It 'reports the balance, tier limits and today''s use' {
        $credit = Get-RunwayCredit
        $credit | Should -BeOfType Runway.Api.RunwayCredit
        $credit.CreditBalance | Should -Be 10000
        $credit.BalanceUsd | Should -Be 100
        ($credit.Models | Where-Object Model -eq 'gen4_turbo').MaxConcurrentGenerations | Should -BeGreaterThan 0
    }

    It 'shows the spend of a created task in the balance, today''s generations and the usage rows' {
        New-RunwayImage -Prompt 'a lighthouse' -Model gen4_image -Ratio 1920:1080 -Wait | Out-Null
        $credit = Get-RunwayCredit
        $credit.CreditBalance | Should -Be (10000 - 8)
        ($credit.Models | Where-Object Model -eq 'gen4_image').DailyGenerations | Should -Be 1
        $rows = @(Get-RunwayUsage)
        $row = $rows | Where-Object Model -eq 'gen4_image'
        $row.Credits | Should -Be 8
        $row.Date | Should -Be ([DateTime]::UtcNow.Date)
        $row.Usd | Should -Be 0.08
        @(Get-RunwayUsage -Model gen4_turbo) | Should -HaveCount 0
    }
}
