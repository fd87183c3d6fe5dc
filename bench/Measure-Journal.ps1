<#
.SYNOPSIS
    The task journal at 100,000 tasks, for Invoke-Benchmark.ps1, in a fresh pwsh. Prints one JSON line:
    { tasks, lines, bytes, listMs: [], completeMs: [], appendMs: [], compactMs, compactLockedMs,
    appendsDuringCompaction, longestAppendDuringCompactionMs, appendErrorDuringCompaction (another runspace appends every 20 ms meanwhile), keptTasks, archivedTasks, bytesAfter }.
.DESCRIPTION
    Makes a journal of $Tasks tasks a busy user could have after a year (created + a status line each, a saved line
    for some; the newest 20 finished, so that the listing sends nothing to the API), then times, $Runs times each:
    Get-RunwayTask -First 20, task-id completion (TabExpansion2 on 'Get-RunwayTask -Id '), and a create's journal line
    (TaskJournal.Append of a created line the size of a real one, compaction off so that the write alone is timed);
    then one compaction.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $Directory,
    [int] $Tasks = 100000,
    [int] $Runs = 15
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module $ModuleManifest
$journal = Join-Path $Directory 'journal.jsonl'
$env:RUNWAY_JOURNAL = $journal
. (Join-Path $PSScriptRoot 'JournalData.ps1')
$lineCount = New-BenchJournal -Path $journal -Tasks $Tasks
$bytes = (Get-Item $journal).Length
function Measure-Ms([scriptblock] $Script, [int] $Times) {
    foreach ($n in 1..$Times) { $w = [Diagnostics.Stopwatch]::StartNew(); $null = & $Script; $w.Elapsed.TotalMilliseconds }
}
$null = Get-RunwayTask -First 20   # first call: type loading, not the journal
$list = @(Measure-Ms { $r = @(Get-RunwayTask -First 20); if ($r.Count -ne 20) { throw "listed $($r.Count)" } } $Runs)
$null = TabExpansion2 -inputScript 'Get-RunwayTask -Id ' -cursorColumn 19
$complete = @(Measure-Ms { $r = TabExpansion2 -inputScript 'Get-RunwayTask -Id ' -cursorColumn 19; if ($r.CompletionMatches.Count -lt 20) { throw "completed $($r.CompletionMatches.Count)" } } $Runs)
[Runway.Tasks.TaskJournal]::CompactAboveBytes = 0
$appended = [System.Collections.Generic.List[string]]::new()
$append = @(Measure-Ms {
    $id = [guid]::NewGuid().ToString()
    $appended.Add($id)
    $line = '{"event":"created","id":"' + $id + '","time":"' + [DateTimeOffset]::Now.ToString('o') + '","endpoint":"image_to_video","model":"gen4_turbo","estimatedCredits":25,"prompt":"one more shot of the harbour","inputs":["https://example.com/a.png"]}'
    if (-not [Runway.Tasks.TaskJournal]::Append([System.Text.Json.Nodes.JsonNode]::Parse($line))) { throw [Runway.Tasks.TaskJournal]::LastError }
} ($Runs * 3))
# Those tasks end (untimed), so that the listing after the compaction sends nothing to the API either.
foreach ($id in $appended) { $null = [Runway.Tasks.TaskJournal]::Append([System.Text.Json.Nodes.JsonNode]::Parse('{"event":"status","id":"' + $id + '","time":"' + [DateTimeOffset]::Now.ToString('o') + '","status":"SUCCEEDED","output":["https://example.com/o.mp4"]}')) }
# Another session appends every 20 ms while the compaction runs (a runspace of its own, timing each append).
$sync = [hashtable]::Synchronized(@{ Run = $true; MaxMs = 0.0; Count = 0; Error = $null })
$appender = [powershell]::Create()
$appender.Runspace = [runspacefactory]::CreateRunspace()
$appender.Runspace.Open()
$null = $appender.AddScript({
    param($Module, $Sync, $Id)
    Import-Module $Module
    while ($Sync.Run) {
        $line = '{"event":"saved","id":"' + $Id + '","time":"' + [DateTimeOffset]::Now.ToString('o') + '","path":"/home/u/clips/again.mp4"}'
        $w = [Diagnostics.Stopwatch]::StartNew()
        if (-not [Runway.Tasks.TaskJournal]::Append([System.Text.Json.Nodes.JsonNode]::Parse($line))) { $Sync.Error = [Runway.Tasks.TaskJournal]::LastError }
        $ms = $w.Elapsed.TotalMilliseconds
        if ($ms -gt $Sync.MaxMs) { $Sync.MaxMs = $ms }
        $Sync.Count++
        Start-Sleep -Milliseconds 20
    }
}).AddArgument($ModuleManifest).AddArgument($sync).AddArgument($appended[0])
$handle = $appender.BeginInvoke()
while ($sync.Count -lt 3 -and -not $handle.IsCompleted) { Start-Sleep -Milliseconds 20 }
$sync.MaxMs = 0.0; $sync.Count = 0
$w = [Diagnostics.Stopwatch]::StartNew()
$result = [Runway.Tasks.TaskJournal]::Compact()
$compactMs = $w.Elapsed.TotalMilliseconds
$sync.Run = $false
$null = $appender.EndInvoke($handle)
$appender.Dispose()
$listAfter = @(Measure-Ms { $null = @(Get-RunwayTask -First 20) } 5)
[pscustomobject]@{ tasks = $Tasks; lines = $lineCount; bytes = $bytes; listMs = $list; completeMs = $complete; appendMs = $append; compactMs = $compactMs; compactLockedMs = $result.LockedMilliseconds
    appendsDuringCompaction = $sync.Count; longestAppendDuringCompactionMs = $sync.MaxMs; appendErrorDuringCompaction = $sync.Error
    keptTasks = $result.Kept; archivedTasks = $result.Archived; bytesAfter = $result.BytesAfter; listAfterMs = $listAfter } | ConvertTo-Json -Compress
