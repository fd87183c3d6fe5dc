<#
.SYNOPSIS
    Runs the Pester suite and writes the counts as JSON.
    Called by build.ps1 -Task Test; test files can also be run alone (they start a simulator if none is shared).
.DESCRIPTION
    With -Workers 1 (or a single file) the files run in this pwsh against one shared simulator.
    With more workers the files are split into that many groups, each run by its own pwsh process with its own
    simulator, task journal (named by the process id) and temp folders, so the groups cannot see each other.
    Files whose first lines say `# Pester: runs alone` (they measure time, so other work on the machine would
    disturb them) run afterwards, by themselves. The counts are the sums over all groups.
    The groups are balanced by tests/PesterDurations.json (seconds per file, written by -RecordDurations after a
    run); a file it does not list weighs as much as its number of lines / 10 seconds.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [string] $Configuration = 'Release',
    [string] $ResultPath,
    # Files and folders (full paths or relative to tests/), comma-separated.
    [string] $TestPath,
    [ValidateRange(1, 16)] [int] $Workers = 2,
    # Where to write the seconds each file took (the format of tests/PesterDurations.json).
    [string] $DurationPath
)
$ErrorActionPreference = 'Stop'

function Resolve-TestFile([string] $List) {
    $roots = if ($List) {
        $List -split ',' | Where-Object { $_ } | ForEach-Object { if (Test-Path $_) { (Resolve-Path $_).Path } else { Join-Path $PSScriptRoot $_ } }
    } else { @($PSScriptRoot) }
    foreach ($root in $roots) {
        if (Test-Path $root -PathType Container) {
            Get-ChildItem $root -Recurse -File -Filter *.Tests.ps1 | Where-Object FullName -notmatch '[\\/]node_modules[\\/]' | ForEach-Object FullName
        } else { $root }
    }
}

function Get-PwshCommand {
    # The command line that starts another pwsh like this one (a local dotnet tool runs as `dotnet pwsh.dll`).
    $native = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
    if (Test-Path $native) { return $native, @() }
    return (Get-Command dotnet).Source, @((Join-Path $PSHOME 'pwsh.dll'))
}

function Start-Worker([string[]] $Files, [string] $Json, [string] $Durations) {
    $exe, $prefix = Get-PwshCommand
    $info = [System.Diagnostics.ProcessStartInfo]::new($exe)
    foreach ($a in @($prefix) + @('-NoProfile', '-NonInteractive', '-File', $PSCommandPath, '-PesterManifest', $PesterManifest,
            '-ModuleManifest', $ModuleManifest, '-Configuration', $Configuration, '-ResultPath', $Json, '-DurationPath', $Durations,
            '-Workers', '1', '-TestPath', ($Files -join ','))) { $info.ArgumentList.Add($a) }
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    # Each worker starts its own simulator and journal: nothing of this process's may leak into it.
    foreach ($name in 'RUNWAY_TEST_SIM_URL', 'RUNWAY_JOURNAL', 'RUNWAYML_BASE_URL') { $null = $info.Environment.Remove($name) }
    $process = [System.Diagnostics.Process]::Start($info)
    [pscustomobject]@{ Process = $process; Out = $process.StandardOutput.ReadToEndAsync(); Err = $process.StandardError.ReadToEndAsync(); Json = $Json; Durations = $Durations; Files = $Files }
}

function Read-WorkerCounts([string] $Json) {
    # A worker that died before writing its counts is one failure.
    if (Test-Path $Json) { Get-Content $Json -Raw | ConvertFrom-Json } else { [pscustomobject]@{ Suite = 'pester'; Passed = 0; Failed = 1; Skipped = 0 } }
}

$files = @(Resolve-TestFile $TestPath)

if ($Workers -le 1 -or $files.Count -le 1) {
    Import-Module $PesterManifest -Force
    Import-Module (Join-Path $PSScriptRoot 'Simulator.psm1') -Force
    $env:RUNWAY_TEST_MODULE = (Resolve-Path $ModuleManifest).Path
    $env:RUNWAY_TEST_CONFIGURATION = $Configuration
    $simulator = Start-RunwaySimulator -Configuration $Configuration -Setting @{ PendingMs = 50; RunMs = 300 }
    $env:RUNWAY_TEST_SIM_URL = $simulator.Url
    try {
        $config = New-PesterConfiguration
        $config.Run.Path = $files
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
    if ($DurationPath) {
        $seconds = [ordered]@{}
        foreach ($c in $result.Containers) {
            $relative = [IO.Path]::GetRelativePath($PSScriptRoot, "$($c.Item)") -replace '\\', '/'
            $seconds[$relative] = [math]::Round($c.Duration.TotalSeconds, 1)
        }
        $seconds | ConvertTo-Json | Set-Content -Path $DurationPath -Encoding utf8
    }
}
else {
    $alone = @($files | Where-Object { (Get-Content $_ -TotalCount 12) -match '^# Pester: runs alone' })
    $shared = @($files | Where-Object { $_ -notin $alone })
    $known = @{}
    $weights = Join-Path $PSScriptRoot 'PesterDurations.json'
    if (Test-Path $weights) { (Get-Content $weights -Raw | ConvertFrom-Json -AsHashtable).GetEnumerator() | ForEach-Object { $known[$_.Key] = [double]$_.Value } }
    function Get-Weight([string] $File) {
        $relative = [IO.Path]::GetRelativePath($PSScriptRoot, $File) -replace '\\', '/'
        if ($known.ContainsKey($relative)) { return $known[$relative] }
        (Get-Content $File).Count / 10
    }
    # Longest first, each to the lightest group so far.
    $groups = @(for ($i = 0; $i -lt $Workers; $i++) { [pscustomobject]@{ Files = [System.Collections.Generic.List[string]]::new(); Weight = 0.0 } })
    foreach ($file in $shared | Sort-Object { Get-Weight $_ } -Descending) {
        $lightest = $groups | Sort-Object Weight | Select-Object -First 1
        $lightest.Files.Add($file); $lightest.Weight += Get-Weight $file
    }
    $scratch = Join-Path ([IO.Path]::GetTempPath()) "runway-pester-$PID"
    New-Item -ItemType Directory -Path $scratch -Force | Out-Null
    $totals = [System.Collections.Generic.List[object]]::new()
    $durations = [ordered]@{}
    try {
        $running = @()
        $n = 0
        foreach ($group in $groups | Where-Object { $_.Files.Count }) {
            $n++
            Write-Host "Pester worker $n`: $($group.Files.Count) files, about $([math]::Round($group.Weight)) s"
            $running += Start-Worker $group.Files (Join-Path $scratch "w$n.json") (Join-Path $scratch "w$n.durations.json")
        }
        if ($alone) { Write-Host "Then by themselves: $(($alone | ForEach-Object { Split-Path $_ -Leaf }) -join ', ')" }
        $n = 0
        foreach ($worker in $running) {
            $n++
            $worker.Process.WaitForExit()
            Write-Host "`n== Pester worker $n ($($worker.Files.Count) files, exit code $($worker.Process.ExitCode))"
            Write-Host $worker.Out.Result
            if ($worker.Err.Result) { Write-Host $worker.Err.Result }
            $totals.Add((Read-WorkerCounts $worker.Json))
        }
        if ($alone) {
            Write-Host "`n== Pester files that run alone"
            $worker = Start-Worker $alone (Join-Path $scratch 'alone.json') (Join-Path $scratch 'alone.durations.json')
            $worker.Process.WaitForExit()
            Write-Host $worker.Out.Result
            if ($worker.Err.Result) { Write-Host $worker.Err.Result }
            $totals.Add((Read-WorkerCounts $worker.Json))
            $running += $worker
        }
        foreach ($worker in $running) {
            if (Test-Path $worker.Durations) { (Get-Content $worker.Durations -Raw | ConvertFrom-Json -AsHashtable).GetEnumerator() | ForEach-Object { $durations[$_.Key] = $_.Value } }
        }
    }
    finally { Remove-Item $scratch -Recurse -Force -ErrorAction SilentlyContinue }
    $counts = [pscustomobject]@{
        Suite   = 'pester'
        Passed  = [int]($totals | Measure-Object Passed -Sum).Sum
        Failed  = [int]($totals | Measure-Object Failed -Sum).Sum
        Skipped = [int]($totals | Measure-Object Skipped -Sum).Sum
    }
    if ($DurationPath) { $durations | ConvertTo-Json | Set-Content -Path $DurationPath -Encoding utf8 }
}
if ($ResultPath) { $counts | ConvertTo-Json | Set-Content -Path $ResultPath -Encoding utf8 }
if ($counts.Failed -gt 0) { exit 1 }
