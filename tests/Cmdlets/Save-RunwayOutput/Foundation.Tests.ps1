# Save-RunwayOutput: its tests moved from tests/Foundation.Tests.ps1 (the area's shared setup is tests/Helpers/Foundation.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Foundation.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Save-RunwayOutput, task ids that cannot be task ids' {
    BeforeAll {
        Reset-RunwaySimulator -Url $SimUrl
        $script:BadIds = 'abc', '42', '../organization', ' ', 'v1/tasks', '17f20503-6c24-4c16-946b-35dbbce2af2f/../x'
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
