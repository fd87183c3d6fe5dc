# New-RunwayRouter: its tests moved from tests/Routers.Tests.ps1 (the area's shared setup is tests/Helpers/Routers.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Routers.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayRouter, routers' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'New-RunwayRouter sends the settings as the API spells them and outputs the router' {
        $router = New-RunwayRouter -Slug 'brand-images' -Name 'Brand images' -Description 'for the shop' -OptimizeFor quality -AllowOnly gen4_image, gemini_2.5_flash -FallbackOnCapacity -MaxImageCredits 8
        $router | Should -BeOfType ([Runway.Api.RunwayRouter])
        $router.Slug | Should -Be 'brand-images'
        $router.Version | Should -Be 1
        $router.OptimizeFor | Should -Be 'quality'
        $router.ModelsMode | Should -Be 'allowlist_only'
        $router.ModelIds | Should -Be @('gen4_image', 'gemini_2.5_flash')
        $router.FallbackOnCapacity | Should -BeTrue
        $router.MaxImageCredits | Should -Be 8
        $body = (Get-ApiRequest '/v1/routers' -Method POST)[0].body | ConvertFrom-Json
        $body.settings.models.mode | Should -Be 'allowlist_only'
        $body.settings.maxCreditsPerGeneration.image | Should -Be 8
    }

    It '<Name> is a clear error and nothing is sent' -ForEach @(
        @{ Name = '-AllowOnly with -Exclude'; Id = 'Runway.ConflictingParameters'; Script = { New-RunwayRouter -Slug x -AllowOnly gen4_image -Exclude veo3 } }
        @{ Name = 'an empty allow list'; Id = 'Runway.MissingModels'; Script = { New-RunwayRouter -Slug x -AllowOnly '' } }
        @{ Name = 'a negative cap'; Id = 'Runway.OutOfRange'; Script = { New-RunwayRouter -Slug x -MaxVideoCredits -1 } }
        @{ Name = 'an update that changes nothing'; Id = 'Runway.NothingToChange'; Script = { Set-RunwayRouter -Id 00000000-0000-0000-0000-000000000000 } }
        @{ Name = 'an unknown optimization'; Id = 'ParameterArgumentValidationError'; Script = { New-RunwayRouter -Slug x -OptimizeFor speed } }
    ) {
        $err = Get-ErrorRecord $Script
        $err.FullyQualifiedErrorId | Should -BeLike "$Id*"
        Get-ApiRequest | Should -HaveCount 0
    }
}
