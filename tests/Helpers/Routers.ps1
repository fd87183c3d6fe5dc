# Setup shared by the tests of tests/Routers.Tests.ps1 and tests/Cmdlets/*/Routers.Tests.ps1, dot-sourced in their BeforeAll.
. (Join-Path $PSScriptRoot '../TestSetup.ps1')
function script:Invoke-Generate([string] $Slug, [string] $Prompt) {
    # A routed generation through the API itself, so that a router has history to show.
    $headers = @{ Authorization = "Bearer $TestKey"; 'X-Runway-Version' = '2024-11-06' }
    $body = @{ configId = $Slug; input = @{ promptText = $Prompt } } | ConvertTo-Json -Depth 5
    Invoke-RestMethod -Method Post -Uri "$SimUrl/v1/generate/image" -Headers $headers -ContentType 'application/json' -Body $body
}
