BeforeAll {
    . $PSScriptRoot/../../TestSetup.ps1

    function script:Invoke-Batch([ValidateSet('Wait', 'Pipe')] [string] $Form) {
        # Each form in a fresh pwsh, so that neither learns the model's times (or sees the tasks) from the other;
        # the simulator's log then holds exactly that batch's status requests.
        Reset-RunwaySimulator -Url $SimUrl
        # Enough slots that the server never queues a task: each ends exactly PendingMs + RunMs after its creation.
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000; MaxConcurrent = 20; PendingMs = $PendingMs; RunMs = $RunMs } | Out-Null
        $create = "1..$BatchSize | ForEach-Object { 'https://example.com/frame.png' } | New-RunwayVideo -Prompt 'slow pan' -Model gen4_turbo -Duration 2 -ThrottleLimit 2 -PollIntervalSec $Interval -Confirm:`$false"
        $command = if ($Form -eq 'Wait') { "$create -Wait" } else { "$create | Wait-RunwayTask -PollIntervalSec $Interval" }
        $lines = Invoke-InChildPwsh -Script "`$ProgressPreference = 'SilentlyContinue'; $command | ForEach-Object { [pscustomobject]@{ Id = `$_.Id; Status = `$_.Status; CreatedAt = `$_.CreatedAt.ToString('o') } | ConvertTo-Json -Compress }"
        $tasks = @($lines | Where-Object { $_ -like '{*' } | ConvertFrom-Json)
        $polls = @(Get-ApiRequest '/v1/tasks/' 'GET')
        [pscustomobject]@{ Form = $Form; Tasks = $tasks; Polls = $polls; Output = $lines }
    }

    function script:Get-PollAfterEnd($Batch) {
        # Status requests that reached the simulator at or after the task's end (they saw it finished): one per task is the plan's.
        foreach ($task in $Batch.Tasks) {
            # createdAt is given to the millisecond: 2 ms leave no room to count a look that saw the task still running.
            $end = (ConvertTo-Instant $task.CreatedAt).AddMilliseconds($PendingMs + $RunMs + 2)
            $after = @($Batch.Polls | Where-Object { $_.taskId -eq $task.Id -and (ConvertTo-Instant $_.time) -ge $end })
            [pscustomobject]@{ Id = $task.Id; Count = $after.Count }
        }
    }

    $script:BatchSize = 12
    $script:PendingMs = 50
    $script:RunMs = 300
    $script:Interval = 0.5
}

AfterAll {
    Reset-RunwaySimulator -Url $SimUrl
    Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ pendingMs = 50; runMs = 300 } | Out-Null
    Stop-OwnSimulator
}

Describe 'Wait-RunwayTask pipe polls' {
    BeforeAll {
        $script:WaitBatch = Invoke-Batch Wait
        $script:PipeBatch = Invoke-Batch Pipe
    }

    It 'finishes the same batch in both forms' {
        foreach ($batch in $WaitBatch, $PipeBatch) {
            $batch.Tasks | Should -HaveCount $BatchSize -Because ($batch.Output -join "`n")
            $batch.Tasks.Status | Select-Object -Unique | Should -Be 'SUCCEEDED'
        }
    }

    It 'New-RunwayVideo | Wait-RunwayTask sends no more than 1.1 times the status requests of New-RunwayVideo -Wait' {
        $wait = $WaitBatch.Polls.Count
        $pipe = $PipeBatch.Polls.Count
        $wait | Should -BeGreaterOrEqual $BatchSize
        # 2 requests of slack for a batch this small (about 15 requests): a look that comes just before a task's end
        # (a create or a look slowed by the load on the machine) is repeated after the 5 ms margin, in either form.
        $pipe | Should -BeLessOrEqual ([Math]::Floor(1.1 * $wait) + 2) -Because "the pipe form sent $pipe status requests, -Wait $wait"
    }

    It 'never polls a task again after a poll found it finished, in either form' {
        foreach ($batch in $WaitBatch, $PipeBatch) {
            $repeated = @(Get-PollAfterEnd $batch | Where-Object Count -gt 1)
            $repeated | Should -HaveCount 0 -Because "$($batch.Form): $(($repeated | ForEach-Object { "$($_.Id) x$($_.Count)" }) -join ', ')"
        }
    }

    It 'Get-RunwayTask | Wait-RunwayTask outputs a task just seen finished without another status request' {
        $task = New-RunwayVideo -Prompt 'slow pan' -Model gen4_turbo -Image 'https://example.com/frame.png' -Duration 2 -PollIntervalSec $Interval -Wait -Confirm:$false
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $done = @(Get-RunwayTask -Id $task.Id | Wait-RunwayTask -PollIntervalSec $Interval)
        $done | Should -HaveCount 1
        $done[0].Status | Should -Be 'SUCCEEDED'
        $done[0].Output | Should -Not -BeNullOrEmpty
        # The one request is Get-RunwayTask's own read.
        Get-ApiRequest '/v1/tasks/' 'GET' | Should -HaveCount 1
    }
}
