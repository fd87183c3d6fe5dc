# Get-RunwayDocument: reads a knowledge document by id and in the list; an id that cannot be one is refused before any request.
BeforeAll {
    . $PSScriptRoot/../../Helpers/Avatars.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Get-RunwayDocument' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl; Clear-RunwaySimulatorRequest -Url $SimUrl }

    It 'refuses the id <Id> with zero requests' -ForEach @(@{ Id = '..' }, @{ Id = 'a/b' }) {
        Assert-RefusedId { Get-RunwayDocument -Id $Id } $Id
    }

    It 'gets a document by id and lists it' {
        $doc = New-RunwayDocument -Name 'FAQ' -Content 'We open at 10.'
        $read = Get-RunwayDocument -Id $doc.Id
        $read.Id | Should -Be $doc.Id
        $read.Name | Should -Be 'FAQ'
        @(Get-RunwayDocument).Id | Should -Contain $doc.Id
    }
}
