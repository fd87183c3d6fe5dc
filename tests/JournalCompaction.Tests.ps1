# Pester: runs alone (it times appends to a large journal: other tests on the machine would slow them).
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1

    function script:New-JournalLines([int] $Count, [string] $Prefix = 't', [datetime] $Start = [datetime]::UtcNow.AddDays(-3)) {
        # Each task: created, then by its number unfinished (RUNNING), succeeded and saved, succeeded unsaved, or failed.
        $lines = [System.Collections.Generic.List[string]]::new()
        for ($i = 0; $i -lt $Count; $i++) {
            $id = '{0}-{1:d6}' -f $Prefix, $i
            $t = $Start.AddSeconds($i * 10)
            $lines.Add(('{{"event":"created","id":"{0}","time":"{1:o}","endpoint":"image_to_video","model":"gen4_turbo","estimatedCredits":25,"prompt":"shot {2}","inputs":["https://example.com/{2}.png"]}}' -f $id, $t, $i))
            switch ($i % 4) {
                0 { $lines.Add(('{{"event":"status","id":"{0}","time":"{1:o}","status":"RUNNING"}}' -f $id, $t.AddSeconds(2))) }
                1 {
                    $lines.Add(('{{"event":"status","id":"{0}","time":"{1:o}","status":"SUCCEEDED","output":["https://example.com/out/{0}.mp4"]}}' -f $id, $t.AddSeconds(5)))
                    $lines.Add(('{{"event":"saved","id":"{0}","time":"{1:o}","path":"/clips/{0}.mp4"}}' -f $id, $t.AddSeconds(6)))
                }
                2 { $lines.Add(('{{"event":"status","id":"{0}","time":"{1:o}","status":"SUCCEEDED","output":["https://example.com/out/{0}.mp4"]}}' -f $id, $t.AddSeconds(5))) }
                3 { $lines.Add(('{{"event":"status","id":"{0}","time":"{1:o}","status":"FAILED","failure":"flagged","failureCode":"SAFETY.INPUT.TEXT"}}' -f $id, $t.AddSeconds(5))) }
            }
        }
        $lines
    }
    function script:Read-JournalFile([string] $Path) {
        $saved = $env:RUNWAY_JOURNAL
        try { $env:RUNWAY_JOURNAL = $Path; @([Runway.Tasks.TaskJournal]::Read($null)) }
        finally { $env:RUNWAY_JOURNAL = $saved }
    }
    function script:Format-Record($Record) {
        '{0}|{1}|{2}|{3}|{4}|{5}|{6}|{7}|{8}' -f $Record.Id, $Record.Status, $Record.Model, $Record.Prompt, ($Record.Output -join ','), ($Record.SavedTo -join ','),
            $Record.FailureCode, $Record.CreatedAt.UtcDateTime.ToString('o'), $Record.Gone
    }
}

Describe 'Task journal at scale' {
    BeforeEach {
        $script:dir = Join-Path ([IO.Path]::GetTempPath()) ('runway-test-compact-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
        New-Item -ItemType Directory -Path $dir | Out-Null
        $script:journal = Join-Path $dir 'journal.jsonl'
        $script:savedJournal = $env:RUNWAY_JOURNAL
        $env:RUNWAY_JOURNAL = $journal
        $script:savedKeep = [Runway.Tasks.TaskJournal]::KeepNewest
    }
    AfterEach {
        $env:RUNWAY_JOURNAL = $savedJournal
        [Runway.Tasks.TaskJournal]::KeepNewest = $savedKeep
        Remove-Item $dir -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'reads the newest tasks from the end of the file exactly as a whole read folds them' {
        [IO.File]::WriteAllLines($journal, [string[]](New-JournalLines 3000))
        $whole = @([Runway.Tasks.TaskJournal]::Read($null) | Select-Object -First 25)
        $newest = @([Runway.Tasks.TaskJournal]::ReadNewest(25, $null, $null))
        $newest.Count | Should -Be 25
        ($newest | ForEach-Object { Format-Record $_ }) | Should -Be ($whole | ForEach-Object { Format-Record $_ })
        $since = $whole[9].CreatedAt
        @([Runway.Tasks.TaskJournal]::ReadNewest(100, $since, $null)).Id | Should -Be $whole[0..9].Id
        # The listing cmdlet takes the same path with -First.
        (Get-RunwayTask -First 3 -WarningAction SilentlyContinue).Id | Should -Be $whole[0..2].Id
    }

    It 'compacts to one line per kept task: every unfinished and unsaved task stays, the rest moves to the archive, nothing is lost' {
        [IO.File]::WriteAllLines($journal, [string[]](New-JournalLines 2000))
        $before = @([Runway.Tasks.TaskJournal]::Read($null))
        [Runway.Tasks.TaskJournal]::KeepNewest = 100
        $result = [Runway.Tasks.TaskJournal]::Compact()
        $result.BytesAfter | Should -BeLessThan $result.BytesBefore
        @([IO.File]::ReadAllLines($journal)).Count | Should -Be $result.Kept   # one line per kept task
        $active = @(Read-JournalFile $journal)
        $archived = @(Read-JournalFile ([Runway.Tasks.TaskJournal]::ArchivePath($journal)))
        $result.Kept | Should -Be $active.Count
        $result.Archived | Should -Be $archived.Count
        # Unfinished (RUNNING) and succeeded-but-unsaved tasks all stay in the journal; the newest 100 too.
        $activeIds = [Collections.Generic.HashSet[string]]::new([string[]]$active.Id)
        $mustStay = @($before | Where-Object { $_.Status -eq 'RUNNING' -or ($_.Status -eq 'SUCCEEDED' -and $_.SavedTo.Count -eq 0) }) + @($before | Select-Object -First 100)
        $mustStay.Count | Should -BeGreaterThan 1000
        @($mustStay | Where-Object { -not $activeIds.Contains($_.Id) }).Id | Should -BeNullOrEmpty
        $archived | Where-Object { $_.Status -eq 'RUNNING' } | Should -BeNullOrEmpty
        # Journal and archive together fold to exactly what the journal folded to before.
        $after = @($active + $archived | Sort-Object { $_.CreatedAt } -Descending)
        ($after | ForEach-Object { Format-Record $_ }) | Should -Be ($before | ForEach-Object { Format-Record $_ })
        # A second compaction archives nothing more and keeps the journal as it is.
        ([Runway.Tasks.TaskJournal]::Compact()).Archived | Should -Be 0
        @(Read-JournalFile $journal).Count | Should -Be $active.Count
    }

    It 'lets appends through while it writes the archive, and carries over what they add' {
        [IO.File]::WriteAllLines($journal, [string[]](New-JournalLines 2000))
        [Runway.Tasks.TaskJournal]::KeepNewest = 10
        $hook = [Runway.Tasks.TaskJournal].GetField('ArchiveWritten', [Reflection.BindingFlags]'NonPublic,Static')
        $appends = [Collections.Generic.List[object]]::new()
        $hook.SetValue($null, [Action] {
            # Runs inside the compaction, between the archive write and the journal's lock: an append must not wait.
            $w = [Diagnostics.Stopwatch]::StartNew()
            $now = [DateTimeOffset]::Now.ToString('o')
            $ok = [Runway.Tasks.TaskJournal]::Append([System.Text.Json.Nodes.JsonNode]::Parse('{"event":"created","id":"during-archive","time":"' + $now + '","model":"gen4_turbo","endpoint":"text_to_image"}'))
            # t-000001 (succeeded and saved) is already in the archive: its new line keeps it in the journal too.
            $ok = $ok -and [Runway.Tasks.TaskJournal]::Append([System.Text.Json.Nodes.JsonNode]::Parse('{"event":"saved","id":"t-000001","time":"' + $now + '","path":"/clips/again.mp4"}'))
            $appends.Add([pscustomobject]@{ Ok = $ok; Ms = $w.Elapsed.TotalMilliseconds; Error = [Runway.Tasks.TaskJournal]::LastError })
        })
        try { $result = [Runway.Tasks.TaskJournal]::Compact() }
        finally { $hook.SetValue($null, $null) }
        $appends.Count | Should -Be 1
        $appends[0].Ok | Should -BeTrue -Because $appends[0].Error
        # Blocked by the lock, an append would wait its 10 s patience and fail.
        $appends[0].Ms | Should -BeLessThan 5000
        $result.Archived | Should -BeGreaterThan 900
        $active = @(Read-JournalFile $journal)
        $archived = @(Read-JournalFile ([Runway.Tasks.TaskJournal]::ArchivePath($journal)))
        $active.Id | Should -Contain 'during-archive'
        $archived.Id | Should -Contain 't-000001'
        ($active | Where-Object Id -eq 't-000001').SavedTo | Should -Be @('/clips/t-000001.mp4', '/clips/again.mp4')
        # Nothing lost: journal and archive together hold every task, the journal's state winning.
        $all = @{}
        foreach ($r in $archived + $active) { $all[$r.Id] = $r }
        $all.Count | Should -Be 2001
    }

    It 'loses nothing when two processes write while a third compacts' {
        $exe, $prefix = Get-PwshCommand
        $module = $env:RUNWAY_TEST_MODULE
        $writer = {
            param($Module, $Journal, $Name, $Count, $Done)
            $ErrorActionPreference = 'Stop'
            Import-Module $Module
            $env:RUNWAY_JOURNAL = $Journal
            [Runway.Tasks.TaskJournal]::KeepNewest = 10
            [Runway.Tasks.TaskJournal]::CompactAboveBytes = 64KB   # the writers compact too
            for ($i = 0; $i -lt $Count; $i++) {
                $id = '{0}-{1:d4}' -f $Name, $i
                $now = [DateTimeOffset]::Now.ToString('o')
                $lines = @('{"event":"created","id":"' + $id + '","time":"' + $now + '","model":"gen4_turbo","endpoint":"text_to_image"}')
                if ($i % 3 -eq 0) { $lines += '{"event":"status","id":"' + $id + '","time":"' + $now + '","status":"SUCCEEDED","output":["https://example.com/' + $id + '.png"]}' }
                if ($i % 3 -eq 1) { $lines += '{"event":"status","id":"' + $id + '","time":"' + $now + '","status":"SUCCEEDED","output":["https://example.com/' + $id + '.png"]}'; $lines += '{"event":"saved","id":"' + $id + '","time":"' + $now + '","path":"/x/' + $id + '.png"}' }
                foreach ($line in $lines) {
                    if (-not [Runway.Tasks.TaskJournal]::Append([System.Text.Json.Nodes.JsonNode]::Parse($line))) { throw "append failed: $([Runway.Tasks.TaskJournal]::LastError)" }
                }
                Start-Sleep -Milliseconds 2   # a session appends between requests, not in a tight loop
            }
            New-Item -ItemType File -Path $Done | Out-Null
        }
        $compactor = {
            param($Module, $Journal, $DoneA, $DoneB, $Report)
            $ErrorActionPreference = 'Stop'
            Import-Module $Module
            $env:RUNWAY_JOURNAL = $Journal
            [Runway.Tasks.TaskJournal]::KeepNewest = 10
            $whileWriting = 0
            while (-not ((Test-Path $DoneA) -and (Test-Path $DoneB))) {
                if (Test-Path $Journal) { $null = [Runway.Tasks.TaskJournal]::Compact(); $whileWriting++ }
                Start-Sleep -Milliseconds 20
            }
            Set-Content -Path $Report -Value $whileWriting
        }
        $count = 200
        $doneA = Join-Path $dir 'a.done'; $doneB = Join-Path $dir 'b.done'; $report = Join-Path $dir 'compactions.txt'
        $start = {
            param($Script, [object[]] $Arguments)
            $file = Join-Path $dir ([guid]::NewGuid().ToString('N') + '.ps1')
            Set-Content -Path $file -Value $Script.ToString()
            $info = [Diagnostics.ProcessStartInfo]::new($exe)
            foreach ($p in $prefix) { $info.ArgumentList.Add($p) }
            foreach ($p in @('-NoProfile', '-NonInteractive', '-File', $file) + $Arguments) { $info.ArgumentList.Add([string]$p) }
            $info.RedirectStandardError = $true
            $info.UseShellExecute = $false
            [Diagnostics.Process]::Start($info)
        }
        $processes = @(
            & $start $compactor @($module, $journal, $doneA, $doneB, $report)
            & $start $writer @($module, $journal, 'a', $count, $doneA)
            & $start $writer @($module, $journal, 'b', $count, $doneB)
        )
        foreach ($p in $processes) {
            $p.WaitForExit(180000) | Should -BeTrue
            $errors = $p.StandardError.ReadToEnd()
            $p.ExitCode | Should -Be 0 -Because $errors
        }
        [int](Get-Content $report) | Should -BeGreaterThan 2 -Because 'the compactor ran while both wrote'
        $active = @(Read-JournalFile $journal)
        $archived = @(Read-JournalFile ([Runway.Tasks.TaskJournal]::ArchivePath($journal)))
        $all = @{}
        foreach ($r in $archived + $active) { $all[$r.Id] = $r }
        $all.Count | Should -Be (2 * $count)
        $activeIds = [Collections.Generic.HashSet[string]]::new([string[]]$active.Id)
        $wrong = foreach ($name in 'a', 'b') {
            for ($i = 0; $i -lt $count; $i++) {
                $id = '{0}-{1:d4}' -f $name, $i
                $r = $all[$id]
                if (-not $r) { "$id lost"; continue }
                switch ($i % 3) {
                    0 { if (-not $activeIds.Contains($id) -or -not $r.Output) { "$id (succeeded, unsaved) not kept whole" } }
                    1 { if ($r.SavedTo -ne "/x/$id.png") { "$id lost its saved path" } }
                    2 { if (-not $activeIds.Contains($id) -or $r.Status -ne 'PENDING') { "$id (unfinished) not kept" } }
                }
            }
        }
        $wrong | Should -BeNullOrEmpty
        # No line was cut or interleaved: every line of both files parses.
        $torn = foreach ($file in $journal, [Runway.Tasks.TaskJournal]::ArchivePath($journal)) {
            foreach ($line in [IO.File]::ReadAllLines($file)) { try { $null = [System.Text.Json.JsonDocument]::Parse($line) } catch { $line } }
        }
        $torn | Should -BeNullOrEmpty
    }
}
