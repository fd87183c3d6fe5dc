# New-RunwaySpeech: its tests moved from tests/Audio.Tests.ps1 (the area's shared setup is tests/Helpers/Audio.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Audio.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwaySpeech' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'New-RunwaySpeech -Text Hello -Voice Leslie -OutFile hello.mp3 saves the served audio under that name and says it is WAV' {
        $warnings = @()
        $file = New-RunwaySpeech -Text 'Hello' -Voice Leslie -OutFile hello.mp3 -WarningVariable warnings -WarningAction SilentlyContinue
        $file | Should -BeOfType System.IO.FileInfo
        $file.FullName | Should -Be (Join-Path $TestDrive 'hello.mp3')
        Test-Path ./hello.mp3 | Should -BeTrue
        Get-MediaHead ./hello.mp3 | Should -BeIn 'WAV', 'MP3'
        # The simulator serves WAV: the name is kept, and a warning says what the bytes are.
        Get-MediaHead ./hello.mp3 | Should -Be 'WAV'
        $warnings | Should -HaveCount 1
        "$($warnings[0])" | Should -Match "'hello.mp3' holds WAV audio \(audio/wav\), not what '\.mp3' says"
        "$($warnings[0])" | Should -Match 'hello\.wav'
        Get-WavSeconds ./hello.mp3 | Should -BeGreaterThan 0

        $body = Get-CreateBody text_to_speech
        $body | Should -HaveCount 1
        $body[0].model | Should -Be 'eleven_multilingual_v2'
        $body[0].promptText | Should -Be 'Hello'
        $body[0].voice.type | Should -Be 'runway-preset'
        $body[0].voice.presetId | Should -Be 'Leslie'
    }

    It 'writes no warning when the extension matches the served audio' {
        $warnings = @()
        New-RunwaySpeech -Text 'Hello again' -Voice Leslie -OutFile hello.wav -WarningVariable warnings | Out-Null
        $warnings | Should -HaveCount 0
        Get-MediaHead ./hello.wav | Should -Be 'WAV'
    }

    It 'matches the voice without regard to case and sends the catalog''s spelling' {
        $task = New-RunwaySpeech 'Good morning' -Voice mAgGiE
        $task | Should -BeOfType Runway.Api.RunwayTask
        $task.Model | Should -Be 'eleven_multilingual_v2'
        (Get-CreateBody text_to_speech)[0].voice.presetId | Should -Be 'Maggie'
    }

    It 'speaks each string piped in, one task each' {
        $tasks = @('One.', 'Two.' | New-RunwaySpeech -Voice Rachel -Wait)
        $tasks | Should -HaveCount 2
        $tasks.Status | Select-Object -Unique | Should -Be 'SUCCEEDED'
        (Get-CreateBody text_to_speech).promptText | Sort-Object | Should -Be @('One.', 'Two.')
    }

    It 'CSV rows with Text and Voice columns are text to speech' {
        $rows = @([pscustomobject]@{ Text = 'first line'; Voice = 'Maya' }, [pscustomobject]@{ Text = 'second line'; Voice = 'noah' })
        $tasks = @($rows | New-RunwaySpeech)
        $tasks | Should -HaveCount 2
        $tasks.Endpoint | Should -Be @('text_to_speech', 'text_to_speech')
        $bodies = Get-RunwaySimulatorRequest -Url $SimUrl -Path '/v1/text_to_speech' | ForEach-Object { $_.body | ConvertFrom-Json }
        $bodies.promptText | Should -Be @('first line', 'second line')
        $bodies.voice.presetId | Should -Be @('Maya', 'Noah')
    }

    It 'speech to speech from a piped file: media {type: audio, uri: data URI}, voice, removeBackgroundNoise; output as long as the input' {
        $done = Get-Item ./talk.wav | New-RunwaySpeech -Voice Maggie -RemoveBackgroundNoise -Wait
        $done.Status | Should -Be 'SUCCEEDED'
        $done.Model | Should -Be 'eleven_multilingual_sts_v2'
        $done.EstimatedCredits | Should -Be 1
        $body = Get-CreateBody speech_to_speech
        $body | Should -HaveCount 1
        $body[0].model | Should -Be 'eleven_multilingual_sts_v2'
        $body[0].media.type | Should -Be 'audio'
        $body[0].media.uri | Should -BeLike 'data:audio/wav;base64,*'
        $body[0].voice.presetId | Should -Be 'Maggie'
        $body[0].removeBackgroundNoise | Should -BeTrue
        $body[0].PSObject.Properties.Name | Should -Not -Contain 'promptText'
        $done | Save-RunwayOutput -Path ./sts.wav | Out-Null
        Get-WavSeconds ./sts.wav | Should -Be 3
    }

    It 'speech to speech from -Audio path and from -Video URL: the media type follows the input' {
        New-RunwaySpeech -Audio ./talk.wav -Voice Clint | Out-Null
        New-RunwaySpeech -Video 'https://example.com/interview.mp4' -Voice Clint | Out-Null
        $bodies = Get-CreateBody speech_to_speech
        $bodies | Should -HaveCount 2
        $bodies[0].media.type | Should -Be 'audio'
        $bodies[1].media.type | Should -Be 'video'
        $bodies[1].media.uri | Should -Be 'https://example.com/interview.mp4'
        $bodies[1].PSObject.Properties.Name | Should -Not -Contain 'removeBackgroundNoise'
    }

    It 'a finished video task piped in is re-voiced as video, and its Model property is not taken for -Model' {
        $video = New-RunwayVideo -Prompt 'a presenter speaking' -Model veo3.1_fast -Duration 4 -Wait
        $video.Model | Should -Be 'veo3.1_fast'
        $done = $video | New-RunwaySpeech -Voice Bernard -Wait
        $done.Status | Should -Be 'SUCCEEDED'
        $body = (Get-CreateBody speech_to_speech)[0]
        $body.model | Should -Be 'eleven_multilingual_sts_v2'
        $body.media.type | Should -Be 'video'
        $body.media.uri | Should -Be $video.Output[0]
    }
}

Describe 'New-RunwaySpeech, bad input is rejected with a clear error before any request' {
    BeforeAll {
        [IO.File]::WriteAllBytes((Join-Path $TestDrive 'anim.gif'), [byte[]](0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0) + [byte[]]::new(64))
        [IO.File]::WriteAllText((Join-Path $TestDrive 'readme.wav'), 'This is a text file with a .wav name.')
        [IO.File]::WriteAllBytes((Join-Path $TestDrive 'clip.mkv'), [byte[]](0x1A, 0x45, 0xDF, 0xA3) + [Text.Encoding]::ASCII.GetBytes('....matroska') + [byte[]]::new(64))
    }
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'an unknown voice' {
        $record = Get-ErrorRecord { New-RunwaySpeech -Text 'Hello' -Voice zz-test-nonexistent-voice }
        Assert-RejectedLocally $record 'Runway.UnknownVoice' InvalidArgument 'zz-test-nonexistent-voice'
        $record.Exception.Message | Should -Match 'Leslie'
    }

    It 'an unknown voice for speech to speech (the file is never read into a request)' {
        $record = Get-ErrorRecord { New-RunwaySpeech -Audio ./talk.wav -Voice 'zz-test-nonexistent-voice-for-sts' }
        Assert-RejectedLocally $record 'Runway.UnknownVoice' InvalidArgument 'zz-test-nonexistent-voice-for-sts'
    }

    It 'text over 1000 characters' {
        $record = Get-ErrorRecord { New-RunwaySpeech -Text ('a' * 1001) -Voice Leslie }
        Assert-RejectedLocally $record 'Runway.PromptTooLong' InvalidArgument 1001
        $record.Exception.Message | Should -Match '-Text is 1001 characters'
    }
}

Describe 'New-RunwaySpeech, tab completion reads the catalog' {
    It 'completes -Voice with the presets' {
        $line = 'New-RunwaySpeech -Text hi -Voice Ma'
        $names = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $names | Should -Contain 'Maggie'
        $names | Should -Contain 'Maya'
        $names | ForEach-Object { $_ | Should -BeLike 'Ma*' }
        $all = (TabExpansion2 -inputScript 'New-RunwaySpeech -Voice ' -cursorColumn 'New-RunwaySpeech -Voice '.Length).CompletionMatches
        # As many as the catalog has presets (computed: a preset added to the catalog must not break this test).
        $all | Should -HaveCount @([Runway.Models.ModelCatalog]::VoicePresets).Count
    }

    It 'completes -Model with the model of the speech kind typed so far' {
        $line = 'New-RunwaySpeech -Audio talk.wav -Model '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'eleven_multilingual_sts_v2'
        $line = 'New-RunwayVoiceIsolation -Model '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'eleven_voice_isolation'
    }
}

Describe 'New-RunwaySpeech, the help matches the catalog and the cmdlets' {
    BeforeAll {
        $script:Docs = Join-Path $RepoRoot 'docs/en-US'
        $script:Catalog = [Runway.Models.ModelCatalog]
    }

    It 'the voices listed in the help are the catalog''s presets' {
        $text = Get-Content (Join-Path $Docs 'New-RunwaySpeech.md') -Raw
        $listed = [regex]::Match($text, 'The Runway preset voice: one of ([^.]+)\.').Groups[1].Value -split ', '
        $listed | Should -Be @($Catalog::VoicePresets)
    }
}
