# Get-RunwayAvatarConversation: its tests moved from tests/ResourceReads.Tests.ps1 (the area's shared setup is tests/Helpers/ResourceReads.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/ResourceReads.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Get-RunwayAvatarConversation, a conversation''s avatar image' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'reads avatar.imageUrl of a custom avatar, and null for a preset' {
        $avatar = New-RunwayAvatar -ReferenceImage $Face -Name 'Host' -Personality 'Friendly' -Voice max -Wait -Confirm:$false
        $mine = New-RunwaySimulatorConversation -Url $SimUrl -Conversation @{ avatarId = $avatar.Id }
        $preset = New-RunwaySimulatorConversation -Url $SimUrl -Conversation @{ presetId = 'influencer' }
        (Get-RunwayAvatarConversation -Id $mine.id).AvatarImageUrl | Should -BeLike 'http*'
        (Get-RunwayAvatarConversation -Id $preset.id).AvatarImageUrl | Should -BeNullOrEmpty
    }
}
