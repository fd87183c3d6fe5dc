BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1
    Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
    # Real inputs made by the simulator: a 1280x720 PNG and a 5 s MP4.
    $image = New-RunwayImage -Prompt 'test card' -Model gen4_image -Ratio 1280:720 -Wait
    $script:Pngs = Join-Path $TestDrive 'pngs'
    New-Item -ItemType Directory $Pngs | Out-Null
    $script:PngBytes = (Invoke-WebRequest -Uri $image.Output[0]).Content
    1..3 | ForEach-Object { [IO.File]::WriteAllBytes((Join-Path $Pngs "shot$_.png"), $PngBytes) }
    $script:Png = Join-Path $Pngs 'shot1.png'
    $script:Clip = Join-Path $TestDrive 'clip.mp4'
    New-RunwayVideo -Image $image -Prompt 'pan' -Model gen4_turbo -Duration 5 -OutFile $Clip | Out-Null
}

AfterAll {
    Reset-RunwaySimulator -Url $SimUrl
    if ($script:OwnSimulator) { Stop-RunwaySimulator $script:OwnSimulator }
}

Describe 'Upscaling, frame rate and HDR' {
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

    It 'a finished video task piped into New-RunwayVideoUpscale and New-RunwayHdrVideo' {
        $video = New-RunwayVideo -Prompt 'waves' -Model veo3.1_fast -Duration 4 -Wait
        $up = $video | New-RunwayVideoUpscale -Resolution 4k -Flavor natural -Creativity 30 -FpsBoost -Wait
        $up.Status | Should -Be 'SUCCEEDED'
        $up.Model | Should -Be 'magnific_video_upscaler_creative'
        $body = (Get-ApiRequest '/v1/video_upscale')[0].body | ConvertFrom-Json
        $body.videoUri | Should -Be $video.Output[0]
        $body.resolution | Should -Be '4k'
        $body.fpsBoost | Should -BeTrue
        $file = $up | New-RunwayHdrVideo -OutputFormat hdr_prores -ProResProfile 4444 -OutFile (Join-Path $TestDrive 'hdr.mov')
        $file.Extension | Should -Be '.mov'
        $hdr = (Get-ApiRequest '/v1/video_to_hdr')[0].body | ConvertFrom-Json
        $hdr.videoUri | Should -Be $up.Output[0]
        $hdr.proresProfile | Should -Be '4444'
        [Text.Encoding]::ASCII.GetString([IO.File]::ReadAllBytes($file.FullName), 8, 4) | Should -Be 'qt  '
    }

    It 'frame-rate conversion: -TargetFrameRate picks enhance_frame_rate and the API''s spelling' {
        $task = New-RunwayVideoUpscale -Video $Clip -TargetFrameRate 29.97
        $task.Model | Should -Be 'enhance_frame_rate'
        $body = (Get-ApiRequest '/v1/video_upscale')[0].body | ConvertFrom-Json
        $body.targetFramerate | Should -Be '29_97'
        $body.model | Should -Be 'enhance_frame_rate'
        @($body.PSObject.Properties.Name) | Should -Be @('model', 'videoUri', 'targetFramerate')
    }

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

    It 'a spending cap refuses an upscale with no published price, with zero requests' {
        try {
            $env:RUNWAY_MAX_CREDITS = '1000'
            $err = Get-ErrorRecord { New-RunwayImageUpscale -Image $Png }
            $err.FullyQualifiedErrorId | Should -Match 'Runway.BudgetExceeded|Runway.UnknownPrice'
        }
        finally { Remove-Item Env:RUNWAY_MAX_CREDITS }
        Get-ApiRequest | Should -HaveCount 0
    }

    It '<Name> is a clear error and nothing is sent' -ForEach @(
        @{ Name = 'a wrong model for image upscaling'; Id = 'Runway.ModelNotForEndpoint'; Script = { New-RunwayImageUpscale -Image $Png -Model gen4_image } }
        @{ Name = 'scale factor 3'; Id = 'Runway.InvalidScaleFactor'; Script = { New-RunwayImageUpscale -Image $Png -ScaleFactor 3 } }
        @{ Name = 'an output above 25.3 MP'; Id = 'Runway.UpscaleTooLarge'; Script = { New-RunwayImageUpscale -Image $Png -ScaleFactor 8 } }
        @{ Name = 'sharpen 101'; Id = 'Runway.OutOfRange'; Script = { New-RunwayImageUpscale -Image $Png -Sharpen 101 } }
        @{ Name = 'a video flavor for an image'; Id = 'Runway.InvalidChoice'; Script = { New-RunwayImageUpscale -Image $Png -Flavor vivid } }
        @{ Name = 'a video given to the image upscaler'; Id = 'Runway.UnsupportedFormat'; Script = { New-RunwayImageUpscale -Image $Clip } }
        @{ Name = 'frame rate 75'; Id = 'Runway.InvalidFrameRate'; Script = { New-RunwayVideoUpscale -Video $Clip -TargetFrameRate 75 } }
        @{ Name = 'enhance_frame_rate without a rate'; Id = 'Runway.MissingFrameRate'; Script = { New-RunwayVideoUpscale -Video $Clip -Model enhance_frame_rate } }
        @{ Name = 'an upscaler option for enhance_frame_rate'; Id = 'Runway.ParameterNotForModel'; Script = { New-RunwayVideoUpscale -Video $Clip -Model enhance_frame_rate -Resolution 4k } }
        @{ Name = 'a frame rate for the upscaler'; Id = 'Runway.ParameterNotForModel'; Script = { New-RunwayVideoUpscale -Video $Clip -Model magnific_video_upscaler_creative -TargetFrameRate 60 } }
        @{ Name = 'resolution 8k'; Id = 'Runway.InvalidChoice'; Script = { New-RunwayVideoUpscale -Video $Clip -Resolution 8k } }
        @{ Name = 'a wrong model for HDR'; Id = 'Runway.ModelNotForEndpoint'; Script = { New-RunwayHdrVideo -Video $Clip -Model gen4_turbo } }
        @{ Name = 'a ProRes profile with hdr10'; Id = 'Runway.ProResProfileWithoutProRes'; Script = { New-RunwayHdrVideo -Video $Clip -ProResProfile 4444 } }
        @{ Name = 'an unknown HDR format'; Id = 'Runway.InvalidChoice'; Script = { New-RunwayHdrVideo -Video $Clip -OutputFormat dolby_vision } }
    ) {
        $err = Get-ErrorRecord $Script
        $err.FullyQualifiedErrorId | Should -BeLike "$Id*"
        $err.Exception.Message | Should -Not -BeNullOrEmpty
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'tab completion offers the catalog''s choices' {
        $line = 'New-RunwayVideoUpscale -Video clip.mp4 -TargetFrameRate '
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Contain '23_98'
        $line = 'New-RunwayHdrVideo -Video clip.mp4 -OutputFormat '
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Contain 'hdr_exr_acescg_sequence_1_3'
        $line = 'New-RunwayImageUpscale -Image a.png -Flavor '
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be @('sublime', 'photo', 'photo_denoiser')
        $line = 'New-RunwayVideoUpscale -Video a.mp4 -Model '
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be @('magnific_video_upscaler_creative', 'enhance_frame_rate')
    }
}
