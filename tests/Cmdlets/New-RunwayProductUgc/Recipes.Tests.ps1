# New-RunwayProductUgc: makes a product_ugc task from local files and saves its output; bad input is refused before any request.
BeforeAll {
    . $PSScriptRoot/../../Helpers/Recipes.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayProductUgc' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        Clear-RunwaySimulatorRequest -Url $SimUrl
    }

    It 'refuses an image 8 times as wide as tall with zero requests' {
        $record = Get-ErrorRecord { New-RunwayProductUgc -CharacterImage $Png -ProductImage $WidePng }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.InvalidAspectRatio*'
        $record.CategoryInfo.Category | Should -Not -Be 'NotSpecified'
        $record.TargetObject | Should -Not -BeNullOrEmpty
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'creates one product_ugc task, waits for it and saves 1 .mp4 file(s)' {
        $files = @(New-RunwayProductUgc -CharacterImage $Png -ProductImage $Png2 -ProductInfo 'a face cream' -Ratio 1080:1920 -Duration 8 -OutDirectory (Join-Path $TestDrive 'product_ugc'))
        $files | Should -HaveCount 1
        $files.Extension | Sort-Object -Unique | Should -Be '.mp4'
        Get-ApiRequest '/v1/recipes/product_ugc' POST | Should -HaveCount 1
        $task = Get-RunwayTask -First 1
        $task.Model | Should -Be 'product_ugc'
        $task.Status | Should -Be 'SUCCEEDED'
    }
}
