BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    function script:Invoke-Generate([string] $Slug, [string] $Prompt) {
        # A routed generation through the API itself, so that a router has history to show.
        $headers = @{ Authorization = "Bearer $TestKey"; 'X-Runway-Version' = '2024-11-06' }
        $body = @{ configId = $Slug; input = @{ promptText = $Prompt } } | ConvertTo-Json -Depth 5
        Invoke-RestMethod -Method Post -Uri "$SimUrl/v1/generate/image" -Headers $headers -ContentType 'application/json' -Body $body
    }
}

AfterAll {
    Reset-RunwaySimulator -Url $SimUrl
    if ($script:OwnSimulator) { Stop-RunwaySimulator $script:OwnSimulator }
}

Describe 'Routers' {
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

    It 'Get-RunwayRouter pages through the list with -First/-Skip and reads no more than it needs' {
        1..5 | ForEach-Object { New-RunwayRouter -Slug "r$_" } | Out-Null
        Clear-RunwaySimulatorRequest -Url $SimUrl
        @(Get-RunwayRouter) | Should -HaveCount 5
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $two = @(Get-RunwayRouter -Skip 1 -First 2)
        $two.Slug | Should -Be @('r4', 'r3')
        # One page of -Skip + -First items: nothing more is read.
        Get-ApiRequest '/v1/routers' -Method GET | Should -HaveCount 1
        (Get-RunwayRouter -Id $two[0].Id).Slug | Should -Be 'r4'
    }

    It 'Set-RunwayRouter merges the settings and the version follows settings changes only' {
        $router = New-RunwayRouter -Slug 'videos' -Exclude gen4_turbo
        $renamed = $router | Set-RunwayRouter -Name 'Video router'
        $renamed.Version | Should -Be 1
        $changed = $router | Set-RunwayRouter -OptimizeFor latency -ClearDescription
        $changed.Version | Should -Be 2
        $changed.OptimizeFor | Should -Be 'latency'
        $changed.ModelsMode | Should -Be 'allow_new_except'
        $changed.Name | Should -Be 'Video router'
        ((Get-ApiRequest '/v1/routers/' -Method PATCH)[-1].body | ConvertFrom-Json -AsHashtable).ContainsKey('description') | Should -BeTrue
    }

    It 'Get-RunwayRouterRequest shows the routing history, newest first, paged' {
        $router = New-RunwayRouter -Slug 'cheap-images'
        Invoke-Generate 'cheap-images' 'a red kite' | Out-Null
        Invoke-Generate 'cheap-images' 'a blue kite' | Out-Null
        $history = @($router | Get-RunwayRouterRequest)
        $history | Should -HaveCount 2
        $history[0] | Should -BeOfType ([Runway.Api.RunwayRouterRequest])
        $history[0].Status | Should -Be 'routed'
        $history[0].Model | Should -Not -BeNullOrEmpty
        $history[0].TaskId | Should -Not -BeNullOrEmpty
        $history[0].ReasonCode | Should -Not -BeNullOrEmpty
        @($router | Get-RunwayRouterRequest -First 1) | Should -HaveCount 1
    }

    It 'Remove-RunwayRouter deletes; the router is then not found' {
        $router = New-RunwayRouter -Slug 'short-lived'
        $router | Remove-RunwayRouter -Confirm:$false
        $err = Get-ErrorRecord { Get-RunwayRouter -Id $router.Id }
        $err.Exception.Message | Should -Match '404|not found'
        (Get-ApiRequest '/v1/routers/' -Method DELETE) | Should -HaveCount 1
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

Describe 'A router is named by its slug or its id, wherever a router is named' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'Get-, Set-, Remove-RunwayRouter and Get-RunwayRouterRequest take the slug' {
        $router = New-RunwayRouter -Slug 'by-slug' -MaxImageCredits 20
        (Get-RunwayRouter -Id 'by-slug').Id | Should -Be $router.Id
        (Set-RunwayRouter -Id 'by-slug' -Name 'Renamed' -Confirm:$false).Name | Should -Be 'Renamed'
        Invoke-Generate 'by-slug' 'a kite' | Out-Null
        @(Get-RunwayRouterRequest -RouterId 'by-slug').Count | Should -Be 1
        Remove-RunwayRouter -Id 'by-slug' -Force
        Get-ApiRequest "/v1/routers/$($router.Id)" -Method DELETE | Should -HaveCount 1
    }

    It 'a slug or id that names no router is Runway.RouterNotFound, and nothing is changed' {
        New-RunwayRouter -Slug 'kept' | Out-Null
        $record = Get-ErrorRecord { Remove-RunwayRouter -Id 'no-such-router' -Force }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.RouterNotFound*'
        $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $record.TargetObject | Should -Be 'no-such-router'
        Get-ApiRequest '/v1/routers' -Method DELETE | Should -HaveCount 0
    }

    It 'New-RunwayRoutedImage -Router takes the id and sends the slug' {
        $router = New-RunwayRouter -Slug 'by-id' -MaxImageCredits 20
        New-RunwayRoutedImage -Router $router.Id -Prompt 'a red bicycle' -Confirm:$false | Out-Null
        ((Get-ApiRequest '/v1/generate/image' -Method POST)[0].body | ConvertFrom-Json).configId | Should -Be 'by-id'
    }
}
