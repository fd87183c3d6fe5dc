# New-RunwayRoutedImage: its tests moved from tests/Routers.Tests.ps1 (the area's shared setup is tests/Helpers/Routers.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Routers.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayRoutedImage, a router is named by its slug or its id, wherever a router is named' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'New-RunwayRoutedImage -Router takes the id and sends the slug' {
        $router = New-RunwayRouter -Slug 'by-id' -MaxImageCredits 20
        New-RunwayRoutedImage -Router $router.Id -Prompt 'a red bicycle' -Confirm:$false | Out-Null
        ((Get-ApiRequest '/v1/generate/image' -Method POST)[0].body | ConvertFrom-Json).configId | Should -Be 'by-id'
    }
}
