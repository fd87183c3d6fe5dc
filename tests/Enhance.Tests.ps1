BeforeAll {
    . $PSScriptRoot/Helpers/Enhance.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Upscaling, frame rate and HDR' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        Push-Location $TestDrive
    }
    AfterEach { Pop-Location }

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
