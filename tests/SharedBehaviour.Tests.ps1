# Issue 12, the shared behaviour of today's API (current-api.md "Changes to shared behaviour"), against the simulator:
# the 5 MB inline limit for every media kind, waits ending on any status but PENDING/THROTTLED/RUNNING, x-should-retry,
# Retry-After longer than a minute against the operation's timeout, usage by API key, and null (unlimited) tier limits.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1

    function New-Mp4OfSize([string] $Path, [long] $Bytes) {
        # A simulator MP4 padded with a trailing 'free' box to exactly $Bytes bytes (still a valid MP4).
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        $clip = (Invoke-RestMethod -Uri "$SimUrl/v1/tasks/$id" -Headers @{ Authorization = "Bearer $TestKey"; 'X-Runway-Version' = '2024-11-06' }).output[0]
        $content = (Invoke-WebRequest -Uri $clip).Content
        $pad = $Bytes - $content.Length
        if ($pad -lt 8) { throw "The clip is already $($content.Length) bytes." }
        $box = [byte[]]::new($pad)
        $size = [BitConverter]::GetBytes([int]$pad); [Array]::Reverse($size)
        [Array]::Copy($size, 0, $box, 0, 4)
        [Array]::Copy([Text.Encoding]::ASCII.GetBytes('free'), 0, $box, 4, 4)
        $stream = [IO.File]::Create($Path)
        try { $stream.Write($content, 0, $content.Length); $stream.Write($box, 0, $box.Length) } finally { $stream.Dispose() }
        Reset-RunwaySimulator -Url $SimUrl
        Get-Item -LiteralPath $Path
    }
    function New-WavOfSize([string] $Path, [long] $Bytes) {
        # A 16 kHz mono 16-bit PCM WAV of exactly $Bytes bytes (44-byte header + silence; $Bytes must be even).
        $data = $Bytes - 44
        $w = [IO.BinaryWriter]::new([IO.File]::Create($Path))
        try {
            $ascii = [Text.Encoding]::ASCII
            $w.Write($ascii.GetBytes('RIFF')); $w.Write([int](36 + $data)); $w.Write($ascii.GetBytes('WAVEfmt '))
            $w.Write([int]16); $w.Write([int16]1); $w.Write([int16]1); $w.Write([int]16000); $w.Write([int]32000); $w.Write([int16]2); $w.Write([int16]16)
            $w.Write($ascii.GetBytes('data')); $w.Write([int]$data); $w.Write([byte[]]::new($data))
        }
        finally { $w.Dispose() }
        Get-Item -LiteralPath $Path
    }
}

AfterAll {
    Disconnect-Runway
    Stop-OwnSimulator
}

Describe 'Data URIs are capped at 5 MB for every media kind' {
    # Reading (SDK 4.20.1 declarations: "base64 data URI (...), up to 5MB"; reference: "A 5MB data URI limit means ~3.3MB
    # binary max"): the limit applies to the whole data URI string, prefix included, not to the file. The SDK does not
    # say whether 5 MB is 5,000,000 or 5,242,880; the module keeps to the smaller, so data:video/mp4;base64, (22 chars)
    # plus base64 fits for a file of at most 3,749,982 bytes (22 + 1,249,994 * 4 = 4,999,998 characters). The simulator's
    # log shortens a data URI to its prefix and the count of base64 characters after the comma (the URI's length - 22).
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'a local MP4 whose data URI is <Chars> characters is <How>' -TestCases @(
        @{ Bytes = 3749982; Chars = 4999998; How = 'sent inline'; Uploads = 0 }
        @{ Bytes = 3749983; Chars = 5000002; How = 'uploaded (one byte more: 4 more characters)'; Uploads = 1 }
    ) {
        $mp4 = New-Mp4OfSize (Join-Path $TestDrive "clip-$Bytes.mp4") $Bytes
        $mp4.Length | Should -Be $Bytes
        $task = New-RunwayVideo -Video $mp4.FullName -Prompt 'make it noir' -Model aleph2
        $task.Id | Should -Not -BeNullOrEmpty
        @(Get-ApiRequest '/v1/uploads' -Method POST) | Should -HaveCount $Uploads
        $body = (Get-ApiRequest '/v1/video_to_video').body
        if ($Uploads) { $body | Should -Match '"videoUri":"runway://' }
        else { $body | Should -Match ([regex]::Escape("data:video/mp4;base64,…($($Chars - 22) chars)")) }
    }

    It 'a local WAV is inlined up to the same limit and uploaded above it (audio was inlined up to 16 MB)' {
        # PCM WAV sizes are even: 3,749,982 bytes is the largest that fits, 3,749,984 the next one that exists.
        $small = New-WavOfSize (Join-Path $TestDrive 'small.wav') 3749982
        $large = New-WavOfSize (Join-Path $TestDrive 'large.wav') 3749984
        New-RunwayVoiceIsolation -Audio $small.FullName | Out-Null
        @(Get-ApiRequest '/v1/uploads' -Method POST) | Should -HaveCount 0
        (Get-ApiRequest '/v1/voice_isolation').body | Should -Match ([regex]::Escape('data:audio/wav;base64,…(4999976 chars)'))
        New-RunwayVoiceIsolation -Audio $large.FullName | Out-Null
        @(Get-ApiRequest '/v1/uploads' -Method POST) | Should -HaveCount 1
        (Get-ApiRequest '/v1/voice_isolation')[-1].body | Should -Match '"audioUri":"runway://'
    }

    It 'a video data URI given over 5 MB is refused before anything is sent, naming the limit' {
        $uri = 'data:video/mp4;base64,' + ('A' * 5000000)
        $err = Get-ErrorRecord { New-RunwayVideo -Video $uri -Prompt 'x' -Model aleph2 }
        $err.FullyQualifiedErrorId | Should -BeLike 'Runway.FileTooLarge*'
        $err.Exception.Message | Should -Match 'at most 5 MB'
        Get-ApiRequest | Should -HaveCount 0
    }
}

Describe 'A wait ends on any status but PENDING, THROTTLED and RUNNING' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'the simulator reports a status newer than the SDK only when asked, and refuses a declared one as reportStatus' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -ReportStatus EXPIRED).id
        $task = Invoke-RestMethod -Uri "$SimUrl/v1/tasks/$id" -Headers @{ Authorization = "Bearer $TestKey"; 'X-Runway-Version' = '2024-11-06' }
        $task.status | Should -Be 'EXPIRED'
        $task.PSObject.Properties.Name | Should -Not -Contain 'output'
        foreach ($bad in @(@{ reportStatus = 'SUCCEEDED' }, @{ reportStatus = 'expired' }, @{ reportStatus = 'EXPIRED'; status = 'RUNNING' })) {
            $response = Invoke-WebRequest -Uri "$SimUrl/_sim/tasks" -Method Post -ContentType 'application/json' -Body ($bad | ConvertTo-Json) -SkipHttpErrorCheck
            $response.StatusCode | Should -Be 400
        }
    }

    It 'Wait-RunwayTask on a task the API reports as EXPIRED ends at once with an error naming it and keeping the id' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -ReportStatus EXPIRED).id
        (Get-RunwayTask -Id $id).Status | Should -Be 'EXPIRED'
        $elapsed = Measure-Command { $result = Get-Errors { Wait-RunwayTask -Id $id -TimeoutSec 20 } }
        $elapsed.TotalSeconds | Should -BeLessThan 10
        $result.Output | Should -HaveCount 0
        $result.Errors | Should -HaveCount 1
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.TaskUnknownStatus*'
        $result.Errors[0].Exception.TaskId | Should -Be $id
        $result.Errors[0].Exception.Message | Should -Match 'EXPIRED'
        $result.Errors[0].Exception.Message | Should -Match $id
        $result.Errors[0].Exception.Message | Should -Not -Match 'succeeded'
    }

    It 'a workflow run that ends EXPIRED is an error naming the status and keeping the run, not a success' {
        $version = Get-RunwayWorkflow -Name 'Product shot' | Where-Object Version -eq 1 | Select-Object -First 1
        $result = Get-Errors { Invoke-RunwayWorkflow -Id $version.Id -Inputs @{ Prompt = 'a mug [report-status:EXPIRED]' } -Wait -TimeoutSec 20 }
        $result.Errors | Should -HaveCount 1
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.WorkflowUnknownStatus*'
        $result.Errors[0].Exception.Message | Should -Match 'EXPIRED'
        $result.Errors[0].Exception.Invocation.Id | Should -Not -BeNullOrEmpty
        $result.Errors[0].Exception.Invocation.Status | Should -Be 'EXPIRED'
    }

    It 'an unknown status among known ones: the others are reported as usual' {
        $odd = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -ReportStatus ARCHIVED).id
        $ok = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        $result = Get-Errors { Wait-RunwayTask -Id $odd, $ok -TimeoutSec 20 }
        $result.Output.Id | Should -Be $ok
        $result.Errors.Exception.TaskId | Should -Be $odd
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.TaskUnknownStatus*'
    }
}

Describe 'x-should-retry is obeyed before the retry rules' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'false on a <Status> stops at once (no retry)' -TestCases @(@{ Status = 429 }, @{ Status = 503 }) {
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/organization' -Kind status -Status $Status -ShouldRetry $false -Count 3 | Out-Null
        $err = Get-ErrorRecord { Get-RunwayCredit }
        $err | Should -Not -BeNullOrEmpty
        $err.Exception.StatusCode | Should -Be $Status
        Get-ApiRequest '/v1/organization' | Should -HaveCount 1
    }

    It 'true on a 400 retries a read, which then succeeds' {
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/organization' -Kind status -Status 400 -ShouldRetry $true | Out-Null
        $verbose = Get-RunwayCredit -Verbose 4>&1
        ($verbose | Where-Object { $_ -is [Runway.Api.RunwayCredit] }).CreditBalance | Should -BeGreaterThan 0
        ($verbose | Out-String) | Should -Match 'x-should-retry: true'
        (Get-ApiRequest '/v1/organization').status | Should -Be @(400, 200)
    }

    It 'true never repeats a create answered 500: one request, reported as a task that may exist' {
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/text_to_image' -Kind status -Status 500 -ShouldRetry $true | Out-Null
        $err = Get-ErrorRecord { New-RunwayImage -Prompt 'a lighthouse' -Model gen4_image_turbo -ReferenceImage 'https://example.com/a.png' }
        $err.Exception.TaskMayExist | Should -BeTrue
        Get-ApiRequest '/v1/text_to_image' | Should -HaveCount 1
    }

    It 'false on a 429 stops even a refused create from being repeated' {
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/text_to_image' -Kind status -Status 429 -ShouldRetry $false | Out-Null
        $err = Get-ErrorRecord { New-RunwayImage -Prompt 'a lighthouse' -Model gen4_image_turbo -ReferenceImage 'https://example.com/a.png' }
        $err.Exception.StatusCode | Should -Be 429
        $err.Exception.TaskMayExist | Should -BeFalse
        Get-ApiRequest '/v1/text_to_image' | Should -HaveCount 1
        (Get-RunwaySimulatorStat -Url $SimUrl).tasksCreated | Should -Be 0
    }
}

Describe 'Retry-After longer than a minute against the operation''s timeout' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'a wait asked to wait past its -TimeoutSec fails at once, keeping the task id' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status RUNNING).id
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/tasks/' -Kind status -Status 429 -RetryAfter 120 -Count 5 | Out-Null
        $elapsed = Measure-Command { $result = Get-Errors { Wait-RunwayTask -Id $id -TimeoutSec 30 } }
        $elapsed.TotalSeconds | Should -BeLessThan 10
        $result.Errors | Should -HaveCount 1
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.RetryAfterPastTimeout*'
        $result.Errors[0].Exception.TaskId | Should -Be $id
        $result.Errors[0].Exception.Message | Should -Match '120 s'
        Get-ApiRequest '/v1/tasks/' | Should -HaveCount 1
    }

    It 'a Retry-After of 90 s inside a 300 s wait is slept (not replaced by the short backoff), and Ctrl+C ends the sleep' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/tasks/' -Kind status -Status 503 -RetryAfter 90 | Out-Null
        $job = Start-Background "Wait-RunwayTask -Id $id -TimeoutSec 300"
        try {
            Start-Sleep -Seconds 3
            # The short backoff (0.5 s) would have retried by now; the 90 s sleep has not.
            Get-ApiRequest '/v1/tasks/' | Should -HaveCount 1
            $job.PowerShell.InvocationStateInfo.State | Should -Be 'Running'
            (Measure-Command { $job.PowerShell.Stop() }).TotalSeconds | Should -BeLessThan 5
            $job.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $job.PowerShell.Dispose() }
    }

    It 'a retry-after-ms over a minute counts the same way: within the wait it is slept, not ignored' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/tasks/' -Kind status -Status 429 -RetryAfterMs 75000 | Out-Null
        $job = Start-Background "Wait-RunwayTask -Id $id -TimeoutSec 300"
        try {
            Start-Sleep -Seconds 3
            Get-ApiRequest '/v1/tasks/' | Should -HaveCount 1
            $job.PowerShell.Stop()
        }
        finally { $job.PowerShell.Dispose() }
    }

    It 'outside a wait, a Retry-After past 10 minutes fails at once with a message that says so' {
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/organization' -Kind status -Status 429 -RetryAfter 3600 | Out-Null
        $elapsed = Measure-Command { $err = Get-ErrorRecord { Get-RunwayCredit } }
        $elapsed.TotalSeconds | Should -BeLessThan 5
        $err.Exception.StatusCode | Should -Be 429
        $err.Exception.Message | Should -Match 'wait 3600 s.*Retry-After'
        $err.Exception.RetryAfterPastDeadline.TotalSeconds | Should -Be 3600
        Get-ApiRequest '/v1/organization' | Should -HaveCount 1
    }
}

Describe 'Usage broken down by API key' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }
    AfterEach { Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ UsageByApiKey = $false } }

    It '-ByApiKey outputs typed rows per day and key id, and never the key' {
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ UsageByApiKey = $true }
        New-RunwayImage -Prompt 'a lighthouse' -Model gen4_image_turbo -ReferenceImage 'https://example.com/a.png' | Out-Null
        $rows = @(Get-RunwayUsage -ByApiKey)
        $rows | Should -HaveCount 1
        $rows[0] | Should -BeOfType ([Runway.Api.RunwayApiKeyUsageRecord])
        $rows[0].ApiKeyId | Should -Match '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        $rows[0].Credits | Should -Be 2
        $rows[0].Date | Should -Be ([DateTime]::UtcNow.Date)
        $shown = ($rows | Format-Table | Out-String) + ($rows | Format-List | Out-String) + ($rows | ConvertTo-Json)
        $shown | Should -Match $rows[0].ApiKeyId
        $shown | Should -Not -Match ([regex]::Escape($TestKey.Substring(4, 32)))
        # The rows per model are unchanged.
        (Get-RunwayUsage -Model gen4_image_turbo).Credits | Should -Be 2
    }

    It 'without a breakdown from the API: a warning and no rows; -Model cannot be combined with it' {
        $warnings = @()
        @(Get-RunwayUsage -ByApiKey -WarningVariable warnings -WarningAction SilentlyContinue) | Should -HaveCount 0
        $warnings | Should -HaveCount 1
        "$($warnings[0])" | Should -Match 'no breakdown by API key'
        { Get-RunwayUsage -ByApiKey -Model gen4_turbo } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
    }
}

Describe 'Tier limits may be null (unlimited)' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }
    AfterEach { Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ UnlimitedConcurrentModels = ''; UnlimitedDailyModels = ''; MaxConcurrent = 2 } }

    It 'Get-RunwayCredit keeps null as null and shows it as unlimited' {
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ UnlimitedConcurrentModels = 'gen4_turbo'; UnlimitedDailyModels = 'gen4_turbo' }
        New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED | Out-Null
        New-RunwayVideo -Image 'https://example.com/a.png' -Prompt 'x' -Model gen4_turbo -Ratio 1280:720 -Duration 2 | Out-Null
        $credit = Get-RunwayCredit
        $turbo = $credit.Models | Where-Object Model -eq gen4_turbo
        $turbo.MaxConcurrentGenerations | Should -BeNullOrEmpty
        $turbo.MaxDailyGenerations | Should -BeNullOrEmpty
        $turbo.DailyGenerationsLeft | Should -BeNullOrEmpty
        ($credit.Models | Where-Object Model -eq gen4.5).MaxConcurrentGenerations | Should -Be 2
        $table = $credit.Models | Where-Object Model -in gen4_turbo, gen4.5 | Format-Table | Out-String
        $table | Should -Match 'gen4_turbo\s+unlimited\s+unlimited\s+1'
        $table | Should -Match 'gen4\.5\s+2\s+1000'
        ($credit | Out-String) | Should -Match 'gen4_turbo 1/unlimited'
    }

    It 'a batch is not held back by a null concurrency limit, though other models have one' {
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ UnlimitedConcurrentModels = 'gen4_turbo'; MaxConcurrent = 1; RunMs = 3000 }
        # The tier is read once per key for the process: a fresh key reads this tier, not one an earlier test cached.
        Connect-Runway -ApiKey (ConvertTo-SecureString (New-RunwayTestKey) -AsPlainText -Force) -BaseUri $SimUrl -SkipValidation | Out-Null
        $tasks = @('https://example.com/a.png?1', 'https://example.com/a.png?2', 'https://example.com/a.png?3' |
            New-RunwayVideo -Prompt 'x' -Model gen4_turbo -Ratio 1280:720 -Duration 2)
        Disconnect-Runway
        $tasks | Should -HaveCount 3
        (Get-RunwaySimulatorStat -Url $SimUrl).maxInFlight.gen4_turbo | Should -Be 3
        Get-ApiRequest '/v1/tasks/' | Should -HaveCount 0
    }
}

Describe 'The journal keeps what still needs attention when it compacts' {
    BeforeEach {
        $script:dir = Join-Path ([IO.Path]::GetTempPath()) ('runway-test-shared-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
        New-Item -ItemType Directory -Path $dir | Out-Null
        $script:savedJournal = $env:RUNWAY_JOURNAL
        $script:savedKeep = [Runway.Tasks.TaskJournal]::KeepNewest
        $env:RUNWAY_JOURNAL = Join-Path $dir 'journal.jsonl'
    }
    AfterEach {
        $env:RUNWAY_JOURNAL = $savedJournal
        [Runway.Tasks.TaskJournal]::KeepNewest = $savedKeep
        Remove-Item -LiteralPath $dir -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'an UNCONFIRMED attempt and a RUNNING task stay; a task last seen EXPIRED is archived like a finished one' {
        $t = [datetime]::UtcNow.AddDays(-3)
        @(
            ('{{"event":"attempt","id":"unconfirmed-1","time":"{0:o}","endpoint":"image_to_video","model":"gen4_turbo","estimatedCredits":10,"prompt":"lost","inputs":[],"reason":"dropped"}}' -f $t)
            ('{{"event":"created","id":"run-1","time":"{0:o}","endpoint":"image_to_video","model":"gen4_turbo","estimatedCredits":10,"inputs":[]}}' -f $t.AddSeconds(1))
            ('{{"event":"status","id":"run-1","time":"{0:o}","status":"RUNNING"}}' -f $t.AddSeconds(2))
            ('{{"event":"created","id":"exp-1","time":"{0:o}","endpoint":"image_to_video","model":"gen4_turbo","estimatedCredits":10,"inputs":[]}}' -f $t.AddSeconds(3))
            ('{{"event":"status","id":"exp-1","time":"{0:o}","status":"EXPIRED"}}' -f $t.AddSeconds(4))
        ) | Set-Content -LiteralPath $env:RUNWAY_JOURNAL
        [Runway.Tasks.TaskJournal]::KeepNewest = 0
        $result = [Runway.Tasks.TaskJournal]::Compact()
        $result.Kept | Should -Be 2
        $result.Archived | Should -Be 1
        $kept = @([Runway.Tasks.TaskJournal]::Read($null))
        ($kept | Sort-Object Id).Id | Should -Be @('run-1', 'unconfirmed-1')
        ($kept | Where-Object Id -eq 'unconfirmed-1').Status | Should -Be 'UNCONFIRMED'
    }
}
