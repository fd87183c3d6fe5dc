# New-RunwayHdrVideo: its tests moved from tests/Enhance.Tests.ps1 (the area's shared setup is tests/Helpers/Enhance.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Enhance.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayHdrVideo, upscaling, frame rate and HDR' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        Push-Location $TestDrive
    }
    AfterEach { Pop-Location }

    It 'HDR as an EXR sequence is saved as a .zip; the estimate is the SDK''s 20 credits per second for a 720p clip' {
        $task = New-RunwayHdrVideo -Video $Clip -OutputFormat hdr_exr_sequence
        $task.EstimatedCredits | Should -Be 100
        $files = @($task | Wait-RunwayTask | Save-RunwayOutput -Path (Join-Path $TestDrive 'exr'))
        $files[0].Extension | Should -Be '.zip'
        [Text.Encoding]::ASCII.GetString([IO.File]::ReadAllBytes($files[0].FullName), 0, 2) | Should -Be 'PK'
    }

    It '-WhatIf states the price: known for ruby from the clip''s length and size, unknown for the magnific models' {
        $lines = @(Invoke-InChildPwsh -Script @"
New-RunwayHdrVideo -Video '$Clip' -WhatIf
New-RunwayImageUpscale -Image '$Png' -WhatIf
New-RunwayHdrVideo -Video 'https://example.com/a.mp4' -WhatIf
"@) -join "`n"
        $lines | Should -Match '"Create Runway task for 100 credits \(\$1.00\)" on target "ruby video to hdr, hdr10, from clip.mp4 \(5 s\)"'
        $lines | Should -Match 'unknown price \(Runway publishes none for magnific_precision_upscaler_v2\)'
        $lines | Should -Match 'unknown price \(ruby charges 20 credits per second.*length cannot be read here\)" on target "ruby video to hdr, hdr10, from https://example.com/a.mp4"'
        Get-ApiRequest | Should -HaveCount 0
    }
}
