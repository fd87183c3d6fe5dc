# New-RunwayMarketingImage: makes a marketing_stock_image task from local files and saves its output; bad input is refused before any request.
BeforeAll {
    . $PSScriptRoot/../../Helpers/Recipes.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayMarketingImage' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        Clear-RunwaySimulatorRequest -Url $SimUrl
    }

    It 'refuses five images with zero requests' {
        $record = Get-ErrorRecord { New-RunwayMarketingImage -Prompt 'x' -OutputCount 5 }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.OutOfRange*'
        $record.CategoryInfo.Category | Should -Not -Be 'NotSpecified'
        $record.TargetObject | Should -Not -BeNullOrEmpty
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'creates one marketing_stock_image task, waits for it and saves 2 .png file(s)' {
        $files = @(New-RunwayMarketingImage -Prompt 'a sunlit cafe for a coffee brand' -OutputCount 2 -Quality low -Logo $Png2 -OutDirectory (Join-Path $TestDrive 'marketing_stock_image'))
        $files | Should -HaveCount 2
        $files.Extension | Sort-Object -Unique | Should -Be '.png'
        Get-ApiRequest '/v1/recipes/marketing_stock_image' POST | Should -HaveCount 1
        $task = Get-RunwayTask -First 1
        $task.Model | Should -Be 'marketing_stock_image'
        $task.Status | Should -Be 'SUCCEEDED'
    }
}
