# New-RunwayRealtimeSession: its tests moved from tests/Avatars.Tests.ps1 (the area's shared setup is tests/Helpers/Avatars.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Avatars.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayRealtimeSession, realtime sessions' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl; Clear-RunwaySimulatorRequest -Url $SimUrl
        # A session that would end by itself 2.6 s after its create cannot be stopped by a slow machine's test: keep it running.
        $null = Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ SessionRunMs = 600000 }
    }
    AfterEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'waits until READY, says how to join, and never shows or logs the session key' {
        $verbose = New-RunwayRealtimeSession -Avatar influencer -MaxDuration 60 -Wait -Verbose -InformationVariable info `
            -Integration @{ type = 'livekit'; url = 'wss://lk.example.com'; roomName = 'room'; token = 'LIVEKIT-SECRET' } 4>&1
        $session = $verbose | Where-Object { $_ -is [Runway.Api.RunwayRealtimeSession] }
        $session.Status | Should -Be 'READY'
        $session.HasSessionKey | Should -BeTrue
        $key = $session.ReadSessionKey()
        $key | Should -Match '^rtsk_'
        $text = ($verbose | Out-String) + ($info | Out-String) + ($session | Format-Table | Out-String) + ($session | Format-List | Out-String) + "$session"
        $text | Should -Not -Match ([regex]::Escape($key))
        $text | Should -Not -Match 'LIVEKIT-SECRET'
        "$info" | Should -Match 'ReadSessionKey'
        if ($env:RUNWAY_JOURNAL -and (Test-Path $env:RUNWAY_JOURNAL)) { Get-Content -Raw $env:RUNWAY_JOURNAL | Should -Not -Match ([regex]::Escape($key)) }
        $session | Stop-RunwayRealtimeSession -Force
        (Get-RunwayRealtimeSession -Id $session.Id).Status | Should -Be 'CANCELLED'
    }

    It 'a session that fails while waited for is an error with its code' {
        $record = Get-ErrorRecord { New-RunwayRealtimeSession -Avatar influencer -Personality 'x [fail:SESSION_ERROR]' -Wait }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.SessionFailed,*'
        $record.Exception.Message | Should -Match 'SESSION_ERROR'
    }

    It 'stops waiting at -TimeoutSec; the session goes on' {
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ SessionReadyMs = 60000 } | Out-Null
        try {
            $started = Get-Date
            $record = Get-ErrorRecord { New-RunwayRealtimeSession -Avatar influencer -Wait -TimeoutSec 1 }
            ((Get-Date) - $started).TotalSeconds | Should -BeLessThan 10
            $record.Exception.Message | Should -Match 'Stopped waiting'
            @(Get-ApiRequest '/v1/realtime_sessions' 'DELETE') | Should -HaveCount 0
        }
        finally { Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ SessionReadyMs = 300 } | Out-Null }
    }

    It 'checks the documented tool limits with zero requests' {
        $tools = 1..21 | ForEach-Object { @{ type = 'client_event'; name = "tool$_"; description = 'd' } }
        (Get-ErrorRecord { New-RunwayRealtimeSession -Avatar influencer -Tool $tools }).FullyQualifiedErrorId | Should -BeLike 'Runway.InvalidTool,*'
        (Get-ErrorRecord { New-RunwayRealtimeSession -Avatar influencer -Tool @{ type = 'client_event'; name = '9lives'; description = 'd' } }).FullyQualifiedErrorId | Should -BeLike 'Runway.InvalidTool,*'
        Request-Count | Should -Be 0
        $session = New-RunwayRealtimeSession -Avatar influencer -Tool @{ type = 'backend_rpc'; name = 'lookup'; description = 'Looks up'; timeoutSeconds = 4 }
        ((Get-ApiRequest '/v1/realtime_sessions' 'POST')[0].body | ConvertFrom-Json).tools[0].timeoutSeconds | Should -Be 4
        $session | Stop-RunwayRealtimeSession -Force
    }
}
