# The organization's web-app workspaces (Get-RunwayWorkspaceUsage, Get-RunwayAuditLog) and the usage summary
# (Get-RunwayUsage -Summary: the answer's models and apiKeys), against the simulator's seeded workspaces.
BeforeAll {
    . $PSScriptRoot/Helpers/Organization.ps1
}

AfterAll { Exit-AreaTest }

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
