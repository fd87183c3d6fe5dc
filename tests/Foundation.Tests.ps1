BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1

}

AfterAll {
    Disconnect-Runway
    if ($script:OwnSimulator) { Stop-RunwaySimulator $script:OwnSimulator }
}

Describe 'Configuration and keys' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Disconnect-Runway
        $env:RUNWAYML_API_SECRET = $TestKey
        $env:RUNWAYML_BASE_URL = $SimUrl
    }
    AfterEach { $env:RUNWAYML_API_SECRET = $TestKey; Disconnect-Runway }

    It 'without a key fails clearly before sending anything' {
        $env:RUNWAYML_API_SECRET = $null
        $record = Get-ErrorRecord { Get-RunwayCredit }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.NotConfigured*'
        $record.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $record.Exception.Message | Should -Match 'RUNWAYML_API_SECRET'
        $record.Exception.Message | Should -Match 'Connect-Runway'
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'sends the bearer key, the API version and a User-Agent naming the module' {
        Get-RunwayCredit | Out-Null
        $request = Get-ApiRequest '/v1/organization' | Select-Object -First 1
        $request.authorized | Should -BeTrue
        $request.version | Should -Be '2024-11-06'
        $request.userAgent | Should -Match '^Runway-PowerShell/\d+\.\d+\.\d+ '
    }

    It 'Connect-Runway checks the key and shows only a hint of it' {
        $secure = ConvertTo-SecureString $TestKey -AsPlainText -Force
        $env:RUNWAYML_API_SECRET = $null
        $connection = Connect-Runway -ApiKey $secure -BaseUri $SimUrl
        $connection.CreditBalance | Should -BeGreaterThan 0
        $connection.ApiKeyHint | Should -Be ('key_…' + $TestKey.Substring($TestKey.Length - 4))
        ($connection | ConvertTo-Json) | Should -Not -Match $TestKey
        (Get-RunwayCredit).CreditBalance | Should -Be $connection.CreditBalance
    }

    It 'Connect-Runway -ApiKey takes a plain string too, converted at once and never shown' {
        $env:RUNWAYML_API_SECRET = $null
        (Get-Command Connect-Runway).Parameters['ApiKey'].ParameterType | Should -Be ([securestring])
        $all = Connect-Runway -ApiKey $TestKey -BaseUri $SimUrl -Verbose -Debug -ErrorAction Stop *>&1
        $connection = $all | Where-Object { $_ -is [Runway.Shell.RunwayConnection] }
        $connection.KeySource | Should -Be 'Connect-Runway'
        $connection.ApiKeyHint | Should -Be ('key_…' + $TestKey.Substring($TestKey.Length - 4))
        ($all | Out-String) + ($connection | ConvertTo-Json) | Should -Not -Match $TestKey
        (Get-ApiRequest '/v1/organization' | Select-Object -Last 1).authorized | Should -BeTrue
        # A wrong plain key fails without echoing it.
        $bad = New-RunwayTestKey
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ ApiKeys = $TestKey } | Out-Null
        try {
            $record = Get-ErrorRecord { Connect-Runway -ApiKey $bad -BaseUri $SimUrl }
            $record.FullyQualifiedErrorId | Should -BeLike 'Runway.Unauthorized*'
            ($record | Out-String) + $record.Exception.Message + "$($record.TargetObject)" | Should -Not -Match $bad
        }
        finally { Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ ApiKeys = '' } | Out-Null }
    }

    It 'Connect-Runway with a rejected key fails with the API message and keeps the previous configuration' {
        $bad = ConvertTo-SecureString (New-RunwayTestKey) -AsPlainText -Force
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ ApiKeys = $TestKey } | Out-Null
        try {
            $record = Get-ErrorRecord { Connect-Runway -ApiKey $bad -BaseUri $SimUrl }
            $record.FullyQualifiedErrorId | Should -BeLike 'Runway.Unauthorized*'
            $record.CategoryInfo.Category | Should -Be 'AuthenticationError'
            { Get-RunwayCredit -ErrorAction Stop } | Should -Not -Throw
        }
        finally { Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ ApiKeys = '' } | Out-Null }
    }

    It 'Connect-Runway -Vault reads the key through SecretManagement' {
        $modules = Join-Path $TestDrive 'modules'
        $fake = Join-Path $modules 'Microsoft.PowerShell.SecretManagement'
        New-Item -ItemType Directory $fake -Force | Out-Null
        # A stand-in with the real module's Get-Secret contract: -Name, -Vault, returns a SecureString.
        Set-Content (Join-Path $fake 'Microsoft.PowerShell.SecretManagement.psm1') -Value @"
function Get-Secret { param([string] `$Name, [string] `$Vault) if (`$Vault -eq 'Team' -and `$Name -eq 'RUNWAYML_API_SECRET') { ConvertTo-SecureString '$TestKey' -AsPlainText -Force } else { throw "no secret `$Name in `$Vault" } }
"@
        $saved = $env:PSModulePath
        $env:PSModulePath = $modules + [IO.Path]::PathSeparator + $env:PSModulePath
        $env:RUNWAYML_API_SECRET = $null
        try {
            $connection = Connect-Runway -Vault Team -BaseUri $SimUrl
            $connection.KeySource | Should -Be 'vault Team'
            $connection.ApiKeyHint | Should -Be ('key_…' + $TestKey.Substring($TestKey.Length - 4))
            $record = Get-ErrorRecord { Connect-Runway -Vault Team -SecretName other -BaseUri $SimUrl }
            $record.FullyQualifiedErrorId | Should -BeLike 'Runway.SecretNotFound*'
        }
        finally {
            $env:PSModulePath = $saved
            Remove-Module Microsoft.PowerShell.SecretManagement -ErrorAction SilentlyContinue
        }
    }

    It 'Connect-Runway -Vault explains how to set SecretManagement up when it is missing' {
        if (Get-Module -ListAvailable Microsoft.PowerShell.SecretManagement) { Set-ItResult -Skipped -Because 'SecretManagement is installed here' }
        $record = Get-ErrorRecord { Connect-Runway -Vault Team -BaseUri $SimUrl }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.SecretManagementMissing*'
        $record.CategoryInfo.Category | Should -Be 'NotInstalled'
        $record.Exception.Message | Should -Match 'Install-PSResource Microsoft.PowerShell.SecretManagement'
        $record.Exception.Message | Should -Match 'Set-Secret -Vault Team -Name RUNWAYML_API_SECRET'
    }

    It 'a bad RUNWAYML_BASE_URL is a clear error, and Connect-Runway -BaseUri works around it' {
        $env:RUNWAYML_BASE_URL = 'http://api.example.com'
        try {
            $record = Get-ErrorRecord { Get-RunwayCredit }
            $record.FullyQualifiedErrorId | Should -BeLike 'Runway.InvalidBaseUri*'
            $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
            (Connect-Runway -BaseUri $SimUrl).BaseUri.AbsoluteUri | Should -Be "$SimUrl/"
        }
        finally { $env:RUNWAYML_BASE_URL = $SimUrl; Disconnect-Runway }
    }

    It 'refuses to send the key unencrypted to a remote host' {
        $record = Get-ErrorRecord { Connect-Runway -ApiKey (ConvertTo-SecureString $TestKey -AsPlainText -Force) -BaseUri 'http://api.example.com' }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.InvalidBaseUri*'
        $record.Exception.Message | Should -Match 'unencrypted'
    }

    It 'never writes the key to verbose, debug, error or object output' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        $all = & {
            Get-RunwayTask -Id $id -Verbose -Debug 4>&1 5>&1
            Get-RunwayTask -Id ([guid]::NewGuid()) -Verbose -ErrorAction Continue 4>&1 2>&1
            Get-RunwayCredit -Verbose 4>&1
        } 2>&1 | Out-String -Width 500
        $all | Should -Match 'key_…'
        $all | Should -Not -Match $TestKey
        $all | Should -Not -Match $TestKey.Substring(4, 40)
    }

    It 'Disconnect-Runway drops the cap and -AllowUnknownPrice with the key (nothing of a connection outlives it)' {
        Connect-Runway -ApiKey (ConvertTo-SecureString $TestKey -AsPlainText -Force) -BaseUri $SimUrl -MaxCredits 5 -AllowUnknownPrice -SkipValidation | Out-Null
        [Runway.Tasks.SpendingGuard]::AllowUnknownPrice | Should -BeTrue
        Disconnect-Runway
        [Runway.Tasks.SpendingGuard]::AllowUnknownPrice | Should -BeFalse
    }
}

Describe 'Get-RunwayCredit and Get-RunwayUsage' {
    BeforeAll { Reset-RunwaySimulator -Url $SimUrl }

    It 'reports the balance, tier limits and today''s use' {
        $credit = Get-RunwayCredit
        $credit | Should -BeOfType Runway.Api.RunwayCredit
        $credit.CreditBalance | Should -Be 10000
        $credit.BalanceUsd | Should -Be 100
        ($credit.Models | Where-Object Model -eq 'gen4_turbo').MaxConcurrentGenerations | Should -BeGreaterThan 0
    }

    It 'shows the spend of a created task in the balance, today''s generations and the usage rows' {
        New-RunwayImage -Prompt 'a lighthouse' -Model gen4_image -Ratio 1920:1080 -Wait | Out-Null
        $credit = Get-RunwayCredit
        $credit.CreditBalance | Should -Be (10000 - 8)
        ($credit.Models | Where-Object Model -eq 'gen4_image').DailyGenerations | Should -Be 1
        $rows = @(Get-RunwayUsage)
        $row = $rows | Where-Object Model -eq 'gen4_image'
        $row.Credits | Should -Be 8
        $row.Date | Should -Be ([DateTime]::UtcNow.Date)
        $row.Usd | Should -Be 0.08
        @(Get-RunwayUsage -Model gen4_turbo) | Should -HaveCount 0
    }

    It 'rejects a date range the API would reject, before sending' {
        Clear-RunwaySimulatorRequest -Url $SimUrl
        { Get-RunwayUsage -StartDate '2026-03-01' -BeforeDate '2026-01-01' -ErrorAction Stop } | Should -Throw '*must be before*'
        { Get-RunwayUsage -StartDate '2026-01-01' -BeforeDate '2026-06-01' -ErrorAction Stop } | Should -Throw '*at most 90 days*'
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'refuses -Model that is no model, before sending' {
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $record = Get-ErrorRecord { Get-RunwayUsage -Model gen4_image, gen99 }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.UnknownModel*'
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $record.TargetObject | Should -Be 'gen99'
        $record.Exception.Message | Should -Match "Unknown model 'gen99'.*gen4_turbo"
        Get-ApiRequest | Should -HaveCount 0
    }
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

    It 'a good id among bad ones is still served' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        $errors = @()
        $tasks = @(Get-RunwayTask -Id 'abc', $id -ErrorVariable errors -ErrorAction SilentlyContinue)
        $tasks.Id | Should -Be $id
        $errors | Should -HaveCount 1
        $errors[0].TargetObject | Should -Be 'abc'
    }

    It 'Save-RunwayOutput -Uri refuses a string that is neither an http(s) URL nor a task id' {
        Clear-RunwaySimulatorRequest -Url $SimUrl
        foreach ($text in 'not a uri', 'abc', 'ftp://example.com/a.png', '../organization') {
            $record = Get-ErrorRecord { Save-RunwayOutput -Uri $text -Path $TestDrive }
            $record.FullyQualifiedErrorId | Should -BeLike 'Runway.InvalidUrl*'
            $record.TargetObject | Should -Be $text
            $record.Exception.Message | Should -BeLike '*neither an http(s) URL nor a task id*'
        }
        Get-ApiRequest | Should -HaveCount 0
    }
}

Describe 'Tasks: get, wait, stop' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'gets a task by id, by pipeline string and by property name' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        $task = Get-RunwayTask -Id $id
        $task | Should -BeOfType Runway.Api.RunwayTask
        $task.Id | Should -Be $id
        $task.Status | Should -Be 'SUCCEEDED'
        $task.Output | Should -Not -BeNullOrEmpty
        $task.CreatedAt | Should -BeOfType [DateTimeOffset]
        ($id | Get-RunwayTask).Id | Should -Be $id
        ([pscustomobject]@{ Id = $id } | Get-RunwayTask).Id | Should -Be $id
    }

    It 'Get-RunwayTask | Wait-RunwayTask follows a task to SUCCEEDED with output URLs' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo).id
        $done = Get-RunwayTask -Id $id | Wait-RunwayTask
        $done.Status | Should -Be 'SUCCEEDED'
        $done.Output[0] | Should -Match '^https?://'
    }

    It 'waits for many tasks in one loop and emits each once' {
        $ids = 1..6 | ForEach-Object { (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo).id }
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $done = @($ids | Wait-RunwayTask)
        $done | Should -HaveCount 6
        ($done.Id | Sort-Object) | Should -Be ($ids | Sort-Object)
        $done.Status | Select-Object -Unique | Should -Be 'SUCCEEDED'
        # One GET per unfinished task per round: far fewer than six independent waiters would send.
        (Get-ApiRequest '/v1/tasks/' 'GET').Count | Should -BeLessThan 120
    }

    It 'reports a FAILED task as an error that keeps the id, the failure and its code' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -PromptText 'x [fail:SAFETY.INPUT.TEXT]').id
        $errors = @()
        $out = Wait-RunwayTask -Id $id -ErrorVariable errors -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.TaskFailed*'
        $errors[0].CategoryInfo.Category | Should -Be 'SecurityError'
        $errors[0].TargetObject.Id | Should -Be $id
        $errors[0].TargetObject.FailureCode | Should -Be 'SAFETY.INPUT.TEXT'
        $errors[0].Exception.Message | Should -Match $id
        $errors[0].Exception.Message | Should -Match 'SAFETY.INPUT.TEXT'
    }

    It 'times out with an error that keeps the task id, and leaves the task running' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status RUNNING).id
        $errors = @()
        Wait-RunwayTask -Id $id -TimeoutSec 1 -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.TaskTimedOut*'
        $errors[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $errors[0].TargetObject.Id | Should -Be $id
        $errors[0].Exception.Message | Should -Match "Wait-RunwayTask -Id $id"
        (Get-RunwayTask -Id $id).Status | Should -Be 'RUNNING'
        Get-ApiRequest '/v1/tasks/' 'DELETE' | Should -HaveCount 0
    }

    It 'Stop-RunwayTask -WhatIf sends nothing; without it the task is cancelled' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status RUNNING).id
        Stop-RunwayTask -Id $id -WhatIf
        Get-ApiRequest '/v1/tasks/' 'DELETE' | Should -HaveCount 0
        Get-RunwayTask -Id $id | Stop-RunwayTask -Confirm:$false
        Get-ApiRequest '/v1/tasks/' 'DELETE' | Should -HaveCount 1
        (Get-RunwayTask -Id $id).Status | Should -Be 'CANCELLED'
        $errors = @()
        Wait-RunwayTask -Id $id -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.TaskCancelled*'
    }

    It 'a task deleted while waiting ends the wait with a not-found error naming it' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        Stop-RunwayTask -Id $id -Confirm:$false
        $errors = @()
        Wait-RunwayTask -Id $id -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.TaskNotFound*'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].TargetObject.Id | Should -Be $id
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
