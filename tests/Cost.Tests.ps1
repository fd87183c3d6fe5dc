BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1
    function script:Spent { [Runway.Tasks.SpendingGuard]::Spent }
    function script:Get-JournalLine([string] $Id) {
        @(Get-Content -LiteralPath $env:RUNWAY_JOURNAL | ForEach-Object { $_ | ConvertFrom-Json } | Where-Object id -EQ $Id)
    }
    # A real PNG made by the simulator, and a 176-px-wide one (under h3_max's 256 px minimum).
    $script:Photo = Join-Path $TestDrive 'photo.png'
    $script:Narrow = Join-Path $TestDrive 'narrow.png'
    $null = New-RunwayImage -Prompt 'test card' -Model gen4_image -Ratio 1280:720 -OutFile $Photo -Wait
    $null = New-RunwayImage -Prompt 'a tall strip' -Model gemini_image3.1_flash -Ratio 176:1408 -OutFile $Narrow -Wait
}

AfterAll { Exit-AreaTest }

Describe 'The API''s cost in the journal and the session spend' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ pendingMs = 50; runMs = 300; CreditBalance = 1000000 } | Out-Null
    }

    It 'after a create, the API''s estimatedCost replaces the module''s estimate (a model of unknown price)' {
        $before = Spent
        $task = New-RunwayImage -Prompt 'a fox' -Model gpt_image_2
        $charged = (Get-ApiRequest '/v1/tasks/' | Measure-Object).Count
        $task.EstimatedCredits | Should -Be 10
        (Spent) - $before | Should -Be 10
        (Get-RunwayCredit).SessionEstimatedSpend | Should -Be (Spent)
        (Get-JournalLine $task.Id | Where-Object event -EQ 'created').estimatedCredits | Should -Be 10
        $charged | Should -Be 0
    }

    It 'a failed task is refunded: its cost 0 replaces the estimate once, across sightings and processes' {
        $before = Spent
        $task = New-RunwayImage -Prompt 'a fox [fail:SAFETY.INPUT.TEXT]' -Model gen4_image -Ratio 1280:720 -Wait -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -Not -BeNullOrEmpty
        $id = $failed[0].TargetObject.Id
        (Spent) - $before | Should -Be 0
        $final = Get-JournalLine $id | Where-Object { $_.event -eq 'status' -and $_.status -eq 'FAILED' }
        $final | Should -HaveCount 1
        $final.credits | Should -Be 0
        (Get-RunwayTask -Id $id).Credits | Should -Be 0
        $null = Wait-RunwayTask -Id $id -ErrorAction SilentlyContinue
        $null = Get-RunwayTask -Id $id
        (Spent) - $before | Should -Be 0
        (Get-JournalLine $id | Where-Object { $_.event -eq 'status' -and $_.status -eq 'FAILED' }) | Should -HaveCount 1
        # Another process sees it too: the journal keeps one final charge; this session's spend does not move.
        $child = Invoke-InChildPwsh -Script "(Get-RunwayTask -Id '$id').Credits"
        $child | Select-Object -Last 1 | Should -Be '0'
        (Spent) - $before | Should -Be 0
        (Get-RunwayTask -First 5 | Where-Object Id -EQ $id).Credits | Should -Be 0
    }

    It 'a duration billed at its maximum up front counts the lower final charge once the task is seen finished' {
        $before = Spent
        $task = New-RunwayVideo -Prompt 'waves' -Model seedance2 -Duration auto -Ratio 1280:720
        $task.EstimatedCredits | Should -Be 300
        (Spent) - $before | Should -Be 300
        $done = Wait-RunwayTask -Id $task.Id
        $done.Credits | Should -Be 100
        (Spent) - $before | Should -Be 100
        $null = Get-RunwayTask -Id $task.Id
        $null = Wait-RunwayTask -Id $task.Id
        (Spent) - $before | Should -Be 100
        (Get-JournalLine $task.Id | Where-Object credits -NE $null).credits | Should -Be 100
    }

    It 'New-Runway* -Wait counts the final charge of the task it waited for' {
        $before = Spent
        $task = New-RunwayVideo -Prompt 'waves' -Model seedance2 -Duration auto -Ratio 1280:720 -Wait
        $task.Credits | Should -Be 100
        (Spent) - $before | Should -Be 100
    }
}

Describe 'The spending cap under -AllowUnknownPrice' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ pendingMs = 50; runMs = 300; CreditBalance = 1000000 } | Out-Null
    }
    AfterEach { Disconnect-Runway }

    It 'a refused task of unknown price says it has no published price, never "would cost 0 credits"' {
        Connect-Runway -ApiKey (ConvertTo-SecureString $TestKey -AsPlainText -Force) -BaseUri $SimUrl -MaxCredits ((Spent) + 5) -AllowUnknownPrice -SkipValidation | Out-Null
        $null = New-RunwayImage -Prompt 'a fox' -Model gpt_image_2
        $sent = (Get-ApiRequest '/v1/text_to_image').Count
        $record = Get-ErrorRecord { New-RunwayImage -Prompt 'a second fox' -Model gpt_image_2 }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.BudgetExceeded*'
        $record.Exception.Message | Should -Not -Match 'would cost 0'
        $record.Exception.Message | Should -Match 'has no published price'
        $record.Exception.Message | Should -Match "has spent $([regex]::Escape((Spent).ToString([cultureinfo]::InvariantCulture)))"
        (Get-ApiRequest '/v1/text_to_image').Count | Should -Be $sent
    }

    It 'a priced task past the cap still says what it would cost' {
        Connect-Runway -ApiKey (ConvertTo-SecureString $TestKey -AsPlainText -Force) -BaseUri $SimUrl -MaxCredits ((Spent) + 3) -AllowUnknownPrice -SkipValidation | Out-Null
        $record = Get-ErrorRecord { New-RunwayImage -Prompt 'a fox' -Model gen4_image -Ratio 1280:720 }
        $record.Exception.Message | Should -Match 'would cost 5 credits'
        Get-ApiRequest | Should -HaveCount 0
    }
}

Describe 'h3_max frames of at least 256 px' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'an image under 256 px on a side is refused before anything is sent, as first or last frame' {
        foreach ($call in { New-RunwayVideo -Image $Narrow -Prompt 'x' -Model h3_max }, { New-RunwayVideo -Image $Photo -LastFrame $Narrow -Prompt 'x' -Model h3_max }) {
            $record = Get-ErrorRecord $call
            $record.FullyQualifiedErrorId | Should -BeLike 'Runway.ImageTooSmall*'
            $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $record.Exception.Message | Should -Match '176×1408 px; h3_max needs each image to be at least 256 px on both sides\.'
            $record.TargetObject | Should -Not -BeNullOrEmpty
        }
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'an image of 256 px or more is sent, and the rule shows in Get-RunwayModel' {
        (New-RunwayVideo -Image $Photo -Prompt 'x' -Model h3_max).Id | Should -Not -BeNullOrEmpty
        (Get-RunwayModel h3_max -Offline).Fields | Where-Object Name -EQ 'promptImage' | ForEach-Object Allowed | Should -Match 'at least 256 px on both sides'
    }
}
