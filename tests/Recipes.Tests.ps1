BeforeAll {
    . $PSScriptRoot/Helpers/Recipes.ps1
}

AfterAll { Exit-AreaTest }

Describe 'The recipes' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        Push-Location $TestDrive
    }
    AfterEach { Pop-Location }

    It '<Cmdlet> creates a <Recipe> task, waits and saves <Count> <Extension> file(s)' -ForEach @(
        @{ Cmdlet = 'New-RunwayAdLocalization'; Recipe = 'ad_localization'; Extension = '.png'; Count = 1; Arguments = @{ Image = 'shot1.png'; Language = 'ja' } }
        @{ Cmdlet = 'New-RunwayMarketingImage'; Recipe = 'marketing_stock_image'; Extension = '.png'; Count = 2; Arguments = @{ Prompt = 'a sunlit cafe for a coffee brand'; OutputCount = 2; Quality = 'low'; Logo = 'shot2.png' } }
        @{ Cmdlet = 'New-RunwayMultiShotVideo'; Recipe = 'multi_shot_video'; Extension = '.mp4'; Count = 1; Arguments = @{ Prompt = 'a day at the beach'; Duration = 5; Ratio = '720:1280'; FirstFrame = 'shot1.png'; Audio = $true } }
        @{ Cmdlet = 'New-RunwayProductAd'; Recipe = 'product_ad'; Extension = '.mp4'; Count = 1; Arguments = @{ ProductImage = 'shot1.png', 'shot2.png'; StyleImage = 'shot3.png'; ProductInfo = 'a steel water bottle'; UserConcept = 'mountain sunrise'; Duration = 6; Ratio = '1080:1920' } }
        @{ Cmdlet = 'New-RunwayProductCampaignImage'; Recipe = 'product_campaign_image'; Extension = '.png'; Count = 4; Arguments = @{ Image = 'shot1.png'; Prompt = 'high-key fashion editorial' } }
        @{ Cmdlet = 'New-RunwayProductSwap'; Recipe = 'product_swap'; Extension = '.mp4'; Count = 1; Arguments = @{ ReferenceVideo = '../clip.mp4'; OriginalProductImage = 'shot1.png'; NewProductImage = @(@{ Uri = 'shot2.png'; View = 'front' }, 'shot3.png'); Resolution = '1080p'; Duration = 4 } }
        @{ Cmdlet = 'New-RunwayProductUgc'; Recipe = 'product_ugc'; Extension = '.mp4'; Count = 1; Arguments = @{ CharacterImage = 'shot1.png'; ProductImage = 'shot2.png'; ProductInfo = 'a face cream'; Ratio = '1080:1920'; Duration = 8 } }
    ) {
        Push-Location $Pngs
        try { $files = @(& $Cmdlet @Arguments -OutDirectory (Join-Path $TestDrive "out-$Recipe")) }
        finally { Pop-Location }
        $files | Should -HaveCount $Count
        $files.Extension | Sort-Object -Unique | Should -Be $Extension
        $requests = @(Get-ApiRequest "/v1/recipes/$Recipe" -Method POST)
        $requests | Should -HaveCount 1
        $body = $requests[0].body | ConvertFrom-Json -AsHashtable
        # The newest dated version the declarations list for the recipe, never unsafe-latest.
        $body.version | Should -Be ($Recipe -eq 'product_ad' ? '2026-07' : '2026-06')
        $body.ContainsKey('model') | Should -BeFalse
        $task = Get-RunwayTask -First 1
        $task.Model | Should -Be $Recipe
        $task.Status | Should -Be 'SUCCEEDED'
    }

    It '<Name> is a clear error naming what is allowed, and nothing is sent' -ForEach @(
        @{ Name = 'an unknown language'; Id = 'Runway.InvalidChoice'; Match = 'zh-Hant'; Script = { New-RunwayAdLocalization -Image $Png -Language xx } }
        @{ Name = 'a video as the ad image'; Id = 'Runway.UnsupportedFormat'; Match = 'Image'; Script = { New-RunwayAdLocalization -Image $Clip -Language ja } }
        @{ Name = 'an unknown version'; Id = 'Runway.InvalidChoice'; Match = '2026-06, unsafe-latest'; Script = { New-RunwayAdLocalization -Image $Png -Language ja -Version 2025-01 } }
        @{ Name = 'product_ad''s 2026-07 elsewhere'; Id = 'Runway.InvalidChoice'; Match = 'ad_localization'; Script = { New-RunwayAdLocalization -Image $Png -Language ja -Version 2026-07 } }
        @{ Name = 'outputCount 5'; Id = 'Runway.OutOfRange'; Match = '1–4'; Script = { New-RunwayMarketingImage -Prompt 'x' -OutputCount 5 } }
        @{ Name = 'quality ultra'; Id = 'Runway.InvalidChoice'; Match = 'low, medium, high'; Script = { New-RunwayMarketingImage -Prompt 'x' -Quality ultra } }
        @{ Name = 'an empty brief'; Id = 'Runway.MissingPrompt'; Match = 'Prompt'; Script = { New-RunwayMarketingImage -Prompt ' ' } }
        @{ Name = 'multi-shot duration 7'; Id = 'Runway.InvalidDuration'; Match = '5, 10, 15'; Script = { New-RunwayMultiShotVideo -Prompt 'x' -Duration 7 } }
        @{ Name = 'a square ratio the recipe lacks'; Id = 'Runway.InvalidRatio'; Match = '1440:1440'; Script = { New-RunwayMultiShotVideo -Prompt 'x' -Ratio 1024:1024 } }
        @{ Name = 'two shots'; Id = 'Runway.InvalidCount'; Match = '3–5'; Script = { New-RunwayMultiShotVideo -Shot @{ Duration = 5; Prompt = 'a' }, @{ Duration = 5; Prompt = 'b' } } }
        @{ Name = 'shots that do not add up to -Duration'; Id = 'Runway.ShotDurationSum'; Match = 'add up'; Script = { New-RunwayMultiShotVideo -Duration 15 -Shot @{ Duration = 5; Prompt = 'a' }, @{ Duration = 5; Prompt = 'b' }, @{ Duration = 2; Prompt = 'c' } } }
        @{ Name = 'a misspelt shot key'; Id = 'Runway.UnknownKey'; Match = 'Duration, Prompt'; Script = { New-RunwayMultiShotVideo -Shot @{ Seconds = 5; Prompt = 'a' }, @{ Duration = 5; Prompt = 'b' }, @{ Duration = 5; Prompt = 'c' } } }
        @{ Name = 'a shot of 0 s'; Id = 'Runway.InvalidShot'; Match = 'above 0'; Script = { New-RunwayMultiShotVideo -Shot @{ Duration = 0; Prompt = 'a' }, @{ Duration = 5; Prompt = 'b' }, @{ Duration = 5; Prompt = 'c' } } }
        @{ Name = '-Prompt with -Shot'; Id = 'Runway.PromptNotForCustomMode'; Match = 'mode auto'; Script = { New-RunwayMultiShotVideo -Prompt 'x' -Shot @{ Duration = 5; Prompt = 'a' } } }
        @{ Name = 'mode auto without a prompt'; Id = 'Runway.MissingPrompt'; Match = 'Prompt'; Script = { New-RunwayMultiShotVideo -Mode auto } }
        @{ Name = 'an unknown mode'; Id = 'Runway.InvalidChoice'; Match = 'auto, custom'; Script = { New-RunwayMultiShotVideo -Prompt 'x' -Mode storyboard } }
        @{ Name = 'eleven product images'; Id = 'Runway.InvalidCount'; Match = '1–10'; Script = { New-RunwayProductAd -ProductImage (@($Png) * 11) } }
        @{ Name = 'five style images'; Id = 'Runway.InvalidCount'; Match = 'at most 4'; Script = { New-RunwayProductAd -ProductImage $Png -StyleImage (@($Png) * 5) } }
        @{ Name = 'a product ad of 16 s'; Id = 'Runway.InvalidDuration'; Match = '4–15'; Script = { New-RunwayProductAd -ProductImage $Png -Duration 16 } }
        @{ Name = 'a missing campaign prompt'; Id = 'Runway.MissingPrompt'; Match = 'Prompt'; Script = { New-RunwayProductCampaignImage -Image $Png -Prompt ' ' } }
        @{ Name = 'a view that is not front, side or back'; Id = 'Runway.InvalidChoice'; Match = 'front, side, back'; Script = { New-RunwayProductSwap -ReferenceVideo $Clip -OriginalProductImage $Png -NewProductImage @{ Uri = $Png; View = 'top' } } }
        @{ Name = 'an unknown key in a new product image'; Id = 'Runway.UnknownKey'; Match = 'View'; Script = { New-RunwayProductSwap -ReferenceVideo $Clip -OriginalProductImage $Png -NewProductImage @{ Uri = $Png; Angle = 'front' } } }
        @{ Name = 'an image as the reference video'; Id = 'Runway.UnsupportedFormat'; Match = 'ReferenceVideo'; Script = { New-RunwayProductSwap -ReferenceVideo $Png -OriginalProductImage $Png -NewProductImage $Png } }
        @{ Name = 'resolution 4k for a swap'; Id = 'Runway.InvalidChoice'; Match = '720p, 1080p'; Script = { New-RunwayProductSwap -ReferenceVideo $Clip -OriginalProductImage $Png -NewProductImage $Png -Resolution 4k } }
        @{ Name = 'a UGC image 8 times as wide as tall'; Id = 'Runway.InvalidAspectRatio'; Match = '0.4–4'; Script = { New-RunwayProductUgc -CharacterImage $Png -ProductImage $WidePng } }
        @{ Name = 'a landscape UGC ratio'; Id = 'Runway.InvalidRatio'; Match = '720:1280, 1080:1920'; Script = { New-RunwayProductUgc -CharacterImage $Png -ProductImage $Png -Ratio 1280:720 } }
    ) {
        $err = Get-ErrorRecord $Script
        $err.FullyQualifiedErrorId | Should -BeLike "$Id*"
        $err.Exception.Message | Should -Match ([regex]::Escape($Match))
        $err.Exception.Message | Should -Match '\.$'
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'tab completes languages with their names, ratios and versions from the recipe catalog' {
        $languages = @(Complete 'New-RunwayAdLocalization -Language zh')
        $languages.CompletionText | Should -Be 'zh', 'zh-Hant'
        $languages[1].ToolTip | Should -Match 'Traditional'
        (Complete 'New-RunwayProductUgc -Ratio ').CompletionText | Should -Be '720:1280', '1080:1920'
        $versions = @(Complete 'New-RunwayProductAd -Version ')
        $versions.CompletionText | Should -Be '2026-06', '2026-07', 'unsafe-latest'
        ($versions | Where-Object CompletionText -eq '2026-07').ToolTip | Should -Match 'default'
    }
}

Describe 'The recipe catalog agrees with the simulator' {
    BeforeAll {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 10000000; MaxDaily = 100000; MaxConcurrent = 1000 } | Out-Null
        $script:Catalog = [Runway.Models.RecipeCatalog]
        $script:Headers = @{ Authorization = "Bearer $TestKey"; 'X-Runway-Version' = '2024-11-06' }
        # The smallest body of each recipe, as the module's own builder makes it (remote media, so nothing is read locally).
        function New-Base([string] $Recipe) {
            $image = [Runway.Media.MediaSource]::From($Url, 'Image', [Func[string, string]] { param($p) $p }, [Runway.Models.MediaKind[]] @('Image'))
            $video = [Runway.Media.MediaSource]::From('https://example.com/v.mp4', 'ReferenceVideo', [Func[string, string]] { param($p) $p }, [Runway.Models.MediaKind[]] @('Video'))
            $request = switch ($Recipe) {
                'ad_localization' { [Runway.Models.RequestBuilder]::AdLocalization([Runway.Models.AdLocalizationSpec]@{ Image = $image; Language = 'ja' }) }
                'marketing_stock_image' { [Runway.Models.RequestBuilder]::MarketingImage([Runway.Models.MarketingImageSpec]@{ Prompt = 'x' }) }
                'multi_shot_video' { [Runway.Models.RequestBuilder]::MultiShotVideo([Runway.Models.MultiShotSpec]@{ Prompt = 'x' }) }
                'product_ad' { $spec = [Runway.Models.ProductAdSpec]::new(); $spec.ProductImages.Add($image); [Runway.Models.RequestBuilder]::ProductAd($spec) }
                'product_campaign_image' { [Runway.Models.RequestBuilder]::ProductCampaignImage([Runway.Models.ProductCampaignImageSpec]@{ Image = $image; Prompt = 'x' }) }
                'product_swap' {
                    $spec = [Runway.Models.ProductSwapSpec]@{ ReferenceVideo = $video; OriginalProductImage = $image }
                    $spec.NewProductImages.Add([Runway.Models.ViewImage]@{ Source = $image })
                    [Runway.Models.RequestBuilder]::ProductSwap($spec)
                }
                'product_ugc' { [Runway.Models.RequestBuilder]::ProductUgc([Runway.Models.ProductUgcSpec]@{ CharacterImage = $image; ProductImage = $image }) }
            }
            $request.Body.ToJsonString() | ConvertFrom-Json -AsHashtable
        }
        $script:Recipes = $Catalog::Models.Name
    }
    AfterAll { Reset-RunwaySimulator -Url $SimUrl }

    It 'the builder''s body of every recipe is accepted; every version the catalog lists is accepted, and product_ad''s 2026-07 only there' {
        $Recipes | Should -HaveCount 7
        foreach ($recipe in $Recipes) {
            foreach ($version in @($Catalog::Versions[$recipe]) + '2026-07' | Sort-Object -Unique) {
                $body = New-Base $recipe
                $body.version = $version
                $expected = if ($Catalog::Versions[$recipe] -contains $version) { 200 } else { 400 }
                "$recipe $version -> $(Send-Raw "recipes/$recipe" $body)" | Should -Be "$recipe $version -> $expected"
            }
        }
    }

    It 'every language, ratio, quality, resolution and view the catalog allows is accepted, and a neighbour refused' {
        $cases = @(
            foreach ($code in @($Catalog::Languages.Key) + 'xx', 'zh-hant') { , @('ad_localization', @{ targetLanguage = $code }, ($Catalog::Languages.Key -ccontains $code)) }
            foreach ($quality in @($Catalog::Qualities) + 'ultra') { , @('marketing_stock_image', @{ quality = $quality }, ($Catalog::Qualities -contains $quality)) }
            foreach ($resolution in @($Catalog::SwapResolutions) + '4k') { , @('product_swap', @{ resolution = $resolution }, ($Catalog::SwapResolutions -contains $resolution)) }
            foreach ($view in @($Catalog::Views) + 'top') { , @('product_swap', @{ newProductImages = @(@{ uri = $Url; view = $view }) }, ($Catalog::Views -contains $view)) }
            $allRatios = $Catalog::Models.Ratios | Sort-Object -Unique
            foreach ($model in $Catalog::Models | Where-Object { $_.Ratios.Count }) {
                foreach ($ratio in $allRatios) { , @($model.Name, @{ ratio = $ratio }, ($model.Ratios -contains $ratio)) }
            }
        )
        foreach ($case in $cases) {
            $recipe, $fields, $allowed = $case
            $body = New-Base $recipe
            foreach ($key in $fields.Keys) { $body[$key] = $fields[$key] }
            "$recipe $($fields | ConvertTo-Json -Compress -Depth 4) -> $(Send-Raw "recipes/$recipe" $body)" | Should -Be "$recipe $($fields | ConvertTo-Json -Compress -Depth 4) -> $($allowed ? 200 : 400)"
        }
    }

    It 'both refuse a product_ugc image whose width / height is outside 0.4–4 (the simulator when it can read the size)' {
        $wide = 'data:image/png;base64,' + [Convert]::ToBase64String([IO.File]::ReadAllBytes($WidePng))
        $square = 'data:image/png;base64,' + [Convert]::ToBase64String([IO.File]::ReadAllBytes($Png))
        $body = New-Base 'product_ugc'
        $body.productImage = @{ uri = $wide }
        $body.characterImage = @{ uri = $square }
        $response = try { Invoke-RestMethod -Method Post -Uri "$SimUrl/v1/recipes/product_ugc" -Headers $Headers -ContentType 'application/json' -Body ($body | ConvertTo-Json -Depth 6) } catch { $_.ErrorDetails.Message }
        $response | Should -Match 'productImage'
        $response | Should -Match 'between 0.4 and 4, received 8'
        $body.productImage = @{ uri = $square }
        Send-Raw 'recipes/product_ugc' $body | Should -Be 200
        (Get-ErrorRecord { New-RunwayProductUgc -CharacterImage $WidePng -ProductImage $Png }).FullyQualifiedErrorId | Should -BeLike 'Runway.InvalidAspectRatio*'
    }

    It 'each recipe''s durations and counts: the catalog''s limits are accepted, one past them refused' {
        foreach ($model in $Catalog::Models | Where-Object Duration) {
            $rule = $model.Duration
            $values = if ($rule.Allowed.Count) { @($rule.Allowed) + 7 } else { $rule.Min, $rule.Max, ($rule.Min - 0.5), ($rule.Max + 1) }
            foreach ($seconds in $values) {
                $body = New-Base $model.Name
                $body.duration = $seconds
                "$($model.Name) $seconds s -> $(Send-Raw "recipes/$($model.Name)" $body)" | Should -Be "$($model.Name) $seconds s -> $($rule.Accepts($seconds) ? 200 : 400)"
            }
        }
        $u = @{ uri = $Url }
        foreach ($case in @(
                , @('product_ad', 'productImages', $Catalog::MinProductImages, $Catalog::MaxProductImages)
                , @('product_ad', 'styleImages', 0, $Catalog::MaxStyleImages)
                , @('product_swap', 'newProductImages', $Catalog::MinProductImages, $Catalog::MaxProductImages))) {
            $recipe, $field, $min, $max = $case
            foreach ($count in $min, $max, ($max + 1), ($min - 1) | Where-Object { $_ -ge 0 }) {
                $body = New-Base $recipe
                $body[$field] = @(for ($i = 0; $i -lt $count; $i++) { $u })
                "$recipe $field x$count -> $(Send-Raw "recipes/$recipe" $body)" | Should -Be "$recipe $field x$count -> $($count -ge $min -and $count -le $max ? 200 : 400)"
            }
        }
        foreach ($count in ($Catalog::MinShots - 1)..($Catalog::MaxShots + 1)) {
            $body = New-Base 'multi_shot_video'
            $body.Remove('prompt')
            $body.mode = 'custom'
            $body.duration = 15
            $body.shots = @(for ($i = 0; $i -lt $count; $i++) { @{ duration = 15 / $count; prompt = "shot $i" } })
            $expected = $count -ge $Catalog::MinShots -and $count -le $Catalog::MaxShots ? 200 : 400
            "shots x$count -> $(Send-Raw 'recipes/multi_shot_video' $body)" | Should -Be "shots x$count -> $expected"
        }
        foreach ($count in ($Catalog::MinOutputCount - 1), $Catalog::MinOutputCount, $Catalog::MaxOutputCount, ($Catalog::MaxOutputCount + 1)) {
            $body = New-Base 'marketing_stock_image'
            $body.outputCount = $count
            $expected = $count -ge $Catalog::MinOutputCount -and $count -le $Catalog::MaxOutputCount ? 200 : 400
            "outputCount $count -> $(Send-Raw 'recipes/marketing_stock_image' $body)" | Should -Be "outputCount $count -> $expected"
        }
    }
}
