# Get-RunwayAuditLog: its tests moved from tests/Organization.Tests.ps1 (the area's shared setup is tests/Helpers/Organization.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Organization.ps1
}

AfterAll { Exit-AreaTest }

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
