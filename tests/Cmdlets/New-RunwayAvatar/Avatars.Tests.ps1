# New-RunwayAvatar: its tests moved from tests/Avatars.Tests.ps1 (the area's shared setup is tests/Helpers/Avatars.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Avatars.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayAvatar, custom voices' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Clear-RunwaySimulatorRequest -Url $SimUrl
    }

    It 'completes the user''s own voices next to the live presets' {
        $voice = New-RunwayVoice -Name 'Narrator' -Prompt $Description -Wait
        $line = 'New-RunwayAvatar -Voice '
        $matches = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $matches.CompletionText | Should -Contain 'victoria'
        $matches.CompletionText | Should -Contain $voice.Id
        ($matches | Where-Object CompletionText -eq $voice.Id).ToolTip | Should -Match 'Narrator'
        $line = 'New-RunwaySpeech -Voice '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Not -Contain $voice.Id
    }
}

Describe 'New-RunwayAvatar, avatars' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl; Clear-RunwaySimulatorRequest -Url $SimUrl }

    It 'Get-ChildItem face.png | New-RunwayAvatar ... works, with a custom voice by name and a document' {
        $voice = New-RunwayVoice -Name 'Narrator' -Prompt $Description -Wait
        $doc = New-RunwayDocument -Name 'FAQ' -Content 'We open at 10.'
        $avatar = Get-ChildItem $Face | New-RunwayAvatar -Name 'Ava' -Personality 'A friendly guide.' -Voice 'Narrator' -DocumentId $doc.Id -Wait
        $avatar | Should -BeOfType ([Runway.Api.RunwayAvatar])
        $avatar.Status | Should -Be 'READY'
        $avatar.Voice.Id | Should -Be $voice.Id
        $avatar.DocumentIds | Should -Be @($doc.Id)
        $body = (Get-ApiRequest '/v1/avatars' 'POST')[0].body | ConvertFrom-Json
        $body.referenceImage | Should -Match '^data:image/png;base64,'
        $body.voice.type | Should -Be 'custom'
        (Get-RunwayDocument -Id $doc.Id).UsedBy.Id | Should -Be $avatar.Id
    }

    It 'refuses audio or video as a reference image with zero requests' {
        (Get-ErrorRecord { New-RunwayAvatar -ReferenceImage $Mp3 -Name 'A' -Personality 'p' -Voice max }).FullyQualifiedErrorId | Should -BeLike 'Runway.UnsupportedFormat,*'
        (Get-ErrorRecord { Get-Item $Mp3 | New-RunwayAvatar -Name 'A' -Personality 'p' -Voice max }).FullyQualifiedErrorId | Should -BeLike 'Runway.UnsupportedFormat,*'
        Request-Count | Should -Be 0
    }

    It 'warns before sending when the documents together likely pass the 50,000-token knowledge limit (each alone does not)' {
        $a = New-RunwayDocument -Name 'Part A' -Content ('a' * 110000)
        $b = New-RunwayDocument -Name 'Part B' -Content ('b' * 110000)
        New-RunwayAvatar -ReferenceImage $Face -Name 'Ava' -Personality 'Kind' -Voice victoria -DocumentId $a.Id -WhatIf -WarningVariable one -WarningAction SilentlyContinue
        $one | Should -BeNullOrEmpty
        Clear-RunwaySimulatorRequest -Url $SimUrl
        New-RunwayAvatar -ReferenceImage $Face -Name 'Ava' -Personality 'Kind' -Voice victoria -DocumentId $a.Id, $b.Id -WhatIf -WarningVariable both -WarningAction SilentlyContinue
        "$both" | Should -Match "avatar 'Ava' \(2 documents\)"
        "$both" | Should -Match '50,000 tokens'
        @(Get-ApiRequest '/v1/avatars' 'POST') | Should -HaveCount 0
    }

    It 'shows the API''s refusal of a voice id that does not exist' {
        $record = Get-ErrorRecord { New-RunwayAvatar -ReferenceImage $Face -Name 'A' -Personality 'p' -Voice 'a2c4e6f8-0000-0000-0000-000000000000' }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.BadRequest,*'
        $record.Exception.Message | Should -Match 'voice'
    }
}
