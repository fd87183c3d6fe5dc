# Get-RunwayUsage: its tests moved from tests/Organization.Tests.ps1 (the area's shared setup is tests/Helpers/Organization.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Organization.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Get-RunwayUsage -Summary' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Clear-RunwaySimulatorRequest -Url $SimUrl
    }

    It "outputs the answer's models, its apiKeys and the total" {
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ usageByApiKey = $true } | Out-Null
        New-RunwayImage -Prompt 'a summary test' -Model gen4_image -Ratio 1280:720 -Wait -Confirm:$false | Out-Null
        $summary = Get-RunwayUsage -Summary
        $summary | Should -BeOfType ([Runway.Api.RunwayUsageSummary])
        $summary.Models | Should -Be @('gen4_image')
        $summary.ApiKeys | Should -HaveCount 1
        $summary.Credits | Should -Be ((Get-RunwayUsage | Measure-Object Credits -Sum).Sum)
        $summary.Days | Should -Be 1
        $answer = Invoke-RestMethod -Method Post -Uri "$SimUrl/v1/organization/usage" -Headers @{ Authorization = "Bearer $TestKey"; 'X-Runway-Version' = '2024-11-06' } -ContentType 'application/json' -Body '{}'
        $summary.ApiKeys | Should -Be @($answer.apiKeys)
    }

    It 'says apiKeys were not in the answer when the API leaves them out' {
        $summary = Get-RunwayUsage -Summary
        $summary.ApiKeys | Should -BeNullOrEmpty
        $summary.Models | Should -HaveCount 0
        ($summary | Out-String) | Should -BeLike '*ApiKeys*(not in the answer)*'
    }
}
