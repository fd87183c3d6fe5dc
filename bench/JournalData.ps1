# Dot-sourced by the journal benchmarks: a made-up year of tasks as a busy user's journal would hold them.
function New-BenchJournal {
    <#
    .SYNOPSIS
        Writes a journal of $Tasks tasks over the last year: a created and a status line each (one in ten FAILED, the
        rest SUCCEEDED with an output URL), a saved line for every other one; all finished, so a listing sends nothing.
        $OldestId, when given, is the id of the first (oldest) task: the farthest a backwards read has to go.
        Returns the number of lines.
    #>
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [int] $Tasks, [string] $OldestId)
    $start = [DateTimeOffset]::UtcNow.AddDays(-365)
    $step = 365 * 86400 / $Tasks
    $lines = [System.Collections.Generic.List[string]]::new($Tasks * 3)
    for ($i = 0; $i -lt $Tasks; $i++) {
        $id = if ($i -eq 0 -and $OldestId) { $OldestId } else { [guid]::NewGuid().ToString() }
        $t = $start.AddSeconds($i * $step)
        $lines.Add('{"event":"created","id":"' + $id + '","time":"' + $t.ToString('o') + '","endpoint":"image_to_video","model":"gen4_turbo","estimatedCredits":25,"prompt":"shot ' + $i + ' of the harbour at dawn, slow pan","inputs":["/home/u/frames/' + $i + '.png -> data:image/png;base64,…(48210 chars)"]}')
        $status = if ($i % 10 -eq 3) { '"status":"FAILED","failure":"An unexpected error occurred.","failureCode":"INTERNAL.BAD_OUTPUT"' } else { '"status":"SUCCEEDED","output":["https://dnznrvs05pmza.cloudfront.net/' + $id + '.mp4?_jwt=eyJhbGciOiJIUzI1NiJ9.abcdefghijklmnopqrstuvwxyz"]' }
        $lines.Add('{"event":"status","id":"' + $id + '","time":"' + $t.AddSeconds(30).ToString('o') + '",' + $status + '}')
        if ($i % 2 -eq 0) { $lines.Add('{"event":"saved","id":"' + $id + '","time":"' + $t.AddSeconds(31).ToString('o') + '","path":"/home/u/clips/' + $id + '.mp4"}') }
    }
    [IO.File]::WriteAllLines($Path, $lines)
    $lines.Count
}
