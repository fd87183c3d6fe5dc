#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Tests of the simulator's avatar-side resources (voices, documents, avatars, avatar videos, realtime sessions,
# avatar conversations, avatar usage) through plain HTTP; see docs/simulator.md.

Describe 'Runway API simulator: avatars and their resources' {
    BeforeAll {
        Import-Module $PSScriptRoot/Simulator.psm1 -Force
        $script:SimSettings = @{ PendingMs = 50; RunMs = 300; ProcessingMs = 150; SessionReadyMs = 1000; SessionConnectMs = 1500; SessionRunMs = 800 }
        $sim = Start-RunwaySimulator -Configuration ($env:RUNWAY_TEST_CONFIGURATION ?? 'Debug') -Setting $SimSettings
        $script:Url = $sim.Url
        $script:Key = New-RunwayTestKey
        $script:Headers = @{ Authorization = "Bearer $Key"; 'X-Runway-Version' = '2024-11-06' }

        . $PSScriptRoot/SimulatorClient.ps1

        function New-Resource([string] $Path, [hashtable] $Body) {
            $r = Invoke-Sim -Method Post -Path $Path -Body $Body
            if ($r.Status -ne 200) { throw "POST $Path failed: $($r.Status) $($r.Content)" }
            $r.Json
        }

        # Polls GET $Path until its status is one of $Status.
        function Wait-Status([string] $Path, [string[]] $Status, [int] $TimeoutMs = 10000) {
            $deadline = [DateTime]::UtcNow.AddMilliseconds($TimeoutMs)
            do {
                $item = (Invoke-Sim -Path $Path).Json
                if ($item.status -in $Status) { return $item }
                Start-Sleep -Milliseconds 25
            } while ([DateTime]::UtcNow -lt $deadline)
            throw "$Path did not reach $($Status -join '/'): $($item.status)"
        }

        # Every page of a cursor-paginated list, following nextCursor until it is null.
        function Get-AllPages([string] $Path, [int] $Limit) {
            $items = @(); $pages = 0; $cursor = $null
            do {
                $sep = if ($Path.Contains('?')) { '&' } else { '?' }
                $uri = "$Path${sep}limit=$Limit" + $(if ($cursor) { "&cursor=$([Uri]::EscapeDataString($cursor))" } else { '' })
                $r = Invoke-Sim -Path $uri
                if ($r.Status -ne 200) { throw "GET $uri failed: $($r.Status) $($r.Content)" }
                $r.Json.data.Count | Should -BeLessOrEqual $Limit
                $items += $r.Json.data; $pages++; $cursor = $r.Json.nextCursor
            } while ($cursor)
            [pscustomobject]@{ Items = $items; Pages = $pages }
        }

        $script:Prompt = 'A warm, friendly voice with a slight British accent.'

        function New-ReadyVoice([string] $Name = 'Narrator') {
            $id = (New-Resource '/v1/voices' @{ name = $Name; from = @{ type = 'text'; model = 'eleven_ttv_v3'; prompt = $Prompt } }).id
            Wait-Status "/v1/voices/$id" 'READY' | Out-Null
            $id
        }
        function New-ReadyAvatar([hashtable] $Extra = @{}) {
            $body = @{ name = 'Ava'; personality = 'You are a helpful support agent.'; referenceImage = 'https://example.com/ref.jpg'; voice = @{ type = 'runway-live-preset'; presetId = 'adrian' } }
            foreach ($k in $Extra.Keys) { $body[$k] = $Extra[$k] }
            $id = (New-Resource '/v1/avatars' $body).id
            Wait-Status "/v1/avatars/$id" 'READY' | Out-Null
            $id
        }
    }

    AfterAll { Stop-RunwaySimulator -Url $script:Url }

    BeforeEach { Reset-RunwaySimulator -Url $script:Url }

    Context 'custom voices' {
        It 'designs a voice from a description: PROCESSING, then READY with a signed MP3 preview' {
            # Warm the endpoints up first: a cold first request can take longer than the processing window.
            New-Resource '/v1/voices' @{ name = 'Warm-up'; from = @{ type = 'text'; model = 'eleven_ttv_v3'; prompt = $Prompt } } | Out-Null
            Invoke-Sim -Path '/v1/voices/none' | Out-Null
            Set-RunwaySimulatorConfig -Url $Url -Setting @{ ProcessingMs = 3000 } | Out-Null
            $created = Invoke-Sim -Method Post -Path '/v1/voices' -Body @{ name = 'Narrator'; description = 'Calm'; from = @{ type = 'text'; model = 'eleven_multilingual_ttv_v2'; prompt = $Prompt } }
            $created.Status | Should -Be 200
            @($created.Json.PSObject.Properties.Name) | Should -Be @('id')
            $first = (Invoke-Sim -Path "/v1/voices/$($created.Json.id)").Json
            $first.status | Should -Be 'PROCESSING'
            $first.PSObject.Properties.Name | Should -Not -Contain 'previewUrl'
            $ready = Wait-Status "/v1/voices/$($created.Json.id)" 'READY'
            $ready.name | Should -Be 'Narrator'
            $ready.description | Should -Be 'Calm'
            (Invoke-Sim -Path "/v1/voices/$($created.Json.id)").Content | Should -Match '"createdAt":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"'
            $mp3 = Get-Bytes $ready.previewUrl
            $mp3.Status | Should -Be 200
            $mp3.ContentType | Should -Be 'audio/mpeg'
            $mp3.Bytes[0] | Should -Be 0xFF
            ($mp3.Bytes[1] -band 0xE0) | Should -Be 0xE0
            (Get-Bytes ($ready.previewUrl -replace 'sig=[0-9a-f]+', 'sig=00')).Status | Should -Be 403
        }

        It 'clones a voice from an audio sample of 10 s to 5 min and refuses shorter ones' {
            (Invoke-Sim -Method Post -Path '/v1/voices' -Body @{ name = 'Clone'; from = @{ type = 'audio'; audio = (ConvertTo-DataUri (New-Wav 12) 'audio/wav') } }).Status | Should -Be 200
            $short = Invoke-Sim -Method Post -Path '/v1/voices' -Body @{ name = 'Clone'; from = @{ type = 'audio'; audio = (ConvertTo-DataUri (New-Wav 5) 'audio/wav') } }
            $short.Status | Should -Be 400
            Get-Issue $short | Should -Be @('from.audio')
            (Invoke-Sim -Method Post -Path '/v1/voices' -Body @{ name = 'Clone'; from = @{ type = 'audio'; audio = 'http://example.com/a.mp3' } }).Status | Should -Be 400
        }

        It 'rejects bad voice bodies field by field' {
            $r = Invoke-Sim -Method Post -Path '/v1/voices' -Body @{ name = 'x' * 101; extra = 1; from = @{ type = 'text'; model = 'eleven_v3'; prompt = 'too short'; audio = 'x' } }
            $r.Status | Should -Be 400
            Get-Issue $r | Sort-Object | Should -Be @('extra', 'from.audio', 'from.model', 'from.prompt', 'name')
            Get-Issue (Invoke-Sim -Method Post -Path '/v1/voices' -Body @{ name = 'n' }) | Should -Be @('from')
            Get-Issue (Invoke-Sim -Method Post -Path '/v1/voices' -Body @{ name = 'n'; from = @{ type = 'text'; model = 'eleven_ttv_v3'; prompt = $Prompt }; description = 5 }) | Should -Be @('description')
        }

        It 'accepts a null description and a 100-character name' {
            (Invoke-Sim -Method Post -Path '/v1/voices' -Body @{ name = 'n' * 100; description = $null; from = @{ type = 'text'; model = 'eleven_ttv_v3'; prompt = $Prompt } }).Status | Should -Be 200
        }

        It 'updates, lists with cursor pagination, and deletes voices' {
            $ids = 1..5 | ForEach-Object { (New-Resource '/v1/voices' @{ name = "Voice $_"; from = @{ type = 'text'; model = 'eleven_ttv_v3'; prompt = $Prompt } }).id }
            $all = Get-AllPages '/v1/voices' 2
            $all.Pages | Should -Be 3
            @($all.Items.id | Sort-Object) | Should -Be @($ids | Sort-Object)

            $updated = Invoke-Sim -Method Patch -Path "/v1/voices/$($ids[0])" -Body @{ name = 'Renamed'; description = 'Deep' }
            $updated.Status | Should -Be 200
            $updated.Json.name | Should -Be 'Renamed'
            (Invoke-Sim -Method Patch -Path "/v1/voices/$($ids[0])" -Body @{ description = $null }).Json.description | Should -BeNullOrEmpty
            (Invoke-Sim -Method Patch -Path "/v1/voices/$($ids[0])" -Body @{ name = '' }).Status | Should -Be 400

            (Invoke-Sim -Method Delete -Path "/v1/voices/$($ids[0])").Status | Should -Be 204
            (Invoke-Sim -Path "/v1/voices/$($ids[0])").Status | Should -Be 404
            (Invoke-Sim -Method Delete -Path "/v1/voices/$($ids[0])").Status | Should -Be 404
            (Invoke-Sim -Path '/v1/voices?limit=0').Status | Should -Be 400
            (Invoke-Sim -Path '/v1/voices?cursor=bogus').Status | Should -Be 400
            (Invoke-Sim -Path '/v1/voices?page=2').Status | Should -Be 400
        }

        It 'ends FAILED with a failureReason when the name carries [fail:CODE]' {
            $id = (New-Resource '/v1/voices' @{ name = 'Bad [fail:ASSET.INVALID]'; from = @{ type = 'text'; model = 'eleven_ttv_v3'; prompt = $Prompt } }).id
            $failed = Wait-Status "/v1/voices/$id" 'FAILED'
            $failed.failureReason | Should -Match 'ASSET.INVALID'
        }

        It 'previews a voice design without creating a voice' {
            $r = Invoke-Sim -Method Post -Path '/v1/voices/preview' -Body @{ model = 'eleven_ttv_v3'; prompt = $Prompt }
            $r.Status | Should -Be 200
            $r.Json.durationSecs | Should -BeGreaterThan 0
            (Get-Bytes $r.Json.url).ContentType | Should -Be 'audio/mpeg'
            (Invoke-Sim -Path '/v1/voices').Json.data.Count | Should -Be 0
            Get-Issue (Invoke-Sim -Method Post -Path '/v1/voices/preview' -Body @{ model = 'eleven_ttv_v3'; prompt = 'short' }) | Should -Be @('prompt')
        }

        It 'text_to_speech does not take a custom voice (the SDK declares presets only there)' {
            $voice = New-ReadyVoice
            $r = Invoke-Sim -Method Post -Path '/v1/text_to_speech' -Body @{ model = 'eleven_multilingual_v2'; promptText = 'Hello'; voice = @{ type = 'custom'; id = $voice } }
            $r.Status | Should -Be 400
        }
    }

    Context 'documents' {
        It 'creates a document and returns it whole, with usedBy empty' {
            $r = Invoke-Sim -Method Post -Path '/v1/documents' -Body @{ name = 'FAQ'; content = "# FAQ`n30-day returns" }
            $r.Status | Should -Be 200
            $r.Json.type | Should -Be 'text'
            $r.Json.content | Should -Be "# FAQ`n30-day returns"
            @($r.Json.usedBy).Count | Should -Be 0
            $r.Json.updatedAt | Should -Be $r.Json.createdAt
        }

        It 'lists without content, requires order and sort, and sorts as asked' {
            $ids = 1..3 | ForEach-Object { (New-Resource '/v1/documents' @{ name = "Doc $_"; content = "Content $_" }).id; Start-Sleep -Milliseconds 5 }
            $missing = Invoke-Sim -Path '/v1/documents'
            $missing.Status | Should -Be 400
            Get-Issue $missing | Sort-Object | Should -Be @('order', 'sort')
            $asc = Get-AllPages '/v1/documents?order=asc&sort=createdAt' 2
            @($asc.Items.id) | Should -Be $ids
            $asc.Items[0].PSObject.Properties.Name | Should -Not -Contain 'content'
            @((Get-AllPages '/v1/documents?order=desc&sort=createdAt' 1).Items.id) | Should -Be @($ids[2], $ids[1], $ids[0])
            (Invoke-Sim -Method Patch -Path "/v1/documents/$($ids[0])" -Body @{ name = 'Renamed' }).Status | Should -Be 204
            (Invoke-Sim -Path '/v1/documents?order=desc&sort=updatedAt&limit=1').Json.data[0].id | Should -Be $ids[0]
            (Invoke-Sim -Path '/v1/documents?order=up&sort=createdAt').Status | Should -Be 400
        }

        It 'updates with 204, needs name or content, and deletes' {
            $id = (New-Resource '/v1/documents' @{ name = 'FAQ'; content = 'a' }).id
            $patched = Invoke-Sim -Method Patch -Path "/v1/documents/$id" -Body @{ content = 'b' }
            $patched.Status | Should -Be 204
            $patched.Content | Should -BeNullOrEmpty
            (Invoke-Sim -Path "/v1/documents/$id").Json.content | Should -Be 'b'
            (Invoke-Sim -Method Patch -Path "/v1/documents/$id" -Body @{}).Status | Should -Be 400
            (Invoke-Sim -Method Patch -Path "/v1/documents/$id" -Body @{ name = $null }).Status | Should -Be 400
            (Invoke-Sim -Method Delete -Path "/v1/documents/$id").Status | Should -Be 204
            (Invoke-Sim -Path "/v1/documents/$id").Status | Should -Be 404
        }

        It 'enforces the 50,000-token knowledge limit of an avatar (estimated at 4 characters a token)' {
            (Invoke-Sim -Method Post -Path '/v1/documents' -Body @{ name = 'Big'; content = 'x' * 200001 }).Status | Should -Be 400
            $a = (New-Resource '/v1/documents' @{ name = 'A'; content = 'x' * 120000 }).id
            $b = (New-Resource '/v1/documents' @{ name = 'B'; content = 'y' * 80000 }).id
            $c = (New-Resource '/v1/documents' @{ name = 'C'; content = 'z' }).id
            $avatar = New-ReadyAvatar @{ documentIds = @($a, $b) }
            $r = Invoke-Sim -Method Patch -Path "/v1/avatars/$avatar" -Body @{ documentIds = @($a, $b, $c) }
            $r.Status | Should -Be 400
            Get-Issue $r | Should -Be @('documentIds')
            (Invoke-Sim -Method Patch -Path "/v1/documents/$b" -Body @{ content = 'y' * 80001 }).Status | Should -Be 400
            (Invoke-Sim -Method Patch -Path "/v1/documents/$b" -Body @{ content = 'y' * 10 }).Status | Should -Be 204
        }
    }

    Context 'avatars' {
        It 'creates an avatar from a data URI image: PROCESSING, then READY with a processed image' {
            $r = Invoke-Sim -Method Post -Path '/v1/avatars' -Body @{ name = 'Ava'; personality = 'Helpful.'; referenceImage = $PngUri; voice = @{ type = 'runway-live-preset'; presetId = 'clara' }; imageProcessing = 'none'; startScript = 'Hi!' }
            $r.Status | Should -Be 200
            $r.Json.status | Should -Be 'PROCESSING'
            $r.Json.processedImageUri | Should -BeNullOrEmpty
            $r.Json.voice.presetId | Should -Be 'clara'
            $r.Json.voice.name | Should -Be 'Clara'
            $r.Json.voice.type | Should -Be 'runway-live-preset'
            @($r.Json.documentIds).Count | Should -Be 0
            $ready = Wait-Status "/v1/avatars/$($r.Json.id)" 'READY'
            $ready.startScript | Should -Be 'Hi!'
            $png = Get-Bytes $ready.processedImageUri
            $png.ContentType | Should -Be 'image/png'
            $png.Bytes[1..3] | Should -Be @(0x50, 0x4E, 0x47)
            (Get-Bytes $ready.referenceImageUri).Status | Should -Be 200
        }

        It 'takes a READY custom voice and shows it; a deleted voice shows as deleted' {
            $voice = New-ReadyVoice 'Brand'
            $avatar = New-ReadyAvatar @{ voice = @{ type = 'custom'; id = $voice } }
            $shown = (Invoke-Sim -Path "/v1/avatars/$avatar").Json.voice
            $shown.id | Should -Be $voice
            $shown.deleted | Should -BeFalse
            $shown.name | Should -Be 'Brand'
            Invoke-Sim -Method Delete -Path "/v1/voices/$voice" | Out-Null
            $gone = (Invoke-Sim -Path "/v1/avatars/$avatar").Json.voice
            $gone.deleted | Should -BeTrue
            $gone.PSObject.Properties.Name | Should -Not -Contain 'name'
        }

        It 'rejects unknown or unready voices and documents with 400 on the field' {
            Set-RunwaySimulatorConfig -Url $Url -Setting @{ ProcessingMs = 60000 } | Out-Null
            $processing = (New-Resource '/v1/voices' @{ name = 'Slow'; from = @{ type = 'text'; model = 'eleven_ttv_v3'; prompt = $Prompt } }).id
            $base = @{ name = 'Ava'; personality = 'Helpful.'; referenceImage = 'https://example.com/a.png' }
            $r = Invoke-Sim -Method Post -Path '/v1/avatars' -Body ($base + @{ voice = @{ type = 'custom'; id = 'zz-test-nonexistent-voice' } })
            $r.Status | Should -Be 400
            Get-Issue $r | Should -Be @('voice.id')
            Get-Issue (Invoke-Sim -Method Post -Path '/v1/avatars' -Body ($base + @{ voice = @{ type = 'custom'; id = $processing } })) | Should -Be @('voice.id')
            Get-Issue (Invoke-Sim -Method Post -Path '/v1/avatars' -Body ($base + @{ voice = @{ type = 'runway-live-preset'; presetId = 'Maya' } })) | Should -Be @('voice.presetId')
            Get-Issue (Invoke-Sim -Method Post -Path '/v1/avatars' -Body ($base + @{ voice = @{ type = 'runway-live-preset'; presetId = 'maya'; id = 'x' } })) | Should -Be @('voice.id')
            $doc = (New-Resource '/v1/documents' @{ name = 'D'; content = 'c' }).id
            Get-Issue (Invoke-Sim -Method Post -Path '/v1/avatars' -Body ($base + @{ voice = @{ type = 'runway-live-preset'; presetId = 'maya' }; documentIds = @($doc, 'nope') })) | Should -Be @('documentIds.1')
            Get-Issue (Invoke-Sim -Method Post -Path '/v1/avatars' -Body ($base + @{ voice = @{ type = 'runway-live-preset'; presetId = 'maya' }; documentIds = @($doc, $doc) })) | Should -Be @('documentIds.1')
        }

        It 'validates the required fields, the image and imageProcessing' {
            $r = Invoke-Sim -Method Post -Path '/v1/avatars' -Body @{ referenceImage = 'http://example.com/a.png'; imageProcessing = 'best'; startScript = $null }
            $r.Status | Should -Be 400
            Get-Issue $r | Sort-Object | Should -Be @('imageProcessing', 'name', 'personality', 'referenceImage', 'startScript', 'voice')
        }

        It 'updates: startScript null clears, documentIds replace, {} is refused, a new image is processed again' {
            $doc = (New-Resource '/v1/documents' @{ name = 'D'; content = 'c' }).id
            $avatar = New-ReadyAvatar @{ startScript = 'Hello'; documentIds = @($doc) }
            (Invoke-Sim -Path "/v1/documents/$doc").Json.usedBy[0].id | Should -Be $avatar
            (Invoke-Sim -Method Patch -Path "/v1/avatars/$avatar" -Body @{}).Status | Should -Be 400
            $u = Invoke-Sim -Method Patch -Path "/v1/avatars/$avatar" -Body @{ startScript = $null; documentIds = @(); personality = 'Terse.' }
            $u.Status | Should -Be 200
            $u.Json.startScript | Should -BeNullOrEmpty
            @($u.Json.documentIds).Count | Should -Be 0
            $u.Json.personality | Should -Be 'Terse.'
            $u.Json.status | Should -Be 'READY'
            (Invoke-Sim -Method Patch -Path "/v1/avatars/$avatar" -Body @{ referenceImage = $PngUri }).Json.status | Should -Be 'PROCESSING'
            (Invoke-Sim -Method Patch -Path '/v1/avatars/nope' -Body @{ name = 'x' }).Status | Should -Be 404
        }

        It 'deleting a document detaches it from avatars' {
            $doc = (New-Resource '/v1/documents' @{ name = 'D'; content = 'c' }).id
            $avatar = New-ReadyAvatar @{ documentIds = @($doc) }
            Invoke-Sim -Method Delete -Path "/v1/documents/$doc" | Out-Null
            @((Invoke-Sim -Path "/v1/avatars/$avatar").Json.documentIds).Count | Should -Be 0
        }

        It 'lists with pagination and deletes' {
            $ids = 1..3 | ForEach-Object { (New-Resource '/v1/avatars' @{ name = "A$_"; personality = 'p'; referenceImage = 'https://example.com/a.png'; voice = @{ type = 'runway-live-preset'; presetId = 'luna' } }).id }
            $all = Get-AllPages '/v1/avatars' 2
            $all.Pages | Should -Be 2
            @($all.Items.id | Sort-Object) | Should -Be @($ids | Sort-Object)
            (Invoke-Sim -Method Delete -Path "/v1/avatars/$($ids[0])").Status | Should -Be 204
            (Invoke-Sim -Path "/v1/avatars/$($ids[0])").Status | Should -Be 404
        }
    }

    Context 'avatar videos' {
        It 'creates a gwm1_avatars task that succeeds with an MP4, charged at the simulated price' {
            $before = (Invoke-Sim -Path '/v1/organization').Json.creditBalance
            $text = 'Hello there, welcome to the show.'  # 33 characters: 2.2 s at 15 characters a second
            $r = Invoke-Sim -Method Post -Path '/v1/avatar_videos' -Body @{ model = 'gwm1_avatars'; avatar = @{ type = 'runway-preset'; presetId = 'cat-character' }; speech = @{ type = 'text'; text = $text; voice = @{ type = 'preset'; presetId = 'mia' } } }
            $r.Status | Should -Be 200
            @($r.Json.PSObject.Properties.Name) | Should -Contain 'id'
            (Invoke-Sim -Path '/v1/organization').Json.creditBalance | Should -Be ($before - 6)
            $task = Wait-Status "/v1/tasks/$($r.Json.id)" 'SUCCEEDED', 'FAILED'
            $task.status | Should -Be 'SUCCEEDED'
            $mp4 = Get-Bytes $task.output[0]
            $mp4.ContentType | Should -Be 'video/mp4'
            [Text.Encoding]::ASCII.GetString($mp4.Bytes, 4, 4) | Should -Be 'ftyp'
        }

        It 'an avatar video task carries estimatedCost, then cost, and its credits show under gwm1_avatars in the tier and usage' {
            $null = Set-RunwaySimulatorConfig -Url $Url -Setting @{ PendingMs = 60000 }
            $body = @{ model = 'gwm1_avatars'; avatar = @{ type = 'runway-preset'; presetId = 'cat-character' }; speech = @{ type = 'text'; text = 'Hello there, welcome to the show.' } }
            $waiting = New-Resource '/v1/avatar_videos' $body
            $pending = (Invoke-Sim -Path "/v1/tasks/$($waiting.id)").Json
            $pending.status | Should -Be 'PENDING'
            $pending.estimatedCost.credits | Should -Be 6
            $pending.PSObject.Properties.Name | Should -Not -Contain 'cost'
            $null = Set-RunwaySimulatorConfig -Url $Url -Setting @{ PendingMs = 50 }
            $task = Wait-Status "/v1/tasks/$((New-Resource '/v1/avatar_videos' $body).id)" 'SUCCEEDED', 'FAILED'
            $task.status | Should -Be 'SUCCEEDED'
            $task.cost.credits | Should -Be 6
            $task.PSObject.Properties.Name | Should -Not -Contain 'estimatedCost'

            $org = (Invoke-Sim -Path '/v1/organization').Json
            $org.tier.models.gwm1_avatars.maxConcurrentGenerations | Should -BeGreaterThan 0
            $org.usage.models.gwm1_avatars.dailyGenerations | Should -Be 2
            $range = @{ startDate = [DateTime]::UtcNow.ToString('yyyy-MM-dd'); beforeDate = [DateTime]::UtcNow.AddDays(1).ToString('yyyy-MM-dd') }
            $usage = (Invoke-Sim -Method Post -Path '/v1/organization/usage' -Body $range).Json
            $usage.models | Should -Be @('gwm1_avatars')
            ($usage.results[0].usedCredits | Where-Object model -EQ 'gwm1_avatars').amount | Should -Be 12
        }

        It 'takes a READY custom avatar with audio speech, and refuses an unknown avatar or voice' {
            $avatar = New-ReadyAvatar
            $wav = ConvertTo-DataUri (New-Wav 3) 'audio/wav'
            (Invoke-Sim -Method Post -Path '/v1/avatar_videos' -Body @{ model = 'gwm1_avatars'; avatar = @{ type = 'custom'; avatarId = $avatar }; speech = @{ type = 'audio'; audio = $wav } }).Status | Should -Be 200
            Get-Issue (Invoke-Sim -Method Post -Path '/v1/avatar_videos' -Body @{ model = 'gwm1_avatars'; avatar = @{ type = 'custom'; avatarId = 'nope' }; speech = @{ type = 'audio'; audio = $wav } }) | Should -Be @('avatar.avatarId')
            Get-Issue (Invoke-Sim -Method Post -Path '/v1/avatar_videos' -Body @{ model = 'gwm1_avatars'; avatar = @{ type = 'custom'; avatarId = $avatar }; speech = @{ type = 'text'; text = 'Hi'; voice = @{ type = 'custom'; id = 'nope' } } }) | Should -Be @('speech.voice.id')
            $bad = Invoke-Sim -Method Post -Path '/v1/avatar_videos' -Body @{ model = 'gwm1_avatar'; avatar = @{ type = 'runway-preset'; presetId = 'influencer' }; speech = @{ type = 'audio'; audio = $wav; text = 'x' } }
            Get-Issue $bad | Sort-Object | Should -Be @('model', 'speech.text')
        }
    }

    Context 'realtime sessions' {
        It 'goes NOT_READY, READY (with credentials), RUNNING, COMPLETED' {
            $id = (New-Resource '/v1/realtime_sessions' @{ model = 'gwm1_avatars'; avatar = @{ type = 'runway-preset'; presetId = 'influencer' } }).id
            $first = (Invoke-Sim -Path "/v1/realtime_sessions/$id").Json
            $first.status | Should -Be 'NOT_READY'
            $first.PSObject.Properties.Name | Should -Not -Contain 'sessionKey'
            $ready = Wait-Status "/v1/realtime_sessions/$id" 'READY'
            $ready.sessionKey | Should -Match '^rtsk_[0-9a-f]{64}$'
            ([DateTimeOffset]$ready.expiresAt) | Should -BeGreaterThan ([DateTimeOffset]::UtcNow)
            $running = Wait-Status "/v1/realtime_sessions/$id" 'RUNNING'
            $running.PSObject.Properties.Name | Should -Not -Contain 'sessionKey'
            $done = Wait-Status "/v1/realtime_sessions/$id" 'COMPLETED'
            $done.duration | Should -BeGreaterThan 0
            (Invoke-Sim -Method Delete -Path "/v1/realtime_sessions/$id").Status | Should -Be 400
        }

        It 'cancels an active session, fails on [fail:CODE], and 404s an unknown one' {
            $id = (New-Resource '/v1/realtime_sessions' @{ model = 'gwm1_avatars'; avatar = @{ type = 'runway-preset'; presetId = 'influencer' } }).id
            (Invoke-Sim -Method Delete -Path "/v1/realtime_sessions/$id").Status | Should -Be 204
            (Invoke-Sim -Path "/v1/realtime_sessions/$id").Json.status | Should -Be 'CANCELLED'
            $f = (New-Resource '/v1/realtime_sessions' @{ model = 'gwm1_avatars'; avatar = @{ type = 'runway-preset'; presetId = 'influencer' }; personality = 'x [fail:INTERNAL.CAPACITY]' }).id
            $failed = Wait-Status "/v1/realtime_sessions/$f" 'FAILED'
            $failed.failureCode | Should -Be 'INTERNAL.CAPACITY'
            $failed.failure | Should -Not -BeNullOrEmpty
            (Invoke-Sim -Path '/v1/realtime_sessions/nope').Status | Should -Be 404
        }

        It 'follows the timings set at run time' {
            Set-RunwaySimulatorConfig -Url $Url -Setting @{ SessionReadyMs = 0; SessionConnectMs = 60000 } | Out-Null
            $id = (New-Resource '/v1/realtime_sessions' @{ model = 'gwm1_avatars'; avatar = @{ type = 'runway-preset'; presetId = 'influencer' } }).id
            (Invoke-Sim -Path "/v1/realtime_sessions/$id").Json.status | Should -Be 'READY'
        }

        It 'validates tools with the documented limits' {
            $tool = @{ type = 'backend_rpc'; name = 'lookup_order'; description = 'Look up an order'; timeoutSeconds = 4; parameters = @(@{ type = 'string'; name = 'id'; description = 'Order id'; enum = @('a', 'b'); required = $true }, @{ type = 'array'; name = 'tags'; description = 't'; items = @{ type = 'string' } }) }
            (Invoke-Sim -Method Post -Path '/v1/realtime_sessions' -Body @{ model = 'gwm1_avatars'; avatar = @{ type = 'runway-preset'; presetId = 'influencer' }; tools = @($tool) }).Status | Should -Be 200
            $bad = @(
                @{ type = 'backend_rpc'; name = '1bad'; description = 'd'; timeoutSeconds = 9 },
                @{ type = 'client_event'; name = 'ok'; description = 'd'; timeoutSeconds = 2 },
                @{ type = 'client_event'; name = 'ok'; description = ''; parameters = @(@{ type = 'integer'; name = 'n'; description = 'd'; enum = @('1') }) }
            )
            $r = Invoke-Sim -Method Post -Path '/v1/realtime_sessions' -Body @{ model = 'gwm1_avatars'; avatar = @{ type = 'runway-preset'; presetId = 'influencer' }; tools = $bad }
            $r.Status | Should -Be 400
            Get-Issue $r | Sort-Object | Should -Be @('tools.0.name', 'tools.0.timeoutSeconds', 'tools.1.timeoutSeconds', 'tools.2.description', 'tools.2.name', 'tools.2.parameters.0.enum')
            $many = 1..21 | ForEach-Object { @{ type = 'client_event'; name = "t$_"; description = 'd' } }
            Get-Issue (Invoke-Sim -Method Post -Path '/v1/realtime_sessions' -Body @{ model = 'gwm1_avatars'; avatar = @{ type = 'runway-preset'; presetId = 'influencer' }; tools = $many }) | Should -Be @('tools')
        }

        It 'validates integrations, the avatar and maxDuration' {
            $base = @{ model = 'gwm1_avatars'; avatar = @{ type = 'runway-preset'; presetId = 'influencer' } }
            (Invoke-Sim -Method Post -Path '/v1/realtime_sessions' -Body ($base + @{ integration = @{ type = 'elevenlabs'; signedUrl = 'wss://api.elevenlabs.io/convai?x=1' } })).Status | Should -Be 200
            (Invoke-Sim -Method Post -Path '/v1/realtime_sessions' -Body ($base + @{ integration = @{ type = 'livekit'; token = 't'; roomName = 'r'; url = 'wss://lk.example.com' } })).Status | Should -Be 200
            Get-Issue (Invoke-Sim -Method Post -Path '/v1/realtime_sessions' -Body ($base + @{ integration = @{ type = 'elevenlabs'; signedUrl = 'wss://127.0.0.1/x' } })) | Should -Be @('integration.signedUrl')
            Get-Issue (Invoke-Sim -Method Post -Path '/v1/realtime_sessions' -Body ($base + @{ integration = @{ type = 'livekit'; token = 't'; roomName = 'r'; url = 'http://lk.example.com' } })) | Should -Be @('integration.url')
            Get-Issue (Invoke-Sim -Method Post -Path '/v1/realtime_sessions' -Body ($base + @{ maxDuration = 0 })) | Should -Be @('maxDuration')
            Get-Issue (Invoke-Sim -Method Post -Path '/v1/realtime_sessions' -Body @{ model = 'gwm1_avatars'; avatar = @{ type = 'runway-preset'; presetId = 'ghost' } }) | Should -Be @('avatar.presetId')
            Set-RunwaySimulatorConfig -Url $Url -Setting @{ ProcessingMs = 60000 } | Out-Null
            $processing = (New-Resource '/v1/avatars' @{ name = 'A'; personality = 'p'; referenceImage = 'https://example.com/a.png'; voice = @{ type = 'runway-live-preset'; presetId = 'luna' } }).id
            Get-Issue (Invoke-Sim -Method Post -Path '/v1/realtime_sessions' -Body @{ model = 'gwm1_avatars'; avatar = @{ type = 'custom'; avatarId = $processing } }) | Should -Be @('avatar.avatarId')
        }
    }

    Context 'avatar conversations and usage' {
        It 'lists every seeded conversation across pages, newest first, and filters them' {
            $avatar = New-ReadyAvatar
            $day = [DateTimeOffset]::UtcNow.Date.AddDays(-3)
            $ids = 0..4 | ForEach-Object { (New-RunwaySimulatorConversation -Url $Url -Conversation @{ avatarId = $avatar; createdAt = $day.AddHours($_).ToString('o'); duration = 30 }).id }
            $preset = (New-RunwaySimulatorConversation -Url $Url -Conversation @{ presetId = 'tennis-coach'; createdAt = $day.AddDays(1).ToString('o'); status = 'failed'; failureCode = 'INTERNAL' }).id
            $all = Get-AllPages '/v1/avatar_conversations' 2
            $all.Pages | Should -Be 3
            @($all.Items.id) | Should -Be @(@($preset) + @($ids[4], $ids[3], $ids[2], $ids[1], $ids[0]))
            $all.Items[0].avatar.presetId | Should -Be 'tennis-coach'
            $all.Items[0].status | Should -Be 'failed'
            $all.Items[1].avatar.name | Should -Be 'Ava'
            $all.Items[1].hasTools | Should -BeFalse
            @((Get-AllPages "/v1/avatar_conversations?avatar=$avatar" 10).Items).Count | Should -Be 5
            $from = $day.AddHours(3).ToString('yyyy-MM-ddTHH:mm:ss.fffZ')
            @((Invoke-Sim -Path "/v1/avatar_conversations?startDate=$from").Json.data.id) | Should -Be @($preset, $ids[4], $ids[3])
            (Invoke-Sim -Path '/v1/avatar_conversations?startDate=yesterday').Status | Should -Be 400
        }

        It 'retrieves a transcript with tool calls, and deletes' {
            $transcript = @(
                @{ role = 'user'; content = 'Where is my order?'; timestamp = '2026-01-15T10:29:58Z' },
                @{ role = 'assistant'; content = $null; timestamp = '2026-01-15T10:30:00Z'; toolCalls = @(@{ id = 'call_1'; name = 'lookup'; arguments = @{ order = '42' } }); toolResults = @(@{ id = 'call_1'; name = 'lookup'; result = @{ status = 'shipped' }; error = $null; durationMs = 230 }) }
            )
            $id = (New-RunwaySimulatorConversation -Url $Url -Conversation @{ tools = @(@{ type = 'backend_rpc'; name = 'lookup'; description = 'Look up' }); transcript = $transcript; recording = $true; duration = 12 }).id
            $c = (Invoke-Sim -Path "/v1/avatar_conversations/$id").Json
            $c.status | Should -Be 'ended'
            $c.duration | Should -Be 12
            $c.transcript.Count | Should -Be 2
            $c.transcript[1].toolCalls[0].arguments.order | Should -Be '42'
            $c.tools[0].type | Should -Be 'backend_rpc'
            $c.endedAt | Should -Not -BeNullOrEmpty
            (Get-Bytes $c.recordingUrl).ContentType | Should -Be 'video/mp4'
            (Invoke-Sim -Path '/v1/avatar_conversations?limit=1').Json.data[0].hasTools | Should -BeTrue
            (Invoke-Sim -Method Delete -Path "/v1/avatar_conversations/$id").Status | Should -Be 204
            (Invoke-Sim -Path "/v1/avatar_conversations/$id").Status | Should -Be 404
        }

        It 'a realtime session is a conversation with the same id' {
            $avatar = New-ReadyAvatar
            $id = (New-Resource '/v1/realtime_sessions' @{ model = 'gwm1_avatars'; avatar = @{ type = 'custom'; avatarId = $avatar }; maxDuration = 300; tools = @(@{ type = 'client_event'; name = 'show'; description = 'Show a card' }) }).id
            $c = (Invoke-Sim -Path "/v1/avatar_conversations/$id").Json
            $c.status | Should -Be 'in_progress'
            $c.maxDuration | Should -Be 300
            $c.startedAt | Should -BeNullOrEmpty
            $c.avatar.id | Should -Be $avatar
            Wait-Status "/v1/realtime_sessions/$id" 'COMPLETED' | Out-Null
            $ended = (Invoke-Sim -Path "/v1/avatar_conversations/$id").Json
            $ended.status | Should -Be 'ended'
            $ended.duration | Should -BeGreaterThan 0
            $ended.tools[0].name | Should -Be 'show'
        }

        It 'rejects a bad seed' {
            { New-RunwaySimulatorConversation -Url $Url -Conversation @{ status = 'done' } } | Should -Throw
            { New-RunwaySimulatorConversation -Url $Url -Conversation @{ avatarId = 'nope' } } | Should -Throw
            { New-RunwaySimulatorConversation -Url $Url -Conversation @{ transcript = @(@{ role = 'user'; content = 'x'; toolCalls = @() }) } } | Should -Throw
        }

        It 'reports avatar usage per UTC day, with empty days, over at most 90 days' {
            $day = [DateTimeOffset]::new([DateTime]::UtcNow.Date.AddDays(-5), [TimeSpan]::Zero)
            New-RunwaySimulatorConversation -Url $Url -Conversation @{ createdAt = $day.AddHours(1).ToString('o'); duration = 30 } | Out-Null
            New-RunwaySimulatorConversation -Url $Url -Conversation @{ createdAt = $day.AddHours(2).ToString('o'); duration = 90 } | Out-Null
            New-RunwaySimulatorConversation -Url $Url -Conversation @{ createdAt = $day.AddDays(2).ToString('o'); status = 'in_progress' } | Out-Null
            $start = $day.ToString('yyyy-MM-ddTHH:mm:ss.fffZ'); $end = $day.AddDays(3).ToString('yyyy-MM-ddTHH:mm:ss.fffZ')
            $u = (Invoke-Sim -Path "/v1/avatar_usage?startDate=$start&endDate=$end").Json
            $u.totalSessions | Should -Be 3
            $u.totalSeconds | Should -Be 120
            $u.avgDurationSeconds | Should -Be 60
            @($u.byDay.date) | Should -Be @(0..2 | ForEach-Object { $day.AddDays($_).ToString('yyyy-MM-dd') })
            @($u.byDay.sessions) | Should -Be @(2, 0, 1)
            @($u.byDay.seconds) | Should -Be @(120, 0, 0)
            Get-Issue (Invoke-Sim -Path "/v1/avatar_usage?startDate=$start") | Should -Be @('endDate')
            $far = $day.AddDays(91).ToString('yyyy-MM-ddTHH:mm:ss.fffZ')
            Get-Issue (Invoke-Sim -Path "/v1/avatar_usage?startDate=$start&endDate=$far") | Should -Be @('endDate')
        }
    }

    Context 'reset' {
        It 'forgets voices, documents, avatars and conversations' {
            New-Resource '/v1/documents' @{ name = 'D'; content = 'c' } | Out-Null
            New-RunwaySimulatorConversation -Url $Url | Out-Null
            Reset-RunwaySimulator -Url $Url
            (Invoke-Sim -Path '/v1/documents?order=asc&sort=createdAt').Json.data.Count | Should -Be 0
            (Invoke-Sim -Path '/v1/avatar_conversations').Json.data.Count | Should -Be 0
        }
    }
}
