# Get-RunwayModel: its tests moved from tests/Model.Tests.ps1 (the area's shared setup is tests/Helpers/Model.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Model.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Get-RunwayModel' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ pendingMs = 50; runMs = 300; CreditBalance = 100000 } | Out-Null
    }

    It 'lists every catalog model with the tier merged in, from one free GET /v1/organization' {
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ MaxConcurrent = 3; MaxDaily = 40; UnlimitedDailyModels = 'gen4.5' } | Out-Null
        $models = @(Get-RunwayModel)
        foreach ($name in $Catalog.Name) { $models.Name | Should -Contain $name }
        $gen45 = $models | Where-Object Name -EQ 'gen4.5'
        $gen45.Status | Should -Be 'available'
        $gen45.InTier | Should -BeTrue
        $gen45.MaxConcurrent | Should -Be 3
        $gen45.MaxDaily | Should -BeNullOrEmpty
        $gen45.UsedToday | Should -Be 0
        ($models | Where-Object Name -EQ 'gen4_turbo').MaxDaily | Should -Be 40
        $requests = Get-ApiRequest
        $requests | Should -HaveCount 1
        $requests[0].path | Should -Be '/v1/organization'
        $requests[0].method | Should -Be 'GET'
    }

    It "counts today's generations as the organization reports them" {
        $null = New-RunwayImage -Prompt 'a fox' -Model gen4_image -Ratio 1280:720
        $row = Get-RunwayModel gen4_image
        $row.UsedToday | Should -Be 1
        $row.DailyLeft | Should -Be ($row.MaxDaily - 1)
    }

    It 'shows a model the organization lists but the catalog lacks as not validated locally, with the -AllowUnknownModel hint' {
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ ExtraTierModels = 'zz-test-nonexistent-model-a,zz-test-nonexistent-model-b' } | Out-Null
        $catalogNames = @($Catalog.Name)
        $extra = @(Get-RunwayModel | Where-Object { $_.Name -notin $catalogNames })
        @($extra.Name | Sort-Object) | Should -Be @('zz-test-nonexistent-model-a', 'zz-test-nonexistent-model-b')
        foreach ($row in $extra) {
            $row.Validated | Should -BeFalse
            $row.Status | Should -Be 'not validated locally'
            $row.Hint | Should -Match '-AllowUnknownModel'
            $row.Price | Should -Be 'price unknown'
        }
    }

    It '-Offline sends nothing and says the tier was not checked' {
        $models = @(Get-RunwayModel -Offline)
        $models.Count | Should -Be $Catalog.Count
        $models.Status | Sort-Object -Unique | Should -Be 'not checked'
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'without an API key it shows the catalog with a warning and sends nothing' {
        $saved = $env:RUNWAYML_API_SECRET
        try {
            Remove-Item Env:RUNWAYML_API_SECRET
            $models = @(Get-RunwayModel -WarningVariable warned -WarningAction SilentlyContinue)
            $models.Count | Should -Be $Catalog.Count
            ($warned -join ' ') | Should -Match 'No API key'
            Get-ApiRequest | Should -HaveCount 0
        }
        finally { $env:RUNWAYML_API_SECRET = $saved }
    }

    It 'reads every fact from the catalog: endpoints, cmdlet, ratios, durations, price and fields' {
        foreach ($row in Get-RunwayModel -Offline) {
            $info = [Runway.Models.ModelCatalog]::Find($row.Name)
            $row.Endpoints | Should -Be $info.Endpoints
            $row.Price | Should -Be $info.Price.Describe()
            $row.PriceKnown | Should -Be $info.PriceKnown
            @($row.Ratios) | Should -Be @($info.Ratios)
            $row.Fields.Count | Should -Be (@($info.Fields | ForEach-Object { $_.Fields }).Count)
            foreach ($endpoint in $row.Endpoints) {
                $row.Cmdlets | Should -Contain ([Runway.Models.ModelCatalog]::EndpointTable | Where-Object Name -EQ $endpoint).Cmdlet
            }
        }
        (Get-RunwayModel hailuo3 -Offline).Price | Should -Be 'price unknown'
    }

    It 'pipes into Select-Object -ExpandProperty Fields, each with its syntax and allowed values' {
        $fields = @(Get-RunwayModel gen4.5 -Offline | Select-Object -ExpandProperty Fields)
        $fields.Count | Should -BeGreaterThan 5
        $format = $fields | Where-Object { $_.Name -eq 'outputFormat' -and $_.Endpoint -eq 'text_to_video' }
        $format.Syntax | Should -Be '-OutputFormat'
        $format.Values | Should -Contain 'prores'
        ($fields | Where-Object { $_.Name -eq 'duration' } | Select-Object -First 1).Required | Should -BeTrue
        $option = Get-RunwayModel h3_max -Offline | Select-Object -ExpandProperty Fields | Where-Object Name -EQ 'promptExpansionMode' | Select-Object -First 1
        $option.Syntax | Should -Match '^-Option @\{ promptExpansionMode'
        $option.Values | Should -Be @('disabled', 'balanced', 'quality')
    }

    It 'filters by wildcard name, endpoint, cmdlet and kind' {
        (Get-RunwayModel 'seedance2*' -Offline).Name | Should -Be @($Catalog.Name -like 'seedance2*')
        (Get-RunwayModel -Endpoint text_to_image -Offline).Name | Should -Be @([Runway.Models.ModelCatalog]::ForEndpoint('text_to_image').Name)
        (Get-RunwayModel -Cmdlet New-RunwaySoundEffect -Offline).Name | Should -Be @('seed_audio', 'eleven_text_to_sound_v2')
        (Get-RunwayModel -Kind Audio -Offline).Kind | Sort-Object -Unique | Should -Be 'Audio'
        (Get-RunwayModel -Kind Image -Endpoint image_upscale -Offline).Name | Should -Be 'magnific_precision_upscaler_v2'
    }

    It 'binds names from the pipeline, by value and by the property Model' {
        ('gen4.5', 'ruby' | Get-RunwayModel -Offline).Name | Should -Be @('gen4.5', 'ruby')
        ([pscustomobject]@{ Model = 'act_two' } | Get-RunwayModel -Offline).Name | Should -Be 'act_two'
    }

    It 'shows a retired model named exactly, with its successor, and leaves it out of the list' {
        $veo3 = Get-RunwayModel veo3 -Offline
        $veo3.Retired | Should -BeTrue
        $veo3.Status | Should -Be 'retired'
        $veo3.Successor | Should -Be 'veo3.1'
        (Get-RunwayModel GEN4_ALEPH -Offline).Successor | Should -Be 'aleph2'
        (Get-RunwayModel -Offline).Name | Should -Not -Contain 'veo3'
        (Get-RunwayModel veo3 -Offline | Out-String -Width 200) | Should -Match 'retired: use veo3\.1'
    }

    It 'a name that matches nothing is an ObjectNotFound error; the others are still shown' {
        $out = @(Get-RunwayModel gen4.5, zz-test-nonexistent-model -Offline -ErrorVariable failed -ErrorAction SilentlyContinue)
        $out.Name | Should -Be 'gen4.5'
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Runway.ModelNotFound*'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be 'zz-test-nonexistent-model'
        @(Get-RunwayModel 'nothing*' -Offline -ErrorVariable none).Count | Should -Be 0
        $none | Should -HaveCount 0
    }

    It 'an unknown endpoint or cmdlet is refused before anything is sent' {
        $record = Get-ErrorRecord { Get-RunwayModel -Endpoint text_to_imag }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.UnknownEndpoint*'
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $record.Exception.Message | Should -Match 'text_to_image'
        $record.Exception.Message | Should -Match '\.$'
        (Get-ErrorRecord { Get-RunwayModel -Cmdlet Get-RunwayTask }).FullyQualifiedErrorId | Should -BeLike 'Runway.UnknownCmdlet*'
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'the default table fits 120 columns and the list view shows the fields' {
        $lines = (Get-RunwayModel | Format-Table | Out-String -Width 300) -split "`n"
        ($lines | ForEach-Object { $_.TrimEnd().Length } | Measure-Object -Maximum).Maximum | Should -BeLessOrEqual 120
        $lines[1] | Should -Match 'Name\s+Kind\s+Cmdlet\s+Durations\s+Price\s+Tier'
        $list = Get-RunwayModel gen4.5 -Offline | Format-List | Out-String -Width 200
        $list | Should -Match 'Fields\s+: image_to_video -Duration \(required\)'
        $list | Should -Match 'text_to_video -OutputFormat: mp4, prores'
        $fieldLines = (Get-RunwayModel gen4.5 -Offline | Select-Object -ExpandProperty Fields | Format-Table | Out-String -Width 300) -split "`n"
        ($fieldLines | ForEach-Object { $_.TrimEnd().Length } | Measure-Object -Maximum).Maximum | Should -BeLessOrEqual 120
    }

    It 'completes -Name, -Endpoint and -Cmdlet from the catalog' {
        (Complete 'Get-RunwayModel gen4').CompletionText | Should -Contain 'gen4.5'
        (Complete 'Get-RunwayModel gen4').CompletionText | Should -Contain 'gen4_aleph'
        (Complete 'Get-RunwayModel -Endpoint text_to_image -Name gen4').CompletionText | Should -Be @('gen4_image_turbo', 'gen4_image')
        (Complete 'Get-RunwayModel -Endpoint text_to_').CompletionText | Should -Be @('text_to_video', 'text_to_image', 'text_to_speech')
        (Complete 'Get-RunwayModel -Cmdlet New-RunwayS').CompletionText | Should -Be @('New-RunwaySpeech', 'New-RunwaySoundEffect')
        Get-ApiRequest | Should -HaveCount 0
    }
}
