<#
.SYNOPSIS
    Runs the Pester suite in this (child) pwsh against one shared simulator and writes the counts as JSON.
    Called by build.ps1 -Task Test; test files can also be run alone (they start a simulator if none is shared).
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [string] $Configuration = 'Release',
    [string] $ResultPath,
    [string] $TestPath
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterManifest -Force
Import-Module (Join-Path $PSScriptRoot 'Simulator.psm1') -Force

$env:RUNWAY_TEST_MODULE = (Resolve-Path $ModuleManifest).Path
$env:RUNWAY_TEST_CONFIGURATION = $Configuration
# AcceptRetiredModels: the module still offers gen4_aleph and veo3, which today's API (and the simulator by default) no
# longer serves; the module's suites keep them until the module moves to aleph2/veo3.1 (issue 12). The simulator's own
# suites start their own simulator, where the retired models are rejected.
$simulator = Start-RunwaySimulator -Configuration $Configuration -Setting @{ PendingMs = 50; RunMs = 300; AcceptRetiredModels = $true }
$env:RUNWAY_TEST_SIM_URL = $simulator.Url
try {
    $config = New-PesterConfiguration
    $config.Run.Path = if ($TestPath) {
        $TestPath -split ',' | ForEach-Object { if (Test-Path $_) { $_ } else { Join-Path $PSScriptRoot $_ } }
    } else { $PSScriptRoot }
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $config.Output.RenderMode = 'Plaintext'
    $config.Run.Exit = $false
    $result = Invoke-Pester -Configuration $config
}
finally {
    Stop-RunwaySimulator -Simulator $simulator
    # The task journal the tests wrote (TestSetup points RUNWAY_JOURNAL at a temp file of this process).
    Get-ChildItem ([IO.Path]::GetTempPath()) -Filter "runway-test-$PID.jsonl*" -ErrorAction SilentlyContinue | Remove-Item -Force -ErrorAction SilentlyContinue
}
$counts = [pscustomobject]@{
    Suite   = 'pester'
    Passed  = $result.PassedCount
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount + $result.NotRunCount
}
if ($ResultPath) { $counts | ConvertTo-Json | Set-Content -Path $ResultPath -Encoding utf8 }
if ($counts.Failed -gt 0) { exit 1 }
