# Get-RunwayRealtimeSession: reads a realtime session, and waits for it with -Wait; an id that cannot be one is refused before any request.
BeforeAll {
    . $PSScriptRoot/../../Helpers/Avatars.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Get-RunwayRealtimeSession' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl; Clear-RunwaySimulatorRequest -Url $SimUrl }

    It 'refuses the id <Id> with zero requests' -ForEach @(@{ Id = '..' }, @{ Id = 'a/b' }) {
        Assert-RefusedId { Get-RunwayRealtimeSession -Id $Id } $Id
    }

    It 'reads a session it did not create and waits with -Wait until it is READY' {
        $session = New-RunwayRealtimeSession -Avatar influencer -MaxDuration 60
        $read = Get-RunwayRealtimeSession -Id $session.Id -Wait
        $read | Should -BeOfType ([Runway.Api.RunwayRealtimeSession])
        $read.Id | Should -Be $session.Id
        $read.Status | Should -Be 'READY'
        @(Get-ApiRequest "/v1/realtime_sessions/$($session.Id)" GET).Count | Should -BeGreaterOrEqual 1
    }
}
