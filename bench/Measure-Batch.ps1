<#
.SYNOPSIS
    One module batch for Invoke-Benchmark.ps1, run in a fresh pwsh (a cold process: no learned task times, the
    tier read afresh, memory figures its own). Prints one JSON line:
    { startedAt, wallMs, reported: [{ id, at }], idleMB, peakMB, idleThreads, peakThreads }.
.DESCRIPTION
    $Count x New-RunwayVideo (gen4_turbo, https image, 2 s) piped in with -Wait, the default 6 s poll interval
    (-Form Pipe: without -Wait, piped on to Wait-RunwayTask, the README's form).
    Peak working set = VmHWM after the batch (reset through /proc/self/clear_refs before it); threads are sampled
    every 20 ms from /proc/self/status.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [int] $Count,
    # The task journal this batch writes (a fresh file: each create's line is part of the figures).
    [Parameter(Mandatory)] [string] $Journal,
    [string] $Image = 'https://example.com/bench-first-frame.png',
    [ValidateSet('Wait', 'Pipe')] [string] $Form = 'Wait'
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModuleManifest
$env:RUNWAY_JOURNAL = $Journal
function Read-Status([string] $Name) {
    $line = [IO.File]::ReadAllLines('/proc/self/status') | Where-Object { $_ -like "${Name}:*" }
    [double](($line -split '\s+')[1])
}
# A script block cannot run on a timer's pool thread: the sampler is a few lines of C#.
Add-Type -TypeDefinition @'
public sealed class BenchThreadSampler : System.IDisposable
{
    private readonly System.Threading.Timer timer;
    public int Peak;
    public BenchThreadSampler(int everyMs) { timer = new System.Threading.Timer(_ => Sample(), null, 0, everyMs); }
    private void Sample()
    {
        foreach (string line in System.IO.File.ReadAllLines("/proc/self/status"))
            if (line.StartsWith("Threads:")) { int n = int.Parse(line.Substring(8).Trim()); if (n > Peak) Peak = n; }
    }
    public void Dispose() { timer.Dispose(); Sample(); }
}
'@
# Warm the module's code paths on a task that is already finished, so that "idle" is a loaded, ready module.
$null = Get-RunwayCredit
$inputs = @(foreach ($i in 1..$Count) { $Image })
[GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
try { [IO.File]::WriteAllText('/proc/self/clear_refs', '5') } catch { }
$idleMB = (Read-Status 'VmRSS') / 1024
$idleThreads = Read-Status 'Threads'
$sampler = [BenchThreadSampler]::new(20)
$reported = [System.Collections.Generic.List[object]]::new()
$startedAt = [DateTimeOffset]::UtcNow
$w = [Diagnostics.Stopwatch]::StartNew()
$report = { $reported.Add([pscustomobject]@{ id = $_.Id; at = [DateTimeOffset]::UtcNow.ToString('o') }) }
if ($Form -eq 'Wait') {
    $inputs | New-RunwayVideo -Prompt 'bench' -Model gen4_turbo -Ratio 1280:720 -Duration 2 -Wait -Confirm:$false | ForEach-Object $report
}
else {
    $inputs | New-RunwayVideo -Prompt 'bench' -Model gen4_turbo -Ratio 1280:720 -Duration 2 -Confirm:$false | Wait-RunwayTask | ForEach-Object $report
}
$wallMs = $w.Elapsed.TotalMilliseconds
$sampler.Dispose()
$peakThreads = $sampler.Peak
$peakMB = (Read-Status 'VmHWM') / 1024
[pscustomobject]@{ startedAt = $startedAt.ToString('o'); wallMs = $wallMs; reported = $reported; idleMB = $idleMB; peakMB = $peakMB
    idleThreads = $idleThreads; peakThreads = $peakThreads } | ConvertTo-Json -Compress -Depth 4
