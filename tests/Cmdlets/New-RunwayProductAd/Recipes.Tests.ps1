# New-RunwayProductAd: makes a product_ad task from local files and saves its output; bad input is refused before any request.
BeforeAll {
    . $PSScriptRoot/../../Helpers/Recipes.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayProductAd' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        Clear-RunwaySimulatorRequest -Url $SimUrl
    }

    It 'refuses eleven product images with zero requests' {
        $record = Get-ErrorRecord { New-RunwayProductAd -ProductImage (@($Png) * 11) }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.InvalidCount*'
        $record.CategoryInfo.Category | Should -Not -Be 'NotSpecified'
        $record.TargetObject | Should -Not -BeNullOrEmpty
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'creates one product_ad task, waits for it and saves 1 .mp4 file(s)' {
        $files = @(New-RunwayProductAd -ProductImage $Png, $Png2 -ProductInfo 'a steel water bottle' -Duration 6 -Ratio 1080:1920 -OutDirectory (Join-Path $TestDrive 'product_ad'))
        $files | Should -HaveCount 1
        $files.Extension | Sort-Object -Unique | Should -Be '.mp4'
        Get-ApiRequest '/v1/recipes/product_ad' POST | Should -HaveCount 1
        $task = Get-RunwayTask -First 1
        $task.Model | Should -Be 'product_ad'
        $task.Status | Should -Be 'SUCCEEDED'
    }
}
