# Save-RunwayOutput: its tests moved from tests/Generation.Tests.ps1 (the area's shared setup is tests/Helpers/Generation.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Generation.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Save-RunwayOutput, the pipelines of the issue' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        Push-Location $TestDrive
    }
    AfterEach { Pop-Location }

    It 'Save-RunwayOutput never overwrites without -Force and leaves no partial file on failure' {
        $task = New-RunwayImage -Prompt 'a fox' -Wait
        $dir = Join-Path $TestDrive 'save'
        $first = $task | Save-RunwayOutput -Path $dir
        $errors = @()
        $task | Save-RunwayOutput -Path $dir -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.FileExists*'
        ($task | Save-RunwayOutput -Path $dir -Force).FullName | Should -Be $first.FullName

        Invoke-RestMethod -Method Post -Uri "$SimUrl/_sim/tasks/$($task.Id)/expire?permanent=true" | Out-Null
        $errors = @()
        $task | Save-RunwayOutput -Path (Join-Path $TestDrive 'expired') -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.OutputExpired*'
        $errors[0].Exception.Message | Should -Match 'expire'
        @(Get-ChildItem (Join-Path $TestDrive 'expired') -Force) | Should -HaveCount 0
    }

    It 'Save-RunwayOutput -Path with a file name saves one output there; by -Id and by -Uri too' {
        $task = New-RunwayImage -Prompt 'a fox' -Wait
        ($task | Save-RunwayOutput -Path (Join-Path $TestDrive 'named.png')).Name | Should -Be 'named.png'
        (Save-RunwayOutput -Id $task.Id -Path (Join-Path $TestDrive 'byid')).Name | Should -Be "$($task.Id).png"
        ($task.Output[0] | Save-RunwayOutput -Path (Join-Path $TestDrive 'byuri')).Extension | Should -Be '.png'
    }

    It 'an unfinished task piped to Save-RunwayOutput is refreshed, and one still running is an error naming it' {
        $running = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status RUNNING).id
        $errors = @()
        Get-RunwayTask -Id $running | Save-RunwayOutput -Path (Join-Path $TestDrive 'x') -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.NoOutput*'
        $errors[0].TargetObject.Id | Should -Be $running
        $errors[0].Exception.Message | Should -Match 'Wait-RunwayTask'
    }

    It 'Save-RunwayOutput takes piped task ids as well as URLs' {
        $task = New-RunwayImage -Prompt 'a fox' -Wait
        ($task.Id | Save-RunwayOutput -Path (Join-Path $TestDrive 'piped-id')).Name | Should -Be "$($task.Id).png"
    }
}
