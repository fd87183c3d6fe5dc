# Remove-RunwayAvatar: deletes a custom avatar, asks first, and refuses an id that cannot be one before any request.
BeforeAll {
    . $PSScriptRoot/../../Helpers/Avatars.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Remove-RunwayAvatar' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl; Clear-RunwaySimulatorRequest -Url $SimUrl }

    It 'refuses the id <Id> with zero requests' -ForEach @(@{ Id = '..' }, @{ Id = 'a/b' }) {
        Assert-RefusedId { Remove-RunwayAvatar -Id $Id -Force } $Id
    }

    It '-WhatIf deletes nothing; -Force deletes the avatar, which is then not found' {
        $avatar = New-RunwayAvatar -ReferenceImage $Face -Name 'Ava' -Personality 'Kind' -Voice victoria
        Remove-RunwayAvatar -Id $avatar.Id -WhatIf
        Get-ApiRequest -Method DELETE | Should -HaveCount 0
        Remove-RunwayAvatar -Id $avatar.Id -Force
        Get-ApiRequest "/v1/avatars/$($avatar.Id)" DELETE | Should -HaveCount 1
        (Get-ErrorRecord { Get-RunwayAvatar -Id $avatar.Id }).CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
