#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Tests of the simulator's SDK 4.20 endpoints (upscales, HDR, recipes, routed generation, routers, workflows), through plain HTTP.

Describe 'Runway API simulator: SDK 4.20 endpoints' {
    BeforeAll {
        Import-Module $PSScriptRoot/Simulator.psm1 -Force
        $sim = Start-RunwaySimulator -Configuration ($env:RUNWAY_TEST_CONFIGURATION ?? 'Debug') -Setting @{ PendingMs = 50; RunMs = 300 }
        $script:Url = $sim.Url
        $script:Headers = @{ Authorization = "Bearer $(New-RunwayTestKey)"; 'X-Runway-Version' = '2024-11-06' }

        . $PSScriptRoot/SimulatorClient.ps1

        function New-Created([string] $Path, [hashtable] $Body) {
            $r = Invoke-Sim -Method Post -Path $Path -Body $Body
            if ($r.Status -ne 200) { throw "POST $Path failed: $($r.Status) $($r.Content)" }
            $r.Json
        }

        function Wait-Invocation([string] $Id) {
            $deadline = [DateTime]::UtcNow.AddSeconds(10)
            do {
                $inv = (Invoke-Sim -Path "/v1/workflow_invocations/$Id").Json
                if ($inv.status -in 'SUCCEEDED', 'FAILED', 'CANCELLED') { return $inv }
                Start-Sleep -Milliseconds 50
            } while ([DateTime]::UtcNow -lt $deadline)
            throw "Invocation $Id did not finish: $($inv.status)"
        }

        $script:Remote = 'https://example.com/in.png'
        $script:RemoteVideo = 'https://example.com/in.mp4'
    }

    AfterAll { Stop-RunwaySimulator $sim }

    BeforeEach { Reset-RunwaySimulator -Url $script:Url }

    Describe 'costs, tier and usage of the endpoints'' tasks' {
        It 'an unfinished task carries estimatedCost, a finished one cost (0 when cancelled or failed)' {
            $null = Set-RunwaySimulatorConfig -Url $Url -Setting @{ PendingMs = 60000 }
            $waiting = New-Created '/v1/video_to_hdr' @{ model = 'ruby'; videoUri = $RemoteVideo }
            $pending = (Invoke-Sim -Path "/v1/tasks/$($waiting.id)").Json
            $pending.status | Should -Be 'PENDING'
            $pending.estimatedCost.credits | Should -Be 100
            $pending.PSObject.Properties.Name | Should -Not -Contain 'cost'
            (Invoke-Sim -Method Delete -Path "/v1/tasks/$($waiting.id)").Status | Should -Be 204
            $cancelled = (Invoke-Sim -Path "/v1/tasks/$($waiting.id)").Json
            $cancelled.status | Should -Be 'CANCELLED'
            $cancelled.cost.credits | Should -Be 0
            $cancelled.PSObject.Properties.Name | Should -Not -Contain 'estimatedCost'

            $null = Set-RunwaySimulatorConfig -Url $Url -Setting @{ PendingMs = 50 }
            $done = Wait-SimTask (New-Created '/v1/recipes/ad_localization' @{ referenceImage = @{ uri = 'https://e.com/ad.png' }; targetLanguage = 'fr'; version = '2026-06' }).id
            $done.status | Should -Be 'SUCCEEDED'
            $done.cost.credits | Should -Be 10
            $done.PSObject.Properties.Name | Should -Not -Contain 'estimatedCost'
            $failed = Wait-SimTask (New-Created '/v1/recipes/marketing_stock_image' @{ prompt = 'an ad [fail:SAFETY.INPUT.TEXT]'; version = '2026-06'; outputCount = 1 }).id
            $failed.status | Should -Be 'FAILED'
            $failed.cost.credits | Should -Be 0
        }

        It 'the tier lists the upscalers, ruby and the recipes, and their credits show in usage, by API key too' {
            $org = (Invoke-Sim -Path '/v1/organization').Json
            foreach ($model in 'magnific_precision_upscaler_v2', 'magnific_video_upscaler_creative', 'enhance_frame_rate', 'ruby', 'ad_localization', 'product_ugc', 'gen4_image') {
                $org.tier.models.$model.maxConcurrentGenerations | Should -BeGreaterThan 0 -Because $model
                $org.tier.models.$model.maxDailyGenerations | Should -BeGreaterThan 0 -Because $model
            }
            $null = Wait-SimTask (New-Created '/v1/video_to_hdr' @{ model = 'ruby'; videoUri = $RemoteVideo }).id
            $null = Wait-SimTask (New-Created '/v1/image_upscale' @{ model = 'magnific_precision_upscaler_v2'; imageUri = $Remote }).id
            $null = Wait-SimTask (New-Created '/v1/recipes/ad_localization' @{ referenceImage = @{ uri = 'https://e.com/ad.png' }; targetLanguage = 'fr'; version = '2026-06' }).id
            (Invoke-Sim -Path '/v1/organization').Json.usage.models.ruby.dailyGenerations | Should -Be 1

            $null = Set-RunwaySimulatorConfig -Url $Url -Setting @{ UsageByApiKey = $true }
            $range = @{ startDate = [DateTime]::UtcNow.ToString('yyyy-MM-dd'); beforeDate = [DateTime]::UtcNow.AddDays(1).ToString('yyyy-MM-dd') }
            $usage = (Invoke-Sim -Method Post -Path '/v1/organization/usage' -Body $range).Json
            @($usage.models | Sort-Object) | Should -Be @('ad_localization', 'magnific_precision_upscaler_v2', 'ruby')
            $used = $usage.results[0].usedCredits
            ($used | Where-Object model -EQ 'ruby').amount | Should -Be 100
            ($used | Where-Object model -EQ 'magnific_precision_upscaler_v2').amount | Should -Be 10
            ($used | Where-Object model -EQ 'ad_localization').amount | Should -Be 10
            @($usage.apiKeys).Count | Should -Be 1
            $usage.resultsByApiKey[0].usedCredits[0].amount | Should -Be 120
        }
    }

    Describe 'POST /v1/image_upscale' {
        It 'upscales a known-size image by scaleFactor and answers the estimated cost' {
            $source = Wait-SimTask (New-Created '/v1/text_to_image' @{ model = 'gen4_image'; promptText = 'x'; ratio = '720:720' }).id
            $created = New-Created '/v1/image_upscale' @{ model = 'magnific_precision_upscaler_v2'; imageUri = $source.output[0]; scaleFactor = 4; flavor = 'photo'; sharpen = 10; smartGrain = 0; ultraDetail = 100 }
            $created.estimatedCost.credits | Should -Be 20
            $task = Wait-SimTask $created.id
            $task.status | Should -Be 'SUCCEEDED'
            $file = Get-Bytes $task.output[0]
            $file.ContentType | Should -Be 'image/png'
            Read-UInt32BE $file.Bytes 16 | Should -Be 2880
            Read-UInt32BE $file.Bytes 20 | Should -Be 2880
        }

        It 'reads the size of a PNG data URI and refuses one under 300 px' {
            $r = Invoke-Sim -Method Post -Path '/v1/image_upscale' -Body @{ model = 'magnific_precision_upscaler_v2'; imageUri = $PngUri }
            $r.Status | Should -Be 400
            Get-Issue $r | Should -Be 'imageUri'
            $r.Json.issues[0].message | Should -Match '300px'
        }

        It 'refuses an output over 25.3 megapixels' {
            $source = Wait-SimTask (New-Created '/v1/text_to_image' @{ model = 'gen4_image'; promptText = 'x'; ratio = '1920:1080' }).id
            $r = Invoke-Sim -Method Post -Path '/v1/image_upscale' -Body @{ model = 'magnific_precision_upscaler_v2'; imageUri = $source.output[0]; scaleFactor = 4 }
            $r.Status | Should -Be 400
            Get-Issue $r | Should -Be 'scaleFactor'
        }

        It 'rejects <Case>' -ForEach @(
            @{ Case = 'a scaleFactor of 3'; Body = @{ scaleFactor = 3 }; Path = 'scaleFactor' }
            @{ Case = 'sharpen over 100'; Body = @{ sharpen = 101 }; Path = 'sharpen' }
            @{ Case = 'an unknown flavor'; Body = @{ flavor = 'vivid' }; Path = 'flavor' }
            @{ Case = 'an unknown key'; Body = @{ creativity = 5 }; Path = 'creativity' }
            @{ Case = 'a null'; Body = @{ ultraDetail = $null }; Path = 'ultraDetail' }
            @{ Case = 'another model'; Body = @{ model = 'gen4_image' }; Path = 'model' }
        ) {
            $request = @{ model = 'magnific_precision_upscaler_v2'; imageUri = $Remote }
            foreach ($k in $Body.Keys) { $request[$k] = $Body[$k] }
            $r = Invoke-Sim -Method Post -Path '/v1/image_upscale' -Body $request
            $r.Status | Should -Be 400
            Get-Issue $r | Should -Contain $Path
        }
    }

    Describe 'POST /v1/video_upscale' {
        It 'magnific_video_upscaler_creative delivers an MP4 at the resolution (default 2k)' {
            $task = Wait-SimTask (New-Created '/v1/video_upscale' @{ model = 'magnific_video_upscaler_creative'; videoUri = $RemoteVideo; resolution = '4k'; creativity = 40; flavor = 'natural'; fpsBoost = $true; sharpen = 5; smartGrain = 5 }).id
            $mp4 = Read-Mp4 (Get-Bytes $task.output[0]).Bytes
            $mp4.Width, $mp4.Height | Should -Be 3840, 2160
            $default = Wait-SimTask (New-Created '/v1/video_upscale' @{ model = 'magnific_video_upscaler_creative'; videoUri = $RemoteVideo }).id
            (Read-Mp4 (Get-Bytes $default.output[0]).Bytes).Width | Should -Be 2560
        }

        It 'enhance_frame_rate takes every declared target rate' {
            foreach ($rate in '24', '25', '30', '48', '50', '60', '120', '23_98', '29_97', '59_94') {
                (Invoke-Sim -Method Post -Path '/v1/video_upscale' -Body @{ model = 'enhance_frame_rate'; videoUri = $RemoteVideo; targetFramerate = $rate }).Status | Should -Be 200
            }
        }

        It 'rejects <Case>' -ForEach @(
            @{ Case = 'a numeric target rate'; Body = @{ model = 'enhance_frame_rate'; videoUri = 'https://e.com/v.mp4'; targetFramerate = 60 }; Path = 'targetFramerate' }
            @{ Case = 'a missing target rate'; Body = @{ model = 'enhance_frame_rate'; videoUri = 'https://e.com/v.mp4' }; Path = 'targetFramerate' }
            @{ Case = 'creative fields on enhance_frame_rate'; Body = @{ model = 'enhance_frame_rate'; videoUri = 'https://e.com/v.mp4'; targetFramerate = '30'; resolution = '4k' }; Path = 'resolution' }
            @{ Case = 'an image as the video'; Body = @{ model = 'magnific_video_upscaler_creative'; videoUri = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==' }; Path = 'videoUri' }
            @{ Case = 'a resolution of 8k'; Body = @{ model = 'magnific_video_upscaler_creative'; videoUri = 'https://e.com/v.mp4'; resolution = '8k' }; Path = 'resolution' }
            @{ Case = 'an unknown model'; Body = @{ model = 'zz-test-nonexistent-model'; videoUri = 'https://e.com/v.mp4' }; Path = 'model' }
        ) {
            $r = Invoke-Sim -Method Post -Path '/v1/video_upscale' -Body $Body
            $r.Status | Should -Be 400
            Get-Issue $r | Should -Contain $Path
        }
    }

    Describe 'POST /v1/video_to_hdr' {
        It '<Format> delivers <Type>' -ForEach @(
            @{ Format = 'hdr10'; Type = 'video/mp4'; Ext = 'mp4' }
            @{ Format = 'hlg'; Type = 'video/mp4'; Ext = 'mp4' }
            @{ Format = 'hdr_prores'; Type = 'video/quicktime'; Ext = 'mov' }
            @{ Format = 'hdr_exr_sequence'; Type = 'application/zip'; Ext = 'zip' }
            @{ Format = 'hdr_exr_acescg_sequence_1_3'; Type = 'application/zip'; Ext = 'zip' }
            @{ Format = 'hdr_exr_acescg_sequence_2_0'; Type = 'application/zip'; Ext = 'zip' }
        ) {
            $task = Wait-SimTask (New-Created '/v1/video_to_hdr' @{ model = 'ruby'; videoUri = $RemoteVideo; outputFormat = $Format }).id
            $task.output[0] | Should -Match "/0\.$Ext\?"
            $file = Get-Bytes $task.output[0]
            $file.ContentType | Should -Be $Type
            if ($Ext -eq 'zip') {
                $zip = [IO.Compression.ZipArchive]::new([IO.MemoryStream]::new($file.Bytes))
                $names = @($zip.Entries.FullName)
                $names | Should -Contain 'frame.0001.exr'
                $names | Should -Contain 'colorimetry.json'
                $names | Should -Contain 'provenance.json'
                $stream = $zip.GetEntry('frame.0001.exr').Open(); $head = [byte[]]::new(4); $null = $stream.Read($head, 0, 4)
                [BitConverter]::ToInt32($head, 0) | Should -Be 20000630
            }
        }

        It 'defaults to hdr10, bills 20 credits per second, and hdr_prores carries the ProRes tier' {
            (New-Created '/v1/video_to_hdr' @{ model = 'ruby'; videoUri = $RemoteVideo }).estimatedCost.credits | Should -Be 100
            $task = Wait-SimTask (New-Created '/v1/video_to_hdr' @{ model = 'ruby'; videoUri = $RemoteVideo; outputFormat = 'hdr_prores'; proresProfile = '4444' }).id
            $mov = Read-Mp4 (Get-Bytes $task.output[0]).Bytes
            $mov.Brand | Should -Be 'qt  '
            $mov.Text | Should -Match 'ap4h'
        }

        It 'takes proresProfile only with hdr_prores' {
            $r = Invoke-Sim -Method Post -Path '/v1/video_to_hdr' -Body @{ model = 'ruby'; videoUri = $RemoteVideo; proresProfile = '422' }
            $r.Status | Should -Be 400
            Get-Issue $r | Should -Be 'proresProfile'
            (Invoke-Sim -Method Post -Path '/v1/video_to_hdr' -Body @{ model = 'ruby'; videoUri = $RemoteVideo; outputFormat = 'hdr_prores'; proresProfile = '422 HQ' }).Status | Should -Be 200
            (Invoke-Sim -Method Post -Path '/v1/video_to_hdr' -Body @{ model = 'ruby'; videoUri = $RemoteVideo; outputFormat = 'dolby' }).Status | Should -Be 400
        }
    }

    Describe 'POST /v1/recipes/*' {
        It '<Name> creates a task with <Count> <Type> output(s)' -ForEach @(
            @{ Name = 'ad_localization'; Type = 'image/png'; Count = 1; Body = @{ referenceImage = @{ uri = 'https://e.com/ad.png' }; targetLanguage = 'zh-Hant'; version = '2026-06' } }
            @{ Name = 'marketing_stock_image'; Type = 'image/png'; Count = 2; Body = @{ prompt = 'a bakery ad'; version = 'unsafe-latest'; outputCount = 2; quality = 'low'; referenceImage = @{ uri = 'https://e.com/logo.png' } } }
            @{ Name = 'marketing_stock_image'; Type = 'image/png'; Count = 4; Body = @{ prompt = 'a bakery ad'; version = '2026-06' } }
            @{ Name = 'multi_shot_video'; Type = 'video/mp4'; Count = 1; Body = @{ mode = 'auto'; prompt = 'a heist'; version = '2026-06'; duration = 15; ratio = '1080:1920'; audio = $true; firstFrame = @{ uri = 'https://e.com/f.png' } } }
            @{ Name = 'multi_shot_video'; Type = 'video/mp4'; Count = 1; Body = @{ mode = 'custom'; version = '2026-06'; duration = 5; shots = @(@{ duration = 1.5; prompt = 'a' }, @{ duration = 1.5; prompt = 'b' }, @{ duration = 2; prompt = 'c' }) } }
            @{ Name = 'product_ad'; Type = 'video/mp4'; Count = 1; Body = @{ productImages = @(@{ uri = 'https://e.com/p.png' }); version = '2026-07'; duration = 6; ratio = '834:1112'; styleImages = @(@{ uri = 'https://e.com/s.png' }); productInfo = 'a mug'; userConcept = 'cosy'; audio = $false } }
            @{ Name = 'product_campaign_image'; Type = 'image/png'; Count = 4; Body = @{ image = @{ uri = 'https://e.com/p.png' }; prompt = 'editorial'; version = '2026-06' } }
            @{ Name = 'product_swap'; Type = 'video/mp4'; Count = 1; Body = @{ newProductImages = @(@{ uri = 'https://e.com/a.png'; view = 'front' }, @{ uri = 'https://e.com/b.png'; view = 'back' }); originalProductImage = @{ uri = 'https://e.com/o.png' }; referenceVideo = @{ uri = 'https://e.com/r.mp4' }; version = '2026-06'; resolution = '1080p' } }
            @{ Name = 'product_ugc'; Type = 'video/mp4'; Count = 1; Body = @{ characterImage = @{ uri = 'https://e.com/c.png' }; productImage = @{ uri = 'https://e.com/p.png' }; version = '2026-06'; ratio = '1080:1920'; duration = 4 } }
        ) {
            $created = New-Created "/v1/recipes/$Name" $Body
            $created.estimatedCost.credits | Should -BeGreaterThan 0
            $task = Wait-SimTask $created.id
            $task.status | Should -Be 'SUCCEEDED'
            @($task.output).Count | Should -Be $Count
            foreach ($url in $task.output) { (Get-Bytes $url).ContentType | Should -Be $Type }
        }

        It 'multi_shot_video and product_ugc outputs have the requested size and length' {
            $task = Wait-SimTask (New-Created '/v1/recipes/multi_shot_video' @{ mode = 'auto'; prompt = 'p'; version = '2026-06'; ratio = '1440:1440'; duration = 5 }).id
            $mp4 = Read-Mp4 (Get-Bytes $task.output[0]).Bytes
            $mp4.Width, $mp4.Height, $mp4.Seconds | Should -Be 1440, 1440, 5
            $ugc = Wait-SimTask (New-Created '/v1/recipes/product_ugc' @{ characterImage = @{ uri = $Remote }; productImage = @{ uri = $Remote }; version = '2026-06' }).id
            $mp4 = Read-Mp4 (Get-Bytes $ugc.output[0]).Bytes
            $mp4.Width, $mp4.Height, $mp4.Seconds | Should -Be 720, 1280, 15
        }

        It '<Name> rejects <Case>' -ForEach @(
            @{ Name = 'ad_localization'; Case = 'a missing version'; Path = 'version'; Body = @{ referenceImage = @{ uri = 'https://e.com/a.png' }; targetLanguage = 'ja' } }
            @{ Name = 'ad_localization'; Case = 'an unknown language'; Path = 'targetLanguage'; Body = @{ referenceImage = @{ uri = 'https://e.com/a.png' }; targetLanguage = 'xx'; version = '2026-06' } }
            @{ Name = 'ad_localization'; Case = 'a bare string image'; Path = 'referenceImage'; Body = @{ referenceImage = 'https://e.com/a.png'; targetLanguage = 'ja'; version = '2026-06' } }
            @{ Name = 'marketing_stock_image'; Case = 'outputCount 5'; Path = 'outputCount'; Body = @{ prompt = 'p'; version = '2026-06'; outputCount = 5 } }
            @{ Name = 'multi_shot_video'; Case = 'shots in auto mode'; Path = 'shots'; Body = @{ mode = 'auto'; prompt = 'p'; version = '2026-06'; shots = @() } }
            @{ Name = 'multi_shot_video'; Case = 'shots that do not sum to duration'; Path = 'shots'; Body = @{ mode = 'custom'; version = '2026-06'; shots = @(@{ duration = 3; prompt = 'a' }, @{ duration = 3; prompt = 'b' }, @{ duration = 3; prompt = 'c' }) } }
            @{ Name = 'multi_shot_video'; Case = 'two shots'; Path = 'shots'; Body = @{ mode = 'custom'; version = '2026-06'; shots = @(@{ duration = 5; prompt = 'a' }, @{ duration = 5; prompt = 'b' }) } }
            @{ Name = 'multi_shot_video'; Case = 'duration 7'; Path = 'duration'; Body = @{ mode = 'auto'; prompt = 'p'; version = '2026-06'; duration = 7 } }
            @{ Name = 'multi_shot_video'; Case = 'an unknown mode'; Path = 'mode'; Body = @{ mode = 'manual'; prompt = 'p'; version = '2026-06' } }
            @{ Name = 'product_ad'; Case = 'no product images'; Path = 'productImages'; Body = @{ productImages = @(); version = '2026-06' } }
            @{ Name = 'product_ad'; Case = 'five style images'; Path = 'styleImages'; Body = @{ productImages = @(@{ uri = 'https://e.com/a.png' }); version = '2026-06'; styleImages = @(1..5 | ForEach-Object { @{ uri = 'https://e.com/s.png' } }) } }
            @{ Name = 'product_ad'; Case = 'duration 3'; Path = 'duration'; Body = @{ productImages = @(@{ uri = 'https://e.com/a.png' }); version = '2026-06'; duration = 3 } }
            @{ Name = 'product_campaign_image'; Case = 'version 2026-07'; Path = 'version'; Body = @{ image = @{ uri = 'https://e.com/a.png' }; prompt = 'p'; version = '2026-07' } }
            @{ Name = 'product_swap'; Case = 'a view of top'; Path = 'newProductImages.0.view'; Body = @{ newProductImages = @(@{ uri = 'https://e.com/a.png'; view = 'top' }); originalProductImage = @{ uri = 'https://e.com/o.png' }; referenceVideo = @{ uri = 'https://e.com/r.mp4' }; version = '2026-06' } }
            @{ Name = 'product_swap'; Case = 'a missing reference video'; Path = 'referenceVideo'; Body = @{ newProductImages = @(@{ uri = 'https://e.com/a.png' }); originalProductImage = @{ uri = 'https://e.com/o.png' }; version = '2026-06' } }
            @{ Name = 'product_ugc'; Case = 'a landscape ratio'; Path = 'ratio'; Body = @{ characterImage = @{ uri = 'https://e.com/c.png' }; productImage = @{ uri = 'https://e.com/p.png' }; version = '2026-06'; ratio = '1280:720' } }
        ) {
            $r = Invoke-Sim -Method Post -Path "/v1/recipes/$Name" -Body $Body
            $r.Status | Should -Be 400
            Get-Issue $r | Should -Contain $Path
        }

        It 'product_swap refuses a reference video shorter than 1.8 s' {
            $clip = Wait-SimTask (New-Created '/v1/image_to_video' @{ model = 'gen4_turbo'; promptImage = $PngUri; ratio = '960:960'; duration = 2 }).id
            $bytes = (Get-Bytes $clip.output[0]).Bytes
            # Rewrite mvhd's duration (1000 Hz timescale) to 1 s.
            $mvhd = [Text.Encoding]::Latin1.GetString($bytes).IndexOf('mvhd') - 4
            $bytes[$mvhd + 24] = 0; $bytes[$mvhd + 25] = 0; $bytes[$mvhd + 26] = 3; $bytes[$mvhd + 27] = 232
            $video = 'data:video/mp4;base64,' + [Convert]::ToBase64String($bytes)
            $body = @{ newProductImages = @(@{ uri = $Remote }); originalProductImage = @{ uri = $Remote }; referenceVideo = @{ uri = $video }; version = '2026-06' }
            $r = Invoke-Sim -Method Post -Path '/v1/recipes/product_swap' -Body $body
            $r.Status | Should -Be 400
            Get-Issue $r | Should -Be 'referenceVideo.uri'
        }

        It 'a [fail:CODE] in the creative text ends the task FAILED and refunds it' {
            $before = (Invoke-Sim -Path '/v1/organization').Json.creditBalance
            $task = Wait-SimTask (New-Created '/v1/recipes/product_ad' @{ productImages = @(@{ uri = $Remote }); version = '2026-06'; userConcept = 'x [fail:SAFETY.INPUT.TEXT]' }).id
            $task.status | Should -Be 'FAILED'
            $task.failureCode | Should -Be 'SAFETY.INPUT.TEXT'
            (Invoke-Sim -Path '/v1/organization').Json.creditBalance | Should -Be $before
        }
    }

    Describe '/v1/routers' {
        It 'creates, retrieves, updates (versions only on settings changes, merging) and deletes a router' {
            $router = New-Created '/v1/routers' @{ slug = 'prod-video'; description = 'main'; settings = @{ optimizeFor = 'quality'; models = @{ mode = 'allowlist_only'; ids = @('veo3.1', 'gen4.5') }; fallback = @{ onCapacity = $true }; maxCreditsPerGeneration = @{ video = 400 } } }
            $router.id | Should -Match '^[0-9a-f-]{36}$'
            $router.name | Should -Be 'prod-video'
            $router.version | Should -Be 1
            $router.settings.schemaVersion | Should -Be 1
            $router.settings.models.ids | Should -Be 'veo3.1', 'gen4.5'
            (Invoke-Sim -Path "/v1/routers/$($router.id)").Json.slug | Should -Be 'prod-video'

            $renamed = (Invoke-Sim -Method Patch -Path "/v1/routers/$($router.id)" -Body @{ name = 'Production'; description = $null }).Json
            $renamed.version | Should -Be 1
            $renamed.name | Should -Be 'Production'
            $renamed.description | Should -BeNullOrEmpty
            $changed = (Invoke-Sim -Method Patch -Path "/v1/routers/$($router.id)" -Body @{ settings = @{ optimizeFor = 'cost'; models = @{ mode = 'allow_new_except' } } }).Json
            $changed.version | Should -Be 2
            $changed.settings.optimizeFor | Should -Be 'cost'
            $changed.settings.models.mode | Should -Be 'allow_new_except'
            $changed.settings.models.ids | Should -Be 'veo3.1', 'gen4.5'
            $changed.settings.maxCreditsPerGeneration.video | Should -Be 400

            (Invoke-Sim -Method Patch -Path "/v1/routers/$($router.id)" -Body @{ slug = 'other' }).Status | Should -Be 400
            (Invoke-Sim -Method Delete -Path "/v1/routers/$($router.id)").Status | Should -Be 204
            (Invoke-Sim -Path "/v1/routers/$($router.id)").Status | Should -Be 404
            (Invoke-Sim -Method Delete -Path "/v1/routers/$($router.id)").Status | Should -Be 404
            (Invoke-Sim -Method Post -Path '/v1/generate/video' -Body @{ configId = 'prod-video'; input = @{ promptText = 'x' } }).Status | Should -Be 404
        }

        It 'rejects <Case>' -ForEach @(
            @{ Case = 'a missing slug'; Body = @{ name = 'x' }; Path = 'slug' }
            @{ Case = 'an uppercase slug'; Body = @{ slug = 'Prod' }; Path = 'slug' }
            @{ Case = 'an unknown model id'; Body = @{ slug = 'a'; settings = @{ models = @{ mode = 'allowlist_only'; ids = @('zz-test-nonexistent-model') } } }; Path = 'settings.models.ids.0' }
            @{ Case = 'models without mode'; Body = @{ slug = 'a'; settings = @{ models = @{ ids = @('gen4.5') } } }; Path = 'settings.models.mode' }
            @{ Case = 'schemaVersion 2'; Body = @{ slug = 'a'; settings = @{ schemaVersion = 2 } }; Path = 'settings.schemaVersion' }
            @{ Case = 'an unknown optimizeFor'; Body = @{ slug = 'a'; settings = @{ optimizeFor = 'speed' } }; Path = 'settings.optimizeFor' }
            @{ Case = 'a negative credit cap'; Body = @{ slug = 'a'; settings = @{ maxCreditsPerGeneration = @{ image = -1 } } }; Path = 'settings.maxCreditsPerGeneration.image' }
        ) {
            $r = Invoke-Sim -Method Post -Path '/v1/routers' -Body $Body
            $r.Status | Should -Be 400
            Get-Issue $r | Should -Contain $Path
        }

        It 'refuses a second router with the same slug (409)' {
            $null = New-Created '/v1/routers' @{ slug = 'dup' }
            (Invoke-Sim -Method Post -Path '/v1/routers' -Body @{ slug = 'dup' }).Status | Should -Be 409
        }

        It 'lists newest first with cursor pagination until nextCursor is null' {
            foreach ($i in 1..5) { $null = New-Created '/v1/routers' @{ slug = "r$i" } }
            $slugs = @(); $cursor = $null; $pages = 0
            do {
                $path = '/v1/routers?limit=2' + ($(if ($cursor) { "&cursor=$cursor" } else { '' }))
                $page = (Invoke-Sim -Path $path).Json
                $slugs += @($page.data.slug); $cursor = $page.nextCursor; $pages++
            } while ($cursor)
            $pages | Should -Be 3
            $slugs | Should -Be 'r5', 'r4', 'r3', 'r2', 'r1'
            (Invoke-Sim -Path '/v1/routers').Json.data.Count | Should -Be 5
            (Invoke-Sim -Path '/v1/routers?limit=0').Status | Should -Be 400
            (Invoke-Sim -Path '/v1/routers?limit=101').Status | Should -Be 400
            (Invoke-Sim -Path '/v1/routers?cursor=bogus').Status | Should -Be 400
            (Invoke-Sim -Path '/v1/routers?page=2').Status | Should -Be 400
        }
    }

    Describe '/v1/generate/*' {
        It 'routes video by cost by default and the task is an MP4 of the resolved input' {
            $null = New-Created '/v1/routers' @{ slug = 'v' }
            $created = New-Created '/v1/generate/video' @{ configId = 'v'; input = @{ promptText = 'a cat'; aspectRatio = '9:16' } }
            $created.routing.configId | Should -Be 'v'
            $created.routing.model | Should -Be 'gen4.5'
            $created.routing.provider | Should -Be 'runway'
            $created.routing.estimatedCost.credits | Should -Be 60
            $created.routing.resolvedInput.duration | Should -Be 5
            $created.routing.resolvedInput.ratio | Should -Be '720:1280'
            $created.routing.resolvedInput.resolution | Should -Be '720p'
            $created.routing.resolvedSettings.optimizeFor | Should -Be 'cost'
            $created.routing.resolvedSettings.priceCeiling | Should -BeNullOrEmpty
            $created.routing.PSObject.Properties.Name | Should -Not -Contain 'capacityFallback'
            $mp4 = Read-Mp4 (Get-Bytes (Wait-SimTask $created.id).output[0]).Bytes
            $mp4.Width, $mp4.Height, $mp4.Seconds | Should -Be 720, 1280, 5
        }

        It 'follows optimizeFor quality, the price ceiling and the allowlist' {
            $null = New-Created '/v1/routers' @{ slug = 'q'; settings = @{ optimizeFor = 'quality' } }
            $q = New-Created '/v1/generate/video' @{ configId = 'q'; input = @{ promptText = 'a cat'; audio = $false } }
            $q.routing.model | Should -Be 'veo3.1'
            $q.routing.resolvedInput.duration | Should -Be 8
            $q.routing.estimatedCost.credits | Should -Be 160

            $null = New-Created '/v1/routers' @{ slug = 'cap'; settings = @{ maxCreditsPerGeneration = @{ video = 55 } } }
            $capped = New-Created '/v1/generate/video' @{ configId = 'cap'; input = @{ promptText = 'a cat'; referenceImages = @(@{ role = 'first'; uri = $Remote }) } }
            $capped.routing.model | Should -Be 'gen4_turbo'
            $capped.routing.resolvedSettings.priceCeiling | Should -Be 55

            $null = New-Created '/v1/routers' @{ slug = 'only-seedance'; settings = @{ models = @{ mode = 'allowlist_only'; ids = @('seedance2') } } }
            $r = Invoke-Sim -Method Post -Path '/v1/generate/video' -Body @{ configId = 'only-seedance'; input = @{ promptText = 'a cat'; audio = $false } }
            $r.Status | Should -Be 400
            $r.Json.error | Should -Match 'no_eligible_model'
        }

        It 'skips a model at its concurrency limit when fallback.onCapacity is on' {
            $null = Invoke-RestMethod -Method Post -Uri "$Url/_sim/config" -ContentType 'application/json' -Body '{"maxConcurrent":1,"pendingMs":0,"runMs":10000}'
            $null = New-Created '/v1/routers' @{ slug = 'cap-fallback'; settings = @{ fallback = @{ onCapacity = $true } } }
            (New-Created '/v1/generate/video' @{ configId = 'cap-fallback'; input = @{ promptText = 'one' } }).routing.model | Should -Be 'gen4.5'
            $second = New-Created '/v1/generate/video' @{ configId = 'cap-fallback'; input = @{ promptText = 'two' } }
            $second.routing.model | Should -Not -Be 'gen4.5'
            $second.routing.capacityFallback.allExhausted | Should -BeFalse
            $second.routing.capacityFallback.skipped | Should -Be 'gen4.5'
        }

        It 'routes images with outputCount to a model that makes that many, charging per image' {
            $null = New-Created '/v1/routers' @{ slug = 'img' }
            $created = New-Created '/v1/generate/image' @{ configId = 'img'; input = @{ promptText = 'a fox'; outputCount = 3; aspectRatio = '3:2' } }
            $created.routing.model | Should -Be 'gpt_image_2'
            $created.routing.resolvedInput.aspectRatio | Should -Be '3:2'
            $created.routing.resolvedInput.ratio | Should -Be '1248:832'
            $created.routing.resolvedInput.resolution | Should -Be '1k'
            # The router charges what the model's own endpoint charges (one price table): gpt_image_2 at its default quality.
            $direct = New-Created '/v1/text_to_image' @{ model = 'gpt_image_2'; promptText = 'a fox'; ratio = '1920:1280'; outputCount = 3 }
            $created.routing.estimatedCost.credits | Should -Be $direct.estimatedCost.credits
            $created.routing.estimatedCost.credits % 3 | Should -Be 0
            $task = Wait-SimTask $created.id
            @($task.output).Count | Should -Be 3
            (Get-Bytes $task.output[2]).ContentType | Should -Be 'image/png'
        }

        It 'routes audio by type and voice' {
            $null = New-Created '/v1/routers' @{ slug = 'aud' }
            $clone = New-Created '/v1/generate/audio' @{ configId = 'aud'; input = @{ type = 'speech'; promptText = 'Hello there'; voice = @{ type = 'reference-audio'; audioUri = 'https://e.com/v.mp3' } } }
            $clone.routing.model | Should -Be 'seed_audio'
            $clone.routing.resolvedInput.voice | Should -Be 'reference-audio'
            $sfx = New-Created '/v1/generate/audio' @{ configId = 'aud'; input = @{ type = 'audio'; promptText = 'rain'; loop = $true; duration = 3 } }
            $sfx.routing.model | Should -Be 'eleven_text_to_sound_v2'
            $sfx.routing.resolvedInput.type | Should -Be 'audio'
            $sfx.routing.resolvedInput.voice | Should -Be 'none'
            (Get-Bytes (Wait-SimTask $sfx.id).output[0]).ContentType | Should -Be 'audio/wav'
        }

        It 'rejects <Case>' -ForEach @(
            @{ Case = 'a missing input'; Modality = 'video'; Body = @{}; Path = 'input' }
            @{ Case = 'two first images'; Modality = 'video'; Body = @{ referenceImages = @(@{ role = 'first'; uri = 'https://e.com/a.png' }, @{ role = 'first'; uri = 'https://e.com/b.png' }) }; Path = 'input.referenceImages.1.role' }
            @{ Case = 'keyframes without a source video'; Modality = 'video'; Body = @{ keyframes = @(@{ seconds = 1; uri = 'https://e.com/a.png' }) }; Path = 'input.keyframes' }
            @{ Case = 'an unknown aspect'; Modality = 'video'; Body = @{ aspectRatio = '2:1' }; Path = 'input.aspectRatio' }
            @{ Case = 'a missing promptText'; Modality = 'image'; Body = @{ outputCount = 1 }; Path = 'input.promptText' }
            @{ Case = 'outputCount 11'; Modality = 'image'; Body = @{ promptText = 'x'; outputCount = 11 }; Path = 'input.outputCount' }
            @{ Case = 'a missing type'; Modality = 'audio'; Body = @{ promptText = 'x' }; Path = 'input.type' }
            @{ Case = 'an unknown preset'; Modality = 'audio'; Body = @{ promptText = 'x'; type = 'speech'; voice = @{ type = 'preset'; presetId = 'zz-test-nonexistent-voice' } }; Path = 'input.voice.presetId' }
            @{ Case = 'four reference audios'; Modality = 'audio'; Body = @{ promptText = 'x'; type = 'audio'; referenceAudios = @(1..4 | ForEach-Object { @{ uri = 'https://e.com/a.mp3' } }) }; Path = 'input.referenceAudios' }
        ) {
            $null = New-Created '/v1/routers' @{ slug = 'rej' }
            $request = @{ configId = 'rej' }
            if ($Case -ne 'a missing input') { $request.input = $Body }
            $r = Invoke-Sim -Method Post -Path "/v1/generate/$Modality" -Body $request
            $r.Status | Should -Be 400
            Get-Issue $r | Should -Contain $Path
        }

        It 'records every live request in the router history, newest first, paginated' {
            $router = New-Created '/v1/routers' @{ slug = 'hist'; settings = @{ models = @{ mode = 'allowlist_only'; ids = @('gen4.5', 'veo3.1') } } }
            $routed = New-Created '/v1/generate/video' @{ configId = 'hist'; input = @{ promptText = 'x' } }
            $null = Invoke-Sim -Method Post -Path '/v1/generate/video' -Body @{ configId = 'hist'; input = @{ aspectRatio = 'bad' } }
            $null = Invoke-Sim -Method Post -Path '/v1/generate/video' -Body @{ configId = 'hist'; input = @{ promptText = 'x'; resolution = '4k' } }
            $items = @(); $cursor = $null
            do {
                $page = (Invoke-Sim -Path "/v1/routers/$($router.id)/requests?limit=1$(if ($cursor) { "&cursor=$cursor" })").Json
                $items += @($page.data); $cursor = $page.nextCursor
            } while ($cursor)
            $items.status | Should -Be 'no_eligible_model', 'invalid_request', 'routed'
            $items[0].emptiedBy | Should -Be 'capability'
            $items[0].model | Should -BeNullOrEmpty
            $items[0].reasonCode | Should -BeNullOrEmpty
            $items[2].taskId | Should -Be $routed.id
            $items[2].model | Should -Be 'gen4.5'
            $items[2].reasonCode | Should -Be 'lowest_cost'
            $items[2].estimatedCredits | Should -Be 60
            $items[2].pipeline.type | Should -Be 'filter', 'filter', 'filter', 'filter', 'filter', 'rank'
            $items[2].pipeline[3].filter | Should -Be 'allow_deny'
            $items[2].pipeline[3].models | Should -Be 'gen4.5', 'veo3.1'
            $items[2].pipeline[5].outcome | Should -Be 'cost'
            (Invoke-Sim -Path '/v1/routers/00000000-0000-0000-0000-000000000000/requests').Status | Should -Be 404
        }
    }

    Describe '/v1/workflows and /v1/workflow_invocations' {
        BeforeAll {
            function Get-Workflow([string] $Name) {
                $id = ((Invoke-Sim -Path '/v1/workflows').Json.data | Where-Object name -EQ $Name).versions[0].id
                (Invoke-Sim -Path "/v1/workflows/$id").Json
            }
            function Get-NodeId($Workflow, [string] $Name) { ($Workflow.graph.nodes | Where-Object name -EQ $Name).id }
        }

        It 'lists the seeded workflows grouped by name, versions newest first, and retrieves one with its graph' {
            $list = (Invoke-Sim -Path '/v1/workflows').Json
            $list.data.name | Should -Be 'Product shot', 'Storyboard to video', 'Video restyle'
            $shot = $list.data | Where-Object name -EQ 'Product shot'
            $shot.versions.version | Should -Be 2, 1
            $wf = (Invoke-Sim -Path "/v1/workflows/$($shot.versions[0].id)").Json
            $wf.name | Should -Be 'Product shot'
            $wf.version | Should -Be 2
            $wf.graph.version | Should -Be 1
            $wf.graph.nodes.Count | Should -Be 3
            $wf.graph.edges.Count | Should -Be 2
            (Invoke-Sim -Path '/v1/workflows/00000000-0000-0000-0000-000000000000').Status | Should -Be 404
            (Invoke-Sim -Path '/v1/workflows?limit=1').Status | Should -Be 400
        }

        It 'runs with typed inputs: PENDING, RUNNING with progress and partial output, SUCCEEDED with downloadable outputs' {
            $null = Invoke-RestMethod -Method Post -Uri "$Url/_sim/config" -ContentType 'application/json' -Body '{"pendingMs":100,"runMs":1500}'
            $wf = Get-Workflow 'Video restyle'
            $body = @{ nodeOutputs = @{
                (Get-NodeId $wf 'Source video') = @{ video = @{ type = 'video'; uri = $RemoteVideo } }
                (Get-NodeId $wf 'Style') = @{ text = @{ type = 'primitive'; value = 'pastel' }; voiceover = @{ type = 'primitive'; value = $true } }
            } }
            $run = New-Created "/v1/workflows/$($wf.id)" $body
            (Invoke-Sim -Path "/v1/workflow_invocations/$($run.id)").Json.status | Should -Be 'PENDING'
            Start-Sleep -Milliseconds 1000
            $running = (Invoke-Sim -Path "/v1/workflow_invocations/$($run.id)").Json
            $running.status | Should -Be 'RUNNING'
            $running.progress | Should -BeGreaterThan 0
            @($running.output.PSObject.Properties).Count | Should -Be 1
            $done = Wait-Invocation $run.id
            $done.status | Should -Be 'SUCCEEDED'
            $done.PSObject.Properties.Name | Should -Not -Contain 'nodeErrors'
            (Get-Bytes $done.output.(Get-NodeId $wf 'Restyle')[0]).ContentType | Should -Be 'video/mp4'
            (Get-Bytes $done.output.(Get-NodeId $wf 'Voiceover')[0]).ContentType | Should -Be 'audio/wav'
            (Get-Bytes ($done.output.(Get-NodeId $wf 'Restyle')[0] -replace 'sig=[0-9a-f]+', 'sig=00')).Status | Should -Be 403
        }

        It 'rejects <Case>' -ForEach @(
            @{ Case = 'a missing required input'; Node = $null; Value = $null; Path = 'nodeOutputs.{source}.video' }
            @{ Case = 'an image given for a video input'; Node = 'Source video'; Value = @{ video = @{ type = 'image'; uri = 'https://e.com/a.png' } }; Path = 'nodeOutputs.{node}.video.type' }
            @{ Case = 'a number for a string primitive'; Node = 'Style'; Value = @{ text = @{ type = 'primitive'; value = 3 } }; Path = 'nodeOutputs.{node}.text.value' }
            @{ Case = 'an unknown output key'; Node = 'Style'; Value = @{ colour = @{ type = 'primitive'; value = 'x' } }; Path = 'nodeOutputs.{node}.colour' }
            @{ Case = 'a uri on a primitive'; Node = 'Style'; Value = @{ text = @{ type = 'primitive'; value = 'x'; uri = 'https://e.com/a' } }; Path = 'nodeOutputs.{node}.text.uri' }
            # The SDK takes any node id of the graph, each output typed: a generation node's value must still be one of the SDK's types.
            @{ Case = 'a generation node''s value of no SDK type'; Node = 'Restyle'; Value = @{ video = @{ type = 'document'; uri = 'https://e.com/v.mp4' } }; Path = 'nodeOutputs.{node}.video.type' }
        ) {
            $wf = Get-Workflow 'Video restyle'
            $source = Get-NodeId $wf 'Source video'
            $outputs = @{}
            if ($Node -ne 'Source video') { $outputs[$source] = @{ video = @{ type = 'video'; uri = $RemoteVideo } } }
            if ($Case -eq 'a missing required input') { $outputs.Remove($source) }
            if ($Node) { $outputs[(Get-NodeId $wf $Node)] = $Value }
            $r = Invoke-Sim -Method Post -Path "/v1/workflows/$($wf.id)" -Body @{ nodeOutputs = $outputs }
            $r.Status | Should -Be 400
            Get-Issue $r | Should -Contain ($Path -replace '\{source\}', $source -replace '\{node\}', $(if ($Node) { Get-NodeId $wf $Node }))
        }

        It 'accepts typed outputs on a node that is not an input (the SDK takes any node id of the graph)' {
            $wf = Get-Workflow 'Video restyle'
            $outputs = @{
                (Get-NodeId $wf 'Source video') = @{ video = @{ type = 'video'; uri = $RemoteVideo } }
                (Get-NodeId $wf 'Restyle') = @{ seed = @{ type = 'primitive'; value = 7 }; look = @{ type = 'image'; uri = 'https://e.com/look.png' } }
            }
            (Invoke-Sim -Method Post -Path "/v1/workflows/$($wf.id)" -Body @{ nodeOutputs = $outputs }).Status | Should -Be 200
        }

        It 'rejects an unknown node id and a workflow that does not exist' {
            $wf = Get-Workflow 'Product shot'
            $r = Invoke-Sim -Method Post -Path "/v1/workflows/$($wf.id)" -Body @{ nodeOutputs = @{ nope = @{} } }
            $r.Status | Should -Be 400
            Get-Issue $r | Should -Contain 'nodeOutputs.nope'
            (Invoke-Sim -Method Post -Path '/v1/workflows/00000000-0000-0000-0000-000000000000' -Body @{}).Status | Should -Be 404
        }

        It 'a node failing (added through /_sim/workflows) leaves a SUCCEEDED partial run with nodeErrors' {
            $added = Invoke-RestMethod -Method Post -Uri "$Url/_sim/workflows" -ContentType 'application/json' -Body (ConvertTo-Json -Depth 8 @{
                name = 'Partial'; nodes = @(
                    @{ name = 'Prompt'; type = 'input'; outputs = @{ text = @{ type = 'primitive'; valueType = 'string'; default = 'hi' } } }
                    @{ name = 'Good'; type = 'generation'; produces = 'image'; count = 2; reads = @('Prompt') }
                    @{ name = 'Bad'; type = 'generation'; produces = 'video'; reads = @('Prompt'); failureCode = 'INTERNAL.BAD_OUTPUT' }
                ) })
            $added.version | Should -Be 1
            $done = Wait-Invocation (New-Created "/v1/workflows/$($added.id)" @{}).id
            $done.status | Should -Be 'SUCCEEDED'
            $good = Get-NodeId $added 'Good'; $bad = Get-NodeId $added 'Bad'
            @($done.output.$good).Count | Should -Be 2
            $done.output.PSObject.Properties.Name | Should -Not -Contain $bad
            $done.nodeErrors.$bad.failureCode | Should -Be 'INTERNAL.BAD_OUTPUT'
            $done.nodeErrors.$bad.nodeName | Should -Be 'Bad'
            $done.nodeErrors.$bad.message | Should -Not -BeNullOrEmpty
            ((Invoke-Sim -Path '/v1/workflows').Json.data | Where-Object name -EQ 'Partial').versions.Count | Should -Be 1
        }

        It 'a [fail:CODE] in a primitive fails the nodes reading it; [fail-invocation:CODE] fails the invocation' {
            $wf = Get-Workflow 'Product shot'
            $prompt = Get-NodeId $wf 'Prompt'; $image = Get-NodeId $wf 'Product image'
            $inputs = @{ $image = @{ image = @{ type = 'image'; uri = $PngUri } } }
            $inputs[$prompt] = @{ text = @{ type = 'primitive'; value = 'x [fail:SAFETY.INPUT.TEXT]' } }
            $partial = Wait-Invocation (New-Created "/v1/workflows/$($wf.id)" @{ nodeOutputs = $inputs }).id
            $partial.status | Should -Be 'SUCCEEDED'
            $partial.nodeErrors.(Get-NodeId $wf 'Product render').failureCode | Should -Be 'SAFETY.INPUT.TEXT'
            $inputs[$prompt] = @{ text = @{ type = 'primitive'; value = 'x [fail-invocation:INTERNAL]' } }
            $failed = Wait-Invocation (New-Created "/v1/workflows/$($wf.id)" @{ nodeOutputs = $inputs }).id
            $failed.status | Should -Be 'FAILED'
            $failed.failureCode | Should -Be 'INTERNAL'
            $failed.failure | Should -Not -BeNullOrEmpty
            (Invoke-Sim -Path '/v1/workflow_invocations/00000000-0000-0000-0000-000000000000').Status | Should -Be 404
        }
    }
}
