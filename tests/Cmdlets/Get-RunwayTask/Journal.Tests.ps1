# Get-RunwayTask -Id: the task as the API reports it, completed by what the journal recorded (the listing's object).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Output.ps1
}

AfterAll {
    Reset-RunwaySimulator -Url $SimUrl
    if ($script:OwnSimulator) { Stop-RunwaySimulator $script:OwnSimulator }
}

Describe 'Get-RunwayTask -Id fills what the journal knows' {
    BeforeAll {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        $script:Made = New-RunwayImage -Prompt 'A dog in the snow' -Model gen4_image_turbo -Ratio 1280:720 -ReferenceImage $Png -Wait
        $script:Child = @{ RUNWAYML_BASE_URL = $SimUrl; RUNWAYML_API_SECRET = $TestKey }
    }

    It 'a fresh session gets the same prompt, model, endpoint and inputs by -Id, by a piped id and from the listing' {
        # A fresh process: nothing of the task is in memory, only in the journal.
        $lines = Invoke-InChildPwsh -Environment $Child -Script "
            `$id = '$($Made.Id)'
            # The listing refreshes the worker's other unfinished journal tasks, which a reset simulator no longer knows.
            `$WarningPreference = 'SilentlyContinue'
            `$all = @(Get-RunwayTask -First 5 | Where-Object Id -eq `$id) + @(Get-RunwayTask -Id `$id) + @(`$id | Get-RunwayTask)
            foreach (`$t in `$all) { @(`$t.Status, `$t.Prompt, `$t.Model, `$t.Endpoint, `$t.InputName, (`$t.Inputs -join '|')) -join ';' }"
        $lines | Should -HaveCount 3
        $lines[0] | Should -BeLike "SUCCEEDED;A dog in the snow;gen4_image_turbo;*;cat;*cat.png*"
        $lines[1] | Should -Be $lines[0]
        $lines[2] | Should -Be $lines[0]
    }

    It 'reads the task once from the API, and a task the journal does not know stays as the API returns it' {
        $elsewhere = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        $before = (Get-ApiRequest -Path '/v1/tasks/' -Method GET).Count
        $known = Get-RunwayTask -Id $Made.Id
        $other = Get-RunwayTask -Id $elsewhere
        (Get-ApiRequest -Path '/v1/tasks/' -Method GET).Count - $before | Should -Be 2
        $known.Prompt | Should -Be 'A dog in the snow'
        $known.Inputs | Should -Not -BeNullOrEmpty
        $other.Id | Should -Be $elsewhere
        $other.Prompt | Should -BeNullOrEmpty
        $other.Inputs | Should -HaveCount 0
        $other.SavedTo | Should -HaveCount 0
    }
}
