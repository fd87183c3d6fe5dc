# Pester: runs alone (Ctrl+C must stop a command within a second: other tests on the machine would slow it).
# Fault injection: what the module does when the network, the service, the task or the disk misbehaves.
# Each case checks the error (ErrorId and category), that no task was created twice (the simulator's log and
# stats), that no partial or target file was left, and that the task id is reported whenever a task exists.
# Cases already covered by Foundation.Tests.ps1 (a 502/drop/dropAfter on a plain create, 429 storms on reads,
# a refused connection, Ctrl+C on Wait-RunwayTask and on a slow read) are not repeated here.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1
    $script:FaultCases = 0
    $script:Image = 'https://example.com/first-frame.png'

    function Get-TasksCreated { (Get-RunwaySimulatorStat -Url $SimUrl).tasksCreated }
    $script:TestDirectories = [System.Collections.Generic.List[string]]::new()
    function New-TestDirectory {
        $path = Join-Path ([IO.Path]::GetTempPath()) ("runway-faults-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
        New-Item -ItemType Directory -Path $path | Out-Null
        $script:TestDirectories.Add($path)
        $path
    }
    function Get-LeftFiles([string] $Directory) {
        # Everything in the directory, hidden files (.partial) included.
        @(Get-ChildItem -LiteralPath $Directory -Force -Recurse -File -ErrorAction SilentlyContinue)
    }
    function Stop-Background($Job, [int] $AfterMs) {
        Start-Sleep -Milliseconds $AfterMs
        $state = $Job.PowerShell.InvocationStateInfo.State
        $elapsed = Measure-Command { $Job.PowerShell.Stop() }
        [pscustomobject]@{ StateBefore = $state; StopSeconds = $elapsed.TotalSeconds; StateAfter = $Job.PowerShell.InvocationStateInfo.State }
    }
    function Wait-Until([scriptblock] $Condition, [int] $TimeoutMs = 5000) {
        $deadline = [DateTime]::UtcNow.AddMilliseconds($TimeoutMs)
        while (-not (& $Condition)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "Timed out waiting for: $Condition" }
            Start-Sleep -Milliseconds 20
        }
    }
}

AfterAll {
    Disconnect-Runway
    foreach ($path in $script:TestDirectories) { Remove-Item -LiteralPath $path -Recurse -Force -ErrorAction SilentlyContinue }
    Write-Host "Fault cases: $script:FaultCases"
    Stop-OwnSimulator
}

Describe 'Connection dropped around a create' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }
    AfterEach { $script:FaultCases++ }

    It 'dropped <When> the server acted: not retried, reported as TaskMayExist, and the next pipeline item still runs once' -TestCases @(
        @{ When = 'before'; Kind = 'drop'; Created = 1 }
        @{ When = 'after'; Kind = 'dropAfter'; Created = 2 }
    ) {
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/image_to_video' -Kind $Kind | Out-Null
        $dir = New-TestDirectory
        $result = Get-Errors { "${Image}?one", "${Image}?two" | New-RunwayVideo -Prompt 'x' -Model gen4_turbo -Ratio 1280:720 -Duration 2 -OutDirectory $dir }
        $result.Errors | Should -HaveCount 1
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.TaskMayExist*'
        $result.Errors[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $result.Errors[0].Exception.TaskMayExist | Should -BeTrue
        $result.Errors[0].ErrorDetails.RecommendedAction | Should -Match 'may exist'
        # One POST per item, never a second one for the item that failed.
        Get-ApiRequest '/v1/image_to_video' 'POST' | Should -HaveCount 2
        Get-TasksCreated | Should -Be $Created
        # The second item's task was waited for and saved; nothing else is on disk.
        $result.Output | Should -HaveCount 1
        (Get-LeftFiles $dir).Name | Should -Be @($result.Output[0].Name)
        $result.Output[0].Name | Should -BeLike '*.mp4'
    }
}

Describe '5xx bursts' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }
    AfterEach { $script:FaultCases++ }

    It 'HTTP <Status> to a create: no retry, Runway.Http<Status> / ResourceUnavailable, no task, no file' -TestCases @(
        @{ Status = 500 }, @{ Status = 503 }
    ) {
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/image_to_video' -Kind status -Status $Status -Count 3 | Out-Null
        $dir = New-TestDirectory
        $result = Get-Errors { New-RunwayVideo -Image $Image -Prompt 'x' -Model gen4_turbo -Ratio 1280:720 -Duration 2 -OutDirectory $dir }
        $result.Errors | Should -HaveCount 1
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike "Runway.Http$Status*"
        $result.Errors[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $result.Errors[0].Exception.TaskMayExist | Should -BeTrue
        Get-ApiRequest '/v1/image_to_video' | Should -HaveCount 1
        Get-TasksCreated | Should -Be 0
        Get-LeftFiles $dir | Should -HaveCount 0
    }

    It 'a 500/502/503 burst longer than the retry budget while waiting does not end the wait: the task is polled again' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo).id
        # Three failures exhaust one poll's two retries; the waiter keeps the task and looks again next round.
        Add-RunwaySimulatorFault -Url $SimUrl -Path "/v1/tasks/$id" -Method GET -Kind status -Status 500 | Out-Null
        Add-RunwaySimulatorFault -Url $SimUrl -Path "/v1/tasks/$id" -Method GET -Kind status -Status 502 | Out-Null
        Add-RunwaySimulatorFault -Url $SimUrl -Path "/v1/tasks/$id" -Method GET -Kind status -Status 503 | Out-Null
        $result = Get-Errors { Wait-RunwayTask -Id $id }
        $result.Errors | Should -HaveCount 0
        $result.Output.Id | Should -Be $id
        $result.Output.Status | Should -Be 'SUCCEEDED'
        $statuses = (Get-ApiRequest "/v1/tasks/$id" 'GET').status
        $statuses[0..2] | Should -Be @(500, 502, 503)
        $statuses[-1] | Should -Be 200
    }

    It 'a 502/503 burst on the upload slot and on storage is retried; one upload, one runway:// URI' {
        $dir = New-TestDirectory
        $file = Join-Path $dir 'frame.png'
        [IO.File]::WriteAllBytes($file, [Convert]::FromBase64String('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='))
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/uploads' -Kind status -Status 502 | Out-Null
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/_storage/' -Kind status -Status 503 -Count 2 | Out-Null
        $result = Get-Errors { Send-RunwayFile -Path $file }
        $result.Errors | Should -HaveCount 0
        $result.Output[0].Uri | Should -BeLike 'runway://ephemeral/*'
        Get-ApiRequest '/v1/uploads' 'POST' | Should -HaveCount 2
        (Get-ApiRequest '/_storage/' 'POST').status | Should -Be @(503, 503, 204)
    }
}

Describe '429 with Retry-After' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }
    AfterEach { $script:FaultCases++ }

    It 'a create answered 429 with Retry-After as an HTTP date waits until that date, then creates exactly one task' {
        $when = [DateTimeOffset]::UtcNow.AddSeconds(3).ToString('r')
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/image_to_video' -Kind status -Status 429 -RetryAfter $when | Out-Null
        $elapsed = Measure-Command { $task = New-RunwayVideo -Image $Image -Prompt 'x' -Model gen4_turbo -Ratio 1280:720 -Duration 2 }
        $task.Id | Should -Not -BeNullOrEmpty
        # An HTTP date has whole seconds: the pause is between 2 and 3 s.
        $elapsed.TotalSeconds | Should -BeGreaterOrEqual 1.5
        (Get-ApiRequest '/v1/image_to_video').status | Should -Be @(429, 200)
        Get-TasksCreated | Should -Be 1
    }

    It 'a create answered 429 with Retry-After in seconds, with -Wait: one task, waited for, id in the output' {
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/image_to_video' -Kind status -Status 429 -RetryAfter 1 | Out-Null
        $elapsed = Measure-Command { $done = New-RunwayVideo -Image $Image -Prompt 'x' -Model gen4_turbo -Ratio 1280:720 -Duration 2 -Wait }
        $elapsed.TotalSeconds | Should -BeGreaterOrEqual 0.95
        $done.Status | Should -Be 'SUCCEEDED'
        $done.Id | Should -Be (Get-ApiRequest '/v1/image_to_video' | Where-Object status -eq 200).taskId
        Get-TasksCreated | Should -Be 1
    }

    It 'a Retry-After date in the past retries at once; one past the operation''s time (1 h; 10 min outside a wait) fails at once instead of sleeping' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/tasks/' -Kind status -Status 429 -RetryAfter ([DateTimeOffset]::UtcNow.AddMinutes(-5).ToString('r')) | Out-Null
        $elapsed = Measure-Command { (Get-RunwayTask -Id $id).Status | Should -Be 'SUCCEEDED' }
        $elapsed.TotalSeconds | Should -BeLessThan 5
        Get-ApiRequest '/v1/tasks/' | Should -HaveCount 2
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/tasks/' -Kind status -Status 429 -RetryAfter 3600 | Out-Null
        $elapsed = Measure-Command { $err = Get-ErrorRecord { Get-RunwayTask -Id $id } }
        $elapsed.TotalSeconds | Should -BeLessThan 5
        $err.Exception.Message | Should -Match 'wait 3600 s'
        Get-ApiRequest '/v1/tasks/' | Should -HaveCount 3
    }
}

Describe 'Responses and transfers slower than the request timeout' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Connect-Runway -ApiKey (ConvertTo-SecureString $TestKey -AsPlainText -Force) -BaseUri $SimUrl -RequestTimeoutSec 1 -SkipValidation | Out-Null
    }
    AfterEach { Disconnect-Runway; $script:FaultCases++ }

    It 'a slow read is abandoned after the timeout and retried' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/tasks/' -Kind delay -DelayMs 3000 | Out-Null
        $verbose = Get-RunwayTask -Id $id -Verbose 4>&1 | Out-String
        $verbose | Should -Match 'no response within the timeout; retrying'
        Get-ApiRequest '/v1/tasks/' | Should -HaveCount 2
    }

    It 'a slow read that never answers in time ends in Runway.Timeout / OperationTimeout naming the task' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/tasks/' -Kind delay -DelayMs 3000 -Count 3 | Out-Null
        $result = Get-Errors { Get-RunwayTask -Id $id }
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.Timeout*'
        $result.Errors[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $result.Errors[0].TargetObject | Should -Be $id
        Get-ApiRequest '/v1/tasks/' | Should -HaveCount 3
    }

    It 'a slow create is not repeated: TaskMayExist / OperationTimeout, one POST' {
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/image_to_video' -Kind delay -DelayMs 3000 | Out-Null
        $result = Get-Errors { New-RunwayVideo -Image $Image -Prompt 'x' -Model gen4_turbo -Ratio 1280:720 -Duration 2 }
        $result.Errors | Should -HaveCount 1
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.TaskMayExist*'
        $result.Errors[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $result.Errors[0].Exception.Message | Should -Match 'no response within the request timeout'
        Get-ApiRequest '/v1/image_to_video' | Should -HaveCount 1
        # The simulator drops the request when the client goes away during the delay: nothing was created.
        Start-Sleep -Milliseconds 300
        Get-TasksCreated | Should -BeLessOrEqual 1
    }

    It 'a download that goes silent halfway is abandoned after the timeout and retried; one whole file' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        $task = Get-RunwayTask -Id $id
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/_outputs/' -Kind stall -DelayMs 30000 | Out-Null
        $dir = New-TestDirectory
        $elapsed = Measure-Command { $result = Get-Errors { $task | Save-RunwayOutput -Path $dir -Verbose 4>&1 } }
        $result.Errors | Should -HaveCount 0
        ($result.Output | Out-String) | Should -Match 'no response within the timeout; retrying'
        $elapsed.TotalSeconds | Should -BeLessThan 10
        (Get-LeftFiles $dir).Name | Should -Be @("$id.mp4")
        [Text.Encoding]::ASCII.GetString([IO.File]::ReadAllBytes((Join-Path $dir "$id.mp4")), 4, 4) | Should -Be 'ftyp'
    }

    It 'a download that always stalls ends in Runway.Timeout / OperationTimeout naming the task; no .partial is left' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        $task = Get-RunwayTask -Id $id
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/_outputs/' -Kind stall -DelayMs 30000 -Count 3 | Out-Null
        $dir = New-TestDirectory
        $result = Get-Errors { $task | Save-RunwayOutput -Path $dir }
        $result.Errors | Should -HaveCount 1
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.Timeout*'
        $result.Errors[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $result.Errors[0].TargetObject.Id | Should -Be $id
        $result.Errors[0].Exception.Message | Should -Match 'no data for 1 s'
        Get-LeftFiles $dir | Should -HaveCount 0
    }
}

Describe 'Tasks that fail or vanish' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }
    AfterEach { $script:FaultCases++ }

    It 'a task FAILED with <Code> is <Category>, keeps its id and code, and leaves no file' -TestCases @(
        @{ Code = 'SAFETY.INPUT.IMAGE'; Category = 'SecurityError' }
        @{ Code = 'SAFETY.OUTPUT.VIDEO'; Category = 'SecurityError' }
        @{ Code = 'INTERNAL.BAD_OUTPUT'; Category = 'ResourceUnavailable' }
        @{ Code = 'INTERNAL'; Category = 'ResourceUnavailable' }
    ) {
        $dir = New-TestDirectory
        $result = Get-Errors { New-RunwayVideo -Image $Image -Prompt "a storm [fail:$Code]" -Model gen4_turbo -Ratio 1280:720 -Duration 2 -OutDirectory $dir }
        $id = (Get-ApiRequest '/v1/image_to_video').taskId
        $result.Output | Should -HaveCount 0
        $result.Errors | Should -HaveCount 1
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.TaskFailed*'
        $result.Errors[0].CategoryInfo.Category | Should -Be $Category
        $result.Errors[0].TargetObject.Id | Should -Be $id
        $result.Errors[0].TargetObject.FailureCode | Should -Be $Code
        $result.Errors[0].Exception.Message | Should -Match $id
        Get-TasksCreated | Should -Be 1
        Get-LeftFiles $dir | Should -HaveCount 0
    }

    It 'a task deleted while it is being waited for ends the wait with TaskNotFound naming it; nothing is saved' {
        $dir = New-TestDirectory
        # A second runspace deletes the task once it exists and has finished; the waiter's first look (which, with
        # the task times learned by earlier tests, comes just after the task ends) is answered only after that. The
        # look is held 10 s, so that a loaded machine starting the runspace slowly still deletes first.
        $null = Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/tasks/' -Method GET -Kind delay -DelayMs 10000
        $deleter = Start-Background @"
            `$deadline = [DateTime]::UtcNow.AddSeconds(60)
            do { Start-Sleep -Milliseconds 20; `$id = (Invoke-RestMethod '$SimUrl/_sim/requests?path=/v1/image_to_video').taskId | Select-Object -First 1 }
            until (`$id -or [DateTime]::UtcNow -gt `$deadline)
            Start-Sleep -Milliseconds 600
            Stop-RunwayTask -Id `$id -Confirm:`$false
            `$id
"@
        try {
            $result = Get-Errors { New-RunwayVideo -Image $Image -Prompt 'x' -Model gen4_turbo -Ratio 1280:720 -Duration 2 -OutDirectory $dir -PollIntervalSec 4 }
            $deleted = @($deleter.PowerShell.EndInvoke($deleter.Handle))[0]
        }
        finally { $deleter.PowerShell.Dispose() }
        $id = (Get-ApiRequest '/v1/image_to_video').taskId
        $deleted | Should -Be $id
        $result.Errors | Should -HaveCount 1
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.TaskNotFound*'
        $result.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $result.Errors[0].TargetObject.Id | Should -Be $id
        $result.Errors[0].Exception.Message | Should -Match $id
        Get-TasksCreated | Should -Be 1
        Get-LeftFiles $dir | Should -HaveCount 0
    }
}

Describe 'Output URLs that expired' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }
    AfterEach { $script:FaultCases++ }

    It 'a 403 (expired signature) on a bare URL is OutputExpired / ResourceUnavailable; no file, no .partial' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        $url = (Get-RunwayTask -Id $id).Output[0]
        Invoke-RestMethod -Method Post -Uri "$SimUrl/_sim/tasks/$id/expire" | Out-Null
        $dir = New-TestDirectory
        $result = Get-Errors { Save-RunwayOutput -Uri $url -Path $dir }
        $result.Errors | Should -HaveCount 1
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.OutputExpired*'
        $result.Errors[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $result.Errors[0].Exception.StatusCode | Should -Be 403
        $result.Errors[0].Exception.Message | Should -Not -Match 'sig='
        (Get-ApiRequest '/_outputs/' 'GET').status | Should -Be @(403)
        Get-LeftFiles $dir | Should -HaveCount 0
    }

    It 'a 403 (expired signature) on a task''s output fetches the task once for fresh URLs and saves it' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        $task = Get-RunwayTask -Id $id
        Invoke-RestMethod -Method Post -Uri "$SimUrl/_sim/tasks/$id/expire" | Out-Null
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $dir = New-TestDirectory
        $result = Get-Errors { $task | Save-RunwayOutput -Path $dir }
        $result.Errors | Should -HaveCount 0
        $result.Output.Name | Should -Be "$id.mp4"
        (Get-ApiRequest '/').ForEach({ "$($_.method) $($_.status) $($_.path -replace '/[^/]+$')" }) |
            Should -Be @("GET 403 /_outputs/$id", 'GET 200 /v1/tasks', "GET 200 /_outputs/$id")
        (Get-LeftFiles $dir).Name | Should -Be @("$id.mp4")
    }

    It 'a 404 (task deleted) at download is OutputExpired naming the task; by id it is NotFound' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        $task = Get-RunwayTask -Id $id
        Stop-RunwayTask -Id $id -Confirm:$false
        $dir = New-TestDirectory
        $result = Get-Errors { $task | Save-RunwayOutput -Path $dir }
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.OutputExpired*'
        $result.Errors[0].Exception.StatusCode | Should -Be 404
        $result.Errors[0].TargetObject.Id | Should -Be $id
        $byId = Get-Errors { Save-RunwayOutput -Id $id -Path $dir }
        $byId.Errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.NotFound*'
        $byId.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $byId.Errors[0].TargetObject | Should -Be $id
        Get-LeftFiles $dir | Should -HaveCount 0
    }
}

Describe 'The disk refuses the download' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }
    AfterEach { $script:FaultCases++ }

    It 'a full disk (64 KB tmpfs) is WriteFailed / WriteError, and the .partial file is removed' {
        $dir = New-TestDirectory
        & mount -t tmpfs -o size=64k tmpfs $dir 2>$null
        if ($LASTEXITCODE -ne 0) { Set-ItResult -Skipped -Because 'mounting a 64 KB tmpfs needs root (mount failed)'; return }
        try {
            $result = Get-Errors { Save-RunwayOutput -Uri "$SimUrl/_sim/blob/1048576" -Path (Join-Path $dir 'big.bin') }
            $result.Errors | Should -HaveCount 1
            $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.WriteFailed*'
            $result.Errors[0].CategoryInfo.Category | Should -Be 'WriteError'
            $result.Errors[0].Exception.Message | Should -Match 'No partial file was left'
            Get-LeftFiles $dir | Should -HaveCount 0
        }
        finally { & umount $dir; Remove-Item $dir -Force }
    }

    It 'a read-only directory is CannotWrite / PermissionDenied before any download, naming the folder; nothing is left' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        $dir = New-TestDirectory
        # Root ignores permission bits, so a read-only mount stands in for an unwritable folder; else chmod.
        & mount -t tmpfs -o ro,size=64k tmpfs $dir 2>$null
        $mounted = $LASTEXITCODE -eq 0
        if (-not $mounted) { & chmod 555 $dir }
        try {
            $result = Get-Errors { Save-RunwayOutput -Id $id -Path $dir }
            $result.Errors | Should -HaveCount 1
            ($result.Errors[0].FullyQualifiedErrorId -replace ',.*') | Should -BeIn @('Runway.CannotWrite', 'Runway.WriteFailed')
            $result.Errors[0].CategoryInfo.Category | Should -BeIn @('PermissionDenied', 'WriteError')
            $result.Errors[0].TargetObject | Should -Be $dir
            Get-ApiRequest '/_outputs/' 'GET' | Should -HaveCount 0
            Get-LeftFiles $dir | Should -HaveCount 0
            Get-TasksCreated | Should -Be 1   # the one made above; none by the module
        }
        finally { if ($mounted) { & umount $dir } else { & chmod 755 $dir }; Remove-Item $dir -Recurse -Force }
    }
}

Describe 'Ctrl+C' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        $script:dir = New-TestDirectory
    }
    AfterEach { $script:FaultCases++ }

    It 'during a slow create: stops in under a second, no task is created, nothing is retried' {
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/image_to_video' -Kind delay -DelayMs 20000 | Out-Null
        $job = Start-Background "New-RunwayVideo -Image '$Image' -Prompt 'x' -Model gen4_turbo -Ratio 1280:720 -Duration 2 -OutDirectory '$dir'"
        try {
            Wait-Until { (Invoke-RestMethod "$SimUrl/_sim/faults").Count -eq 0 }
            $stop = Stop-Background $job -AfterMs 300
        }
        finally { $job.PowerShell.Dispose() }
        $stop.StateBefore | Should -Be 'Running'
        $stop.StopSeconds | Should -BeLessThan 1
        $stop.StateAfter | Should -Be 'Stopped'
        Start-Sleep -Milliseconds 200
        Get-ApiRequest '/v1/image_to_video' | Should -HaveCount 1
        Get-TasksCreated | Should -Be 0
        Get-LeftFiles $dir | Should -HaveCount 0
    }

    It 'during the wait of New-RunwayVideo -Wait: stops in under a second, the task goes on, and its id was reported' {
        # A run far longer than the stop takes, so that the task cannot end (and be saved) first on a loaded machine.
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ runMs = 20000 } | Out-Null
        $job = Start-Background "New-RunwayVideo -Image '$Image' -Prompt 'x' -Model gen4_turbo -Ratio 1280:720 -Duration 2 -OutDirectory '$dir' -PollIntervalSec 30"
        try {
            Wait-Until { @(Get-ApiRequest '/v1/image_to_video').Count -eq 1 }
            $stop = Stop-Background $job -AfterMs 300
            $information = @($job.PowerShell.Streams.Information)
        }
        finally {
            $job.PowerShell.Dispose()
            Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ runMs = 300 } | Out-Null
        }
        $stop.StateBefore | Should -Be 'Running'
        $stop.StopSeconds | Should -BeLessThan 1
        $id = (Get-ApiRequest '/v1/image_to_video').taskId
        # Reported when it was created, so a stopped wait never loses a paid task.
        ($information | Where-Object Tags -Contains 'Runway.TaskCreated').MessageData.Id | Should -Be $id
        Get-ApiRequest '/v1/tasks/' 'DELETE' | Should -HaveCount 0
        Get-TasksCreated | Should -Be 1
        Get-LeftFiles $dir | Should -HaveCount 0
    }

    It 'during a slow upload: stops in under a second; the upload never completes; no task' {
        $file = Join-Path $dir 'clip.png'
        [IO.File]::WriteAllBytes($file, [Convert]::FromBase64String('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='))
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/_storage/' -Kind delay -DelayMs 20000 | Out-Null
        $job = Start-Background "Send-RunwayFile -Path '$file'"
        try {
            Wait-Until { (Invoke-RestMethod "$SimUrl/_sim/faults").Count -eq 0 }
            $stop = Stop-Background $job -AfterMs 300
            $output = @($job.PowerShell.EndInvoke($job.Handle)) 2>$null
        }
        catch { $output = @() }
        finally { $job.PowerShell.Dispose() }
        $stop.StateBefore | Should -Be 'Running'
        $stop.StopSeconds | Should -BeLessThan 1
        $output | Should -HaveCount 0
        Start-Sleep -Milliseconds 200
        (Get-ApiRequest '/_storage/' 'POST').status | Should -Not -Contain 204
        Get-TasksCreated | Should -Be 0
    }

    It 'during a slow download (before the body): stops in under a second, no file' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/_outputs/' -Kind delay -DelayMs 20000 | Out-Null
        $job = Start-Background "Save-RunwayOutput -Id '$id' -Path '$dir'"
        try {
            Wait-Until { (Invoke-RestMethod "$SimUrl/_sim/faults").Count -eq 0 }
            $stop = Stop-Background $job -AfterMs 300
        }
        finally { $job.PowerShell.Dispose() }
        $stop.StateBefore | Should -Be 'Running'
        $stop.StopSeconds | Should -BeLessThan 1
        Get-LeftFiles $dir | Should -HaveCount 0
        Get-TasksCreated | Should -Be 1   # the one made above; none by the module
    }

    It 'in the middle of a large download: stops in under a second and removes the .partial file' {
        $job = Start-Background "Save-RunwayOutput -Uri '$SimUrl/_sim/blob/8589934592' -Path '$(Join-Path $dir 'huge.bin')'"
        try {
            Wait-Until { @(Get-LeftFiles $dir | Where-Object Name -like '*.partial').Count -eq 1 }
            $stop = Stop-Background $job -AfterMs 100
        }
        finally { $job.PowerShell.Dispose() }
        $stop.StateBefore | Should -Be 'Running'
        $stop.StopSeconds | Should -BeLessThan 1
        $stop.StateAfter | Should -Be 'Stopped'
        Get-LeftFiles $dir | Should -HaveCount 0
    }
}
