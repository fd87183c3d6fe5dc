# Setup shared by the tests of tests/Organization.Tests.ps1 and tests/Cmdlets/*/Organization.Tests.ps1, dot-sourced in their BeforeAll.
# The organization's web-app workspaces (Get-RunwayWorkspaceUsage, Get-RunwayAuditLog) and the usage summary
# (Get-RunwayUsage -Summary: the answer's models and apiKeys), against the simulator's seeded workspaces.
. (Join-Path $PSScriptRoot '../TestSetup.ps1')
