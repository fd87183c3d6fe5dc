BeforeAll {
    . $PSScriptRoot/Helpers/RoutedGeneration.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Routed generation' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        Push-Location $TestDrive
    }
    AfterEach { Pop-Location }

    It 'completes router slugs from the list and the routed values from the declarations' {
        New-RunwayRouter -Slug 'alpha-one' | Out-Null
        New-RunwayRouter -Slug 'beta' | Out-Null
        (Complete 'New-RunwayRoutedImage -Router al').CompletionText | Should -Be @('alpha-one')
        (Complete 'New-RunwayRoutedImage -AspectRatio 4').CompletionText | Should -Be @('4:3', '4:5')
        (Complete 'New-RunwayRoutedVideo -Resolution ').CompletionText | Should -Be @('480p', '720p', '1080p', '4k')
        (Complete 'New-RunwayRoutedAudio -Type s').CompletionText | Should -Be @('speech')
    }
}
