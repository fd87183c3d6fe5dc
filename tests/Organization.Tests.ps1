# The organization's web-app workspaces (Get-RunwayWorkspaceUsage, Get-RunwayAuditLog) and the usage summary
# (Get-RunwayUsage -Summary: the answer's models and apiKeys), against the simulator's seeded workspaces.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
}

AfterAll {
    Reset-RunwaySimulator -Url $SimUrl
    if ($script:OwnSimulator) { Stop-RunwaySimulator $script:OwnSimulator }
}

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

Describe 'Get-RunwayAuditLog' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Clear-RunwaySimulatorRequest -Url $SimUrl
    }

    It 'lists entries newest first and gets one by its event id with the details' {
        $entries = @(Get-RunwayAuditLog)
        $entries.Count | Should -BeGreaterThan 20
        $entries[0] | Should -BeOfType ([Runway.Api.RunwayAuditLogEntry])
        $entries[0].HasDetails | Should -BeFalse
        $invited = $entries | Where-Object Action -eq MemberInvited | Select-Object -First 1
        $detail = $invited | Get-RunwayAuditLog
        $detail.EventId | Should -Be $invited.EventId
        $detail.HasDetails | Should -BeTrue
        $detail.ClientIpAddress | Should -Not -BeNullOrEmpty
        $detail.ResourceType | Should -Be 'membership'
        $detail.Metadata['Invited member'] | Should -Not -BeNullOrEmpty
        (Get-ApiRequest '/v1/organization/webapp/audit_logs/')[-1].path | Should -Be "/v1/organization/webapp/audit_logs/$($invited.EventId)"
    }

    It 'sends the filters as the API declares them: comma-separated, actions in their declared spelling' {
        $found = @(Get-RunwayAuditLog -Action memberinvited, ASSETCREATED -ActorEmail alice@example.com -WorkspaceId 48213, 48214 -From (Get-Date).AddDays(-30) -To (Get-Date).AddMinutes(1))
        $found.Count | Should -BeGreaterThan 0
        $found.Action | Select-Object -Unique | ForEach-Object { $_ | Should -BeIn 'MemberInvited', 'AssetCreated' }
        $found.ActorEmail | Select-Object -Unique | Should -Be 'alice@example.com'
        $query = Query (Get-ApiRequest '/v1/organization/webapp/audit_logs')[0]
        $query.actions | Should -Be 'MemberInvited,AssetCreated'
        $query.actorEmails | Should -Be 'alice@example.com'
        $query.workspaceIds | Should -Be '48213,48214'
    }

    It 'refuses <Case> with zero requests' -ForEach @(
        @{ Case = 'an action the SDK does not declare'; Id = 'Runway.UnknownAuditAction'; Script = { Get-RunwayAuditLog -Action MemberInvted } }
        @{ Case = 'more than 50 actions'; Id = 'Runway.TooManyItems'; Script = { Get-RunwayAuditLog -Action (1..51 | ForEach-Object { 'UserLogin' }) } }
        @{ Case = 'more than 50 emails'; Id = 'Runway.TooManyItems'; Script = { Get-RunwayAuditLog -ActorEmail (1..51 | ForEach-Object { "u$_@example.com" }) } }
        @{ Case = 'more than 50 workspaces'; Id = 'Runway.TooManyItems'; Script = { Get-RunwayAuditLog -WorkspaceId (1..51) } }
        @{ Case = 'an email with a comma'; Id = 'Runway.InvalidActorEmail'; Script = { Get-RunwayAuditLog -ActorEmail 'a@x.com,b@x.com' } }
        @{ Case = 'a window that ends before it starts'; Id = 'Runway.InvalidDateRange'; Script = { Get-RunwayAuditLog -From (Get-Date) -To (Get-Date).AddHours(-1) } }
        @{ Case = 'an event id that is a path step'; Id = 'Runway.InvalidId'; Script = { Get-RunwayAuditLog -EventId '..' } }
        @{ Case = 'an event id with a slash'; Id = 'Runway.InvalidId'; Script = { Get-RunwayAuditLog -EventId 'a/b' } }
        @{ Case = 'a blank organization id'; Id = 'Runway.InvalidId'; Script = { Get-RunwayAuditLog -EventId ae_1 -OrganizationId ' ' } }
    ) {
        $err = Get-ErrorRecord $Script
        $err.FullyQualifiedErrorId | Should -BeLike "$Id*"
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.TargetObject | Should -Not -BeNullOrEmpty
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'knows the actions the SDK declares, no more and no fewer' {
        $declarations = Join-Path $RepoRoot 'tests/conformance/node_modules/@runwayml/sdk/resources/organization/webapp/audit-logs.d.ts'
        if (-not (Test-Path $declarations)) { Set-ItResult -Skipped -Because 'the SDK is not installed (npm ci in tests/conformance)'; return }
        $union = [regex]::Match((Get-Content -Raw $declarations), "action: ('[^;]+);").Groups[1].Value
        $declared = [regex]::Matches($union, "'(\w+)'") | ForEach-Object { $_.Groups[1].Value }
        @([Runway.Api.OrganizationApi]::AuditActions) | Should -Be @($declared)
    }

    It 'names the known actions when one is unknown' {
        (Get-ErrorRecord { Get-RunwayAuditLog -Action Nope }).Exception.Message | Should -BeLike '*Known actions: UserLogin, PasswordChanged*'
    }

    It "shows the API's message for an unknown event id and keeps the id as the target" {
        $err = Get-ErrorRecord { Get-RunwayAuditLog -EventId ae_missing }
        $err.Exception.Message | Should -BeLike '*Audit log entry not found*'
        $err.TargetObject | Should -Be 'ae_missing'
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'turns a failing list into an error with a category and a target' {
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/organization/webapp/audit_logs' -Kind status -Status 403 -ErrorMessage 'No account link for this project.' | Out-Null
        $err = Get-ErrorRecord { Get-RunwayAuditLog }
        $err.Exception.Message | Should -BeLike '*No account link for this project.*'
        $err.FullyQualifiedErrorId | Should -BeLike 'Runway.*'
        $err.CategoryInfo.Category | Should -Not -Be 'NotSpecified'
        $err.TargetObject | Should -Be 'audit log'
    }

    It 'completes actions and the event ids it has seen' {
        $typed = 'Get-RunwayAuditLog -Action MemberR'
        $actions = (TabExpansion2 -inputScript $typed -cursorColumn $typed.Length).CompletionMatches.CompletionText
        $actions | Should -Be @('MemberRemoved', 'MemberRoleChanged')
        $first = Get-RunwayAuditLog -First 1
        $line = "Get-RunwayAuditLog -EventId $($first.EventId)"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $first.EventId
        $line = 'Get-RunwayWorkspaceUsage -WorkspaceId '
        $workspaces = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $workspaces.CompletionText | Should -Contain "$($first.WorkspaceId)"
        ($workspaces | Where-Object CompletionText -eq "$($first.WorkspaceId)").ToolTip | Should -Be "Workspace '$($first.WorkspaceName)'"
    }

    It 'fits the default table in 120 columns' {
        $text = Get-RunwayAuditLog -First 3 | Out-String -Width 120
        foreach ($line in $text -split "`n") { $line.TrimEnd().Length | Should -BeLessOrEqual 120 }
        $text | Should -Match 'Action\s+Actor\s+Workspace\s+EventId'
    }
}

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

Describe "The simulator's web-app endpoints are strict" {
    BeforeAll {
        Reset-RunwaySimulator -Url $SimUrl
        function script:Call([string] $PathAndQuery) {
            $headers = @{ Authorization = "Bearer $TestKey"; 'X-Runway-Version' = '2024-11-06' }
            $response = Invoke-WebRequest -Uri "$SimUrl$PathAndQuery" -Headers $headers -SkipHttpErrorCheck
            [pscustomobject]@{ Status = [int]$response.StatusCode; Body = $response.Content | ConvertFrom-Json }
        }
    }

    It 'answers <Status> to <Query>' -ForEach @(
        @{ Query = '/v1/organization/webapp/usage?from=2026-01-01T00:00:00Z'; Status = 400; Says = 'Required' }
        @{ Query = '/v1/organization/webapp/usage?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z'; Status = 400; Says = 'to must be after from' }
        @{ Query = '/v1/organization/webapp/usage?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&workspaceIds=12,x'; Status = 400; Says = 'workspace ids' }
        @{ Query = '/v1/organization/webapp/usage?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z&page=2'; Status = 400; Says = 'Unrecognized query parameter' }
        @{ Query = '/v1/organization/webapp/audit_logs?limit=0'; Status = 400; Says = 'limit' }
        @{ Query = '/v1/organization/webapp/audit_logs?actions=UserLogin,,SSOLogin'; Status = 400; Says = 'empty items' }
        @{ Query = '/v1/organization/webapp/audit_logs?actions=Nope'; Status = 400; Says = 'Unknown action' }
        @{ Query = '/v1/organization/webapp/audit_logs?cursor=bogus'; Status = 400; Says = 'Invalid cursor' }
        @{ Query = '/v1/organization/webapp/audit_logs/ae_5a3c1000?organizationId=org_other'; Status = 404; Says = 'not linked' }
        @{ Query = '/v1/organization/webapp/audit_logs/ae_5a3c1000?extra=1'; Status = 400; Says = 'Unrecognized query parameter' }
        @{ Query = '/v1/organization/webapp/audit_logs/ae_5a3c1000'; Status = 200; Says = 'ae_5a3c1000' }
    ) {
        $answer = Call $Query
        $answer.Status | Should -Be $Status
        ($answer.Body | ConvertTo-Json -Depth 5) | Should -BeLike "*$Says*"
    }
}
