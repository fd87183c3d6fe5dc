# Get-RunwayAvatarUsage: its tests moved from tests/Avatars.Tests.ps1 (the area's shared setup is tests/Helpers/Avatars.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Avatars.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Get-RunwayAvatarUsage, conversations and usage' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl; Clear-RunwaySimulatorRequest -Url $SimUrl }

    It 'gets avatar usage and refuses a range over 90 days with zero requests' {
        New-RunwaySimulatorConversation -Url $SimUrl -Conversation @{ duration = 30 } | Out-Null
        $usage = Get-RunwayAvatarUsage
        $usage.TotalSessions | Should -Be 1
        $usage.TotalSeconds | Should -Be 30
        @($usage.ByDay).Count | Should -BeGreaterOrEqual 30
        Clear-RunwaySimulatorRequest -Url $SimUrl
        (Get-ErrorRecord { Get-RunwayAvatarUsage -Start '2026-01-01' -End '2026-06-01' }).FullyQualifiedErrorId | Should -BeLike 'Runway.RangeTooLong*'
        Request-Count | Should -Be 0
    }
}
