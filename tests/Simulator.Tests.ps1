#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Tests of the Runway API simulator itself (docs/simulator.md), through plain HTTP.

Describe 'Runway API simulator' {
    BeforeAll {
        Import-Module $PSScriptRoot/Simulator.psm1 -Force
        $sim = Start-RunwaySimulator -Configuration ($env:RUNWAY_TEST_CONFIGURATION ?? 'Debug') -Setting @{ PendingMs = 50; RunMs = 300 }
        $script:Url = $sim.Url
        $script:Key = New-RunwayTestKey
        $script:Headers = @{ Authorization = "Bearer $Key"; 'X-Runway-Version' = '2024-11-06' }

        . $PSScriptRoot/SimulatorClient.ps1

        function New-SimTask([string] $Endpoint, [hashtable] $Body) {
            $r = Invoke-Sim -Method Post -Path "/v1/$Endpoint" -Body $Body
            if ($r.Status -ne 200) { throw "Create failed: $($r.Status) $($r.Content)" }
            $r.Json.id
        }

        function Get-Balance { (Invoke-Sim -Path '/v1/organization').Json.creditBalance }

        # CBR MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: 417-byte frames of 1152 samples.
        function New-Mp3([double] $Seconds) {
            $frames = [int][Math]::Ceiling($Seconds * 44100 / 1152)
            $frame = [byte[]]::new(417); $frame[0] = 0xFF; $frame[1] = 0xFB; $frame[2] = 0x90; $frame[3] = 0x44
            $stream = [IO.MemoryStream]::new()
            for ($i = 0; $i -lt $frames; $i++) { $stream.Write($frame, 0, $frame.Length) }
            $stream.ToArray()
        }

        function Read-Wav([byte[]] $b) {
            [pscustomobject]@{
                Riff = [Text.Encoding]::ASCII.GetString($b, 0, 4) + [Text.Encoding]::ASCII.GetString($b, 8, 4)
                Seconds = [BitConverter]::ToUInt32($b, 40) / [BitConverter]::ToUInt32($b, 28)
                DeclaredMatchesLength = [BitConverter]::ToUInt32($b, 40) -eq $b.Length - 44
            }
        }
    }

    AfterAll {
        Stop-RunwaySimulator $sim
    }

    BeforeEach {
        Reset-RunwaySimulator -Url $script:Url
    }

    Describe 'Authentication and headers' {
        It 'rejects a request without Authorization with 401 and a JSON error' {
            $r = Invoke-Sim -Path '/v1/organization' -Headers @{ 'X-Runway-Version' = '2024-11-06' }
            $r.Status | Should -Be 401
            $r.Json.error | Should -Match 'API key'
        }

        It 'rejects a malformed key with 401' -TestCases @(
            @{ Value = 'Bearer key_abc' }, @{ Value = 'Token <key>' }, @{ Value = 'Bearer <KEY>' }, @{ Value = 'Bearer <key>x' }
        ) {
            $authorization = $Value.Replace('<key>', $Key).Replace('<KEY>', $Key.ToUpperInvariant())
            $r = Invoke-Sim -Path '/v1/organization' -Headers @{ Authorization = $authorization; 'X-Runway-Version' = '2024-11-06' }
            $r.Status | Should -Be 401
            $r.Json.error | Should -Not -BeNullOrEmpty
        }

        It 'accepts only the configured keys when ApiKeys is set' {
            $allowed = New-RunwayTestKey
            $null = Set-RunwaySimulatorConfig -Url $Url -Setting @{ ApiKeys = $allowed }
            (Invoke-Sim -Path '/v1/organization').Status | Should -Be 401
            (Invoke-Sim -Path '/v1/organization' -Headers @{ Authorization = "Bearer $allowed"; 'X-Runway-Version' = '2024-11-06' }).Status | Should -Be 200
        }

        It 'requires X-Runway-Version 2024-11-06 (<Case>)' -TestCases @(
            @{ Case = 'missing'; Version = $null }, @{ Case = 'other'; Version = '2023-01-01' }
        ) {
            $h = @{ Authorization = "Bearer $Key" }
            if ($Version) { $h['X-Runway-Version'] = $Version }
            $r = Invoke-Sim -Path '/v1/organization' -Headers $h
            $r.Status | Should -Be 400
            $r.Json.error | Should -Match 'X-Runway-Version'
        }

        It 'requires a JSON content type and a JSON object body' {
            (Invoke-Sim -Method Post -Path '/v1/text_to_image' -Body '{"model":"gen4_image"}' -ContentType 'text/plain').Status | Should -Be 400
            $r = Invoke-Sim -Method Post -Path '/v1/text_to_image' -Body '[1,2]'
            $r.Status | Should -Be 400
            $r.Json.error | Should -Match 'JSON object'
            (Invoke-Sim -Method Post -Path '/v1/text_to_image' -Body '{not json').Status | Should -Be 400
        }

        It 'answers unknown API routes with a JSON 404' {
            $r = Invoke-Sim -Path '/v1/nothing_here'
            $r.Status | Should -Be 404
            $r.Json.error | Should -Not -BeNullOrEmpty
        }
    }

    Describe 'Per-model validation' {
        It '<Endpoint> rejects <Case> at <Field>' -TestCases @(
            @{ Endpoint = 'image_to_video'; Case = 'an unknown ratio'; Field = 'ratio'; Body = @{ model = 'gen4_turbo'; promptImage = 'https://e.com/a.png'; ratio = '1920:1080' } }
            @{ Endpoint = 'image_to_video'; Case = 'duration 11'; Field = 'duration'; Body = @{ model = 'gen4_turbo'; promptImage = 'https://e.com/a.png'; ratio = '1280:720'; duration = 11 } }
            @{ Endpoint = 'image_to_video'; Case = 'a fractional duration'; Field = 'duration'; Body = @{ model = 'gen4_turbo'; promptImage = 'https://e.com/a.png'; ratio = '1280:720'; duration = 5.5 } }
            @{ Endpoint = 'image_to_video'; Case = 'an unknown field'; Field = 'promptTxt'; Body = @{ model = 'gen4_turbo'; promptImage = 'https://e.com/a.png'; ratio = '1280:720'; promptTxt = 'x' } }
            @{ Endpoint = 'image_to_video'; Case = 'a null'; Field = 'seed'; Body = @{ model = 'gen4_turbo'; promptImage = 'https://e.com/a.png'; ratio = '1280:720'; seed = $null } }
            @{ Endpoint = 'image_to_video'; Case = 'seed out of range'; Field = 'seed'; Body = @{ model = 'gen4_turbo'; promptImage = 'https://e.com/a.png'; ratio = '1280:720'; seed = 4294967296 } }
            @{ Endpoint = 'image_to_video'; Case = 'an http:// image'; Field = 'promptImage'; Body = @{ model = 'gen4_turbo'; promptImage = 'http://e.com/a.png'; ratio = '1280:720' } }
            @{ Endpoint = 'image_to_video'; Case = 'a model of another endpoint'; Field = 'model'; Body = @{ model = 'gen4_image'; promptImage = 'https://e.com/a.png'; ratio = '1280:720' } }
            @{ Endpoint = 'image_to_video'; Case = 'a last frame for gen4_turbo'; Field = 'promptImage'; Body = @{ model = 'gen4_turbo'; promptImage = @(@{ uri = 'https://e.com/a.png'; position = 'last' }); ratio = '1280:720' } }
            @{ Endpoint = 'image_to_video'; Case = 'veo3.1 with only a last frame'; Field = 'promptImage'; Body = @{ model = 'veo3.1'; promptImage = @(@{ uri = 'https://e.com/a.png'; position = 'last' }); ratio = '1280:720' } }
            @{ Endpoint = 'image_to_video'; Case = 'veo3.1 duration 5'; Field = 'duration'; Body = @{ model = 'veo3.1'; promptImage = 'https://e.com/a.png'; ratio = '1280:720'; duration = 5 } }
            @{ Endpoint = 'text_to_video'; Case = 'veo3.1 without promptText'; Field = 'promptText'; Body = @{ model = 'veo3.1'; ratio = '1280:720' } }
            @{ Endpoint = 'text_to_video'; Case = 'veo3 (retired)'; Field = 'model'; Body = @{ model = 'veo3'; promptText = 'x'; ratio = '1280:720' } }
            @{ Endpoint = 'text_to_video'; Case = 'veo3.1_fast duration 6.5'; Field = 'duration'; Body = @{ model = 'veo3.1_fast'; promptText = 'x'; ratio = '1280:720'; duration = 6.5 } }
            @{ Endpoint = 'text_to_video'; Case = 'a 1001-character prompt'; Field = 'promptText'; Body = @{ model = 'veo3.1_fast'; promptText = 'x' * 1001; ratio = '1280:720' } }
            @{ Endpoint = 'video_to_video'; Case = 'gen4_aleph (retired)'; Field = 'model'; Body = @{ model = 'gen4_aleph'; videoUri = 'https://e.com/v.mp4'; promptText = 'x' } }
            @{ Endpoint = 'video_to_video'; Case = 'aleph2 references (gen4_aleph only)'; Field = 'references'; Body = @{ model = 'aleph2'; videoUri = 'https://e.com/v.mp4'; promptText = 'x'; references = @(@{ type = 'image'; uri = 'https://e.com/1.png' }) } }
            @{ Endpoint = 'video_to_video'; Case = 'a missing videoUri'; Field = 'videoUri'; Body = @{ model = 'aleph2'; promptText = 'x' } }
            @{ Endpoint = 'text_to_image'; Case = 'gen4_image_turbo without references'; Field = 'referenceImages'; Body = @{ model = 'gen4_image_turbo'; promptText = 'x'; ratio = '1024:1024' } }
            @{ Endpoint = 'text_to_image'; Case = 'gemini with a seed'; Field = 'seed'; Body = @{ model = 'gemini_2.5_flash'; promptText = 'x'; ratio = '1024:1024'; seed = 1 } }
            @{ Endpoint = 'text_to_image'; Case = 'a gen4 ratio for gemini'; Field = 'ratio'; Body = @{ model = 'gemini_2.5_flash'; promptText = 'x'; ratio = '1920:1080' } }
            @{ Endpoint = 'text_to_image'; Case = 'a tag starting with a digit'; Field = 'tag'; Body = @{ model = 'gen4_image'; promptText = 'x'; ratio = '1024:1024'; referenceImages = @(@{ uri = 'https://e.com/a.png'; tag = '1abc' }) } }
            @{ Endpoint = 'text_to_image'; Case = 'four references'; Field = 'referenceImages'; Body = @{ model = 'gen4_image'; promptText = 'x'; ratio = '1024:1024'; referenceImages = @(1..4 | ForEach-Object { @{ uri = 'https://e.com/a.png' } }) } }
            @{ Endpoint = 'text_to_image'; Case = 'a bad moderation threshold'; Field = 'publicFigureThreshold'; Body = @{ model = 'gen4_image'; promptText = 'x'; ratio = '1024:1024'; contentModeration = @{ publicFigureThreshold = 'high' } } }
            @{ Endpoint = 'character_performance'; Case = 'expressionIntensity 6'; Field = 'expressionIntensity'; Body = @{ model = 'act_two'; character = @{ type = 'image'; uri = 'https://e.com/a.png' }; reference = @{ type = 'video'; uri = 'https://e.com/v.mp4' }; expressionIntensity = 6 } }
            @{ Endpoint = 'character_performance'; Case = 'an image reference'; Field = 'type'; Body = @{ model = 'act_two'; character = @{ type = 'image'; uri = 'https://e.com/a.png' }; reference = @{ type = 'image'; uri = 'https://e.com/a.png' } } }
            @{ Endpoint = 'text_to_speech'; Case = 'an unknown preset'; Field = 'presetId'; Body = @{ model = 'eleven_multilingual_v2'; promptText = 'Hello'; voice = @{ type = 'runway-preset'; presetId = 'zz-test-nonexistent-voice' } } }
            @{ Endpoint = 'text_to_speech'; Case = 'an empty prompt'; Field = 'promptText'; Body = @{ model = 'eleven_multilingual_v2'; promptText = ''; voice = @{ type = 'runway-preset'; presetId = 'Leslie' } } }
            @{ Endpoint = 'speech_to_speech'; Case = 'an image media type'; Field = 'type'; Body = @{ model = 'eleven_multilingual_sts_v2'; media = @{ type = 'image'; uri = 'https://e.com/a.mp3' }; voice = @{ type = 'runway-preset'; presetId = 'Maggie' } } }
            @{ Endpoint = 'speech_to_speech'; Case = 'a missing voice'; Field = 'voice'; Body = @{ model = 'eleven_multilingual_sts_v2'; media = @{ type = 'audio'; uri = 'https://e.com/a.mp3' } } }
            @{ Endpoint = 'sound_effect'; Case = 'duration 31'; Field = 'duration'; Body = @{ model = 'eleven_text_to_sound_v2'; promptText = 'rain'; duration = 31 } }
            @{ Endpoint = 'sound_effect'; Case = 'a string loop flag'; Field = 'loop'; Body = @{ model = 'eleven_text_to_sound_v2'; promptText = 'rain'; loop = 'yes' } }
            @{ Endpoint = 'voice_dubbing'; Case = 'an unknown language'; Field = 'targetLang'; Body = @{ model = 'eleven_voice_dubbing'; audioUri = 'https://e.com/a.mp3'; targetLang = 'xx' } }
            @{ Endpoint = 'voice_dubbing'; Case = 'zero speakers'; Field = 'numSpeakers'; Body = @{ model = 'eleven_voice_dubbing'; audioUri = 'https://e.com/a.mp3'; targetLang = 'es'; numSpeakers = 0 } }
            @{ Endpoint = 'voice_isolation'; Case = 'a missing audioUri'; Field = 'audioUri'; Body = @{ model = 'eleven_voice_isolation' } }
        ) {
            $r = Invoke-Sim -Method Post -Path "/v1/$Endpoint" -Body $Body
            $r.Status | Should -Be 400
            $r.Json.error | Should -Be 'Validation of body failed'
            @($r.Json.issues | Where-Object { $_.path[-1] -eq $Field -or ($_.path -contains $Field) }) | Should -Not -BeNullOrEmpty -Because ($r.Content)
        }

        It 'rejects a voice isolation WAV shorter than 4.6 s and accepts a 5 s one' {
            $short = Invoke-Sim -Method Post -Path '/v1/voice_isolation' -Body @{ model = 'eleven_voice_isolation'; audioUri = ConvertTo-DataUri (New-Wav 2) 'audio/wav' }
            $short.Status | Should -Be 400
            $short.Json.issues[0].path | Should -Be @('audioUri')
            $short.Json.issues[0].message | Should -Match '4\.6'
            (Invoke-Sim -Method Post -Path '/v1/voice_isolation' -Body @{ model = 'eleven_voice_isolation'; audioUri = ConvertTo-DataUri (New-Wav 5) 'audio/wav' }).Status | Should -Be 200
        }

        It 'reads MP3 durations: a 3 s MP3 is too short for isolation, a 6 s one is charged 1 credit' {
            (Invoke-Sim -Method Post -Path '/v1/voice_isolation' -Body @{ model = 'eleven_voice_isolation'; audioUri = ConvertTo-DataUri (New-Mp3 3) 'audio/mpeg' }).Status | Should -Be 400
            $before = Get-Balance
            (Invoke-Sim -Method Post -Path '/v1/voice_isolation' -Body @{ model = 'eleven_voice_isolation'; audioUri = ConvertTo-DataUri (New-Mp3 5.9) 'audio/mpeg' }).Status | Should -Be 200
            $before - (Get-Balance) | Should -Be 1
        }

        It 'rejects a data URI whose bytes are not the declared format' {
            $r = Invoke-Sim -Method Post -Path '/v1/image_to_video' -Body @{ model = 'gen4_turbo'; ratio = '1280:720'; promptImage = ConvertTo-DataUri ([Text.Encoding]::ASCII.GetBytes('not an image at all')) 'image/png' }
            $r.Status | Should -Be 400
            $r.Json.issues[0].message | Should -Match 'not a valid image/png'
        }

        It 'rejects a data URI of the wrong kind for the field' {
            $r = Invoke-Sim -Method Post -Path '/v1/voice_dubbing' -Body @{ model = 'eleven_voice_dubbing'; audioUri = $PngUri; targetLang = 'es' }
            $r.Status | Should -Be 400
            $r.Json.issues[0].message | Should -Match 'Unsupported audio type'
        }

        It 'rejects an image data URI over 5 MB' {
            $big = 'data:image/png;base64,' + [Convert]::ToBase64String($PngBytes) + ('A' * (5 * 1024 * 1024))
            $r = Invoke-Sim -Method Post -Path '/v1/text_to_image' -Body @{ model = 'gen4_image'; promptText = 'x'; ratio = '1024:1024'; referenceImages = @(@{ uri = $big }) }
            $r.Status | Should -Be 400
            $r.Json.issues[0].message | Should -Match '5 MB'
        }

        It 'accepts valid requests for every endpoint' -TestCases @(
            @{ Endpoint = 'image_to_video'; Body = @{ model = 'veo3.1'; promptImage = @(@{ uri = 'https://e.com/a.png'; position = 'first' }, @{ uri = 'https://e.com/b.png'; position = 'last' }); ratio = '1920:1080'; duration = 4; audio = $false } }
            @{ Endpoint = 'text_to_video'; Body = @{ model = 'veo3.1_fast'; promptText = 'x'; ratio = '1080:1920' } }
            @{ Endpoint = 'video_to_video'; Body = @{ model = 'aleph2'; videoUri = 'https://e.com/v.mp4'; promptText = 'x'; targetAspectRatio = '4:3' } }
            @{ Endpoint = 'text_to_image'; Body = @{ model = 'gen4_image_turbo'; promptText = '@cat on a sofa'; ratio = '720:720'; referenceImages = @(@{ uri = 'https://e.com/cat.png'; tag = 'cat' }) } }
            @{ Endpoint = 'character_performance'; Body = @{ model = 'act_two'; character = @{ type = 'video'; uri = 'https://e.com/c.mp4' }; reference = @{ type = 'video'; uri = 'https://e.com/r.mp4' }; bodyControl = $true; expressionIntensity = 5 } }
            @{ Endpoint = 'text_to_speech'; Body = @{ model = 'eleven_multilingual_v2'; promptText = 'Hello there'; voice = @{ type = 'runway-preset'; presetId = 'Rachel' } } }
            @{ Endpoint = 'speech_to_speech'; Body = @{ model = 'eleven_multilingual_sts_v2'; media = @{ type = 'audio'; uri = 'https://e.com/a.wav' }; voice = @{ type = 'runway-preset'; presetId = 'Maggie' }; removeBackgroundNoise = $true } }
            @{ Endpoint = 'sound_effect'; Body = @{ model = 'eleven_text_to_sound_v2'; promptText = 'rain'; duration = 0.5; loop = $true } }
            @{ Endpoint = 'voice_dubbing'; Body = @{ model = 'eleven_voice_dubbing'; audioUri = 'https://e.com/a.mp3'; targetLang = 'fil'; numSpeakers = 2; disableVoiceCloning = $true; dropBackgroundAudio = $false } }
        ) {
            $r = Invoke-Sim -Method Post -Path "/v1/$Endpoint" -Body $Body
            $r.Status | Should -Be 200 -Because $r.Content
            $r.Json.id | Should -Match '^[0-9a-f-]{36}$'
            @($r.Json.PSObject.Properties.Name) | Should -Be @('id', 'estimatedCost')
        }
    }

    Describe 'Task lifecycle and outputs' {
        It 'goes PENDING, RUNNING with progress, then SUCCEEDED with a PNG of the ratio size' {
            # Phases long enough to be seen on a loaded machine (the lifecycle is asserted, not its timing).
            $null = Set-RunwaySimulatorConfig -Url $Url -Setting @{ PendingMs = 1500; RunMs = 1500 }
            try {
                $id = New-SimTask 'text_to_image' @{ model = 'gen4_image'; promptText = 'a lighthouse'; ratio = '1920:1080' }
                $response = Invoke-Sim -Path "/v1/tasks/$id"
                $first = $response.Json
                $first.status | Should -Be 'PENDING'
                $response.Content | Should -Match '"createdAt":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"'
                $first.PSObject.Properties.Name | Should -Not -Contain 'output'
                $deadline = [DateTime]::UtcNow.AddSeconds(10)
                do { Start-Sleep -Milliseconds 100; $running = (Invoke-Sim -Path "/v1/tasks/$id").Json } while ($running.status -eq 'PENDING' -and [DateTime]::UtcNow -lt $deadline)
            }
            finally { $null = Set-RunwaySimulatorConfig -Url $Url -Setting @{ PendingMs = 50; RunMs = 300 } }
            $running.status | Should -Be 'RUNNING'
            $running.progress | Should -BeGreaterOrEqual 0
            $running.progress | Should -BeLessOrEqual 1
            $done = Wait-SimTask $id
            $done.status | Should -Be 'SUCCEEDED'
            @($done.output).Count | Should -Be 1
            $done.output[0] | Should -Match "^$([regex]::Escape($Url))/.+\?exp=\d+&sig=[0-9a-f]+$"
            $file = Get-Bytes $done.output[0]
            $file.Status | Should -Be 200
            $file.ContentType | Should -Be 'image/png'
            [Convert]::ToHexString($file.Bytes, 0, 8) | Should -Be '89504E470D0A1A0A'
            Read-UInt32BE $file.Bytes 16 | Should -Be 1920
            Read-UInt32BE $file.Bytes 20 | Should -Be 1080
        }

        It 'produces an MP4 with the ratio size and requested duration' {
            $id = New-SimTask 'image_to_video' @{ model = 'gen4_turbo'; promptImage = $PngUri; ratio = '1104:832'; duration = 3 }
            $file = Get-Bytes (Wait-SimTask $id).output[0]
            $file.ContentType | Should -Be 'video/mp4'
            $mp4 = Read-Mp4 $file.Bytes
            $mp4.FirstBox | Should -Be 'ftyp'
            $mp4.HasMdat | Should -BeTrue
            $mp4.Width | Should -Be 1104
            $mp4.Height | Should -Be 832
            $mp4.Seconds | Should -Be 3
        }

        It 'produces a WAV whose length matches the requested duration' {
            $id = New-SimTask 'sound_effect' @{ model = 'eleven_text_to_sound_v2'; promptText = 'thunder'; duration = 2.5 }
            $file = Get-Bytes (Wait-SimTask $id).output[0]
            $file.ContentType | Should -Be 'audio/wav'
            $wav = Read-Wav $file.Bytes
            $wav.Riff | Should -Be 'RIFFWAVE'
            $wav.Seconds | Should -Be 2.5
            $wav.DeclaredMatchesLength | Should -BeTrue
        }

        It 'produces a dubbing WAV as long as the input audio' {
            $id = New-SimTask 'voice_dubbing' @{ model = 'eleven_voice_dubbing'; audioUri = ConvertTo-DataUri (New-Wav 3) 'audio/x-wav'; targetLang = 'de' }
            (Read-Wav (Get-Bytes (Wait-SimTask $id).output[0]).Bytes).Seconds | Should -Be 3
        }

        It 'ends FAILED with the failureCode from [fail:CODE] and refunds the credits' {
            $before = Get-Balance
            $id = New-SimTask 'text_to_image' @{ model = 'gen4_image'; promptText = 'x [fail:SAFETY.INPUT.TEXT]'; ratio = '1024:1024' }
            Get-Balance | Should -Be ($before - 8)
            $task = Wait-SimTask $id
            $task.status | Should -Be 'FAILED'
            $task.failureCode | Should -Be 'SAFETY.INPUT.TEXT'
            $task.failure | Should -Not -BeNullOrEmpty
            $task.PSObject.Properties.Name | Should -Not -Contain 'output'
            Get-Balance | Should -Be $before
        }

        It 'rejects tampered output URLs with 403 and expired ones with 403, then serves fresh URLs' {
            $id = (New-RunwaySimulatorTask -Url $Url -Model 'gen4_image_turbo' -Status SUCCEEDED).id
            $output = (Invoke-Sim -Path "/v1/tasks/$id").Json.output[0]
            (Get-Bytes $output).Status | Should -Be 200
            # Change the signature's first character to a different one (replacing it with a fixed '0' left it unchanged 1 time in 16).
            $tampered = $output -replace 'sig=(.)', { 'sig=' + $(if ($_.Groups[1].Value -eq '0') { '1' } else { '0' }) }
            $tampered | Should -Not -Be $output
            (Get-Bytes $tampered).Status | Should -Be 403
            (Get-Bytes ($output -replace 'exp=\d+', 'exp=9999999999')).Status | Should -Be 403
            Invoke-RestMethod -Method Post -Uri "$Url/_sim/tasks/$id/expire"
            (Get-Bytes $output).Status | Should -Be 403
            $fresh = (Invoke-Sim -Path "/v1/tasks/$id").Json.output[0]
            $fresh | Should -Not -Be $output
            (Get-Bytes $fresh).Status | Should -Be 200
        }

        It 'expires output URLs after OutputTtlSeconds' {
            $null = Set-RunwaySimulatorConfig -Url $Url -Setting @{ OutputTtlSeconds = 1 }
            $id = (New-RunwaySimulatorTask -Url $Url -Model 'gen4_image' -Status SUCCEEDED).id
            $output = (Invoke-Sim -Path "/v1/tasks/$id").Json.output[0]
            Start-Sleep -Milliseconds 2100
            $r = Get-Bytes $output
            $r.Status | Should -Be 403
        }

        It 'throttles beyond MaxConcurrent and reports maxRunning and maxInFlight' {
            # A run long enough to be seen on a loaded machine: the throttling is asserted, not its timing.
            $null = Set-RunwaySimulatorConfig -Url $Url -Setting @{ RunMs = 3000 }
            try {
                $ids = 1..3 | ForEach-Object { New-SimTask 'text_to_video' @{ model = 'veo3.1_fast'; promptText = "clip $_"; ratio = '720:1280'; duration = 4 } }
                $deadline = [DateTime]::UtcNow.AddSeconds(10)
                do {
                    Start-Sleep -Milliseconds 100
                    $states = $ids | ForEach-Object { (Invoke-Sim -Path "/v1/tasks/$_").Json.status }
                } while (($states -contains 'PENDING') -and [DateTime]::UtcNow -lt $deadline)
            }
            finally { $null = Set-RunwaySimulatorConfig -Url $Url -Setting @{ RunMs = 300 } }
            @($states | Where-Object { $_ -eq 'RUNNING' }).Count | Should -Be 2
            @($states | Where-Object { $_ -eq 'THROTTLED' }).Count | Should -Be 1
            $ids | ForEach-Object { (Wait-SimTask $_).status | Should -Be 'SUCCEEDED' }
            $stats = Get-RunwaySimulatorStat -Url $Url
            $stats.tasksCreated | Should -Be 3
            $stats.maxRunning.'veo3.1_fast' | Should -Be 2
            $stats.maxInFlight.'veo3.1_fast' | Should -Be 3
        }

        It 'runs more at once after MaxConcurrent is raised at run time' {
            $null = Set-RunwaySimulatorConfig -Url $Url -Setting @{ MaxConcurrent = 4 }
            $ids = 1..4 | ForEach-Object { New-SimTask 'text_to_image' @{ model = 'gen4_image_turbo'; promptText = "p $_"; ratio = '720:720'; referenceImages = @(@{ uri = 'https://e.com/a.png' }) } }
            $ids | ForEach-Object { $null = Wait-SimTask $_ }
            (Get-RunwaySimulatorStat -Url $Url).maxRunning.gen4_image_turbo | Should -Be 4
        }

        It 'keeps pinned control tasks in their status' -TestCases @(@{ Status = 'PENDING' }, @{ Status = 'RUNNING' }, @{ Status = 'FAILED' }) {
            $id = (New-RunwaySimulatorTask -Url $Url -Status $Status).id
            Start-Sleep -Milliseconds 400
            $task = (Invoke-Sim -Path "/v1/tasks/$id").Json
            $task.status | Should -Be $Status
            if ($Status -eq 'FAILED') { $task.failureCode | Should -Not -BeNullOrEmpty }
            if ($Status -eq 'RUNNING') { $task.progress | Should -BeOfType [double] }
        }
    }

    Describe 'DELETE /v1/tasks/{id}' {
        It 'cancels an unfinished task with 204 and refunds it' {
            $before = Get-Balance
            $id = New-SimTask 'image_to_video' @{ model = 'gen4_turbo'; promptImage = 'https://e.com/a.png'; ratio = '960:960'; duration = 4 }
            Get-Balance | Should -Be ($before - 20)
            $r = Invoke-Sim -Method Delete -Path "/v1/tasks/$id"
            $r.Status | Should -Be 204
            $r.Content | Should -BeNullOrEmpty
            (Invoke-Sim -Path "/v1/tasks/$id").Json.status | Should -Be 'CANCELLED'
            Get-Balance | Should -Be $before
        }

        It 'deletes a finished task: then GET and its outputs are 404' {
            $id = (New-RunwaySimulatorTask -Url $Url -Status SUCCEEDED).id
            $output = (Invoke-Sim -Path "/v1/tasks/$id").Json.output[0]
            (Invoke-Sim -Method Delete -Path "/v1/tasks/$id").Status | Should -Be 204
            (Invoke-Sim -Path "/v1/tasks/$id").Status | Should -Be 404
            (Get-Bytes $output).Status | Should -Be 404
            (Invoke-Sim -Method Delete -Path "/v1/tasks/$id").Status | Should -Be 404
        }

        It 'answers an unknown task with 404' {
            $r = Invoke-Sim -Path "/v1/tasks/$([guid]::NewGuid())"
            $r.Status | Should -Be 404
            $r.Json.error | Should -Not -BeNullOrEmpty
        }
    }

    Describe 'Uploads' {
        BeforeAll {
            $script:PngFile = Join-Path ([IO.Path]::GetTempPath()) "sim-test-$([guid]::NewGuid()).png"
            [IO.File]::WriteAllBytes($PngFile, $PngBytes)

            function Send-Upload($Upload, [string] $FilePath, [hashtable] $Headers = @{}) {
                $form = [ordered]@{}
                foreach ($p in $Upload.fields.PSObject.Properties) { $form[$p.Name] = $p.Value }
                $form['file'] = Get-Item -LiteralPath $FilePath
                $r = Invoke-WebRequest -Uri $Upload.uploadUrl -Method Post -Form $form -Headers $Headers -SkipHttpErrorCheck
                [int]$r.StatusCode
            }
        }
        AfterAll { Remove-Item -LiteralPath $PngFile -ErrorAction SilentlyContinue }

        It 'issues an upload, takes the file without Authorization, and the runway:// URI works in a create' {
            $upload = (Invoke-Sim -Method Post -Path '/v1/uploads' -Body @{ filename = 'cat.png'; type = 'ephemeral' }).Json
            $upload.uploadUrl | Should -Match '^http://127\.0\.0\.1:\d+/'
            $upload.runwayUri | Should -Match '^runway://'
            $upload.fields | Should -Not -BeNullOrEmpty

            $body = @{ model = 'gen4_turbo'; promptImage = $upload.runwayUri; ratio = '1280:720'; duration = 2 }
            $early = Invoke-Sim -Method Post -Path '/v1/image_to_video' -Body $body
            $early.Status | Should -Be 400
            $early.Json.issues[0].message | Should -Match 'not been completed'

            Send-Upload $upload $PngFile -Headers @{ Authorization = "Bearer $Key" } | Should -Be 400
            Send-Upload $upload $PngFile | Should -Be 204

            $id = New-SimTask 'image_to_video' $body
            (Wait-SimTask $id).status | Should -Be 'SUCCEEDED'
            $storage = @(Get-RunwaySimulatorRequest -Url $Url -Path '/_storage/')
            $storage.Count | Should -Be 2
            $storage[0].status | Should -Be 400
            $storage[0].hasAuthorization | Should -BeTrue
            $storage[1].status | Should -Be 204
        }

        It 'refuses a file that is not the kind the field needs' {
            $wavFile = Join-Path ([IO.Path]::GetTempPath()) "sim-test-$([guid]::NewGuid()).wav"
            [IO.File]::WriteAllBytes($wavFile, (New-Wav 1))
            try {
                $upload = (Invoke-Sim -Method Post -Path '/v1/uploads' -Body @{ filename = 'voice.wav'; type = 'ephemeral' }).Json
                Send-Upload $upload $wavFile | Should -Be 204
                $r = Invoke-Sim -Method Post -Path '/v1/image_to_video' -Body @{ model = 'gen4_turbo'; promptImage = $upload.runwayUri; ratio = '1280:720' }
                $r.Status | Should -Be 400
                $r.Json.issues[0].message | Should -Match 'not a supported image'
            }
            finally { Remove-Item -LiteralPath $wavFile }
        }

        It 'validates the upload request' -TestCases @(
            @{ Body = @{ filename = 'notes.txt'; type = 'ephemeral' } }
            @{ Body = @{ filename = 'cat.png'; type = 'permanent' } }
            @{ Body = @{ filename = 'cat.png' } }
        ) {
            $r = Invoke-Sim -Method Post -Path '/v1/uploads' -Body $Body
            $r.Status | Should -Be 400
            $r.Json.issues | Should -Not -BeNullOrEmpty
        }

        It 'rejects a storage POST whose fields do not match' {
            $upload = (Invoke-Sim -Method Post -Path '/v1/uploads' -Body @{ filename = 'cat.png'; type = 'ephemeral' }).Json
            $upload.fields.PSObject.Properties | Select-Object -First 1 | ForEach-Object { $_.Value = 'tampered' }
            Send-Upload $upload $PngFile | Should -Be 403
        }
    }

    Describe 'Credits, usage and limits' {
        It 'charges <Credits> credits for <Case>' -TestCases @(
            @{ Case = 'gen4_turbo 5 s'; Credits = 25; Endpoint = 'image_to_video'; Body = @{ model = 'gen4_turbo'; promptImage = 'https://e.com/a.png'; ratio = '1280:720'; duration = 5 } }
            @{ Case = 'gen4_turbo default 10 s'; Credits = 50; Endpoint = 'image_to_video'; Body = @{ model = 'gen4_turbo'; promptImage = 'https://e.com/a.png'; ratio = '1280:720' } }
            @{ Case = 'veo3.1 4 s without audio'; Credits = 80; Endpoint = 'text_to_video'; Body = @{ model = 'veo3.1'; promptText = 'x'; ratio = '1280:720'; duration = 4; audio = $false } }
            @{ Case = 'veo3.1_fast default 8 s with audio'; Credits = 120; Endpoint = 'text_to_video'; Body = @{ model = 'veo3.1_fast'; promptText = 'x'; ratio = '1280:720' } }
            @{ Case = 'gen4.5 8 s'; Credits = 96; Endpoint = 'text_to_video'; Body = @{ model = 'gen4.5'; promptText = 'x'; ratio = '1280:720'; duration = 8 } }
            @{ Case = 'gen4.5 4 s as hdr10 (+20/s)'; Credits = 128; Endpoint = 'image_to_video'; Body = @{ model = 'gen4.5'; promptImage = 'https://e.com/a.png'; promptText = 'x'; ratio = '960:960'; duration = 4; outputFormat = 'hdr10' } }
            @{ Case = 'act_two'; Credits = 25; Endpoint = 'character_performance'; Body = @{ model = 'act_two'; character = @{ type = 'image'; uri = 'https://e.com/a.png' }; reference = @{ type = 'video'; uri = 'https://e.com/v.mp4' } } }
            @{ Case = 'gen4_image 720p class'; Credits = 5; Endpoint = 'text_to_image'; Body = @{ model = 'gen4_image'; promptText = 'x'; ratio = '960:720' } }
            @{ Case = 'gen4_image 1080p'; Credits = 8; Endpoint = 'text_to_image'; Body = @{ model = 'gen4_image'; promptText = 'x'; ratio = '1080:1920' } }
            @{ Case = 'gemini_2.5_flash'; Credits = 5; Endpoint = 'text_to_image'; Body = @{ model = 'gemini_2.5_flash'; promptText = 'x'; ratio = '1344:768' } }
            @{ Case = 'TTS of 51 characters'; Credits = 2; Endpoint = 'text_to_speech'; Body = @{ model = 'eleven_multilingual_v2'; promptText = 'y' * 51; voice = @{ type = 'runway-preset'; presetId = 'Leslie' } } }
            @{ Case = 'a default 5 s sound effect'; Credits = 5; Endpoint = 'sound_effect'; Body = @{ model = 'eleven_text_to_sound_v2'; promptText = 'wind' } }
            @{ Case = 'a 2.2 s sound effect'; Credits = 3; Endpoint = 'sound_effect'; Body = @{ model = 'eleven_text_to_sound_v2'; promptText = 'wind'; duration = 2.2 } }
            @{ Case = 'speech to speech of a URL (10 s)'; Credits = 4; Endpoint = 'speech_to_speech'; Body = @{ model = 'eleven_multilingual_sts_v2'; media = @{ type = 'video'; uri = 'https://e.com/v.mp4' }; voice = @{ type = 'runway-preset'; presetId = 'Tom' } } }
            @{ Case = 'dubbing of a URL (10 s)'; Credits = 5; Endpoint = 'voice_dubbing'; Body = @{ model = 'eleven_voice_dubbing'; audioUri = 'https://e.com/a.mp3'; targetLang = 'ja' } }
            @{ Case = 'isolation of a URL (10 s)'; Credits = 2; Endpoint = 'voice_isolation'; Body = @{ model = 'eleven_voice_isolation'; audioUri = 'https://e.com/a.mp3' } }
        ) {
            $before = Get-Balance
            $null = New-SimTask $Endpoint $Body
            $before - (Get-Balance) | Should -Be $Credits
        }

        It 'refuses a create that exceeds the balance' {
            $null = Set-RunwaySimulatorConfig -Url $Url -Setting @{ CreditBalance = 10 }
            $r = Invoke-Sim -Method Post -Path '/v1/image_to_video' -Body @{ model = 'gen4_turbo'; promptImage = 'https://e.com/a.png'; ratio = '1280:720' }
            $r.Status | Should -Be 400
            $r.Json.error | Should -Be 'You do not have enough credits to run this task.'
            Get-Balance | Should -Be 10
        }

        It 'reports usage rows per day and model, net of refunds' {
            $null = New-SimTask 'text_to_image' @{ model = 'gen4_image'; promptText = 'x'; ratio = '1920:1080' }
            $failed = New-SimTask 'text_to_image' @{ model = 'gen4_image'; promptText = '[fail:INTERNAL.BAD_OUTPUT]'; ratio = '1920:1080' }
            $null = New-SimTask 'sound_effect' @{ model = 'eleven_text_to_sound_v2'; promptText = 'x'; duration = 3 }
            $null = Wait-SimTask $failed
            $today = [DateTime]::UtcNow.ToString('yyyy-MM-dd')
            $usage = (Invoke-Sim -Method Post -Path '/v1/organization/usage' -Body @{ startDate = $today; beforeDate = [DateTime]::UtcNow.AddDays(1).ToString('yyyy-MM-dd') }).Json
            @($usage.results).Count | Should -Be 1
            $usage.results[0].date | Should -Be $today
            ($usage.results[0].usedCredits | Where-Object model -EQ 'gen4_image').amount | Should -Be 8
            ($usage.results[0].usedCredits | Where-Object model -EQ 'eleven_text_to_sound_v2').amount | Should -Be 3
            $usage.models | Should -Contain 'gen4_image'
        }

        It 'rejects a usage range over 90 days or reversed' -TestCases @(
            @{ Body = @{ startDate = '2025-01-01'; beforeDate = '2025-06-01' } }
            @{ Body = @{ startDate = '2025-02-01'; beforeDate = '2025-01-01' } }
            @{ Body = @{ startDate = 'yesterday' } }
        ) {
            (Invoke-Sim -Method Post -Path '/v1/organization/usage' -Body $Body).Status | Should -Be 400
        }

        It 'reports the tier and today''s generations in /v1/organization' {
            $null = Set-RunwaySimulatorConfig -Url $Url -Setting @{ MaxConcurrent = 3; MaxDaily = 7 }
            $null = New-SimTask 'text_to_speech' @{ model = 'eleven_multilingual_v2'; promptText = 'hi'; voice = @{ type = 'runway-preset'; presetId = 'Pip' } }
            $org = (Invoke-Sim -Path '/v1/organization').Json
            $org.creditBalance | Should -Be 9999
            $org.tier.maxMonthlyCreditSpend | Should -Be 100000
            $org.tier.models.eleven_multilingual_v2.maxConcurrentGenerations | Should -Be 3
            $org.tier.models.'veo3.1'.maxDailyGenerations | Should -Be 7
            $org.usage.models.eleven_multilingual_v2.dailyGenerations | Should -Be 1
        }

        It 'answers 429 past the daily generation limit of a model' {
            $null = Set-RunwaySimulatorConfig -Url $Url -Setting @{ MaxDaily = 1 }
            $body = @{ model = 'gen4_image'; promptText = 'x'; ratio = '1024:1024' }
            (Invoke-Sim -Method Post -Path '/v1/text_to_image' -Body $body).Status | Should -Be 200
            $r = Invoke-Sim -Method Post -Path '/v1/text_to_image' -Body $body
            $r.Status | Should -Be 429
            $r.Json.error | Should -Match 'daily'
            (Invoke-Sim -Method Post -Path '/v1/text_to_image' -Body @{ model = 'gemini_2.5_flash'; promptText = 'x'; ratio = '1024:1024' }).Status | Should -Be 200
        }
    }

    Describe 'Faults' {
        It 'status: answers the status with the error and retry headers, <Count> times' -TestCases @(@{ Count = 2 }) {
            $null = Add-RunwaySimulatorFault -Url $Url -Path '/v1/organization' -Kind status -Status 429 -ErrorMessage 'slow down' -RetryAfter 2 -RetryAfterMs 150 -Count $Count
            foreach ($i in 1..$Count) {
                $r = Invoke-Sim -Path '/v1/organization'
                $r.Status | Should -Be 429
                $r.Json.error | Should -Be 'slow down'
                "$($r.Headers['Retry-After'])" | Should -Be '2'
                "$($r.Headers['retry-after-ms'])" | Should -Be '150'
            }
            (Invoke-Sim -Path '/v1/organization').Status | Should -Be 200
            @(Get-RunwaySimulatorRequest -Url $Url -Path '/v1/organization' | Where-Object fault -EQ 'status').Count | Should -Be $Count
        }

        It 'matches the method when given' {
            $null = Add-RunwaySimulatorFault -Url $Url -Path '/v1/tasks/' -Method DELETE -Kind status -Status 500
            $id = (New-RunwaySimulatorTask -Url $Url -Status SUCCEEDED).id
            (Invoke-Sim -Path "/v1/tasks/$id").Status | Should -Be 200
            (Invoke-Sim -Method Delete -Path "/v1/tasks/$id").Status | Should -Be 500
            (Invoke-Sim -Method Delete -Path "/v1/tasks/$id").Status | Should -Be 204
        }

        It 'drop: aborts the connection before anything is created' {
            $null = Add-RunwaySimulatorFault -Url $Url -Path '/v1/text_to_image' -Kind drop
            { Invoke-Sim -Method Post -Path '/v1/text_to_image' -Body @{ model = 'gen4_image'; promptText = 'x'; ratio = '1024:1024' } } |
                Should -Throw -ExceptionType ([System.Net.Http.HttpRequestException])
            (Get-RunwaySimulatorStat -Url $Url).tasksCreated | Should -Be 0
            Get-Balance | Should -Be 10000
            $entry = @(Get-RunwaySimulatorRequest -Url $Url -Path '/v1/text_to_image')[0]
            $entry.fault | Should -Be 'drop'
            $entry.status | Should -BeNullOrEmpty
            $entry.taskId | Should -BeNullOrEmpty
        }

        It 'dropAfter: creates the task, then aborts the connection' {
            $null = Add-RunwaySimulatorFault -Url $Url -Path '/v1/text_to_image' -Kind dropAfter
            { Invoke-Sim -Method Post -Path '/v1/text_to_image' -Body @{ model = 'gen4_image'; promptText = 'x'; ratio = '1024:1024' } } |
                Should -Throw -ExceptionType ([System.Net.Http.HttpRequestException])
            (Get-RunwaySimulatorStat -Url $Url).tasksCreated | Should -Be 1
            Get-Balance | Should -Be 9992 -Because 'gen4_image at 1024:1024 is above the 720p class'
            $entry = @(Get-RunwaySimulatorRequest -Url $Url -Path '/v1/text_to_image')[0]
            $entry.fault | Should -Be 'dropAfter'
            $entry.status | Should -Be 200
            (Invoke-Sim -Path "/v1/tasks/$($entry.taskId)").Status | Should -Be 200
        }

        It 'delay: waits delayMs, then handles normally' {
            $null = Add-RunwaySimulatorFault -Url $Url -Path '/v1/organization' -Kind delay -DelayMs 400
            $watch = [Diagnostics.Stopwatch]::StartNew()
            (Invoke-Sim -Path '/v1/organization').Status | Should -Be 200
            $watch.ElapsedMilliseconds | Should -BeGreaterOrEqual 380
        }

        It 'rejects a malformed fault' {
            { Add-RunwaySimulatorFault -Url $Url -Path 'v1' -Kind drop } | Should -Throw
            { Invoke-RestMethod -Method Post -Uri "$Url/_sim/faults" -ContentType 'application/json' -Body '{"path":"/v1/","kind":"status"}' } | Should -Throw
        }
    }

    Describe 'Request log' {
        It 'records API requests with headers, the body with data URIs elided, and the created taskId' {
            $id = New-SimTask 'image_to_video' @{ model = 'gen4_turbo'; promptImage = ConvertTo-DataUri ([byte[]]($PngBytes + [byte[]]::new(300))) 'image/png'; ratio = '1280:720'; duration = 2 }
            $null = Invoke-RestMethod "$Url/_sim/stats"
            $entries = @(Get-RunwaySimulatorRequest -Url $Url)
            $entries.Count | Should -Be 1
            $entry = $entries[0]
            $entry.method | Should -Be 'POST'
            $entry.path | Should -Be '/v1/image_to_video'
            $entry.status | Should -Be 200
            $entry.authorized | Should -BeTrue
            $entry.version | Should -Be '2024-11-06'
            $entry.userAgent | Should -Match 'PowerShell'
            $entry.taskId | Should -Be $id
            $entry.body | Should -Match 'data:image/png;base64,…\(\d+ chars\)'
            $entry.body | Should -Match '"ratio":"1280:720"'
        }

        It 'filters by method and clears' {
            $null = Invoke-Sim -Path '/v1/organization'
            $null = Invoke-Sim -Method Post -Path '/v1/organization/usage' -Body @{}
            @(Get-RunwaySimulatorRequest -Url $Url -Method POST).Count | Should -Be 1
            Invoke-RestMethod -Method Delete -Uri "$Url/_sim/requests"
            @(Get-RunwaySimulatorRequest -Url $Url).Count | Should -Be 0
        }

        It 'serves deterministic blobs for download benchmarks' {
            $blob = Get-Bytes "$Url/_sim/blob/100000"
            $blob.Bytes.Length | Should -Be 100000
            $blob.Bytes[70000] | Should -Be ((70000 * 31 + 7) % 256)
        }
    }
}
