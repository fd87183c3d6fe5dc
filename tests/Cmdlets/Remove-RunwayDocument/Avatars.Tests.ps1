# Remove-RunwayDocument: deletes a knowledge document, asks first, and refuses an id that cannot be one before any request.
BeforeAll {
    . $PSScriptRoot/../../Helpers/Avatars.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Remove-RunwayDocument' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl; Clear-RunwaySimulatorRequest -Url $SimUrl }

    It 'refuses the id <Id> with zero requests' -ForEach @(@{ Id = '..' }, @{ Id = 'a/b' }) {
        Assert-RefusedId { Remove-RunwayDocument -Id $Id -Force } $Id
    }

    It '-WhatIf deletes nothing; -Force deletes the document, which is then not found' {
        $doc = New-RunwayDocument -Name 'FAQ' -Content 'We open at 10.'
        Remove-RunwayDocument -Id $doc.Id -WhatIf
        Get-ApiRequest -Method DELETE | Should -HaveCount 0
        Remove-RunwayDocument -Id $doc.Id -Force
        Get-ApiRequest "/v1/documents/$($doc.Id)" DELETE | Should -HaveCount 1
        (Get-ErrorRecord { Get-RunwayDocument -Id $doc.Id }).CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
