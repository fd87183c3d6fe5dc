# New-RunwayVideoUpscale: its tests moved from tests/Enhance.Tests.ps1 (the area's shared setup is tests/Helpers/Enhance.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Enhance.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayVideoUpscale, upscaling, frame rate and HDR' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        Push-Location $TestDrive
    }
    AfterEach { Pop-Location }

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
}
