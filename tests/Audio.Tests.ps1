BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1

    function Get-CreateBody([string] $Endpoint) {
        # The JSON bodies the simulator received on one create endpoint, parsed.
        @(Get-ApiRequest "/v1/$Endpoint" POST | ForEach-Object { $_.body | ConvertFrom-Json })
    }
    function New-TestWav([string] $Path, [double] $Seconds, [int] $Rate = 16000) {
        # A valid PCM WAV (16-bit mono, a 440 Hz tone) of the given length.
        $full = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
        $samples = [int][math]::Round($Seconds * $Rate)
        $stream = [IO.MemoryStream]::new()
        $w = [IO.BinaryWriter]::new($stream)
        $ascii = [Text.Encoding]::ASCII
        $w.Write($ascii.GetBytes('RIFF')); $w.Write([int](36 + 2 * $samples)); $w.Write($ascii.GetBytes('WAVEfmt '))
        $w.Write([int]16); $w.Write([int16]1); $w.Write([int16]1); $w.Write([int]$Rate); $w.Write([int]($Rate * 2)); $w.Write([int16]2); $w.Write([int16]16)
        $w.Write($ascii.GetBytes('data')); $w.Write([int](2 * $samples))
        for ($i = 0; $i -lt $samples; $i++) { $w.Write([int16](6000 * [math]::Sin(2 * [math]::PI * 440 * $i / $Rate))) }
        $w.Flush()
        [IO.File]::WriteAllBytes($full, $stream.ToArray())
        Get-Item -LiteralPath $full
    }
    function Get-WavSeconds([string] $Path) {
        # Reads a WAV's length from its own chunks (independent of the module's MediaProbe).
        $bytes = [IO.File]::ReadAllBytes((Resolve-Path -LiteralPath $Path).ProviderPath)
        $ascii = [Text.Encoding]::ASCII
        if ($ascii.GetString($bytes, 0, 4) -ne 'RIFF' -or $ascii.GetString($bytes, 8, 4) -ne 'WAVE') { throw "$Path is not a WAV file." }
        $position = 12; $byteRate = 0
        while ($position + 8 -le $bytes.Length) {
            $id = $ascii.GetString($bytes, $position, 4)
            $size = [BitConverter]::ToInt32($bytes, $position + 4)
            if ($id -eq 'fmt ') { $byteRate = [BitConverter]::ToInt32($bytes, $position + 16) }
            if ($id -eq 'data') { return $size / $byteRate }
            $position += 8 + $size + ($size % 2)
        }
        throw "$Path has no data chunk."
    }
    function Get-MediaHead([string] $Path) {
        # 'WAV' or 'MP3' from a file's first bytes, else the hex of its first four bytes.
        $bytes = [IO.File]::ReadAllBytes((Resolve-Path -LiteralPath $Path).ProviderPath)
        $ascii = [Text.Encoding]::ASCII
        if ($bytes.Length -ge 12 -and $ascii.GetString($bytes, 0, 4) -eq 'RIFF' -and $ascii.GetString($bytes, 8, 4) -eq 'WAVE') { return 'WAV' }
        if ($bytes.Length -ge 3 -and ($ascii.GetString($bytes, 0, 3) -eq 'ID3' -or ($bytes[0] -eq 0xFF -and ($bytes[1] -band 0xE0) -eq 0xE0))) { return 'MP3' }
        ($bytes[0..3] | ForEach-Object { $_.ToString('X2') }) -join ''
    }
    function Assert-RejectedLocally($Record, [string] $ErrorId, [string] $Category, $Target) {
        # A clear input error, raised before anything reached the API.
        $Record | Should -Not -BeNullOrEmpty
        $Record.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $Record.CategoryInfo.Category | Should -Be $Category
        if ($PSBoundParameters.ContainsKey('Target')) { $Record.TargetObject | Should -Be $Target }
        $Record.Exception.Message | Should -Not -BeNullOrEmpty
        Get-ApiRequest | Should -HaveCount 0
    }

    Push-Location $TestDrive
    $script:Talk = New-TestWav ./talk.wav 3
    $script:Ten = New-TestWav ./ten.wav 10
    $script:Short = New-TestWav ./short.wav 2
}

AfterAll {
    Pop-Location
    Disconnect-Runway
    if ($script:OwnSimulator) { Stop-RunwaySimulator $script:OwnSimulator }
}

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

Describe 'New-RunwaySoundEffect' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'the requested -Duration is the length of the saved WAV; -Loop is sent' {
        $file = New-RunwaySoundEffect -Prompt 'rain on a tin roof' -Duration 2.5 -Loop -OutFile rain.wav
        $file.Name | Should -Be 'rain.wav'
        Get-WavSeconds ./rain.wav | Should -Be 2.5
        $body = (Get-CreateBody sound_effect)[0]
        $body.model | Should -Be 'eleven_text_to_sound_v2'
        $body.promptText | Should -Be 'rain on a tin roof'
        $body.duration | Should -Be 2.5
        $body.loop | Should -BeTrue
    }

    It 'without -Duration or -Loop sends neither: the model chooses the length' {
        $task = New-RunwaySoundEffect 'a door creaks open' -Wait
        $task.Status | Should -Be 'SUCCEEDED'
        $body = (Get-CreateBody sound_effect)[0]
        $body.PSObject.Properties.Name | Sort-Object | Should -Be @('model', 'promptText')
    }

    It 'accepts a 3000-character prompt' {
        New-RunwaySoundEffect -Prompt ('a' * 3000) -Duration 1 | Out-Null
        (Get-CreateBody sound_effect)[0].promptText.Length | Should -Be 3000
    }
}

Describe 'New-RunwayDubbing' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'Get-Item talk.wav | New-RunwayDubbing -TargetLanguage es -Wait | Save-RunwayOutput -Path ./dub' {
        $files = @(Get-Item talk.wav | New-RunwayDubbing -TargetLanguage es -Wait | Save-RunwayOutput -Path ./dub)
        $files | Should -HaveCount 1
        $files[0].DirectoryName | Should -Be (Join-Path $TestDrive 'dub')
        $files[0].Extension | Should -Be '.wav'
        Get-WavSeconds $files[0].FullName | Should -Be 3
        $body = Get-CreateBody voice_dubbing
        $body | Should -HaveCount 1
        $body[0].model | Should -Be 'eleven_voice_dubbing'
        $body[0].targetLang | Should -Be 'es'
        $body[0].audioUri | Should -BeLike 'data:audio/wav;base64,*'
        $body[0].PSObject.Properties.Name | Sort-Object | Should -Be @('audioUri', 'model', 'targetLang')
    }

    It 'a generated video task piped into dubbing: its output URL is the audio, its Model is ignored, the switches are sent' {
        $video = New-RunwayVideo -Prompt 'a chef explains a recipe' -Model veo3.1_fast -Duration 4 -Wait
        $done = $video | New-RunwayDubbing -TargetLanguage FR -DisableVoiceCloning -DropBackgroundAudio -SpeakerCount 2 -Wait
        $done.Status | Should -Be 'SUCCEEDED'
        $done.Model | Should -Be 'eleven_voice_dubbing'
        $body = (Get-CreateBody voice_dubbing)[0]
        $body.model | Should -Be 'eleven_voice_dubbing'
        $body.audioUri | Should -Be $video.Output[0]
        $body.targetLang | Should -Be 'fr'
        $body.disableVoiceCloning | Should -BeTrue
        $body.dropBackgroundAudio | Should -BeTrue
        $body.numSpeakers | Should -Be 2
    }

    It 'a local MP4 video is sent as audio/mp4, and its length prices the estimate exactly' {
        $video = New-RunwayVideo -Prompt 'a street interview' -Model veo3.1_fast -Duration 6 -OutFile clip.mp4
        Reset-RunwaySimulator -Url $SimUrl
        $task = New-RunwayDubbing -Audio $video -TargetLanguage ja
        $task.EstimatedCredits | Should -Be 3
        $request = Get-ApiRequest /v1/voice_dubbing POST
        $request | Should -HaveCount 1
        $request[0].status | Should -Be 200
        ($request[0].body | ConvertFrom-Json).audioUri | Should -BeLike 'data:audio/mp4;base64,*'
    }

    It 'dubs every file piped in into -OutDirectory, one task per file' {
        $files = @(Get-Item ./talk.wav, ./ten.wav | New-RunwayDubbing -TargetLanguage de -OutDirectory ./dubbed)
        $files | Should -HaveCount 2
        ($files | ForEach-Object { Get-WavSeconds $_.FullName } | Sort-Object) | Should -Be @(3, 10)
        Get-CreateBody voice_dubbing | Should -HaveCount 2
    }

    It '-Model typed beside a piped task is used (and checked)' {
        $video = New-RunwayVideo -Prompt 'a lecture' -Model veo3.1_fast -Duration 4 -Wait
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $record = Get-ErrorRecord { $video | New-RunwayDubbing -TargetLanguage es -Model veo3.1_fast }
        Assert-RejectedLocally $record 'Runway.ModelNotForEndpoint' InvalidArgument 'veo3.1_fast'
        $video | New-RunwayDubbing -TargetLanguage es -Model eleven_voice_dubbing | Out-Null
        (Get-CreateBody voice_dubbing)[0].model | Should -Be 'eleven_voice_dubbing'
    }
}

Describe 'New-RunwayVoiceIsolation' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'isolates the voice of a 10 s WAV: a 10 s output, charged exactly the estimate' {
        $before = (Get-RunwayCredit).CreditBalance
        $file = New-RunwayVoiceIsolation -Audio ./ten.wav -OutFile clean.wav
        $file.Name | Should -Be 'clean.wav'
        Get-WavSeconds ./clean.wav | Should -Be 10
        $body = (Get-CreateBody voice_isolation)[0]
        $body.model | Should -Be 'eleven_voice_isolation'
        $body.audioUri | Should -BeLike 'data:audio/wav;base64,*'
        # 1 credit per started 6 s: 10 s is 2 credits, as estimated.
        (Get-RunwayCredit).CreditBalance | Should -Be ($before - 2)
    }

    It 'a bad file piped among good ones is reported and the others still run' {
        [IO.File]::WriteAllText((Join-Path $TestDrive 'notes.wav'), 'these are my notes, not audio')
        $errors = @()
        $tasks = @(Get-Item ./notes.wav, ./ten.wav | New-RunwayVoiceIsolation -ErrorVariable errors -ErrorAction SilentlyContinue)
        $tasks | Should -HaveCount 1
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.UnsupportedFormat,*'
        Get-CreateBody voice_isolation | Should -HaveCount 1
    }
}

Describe '-WhatIf shows the exact cost and sends nothing' {
    BeforeAll {
        Reset-RunwaySimulator -Url $SimUrl
        $script:WhatIf = @(Invoke-InChildPwsh -Script @"
Set-Location '$TestDrive'
New-RunwaySpeech -Text ('x' * 120) -Voice Leslie -WhatIf
New-RunwaySpeech -Audio ./ten.wav -Voice Maggie -WhatIf
New-RunwaySoundEffect -Prompt 'thunder' -Duration 12.5 -WhatIf
New-RunwaySoundEffect -Prompt 'thunder' -WhatIf
New-RunwayDubbing -Audio ./ten.wav -TargetLanguage es -WhatIf
New-RunwayDubbing -Audio https://example.com/podcast.mp3 -TargetLanguage es -WhatIf
New-RunwayVoiceIsolation -Audio ./ten.wav -WhatIf
New-RunwayVoiceIsolation -Audio https://example.com/podcast.mp3 -WhatIf
"@ | Where-Object { $_ -like 'What if:*' })
    }

    It 'prints one line per command' {
        $WhatIf | Should -HaveCount 8
    }

    It 'text to speech: 1 credit per started 50 characters (120 → 3)' {
        $WhatIf[0] | Should -BeLike '*"Create Runway task for 3 credits ($0.03)" on target "eleven_multilingual_v2 text to speech, voice Leslie, 120 characters"*'
    }

    It 'speech to speech: 1 credit per started 3 s of the input (10 s → 4)' {
        $WhatIf[1] | Should -BeLike '*"Create Runway task for 4 credits ($0.04)" on target "eleven_multilingual_sts_v2 speech to speech, voice Maggie, from ten.wav (10 s)"*'
    }

    It 'sound effect: 1 credit per started second (12.5 s → 13); without -Duration, about the model''s usual 5' {
        $WhatIf[2] | Should -BeLike '*"Create Runway task for 13 credits ($0.13)"*eleven_text_to_sound_v2 sound effect, 12.5 s*'
        $WhatIf[3] | Should -BeLike '*"Create Runway task for about 5 credits ($0.05)"*'
    }

    It 'dubbing: 1 credit per started 2 s (10 s → 5); a URL of unknown length is "about"' {
        $WhatIf[4] | Should -BeLike '*"Create Runway task for 5 credits ($0.05)" on target "eleven_voice_dubbing voice dubbing, into es, from ten.wav (10 s)"*'
        $WhatIf[5] | Should -BeLike '*"Create Runway task for about *'
    }

    It 'voice isolation: 1 credit per started 6 s (10 s → 2); a URL of unknown length is "about"' {
        $WhatIf[6] | Should -BeLike '*"Create Runway task for 2 credits ($0.02)" on target "eleven_voice_isolation voice isolation, from ten.wav (10 s)"*'
        $WhatIf[7] | Should -BeLike '*"Create Runway task for about *'
    }

    It 'sent no request at all' {
        Get-ApiRequest | Should -HaveCount 0
    }
}

Describe 'Bad input is rejected with a clear error before any request' {
    BeforeAll {
        [IO.File]::WriteAllBytes((Join-Path $TestDrive 'anim.gif'), [byte[]](0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0) + [byte[]]::new(64))
        [IO.File]::WriteAllText((Join-Path $TestDrive 'readme.wav'), 'This is a text file with a .wav name.')
        [IO.File]::WriteAllBytes((Join-Path $TestDrive 'clip.mkv'), [byte[]](0x1A, 0x45, 0xDF, 0xA3) + [Text.Encoding]::ASCII.GetBytes('....matroska') + [byte[]]::new(64))
    }
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'an unknown voice' {
        $record = Get-ErrorRecord { New-RunwaySpeech -Text 'Hello' -Voice Bob }
        Assert-RejectedLocally $record 'Runway.UnknownVoice' InvalidArgument 'Bob'
        $record.Exception.Message | Should -Match 'Leslie'
    }

    It 'an unknown voice for speech to speech (the file is never read into a request)' {
        $record = Get-ErrorRecord { New-RunwaySpeech -Audio ./talk.wav -Voice 'Not A Voice' }
        Assert-RejectedLocally $record 'Runway.UnknownVoice' InvalidArgument 'Not A Voice'
    }

    It 'an unknown language code' {
        $record = Get-ErrorRecord { New-RunwayDubbing -Audio ./talk.wav -TargetLanguage xx }
        Assert-RejectedLocally $record 'Runway.UnknownLanguage' InvalidArgument 'xx'
        $record.Exception.Message | Should -Match '\bfil\b'
    }

    It 'a language name instead of its code, with the code suggested' {
        $record = Get-ErrorRecord { New-RunwayDubbing -Audio ./talk.wav -TargetLanguage Spanish }
        Assert-RejectedLocally $record 'Runway.UnknownLanguage' InvalidArgument 'Spanish'
        $record.Exception.Message | Should -Match "use 'es'"
    }

    It 'text over 1000 characters' {
        $record = Get-ErrorRecord { New-RunwaySpeech -Text ('a' * 1001) -Voice Leslie }
        Assert-RejectedLocally $record 'Runway.PromptTooLong' InvalidArgument 1001
        $record.Exception.Message | Should -Match '-Text is 1001 characters'
    }

    It 'a sound effect prompt over 3000 characters' {
        $record = Get-ErrorRecord { New-RunwaySoundEffect -Prompt ('a' * 3001) }
        Assert-RejectedLocally $record 'Runway.PromptTooLong' InvalidArgument 3001
    }

    It 'a sound effect of <Duration> s' -ForEach @(@{ Duration = 31 }, @{ Duration = 0.4 }, @{ Duration = 0 }) {
        $record = Get-ErrorRecord { New-RunwaySoundEffect -Prompt 'a bell' -Duration $Duration }
        Assert-RejectedLocally $record 'Runway.InvalidDuration' InvalidArgument $Duration
        $record.Exception.Message | Should -Match '0\.5–30 s'
    }

    It 'voice isolation of a 2 s recording' {
        $record = Get-ErrorRecord { New-RunwayVoiceIsolation -Audio ./short.wav }
        Assert-RejectedLocally $record 'Runway.InvalidDuration' InvalidArgument (Join-Path $TestDrive 'short.wav')
        $record.Exception.Message | Should -Match '2 s'
        $record.Exception.Message | Should -Match '4\.6–3600 s'
    }

    It 'a GIF given as audio' {
        $record = Get-ErrorRecord { New-RunwayDubbing -Audio ./anim.gif -TargetLanguage es }
        Assert-RejectedLocally $record 'Runway.UnsupportedFormat' InvalidType (Join-Path $TestDrive 'anim.gif')
        $record.Exception.Message | Should -Match 'GIF'
    }

    It 'a text file renamed .wav, for <Command>' -ForEach @(
        @{ Command = 'New-RunwayVoiceIsolation'; Extra = @{} }
        @{ Command = 'New-RunwayDubbing'; Extra = @{ TargetLanguage = 'es' } }
        @{ Command = 'New-RunwaySpeech'; Extra = @{ Voice = 'Leslie' } }
    ) {
        $record = Get-ErrorRecord { & $Command -Audio ./readme.wav @Extra }
        Assert-RejectedLocally $record 'Runway.UnsupportedFormat' InvalidType (Join-Path $TestDrive 'readme.wav')
        $record.Exception.Message | Should -Match 'not a recognised media file'
    }

    It 'a video in a container the audio field does not take (MKV)' {
        $record = Get-ErrorRecord { New-RunwayVoiceIsolation -Audio ./clip.mkv }
        Assert-RejectedLocally $record 'Runway.UnsupportedFormat' InvalidType (Join-Path $TestDrive 'clip.mkv')
        $record.Exception.Message | Should -Match 'MKV video'
    }

    It 'a file that does not exist' {
        $record = Get-ErrorRecord { New-RunwayDubbing -Audio ./missing.wav -TargetLanguage es }
        Assert-RejectedLocally $record 'Runway.FileNotFound' ObjectNotFound
    }

    It 'a speaker count below 1' {
        $record = Get-ErrorRecord { New-RunwayDubbing -Audio ./talk.wav -TargetLanguage es -SpeakerCount 0 }
        Assert-RejectedLocally $record 'Runway.InvalidSpeakerCount' InvalidArgument 0
    }

    It 'a task that is not finished' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status RUNNING).id
        $task = Get-RunwayTask -Id $id
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $record = Get-ErrorRecord { $task | New-RunwayDubbing -TargetLanguage es }
        Assert-RejectedLocally $record 'Runway.TaskNotFinished' InvalidOperation
        $record.TargetObject.Id | Should -Be $id
    }

    It 'an image task piped as audio' {
        $image = New-RunwayImage -Prompt 'a microphone' -Model gen4_image -Wait
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $record = Get-ErrorRecord { $image | New-RunwayVoiceIsolation }
        Assert-RejectedLocally $record 'Runway.WrongMediaKind' InvalidType
        $record.Exception.Message | Should -Match 'made an image, but -Audio needs audio or a video'
    }
}

Describe 'Tab completion reads the catalog' {
    It 'completes -Voice with the presets' {
        $line = 'New-RunwaySpeech -Text hi -Voice Ma'
        $names = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $names | Should -Contain 'Maggie'
        $names | Should -Contain 'Maya'
        $names | ForEach-Object { $_ | Should -BeLike 'Ma*' }
        $all = (TabExpansion2 -inputScript 'New-RunwaySpeech -Voice ' -cursorColumn 'New-RunwaySpeech -Voice '.Length).CompletionMatches
        $all | Should -HaveCount 49
    }

    It 'completes -TargetLanguage with the 29 codes, naming each language' {
        $line = 'New-RunwayDubbing -TargetLanguage '
        $all = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $all | Should -HaveCount 29
        ($all | Where-Object CompletionText -eq 'es').ToolTip | Should -Match '^es: '
        $f = 'New-RunwayDubbing -TargetLanguage f'
        (TabExpansion2 -inputScript $f -cursorColumn $f.Length).CompletionMatches.CompletionText | Sort-Object | Should -Be @('fi', 'fil', 'fr')
    }

    It 'completes -Model with the model of the speech kind typed so far' {
        $line = 'New-RunwaySpeech -Audio talk.wav -Model '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'eleven_multilingual_sts_v2'
        $line = 'New-RunwayVoiceIsolation -Model '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'eleven_voice_isolation'
    }
}

Describe 'The help matches the catalog and the cmdlets' {
    BeforeAll {
        $script:Docs = Join-Path $RepoRoot 'docs/en-US'
        $script:Catalog = [Runway.Models.ModelCatalog]
    }

    It '<Name> has a help file documenting exactly its parameters' -ForEach @(
        @{ Name = 'New-RunwaySpeech' }, @{ Name = 'New-RunwaySoundEffect' }, @{ Name = 'New-RunwayDubbing' }, @{ Name = 'New-RunwayVoiceIsolation' }
    ) {
        $text = Get-Content (Join-Path $Docs "$Name.md") -Raw
        $documented = [regex]::Matches($text, '(?m)^### -(\w+)') | ForEach-Object { $_.Groups[1].Value } | Sort-Object -Unique
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        $actual = (Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common -or $_ -in 'WhatIf', 'Confirm' } | Sort-Object
        $documented | Should -Be $actual
        ([regex]::Matches($text, '(?m)^### Example \d+: .+\n```powershell\n')).Count | Should -BeGreaterOrEqual 2
    }

    It 'the voices listed in the help are the catalog''s presets' {
        $text = Get-Content (Join-Path $Docs 'New-RunwaySpeech.md') -Raw
        $listed = [regex]::Match($text, 'The Runway preset voice: one of ([^.]+)\.').Groups[1].Value -split ', '
        $listed | Should -Be @($Catalog::VoicePresets)
    }

    It 'the language codes listed in the help are the catalog''s' {
        $text = Get-Content (Join-Path $Docs 'New-RunwayDubbing.md') -Raw
        $listed = [regex]::Match($text, 'as a code: ([^.]+)\.').Groups[1].Value -replace ' or ', ', ' -split ', '
        $listed | Should -Be @($Catalog::DubbingLanguages)
    }
}
