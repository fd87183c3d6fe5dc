# Set-RunwayDocument: its tests moved from tests/Avatars.Tests.ps1 (the area's shared setup is tests/Helpers/Avatars.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Avatars.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Set-RunwayDocument, knowledge documents' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl; Clear-RunwaySimulatorRequest -Url $SimUrl }

    It 'refuses a binary file and an empty update with zero requests' {
        (Get-ErrorRecord { New-RunwayDocument -Path $Face }).FullyQualifiedErrorId | Should -BeLike 'Runway.NotText,*'
        (Get-ErrorRecord { Set-RunwayDocument -Id 'd' }).FullyQualifiedErrorId | Should -BeLike 'Runway.NothingToChange,*'
        (Get-ErrorRecord { Set-RunwayDocument -Id 'd' -Content '' }).FullyQualifiedErrorId | Should -BeLike 'Runway.EmptyContent,*'
        Request-Count | Should -Be 0
    }
}
