# New-RunwayAdLocalization: its tests moved from tests/Recipes.Tests.ps1 (the area's shared setup is tests/Helpers/Recipes.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Recipes.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayAdLocalization, the recipes' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        Push-Location $TestDrive
    }
    AfterEach { Pop-Location }

    It 'a finished image task pipes in as the image, and -Version picks a dated version' {
        $task = New-RunwayAdLocalization -Image $Png -Language es -Wait
        $task | New-RunwayProductCampaignImage -Prompt 'studio' -Version 2026-06 | Out-Null
        $body = (Get-ApiRequest '/v1/recipes/product_campaign_image')[0].body | ConvertFrom-Json
        $body.image.uri | Should -Be $task.Output[0]
        New-RunwayProductAd -ProductImage $Url -Version 2026-07 | Out-Null
        ((Get-ApiRequest '/v1/recipes/product_ad')[0].body | ConvertFrom-Json).version | Should -Be '2026-07'
    }

    It '-WhatIf says the price is unknown, names the recipe, and sends nothing' {
        $lines = @(Invoke-InChildPwsh -Script @"
New-RunwayAdLocalization -Image '$Png' -Language fr -WhatIf
New-RunwayMultiShotVideo -Prompt 'a heist' -WhatIf
"@) -join "`n"
        $lines | Should -Match 'unknown price \(Runway publishes none for ad_localization\)" on target "ad_localization recipe, version 2026-06, to fr, from shot1.png"'
        $lines | Should -Match 'unknown price \(Runway publishes none for multi_shot_video\)" on target "multi_shot_video recipe, 10 s, version 2026-06'
        Get-ApiRequest | Should -HaveCount 0
    }
}
