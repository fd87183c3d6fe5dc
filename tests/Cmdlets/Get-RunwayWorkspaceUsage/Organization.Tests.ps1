# Get-RunwayWorkspaceUsage: its tests moved from tests/Organization.Tests.ps1 (the area's shared setup is tests/Helpers/Organization.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Organization.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Get-RunwayWorkspaceUsage' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Clear-RunwaySimulatorRequest -Url $SimUrl
    }

    It 'lists typed rows newest first, with the window the API needs' {
        $rows = @(Get-RunwayWorkspaceUsage -From (Get-Date).AddDays(-30) -To (Get-Date).AddMinutes(1))
        $rows.Count | Should -BeGreaterThan 20
        $rows[0] | Should -BeOfType ([Runway.Api.RunwayWorkspaceUsageRecord])
        $rows[0].Email | Should -Not -BeNullOrEmpty
        $rows[0].Tool | Should -Not -BeNullOrEmpty
        ($rows.Timestamp | Sort-Object -Descending) | Should -Be $rows.Timestamp
        $refund = $rows | Where-Object Type -eq refund
        $refund.Credits | Should -BeLessThan 0
        $refund.Usd | Should -Be ($refund.Credits * 0.01)
        $query = Query (Get-ApiRequest '/v1/organization/webapp/usage')[0]
        $query.from | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$'
        $query.to | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$'
    }

    It 'sends the 30 days before now when no window is given, and the workspace and organization filters' {
        $studio = @(Get-RunwayWorkspaceUsage -WorkspaceId 48213 -OrganizationId org_simulated)
        $studio.WorkspaceName | Select-Object -Unique | Should -Be 'Studio'
        $query = Query (Get-ApiRequest '/v1/organization/webapp/usage')[0]
        $span = [datetime]::Parse($query.to, [cultureinfo]::InvariantCulture) - [datetime]::Parse($query.from, [cultureinfo]::InvariantCulture)
        $span.TotalDays | Should -Be 30
        $query.workspaceIds | Should -Be '48213'
        $query.organizationId | Should -Be 'org_simulated'
    }

    It 'refuses a window that ends before it starts, with zero requests' {
        $err = Get-ErrorRecord { Get-RunwayWorkspaceUsage -From (Get-Date) -To (Get-Date).AddDays(-1) }
        $err.FullyQualifiedErrorId | Should -BeLike 'Runway.InvalidDateRange*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.TargetObject | Should -Not -BeNullOrEmpty
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'refuses a blank organization id with zero requests' {
        (Get-ErrorRecord { Get-RunwayWorkspaceUsage -OrganizationId ' ' }).FullyQualifiedErrorId | Should -BeLike 'Runway.InvalidId*'
        Get-ApiRequest | Should -HaveCount 0
    }

    It "shows the API's message when the API refuses (an organization this project is not linked to)" {
        $err = Get-ErrorRecord { Get-RunwayWorkspaceUsage -OrganizationId org_other }
        $err.Exception.Message | Should -BeLike '*org_other*not linked*'
        $err.FullyQualifiedErrorId | Should -BeLike 'Runway.*'
        $err.CategoryInfo.Category | Should -Not -Be 'NotSpecified'
        $err.TargetObject | Should -Not -BeNullOrEmpty
    }

    It 'fits the default table in 120 columns' {
        $text = Get-RunwayWorkspaceUsage -First 3 | Out-String -Width 120
        foreach ($line in $text -split "`n") { $line.TrimEnd().Length | Should -BeLessOrEqual 120 }
        $text | Should -Match 'Workspace\s+Email\s+Tool'
    }
}
