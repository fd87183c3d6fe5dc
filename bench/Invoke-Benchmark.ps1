#Requires -Version 7.4
<#
.SYNOPSIS
    Performance figures of the Runway module against one simulator instance; prints a table and writes bench/results.md.
.DESCRIPTION
    Called by `build.ps1 -Task Bench` (after a build). Measures, each as min / median of several runs and as a ratio:
      1. Import-Module time in $ImportRuns fresh pwsh processes (target <= 150 ms median), with an empty manifest's
         import (PowerShell's own part) and the CPU time of both as breakdown rows;
      2. per-call overhead: 200 x Get-RunwayTask vs 200 x Invoke-RestMethod vs 200 x the Node SDK's tasks.retrieve
         (target <= 1.2 x Invoke-RestMethod);
      3. a batch of 100 image-to-video tasks created from the pipeline and waited on (New-RunwayVideo -Wait, default
         6 s poll interval) vs the Node SDK's Promise.all + waitForTaskOutput: wall time, poll requests, and the
         median delay between a task finishing in the simulator and being reported (targets: wall <= 1.1 x the
         simulator's task time, fewer polls than the SDK);
      3d. the README's pipe form (New-RunwayVideo | Wait-RunwayTask) against -Wait on the same batch at a tier
         limit, each in a fresh pwsh: status requests pipe / -Wait (target <= 1.1);
      3e. the journal at scale (1,000 vs 100,000 tasks): first lookup by id, first object of a listing, whole listing
         and compaction memory, the longest a create waits for a compaction;
      4. 200 MB upload (Send-RunwayFile) and download (Save-RunwayOutput -Uri $sim/_sim/blob/209715200) vs a raw
         HttpClient copy, each in a fresh pwsh: throughput and peak working-set growth (targets >= 80 % of raw,
         growth <= 32 MB).
    Loopback only; every loop is bounded. Needs node and `npm ci` in tests/conformance for the SDK figures
    (they are skipped, and say so, without them). -Only runs some sections and updates their rows in results.md.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [ValidateSet('Debug', 'Release')] [string] $Configuration = 'Release',
    [ValidateRange(1, 50)] [int] $Runs = 5,
    [ValidateRange(1, 10)] [int] $BatchRuns = 2,
    [ValidateRange(1, 500)] [int] $BatchSize = 100,
    [ValidateRange(1000, 120000)] [int] $BatchRunMs = 20000,
    [ValidateRange(1, 10)] [int] $TransferRuns = 3,
    [ValidateRange(1, 200)] [int] $TransferMB = 200,
    # Batches at tier limits: 100 tasks at each MaxConcurrent, a short simulator task (PendingMs + RunMs).
    [int[]] $TierSlots = @(1, 2, 5),
    [ValidateRange(0, 10000)] [int] $TierPendingMs = 100,
    [ValidateRange(100, 60000)] [int] $TierRunMs = 1400,
    [ValidateRange(10, 5000)] [int] $LargeBatch = 1000,
    # The pipe form against -Wait: $BatchSize tasks at this MaxConcurrent (the tier's short task).
    [ValidateRange(1, 100)] [int] $PipeSlots = 2,
    [ValidateRange(1000, 1000000)] [int] $JournalTasks = 100000,
    [string] $ResultPath = (Join-Path $PSScriptRoot 'results.md'),
    # Fresh pwsh processes timed for the import row (one more first run warms the disk cache and is discarded).
    [ValidateRange(3, 50)] [int] $ImportRuns = 10,
    # Only these sections; their rows replace the same rows in $ResultPath (new rows are added) and the rest stays.
    # (Import, PerCall, Batch, Tiers, Pipe, LargeBatch, Journal, Transfer; a comma-separated string too, as pwsh -File passes it.)
    [string[]] $Only
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$Root = Split-Path $PSScriptRoot -Parent
$ModuleManifest = (Resolve-Path $ModuleManifest).Path
Import-Module (Join-Path $Root 'tests/Simulator.psm1') -Force
$started = [Diagnostics.Stopwatch]::StartNew()

function Get-PwshCommand {
    $native = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
    if (Test-Path $native) { return $native, @() }
    return (Get-Command dotnet).Source, @((Join-Path $PSHOME 'pwsh.dll'))
}
function Get-Stat([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $n = $sorted.Count
    $median = if ($n % 2) { $sorted[($n - 1) / 2] } else { ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2 }
    [pscustomobject]@{ Min = $sorted[0]; Median = $median; Max = $sorted[-1]; Count = $n }
}
function Format-Stat($Stat, [string] $Unit, [string] $Format = '0') {
    if (-not $Stat) { return 'n/a' }
    "{0} / {1} {2}" -f $Stat.Min.ToString($Format), $Stat.Median.ToString($Format), $Unit
}
function Format-Ratio([double] $Min, [double] $Median) { '{0:0.00}× / {1:0.00}×' -f $Min, $Median }
function ConvertTo-Utc($Value) {
    # JSON readers in PowerShell turn ISO strings into DateTime; never round-trip those through a string (that drops the milliseconds).
    if ($Value -is [DateTime]) { return [DateTimeOffset]::new($(if ($Value.Kind -eq 'Unspecified') { [DateTime]::SpecifyKind($Value, 'Utc') } else { $Value.ToUniversalTime() })) }
    if ($Value -is [DateTimeOffset]) { return $Value }
    [DateTimeOffset]::Parse([string]$Value, [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::AssumeUniversal)
}
$Only = @($Only | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })
$unknown = @($Only | Where-Object { $_ -notin 'Import', 'PerCall', 'Batch', 'Tiers', 'Pipe', 'LargeBatch', 'Journal', 'Transfer' })
if ($unknown) { throw "-Only: unknown section(s) $($unknown -join ', '); choose from Import, PerCall, Batch, Tiers, Pipe, LargeBatch, Journal, Transfer." }
# Each section below sits in an if (Test-Section ...) block; the bodies keep their indentation (small diffs, easy merges).
function Test-Section([string] $Name) { -not $Only -or $Only -contains $Name }
. (Join-Path $PSScriptRoot 'JournalData.ps1')
function Write-Step([string] $Text) { Write-Host ("[{0,5:0}s] {1}" -f $started.Elapsed.TotalSeconds, $Text) }

$pwshExe, $pwshPrefix = Get-PwshCommand
$node = Get-Command node -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
$sdkScript = Join-Path $PSScriptRoot 'sdk.mjs'
$hasSdk = $node -and (Test-Path (Join-Path $Root 'tests/conformance/node_modules/@runwayml/sdk'))
$rows = [System.Collections.Generic.List[object]]::new()
$notes = [System.Collections.Generic.List[string]]::new()
function Add-Row([string] $Benchmark, [string] $Module, [string] $Baseline, [string] $Ratio, [string] $Target, [object] $Met) {
    $rows.Add([pscustomobject]@{ Benchmark = $Benchmark; Module = $Module; Baseline = $Baseline; Ratio = $Ratio; Target = $Target
        Met = if ($null -eq $Met) { '–' } elseif ($Met) { 'yes' } else { 'NO' } })
}

# One simulator for everything. A large balance and daily limit so that repeated batches are never refused;
# these are start-up settings, so they survive the resets between benchmarks.
$sim = Start-RunwaySimulator -Configuration $Configuration -Setting @{ CreditBalance = 100000000; MaxDaily = 1000000; MaxMonthlyCreditSpend = 100000000 }
$env:RUNWAYML_BASE_URL = $sim.Url
$env:RUNWAYML_API_SECRET = New-RunwayTestKey
# Every section that reads tasks back (per-call, the batches' createdAt) uses these; -Only may skip the one that used to set them.
$headers = @{ Authorization = "Bearer $env:RUNWAYML_API_SECRET"; 'X-Runway-Version' = '2024-11-06' }
$defaults = Invoke-RestMethod "$($sim.Url)/_sim/config"
$work = Join-Path ([IO.Path]::GetTempPath()) ("runway-bench-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
New-Item -ItemType Directory -Path $work | Out-Null
$load = (Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ' | Select-Object -First 3
Write-Step "Simulator at $($sim.Url); load average $($load -join ' ') on $([Environment]::ProcessorCount) cores"
try {
    Import-Module $ModuleManifest -Force

    if (Test-Section 'Import') {
    # ---- 1. Import time in a fresh pwsh ------------------------------------------------------------------
    # The row is the wall time of Import-Module inside a fresh pwsh (pwsh's own start-up excluded). Two extra rows
    # break it down: the same import of a manifest with nothing in it (PowerShell's own part, interleaved run by run)
    # and the CPU time (user + sys) of both, which a loaded machine distorts less than the wall time.
    Write-Step "Import-Module in $ImportRuns fresh pwsh processes (and as many of an empty manifest, interleaved)..."
    $emptyManifest = Join-Path $work 'EmptyManifest/EmptyManifest.psd1'
    New-Item -ItemType Directory -Path (Split-Path $emptyManifest) -Force | Out-Null
    Set-Content -Path $emptyManifest -Value "@{ ModuleVersion = '1.0.0' }" -Encoding utf8
    function Measure-Import([string] $Manifest) {
        $script = "`$p = [Diagnostics.Process]::GetCurrentProcess(); `$cpu = `$p.TotalProcessorTime; `$w = [Diagnostics.Stopwatch]::StartNew(); " +
            "Import-Module '$Manifest'; `$ms = `$w.Elapsed.TotalMilliseconds; `$p.Refresh(); `$ms; (`$p.TotalProcessorTime - `$cpu).TotalMilliseconds"
        $out = @(& $pwshExe @pwshPrefix -NoProfile -NonInteractive -Command $script)
        [pscustomobject]@{ Wall = [double]$out[-2]; Cpu = [double]$out[-1] }
    }
    $import = [System.Collections.Generic.List[object]]::new()
    $empty = [System.Collections.Generic.List[object]]::new()
    foreach ($i in 0..$ImportRuns) {
        $m = Measure-Import $ModuleManifest
        $e = Measure-Import $emptyManifest
        if ($i -gt 0) { $import.Add($m); $empty.Add($e) }   # the first run warms the disk cache
    }
    $importStat = Get-Stat $import.Wall
    $emptyStat = Get-Stat $empty.Wall
    Add-Row 'Import-Module (fresh pwsh)' (Format-Stat $importStat 'ms') '–' ('{0:0.00}× / {1:0.00}× of target' -f ($importStat.Min / 150), ($importStat.Median / 150)) '≤ 150 ms median' ($importStat.Median -le 150)
    Add-Row 'Import-Module: an empty manifest (PowerShell''s own part)' (Format-Stat $emptyStat 'ms') '–' '–' '(breakdown)' $null
    $cpuStat = Get-Stat $import.Cpu
    $emptyCpuStat = Get-Stat $empty.Cpu
    Add-Row 'Import-Module: CPU time (user + sys)' (Format-Stat $cpuStat 'ms') ('empty manifest ' + (Format-Stat $emptyCpuStat 'ms')) (Format-Ratio ($cpuStat.Min / $emptyCpuStat.Min) ($cpuStat.Median / $emptyCpuStat.Median)) '(breakdown)' $null

    }
    if (Test-Section 'PerCall') {
    # ---- 2. Per-call overhead ----------------------------------------------------------------------------
    Write-Step 'Per-call overhead (200 calls)...'
    Reset-RunwaySimulator
    $id = (New-RunwaySimulatorTask -Model gen4_turbo -Status SUCCEEDED).id
    $uri = "$($sim.Url)/v1/tasks/$id"
    foreach ($i in 1..20) { $null = Get-RunwayTask -Id $id; $null = Invoke-RestMethod -Uri $uri -Headers $headers }
    $moduleCalls = [System.Collections.Generic.List[double]]::new()
    $irmCalls = [System.Collections.Generic.List[double]]::new()
    foreach ($run in 1..$Runs) {
        # Interleaved, so that background load hits both alike.
        $w = [Diagnostics.Stopwatch]::StartNew()
        foreach ($i in 1..200) { $null = Get-RunwayTask -Id $id }
        $moduleCalls.Add($w.Elapsed.TotalMilliseconds)
        $w.Restart()
        foreach ($i in 1..200) { $null = Invoke-RestMethod -Uri $uri -Headers $headers }
        $irmCalls.Add($w.Elapsed.TotalMilliseconds)
    }
    $moduleStat = Get-Stat $moduleCalls
    $irmStat = Get-Stat $irmCalls
    Add-Row '200 × Get-RunwayTask' (Format-Stat $moduleStat 'ms') ("IRM " + (Format-Stat $irmStat 'ms')) (Format-Ratio ($moduleStat.Min / $irmStat.Min) ($moduleStat.Median / $irmStat.Median)) '≤ 1.2× Invoke-RestMethod' (($moduleStat.Min / $irmStat.Min) -le 1.2)
    if ($hasSdk) {
        $sdkRuns = (& $node.Source $sdkScript retrieve $id 200 $Runs | ConvertFrom-Json).runsMs
        $sdkStat = Get-Stat $sdkRuns
        Add-Row '200 × SDK tasks.retrieve' (Format-Stat $sdkStat 'ms') ("IRM " + (Format-Stat $irmStat 'ms')) (Format-Ratio ($sdkStat.Min / $irmStat.Min) ($sdkStat.Median / $irmStat.Median)) '(reference)' $null
        Add-Row 'Get-RunwayTask vs SDK' (Format-Stat $moduleStat 'ms') ("SDK " + (Format-Stat $sdkStat 'ms')) (Format-Ratio ($moduleStat.Min / $sdkStat.Min) ($moduleStat.Median / $sdkStat.Median)) '(reference)' $null
    }

    }
    if (Test-Section 'Batch') {
    # ---- 3. Batch of image-to-video tasks -----------------------------------------------------------------
    Write-Step "Batch of $BatchSize image-to-video tasks, RunMs $BatchRunMs, $BatchRuns run(s) per side..."
    $image = 'https://example.com/bench-first-frame.png'
    $taskMs = [double]$defaults.pendingMs + $BatchRunMs
    function Set-BatchConfig {
        Reset-RunwaySimulator
        # MaxConcurrent high enough for the whole batch at once: no task is ever THROTTLED.
        $null = Set-RunwaySimulatorConfig -Setting @{ MaxConcurrent = $BatchSize; RunMs = $BatchRunMs }
    }
    function Measure-Batch([string] $Side) {
        Set-BatchConfig
        $reported = @{}
        $w = [Diagnostics.Stopwatch]::StartNew()
        if ($Side -eq 'module') {
            1..$BatchSize | ForEach-Object { $image } |
                New-RunwayVideo -Prompt 'bench' -Model gen4_turbo -Ratio 1280:720 -Duration 2 -Wait -Confirm:$false |
                ForEach-Object { $reported[$_.Id] = [DateTimeOffset]::UtcNow }
            $wall = $w.Elapsed.TotalSeconds
        }
        else {
            $out = & $node.Source $sdkScript batch $BatchSize $image | ConvertFrom-Json
            $wall = $out.wallMs / 1000
            foreach ($t in $out.tasks) { $reported[$t.id] = ConvertTo-Utc $t.reportedAt }
        }
        $stats = Get-RunwaySimulatorStat
        $log = @(Get-RunwaySimulatorRequest -Path '/v1/tasks/' -Method GET)
        $creates = @(Get-RunwaySimulatorRequest -Path '/v1/image_to_video' -Method POST | Where-Object status -eq 200)
        if ($reported.Count -ne $BatchSize -or $creates.Count -ne $BatchSize) { throw "$Side batch: $($reported.Count) reported, $($creates.Count) created of $BatchSize." }
        $throttled = ($stats.maxRunning.gen4_turbo -gt $BatchSize)
        # With no throttling a task ends exactly PendingMs + RunMs after its creation (the simulator's createdAt).
        $delays = foreach ($id in $reported.Keys) {
            $created = ConvertTo-Utc (Invoke-RestMethod -Uri "$($sim.Url)/v1/tasks/$id" -Headers $headers).createdAt
            ($reported[$id] - $created.AddMilliseconds($taskMs)).TotalSeconds
        }
        [pscustomobject]@{ Side = $Side; Wall = $wall; Polls = $log.Count; Delay = (Get-Stat $delays).Median; MaxRunning = $stats.maxRunning.gen4_turbo; Throttled = $throttled }
    }
    $batch = [System.Collections.Generic.List[object]]::new()
    foreach ($run in 1..$BatchRuns) {
        $batch.Add((Measure-Batch 'module'))
        Write-Step ("  module: {0:0.0} s, {1} polls, median delay {2:0.00} s" -f $batch[-1].Wall, $batch[-1].Polls, $batch[-1].Delay)
        if ($hasSdk) {
            $batch.Add((Measure-Batch 'sdk'))
            Write-Step ("  SDK:    {0:0.0} s, {1} polls, median delay {2:0.00} s" -f $batch[-1].Wall, $batch[-1].Polls, $batch[-1].Delay)
        }
    }
    $m = @($batch | Where-Object Side -eq 'module')
    $s = @($batch | Where-Object Side -eq 'sdk')
    $mWall = Get-Stat $m.Wall; $mPolls = Get-Stat $m.Polls; $mDelay = Get-Stat $m.Delay
    $taskSeconds = $taskMs / 1000
    $simTask = "simulator task {0:0.0} s" -f $taskSeconds
    if ($s) {
        $sWall = Get-Stat $s.Wall; $sPolls = Get-Stat $s.Polls; $sDelay = Get-Stat $s.Delay
        Add-Row "Batch ${BatchSize}: wall time" (Format-Stat $mWall 's' '0.0') ("SDK " + (Format-Stat $sWall 's' '0.0') + "; $simTask") (('{0:0.00}× / {1:0.00}× of task time; SDK {2:0.00}× / {3:0.00}×' -f ($mWall.Min / $taskSeconds), ($mWall.Median / $taskSeconds), ($sWall.Min / $taskSeconds), ($sWall.Median / $taskSeconds))) '≤ 1.1× task time' (($mWall.Min / $taskSeconds) -le 1.1)
        Add-Row "Batch ${BatchSize}: poll requests" (Format-Stat $mPolls '') ("SDK " + (Format-Stat $sPolls '')) (Format-Ratio ($mPolls.Min / $sPolls.Min) ($mPolls.Median / $sPolls.Median)) 'fewer than the SDK' ($mPolls.Max -lt $sPolls.Min)
        Add-Row "Batch ${BatchSize}: median report delay" (Format-Stat $mDelay 's' '0.00') ("SDK " + (Format-Stat $sDelay 's' '0.00')) (Format-Ratio ($mDelay.Min / [Math]::Max(0.001, $sDelay.Min)) ($mDelay.Median / [Math]::Max(0.001, $sDelay.Median))) 'not later than the SDK' ($mDelay.Median -le $sDelay.Median)
    }
    else {
        Add-Row "Batch ${BatchSize}: wall time" (Format-Stat $mWall 's' '0.0') $simTask ('{0:0.00}× / {1:0.00}×' -f ($mWall.Min / $taskSeconds), ($mWall.Median / $taskSeconds)) '≤ 1.1× task time' (($mWall.Min / $taskSeconds) -le 1.1)
        Add-Row "Batch ${BatchSize}: poll requests" (Format-Stat $mPolls '') 'SDK not installed' '–' 'fewer than the SDK' $null
        $notes.Add('The Node SDK is not installed (run `npm ci` in tests/conformance), so its figures are missing.')
    }
    if (@($batch | Where-Object Throttled).Count) { $notes.Add('WARNING: some batch tasks were THROTTLED, so the report delays are overstated.') }

    }
    # ---- 3b. Batches at real tier limits ---------------------------------------------------------------------
    $tierTask = ($TierPendingMs + $TierRunMs) / 1000
    function Get-SimEnds([object[]] $Ids, [int] $Slots) {
        # The simulator's queue, replayed from the tasks' createdAt: eligible after PendingMs, FIFO, one slot per end.
        $created = foreach ($id in $Ids) { [pscustomobject]@{ Id = $id; At = ConvertTo-Utc (Invoke-RestMethod -Uri "$($sim.Url)/v1/tasks/$id" -Headers $headers).createdAt } }
        $free = [System.Collections.Generic.List[DateTimeOffset]]::new()
        foreach ($i in 1..$Slots) { $free.Add([DateTimeOffset]::MinValue) }
        $ends = @{}
        foreach ($c in $created | Sort-Object At) {
            $k = $free.IndexOf(($free | Sort-Object | Select-Object -First 1))
            $eligible = $c.At.AddMilliseconds($TierPendingMs)
            $begin = if ($free[$k] -gt $eligible) { $free[$k] } else { $eligible }
            $free[$k] = $begin.AddMilliseconds($TierRunMs)
            $ends[$c.Id] = $free[$k]
        }
        $ends
    }
    function Measure-TierBatch([string] $Side, [int] $Slots, [int] $Count, [string] $Form = 'Wait') {
        Reset-RunwaySimulator
        $null = Set-RunwaySimulatorConfig -Setting @{ MaxConcurrent = $Slots; PendingMs = $TierPendingMs; RunMs = $TierRunMs }
        $reported = @{}
        $extra = $null
        if ($Side -eq 'module') {
            $journal = Join-Path $work "batch-$Slots-$Count-$Form.jsonl"
            $json = & $pwshExe @pwshPrefix -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'Measure-Batch.ps1') -ModuleManifest $ModuleManifest -Count $Count -Journal $journal -Form $Form
            if ($LASTEXITCODE -ne 0) { throw "Measure-Batch.ps1 failed: $json" }
            $extra = $json | Select-Object -Last 1 | ConvertFrom-Json
            $wall = $extra.wallMs / 1000
            foreach ($t in $extra.reported) { $reported[$t.id] = ConvertTo-Utc $t.at }
        }
        else {
            $out = & $node.Source $sdkScript batch $Count 'https://example.com/bench-first-frame.png' | ConvertFrom-Json
            $wall = $out.wallMs / 1000
            foreach ($t in $out.tasks) { $reported[$t.id] = ConvertTo-Utc $t.reportedAt }
        }
        $stats = Get-RunwaySimulatorStat
        $polls = @(Get-RunwaySimulatorRequest -Path '/v1/tasks/' -Method GET).Count
        $creates = @(Get-RunwaySimulatorRequest -Path '/v1/image_to_video' -Method POST | Where-Object status -eq 200)
        if ($reported.Count -ne $Count -or $creates.Count -ne $Count) { throw "$Side batch at $Slots slots: $($reported.Count) reported, $($creates.Count) created of $Count." }
        $ends = Get-SimEnds @($reported.Keys) $Slots
        $delays = foreach ($id in $reported.Keys) { ($reported[$id] - $ends[$id]).TotalSeconds }
        [pscustomobject]@{ Side = $Side; Slots = $Slots; Wall = $wall; Polls = $polls; Delay = (Get-Stat $delays).Median; MaxRunning = $stats.maxRunning.gen4_turbo
            MaxInFlight = $stats.maxInFlight.gen4_turbo; FirstCreate = $creates[0].time; Extra = $extra }
    }
    if (Test-Section 'Tiers') {
    Write-Step "Batches of $BatchSize at MaxConcurrent $($TierSlots -join ', '): PendingMs $TierPendingMs, RunMs $TierRunMs (task $tierTask s)..."
    foreach ($slots in $TierSlots) {
        $mod = Measure-TierBatch 'module' $slots $BatchSize
        Write-Step ("  {0} slot(s) module: {1:0.0} s, {2} polls, median delay {3:0.000} s, in flight ≤ {4}" -f $slots, $mod.Wall, $mod.Polls, $mod.Delay, $mod.MaxInFlight)
        $ideal = $BatchSize / $slots * $tierTask
        if ($hasSdk) {
            $sdk = Measure-TierBatch 'sdk' $slots $BatchSize
            Write-Step ("  {0} slot(s) SDK:    {1:0.0} s, {2} polls, median delay {3:0.000} s, in flight ≤ {4}" -f $slots, $sdk.Wall, $sdk.Polls, $sdk.Delay, $sdk.MaxInFlight)
            Add-Row "$BatchSize at MaxConcurrent ${slots}: wall time" ('{0:0.0} s' -f $mod.Wall) ("SDK {0:0.0} s; ideal {1:0.0} s" -f $sdk.Wall, $ideal) ('{0:0.000}× ideal; SDK {1:0.000}×' -f ($mod.Wall / $ideal), ($sdk.Wall / $ideal)) '≤ 1.02× ideal' (($mod.Wall / $ideal) -le 1.02)
            Add-Row "$BatchSize at MaxConcurrent ${slots}: poll requests" "$($mod.Polls)" "SDK $($sdk.Polls)" ('{0:0.00}×' -f ($mod.Polls / $sdk.Polls)) '≤ 0.5× the SDK' (($mod.Polls / $sdk.Polls) -le 0.5)
            Add-Row "$BatchSize at MaxConcurrent ${slots}: median report delay" ('{0:0.000} s' -f $mod.Delay) ('SDK {0:0.000} s' -f $sdk.Delay) ('{0:0.000}×' -f ($mod.Delay / [Math]::Max(0.001, $sdk.Delay))) 'not later than the SDK' ($mod.Delay -le $sdk.Delay)
        }
        else {
            Add-Row "$BatchSize at MaxConcurrent ${slots}: wall time" ('{0:0.0} s' -f $mod.Wall) ("ideal {0:0.0} s" -f $ideal) ('{0:0.000}× ideal' -f ($mod.Wall / $ideal)) '≤ 1.02× ideal' (($mod.Wall / $ideal) -le 1.02)
        }
        if ($mod.MaxInFlight -gt $slots) { $notes.Add("WARNING: the module had $($mod.MaxInFlight) tasks in flight at MaxConcurrent $slots.") }
    }

    }
    if (Test-Section 'Pipe') {
    # ---- 3d. The README's pipe form against -Wait, same batch, same tier limit ----------------------------
    Write-Step "Pipe form vs -Wait: $BatchSize tasks at MaxConcurrent $PipeSlots (task $tierTask s), fresh pwsh each..."
    $byForm = @{}
    foreach ($form in 'Wait', 'Pipe') {
        $byForm[$form] = Measure-TierBatch 'module' $PipeSlots $BatchSize $form
        Write-Step ("  {0}: {1:0.0} s, {2} polls, median delay {3:0.000} s" -f $form, $byForm[$form].Wall, $byForm[$form].Polls, $byForm[$form].Delay)
    }
    $pipeRatio = $byForm.Pipe.Polls / $byForm.Wait.Polls
    Add-Row "$BatchSize at MaxConcurrent ${PipeSlots}: poll requests, New-RunwayVideo \| Wait-RunwayTask vs -Wait" "pipe $($byForm.Pipe.Polls)" "-Wait $($byForm.Wait.Polls)" ('{0:0.00}×' -f $pipeRatio) '≤ 1.1× -Wait' ($pipeRatio -le 1.1)
    Add-Row "$BatchSize at MaxConcurrent ${PipeSlots}: wall time, pipe vs -Wait" ('pipe {0:0.0} s; median delay {1:0.000} s' -f $byForm.Pipe.Wall, $byForm.Pipe.Delay) ('-Wait {0:0.0} s; median delay {1:0.000} s' -f $byForm.Wait.Wall, $byForm.Wait.Delay) ('{0:0.000}×' -f ($byForm.Pipe.Wall / $byForm.Wait.Wall)) '(reference)' $null

    }
    if (Test-Section 'LargeBatch') {
    # ---- 3c. A large batch: memory, first create, threads --------------------------------------------------
    Write-Step "Batch of $LargeBatch at MaxConcurrent 100 (task $tierTask s), fresh pwsh..."
    $large = Measure-TierBatch 'module' 100 $LargeBatch
    $x = $large.Extra
    $firstCreate = ((ConvertTo-Utc $large.FirstCreate) - (ConvertTo-Utc $x.startedAt)).TotalSeconds
    $growth = $x.peakMB - $x.idleMB
    Write-Step ("  {0:0.0} s, peak +{1:0.0} MB, first create after {2:0.000} s, threads {3} → {4}" -f $large.Wall, $growth, $firstCreate, $x.idleThreads, $x.peakThreads)
    Add-Row "Batch ${LargeBatch}: peak working set above idle" ('+{0:0.0} MB' -f $growth) ('idle {0:0} MB' -f $x.idleMB) ('{0:0.00}× of target' -f ($growth / 64)) '≤ 64 MB' ($growth -le 64)
    Add-Row "Batch ${LargeBatch}: time to first create" ('{0:0.000} s' -f $firstCreate) '–' ('{0:0.00}× of target' -f ($firstCreate / 1)) '≤ 1 s' ($firstCreate -le 1)
    Add-Row "Batch ${LargeBatch}: threads" ("{0} peak" -f $x.peakThreads) ("{0} idle" -f $x.idleThreads) ('+{0}' -f ($x.peakThreads - $x.idleThreads)) 'no thread per task (≤ +32)' (($x.peakThreads - $x.idleThreads) -le 32)
    Add-Row "Batch ${LargeBatch}: wall time" ('{0:0.0} s' -f $large.Wall) ('ideal {0:0.0} s' -f ($LargeBatch / 100 * $tierTask)) ('{0:0.000}× ideal' -f ($large.Wall / ($LargeBatch / 100 * $tierTask))) '(reference)' $null

    }
    if (Test-Section 'Journal') {
    # ---- 3d. The task journal at 100,000 tasks ----------------------------------------------------------------
    Write-Step "Task journal of $JournalTasks tasks, fresh pwsh..."
    $journalDir = Join-Path $work 'journal'
    New-Item -ItemType Directory -Path $journalDir | Out-Null
    $json = & $pwshExe @pwshPrefix -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'Measure-Journal.ps1') -ModuleManifest $ModuleManifest -Directory $journalDir -Tasks $JournalTasks
    if ($LASTEXITCODE -ne 0) { throw "Measure-Journal.ps1 failed: $json" }
    $j = $json | Select-Object -Last 1 | ConvertFrom-Json
    $listStat = Get-Stat $j.listMs; $completeStat = Get-Stat $j.completeMs; $appendStat = Get-Stat $j.appendMs
    Write-Step ("  {0:0} MB: list {1:0.0} ms, complete {2:0.0} ms, append {3:0.00} ms, compaction {4:0} ms → {5:0.0} MB" -f ($j.bytes / 1MB), $listStat.Median, $completeStat.Median, $appendStat.Median, $j.compactMs, ($j.bytesAfter / 1MB))
    $size = '{0:N0} tasks, {1:N0} lines, {2:0} MB' -f $j.tasks, $j.lines, ($j.bytes / 1MB)
    Add-Row 'Journal: Get-RunwayTask -First 20' (Format-Stat $listStat 'ms' '0.0') $size ('{0:0.000}× of target' -f ($listStat.Median / 300)) '≤ 300 ms median' ($listStat.Median -le 300)
    Add-Row 'Journal: task-id completion' (Format-Stat $completeStat 'ms' '0.0') $size ('{0:0.000}× of target' -f ($completeStat.Median / 100)) '≤ 100 ms median' ($completeStat.Median -le 100)
    Add-Row "Journal: a create's journal line" (Format-Stat $appendStat 'ms' '0.00') $size ('{0:0.000}× of target' -f ($appendStat.Median / 10)) '≤ 10 ms median' ($appendStat.Median -le 10)
    Add-Row 'Journal: one compaction' ('{0:N0} ms, {1:N0} ms of it holding the lock' -f $j.compactMs, $j.compactLockedMs) ('{0:0.0} MB → {1:0.0} MB; {2:N0} tasks kept, {3:N0} archived' -f ($j.bytes / 1MB), ($j.bytesAfter / 1MB), $j.keptTasks, $j.archivedTasks) ('{0:0.000}× the size' -f ($j.bytesAfter / $j.bytes)) 'bounded; nothing unfinished or unsaved lost (tests)' $null
    Add-Row 'Journal: longest append during that compaction' ('{0:N1} ms' -f $j.longestAppendDuringCompactionMs) ('{0} appends, one every 20 ms from another runspace{1}' -f $j.appendsDuringCompaction, $(if ($j.appendErrorDuringCompaction) { "; one FAILED: $($j.appendErrorDuringCompaction)" })) ('{0:0.000}× an append''s 10 s patience' -f ($j.longestAppendDuringCompactionMs / 10000)) '≤ 500 ms (only the final swap holds the lock)' ($j.longestAppendDuringCompactionMs -le 500 -and -not $j.appendErrorDuringCompaction)


    # ---- 3e. The journal at scale: 1,000 vs 100,000 tasks, each figure the first of a fresh pwsh --------------
    Write-Step "Task journal at scale: 1,000 vs $JournalTasks tasks, fresh pwsh per figure..."
    Reset-RunwaySimulator
    $known = (New-RunwaySimulatorTask -Model gen4_turbo -Status SUCCEEDED).id
    function Measure-JournalFigure([string] $Mode, [string] $Journal) {
        $json = & $pwshExe @pwshPrefix -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'Measure-JournalScale.ps1') -ModuleManifest $ModuleManifest -Journal $Journal -Mode $Mode -Id $known
        if ($LASTEXITCODE -ne 0) { throw "Measure-JournalScale.ps1 -Mode $Mode failed: $json" }
        $json | Select-Object -Last 1 | ConvertFrom-Json
    }
    $scale = @{}
    foreach ($size in 1000, $JournalTasks) {
        $file = Join-Path $work "scale-$size/journal.jsonl"
        New-Item -ItemType Directory -Path (Split-Path $file) | Out-Null
        $lineCount = New-BenchJournal -Path $file -Tasks $size -OldestId $known
        # The index is built once (an upgrade's first lookup; appends keep it current after that).
        $index = Measure-JournalFigure Index $file
        $lookups = @(foreach ($run in 1..$Runs) { Measure-JournalFigure Lookup $file })
        $firsts = @(foreach ($run in 1..$Runs) { Measure-JournalFigure FirstObject $file })
        $scale[$size] = [pscustomobject]@{ Lines = $lineCount; Bytes = (Get-Item $file).Length; File = $file; Index = $index; Lookup = Get-Stat $lookups.ms; Find = Get-Stat $lookups.findMs
            LookupGrowth = Get-Stat $lookups.growthMB; First = Get-Stat $firsts.ms; FirstGrowth = Get-Stat $firsts.growthMB }
        Write-Step ("  {0:N0} tasks ({1:0.0} MB): index {2:0} ms; Get-RunwayTask -Id {3:0.0} ms (journal {4:0.00} ms, +{5:0.0} MB); first listed {6:0.0} ms" -f $size, ($scale[$size].Bytes / 1MB), $index.ms, $scale[$size].Lookup.Median, $scale[$size].Find.Median, $scale[$size].LookupGrowth.Max, $scale[$size].First.Median)
    }
    $small = $scale[1000]; $big = $scale[$JournalTasks]
    $bigSize = '{0:N0} tasks, {1:0} MB' -f $JournalTasks, ($big.Bytes / 1MB)
    $lookupRatio = $big.Lookup.Median / $small.Lookup.Median
    Add-Row "Journal at scale: first Get-RunwayTask -Id (its sighting looks the task up)" ((Format-Stat $big.Lookup 'ms' '0.0') + "; journal part $(Format-Stat $big.Find 'ms' '0.00'); +$($big.LookupGrowth.Max) MB") ("1,000 tasks: " + (Format-Stat $small.Lookup 'ms' '0.0') + "; journal part $(Format-Stat $small.Find 'ms' '0.00')") (Format-Ratio ($big.Lookup.Min / $small.Lookup.Min) $lookupRatio) '≤ 3× the 1,000-task time; ≤ 64 MB growth' ($lookupRatio -le 3 -and $big.LookupGrowth.Max -le 64)
    $firstRatio = $big.First.Median / $small.First.Median
    Add-Row 'Journal at scale: first object of an unfiltered Get-RunwayTask' ((Format-Stat $big.First 'ms' '0.0') + "; +$($big.FirstGrowth.Max) MB") ("1,000 tasks: " + (Format-Stat $small.First 'ms' '0.0')) (Format-Ratio ($big.First.Min / $small.First.Min) $firstRatio) '≤ 3× the 1,000-task time' ($firstRatio -le 3)
    Add-Row 'Journal at scale: building the id index (once)' ('{0:N0} ms' -f $big.Index.ms) ('1,000 tasks: {0:N0} ms; {1}' -f $small.Index.ms, $bigSize) '–' '(reference: after an upgrade; appends keep it current)' $null
    $whole = Measure-JournalFigure WholeListing $big.File
    Add-Row 'Journal at scale: whole unfiltered listing (Get-RunwayTask \| Measure-Object)' ('{0:N0} ms, +{1} MB' -f $whole.ms, $whole.growthMB) ('{0:N0} tasks listed; {1}' -f $whole.count, $bigSize) ('{0:0.00}× of target' -f ($whole.growthMB / 64)) '≤ 64 MB growth' ($whole.growthMB -le 64 -and $whole.count -eq $JournalTasks)
    $copy = Join-Path $work 'scale-compact/journal.jsonl'
    New-Item -ItemType Directory -Path (Split-Path $copy) | Out-Null
    Copy-Item $big.File $copy
    $compact = Measure-JournalFigure Compaction $copy
    Add-Row 'Journal at scale: one compaction' ('{0:N0} ms, +{1} MB' -f $compact.ms, $compact.growthMB) ('{0:0.0} MB → {1:0.0} MB; {2:N0} kept, {3:N0} archived' -f ($compact.bytesBefore / 1MB), ($compact.bytesAfter / 1MB), $compact.kept, $compact.archived) ('{0:0.00}× of target' -f ($compact.growthMB / 64)) '≤ 64 MB growth' ($compact.growthMB -le 64)
    Remove-Item (Split-Path $copy) -Recurse -Force
    New-Item -ItemType Directory -Path (Split-Path $copy) | Out-Null
    Copy-Item $big.File $copy
    $trigger = Measure-JournalFigure Trigger $copy
    $longestWait = [Math]::Max($trigger.ms, $trigger.longestAppendMs)
    Add-Row 'Journal at scale: longest create wait during a compaction' ('{0:N1} ms (the create that started it: {1:N1} ms)' -f $longestWait, $trigger.ms) ('{0} creates, one every 20 ms, during the {1:N0} ms background compaction; {2}' -f $trigger.appends, $trigger.compactionMs, $bigSize) ('{0:0.00}× of target' -f ($longestWait / 500)) '≤ 500 ms' ($longestWait -le 500)

    }
    if (Test-Section 'Transfer') {
    # ---- 4. 200 MB upload and download -------------------------------------------------------------------
    Write-Step "$TransferMB MB upload and download, $TransferRuns run(s) each, fresh pwsh per side..."
    Reset-RunwaySimulator
    # The module refuses uploads over 200 MB counted in decimal megabytes (so that it never exceeds the API's limit),
    # so the upload file is 200,000,000 bytes; the download is 200 MiB (209,715,200 bytes) as the issue asks.
    $bytes = [long]$TransferMB * 1000 * 1000
    $downloadBytes = [long]$TransferMB * 1MB
    $file = Join-Path $work 'bench.mp4'
    $fs = [IO.File]::Create($file)
    try {
        $head = [byte[]](@(0, 0, 0, 0x20) + [Text.Encoding]::ASCII.GetBytes('ftypisom') + (New-Object byte[] 20))
        $fs.Write($head, 0, $head.Length)
        $chunk = New-Object byte[] (1MB)
        [Random]::new(1).NextBytes($chunk)
        $left = $bytes - $head.Length
        while ($left -gt 0) { $n = [int][Math]::Min($chunk.Length, $left); $fs.Write($chunk, 0, $n); $left -= $n }
    }
    finally { $fs.Dispose() }
    $transfer = @{}
    foreach ($mode in 'RawUpload', 'ModuleUpload', 'RawDownload', 'ModuleDownload') {
        $json = & $pwshExe @pwshPrefix -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'Measure-Transfer.ps1') -Mode $mode -ModuleManifest $ModuleManifest -File $file -OutDirectory $work -DownloadBytes $downloadBytes -Runs $TransferRuns
        if ($LASTEXITCODE -ne 0) { throw "Measure-Transfer.ps1 -Mode $mode failed: $json" }
        $transfer[$mode] = @($json | Select-Object -Last 1 | ConvertFrom-Json)
        Write-Step ("  {0}: {1}" -f $mode, (($transfer[$mode] | ForEach-Object { '{0:0.00} s +{1} MB' -f $_.seconds, $_.growthMB }) -join ', '))
    }
    foreach ($kind in 'Upload', 'Download') {
        $mod = $transfer["Module$kind"]; $raw = $transfer["Raw$kind"]
        $modRate = Get-Stat ($mod | ForEach-Object { $_.bytes / 1e6 / $_.seconds })
        $rawRate = Get-Stat ($raw | ForEach-Object { $_.bytes / 1e6 / $_.seconds })
        # For throughput, "min / median" reads as best / median, i.e. the fastest run first.
        $best = { param($st) [pscustomobject]@{ Min = $st.Max; Median = $st.Median } }
        $mb = & $best $modRate; $rb = & $best $rawRate
        $what = if ($kind -eq 'Upload') { 'Send-RunwayFile' } else { 'Save-RunwayOutput -Uri' }
        Add-Row "$(if ($kind -eq 'Upload') { "$TransferMB MB" } else { "$TransferMB MiB" }) $($kind.ToLower()): throughput ($what)" ((Format-Stat $mb 'MB/s') + ' (best / median)') ("HttpClient " + (Format-Stat $rb 'MB/s')) (Format-Ratio ($mb.Min / $rb.Min) ($mb.Median / $rb.Median)) '≥ 0.80× raw' (($mb.Min / $rb.Min) -ge 0.8)
        $modGrowth = Get-Stat $mod.growthMB; $rawGrowth = Get-Stat $raw.growthMB
        Add-Row "$(if ($kind -eq 'Upload') { "$TransferMB MB" } else { "$TransferMB MiB" }) $($kind.ToLower()): peak working-set growth" (Format-Stat $modGrowth 'MB' '0.0') ("HttpClient " + (Format-Stat $rawGrowth 'MB' '0.0')) '–' '≤ 32 MB' ($modGrowth.Median -le 32)
    }
    }
}
finally {
    Stop-RunwaySimulator $sim
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

# ---- Report ----------------------------------------------------------------------------------------------
$loadAfter = (Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ' | Select-Object -First 3
if ($Only) {
    # A partial run: its rows replace the rows of the same name (a new one goes after the run's previous row, or
    # after the last row), the rest stays. Into a file that does not exist yet it writes the table of just its rows
    # (the full report's set-up text speaks of sections this run did not measure).
    $text = [System.Collections.Generic.List[string]]::new([string[]]$(if (Test-Path $ResultPath) { Get-Content $ResultPath }
            else { '# Runway module benchmarks', '', '| Benchmark | Module | Baseline | Ratio | Target | Met |', '|---|---|---|---|---|---|' }))
    function Get-TableEnd { $end = -1; for ($i = 0; $i -lt $text.Count; $i++) { if ($text[$i].StartsWith('|')) { $end = $i } elseif ($end -ge 0) { break } }; $end }
    $previous = -1
    foreach ($r in $rows) {
        $line = "| $($r.Benchmark) | $($r.Module) | $($r.Baseline) | $($r.Ratio) | $($r.Target) | $($r.Met) |"
        $at = -1
        for ($i = 0; $i -lt $text.Count; $i++) { if ($text[$i].StartsWith("| $($r.Benchmark) |")) { $at = $i } }
        if ($at -ge 0) { $text[$at] = $line }
        else { $at = if ($previous -ge 0) { $previous + 1 } else { (Get-TableEnd) + 1 }; $text.Insert($at, $line) }
        $previous = $at
    }
    $stamp = "Rows of $($Only -join ', ') measured again by ``Invoke-Benchmark.ps1 -Only $($Only -join ',')``"
    for ($i = $text.Count - 1; $i -ge 0; $i--) { if ($text[$i].StartsWith($stamp)) { $text.RemoveAt($i); if ($i -lt $text.Count -and $text[$i] -eq '') { $text.RemoveAt($i) } } }
    $end = Get-TableEnd
    $text.Insert($end + 1, '')
    $text.Insert($end + 2, "$stamp on $([DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm')) UTC, load average before / after: $($load -join ' ') / $($loadAfter -join ' '), $([int]$started.Elapsed.TotalSeconds) s.")
    Set-Content -Path $ResultPath -Value $text -Encoding utf8
    foreach ($r in $rows) { Write-Host "| $($r.Benchmark) | $($r.Module) | $($r.Baseline) | $($r.Ratio) | $($r.Target) | $($r.Met) |" }
    Write-Host "Rows updated in $ResultPath ($([int]$started.Elapsed.TotalSeconds) s)"
    return
}
$md = [System.Text.StringBuilder]::new()
$null = $md.AppendLine('# Runway module benchmarks').AppendLine()
$null = $md.AppendLine("Generated by ``build.ps1 -Task Bench`` ($Configuration) on $([DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm')) UTC, " +
    "$([Environment]::ProcessorCount) cores, $($PSVersionTable.PSVersion) / $([Runtime.InteropServices.RuntimeInformation]::FrameworkDescription)" +
    $(if ($node) { ", node $(& $node.Source --version)" } else { '' }) + ". Load average before / after: $($load -join ' ') / $($loadAfter -join ' '). " +
    "Total bench time $([int]$started.Elapsed.TotalSeconds) s.").AppendLine()
$null = $md.AppendLine('Every figure is **min / median** over the runs (throughput: best / median); ratios are module ÷ baseline as min-based / median-based. ' +
    "Runs: $Runs (import, per-call), $BatchRuns per side (batch), $TransferRuns per side (transfers). One simulator instance serves everything (loopback).").AppendLine()
$null = $md.AppendLine('| Benchmark | Module | Baseline | Ratio | Target | Met |').AppendLine('|---|---|---|---|---|---|')
foreach ($r in $rows) { $null = $md.AppendLine("| $($r.Benchmark) | $($r.Module) | $($r.Baseline) | $($r.Ratio) | $($r.Target) | $($r.Met) |") }
$null = $md.AppendLine()
$null = $md.AppendLine('## Set-up').AppendLine()
$null = $md.AppendLine("- Batch: $BatchSize × ``New-RunwayVideo`` (gen4_turbo, https image, 2 s) piped in, ``-Wait``, the module's default 6 s poll interval (the SDK's own). " +
    "The SDK side runs ``client.imageToVideo.create(...).waitForTaskOutput()`` for all $BatchSize under ``Promise.all`` (@runwayml/sdk 4.20.1, 6 s ± 1.5 s polling, first poll after one wait). " +
    "For this benchmark the simulator's **MaxConcurrent is set to $BatchSize** with ``Set-RunwaySimulatorConfig`` (so no task is ever THROTTLED) and **RunMs to $BatchRunMs** (PendingMs stays $($defaults.pendingMs)): a simulator task takes $taskSeconds s. " +
    'The report delay is the time from the end of a task in the simulator (createdAt + PendingMs + RunMs, exact without throttling) to the module emitting it (the SDK: its promise resolving); poll requests are the GET /v1/tasks/{id} in the simulator log.')
$null = $md.AppendLine("- Batches at tier limits: $BatchSize × the same ``New-RunwayVideo`` batch (``-Wait``, 6 s interval), each side in a **fresh** process (the module: a new pwsh, so nothing learned and the tier read afresh), at **MaxConcurrent $($TierSlots -join ', ')**, **PendingMs $TierPendingMs, RunMs $TierRunMs**: a simulator task takes $tierTask s, and the ideal is tasks ÷ slots × $tierTask s. " +
    'The module keeps at most MaxConcurrent tasks unfinished (its gate creates the next when one ends, so each slot costs PendingMs + RunMs); the SDK creates all 100 at once and leaves the queue to the server, whose queue overlaps one task''s PENDING with another''s run: that is why the SDK can come in under the ideal. ' +
    "Report delay = report time minus the task's end, the end replayed from the tasks' createdAt by the simulator's rules (eligible after PendingMs, FIFO, one slot per end). The $LargeBatch-task batch runs at MaxConcurrent 100 in a fresh pwsh: working set VmHWM after minus VmRSS before (peak reset), threads sampled every 20 ms, first create = the simulator's log time of the first POST minus the pipeline's start.")
$null = $md.AppendLine("- Journal at scale: the same made-up year at 1,000 and $JournalTasks tasks (the oldest task one the simulator knows); each figure is the first use of the journal in a fresh pwsh, after a warm-up against a small journal of its own (so type loading and JIT are not counted), min / median of $Runs runs; growth = peak working set (VmHWM) minus the working set before. The id index is built once first, as an upgrade's first lookup would. The longest create wait: a created line that finds the file past the 8 MB threshold (the compaction starts in the background), then one every 20 ms until it ends.")
$null = $md.AppendLine("- Journal: a made-up year of $JournalTasks tasks (created + status line each, a saved line for half; the newest 20 finished, so the listing sends nothing to the API), in a fresh pwsh; medians of 15 (listing, completion) and 45 (appends, compaction off while timed, to a temp-dir file) runs; then one compaction of the whole file.")
$null = $md.AppendLine("- Transfers (MB/s = 10^6 bytes per second): a $TransferMB MB (decimal: the module's own upload limit) file; upload = ``Send-RunwayFile`` vs an HttpClient multipart POST of the same slot fields; download = ``Save-RunwayOutput -Uri `$sim/_sim/blob/$downloadBytes`` vs HttpClient ``GetAsync(ResponseHeadersRead)`` + ``CopyToAsync`` to a file. " +
    'Each side runs in its own fresh pwsh after a 1 MB warm-up; peak working-set growth is VmHWM after the transfer minus VmRSS before it (peak reset through /proc/self/clear_refs).')
$null = $md.AppendLine('- Per-call: 200 sequential calls on one finished task, module and Invoke-RestMethod interleaved run by run in the same pwsh after a warm-up; the SDK in node after a warm-up. Import: Import-Module timed inside each of ' + $ImportRuns + ' fresh pwsh processes (pwsh start-up excluded; one extra first run is discarded), interleaved run by run with the same import of an empty manifest (PowerShell''s own part); CPU time = user + sys of the process over the same span; `-Only Import` measures just these rows.')
$null = $md.AppendLine('- **Noise:** the machine has 2 cores shared with other builds and test runs at the same time, so figures can vary by tens of percent between runs; prefer the min figures.').AppendLine()
foreach ($n in $notes) { $null = $md.AppendLine("- $n") }
$notesPath = Join-Path $PSScriptRoot 'notes.md'
if (Test-Path $notesPath) { $null = $md.AppendLine().Append((Get-Content $notesPath -Raw)) }
Set-Content -Path $ResultPath -Value $md.ToString() -Encoding utf8
Write-Host ''
Write-Host '| Benchmark | Module | Baseline | Ratio | Target | Met |'
foreach ($r in $rows) { Write-Host "| $($r.Benchmark) | $($r.Module) | $($r.Baseline) | $($r.Ratio) | $($r.Target) | $($r.Met) |" }
Write-Host ''
Write-Host "Results written to $ResultPath ($([int]$started.Elapsed.TotalSeconds) s)"
