#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The simulator's models (every model of the SDK 4.20.1 declarations on the generation endpoints), their costs, and
# the shared behaviour of today's API (docs/simulator.md). The fullest valid body of each model and endpoint is in
# tests/conformance/models.json, which the Node SDK conformance suite sends too.

BeforeDiscovery {
    $script:Cases = @(Get-Content -Raw (Join-Path $PSScriptRoot 'conformance/models.json') | ConvertFrom-Json -AsHashtable)
}

Describe 'Simulator models of SDK 4.20.1' {
    BeforeAll {
        Import-Module $PSScriptRoot/Simulator.psm1 -Force
        $script:Sim = Start-RunwaySimulator -Configuration ($env:RUNWAY_TEST_CONFIGURATION ?? 'Debug') -Setting @{ PendingMs = 20; RunMs = 100 }
        $script:Url = $script:Sim.Url
        $script:Headers = @{ Authorization = "Bearer $(New-RunwayTestKey)"; 'X-Runway-Version' = '2024-11-06' }
        $script:Fullest = @{}
        foreach ($c in @(Get-Content -Raw (Join-Path $PSScriptRoot 'conformance/models.json') | ConvertFrom-Json -AsHashtable)) {
            $script:Fullest["$($c.endpoint) $($c.model)"] = $c.body
        }

        . $PSScriptRoot/SimulatorClient.ps1

        # A deep copy of the fullest body of a model on an endpoint, with fields set and removed.
        function Get-Body([string] $Endpoint, [string] $Model, [hashtable] $Set = @{}, [string[]] $Remove = @()) {
            $body = $script:Fullest["$Endpoint $Model"] | ConvertTo-Json -Depth 10 | ConvertFrom-Json -AsHashtable
            foreach ($key in $Remove) { $body.Remove($key) }
            foreach ($key in $Set.Keys) { $body[$key] = $Set[$key] }
            $body
        }

        $script:Png1x1 = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
    }

    AfterAll { Stop-RunwaySimulator $script:Sim }

    Context 'the fullest body of every model' {
        It '<endpoint> <model>: accepted for <credits> credits, charged <cost>, output <outputs>' -ForEach $Cases {
            $r = Invoke-Sim -Method Post -Path "/v1/$endpoint" -Body $body
            $r.Status | Should -Be 200 -Because ($r.Json | ConvertTo-Json -Depth 5)
            @($r.Json.PSObject.Properties.Name) | Should -Be @('id', 'estimatedCost')
            $r.Json.estimatedCost.credits | Should -Be $credits
            $task = Wait-SimTask $r.Json.id
            $task.status | Should -Be 'SUCCEEDED'
            $task.cost.credits | Should -Be $cost
            $task.PSObject.Properties.Name | Should -Not -Contain 'estimatedCost'
            @($task.output | ForEach-Object { ([uri]$_).AbsolutePath -replace '^.*\.', '' }) | Should -Be $outputs
        }
    }

    Context 'per-model rules' {
        It '<Endpoint> <Model> rejects <Case> at <Field>' -TestCases @(
            # image_to_video
            @{ Endpoint = 'image_to_video'; Model = 'gen4.5'; Case = 'duration 11'; Field = 'duration'; Set = @{ duration = 11 } }
            @{ Endpoint = 'image_to_video'; Model = 'gen4.5'; Case = 'no duration (required)'; Field = 'duration'; Remove = @('duration') }
            @{ Endpoint = 'image_to_video'; Model = 'gen4.5'; Case = 'a text_to_video-only ratio'; Field = 'ratio'; Set = @{ ratio = '1080:1920' } }
            @{ Endpoint = 'image_to_video'; Model = 'gen4.5'; Case = 'a proresProfile with mp4'; Field = 'proresProfile'; Set = @{ outputFormat = 'mp4' } }
            @{ Endpoint = 'image_to_video'; Model = 'gen4.5'; Case = '422 LT with hdr_prores'; Field = 'proresProfile'; Set = @{ outputFormat = 'hdr_prores'; proresProfile = '422 LT' } }
            @{ Endpoint = 'image_to_video'; Model = 'gen4.5'; Case = 'a last frame'; Field = 'position'; Set = @{ promptImage = @(@{ uri = 'https://e.com/a.png'; position = 'last' }) } }
            @{ Endpoint = 'image_to_video'; Model = 'veo3.1'; Case = 'contentModeration'; Field = 'contentModeration'; Set = @{ contentModeration = @{ publicFigureThreshold = 'low' } } }
            @{ Endpoint = 'image_to_video'; Model = 'hailuo3'; Case = 'resolution 1080p'; Field = 'resolution'; Set = @{ resolution = '1080p' } }
            @{ Endpoint = 'image_to_video'; Model = 'hailuo3'; Case = 'references (text/video only)'; Field = 'references'; Set = @{ references = @(@{ uri = 'https://e.com/a.png' }) } }
            @{ Endpoint = 'image_to_video'; Model = 'hailuo3'; Case = 'mixed keyframe and reference images'; Field = 'promptImage'; Set = @{ promptImage = @(@{ uri = 'https://e.com/a.png'; position = 'first' }, @{ uri = 'https://e.com/b.png' }) } }
            @{ Endpoint = 'image_to_video'; Model = 'happyhorse_1_0'; Case = 'a 2501-character prompt'; Field = 'promptText'; Set = @{ promptText = 'x' * 2501 } }
            @{ Endpoint = 'image_to_video'; Model = 'happyhorse_1_0'; Case = 'resolution 2k'; Field = 'resolution'; Set = @{ resolution = '2k' } }
            @{ Endpoint = 'image_to_video'; Model = 'seedance2'; Case = "duration 'long'"; Field = 'duration'; Set = @{ duration = 'long' } }
            @{ Endpoint = 'image_to_video'; Model = 'seedance2'; Case = 'a seedance2_5 ratio'; Field = 'ratio'; Set = @{ ratio = '854:480' } }
            @{ Endpoint = 'image_to_video'; Model = 'seedance2_fast'; Case = 'a 1080p ratio'; Field = 'ratio'; Set = @{ ratio = '1920:1080' } }
            @{ Endpoint = 'image_to_video'; Model = 'seedance2_mini'; Case = 'a 3501-character prompt'; Field = 'promptText'; Set = @{ promptText = 'x' * 3501 } }
            @{ Endpoint = 'image_to_video'; Model = 'seedance2_5'; Case = 'a seedance2 ratio'; Field = 'ratio'; Set = @{ ratio = '864:496' } }
            @{ Endpoint = 'image_to_video'; Model = 'gemini_omni_flash'; Case = 'duration 11'; Field = 'duration'; Set = @{ duration = 11 } }
            @{ Endpoint = 'image_to_video'; Model = 'gemini_omni_flash'; Case = 'duration 5.5'; Field = 'duration'; Set = @{ duration = 5.5 } }
            @{ Endpoint = 'image_to_video'; Model = 'gemini_omni_flash'; Case = 'a last frame'; Field = 'position'; Set = @{ promptImage = @(@{ uri = 'https://e.com/b.png'; position = 'last' }) } }
            @{ Endpoint = 'image_to_video'; Model = 'gemini_omni_flash'; Case = 'two frames'; Field = 'promptImage'; Set = @{ promptImage = @(@{ uri = 'https://e.com/a.png'; position = 'first' }, @{ uri = 'https://e.com/b.png'; position = 'first' }) } }
            @{ Endpoint = 'image_to_video'; Model = 'grok_imagine_1_5'; Case = 'a ratio (text_to_video only)'; Field = 'ratio'; Set = @{ ratio = '16:9' } }
            @{ Endpoint = 'image_to_video'; Model = 'wan3'; Case = 'keyframes with a concrete ratio'; Field = 'ratio'; Set = @{ ratio = '1280:720' } }
            @{ Endpoint = 'image_to_video'; Model = 'gemini_omni_flash_1.1'; Case = 'duration 2'; Field = 'duration'; Set = @{ duration = 2 } }
            @{ Endpoint = 'image_to_video'; Model = 'gemini_omni_flash_1.1'; Case = 'no promptText'; Field = 'promptText'; Remove = @('promptText') }
            @{ Endpoint = 'image_to_video'; Model = 'wan3_prime'; Case = 'no promptText'; Field = 'promptText'; Remove = @('promptText') }
            @{ Endpoint = 'image_to_video'; Model = 'h3_max'; Case = 'only a last frame'; Field = 'promptImage'; Set = @{ promptImage = @(@{ uri = 'https://e.com/a.png'; position = 'last' }) } }
            @{ Endpoint = 'image_to_video'; Model = 'h3_max'; Case = 'resolution 1080p'; Field = 'resolution'; Set = @{ resolution = '1080p' } }
            @{ Endpoint = 'image_to_video'; Model = 'h3_max'; Case = 'an image under 256 px'; Field = 'promptImage'; Set = @{ promptImage = $Png1x1 } }
            # text_to_video
            @{ Endpoint = 'text_to_video'; Model = 'gen4.5'; Case = 'an image_to_video-only ratio'; Field = 'ratio'; Set = @{ ratio = '1104:832' } }
            @{ Endpoint = 'text_to_video'; Model = 'hailuo3'; Case = 'adaptive without references'; Field = 'ratio'; Remove = @('references', 'referenceVideos') }
            @{ Endpoint = 'text_to_video'; Model = 'hailuo3'; Case = 'ten image references'; Field = 'references'; Set = @{ references = @(1..10 | ForEach-Object { @{ uri = 'https://e.com/a.png' } }) } }
            @{ Endpoint = 'text_to_video'; Model = 'happyhorse_1_0'; Case = 'resolution (image_to_video only)'; Field = 'resolution'; Set = @{ resolution = '720p' } }
            @{ Endpoint = 'text_to_video'; Model = 'seedance2'; Case = 'no promptText'; Field = 'promptText'; Remove = @('promptText') }
            @{ Endpoint = 'text_to_video'; Model = 'seedance2_5'; Case = '31 image references'; Field = 'references'; Set = @{ references = @(1..31 | ForEach-Object { @{ uri = 'https://e.com/a.png' } }) } }
            @{ Endpoint = 'text_to_video'; Model = 'grok_imagine_1_5'; Case = '1080p with image references'; Field = 'resolution'; Set = @{ resolution = '1080p' } }
            @{ Endpoint = 'text_to_video'; Model = 'grok_imagine_1_5'; Case = 'audio without an image reference'; Field = 'referenceAudio'; Remove = @('references') }
            @{ Endpoint = 'text_to_video'; Model = 'wan3'; Case = 'eleven image references'; Field = 'references'; Set = @{ references = @(1..11 | ForEach-Object { @{ uri = 'https://e.com/a.png' } }) } }
            @{ Endpoint = 'text_to_video'; Model = 'gemini_omni_flash_1.1'; Case = 'a typed video reference'; Field = 'type'; Set = @{ referenceVideos = @(@{ type = 'video'; uri = 'https://e.com/v.mp4' }) } }
            @{ Endpoint = 'text_to_video'; Model = 'h3_max'; Case = 'an unknown expansion mode'; Field = 'promptExpansionMode'; Set = @{ promptExpansionMode = 'max' } }
            # video_to_video
            @{ Endpoint = 'video_to_video'; Model = 'aleph2'; Case = 'six keyframes'; Field = 'keyframes'; Set = @{ keyframes = @(0..5 | ForEach-Object { @{ seconds = $_; uri = 'https://e.com/a.png' } }) } }
            @{ Endpoint = 'video_to_video'; Model = 'aleph2'; Case = 'a range on some keyframes only'; Field = 'keyframes'; Set = @{ keyframes = @(@{ seconds = 1; uri = 'https://e.com/a.png'; range = @{ start_seconds = 0; end_seconds = 2 } }, @{ at = 0.5; uri = 'https://e.com/b.png' }) } }
            @{ Endpoint = 'video_to_video'; Model = 'aleph2'; Case = 'a keyframe outside its range'; Field = 'seconds'; Set = @{ keyframes = @(@{ seconds = 4; uri = 'https://e.com/a.png'; range = @{ start_seconds = 0; end_seconds = 3 } }) } }
            @{ Endpoint = 'video_to_video'; Model = 'aleph2'; Case = 'at 1.5'; Field = 'at'; Set = @{ keyframes = @(@{ at = 1.5; uri = 'https://e.com/a.png' }) } }
            @{ Endpoint = 'video_to_video'; Model = 'aleph2'; Case = 'a proresProfile with png_sequence'; Field = 'proresProfile'; Set = @{ proresProfile = '4444' } }
            @{ Endpoint = 'video_to_video'; Model = 'aleph2'; Case = 'an HDR output format'; Field = 'outputFormat'; Set = @{ outputFormat = 'hdr10' } }
            @{ Endpoint = 'video_to_video'; Model = 'aleph2'; Case = 'target aspect 5:4'; Field = 'targetAspectRatio'; Set = @{ targetAspectRatio = '5:4' } }
            @{ Endpoint = 'video_to_video'; Model = 'hailuo3'; Case = 'no promptVideo'; Field = 'promptVideo'; Remove = @('promptVideo') }
            @{ Endpoint = 'video_to_video'; Model = 'seedance2_5'; Case = 'a ratio in edit mode'; Field = 'ratio'; Set = @{ ratio = '1280:720' } }
            @{ Endpoint = 'video_to_video'; Model = 'seedance2_5'; Case = 'edit without duration auto'; Field = 'duration'; Set = @{ duration = 5 } }
            @{ Endpoint = 'video_to_video'; Model = 'seedance2_5'; Case = 'extend without promptText'; Field = 'promptText'; Set = @{ mode = 'extend' }; Remove = @('promptText') }
            @{ Endpoint = 'video_to_video'; Model = 'gemini_omni_flash'; Case = 'a duration'; Field = 'duration'; Set = @{ duration = 5 } }
            @{ Endpoint = 'video_to_video'; Model = 'gemini_omni_flash_1.1'; Case = 'an unknown mode'; Field = 'mode'; Set = @{ mode = 'loop' } }
            # text_to_image
            @{ Endpoint = 'text_to_image'; Model = 'gpt_image_2'; Case = 'outputCount 11'; Field = 'outputCount'; Set = @{ outputCount = 11 } }
            @{ Endpoint = 'text_to_image'; Model = 'gpt_image_2'; Case = 'quality xhigh'; Field = 'quality'; Set = @{ quality = 'xhigh' } }
            @{ Endpoint = 'text_to_image'; Model = 'gpt_image_2'; Case = 'a 32001-character prompt'; Field = 'promptText'; Set = @{ promptText = 'x' * 32001 } }
            @{ Endpoint = 'text_to_image'; Model = 'gpt_image_2'; Case = 'a duplicate tag'; Field = 'tag'; Set = @{ referenceImages = @(@{ uri = 'https://e.com/a.png'; tag = 'same' }, @{ uri = 'https://e.com/b.png'; tag = 'same' }) } }
            @{ Endpoint = 'text_to_image'; Model = 'gpt_image_2_5_flare'; Case = 'a transparent background'; Field = 'background'; Set = @{ background = 'transparent' } }
            @{ Endpoint = 'text_to_image'; Model = 'gpt_image_2_5_sunburst'; Case = '17 references'; Field = 'referenceImages'; Set = @{ referenceImages = @(1..17 | ForEach-Object { @{ uri = 'https://e.com/a.png' } }) } }
            @{ Endpoint = 'text_to_image'; Model = 'gemini_image3.1_flash'; Case = 'outputCount 2'; Field = 'outputCount'; Set = @{ outputCount = 2 } }
            @{ Endpoint = 'text_to_image'; Model = 'gemini_image3.1_flash'; Case = 'six human subjects'; Field = 'referenceImages'; Set = @{ referenceImages = @(1..6 | ForEach-Object { @{ uri = 'https://e.com/a.png'; subject = 'human' } }) } }
            @{ Endpoint = 'text_to_image'; Model = 'gemini_image3_pro'; Case = 'a 3.1-flash-only ratio'; Field = 'ratio'; Set = @{ ratio = '512:512' } }
            @{ Endpoint = 'text_to_image'; Model = 'muse_image'; Case = 'outputFormat gif'; Field = 'outputFormat'; Set = @{ outputFormat = 'gif' } }
            @{ Endpoint = 'text_to_image'; Model = 'muse_image'; Case = 'eleven references'; Field = 'referenceImages'; Set = @{ referenceImages = @(1..11 | ForEach-Object { @{ uri = 'https://e.com/a.png' } }) } }
            @{ Endpoint = 'text_to_image'; Model = 'seedream5_pro'; Case = 'a 4001-character prompt'; Field = 'promptText'; Set = @{ promptText = 'x' * 4001 } }
            @{ Endpoint = 'text_to_image'; Model = 'seedream5_pro'; Case = 'outputFormat webp'; Field = 'outputFormat'; Set = @{ outputFormat = 'webp' } }
            @{ Endpoint = 'text_to_image'; Model = 'seedream5_lite'; Case = 'a freeform size under 3686400 pixels'; Field = 'ratio'; Set = @{ ratio = '1000:1000' } }
            @{ Endpoint = 'text_to_image'; Model = 'grok_imagine_image_2'; Case = 'edit without references'; Field = 'edit'; Remove = @('referenceImages') }
            @{ Endpoint = 'text_to_image'; Model = 'grok_imagine_image_2'; Case = 'four references'; Field = 'referenceImages'; Set = @{ referenceImages = @(1..4 | ForEach-Object { @{ uri = 'https://e.com/a.png' } }) } }
            @{ Endpoint = 'text_to_image'; Model = 'gemini_2.5_flash'; Case = 'contentModeration'; Field = 'contentModeration'; Set = @{ contentModeration = @{ publicFigureThreshold = 'low' } } }
            # audio
            @{ Endpoint = 'text_to_speech'; Model = 'seed_audio'; Case = 'sampleRate 22050'; Field = 'sampleRate'; Set = @{ sampleRate = 22050 } }
            @{ Endpoint = 'text_to_speech'; Model = 'seed_audio'; Case = 'a preset voice'; Field = 'type'; Set = @{ voice = @{ type = 'runway-preset'; audioUri = 'https://e.com/a.mp3' } } }
            @{ Endpoint = 'text_to_speech'; Model = 'seed_audio'; Case = 'referenceAudios (sound_effect only)'; Field = 'referenceAudios'; Set = @{ referenceAudios = @('https://e.com/a.mp3') } }
            @{ Endpoint = 'text_to_speech'; Model = 'eleven_v3'; Case = 'speed 1.3'; Field = 'speed'; Set = @{ speed = 1.3 } }
            @{ Endpoint = 'text_to_speech'; Model = 'eleven_v3'; Case = "languageCode 'eng'"; Field = 'languageCode'; Set = @{ languageCode = 'eng' } }
            @{ Endpoint = 'text_to_speech'; Model = 'eleven_v3'; Case = 'stability 2'; Field = 'stability'; Set = @{ stability = 2 } }
            @{ Endpoint = 'sound_effect'; Model = 'seed_audio'; Case = 'four reference clips'; Field = 'referenceAudios'; Set = @{ referenceAudios = @(1..4 | ForEach-Object { 'https://e.com/a.mp3' }) } }
            @{ Endpoint = 'sound_effect'; Model = 'seed_audio'; Case = 'an outputFormat flac'; Field = 'outputFormat'; Set = @{ outputFormat = 'flac' } }
        ) {
            $body = Get-Body $Endpoint $Model -Set ($Set ?? @{}) -Remove ($Remove ?? @())
            $r = Invoke-Sim -Method Post -Path "/v1/$Endpoint" -Body $body
            $r.Status | Should -Be 400
            $r.Json.error | Should -Be 'Validation of body failed'
            @($r.Json.issues | ForEach-Object { $_.path[-1] }) | Should -Contain $Field
        }

        It 'rejects gen4_aleph and veo3 as unknown models, naming them' -TestCases @(
            @{ Endpoint = 'video_to_video'; Body = @{ model = 'gen4_aleph'; videoUri = 'https://e.com/v.mp4'; promptText = 'x' }; Name = 'gen4_aleph' }
            @{ Endpoint = 'text_to_video'; Body = @{ model = 'veo3'; promptText = 'x'; ratio = '1280:720' }; Name = 'veo3' }
            @{ Endpoint = 'image_to_video'; Body = @{ model = 'veo3'; promptImage = 'https://e.com/a.png'; ratio = '1280:720' }; Name = 'veo3' }
        ) {
            $r = Invoke-Sim -Method Post -Path "/v1/$Endpoint" -Body $Body
            $r.Status | Should -Be 400
            $r.Json.issues[0].path | Should -Be @('model')
            $r.Json.issues[0].message | Should -Match "received '$([regex]::Escape($Name))'"
        }

        It 'accepts gen4_aleph and veo3 again with AcceptRetiredModels' {
            Set-RunwaySimulatorConfig -Url $Url -Setting @{ AcceptRetiredModels = $true }
            try {
                $r = Invoke-Sim -Method Post -Path '/v1/video_to_video' -Body @{ model = 'gen4_aleph'; videoUri = 'https://e.com/v.mp4'; promptText = 'x' }
                $r.Status | Should -Be 200
                $r.Json.estimatedCost.credits | Should -Be 75
                (Invoke-Sim -Method Post -Path '/v1/text_to_video' -Body @{ model = 'veo3'; promptText = 'x'; ratio = '1280:720' }).Json.estimatedCost.credits | Should -Be 320
            }
            finally { Set-RunwaySimulatorConfig -Url $Url -Setting @{ AcceptRetiredModels = $false } }
        }

        It 'caps data URIs at 5 MB for <Kind> too' -TestCases @(
            @{ Kind = 'video'; Endpoint = 'video_to_video'; Model = 'aleph2'; Field = 'videoUri'; Mime = 'video/mp4' }
            @{ Kind = 'audio'; Endpoint = 'text_to_speech'; Model = 'seed_audio'; Field = 'audioUri'; Mime = 'audio/wav' }
        ) {
            $uri = "data:$Mime;base64," + ('A' * (5 * 1024 * 1024))
            $body = Get-Body $Endpoint $Model
            if ($Field -eq 'audioUri') { $body.voice = @{ type = 'reference-audio'; audioUri = $uri } } else { $body[$Field] = $uri }
            $r = Invoke-Sim -Method Post -Path "/v1/$Endpoint" -Body $body
            $r.Status | Should -Be 400
            $r.Json.issues[0].message | Should -Match 'at most 5 MB'
        }
    }

    Context 'output files' {
        It '<Model> <Format> produces <Expect>' -TestCases @(
            @{ Model = 'gen4.5'; Format = 'prores'; Expect = 'a QuickTime .mov with a ProRes 4444 track (the declared default)'; Check = { param($b, $t) $t | Should -Be 'video/quicktime'; [Text.Encoding]::ASCII.GetString($b, 4, 8) | Should -Be 'ftypqt  '; [Text.Encoding]::ASCII.GetString($b) | Should -Match 'ap4h' } }
            @{ Model = 'gen4.5'; Format = 'hdr10'; Expect = 'an .mp4 with an HEVC (hvc1) track'; Check = { param($b, $t) $t | Should -Be 'video/mp4'; [Text.Encoding]::ASCII.GetString($b) | Should -Match 'hvc1' } }
            @{ Model = 'gen4.5'; Format = 'hdr_exr_sequence'; Expect = 'a .zip of OpenEXR frames and colorimetry.json'; Check = {
                    param($b, $t)
                    $t | Should -Be 'application/zip'
                    $zip = [IO.Compression.ZipArchive]::new([IO.MemoryStream]::new($b))
                    @($zip.Entries.Name) | Should -Be @('frame.0001.exr', 'frame.0002.exr', 'colorimetry.json')
                    $s = $zip.Entries[0].Open(); $magic = [byte[]]::new(4); $null = $s.Read($magic, 0, 4); $s.Dispose()
                    $magic | Should -Be @(0x76, 0x2F, 0x31, 0x01)
                } }
        ) {
            $body = Get-Body 'text_to_video' 'gen4.5' -Set @{ outputFormat = $Format }
            $id = (Invoke-Sim -Method Post -Path '/v1/text_to_video' -Body $body).Json.id
            $file = Get-Bytes (Wait-SimTask $id).output[0]
            & $Check $file.Bytes $file.ContentType
        }

        It 'a prores .mov carries the ProRes sample entry of <Profile>: <FourCC>' -TestCases @(
            @{ Profile = '4444'; FourCC = 'ap4h' }
            @{ Profile = '422 LT'; FourCC = 'apcs' }
            @{ Profile = '4444 XQ'; FourCC = 'ap4x' }
        ) {
            $body = Get-Body 'text_to_video' 'gen4.5' -Set @{ outputFormat = 'prores'; proresProfile = $Profile }
            $file = Get-Bytes (Wait-SimTask (Invoke-Sim -Method Post -Path '/v1/text_to_video' -Body $body).Json.id).output[0]
            $text = [Text.Encoding]::ASCII.GetString($file.Bytes)
            $text | Should -Match $FourCC
            $text | Should -Not -Match 'apch'
        }

        It 'png_sequence with audio gives a .zip of PNG frames and a separate .wav' {
            $id = (Invoke-Sim -Method Post -Path '/v1/text_to_video' -Body (Get-Body 'text_to_video' 'gen4.5')).Json.id
            $task = Wait-SimTask $id
            $zip = [IO.Compression.ZipArchive]::new([IO.MemoryStream]::new((Get-Bytes $task.output[0]).Bytes))
            @($zip.Entries.Name) | Should -Be @('frame_0001.png', 'frame_0002.png')
            $wav = Get-Bytes $task.output[1]
            $wav.ContentType | Should -Be 'audio/wav'
            [BitConverter]::ToUInt32($wav.Bytes, 40) / 32000 | Should -Be 2
        }

        It 'image formats: jpeg, webp and a transparent PNG' {
            $jpg = (Wait-SimTask (Invoke-Sim -Method Post -Path '/v1/text_to_image' -Body (Get-Body 'text_to_image' 'seedream5_pro')).Json.id).output[0]
            $bytes = (Get-Bytes $jpg).Bytes
            $bytes[0..2] | Should -Be @(0xFF, 0xD8, 0xFF)
            $bytes[-2..-1] | Should -Be @(0xFF, 0xD9)
            $webp = Get-Bytes (Wait-SimTask (Invoke-Sim -Method Post -Path '/v1/text_to_image' -Body (Get-Body 'text_to_image' 'muse_image')).Json.id).output[0]
            $webp.ContentType | Should -Be 'image/webp'
            [Text.Encoding]::ASCII.GetString($webp.Bytes, 8, 8) | Should -Be 'WEBPVP8L'
            $png = (Get-Bytes (Wait-SimTask (Invoke-Sim -Method Post -Path '/v1/text_to_image' -Body (Get-Body 'text_to_image' 'gpt_image_2')).Json.id).output[0]).Bytes
            $png[25] | Should -Be 6 # colour type: truecolour with alpha
        }

        It 'audio formats: mp3 and ogg opus' {
            $mp3 = Get-Bytes (Wait-SimTask (Invoke-Sim -Method Post -Path '/v1/text_to_speech' -Body (Get-Body 'text_to_speech' 'seed_audio')).Json.id).output[0]
            $mp3.ContentType | Should -Be 'audio/mpeg'
            $mp3.Bytes[0..3] | Should -Be @(0xFF, 0xFB, 0x54, 0xC0)
            $ogg = Get-Bytes (Wait-SimTask (Invoke-Sim -Method Post -Path '/v1/sound_effect' -Body (Get-Body 'sound_effect' 'seed_audio')).Json.id).output[0]
            $ogg.ContentType | Should -Be 'audio/ogg'
            [Text.Encoding]::ASCII.GetString($ogg.Bytes, 0, 4) | Should -Be 'OggS'
            [Text.Encoding]::ASCII.GetString($ogg.Bytes, 28, 8) | Should -Be 'OpusHead'
        }
    }

    Context 'costs' {
        It 'a <Status> task carries <Field>' -TestCases @(
            @{ Status = 'PENDING'; Field = 'estimatedCost' }
            @{ Status = 'THROTTLED'; Field = 'estimatedCost' }
            @{ Status = 'RUNNING'; Field = 'estimatedCost' }
            @{ Status = 'SUCCEEDED'; Field = 'cost' }
            @{ Status = 'FAILED'; Field = 'cost' }
            @{ Status = 'CANCELLED'; Field = 'cost' }
        ) {
            $id = (New-RunwaySimulatorTask -Url $Url -Model 'gen4.5' -Status $Status).id
            $task = (Invoke-Sim -Path "/v1/tasks/$id").Json
            $task.status | Should -Be $Status
            $task.$Field.credits | Should -Be 0
            $other = if ($Field -eq 'cost') { 'estimatedCost' } else { 'cost' }
            $task.PSObject.Properties.Name | Should -Not -Contain $other
        }

        It 'an unfinished task carries the estimate; a cancelled one costs 0 and is refunded' {
            Set-RunwaySimulatorConfig -Url $Url -Setting @{ RunMs = 5000 }
            try {
                $before = (Invoke-Sim -Path '/v1/organization').Json.creditBalance
                $id = (Invoke-Sim -Method Post -Path '/v1/text_to_video' -Body @{ model = 'gen4.5'; promptText = 'x'; ratio = '1280:720'; duration = 3 }).Json.id
                (Invoke-Sim -Path "/v1/tasks/$id").Json.estimatedCost.credits | Should -Be 36
                (Invoke-Sim -Path '/v1/organization').Json.creditBalance | Should -Be ($before - 36)
                (Invoke-Sim -Method Delete -Path "/v1/tasks/$id").Status | Should -Be 204
                $task = (Invoke-Sim -Path "/v1/tasks/$id").Json
                $task.status | Should -Be 'CANCELLED'
                $task.cost.credits | Should -Be 0
                (Invoke-Sim -Path '/v1/organization').Json.creditBalance | Should -Be $before
            }
            finally { Set-RunwaySimulatorConfig -Url $Url -Setting @{ RunMs = 100 } }
        }

        It 'a failed task costs 0' {
            $id = (Invoke-Sim -Method Post -Path '/v1/text_to_image' -Body @{ model = 'muse_image'; promptText = 'x [fail:SAFETY.OUTPUT]'; ratio = 'auto' }).Json.id
            $task = Wait-SimTask $id
            $task.status | Should -Be 'FAILED'
            $task.cost.credits | Should -Be 0
        }

        It 'duration auto is charged at the maximum, and the unused credits return on success' {
            $before = (Invoke-Sim -Path '/v1/organization').Json.creditBalance
            $r = Invoke-Sim -Method Post -Path '/v1/text_to_video' -Body @{ model = 'seedance2_mini'; promptText = 'x'; duration = 'auto' }
            $r.Json.estimatedCost.credits | Should -Be 120
            (Wait-SimTask $r.Json.id).cost.credits | Should -Be 40
            (Invoke-Sim -Path '/v1/organization').Json.creditBalance | Should -Be ($before - 40)
        }
    }

    Context 'tier, usage and faults' {
        It 'null tier limits per model: <Setting>' -TestCases @(
            @{ Setting = 'UnlimitedConcurrentModels'; Field = 'maxConcurrentGenerations' }
            @{ Setting = 'UnlimitedDailyModels'; Field = 'maxDailyGenerations' }
        ) {
            Set-RunwaySimulatorConfig -Url $Url -Setting @{ $Setting = 'wan3,h3_max' }
            try {
                $tier = (Invoke-Sim -Path '/v1/organization').Json.tier.models
                $tier.wan3.$Field | Should -BeNullOrEmpty
                $tier.h3_max.$Field | Should -BeNullOrEmpty
                $tier.'gen4.5'.$Field | Should -BeGreaterThan 0
            }
            finally { Set-RunwaySimulatorConfig -Url $Url -Setting @{ $Setting = '' } }
        }

        It 'an unlimited model runs every task at once and ignores the daily limit' {
            Set-RunwaySimulatorConfig -Url $Url -Setting @{ UnlimitedConcurrentModels = '*'; UnlimitedDailyModels = 'wan3'; MaxDaily = 0; RunMs = 1000 }
            try {
                $ids = 1..3 | ForEach-Object { (Invoke-Sim -Method Post -Path '/v1/text_to_video' -Body @{ model = 'wan3'; promptText = "p $_" }).Json.id }
                Start-Sleep -Milliseconds 300
                $ids | ForEach-Object { (Invoke-Sim -Path "/v1/tasks/$_").Json.status | Should -Be 'RUNNING' }
                (Invoke-Sim -Method Post -Path '/v1/text_to_video' -Body @{ model = 'h3_max'; promptText = 'p' }).Status | Should -Be 429
            }
            finally { Set-RunwaySimulatorConfig -Url $Url -Setting @{ UnlimitedConcurrentModels = ''; UnlimitedDailyModels = ''; MaxDaily = 1000; RunMs = 100 } }
        }

        It 'usage broken down by API key with UsageByApiKey' {
            Reset-RunwaySimulator -Url $Url
            $other = @{ Authorization = "Bearer $(New-RunwayTestKey)"; 'X-Runway-Version' = '2024-11-06' }
            $null = Invoke-Sim -Method Post -Path '/v1/text_to_image' -Body @{ model = 'muse_image'; promptText = 'x'; ratio = 'auto'; outputCount = 3 }
            $null = Invoke-Sim -Method Post -Path '/v1/text_to_image' -Body @{ model = 'muse_image'; promptText = 'x'; ratio = 'auto' } -Headers $other
            $today = [DateTime]::UtcNow.ToString('yyyy-MM-dd')
            $range = @{ startDate = $today; beforeDate = [DateTime]::UtcNow.AddDays(1).ToString('yyyy-MM-dd') }
            $plain = (Invoke-Sim -Method Post -Path '/v1/organization/usage' -Body $range).Json
            $plain.PSObject.Properties.Name | Should -Not -Contain 'resultsByApiKey'
            Set-RunwaySimulatorConfig -Url $Url -Setting @{ UsageByApiKey = $true }
            try {
                $usage = (Invoke-Sim -Method Post -Path '/v1/organization/usage' -Body $range).Json
                @($usage.apiKeys).Count | Should -Be 2
                $usage.resultsByApiKey[0].date | Should -Be $today
                @($usage.resultsByApiKey[0].usedCredits.amount | Sort-Object) | Should -Be @(1, 3)
                $usage.resultsByApiKey[0].usedCredits.apiKeyId | Should -Match '^[0-9a-f-]{36}$'
                ($usage.results[0].usedCredits | Where-Object model -EQ 'muse_image').amount | Should -Be 4
            }
            finally { Set-RunwaySimulatorConfig -Url $Url -Setting @{ UsageByApiKey = $false } }
        }

        It 'a fault carries x-should-retry: <Value> and a Retry-After over 60 s' -TestCases @(@{ Value = $true }, @{ Value = $false }) {
            $null = Add-RunwaySimulatorFault -Url $Url -Path '/v1/organization' -Kind status -Status 503 -RetryAfter 120 -ShouldRetry $Value
            $r = Invoke-Sim -Path '/v1/organization'
            $r.Status | Should -Be 503
            "$($r.Headers['x-should-retry'])" | Should -Be "$Value".ToLowerInvariant()
            "$($r.Headers['Retry-After'])" | Should -Be '120'
        }

        It 'rejects a non-boolean shouldRetry' {
            $r = Invoke-WebRequest -Uri "$Url/_sim/faults" -Method Post -ContentType 'application/json' -Body '{"path":"/v1/","kind":"status","status":500,"shouldRetry":"yes"}' -SkipHttpErrorCheck
            $r.StatusCode | Should -Be 400
            ($r.Content | ConvertFrom-Json).error | Should -Be 'shouldRetry must be a boolean'
        }
    }
}
