# Wait-RunwayTask: its tests moved from tests/Completion.Tests.ps1 (the area's shared setup is tests/Helpers/Completion.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Completion.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Wait-RunwayTask, argument completion' {

    It 'task ids complete from the journal, newest first' {
        $savedJournal = $env:RUNWAY_JOURNAL
        $env:RUNWAY_JOURNAL = Join-Path $TestDrive 'runway-test-completion.jsonl'
        try {
            Reset-RunwaySimulator -Url $SimUrl
            $old = New-RunwayImage -Prompt 'the old one'
            Start-Sleep -Milliseconds 20
            $new = New-RunwayImage -Prompt 'the new one'
            $ids = Complete 'Wait-RunwayTask -Id '
            $ids[0].CompletionText | Should -Be $new.Id
            $ids[0].ToolTip | Should -Match 'the new one'
            $ids.CompletionText | Should -Contain $old.Id
            (Complete "Get-RunwayTask -Id $($old.Id.Substring(0, 8))").CompletionText | Should -Be @($old.Id)
            # A task deleted with Stop-RunwayTask is no longer offered.
            Wait-RunwayTask -Id $old.Id -PollIntervalSec 0.1 | Stop-RunwayTask -Confirm:$false
            (Complete 'Wait-RunwayTask -Id ').CompletionText | Should -Not -Contain $old.Id
        }
        finally { $env:RUNWAY_JOURNAL = $savedJournal }
    }
}
