#Requires -Version 7.4
<#
.SYNOPSIS
    Runs the SDK conformance tests: starts a simulator, runs node --test with the SDK pointed at it, stops it.
    Exits non-zero when any test fails. Needs `npm ci` in this folder and a built simulator.
#>
[CmdletBinding()]
param([ValidateSet('Debug', 'Release')] [string] $Configuration = 'Debug')
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../Simulator.psm1') -Force

if (-not (Test-Path (Join-Path $PSScriptRoot 'node_modules/@runwayml/sdk'))) {
    throw "The SDK is not installed: run 'npm ci' in $PSScriptRoot"
}

$sim = Start-RunwaySimulator -Configuration $Configuration -Setting @{ PendingMs = 50; RunMs = 200 }
$savedUrl, $savedKey = $env:RUNWAYML_BASE_URL, $env:RUNWAYML_API_SECRET
try {
    $env:RUNWAYML_BASE_URL = $sim.Url
    $env:RUNWAYML_API_SECRET = New-RunwayTestKey
    Push-Location $PSScriptRoot
    try {
        # Every *.test.mjs here: one file per area of the API.
        $files = @(Get-ChildItem -Path $PSScriptRoot -Filter '*.test.mjs' | Sort-Object Name | ForEach-Object Name)
        # One file at a time: conformance.test.mjs resets the shared simulator at its start.
        $output = & node --test --test-concurrency=1 --test-reporter=tap @files 2>&1
        $exitCode = $LASTEXITCODE
    }
    finally { Pop-Location }
}
finally {
    $env:RUNWAYML_BASE_URL, $env:RUNWAYML_API_SECRET = $savedUrl, $savedKey
    Stop-RunwaySimulator $sim
}

# On failure the whole TAP report (it holds each failure's details), else only node's summary lines.
$lines = @($output | ForEach-Object { "$_" })
if ($exitCode -ne 0) { $lines } else { $lines | Where-Object { $_ -match '^# (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) ' } }
if ($exitCode -ne 0) { Write-Error "Conformance tests failed (node exit code $exitCode)." -ErrorAction Continue; exit $exitCode }
exit 0
