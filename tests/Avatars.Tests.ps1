BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1
    $PSDefaultParameterValues['*-Runway*:Confirm'] = $false
    Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
    $task = New-RunwayImage -Prompt 'a face' -Model gen4_image -Ratio 1280:720 -Wait
    $script:Face = Join-Path $TestDrive 'face.png'
    [IO.File]::WriteAllBytes($Face, (Invoke-WebRequest -Uri $task.Output[0]).Content)
    # A 4 s MP3 (the simulator's voice preview) for audio inputs.
    $preview = New-RunwayVoicePreview -Prompt 'A calm and steady test voice for samples'
    $script:Mp3 = Join-Path $TestDrive 'short.mp3'
    [IO.File]::WriteAllBytes($Mp3, (Invoke-WebRequest -Uri $preview.Url).Content)
    $script:Description = 'A warm, low narrator voice with a slight British accent'
    function script:Request-Count([string] $Path = '/v1/') { @(Get-ApiRequest $Path | Where-Object { $_.method -ne 'GET' -or $_.path -notlike '/_*' }).Count }
}

AfterAll {
    Reset-RunwaySimulator -Url $SimUrl
    if ($script:OwnSimulator) { Stop-RunwaySimulator $script:OwnSimulator }
}

Describe 'Custom voices' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Clear-RunwaySimulatorRequest -Url $SimUrl
    }

    It 'designs a voice, waits until READY, lists, renames and deletes it' {
        $voice = New-RunwayVoice -Name 'Narrator' -Prompt $Description -Wait
        $voice | Should -BeOfType ([Runway.Api.RunwayVoice])
        $voice.Status | Should -Be 'READY'
        $voice.PreviewUrl | Should -Match '^http'
        $body = (Get-ApiRequest '/v1/voices' 'POST')[0].body | ConvertFrom-Json
        $body.from.model | Should -Be 'eleven_ttv_v3'
        $body.from.type | Should -Be 'text'
        @(Get-RunwayVoice).Id | Should -Contain $voice.Id
        ($voice | Set-RunwayVoice -Name 'Storyteller' -Description 'Bedtime' -PassThru).Name | Should -Be 'Storyteller'
        Set-RunwayVoice -Id $voice.Id -Description ''
        (Get-RunwayVoice -Id $voice.Id).Description | Should -BeNullOrEmpty
        $voice | Remove-RunwayVoice
        @(Get-RunwayVoice) | Should -HaveCount 0
    }

    It 'previews a description into an MP3 file without creating a voice' {
        $file = New-RunwayVoicePreview -Prompt $Description -Model eleven_multilingual_ttv_v2 -OutFile (Join-Path $TestDrive 'p.mp3') -Force
        $file | Should -BeOfType ([IO.FileInfo])
        $file.Length | Should -BeGreaterThan 0
        ((Get-ApiRequest '/v1/voices/preview' 'POST')[0].body | ConvertFrom-Json).model | Should -Be 'eleven_multilingual_ttv_v2'
        @(Get-RunwayVoice) | Should -HaveCount 0
    }

    It 'refuses bad input with zero requests: <Case>' -ForEach @(
        @{ Case = 'short description'; Script = { New-RunwayVoice -Name 'N' -Prompt 'too short' }; Id = 'Runway.PromptTooShort' }
        @{ Case = 'name over 100'; Script = { New-RunwayVoice -Name ('n' * 101) -Prompt $Description }; Id = 'Runway.NameTooLong' }
        @{ Case = 'unknown design model'; Script = { New-RunwayVoicePreview -Prompt $Description -Model 'eleven_v3' }; Id = 'Runway.UnknownModel' }
        @{ Case = 'nothing to change'; Script = { Set-RunwayVoice -Id 'a2c4e6f8-0000-0000-0000-000000000000' }; Id = 'Runway.NothingToChange' }
        @{ Case = 'clone sample under 10 s'; Script = { New-RunwayVoice -Name 'Me' -Audio $Mp3 }; Id = 'Runway.InvalidDuration' }
        @{ Case = 'an image to clone'; Script = { New-RunwayVoice -Name 'Me' -Audio $Face }; Id = 'Runway.UnsupportedFormat' }
        @{ Case = 'a custom voice for text to speech'; Script = { New-RunwaySpeech -Text 'Hello' -Voice 'a2c4e6f8-0000-0000-0000-000000000000' }; Id = 'Runway.CustomVoiceNotAccepted' }
    ) {
        $record = Get-ErrorRecord $Script
        $record.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        Request-Count | Should -Be 0
    }

    It 'says that text to speech takes presets when given a voice this session created' {
        $voice = New-RunwayVoice -Name 'Narrator' -Prompt $Description -Wait
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $record = Get-ErrorRecord { New-RunwaySpeech -Text 'Hello' -Voice $voice.Id }
        $record.Exception.Message | Should -Match 'preset'
        $record.Exception.Message | Should -Match 'New-RunwayAvatar'
        Request-Count '/v1/text_to_speech' | Should -Be 0
    }

    It 'shows the API''s 404 for a voice id that does not exist' {
        $record = Get-ErrorRecord { Get-RunwayVoice -Id 'a2c4e6f8-0000-0000-0000-000000000000' }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.NotFound,*'
        $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $record.Exception.Message | Should -Match '404'
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

    It 'deleting asks first (ConfirmImpact High) and -WhatIf sends nothing' {
        foreach ($name in 'Remove-RunwayVoice', 'Remove-RunwayDocument', 'Remove-RunwayAvatar') {
            $attribute = (Get-Command $name).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
            $attribute.ConfirmImpact | Should -Be 'High'
        }
        $voice = New-RunwayVoice -Name 'Narrator' -Prompt $Description
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $voice | Remove-RunwayVoice -WhatIf
        Request-Count | Should -Be 0
    }
}

Describe 'Knowledge documents' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl; Clear-RunwaySimulatorRequest -Url $SimUrl }

    It 'creates from text and from piped Markdown files, lists, updates and deletes' {
        $text = New-RunwayDocument -Name 'Hours' -Content 'Open 9-5'
        $text.Content | Should -Be 'Open 9-5'
        Set-Content -Path (Join-Path $TestDrive 'faq.md') -Value '# FAQ', 'Returns are free.'
        $file = Get-ChildItem (Join-Path $TestDrive 'faq.md') | New-RunwayDocument
        $file.Name | Should -Be 'faq.md'
        $file.Content | Should -Match '# FAQ'
        @(Get-RunwayDocument -SortBy updatedAt -Ascending).Id | Should -Be @($text.Id, $file.Id)
        ($text | Set-RunwayDocument -Content 'Open 9-6' -PassThru).Content | Should -Be 'Open 9-6'
        Get-RunwayDocument | Remove-RunwayDocument
        @(Get-RunwayDocument) | Should -HaveCount 0
    }

    It 'refuses a binary file and an empty update with zero requests' {
        (Get-ErrorRecord { New-RunwayDocument -Path $Face }).FullyQualifiedErrorId | Should -BeLike 'Runway.NotText,*'
        (Get-ErrorRecord { Set-RunwayDocument -Id 'd' }).FullyQualifiedErrorId | Should -BeLike 'Runway.NothingToChange,*'
        (Get-ErrorRecord { Set-RunwayDocument -Id 'd' -Content '' }).FullyQualifiedErrorId | Should -BeLike 'Runway.EmptyContent,*'
        Request-Count | Should -Be 0
    }

    It 'warns when a document is likely past the documented 50,000-token knowledge limit' {
        New-RunwayDocument -Name 'Small' -Content ('x' * 1000) -WhatIf -WarningVariable small -WarningAction SilentlyContinue
        $small | Should -BeNullOrEmpty
        New-RunwayDocument -Name 'Big' -Content ('x' * 200100) -WhatIf -WarningVariable big -WarningAction SilentlyContinue
        "$big" | Should -Match '50,000 tokens'
        Request-Count | Should -Be 0
    }
}

Describe 'Avatars' {
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

    It 'updates: clears the start script, replaces the documents, and refuses an update with nothing to change' {
        $avatar = New-RunwayAvatar -ReferenceImage $Face -Name 'Ava' -Personality 'Kind' -Voice victoria -StartScript 'Hi!'
        $updated = $avatar | Set-RunwayAvatar -StartScript '' -DocumentId @() -Voice clara -PassThru
        $updated.StartScript | Should -BeNullOrEmpty
        $updated.Voice.PresetId | Should -Be 'clara'
        $patch = (Get-ApiRequest "/v1/avatars/$($avatar.Id)" 'PATCH')[0].body | ConvertFrom-Json -AsHashtable
        $patch.Keys | Should -Contain 'startScript'
        $patch.startScript | Should -BeNullOrEmpty
        Clear-RunwaySimulatorRequest -Url $SimUrl
        (Get-ErrorRecord { $avatar | Set-RunwayAvatar }).FullyQualifiedErrorId | Should -BeLike 'Runway.NothingToChange,*'
        Request-Count | Should -Be 0
        $avatar | Remove-RunwayAvatar
        @(Get-RunwayAvatar) | Should -HaveCount 0
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

Describe 'Avatar videos' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl; Clear-RunwaySimulatorRequest -Url $SimUrl }

    It 'is a task: unknown price before, journal, wait and save' {
        $whatIf = New-RunwayAvatarVideo -Avatar influencer -Text 'Hello there' -WhatIf 6>&1 | Out-String
        Request-Count | Should -Be 0
        $file = New-RunwayAvatarVideo -Avatar Influencer -Text 'Hello there' -Voice marcus -OutFile (Join-Path $TestDrive 'hello.mp4') -Force
        $file | Should -BeOfType ([IO.FileInfo])
        [Text.Encoding]::ASCII.GetString([IO.File]::ReadAllBytes($file.FullName), 4, 4) | Should -Be 'ftyp'
        $body = (Get-ApiRequest '/v1/avatar_videos' 'POST')[0].body | ConvertFrom-Json
        $body.avatar.presetId | Should -Be 'influencer'
        $body.speech.voice.type | Should -Be 'preset'
        @(Get-RunwayTask | Where-Object Model -eq 'gwm1_avatars') | Should -HaveCount 1
    }

    It 'takes a piped custom avatar and local audio' {
        $avatar = New-RunwayAvatar -ReferenceImage $Face -Name 'Ava' -Personality 'Kind' -Voice victoria -Wait
        $task = $avatar | New-RunwayAvatarVideo -Audio $Mp3 -Wait
        $task.Status | Should -Be 'SUCCEEDED'
        $body = (Get-ApiRequest '/v1/avatar_videos' 'POST')[0].body | ConvertFrom-Json
        $body.avatar | Should -BeLike "*avatarId=$($avatar.Id)*"
        $body.speech.audio | Should -Match '^data:audio/'
    }

    It 'with a spending cap, refuses the unknown price before sending' {
        try {
            Connect-Runway -ApiKey (ConvertTo-SecureString $TestKey -AsPlainText -Force) -BaseUri $SimUrl -MaxCredits 100 -SkipValidation
            (Get-ErrorRecord { New-RunwayAvatarVideo -Avatar influencer -Text 'Hi' }).FullyQualifiedErrorId | Should -BeLike 'Runway.BudgetExceeded,*'
            Request-Count '/v1/avatar_videos' | Should -Be 0
        }
        finally { Disconnect-Runway }
    }
}

Describe 'Realtime sessions' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl; Clear-RunwaySimulatorRequest -Url $SimUrl }

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

Describe 'Conversations and usage' {
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
