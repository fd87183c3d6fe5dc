# New-RunwayProductSwap: makes a product_swap task from local files and saves its output; bad input is refused before any request.
BeforeAll {
    . $PSScriptRoot/../../Helpers/Recipes.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayProductSwap' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        Clear-RunwaySimulatorRequest -Url $SimUrl
    }

    It 'refuses resolution 4k with zero requests' {
        $record = Get-ErrorRecord { New-RunwayProductSwap -ReferenceVideo $Clip -OriginalProductImage $Png -NewProductImage $Png -Resolution 4k }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.InvalidChoice*'
        $record.CategoryInfo.Category | Should -Not -Be 'NotSpecified'
        $record.TargetObject | Should -Not -BeNullOrEmpty
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'creates one product_swap task, waits for it and saves 1 .mp4 file(s)' {
        $files = @(New-RunwayProductSwap -ReferenceVideo $Clip -OriginalProductImage $Png -NewProductImage @{ Uri = $Png2; View = 'front' } -Resolution 1080p -Duration 4 -OutDirectory (Join-Path $TestDrive 'product_swap'))
        $files | Should -HaveCount 1
        $files.Extension | Sort-Object -Unique | Should -Be '.mp4'
        Get-ApiRequest '/v1/recipes/product_swap' POST | Should -HaveCount 1
        $task = Get-RunwayTask -First 1
        $task.Model | Should -Be 'product_swap'
        $task.Status | Should -Be 'SUCCEEDED'
    }
}
