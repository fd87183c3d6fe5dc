BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    if (-not ('ConfirmCountingHost' -as [type])) {
        Add-Type -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

/// <summary>A host that answers every confirmation with its first choice (Yes) and counts the prompts.</summary>
public class ConfirmCountingHost : PSHost
{
    private readonly CountingUI ui = new CountingUI();
    public int Prompts => ui.Prompts;
    public string LastMessage => ui.LastMessage;
    public override string Name => "ConfirmCountingHost";
    public override Version Version => new Version(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
    public override void SetShouldExit(int exitCode) { }
    public override void EnterNestedPrompt() { }
    public override void ExitNestedPrompt() { }
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }

    private class CountingUI : PSHostUserInterface
    {
        public int Prompts;
        public string LastMessage;
        public override PSHostRawUserInterface RawUI => null;
        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            Prompts++;
            LastMessage = message;
            return 0;
        }
        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();
        public override string ReadLine() => string.Empty;
        public override SecureString ReadLineAsSecureString() => new SecureString();
        public override void Write(string value) { }
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { }
        public override void WriteLine(string value) { }
        public override void WriteErrorLine(string value) { }
        public override void WriteDebugLine(string message) { }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) { }
        public override void WriteWarningLine(string message) { }
    }
}
'@
    }
    $PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1

    function Use-FreshJournal {
        $env:RUNWAY_JOURNAL = Join-Path $TestDrive "runway-test-journal-$([guid]::NewGuid().ToString('N')).jsonl"
        $env:RUNWAY_JOURNAL
    }
    $script:SavedJournal = $env:RUNWAY_JOURNAL
    $task = New-RunwayImage -Prompt 'test card' -Model gen4_image -Ratio 1280:720 -Wait
    $script:PngBytes = (Invoke-WebRequest -Uri $task.Output[0]).Content
    $script:Png = Join-Path $TestDrive 'frame.png'
    [IO.File]::WriteAllBytes($Png, $PngBytes)
}

AfterAll {
    $env:RUNWAY_JOURNAL = $script:SavedJournal
    $env:RUNWAY_MAX_CREDITS = $null
    Disconnect-Runway
    Reset-RunwaySimulator -Url $SimUrl
    Stop-OwnSimulator
}

Describe 'Task journal' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Use-FreshJournal | Out-Null
    }

    It 'records a task before the create cmdlet returns, with its model, prompt, inputs and estimate' {
        $task = New-RunwayVideo -Image $Png -Prompt 'a slow pan across the bay' -Duration 5
        $lines = @(Get-Content $env:RUNWAY_JOURNAL | ConvertFrom-Json)
        $created = $lines | Where-Object event -eq 'created'
        $created.id | Should -Be $task.Id
        $created.model | Should -Be 'gen4_turbo'
        $created.endpoint | Should -Be 'image_to_video'
        $created.prompt | Should -Be 'a slow pan across the bay'
        $created.estimatedCredits | Should -Be 25
        $created.inputs[0] | Should -Match ([regex]::Escape($Png))
        $created.inputs[0] | Should -Match 'data:image/png;base64,…\(\d+ chars\)'
        (Get-Content $env:RUNWAY_JOURNAL -Raw) | Should -Not -Match 'iVBOR'   # no image data in the journal
    }

    It 'Get-RunwayTask without -Id lists journal tasks newest first, refreshing unfinished ones' {
        $first = New-RunwayImage -Prompt 'one'
        Start-Sleep -Milliseconds 20
        $second = New-RunwayImage -Prompt 'two [fail:SAFETY.INPUT.TEXT]'
        Start-Sleep -Milliseconds 800
        $listed = @(Get-RunwayTask)
        $listed.Id | Should -Be @($second.Id, $first.Id)
        $listed[0].Status | Should -Be 'FAILED'
        $listed[1].Status | Should -Be 'SUCCEEDED'
        $listed[1].Prompt | Should -Be 'one'
        $listed[1].Model | Should -Be 'gen4_image'
        @(Get-RunwayTask -Status SUCCEEDED).Id | Should -Be $first.Id
        @(Get-RunwayTask -First 1).Id | Should -Be $second.Id
        @(Get-RunwayTask -Since (Get-Date).AddMinutes(5)) | Should -HaveCount 0
        # The refresh was journaled: a second listing needs no request for finished tasks.
        Clear-RunwaySimulatorRequest -Url $SimUrl
        @(Get-RunwayTask) | Should -HaveCount 2
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'appends saved file paths and skips a torn or garbage line with a warning' {
        $task = New-RunwayImage -Prompt 'a fox' -Wait
        $file = $task | Save-RunwayOutput -Path (Join-Path $TestDrive 'saved')
        Add-Content -Path $env:RUNWAY_JOURNAL -Value '{"event":"created","id":"torn'
        Add-Content -Path $env:RUNWAY_JOURNAL -Value 'not json at all'
        $warnings = @()
        $listed = @(Get-RunwayTask -WarningVariable warnings -WarningAction SilentlyContinue)
        $listed | Should -HaveCount 1
        $listed[0].SavedTo | Should -Be $file.FullName
        $warnings.Count | Should -BeGreaterOrEqual 1
        "$($warnings[0])" | Should -Match 'Skipped unreadable line'
    }

    It 'a task the API no longer knows is reported once, then kept with its last status and not asked about again' {
        $task = New-RunwayImage -Prompt 'soon deleted'
        Stop-RunwayTask -Id $task.Id -Confirm:$false          # PENDING: cancelled...
        Invoke-RestMethod -Method Delete -Uri "$SimUrl/v1/tasks/$($task.Id)" -Headers @{ Authorization = "Bearer $TestKey"; 'X-Runway-Version' = '2024-11-06' } | Out-Null  # ...then deleted
        Add-Content -Path $env:RUNWAY_JOURNAL -Value (@{ event = 'status'; id = $task.Id; time = (Get-Date).ToString('o'); status = 'RUNNING' } | ConvertTo-Json -Compress)
        $warnings = @()
        (Get-RunwayTask -WarningVariable warnings -WarningAction SilentlyContinue).Status | Should -Be 'RUNNING'
        "$warnings" | Should -Match 'no longer knows it'
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $warnings = @()
        (Get-RunwayTask -WarningVariable warnings -WarningAction SilentlyContinue).Status | Should -Be 'RUNNING'
        $warnings | Should -HaveCount 0
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'Stop-RunwayTask journals what it did: a deleted finished task leaves the listing, a cancelled one lists as CANCELLED' {
        Use-FreshJournal | Out-Null
        $done = New-RunwayImage -Prompt 'finished, then deleted' -Model gen4_image -Ratio 720:720 -Wait
        $kept = New-RunwayImage -Prompt 'kept' -Model gen4_image -Ratio 720:720 -Wait
        $running = New-RunwayImage -Prompt 'cancelled while pending' -Model gen4_image -Ratio 720:720
        $done, $running | Stop-RunwayTask -Confirm:$false
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $listed = @(Get-RunwayTask)
        $listed.Id | Should -Not -Contain $done.Id
        $listed.Id | Should -Contain $kept.Id
        ($listed | Where-Object Id -eq $running.Id).Status | Should -Be 'CANCELLED'
        # Both are known final: the listing asks the API about neither.
        Get-ApiRequest | Should -HaveCount 0
        Get-RunwayTask -Status SUCCEEDED | Where-Object Id -eq $done.Id | Should -BeNullOrEmpty
    }

    It 'Stop-RunwayTask of a task the journal never saw adds nothing to it' {
        $journal = Use-FreshJournal
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        Stop-RunwayTask -Id $id -Confirm:$false
        if (Test-Path $journal) { Get-Content $journal | Should -Not -Match $id }
        @(Get-RunwayTask) | Should -HaveCount 0
    }

    It 'Stop-RunwayTask asks first unless told not to (ConfirmImpact High: deleting outputs is irreversible)' {
        $attribute = (Get-Command Stop-RunwayTask).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $lines = Invoke-InChildPwsh -Environment @{ RUNWAYML_BASE_URL = $SimUrl; RUNWAYML_API_SECRET = $TestKey; RUNWAY_JOURNAL = $env:RUNWAY_JOURNAL } -Script "
            `$ConfirmPreference = 'High'; Stop-RunwayTask -Id '$id'"
        ($lines -join "`n") | Should -Match 'NonInteractive|Confirm'
        Get-ApiRequest '/v1/tasks/' 'DELETE' | Should -HaveCount 0
    }

    It 'RUNWAY_JOURNAL=off disables it' {
        $env:RUNWAY_JOURNAL = 'off'
        New-RunwayImage -Prompt 'a fox' | Out-Null
        Get-RunwayTask -WarningVariable warnings -WarningAction SilentlyContinue | Should -BeNullOrEmpty
        "$($warnings[0])" | Should -Match 'journal is off'
    }

    It 'survives a killed session: a fresh pwsh lists the task and saves its output' {
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ RunMs = 3000 } | Out-Null
        try {
            $ps = [PowerShell]::Create()
            $null = $ps.AddScript("Import-Module '$env:RUNWAY_TEST_MODULE'; New-RunwayVideo -Image '$Png' -Prompt 'a long shot' -Wait -PollIntervalSec 0.2")
            $handle = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(10)
            while (-not (Get-ApiRequest '/v1/image_to_video' 'POST') -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            Start-Sleep -Milliseconds 300
            $ps.Stop()
            $ps.Dispose()
        }
        finally { Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ RunMs = 300 } | Out-Null }
        Start-Sleep -Seconds 3
        $out = Join-Path $TestDrive 'recovered'
        $lines = Invoke-InChildPwsh -Environment @{ RUNWAYML_BASE_URL = $SimUrl; RUNWAYML_API_SECRET = $TestKey; RUNWAY_JOURNAL = $env:RUNWAY_JOURNAL } -Script "
            `$tasks = @(Get-RunwayTask)
            'COUNT=' + `$tasks.Count
            'STATUS=' + `$tasks[0].Status
            `$tasks | Save-RunwayOutput -Path '$out' | ForEach-Object { 'FILE=' + `$_.Name }"
        $lines | Should -Contain 'COUNT=1'
        $lines | Should -Contain 'STATUS=SUCCEEDED'
        ($lines | Where-Object { $_ -like 'FILE=*.mp4' }) | Should -HaveCount 1
        @(Get-ChildItem $out -Filter *.mp4) | Should -HaveCount 1
    }

    It 'recovers by id with Save-RunwayOutput -Id, and says so clearly when the output has expired' {
        $task = New-RunwayImage -Prompt 'a fox' -Wait
        (Save-RunwayOutput -Id $task.Id -Path (Join-Path $TestDrive 'byid')).Name | Should -Be "$($task.Id).png"
        Invoke-RestMethod -Method Post -Uri "$SimUrl/_sim/tasks/$($task.Id)/expire?permanent=true" | Out-Null
        $journaled = Get-RunwayTask | Where-Object Id -eq $task.Id
        $errors = @()
        $journaled | Save-RunwayOutput -Path (Join-Path $TestDrive 'late') -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.OutputExpired*'
        $errors[0].Exception.Message | Should -Match 'no longer available.*expire'
    }

    It 'two sessions writing at once: 2 × 50 creates give 100 readable entries' {
        $journal = $env:RUNWAY_JOURNAL
        $script = "1..50 | ForEach-Object { New-RunwayImage -Prompt `"shot `$_`" -Model gen4_image -Ratio 720:720 | Out-Null }; 'DONE'"
        $exe, $prefix = Get-PwshCommand
        $env:RUNWAYML_BASE_URL = $SimUrl
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes("Import-Module '$env:RUNWAY_TEST_MODULE'; $script"))
        $jobs = 1..2 | ForEach-Object {
            Start-Process -FilePath $exe -ArgumentList (@($prefix) + @('-NoProfile', '-NonInteractive', '-EncodedCommand', $encoded)) -PassThru -RedirectStandardOutput (Join-Path $TestDrive "writer$_.txt")
        }
        $jobs | ForEach-Object { $_.WaitForExit(120000) | Should -BeTrue }
        1..2 | ForEach-Object { Get-Content (Join-Path $TestDrive "writer$_.txt") | Should -Contain 'DONE' }
        $lines = Get-Content $journal
        foreach ($line in $lines) { { $line | ConvertFrom-Json } | Should -Not -Throw }
        @($lines | ConvertFrom-Json | Where-Object event -eq 'created') | Should -HaveCount 100
        @(Get-RunwayTask -WarningVariable warnings) | Should -HaveCount 100
        $warnings | Should -HaveCount 0
    }
}

Describe 'Budget guard' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Use-FreshJournal | Out-Null
    }
    AfterEach { Disconnect-Runway; $env:RUNWAY_MAX_CREDITS = $null }

    It 'refuses a create that would pass the cap, before sending anything' {
        # The session's spend so far counts too: the cap leaves room for 60 more credits.
        $already = (Get-RunwayCredit).SessionEstimatedSpend
        $cap = $already + 60
        Connect-Runway -ApiKey (ConvertTo-SecureString $TestKey -AsPlainText -Force) -BaseUri $SimUrl -MaxCredits $cap | Out-Null
        New-RunwayVideo -Image $Png -Duration 10 | Out-Null        # 50 credits
        (Get-RunwayCredit).SessionEstimatedSpend | Should -Be ($already + 50)
        (Get-RunwayCredit).SessionCreditCap | Should -Be $cap
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $errors = @()
        New-RunwayVideo -Image $Png -Duration 5 -ErrorVariable errors -ErrorAction SilentlyContinue   # 25 more: 75 > 60
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.BudgetExceeded*'
        $errors[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $errors[0].Exception.Message | Should -Match "$cap-credit cap"
        Get-ApiRequest | Should -HaveCount 0
        (New-RunwayImage -Prompt 'cheap' -Model gen4_image -Ratio 720:720).Id | Should -Not -BeNullOrEmpty  # 5 more fits
    }

    It '-WhatIf past the cap still shows the task, says it would be refused, and sends nothing' {
        $lines = Invoke-InChildPwsh -Environment @{ RUNWAYML_BASE_URL = $SimUrl; RUNWAYML_API_SECRET = $TestKey; RUNWAY_JOURNAL = $env:RUNWAY_JOURNAL; RUNWAY_MAX_CREDITS = '10' } -Script "
            New-RunwayVideo -Prompt 'x' -Model veo3.1 -WhatIf"
        ($lines -join "`n") | Should -Match 'What if: .*320 credits.*refused for real: past the session cap of 10 credits'
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'reserves the most a task can cost when its input''s length is unknown here' {
        $already = (Get-RunwayCredit).SessionEstimatedSpend
        Connect-Runway -ApiKey (ConvertTo-SecureString $TestKey -AsPlainText -Force) -BaseUri $SimUrl -MaxCredits ($already + 100) | Out-Null
        Clear-RunwaySimulatorRequest -Url $SimUrl
        # act_two with a remote reference: 3–30 s, so up to 150 credits although the estimate says about 25.
        $errors = @()
        New-RunwayVideo -Character 'https://example.com/face.png' -Reference 'https://example.com/dance.mp4' -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.BudgetExceeded*'
        $errors[0].Exception.Message | Should -Match '150 credits'
        Get-ApiRequest | Should -HaveCount 0
        # A sound effect without a length may run to 30 s: 30 credits reserved, which fits.
        $task = New-RunwaySoundEffect -Prompt 'rain'
        $task.Id | Should -Not -BeNullOrEmpty
        # Once created, the API's own estimate (the simulator's 5 s default: 5 credits) replaces the reservation.
        $task.EstimatedCredits | Should -Be 5
        (Get-RunwayCredit).SessionEstimatedSpend | Should -Be ($already + 5)
    }

    It 'reads the cap from RUNWAY_MAX_CREDITS' {
        $env:RUNWAY_MAX_CREDITS = '1'
        Clear-RunwaySimulatorRequest -Url $SimUrl
        { New-RunwayImage -Prompt 'x' -ErrorAction Stop } | Should -Throw '*cap*'
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'refuses to create, naming the setting, when RUNWAY_MAX_CREDITS is <Value> (not a plain non-negative number)' -TestCases @(
        @{ Value = '5e2' }, @{ Value = '$5' }, @{ Value = 'five' }, @{ Value = '-1' }, @{ Value = '5 credits' }, @{ Value = '1,000' }, @{ Value = '+5' }
    ) {
        param($Value)
        $env:RUNWAY_MAX_CREDITS = $Value
        Clear-RunwaySimulatorRequest -Url $SimUrl
        foreach ($whatIf in $false, $true) {
            $record = Get-ErrorRecord { New-RunwayImage -Prompt 'x' -WhatIf:$whatIf }
            $record.FullyQualifiedErrorId | Should -BeLike 'Runway.InvalidCreditCap*'
            $record.CategoryInfo.Category | Should -Be 'InvalidData'
            $record.TargetObject | Should -Be 'RUNWAY_MAX_CREDITS'
            $record.Exception.Message | Should -BeLike "*RUNWAY_MAX_CREDITS is '$Value'*"
        }
        Get-ApiRequest | Should -HaveCount 0
        # Reports keep working and say why: the cap is not silently "none".
        $warnings = @()
        (Get-RunwayCredit -WarningVariable warnings -WarningAction SilentlyContinue).SessionCreditCap | Should -BeNullOrEmpty
        "$warnings" | Should -Match 'RUNWAY_MAX_CREDITS'
    }

    It 'a plain number with a decimal point is a cap, an empty setting none' {
        $env:RUNWAY_MAX_CREDITS = ' 2.5 '
        (Get-RunwayCredit).SessionCreditCap | Should -Be 2.5
        $env:RUNWAY_MAX_CREDITS = ''
        (Get-RunwayCredit).SessionCreditCap | Should -BeNullOrEmpty
    }

    It 'with -WhatIf a batch shows each task and the total, and sends nothing' {
        $whatIf = Invoke-InChildPwsh -Environment @{ RUNWAYML_BASE_URL = $SimUrl; RUNWAYML_API_SECRET = $TestKey; RUNWAY_JOURNAL = $env:RUNWAY_JOURNAL } -Script "
            'a','b','c' | ForEach-Object { [pscustomobject]@{ Prompt = `$_ } } | New-RunwayImage -Model gen4_image -Ratio 1920:1080 -WhatIf"
        @($whatIf | Where-Object { $_ -like 'What if:*gen4_image text to image*' }) | Should -HaveCount 3
        ($whatIf -join "`n") | Should -Match 'Create 3 Runway tasks for 24 credits \(\$0\.24\) in all'
        Get-ApiRequest '/v1/text_to_image' | Should -HaveCount 0
    }

    It 'with -Confirm a batch is confirmed once (not per item) and then created' {
        $rows = 'a', 'b', 'c' | ForEach-Object { [pscustomobject]@{ Prompt = $_ } }
        $ps = [PowerShell]::Create()
        try {
            $null = $ps.AddScript({
                    param($module, $rows)
                    Import-Module $module
                    $rows | New-RunwayImage -Model gen4_image -Ratio 1920:1080 -Confirm
                }).AddArgument($env:RUNWAY_TEST_MODULE).AddArgument($rows)
            # A host that answers "Yes" and counts prompts.
            $ui = [ConfirmCountingHost]::new()
            $settings = [System.Management.Automation.PSInvocationSettings]::new()
            $settings.Host = $ui
            $result = $ps.Invoke($null, $settings)
        }
        finally { $ps.Dispose() }
        $ui.Prompts | Should -Be 1
        $ui.LastMessage | Should -Match 'Create 3 Runway tasks for 24 credits'
        @($result) | Should -HaveCount 3
        Get-ApiRequest '/v1/text_to_image' | Should -HaveCount 3
    }
}

Describe 'Batch from CSV' {
    BeforeAll {
        Reset-RunwaySimulator -Url $SimUrl
        Use-FreshJournal | Out-Null
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ MaxConcurrent = 3; RunMs = 200; PendingMs = 20 } | Out-Null
        $frames = Join-Path $TestDrive 'csvframes'
        New-Item -ItemType Directory $frames | Out-Null
        $rows = foreach ($i in 1..30) {
            $image = Join-Path $frames "f$i.png"
            [IO.File]::WriteAllBytes($image, $PngBytes)
            $row = [ordered]@{ Prompt = "shot $i"; Image = $image; Model = 'gen4_turbo'; Ratio = '1280:720'; Duration = '5'; Seed = '' }
            if ($i -eq 7) { $row.Ratio = '1920:1080' }                    # not a gen4_turbo ratio
            if ($i -eq 15) { $row.Prompt = 'x' * 1001 }                   # too long
            if ($i -eq 23) { $row.Image = Join-Path $frames 'missing.png' } # no such file
            if ($i -eq 2) { $row.Seed = '42' }
            if ($i -eq 3) { $row.Duration = '' }                          # blank: the model's default
            [pscustomobject]$row
        }
        $script:Csv = Join-Path $TestDrive 'shots.csv'
        $rows | Export-Csv -Path $Csv -NoTypeInformation
    }
    AfterAll { Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ MaxConcurrent = 2; RunMs = 300; PendingMs = 50 } | Out-Null }

    It 'Import-Csv | New-RunwayVideo -Wait | Save-RunwayOutput: 27 files, 3 errors naming their rows, never past the tier' {
        $shots = Join-Path $TestDrive 'shots'
        $errors = @()
        $info = @()
        $files = @(Import-Csv $Csv | New-RunwayVideo -Wait -ErrorVariable errors -ErrorAction SilentlyContinue -InformationVariable info |
            Save-RunwayOutput -Path $shots)
        $files | Should -HaveCount 27
        @(Get-ChildItem $shots -Filter *.mp4) | Should -HaveCount 27
        $errors | Should -HaveCount 3
        ($errors | ForEach-Object { $_.ErrorDetails.Message }) -join "`n" | Should -Match 'Input 7: .*1920:1080'
        ($errors | ForEach-Object { $_.ErrorDetails.Message }) -join "`n" | Should -Match 'Input 15: .*1001 characters'
        ($errors | ForEach-Object { $_.ErrorDetails.Message }) -join "`n" | Should -Match 'Input 23: .*does not exist'
        $stats = Get-RunwaySimulatorStat -Url $SimUrl
        $stats.tasksCreated | Should -Be 27
        $stats.maxInFlight.gen4_turbo | Should -BeLessOrEqual 3
        $summary = ($info | Where-Object { $_.Tags -contains 'Runway.Summary' }).MessageData
        $summary.Requested | Should -Be 30
        $summary.Created | Should -Be 27
        $summary.Succeeded | Should -Be 27
        $summary.Refused | Should -Be 3
        $summary.EstimatedCredits | Should -Be (26 * 25 + 50)
        # Blank cells meant "not given": row 3 got the model's default duration (sent, so the bill is the estimate);
        # only row 2 sent a seed.
        $bodies = Get-ApiRequest '/v1/image_to_video' | ForEach-Object { $_.body | ConvertFrom-Json }
        @($bodies | Where-Object { $null -ne $_.seed }).seed | Should -Be 42
        @($bodies | Where-Object { $_.promptText -eq 'shot 3' }).duration | Should -Be 10
        @($bodies | Where-Object { $_.duration -eq 5 }) | Should -HaveCount 26
    }
}
