# Pester: runs alone (Ctrl+C must stop a command within a second: other tests on the machine would slow it).
BeforeAll {
    . $PSScriptRoot/Helpers/Foundation.ps1
}

AfterAll {
    Disconnect-Runway
    if ($script:OwnSimulator) { Stop-RunwaySimulator $script:OwnSimulator }
}

Describe 'Task ids that cannot be task ids' {
    BeforeAll {
        Reset-RunwaySimulator -Url $SimUrl
        $script:BadIds = 'abc', '42', '../organization', ' ', 'v1/tasks', '17f20503-6c24-4c16-946b-35dbbce2af2f/../x'
    }

    It '<Command> refuses each locally with "not a task id" and sends nothing' -TestCases @(
        @{ Command = 'Get-RunwayTask'; Call = { param($id) Get-RunwayTask -Id $id } }
        @{ Command = 'Wait-RunwayTask'; Call = { param($id) Wait-RunwayTask -Id $id -TimeoutSec 1 } }
        @{ Command = 'Stop-RunwayTask'; Call = { param($id) Stop-RunwayTask -Id $id -Confirm:$false } }
        @{ Command = 'Save-RunwayOutput'; Call = { param($id) Save-RunwayOutput -Id $id -Path $TestDrive } }
        @{ Command = 'Get-RunwayTask (piped)'; Call = { param($id) [pscustomobject]@{ Id = $id } | Get-RunwayTask } }
    ) {
        param($Command, $Call)
        Clear-RunwaySimulatorRequest -Url $SimUrl
        # (Not $Script: Get-ErrorRecord's own parameter of that name would hide it.)
        foreach ($id in $BadIds) {
            $record = Get-ErrorRecord { & $Call $id }
            $record.FullyQualifiedErrorId | Should -BeLike 'Runway.InvalidTaskId*'
            $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $record.TargetObject | Should -Be $id
            $record.Exception.Message | Should -BeLike "*not a task id*"
        }
        Get-ApiRequest | Should -HaveCount 0
    }
}

Describe 'API errors' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It '404 is a non-terminating ObjectNotFound error with the API''s message; the next id still runs' {
        $known = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        $missing = [guid]::NewGuid().ToString()
        $errors = @()
        $found = @(Get-RunwayTask -Id $missing, $known -ErrorVariable errors -ErrorAction SilentlyContinue)
        $found.Id | Should -Be $known
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.NotFound*'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].TargetObject | Should -Be $missing
        $errors[0].Exception.StatusCode | Should -Be 404
        $errors[0].Exception.Message | Should -Match 'HTTP 404, GET /v1/tasks/'
        $errors[0].Exception.ApiMessage | Should -Not -BeNullOrEmpty
        $errors[0].Exception.Message | Should -Match ([regex]::Escape($errors[0].Exception.ApiMessage))
    }

    It '401 is a terminating AuthenticationError that says how to fix the key' {
        $env:RUNWAYML_API_SECRET = 'key_not_a_real_key'
        try {
            $record = Get-ErrorRecord { Get-RunwayTask -Id ([guid]::NewGuid()), ([guid]::NewGuid()) }
            $record.FullyQualifiedErrorId | Should -BeLike 'Runway.Unauthorized*'
            $record.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $record.Exception.Message | Should -Match 'RUNWAYML_API_SECRET'
            # Terminating: the second id is not tried.
            Get-ApiRequest '/v1/tasks/' | Should -HaveCount 1
        }
        finally { $env:RUNWAYML_API_SECRET = $TestKey }
    }

    It 'a 429 storm is retried twice with the server''s Retry-After, then reported as LimitsExceeded' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/tasks/' -Kind status -Status 429 -ErrorMessage 'Too many requests, slow down' -RetryAfter 0 -Count 50 | Out-Null
        $record = Get-ErrorRecord { Get-RunwayTask -Id $id }
        $record.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.RateLimited*'
        $record.Exception.Message | Should -Match 'Too many requests, slow down'
        $record.Exception.Message | Should -Match 'after 2 retries'
        Get-ApiRequest '/v1/tasks/' | Should -HaveCount 3
    }

    It 'a short 429 burst is absorbed: the third attempt succeeds, after the Retry-After pause' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/tasks/' -Kind status -Status 429 -RetryAfter 1 -Count 2 | Out-Null
        $elapsed = Measure-Command { (Get-RunwayTask -Id $id).Status | Should -Be 'SUCCEEDED' }
        $elapsed.TotalSeconds | Should -BeGreaterOrEqual 1.9
        Get-ApiRequest '/v1/tasks/' | Should -HaveCount 3
    }

    It 'reads are retried after 5xx and after a dropped connection' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/tasks/' -Kind status -Status 503 | Out-Null
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/tasks/' -Kind drop | Out-Null
        (Get-RunwayTask -Id $id).Status | Should -Be 'SUCCEEDED'
    }

    It 'the retry limit is configurable with Connect-Runway -MaxRetries' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        Connect-Runway -ApiKey (ConvertTo-SecureString $TestKey -AsPlainText -Force) -BaseUri $SimUrl -MaxRetries 0 -SkipValidation | Out-Null
        try {
            Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/tasks/' -Kind status -Status 503 | Out-Null
            { Get-RunwayTask -Id $id -ErrorAction Stop } | Should -Throw '*HTTP 503*'
            Get-ApiRequest '/v1/tasks/' | Should -HaveCount 1
        }
        finally { Disconnect-Runway }
    }
}

Describe 'Creating a paid task is never repeated when it may already exist' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'a 5xx answer to a create is not retried, and the error says a task may exist' {
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/text_to_image' -Kind status -Status 502 -Count 5 | Out-Null
        $record = Get-ErrorRecord { New-RunwayImage -Prompt 'a cat' -Confirm:$false }
        $record.Exception.TaskMayExist | Should -BeTrue
        $record.Exception.Message | Should -Match 'may have started'
        $record.ErrorDetails.RecommendedAction | Should -Match 'may exist'
        Get-ApiRequest '/v1/text_to_image' | Should -HaveCount 1
    }

    It 'a connection dropped after the server created the task is not retried: exactly one task exists' {
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/text_to_image' -Kind dropAfter | Out-Null
        $record = Get-ErrorRecord { New-RunwayImage -Prompt 'a cat' }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.TaskMayExist*'
        Get-ApiRequest '/v1/text_to_image' | Should -HaveCount 1
        (Get-RunwaySimulatorStat -Url $SimUrl).tasksCreated | Should -Be 1
    }

    It 'a connection dropped before the server acted is not retried either (the client cannot tell)' {
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/text_to_image' -Kind drop | Out-Null
        $record = Get-ErrorRecord { New-RunwayImage -Prompt 'a cat' }
        $record.Exception.TaskMayExist | Should -BeTrue
        Get-ApiRequest '/v1/text_to_image' | Should -HaveCount 1
        (Get-RunwaySimulatorStat -Url $SimUrl).tasksCreated | Should -Be 0
    }

    It 'a 429 answer to a create is retried (nothing was started) and makes one task' {
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/text_to_image' -Kind status -Status 429 -RetryAfter 0 | Out-Null
        $task = New-RunwayImage -Prompt 'a cat'
        $task.Id | Should -Not -BeNullOrEmpty
        Get-ApiRequest '/v1/text_to_image' | Should -HaveCount 2
        (Get-RunwaySimulatorStat -Url $SimUrl).tasksCreated | Should -Be 1
    }

    It 'a create that never reached a server (connection refused) is retried, and says nothing was created' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $env:RUNWAYML_BASE_URL = "http://127.0.0.1:$port"
        try {
            $verbose = New-RunwayImage -Prompt 'a cat' -Verbose -ErrorVariable errors -ErrorAction SilentlyContinue 4>&1 | Out-String
            $verbose | Should -Match 'could not connect; retrying'
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.ConnectionFailed*'
            $errors[0].Exception.TaskMayExist | Should -BeFalse
        }
        finally { $env:RUNWAYML_BASE_URL = $SimUrl }
    }
}

Describe 'The end of a pipeline (PowerShell disposes each command then)' {
    It '-PipelineVariable holds each output, also when a later command ends the pipeline early' {
        $all = @(Get-RunwayModel -Offline)
        $seen = @(Get-RunwayModel -Offline -PipelineVariable model | Select-Object -First 2 | ForEach-Object { $model.Name })
        $seen | Should -Be @($all[0].Name, $all[1].Name)
        @(Get-RunwayModel -Offline -PipelineVariable model | ForEach-Object { $model.Name }) | Should -Be $all.Name
    }
}

Describe 'Ctrl+C' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'stops a wait in under a second and never cancels the remote task' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status RUNNING).id
        $ps = [PowerShell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$env:RUNWAY_TEST_MODULE'; Wait-RunwayTask -Id '$id' -PollIntervalSec 30")
            $handle = $ps.BeginInvoke()
            Start-Sleep -Milliseconds 1500
            $ps.InvocationStateInfo.State | Should -Be 'Running'
            $elapsed = Measure-Command { $ps.Stop() }
            $elapsed.TotalSeconds | Should -BeLessThan 1
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $ps.Dispose() }
        Get-ApiRequest '/v1/tasks/' 'DELETE' | Should -HaveCount 0
        (Get-RunwayTask -Id $id).Status | Should -Be 'RUNNING'
    }

    It 'stops a slow request in flight in under a second' {
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/organization' -Kind delay -DelayMs 20000 | Out-Null
        $ps = [PowerShell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$env:RUNWAY_TEST_MODULE'; Get-RunwayCredit")
            $handle = $ps.BeginInvoke()
            Start-Sleep -Milliseconds 800
            $elapsed = Measure-Command { $ps.Stop() }
            $elapsed.TotalSeconds | Should -BeLessThan 1
        }
        finally { $ps.Dispose() }
    }
}
