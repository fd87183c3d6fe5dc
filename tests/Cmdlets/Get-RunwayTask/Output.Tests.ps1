# Get-RunwayTask: its tests moved from tests/Output.Tests.ps1 (the area's shared setup is tests/Helpers/Output.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Output.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Get-RunwayTask filters' {
    BeforeAll {
        Reset-RunwaySimulator -Url $SimUrl
        $script:Cat = New-RunwayImage -Prompt 'A tabby cat on a windowsill' -Model gen4_image -Ratio 1280:720
        $script:Dog = New-RunwayImage -Prompt 'A dog in the snow' -Model gen4_image_turbo -Ratio 1280:720 -ReferenceImage $Png
        $script:Sound = New-RunwaySoundEffect -Prompt 'rain on a cat flap'
    }

    It '-Model takes wildcards; -Prompt is a substring, or a wildcard when it has one' {
        (Get-RunwayTask -Model gen4_image -First 10).Id | Should -Contain $Cat.Id
        (Get-RunwayTask -Model gen4_image -First 10).Id | Should -Not -Contain $Dog.Id
        $gen4 = @(Get-RunwayTask -Model 'GEN4_IMAGE*' -First 2)
        $gen4.Id | Should -Be @($Dog.Id, $Cat.Id)
        (Get-RunwayTask -Prompt 'CAT' -First 2).Id | Should -Be @($Sound.Id, $Cat.Id)
        (Get-RunwayTask -Prompt 'a * in the snow' -First 1).Id | Should -Be @($Dog.Id)
        (Get-RunwayTask -Prompt 'cat' -Model eleven* -First 1).Id | Should -Be @($Sound.Id)
        @(Get-RunwayTask -Prompt 'no such prompt at all') | Should -HaveCount 0
    }

    It '-Model completes from the journal and the catalog' {
        $line = 'Get-RunwayTask -Model gen4_image_t'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'gen4_image_turbo'
    }
}
