# New-RunwayProductCampaignImage: its tests moved from tests/Recipes.Tests.ps1 (the area's shared setup is tests/Helpers/Recipes.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Recipes.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayProductCampaignImage, the recipes' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        Push-Location $TestDrive
    }
    AfterEach { Pop-Location }

    It 'Get-ChildItem *.png | New-RunwayProductCampaignImage makes one task per file' {
        $tasks = @(Get-ChildItem (Join-Path $Pngs '*.png') | New-RunwayProductCampaignImage -Prompt 'gorpcore editorial')
        $tasks | Should -HaveCount 3
        $tasks.Model | Sort-Object -Unique | Should -Be 'product_campaign_image'
        Get-ApiRequest '/v1/recipes/product_campaign_image' | Should -HaveCount 3
    }

    It 'under a spending cap a recipe is refused (price unknown), with zero requests' {
        try {
            $env:RUNWAY_MAX_CREDITS = '1000'
            $err = Get-ErrorRecord { New-RunwayProductCampaignImage -Image $Png -Prompt 'x' }
            $err.FullyQualifiedErrorId | Should -Match 'Runway.BudgetExceeded|Runway.UnknownPrice'
        }
        finally { Remove-Item Env:RUNWAY_MAX_CREDITS }
        Get-ApiRequest | Should -HaveCount 0
    }
}
