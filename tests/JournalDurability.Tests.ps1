# The journal under faults: a torn last line, a folder that cannot be written or made, a full disk, and a disk
# that fills between the check and the append. No paid request is sent to a journal that cannot record it, and no
# task is lost to a line that could not be written.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $script:SavedJournal = $env:RUNWAY_JOURNAL
    $script:Mounts = [System.Collections.Generic.List[string]]::new()

    function New-JournalFolder {
        $path = Join-Path ([IO.Path]::GetTempPath()) ('runway-test-durable-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
        New-Item -ItemType Directory -Path $path | Out-Null
        $path
    }
    function Mount-SmallDisk([string] $Path, [string] $Options = 'size=64k') {
        # Root ignores permission bits, so a tmpfs stands in for a read-only or full disk; without root, skip.
        & mount -t tmpfs -o $Options tmpfs $Path 2>$null
        if ($LASTEXITCODE -ne 0) { return $false }
        $script:Mounts.Add($Path)
        $true
    }
    function Fill-Disk([string] $Folder) {
        # Writes a file until the disk refuses more.
        $block = [byte[]]::new(4096)
        $stream = [IO.File]::OpenWrite((Join-Path $Folder 'filler.bin'))
        try { while ($true) { $stream.Write($block, 0, $block.Length); $stream.Flush() } } catch { } finally { try { $stream.Dispose() } catch { } }
    }
    function Assert-Refused($Record, [string] $Journal) {
        ($Record.FullyQualifiedErrorId -replace ',.*') | Should -Be 'Runway.JournalUnwritable'
        $Record.CategoryInfo.Category | Should -BeIn @('PermissionDenied', 'WriteError')
        $Record.TargetObject | Should -Be $Journal
        $Record.Exception.Message | Should -BeLike "*$Journal*"
        $Record.Exception.Message | Should -Match 'RUNWAY_JOURNAL=off'
        $Record.Exception.Message | Should -Match 'Nothing was sent'
    }
}

AfterAll {
    foreach ($mount in $script:Mounts) { & umount $mount 2>$null }
    $env:RUNWAY_JOURNAL = $script:SavedJournal
    Reset-RunwaySimulator -Url $SimUrl
    Stop-OwnSimulator
}

Describe 'A torn last line' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        $script:dir = New-JournalFolder
        $env:RUNWAY_JOURNAL = Join-Path $dir 'journal.jsonl'
    }
    AfterEach { Remove-Item $dir -Recurse -Force -ErrorAction SilentlyContinue }

    It 'never swallows the next entry: the create after it is journaled on a line of its own (0 tasks lost)' {
        $before = New-RunwayImage -Prompt 'before the crash' -Model gen4_image -Ratio 720:720
        # A crash (or a full disk) cut the last line short: no newline after it.
        [IO.File]::AppendAllText($env:RUNWAY_JOURNAL, '{"event":"status","id":"' + $before.Id + '","time":"2026-01-01T00:00:00Z","sta')
        $after = New-RunwayImage -Prompt 'after the crash' -Model gen4_image -Ratio 720:720
        $lines = @(Get-Content $env:RUNWAY_JOURNAL)
        $created = @($lines | Where-Object { $_ -like '*"created"*' } | ForEach-Object { $_ | ConvertFrom-Json })
        $created.id | Should -Be @($before.Id, $after.Id)
        $lines[-2] | Should -BeLike '*"sta'   # the torn line stays as it was, now ended
        $warnings = @()
        $listed = @(Get-RunwayTask -WarningVariable warnings -WarningAction SilentlyContinue)
        $listed.Id | Should -Contain $after.Id
        $listed.Id | Should -Contain $before.Id
        "$warnings" | Should -Match 'Skipped unreadable line'
        [Runway.Tasks.TaskJournal]::Find($after.Id).Prompt | Should -Be 'after the crash'
        # The completers and the newest-first read see it too.
        @([Runway.Tasks.TaskJournal]::ReadNewest(1, $null, $null)).Id | Should -Be $after.Id
    }

    It 'an append by any writer (a saved line, a status line) also starts on a line of its own' {
        [IO.File]::WriteAllText($env:RUNWAY_JOURNAL, '{"event":"created","id":"t-1","time":"2026-01-01T00:00:00Z","model":"gen4_turbo","endpoint":"image_to_video"}' + "`n" + '{"event":"saved","id":"t-1","ti')
        [Runway.Tasks.TaskJournal]::RecordSaved('t-1', '/clips/t-1.mp4')
        $last = (Get-Content $env:RUNWAY_JOURNAL)[-1] | ConvertFrom-Json
        $last.event | Should -Be 'saved'
        [Runway.Tasks.TaskJournal]::Find('t-1').SavedTo | Should -Be '/clips/t-1.mp4'
    }
}

Describe 'A journal that cannot take a line refuses the create before anything is paid' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        $script:dir = New-JournalFolder
        $script:Png = Join-Path $dir 'frame.png'
        [IO.File]::WriteAllBytes($Png, [Convert]::FromBase64String('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='))
    }
    AfterEach {
        $env:RUNWAY_JOURNAL = $SavedJournal
        foreach ($mount in @($script:Mounts)) { & umount $mount 2>$null; $null = $script:Mounts.Remove($mount) }
        Remove-Item $dir -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'a read-only folder: Runway.JournalUnwritable naming the journal and RUNWAY_JOURNAL=off, 0 requests' {
        $ro = Join-Path $dir 'ro'
        New-Item -ItemType Directory $ro | Out-Null
        if (-not (Mount-SmallDisk $ro 'ro,size=64k')) { Set-ItResult -Skipped -Because 'mounting a read-only tmpfs needs root'; return }
        $env:RUNWAY_JOURNAL = Join-Path $ro 'journal.jsonl'
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $result = Get-Errors { New-RunwayVideo -Image $Png -Prompt 'a slow pan' -Model gen4_turbo -Duration 5 }
        $result.Errors | Should -HaveCount 1
        Assert-Refused $result.Errors[0] $env:RUNWAY_JOURNAL
        $result.Errors[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        Get-ApiRequest '/' | Should -HaveCount 0
    }

    It 'a batch is refused once, at its first create, with 0 requests' {
        $ro = Join-Path $dir 'ro'
        New-Item -ItemType Directory $ro | Out-Null
        if (-not (Mount-SmallDisk $ro 'ro,size=64k')) { Set-ItResult -Skipped -Because 'mounting a read-only tmpfs needs root'; return }
        $env:RUNWAY_JOURNAL = Join-Path $ro 'journal.jsonl'
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $result = Get-Errors { 'one', 'two', 'three' | ForEach-Object { [pscustomobject]@{ Prompt = $_ } } | New-RunwayImage -Model gen4_image -Ratio 720:720 -Wait }
        $result.Errors | Should -HaveCount 1
        Assert-Refused $result.Errors[0] $env:RUNWAY_JOURNAL
        Get-ApiRequest '/' | Should -HaveCount 0
    }

    It 'a missing folder that cannot be made (a file stands in its path): refused, 0 requests' {
        $file = Join-Path $dir 'a-file'
        Set-Content -Path $file -Value 'not a folder'
        $env:RUNWAY_JOURNAL = Join-Path $file 'sub/journal.jsonl'
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $record = Get-ErrorRecord { New-RunwayImage -Prompt 'x' -Model gen4_image -Ratio 720:720 }
        Assert-Refused $record $env:RUNWAY_JOURNAL
        Get-ApiRequest '/' | Should -HaveCount 0
    }

    It 'a missing folder that can be made is made, and the task journaled' {
        $env:RUNWAY_JOURNAL = Join-Path $dir 'new/deeper/journal.jsonl'
        $task = New-RunwayImage -Prompt 'x' -Model gen4_image -Ratio 720:720
        (Get-Content $env:RUNWAY_JOURNAL | ConvertFrom-Json).id | Should -Be $task.Id
        # No probe file is left beside it.
        @(Get-ChildItem (Split-Path $env:RUNWAY_JOURNAL) -Filter '*.probe-*') | Should -HaveCount 0
    }

    It 'a full disk: refused, 0 requests, WriteError' {
        $full = Join-Path $dir 'full'
        New-Item -ItemType Directory $full | Out-Null
        if (-not (Mount-SmallDisk $full)) { Set-ItResult -Skipped -Because 'mounting a 64 KB tmpfs needs root'; return }
        $env:RUNWAY_JOURNAL = Join-Path $full 'journal.jsonl'
        Fill-Disk $full
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $record = Get-ErrorRecord { New-RunwayImage -Prompt 'x' -Model gen4_image -Ratio 720:720 }
        Assert-Refused $record $env:RUNWAY_JOURNAL
        $record.CategoryInfo.Category | Should -Be 'WriteError'
        Get-ApiRequest '/' | Should -HaveCount 0
    }

    It 'a disk that fills between the check and the append: the warning keeps the id and says how to recover it; the next create is refused; the line is written once there is room' {
        $full = Join-Path $dir 'full'
        New-Item -ItemType Directory $full | Out-Null
        if (-not (Mount-SmallDisk $full)) { Set-ItResult -Skipped -Because 'mounting a 64 KB tmpfs needs root'; return }
        $env:RUNWAY_JOURNAL = Join-Path $full 'journal.jsonl'
        $journal = $env:RUNWAY_JOURNAL
        $result = Get-Errors {
            1..3 | ForEach-Object {
                if ($_ -eq 2) {
                    # After the first create: the journal ends on a page boundary (blank padding), then the disk fills.
                    $length = (Get-Item $journal).Length
                    [IO.File]::AppendAllText($journal, (' ' * (4096 - ($length % 4096) - 1)) + "`n")
                    Fill-Disk $full
                }
                [pscustomobject]@{ Prompt = "shot $_" }
            } | New-RunwayImage -Model gen4_image -Ratio 720:720
        }
        (Get-RunwaySimulatorStat -Url $SimUrl).tasksCreated | Should -Be 2
        $result.Output | Should -HaveCount 2
        $second = $result.Output[1]
        $result.Warnings | Should -HaveCount 1
        "$($result.Warnings[0])" | Should -BeLike "*Task $($second.Id) was created but could not be written to the task journal $journal*"
        "$($result.Warnings[0])" | Should -BeLike "*Save-RunwayOutput -Id $($second.Id)*"
        # The third input is refused before it is sent; the command went on (its tasks are paid for).
        $result.Errors | Should -HaveCount 1
        Assert-Refused $result.Errors[0] $journal
        (Get-Content $journal | Where-Object { $_.Trim() } | ConvertFrom-Json).id | Should -Not -Contain $second.Id
        # Room again: the next create's check writes the kept line first.
        Remove-Item (Join-Path $full 'filler.bin')
        $third = New-RunwayImage -Prompt 'shot 3' -Model gen4_image -Ratio 720:720
        $ids = @(Get-Content $journal | Where-Object { $_.Trim() } | ConvertFrom-Json | Where-Object event -eq 'created').id
        $ids | Should -Be @($result.Output[0].Id, $second.Id, $third.Id)
    }
}

Describe 'The id index beside the journal' {
    BeforeEach {
        $script:dir = New-JournalFolder
        $env:RUNWAY_JOURNAL = Join-Path $dir 'journal.jsonl'
    }
    AfterEach {
        $env:RUNWAY_JOURNAL = $SavedJournal
        Remove-Item $dir -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'finds every task by id; losing, corrupting or outdating the index loses nothing' {
        $t = [datetime]::UtcNow.AddDays(-2)
        $lines = for ($i = 0; $i -lt 3000; $i++) {
            ('{{"event":"created","id":"t-{0:d5}","time":"{1:o}","endpoint":"text_to_image","model":"gen4_image","prompt":"shot {0}","inputs":[]}}' -f $i, $t.AddSeconds($i))
            ('{{"event":"status","id":"t-{0:d5}","time":"{1:o}","status":"SUCCEEDED","output":["https://example.com/{0}.png"]}}' -f $i, $t.AddSeconds($i + 1))
        }
        [IO.File]::WriteAllLines($env:RUNWAY_JOURNAL, [string[]]$lines)
        $index = "$env:RUNWAY_JOURNAL.idx"
        [Runway.Tasks.TaskJournal]::Find('t-00007').Prompt | Should -Be 'shot 7'
        Test-Path $index | Should -BeTrue
        [Runway.Tasks.TaskJournal]::Find('T-02999').Status | Should -Be 'SUCCEEDED'   # ids compare case-insensitively
        [Runway.Tasks.TaskJournal]::Find('t-99999') | Should -BeNullOrEmpty
        # Lines appended without the index (another version's session): found, and indexed.
        Add-Content $env:RUNWAY_JOURNAL ('{{"event":"saved","id":"t-00007","time":"{0:o}","path":"/clips/7.png"}}' -f $t.AddDays(1))
        [Runway.Tasks.TaskJournal]::Find('t-00007').SavedTo | Should -Be '/clips/7.png'
        # A lost index is rebuilt; a corrupt one too.
        Remove-Item $index
        [Runway.Tasks.TaskJournal]::Find('t-01234').Prompt | Should -Be 'shot 1234'
        [IO.File]::WriteAllBytes($index, [byte[]]::new(200))
        [Runway.Tasks.TaskJournal]::Find('t-01235').Prompt | Should -Be 'shot 1235'
        # A journal rewritten behind its back (renamed over by another version): the stale index is not trusted.
        $other = Join-Path $dir 'other.jsonl'
        [IO.File]::WriteAllLines($other, [string[]]@('{"event":"created","id":"x-1","time":"2026-01-01T00:00:00Z","model":"gen4_image","endpoint":"text_to_image","prompt":"only one"}'))
        Move-Item $other $env:RUNWAY_JOURNAL -Force
        [Runway.Tasks.TaskJournal]::Find('t-01234') | Should -BeNullOrEmpty
        [Runway.Tasks.TaskJournal]::Find('x-1').Prompt | Should -Be 'only one'
    }

    It 'appends keep it current, through its growth, and a compaction leaves one that matches the new journal' {
        $now = [DateTimeOffset]::Now
        [Runway.Tasks.TaskJournal]::Append([System.Text.Json.Nodes.JsonNode]::Parse('{"event":"created","id":"first","time":"' + $now.ToString('o') + '","model":"gen4_image","endpoint":"text_to_image"}')) | Should -BeTrue
        $null = [Runway.Tasks.TaskJournal]::Find('first')   # builds the index
        for ($i = 0; $i -lt 1500; $i++) {
            $null = [Runway.Tasks.TaskJournal]::Append([System.Text.Json.Nodes.JsonNode]::Parse('{"event":"created","id":"n-' + $i + '","time":"' + $now.AddSeconds($i).ToString('o') + '","model":"gen4_image","endpoint":"text_to_image","prompt":"p' + $i + '"}'))
        }
        [Runway.Tasks.TaskJournal]::Find('n-1499').Prompt | Should -Be 'p1499'
        [Runway.Tasks.TaskJournal]::Find('first') | Should -Not -BeNullOrEmpty
        $saved = [Runway.Tasks.TaskJournal]::KeepNewest
        try {
            [Runway.Tasks.TaskJournal]::KeepNewest = 10
            $null = [Runway.Tasks.TaskJournal]::Compact()
        }
        finally { [Runway.Tasks.TaskJournal]::KeepNewest = $saved }
        # Unfinished (PENDING) tasks stay; each is found through the new journal's index.
        [Runway.Tasks.TaskJournal]::Find('n-700').Prompt | Should -Be 'p700'
        (Get-Content $env:RUNWAY_JOURNAL | Select-Object -First 1 | ConvertFrom-Json).event | Should -Be 'record'
    }
}
