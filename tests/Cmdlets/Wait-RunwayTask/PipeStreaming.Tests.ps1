# New-X | Wait-RunwayTask outputs each task about when -Wait would: a task the creating command up the pipeline has
# already seen end (it waits for a free slot) comes out as soon as the next task is handed down, not after the last.

BeforeAll {
    . $PSScriptRoot/../../TestSetup.ps1

    # Four image-to-video creates through one slot (the creator waits for each end), piped on to $Tail, for a child pwsh.
    function Get-PipeScript([string]$Tail) {
        "`$ProgressPreference = 'SilentlyContinue'; 1..4 | ForEach-Object { 'https://example.com/frame.png' } |
            New-RunwayVideo -Prompt 'slow pan' -Model gen4_turbo -Duration 2 -ThrottleLimit 1 -PollIntervalSec 0.2 -Confirm:`$false |
            $Tail"
    }
}

AfterAll { Exit-AreaTest }

Describe 'Wait-RunwayTask streams a piped batch' {
    It 'outputs the first task before the third is created when one slot makes the creator wait for each end' {
        Reset-RunwaySimulator -Url $SimUrl
        $script = Get-PipeScript "Wait-RunwayTask -PollIntervalSec 0.2 | ForEach-Object { `$_.Id + ' ' + [DateTimeOffset]::UtcNow.ToString('o') }"
        $lines = @(Invoke-InChildPwsh -Script $script | Where-Object { $_ -match '^[0-9a-f-]{36} ' })
        $lines | Should -HaveCount 4
        $creates = @(Get-ApiRequest '/v1/image_to_video' 'POST')
        $creates | Should -HaveCount 4
        $firstId, $firstAt = $lines[0] -split ' '
        $firstId | Should -Be $creates[0].taskId
        # Causal, not timed: the creator sent the third create only after the second task ended, which was after
        # the second was handed down, which is when Wait-RunwayTask wrote the first.
        (ConvertTo-Instant $firstAt) | Should -BeLessThan (ConvertTo-Instant $creates[2].time)
        @($lines | ForEach-Object { ($_ -split ' ')[0] } | Sort-Object -Unique) | Should -HaveCount 4
    }

    It '-Any outputs the first task to end as soon as it is seen, once; the creator up the pipeline still makes them all' {
        Reset-RunwaySimulator -Url $SimUrl
        $script = Get-PipeScript "Wait-RunwayTask -Any -PollIntervalSec 0.2 | ForEach-Object { `$_.Id + ' ' + [DateTimeOffset]::UtcNow.ToString('o') }"
        $lines = @(Invoke-InChildPwsh -Script $script | Where-Object { $_ -match '^[0-9a-f-]{36} ' })
        $lines | Should -HaveCount 1
        # PowerShell 5.1's public API cannot stop the commands before this one: every input is still created.
        $creates = @(Get-ApiRequest '/v1/image_to_video' 'POST')
        $creates | Should -HaveCount 4
        $firstId, $firstAt = $lines[0] -split ' '
        $firstId | Should -Be $creates[0].taskId
        # Causal, as above: the first task was written when the second was handed down, before the third create.
        (ConvertTo-Instant $firstAt) | Should -BeLessThan (ConvertTo-Instant $creates[2].time)
    }

    It '-Any | Select-Object -First 1 stops the creator once the first task is out' {
        Reset-RunwaySimulator -Url $SimUrl
        $script = Get-PipeScript "Wait-RunwayTask -Any -PollIntervalSec 0.2 | Select-Object -First 1 | ForEach-Object Id"
        $lines = @(Invoke-InChildPwsh -Script $script | Where-Object { $_ -match '^[0-9a-f-]{36}$' })
        $creates = @(Get-ApiRequest '/v1/image_to_video' 'POST')
        # The first task was seen ended before the second was created, and written when the second was handed down.
        $creates | Should -HaveCount 2
        $lines | Should -Be @($creates[0].taskId)
    }

    It 'a task piped twice after it was seen ending is output once' {
        Reset-RunwaySimulator -Url $SimUrl
        $task = New-RunwayVideo -Image 'https://example.com/frame.png' -Prompt 'x' -Model gen4_turbo -Duration 2 -Wait -Confirm:$false
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $out = @($task, $task | Wait-RunwayTask)
        $out | Should -HaveCount 1
        $out[0].Id | Should -Be $task.Id
        Get-ApiRequest '/v1/tasks/' 'GET' | Should -HaveCount 0
    }
}
