<#
.SYNOPSIS
    One figure of the task journal at scale, for Invoke-Benchmark.ps1, in a fresh pwsh. Prints one JSON line:
    { ms, growthMB, ... } (see each mode).
.DESCRIPTION
    Every mode first warms the code it times up against a small journal of its own ($Warm, so that type loading and
    JIT are not counted), then points RUNWAY_JOURNAL at $Journal and times the first use of it in this process:
      Index         the one read of the whole file an index costs (after an upgrade; appends keep it current after)
      Lookup        Get-RunwayTask -Id $Id (a task the simulator knows; its sighting looks it up in the journal)
      FirstObject   the first object of an unfiltered Get-RunwayTask
      WholeListing  Get-RunwayTask | Measure-Object (every task, streamed)
      Compaction    TaskJournal.Compact() of the whole file
      Trigger       a create's journal line that finds the file past the compaction threshold, then an append every
                    20 ms until the compaction it started in the background ends: the longest any of them waited
    Growth = peak working set (VmHWM, reset through /proc/self/clear_refs) minus the working set before.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $Journal,
    [Parameter(Mandatory)] [ValidateSet('Index', 'Lookup', 'FirstObject', 'WholeListing', 'Compaction', 'Trigger')] [string] $Mode,
    [string] $Id
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModuleManifest
. (Join-Path $PSScriptRoot 'JournalData.ps1')
$linux = Test-Path /proc/self/clear_refs
function Read-Status([string] $Name) { [double](((Get-Content /proc/self/status | Where-Object { $_ -like "${Name}:*" }) -split '\s+')[1]) / 1024 }
function Start-Measure {
    [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
    if ($linux) { [IO.File]::WriteAllText('/proc/self/clear_refs', '5'); return Read-Status VmRSS }
    [Environment]::WorkingSet / 1MB
}
function Get-Growth([double] $Before) {
    $peak = if ($linux) { Read-Status VmHWM } else { [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB }
    [Math]::Round($peak - $Before, 1)
}
function New-Line([string] $Kind, [string] $TaskId, [string] $Extra = '') {
    # A JsonObject enumerates its properties: hand it out whole.
    , [System.Text.Json.Nodes.JsonNode]::Parse('{"event":"' + $Kind + '","id":"' + $TaskId + '","time":"' + [DateTimeOffset]::Now.ToString('o') + '"' + $Extra + '}')
}

# The warm-up: the same code against a small journal of its own.
$warm = Join-Path ([IO.Path]::GetTempPath()) ('runway-bench-warm-' + [guid]::NewGuid().ToString('N').Substring(0, 8) + '.jsonl')
$null = New-BenchJournal -Path $warm -Tasks 200   # without $Id: its sighting caches nothing
$env:RUNWAY_JOURNAL = $warm
try {
    switch ($Mode) {
        'Index' { $null = [Runway.Tasks.TaskJournal]::Find('warm-up') }
        'Lookup' { $null = Get-RunwayTask -Id $Id }
        'FirstObject' { $null = Get-RunwayTask | Select-Object -First 1 }
        'WholeListing' { $null = Get-RunwayTask | Measure-Object }
        'Compaction' { $null = [Runway.Tasks.TaskJournal]::Compact() }
        'Trigger' { $null = [Runway.Tasks.TaskJournal]::Append((New-Line 'created' ([guid]::NewGuid()) ',"model":"gen4_turbo","endpoint":"image_to_video"')) }
    }
}
finally { Remove-Item "$warm*" -Force -ErrorAction SilentlyContinue }

$env:RUNWAY_JOURNAL = $Journal
# The reading modes time reads only: a sighting's status line must not start a compaction (it would archive the
# old task the next run looks up).
if ($Mode -notin 'Compaction', 'Trigger') { [Runway.Tasks.TaskJournal]::CompactAboveBytes = 0 }
$before = Start-Measure
$w = [Diagnostics.Stopwatch]::StartNew()
$result = switch ($Mode) {
    'Index' {
        $null = [Runway.Tasks.TaskJournal]::Find('no-such-task')
        @{ ms = $w.Elapsed.TotalMilliseconds }
    }
    'Lookup' {
        $task = Get-RunwayTask -Id $Id
        $ms = $w.Elapsed.TotalMilliseconds
        if ($task.Id -ne $Id) { throw "Get-RunwayTask -Id returned $($task.Id)" }
        # The journal's part alone: the same lookup again is answered by this process's memory, so time a cold id.
        $w.Restart()
        $found = [Runway.Tasks.TaskJournal]::Find($Id)
        if (-not $found) { throw "the journal does not know $Id" }
        @{ ms = $ms; findMs = $w.Elapsed.TotalMilliseconds }
    }
    'FirstObject' {
        $first = Get-RunwayTask | Select-Object -First 1
        if (-not $first) { throw 'no task listed' }
        @{ ms = $w.Elapsed.TotalMilliseconds }
    }
    'WholeListing' {
        $count = (Get-RunwayTask | Measure-Object).Count
        @{ ms = $w.Elapsed.TotalMilliseconds; count = $count }
    }
    'Compaction' {
        $r = [Runway.Tasks.TaskJournal]::Compact()
        @{ ms = $w.Elapsed.TotalMilliseconds; kept = $r.Kept; archived = $r.Archived; bytesBefore = $r.BytesBefore; bytesAfter = $r.BytesAfter; lockedMs = $r.LockedMilliseconds }
    }
    'Trigger' {
        # The file is past the threshold: this append (a create's line) starts the compaction.
        if (-not [Runway.Tasks.TaskJournal]::Append((New-Line 'created' ([guid]::NewGuid()) ',"model":"gen4_turbo","endpoint":"image_to_video","estimatedCredits":25'))) { throw [Runway.Tasks.TaskJournal]::LastError }
        $trigger = $w.Elapsed.TotalMilliseconds
        $longest = 0.0; $appends = 0
        while ([Runway.Tasks.TaskJournal]::IsCompacting -and $w.Elapsed.TotalMinutes -lt 10) {
            Start-Sleep -Milliseconds 20
            $a = [Diagnostics.Stopwatch]::StartNew()
            if (-not [Runway.Tasks.TaskJournal]::Append((New-Line 'created' ([guid]::NewGuid()) ',"model":"gen4_turbo","endpoint":"image_to_video","estimatedCredits":25'))) { throw [Runway.Tasks.TaskJournal]::LastError }
            $longest = [Math]::Max($longest, $a.Elapsed.TotalMilliseconds)
            $appends++
        }
        $compactionMs = $w.Elapsed.TotalMilliseconds
        if ([Runway.Tasks.TaskJournal]::IsCompacting) { throw 'the compaction did not end within 10 minutes' }
        @{ ms = $trigger; longestAppendMs = $longest; appends = $appends; compactionMs = $compactionMs; bytesAfter = (Get-Item $Journal).Length }
    }
}
$result.growthMB = Get-Growth $before
[pscustomobject]$result | ConvertTo-Json -Compress
