# Get-RunwayAvatar: reads an avatar by id and in the list; an id that cannot be one is refused before any request.
BeforeAll {
    . $PSScriptRoot/../../Helpers/Avatars.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Get-RunwayAvatar' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl; Clear-RunwaySimulatorRequest -Url $SimUrl }

    It 'refuses the id <Id> with zero requests' -ForEach @(@{ Id = '..' }, @{ Id = 'a/b' }) {
        Assert-RefusedId { Get-RunwayAvatar -Id $Id } $Id
    }

    It 'gets a custom avatar by id and lists it' {
        $avatar = New-RunwayAvatar -ReferenceImage $Face -Name 'Ava' -Personality 'Kind' -Voice victoria -Wait
        $read = Get-RunwayAvatar -Id $avatar.Id
        $read.Id | Should -Be $avatar.Id
        $read.Name | Should -Be 'Ava'
        @(Get-RunwayAvatar).Id | Should -Contain $avatar.Id
    }
}
