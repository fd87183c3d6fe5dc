# New-RunwayMultiShotVideo: its tests moved from tests/Recipes.Tests.ps1 (the area's shared setup is tests/Helpers/Recipes.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Recipes.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayMultiShotVideo, the recipes' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        Push-Location $TestDrive
    }
    AfterEach { Pop-Location }

    It 'local images are inlined as data URIs inside {uri} objects, views and shots as the declarations spell them' {
        New-RunwayProductSwap -ReferenceVideo $Clip -OriginalProductImage $Png -NewProductImage @{ Uri = $Png2; View = 'Side' }, $Url | Out-Null
        $body = (Get-ApiRequest '/v1/recipes/product_swap')[0].body | ConvertFrom-Json
        $body.newProductImages[0].uri | Should -Match '^data:image/png;base64,'
        $body.newProductImages[0].view | Should -Be 'side'
        $body.newProductImages[1].uri | Should -Be $Url
        $body.newProductImages[1].PSObject.Properties.Name | Should -Not -Contain 'view'
        $body.referenceVideo.uri | Should -Match '^data:video/mp4;base64,'
        $shots = @{ Duration = 2; Prompt = 'a' }, @{ Duration = 4; Prompt = 'b' }, [pscustomobject]@{ Duration = '4'; Prompt = 'c' }
        New-RunwayMultiShotVideo -Shot $shots | Out-Null
        $body = (Get-ApiRequest '/v1/recipes/multi_shot_video')[0].body | ConvertFrom-Json
        $body.mode | Should -Be 'custom'
        $body.duration | Should -Be 10
        $body.shots.duration | Should -Be 2, 4, 4
        $body.shots.prompt | Should -Be 'a', 'b', 'c'
    }
}
