# Stop-RunwayRealtimeSession: cancels a realtime session, asks first, and refuses an id that cannot be one before any request.
BeforeAll {
    . $PSScriptRoot/../../Helpers/Avatars.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Stop-RunwayRealtimeSession' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl; Clear-RunwaySimulatorRequest -Url $SimUrl }

    It 'refuses the id <Id> with zero requests' -ForEach @(@{ Id = '..' }, @{ Id = 'a/b' }) {
        Assert-RefusedId { Stop-RunwayRealtimeSession -Id $Id -Force } $Id
    }

    It '-WhatIf cancels nothing; -Force cancels the session' {
        $session = New-RunwayRealtimeSession -Avatar influencer -MaxDuration 60
        Stop-RunwayRealtimeSession -Id $session.Id -WhatIf
        Get-ApiRequest -Method DELETE | Should -HaveCount 0
        Stop-RunwayRealtimeSession -Id $session.Id -Force
        Get-ApiRequest "/v1/realtime_sessions/$($session.Id)" DELETE | Should -HaveCount 1
        (Get-RunwayRealtimeSession -Id $session.Id).Status | Should -Be 'CANCELLED'
    }
}
