# Get-RunwayAvatarConversation: its tests moved from tests/Avatars.Tests.ps1 (the area's shared setup is tests/Helpers/Avatars.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Avatars.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Get-RunwayAvatarConversation, conversations and usage' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl; Clear-RunwaySimulatorRequest -Url $SimUrl }

    It 'lists conversations and reads a transcript' {
        $seeded = New-RunwaySimulatorConversation -Url $SimUrl -Conversation @{ transcript = @(@{ role = 'user'; content = 'Hi' }, @{ role = 'assistant'; content = 'Hello!' }) }
        @(Get-RunwayAvatarConversation).Id | Should -Contain $seeded.id
        $turns = @(Get-RunwayAvatarConversation -Id $seeded.id -Transcript)
        $turns.Role | Should -Be @('user', 'assistant')
        $turns[1].Content | Should -Be 'Hello!'
        (Get-RunwayAvatarConversation -Id $seeded.id).HasTranscript | Should -BeTrue
    }

    It 'filters by a custom avatar and a time range' {
        $avatar = New-RunwayAvatar -ReferenceImage $Face -Name 'Ava' -Personality 'Kind' -Voice victoria -Wait
        $mine = New-RunwaySimulatorConversation -Url $SimUrl -Conversation @{ avatarId = $avatar.Id }
        New-RunwaySimulatorConversation -Url $SimUrl -Conversation @{ presetId = 'influencer' } | Out-Null
        @(Get-RunwayAvatarConversation -Avatar $avatar.Id).Id | Should -Be @($mine.id)
        @(Get-RunwayAvatarConversation -Start (Get-Date).AddMinutes(-5) -End (Get-Date).AddMinutes(5)) | Should -HaveCount 2
        (Get-ErrorRecord { Get-RunwayAvatarConversation -Start (Get-Date) -End (Get-Date).AddDays(-1) }).FullyQualifiedErrorId | Should -BeLike 'Runway.InvalidDateRange*'
    }
}

Describe 'Get-RunwayAvatarConversation -Avatar names one avatar: a preset, which the API cannot filter by, is refused' {
    It 'a preset avatar name is Runway.PresetAvatarFilter with the way to filter, and nothing is sent' {
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $record = Get-ErrorRecord { Get-RunwayAvatarConversation -Avatar 'Game-Character' }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.PresetAvatarFilter*'
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $record.TargetObject | Should -Be 'Game-Character'
        "$record" | Should -Match "Where-Object AvatarId -eq 'game-character'"
        Get-ApiRequest | Should -HaveCount 0
    }
}
