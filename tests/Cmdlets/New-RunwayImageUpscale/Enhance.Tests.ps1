# New-RunwayImageUpscale: its tests moved from tests/Enhance.Tests.ps1 (the area's shared setup is tests/Helpers/Enhance.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Enhance.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayImageUpscale, upscaling, frame rate and HDR' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        Push-Location $TestDrive
    }
    AfterEach { Pop-Location }

    It 'Get-ChildItem *.png | New-RunwayImageUpscale -Wait | Save-RunwayOutput saves PNGs twice the size' {
        $out = Join-Path $TestDrive 'up'
        $files = @(Get-ChildItem (Join-Path $Pngs '*.png') | New-RunwayImageUpscale -Wait | Save-RunwayOutput -Path $out)
        $files | Should -HaveCount 3
        foreach ($file in $files) {
            $bytes = [IO.File]::ReadAllBytes($file.FullName)
            $file.Extension | Should -Be '.png'
            [Buffers.Binary.BinaryPrimitives]::ReadInt32BigEndian([byte[]]$bytes[16..19]) | Should -Be 2560
            [Buffers.Binary.BinaryPrimitives]::ReadInt32BigEndian([byte[]]$bytes[20..23]) | Should -Be 1440
        }
        $bodies = Get-ApiRequest '/v1/image_upscale' | ForEach-Object { $_.body | ConvertFrom-Json }
        $bodies | Should -HaveCount 3
        $bodies[0].model | Should -Be 'magnific_precision_upscaler_v2'
        $bodies[0].imageUri | Should -Match '^data:image/png;base64'
    }

    It 'sends every image option as the API spells it' {
        $task = New-RunwayImageUpscale -Image $Png -ScaleFactor 4 -Flavor PHOTO -Sharpen 10 -SmartGrain 5.5 -UltraDetail 100
        $task.Endpoint | Should -Be 'image_upscale'
        $body = (Get-ApiRequest '/v1/image_upscale')[0].body | ConvertFrom-Json
        $body.scaleFactor | Should -Be 4
        $body.flavor | Should -Be 'photo'
        $body.sharpen | Should -Be 10
        $body.smartGrain | Should -Be 5.5
        $body.ultraDetail | Should -Be 100
        $task.EstimatedCredits | Should -BeGreaterThan 0 -Because 'the API''s estimatedCost is read'
    }

    It 'a spending cap refuses an upscale with no published price, with zero requests' {
        try {
            $env:RUNWAY_MAX_CREDITS = '1000'
            $err = Get-ErrorRecord { New-RunwayImageUpscale -Image $Png }
            $err.FullyQualifiedErrorId | Should -Match 'Runway.BudgetExceeded|Runway.UnknownPrice'
        }
        finally { Remove-Item Env:RUNWAY_MAX_CREDITS }
        Get-ApiRequest | Should -HaveCount 0
    }
}
