# New-RunwayDocument: its tests moved from tests/Avatars.Tests.ps1 (the area's shared setup is tests/Helpers/Avatars.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Avatars.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayDocument, knowledge documents' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl; Clear-RunwaySimulatorRequest -Url $SimUrl }

    It 'creates from text and from piped Markdown files, lists, updates and deletes' {
        $text = New-RunwayDocument -Name 'Hours' -Content 'Open 9-5'
        $text.Content | Should -Be 'Open 9-5'
        Set-Content -Path (Join-Path $TestDrive 'faq.md') -Value '# FAQ', 'Returns are free.'
        $file = Get-ChildItem (Join-Path $TestDrive 'faq.md') | New-RunwayDocument
        $file.Name | Should -Be 'faq.md'
        $file.Content | Should -Match '# FAQ'
        @(Get-RunwayDocument -SortBy updatedAt -Ascending).Id | Should -Be @($text.Id, $file.Id)
        ($text | Set-RunwayDocument -Content 'Open 9-6' -PassThru).Content | Should -Be 'Open 9-6'
        Get-RunwayDocument | Remove-RunwayDocument
        @(Get-RunwayDocument) | Should -HaveCount 0
    }

    It 'warns when a document is likely past the documented 50,000-token knowledge limit' {
        New-RunwayDocument -Name 'Small' -Content ('x' * 1000) -WhatIf -WarningVariable small -WarningAction SilentlyContinue
        $small | Should -BeNullOrEmpty
        New-RunwayDocument -Name 'Big' -Content ('x' * 200100) -WhatIf -WarningVariable big -WarningAction SilentlyContinue
        "$big" | Should -Match '50,000 tokens'
        Request-Count | Should -Be 0
    }
}
