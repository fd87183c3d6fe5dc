# New-RunwayVideo: its tests moved from tests/Generation.Tests.ps1 (the area's shared setup is tests/Helpers/Generation.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Generation.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayVideo, the pipelines of the issue' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        Push-Location $TestDrive
    }
    AfterEach { Pop-Location }

    It 'image -Wait | video -Wait | Save-RunwayOutput writes a real MP4' {
        $out = Join-Path $TestDrive 'out1'
        $files = @(New-RunwayImage -Prompt 'a red fox' -Ratio 1920:1080 -Wait |
            New-RunwayVideo -Prompt 'the fox runs' -Wait |
            Save-RunwayOutput -Path $out)
        $files | Should -HaveCount 1
        $files[0] | Should -BeOfType [System.IO.FileInfo]
        $files[0].Extension | Should -Be '.mp4'
        $files[0].DirectoryName | Should -Be (Get-Item $out).FullName
        $bytes = [IO.File]::ReadAllBytes($files[0].FullName)
        [Text.Encoding]::ASCII.GetString($bytes, 4, 4) | Should -Be 'ftyp'
        # The video was made from the image task's own output URL.
        $create = Get-ApiRequest '/v1/image_to_video' | Select-Object -First 1
        ($create.body | ConvertFrom-Json).promptImage | Should -Match '/_outputs/'
        # The emitted files bind to the file system cmdlets.
        $files | Copy-Item -Destination (Join-Path $TestDrive 'copy.mp4')
        Test-Path (Join-Path $TestDrive 'copy.mp4') | Should -BeTrue
        $files | Remove-Item
        Test-Path $files[0].FullName | Should -BeFalse
    }

    It 'Get-ChildItem *.png | New-RunwayVideo | Wait-RunwayTask | Save-RunwayOutput stays within the tier''s concurrency' {
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ MaxConcurrent = 2; RunMs = 400 } | Out-Null
        try {
            $clips = Join-Path $TestDrive 'clips'
            $files = @(Get-ChildItem (Join-Path $Frames '*.png') |
                New-RunwayVideo -Prompt 'slow pan' -Model gen4_turbo |
                Wait-RunwayTask |
                Save-RunwayOutput -Path $clips)
            $files | Should -HaveCount 5
            (Get-ChildItem $clips -Filter *.mp4) | Should -HaveCount 5
            $stats = Get-RunwaySimulatorStat -Url $SimUrl
            $stats.tasksCreated | Should -Be 5
            $stats.maxInFlight.gen4_turbo | Should -BeLessOrEqual 2
            $stats.maxInFlight.gen4_turbo | Should -Be 2
            Get-ApiRequest '/v1/image_to_video' 'POST' | Should -HaveCount 5
            # Local frames went inline as data URIs.
            (Get-ApiRequest '/v1/image_to_video')[0].body | Should -Match 'data:image/png;base64'
        }
        finally { Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ MaxConcurrent = 2; RunMs = 300 } | Out-Null }
    }

    It '-ThrottleLimit lowers the concurrency further' {
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ MaxConcurrent = 5 } | Out-Null
        try {
            $tasks = @(Get-ChildItem (Join-Path $Frames '*.png') | Select-Object -First 3 | New-RunwayVideo -Prompt 'pan' -ThrottleLimit 1 -Wait)
            $tasks | Should -HaveCount 3
            $tasks.Status | Select-Object -Unique | Should -Be 'SUCCEEDED'
            (Get-RunwaySimulatorStat -Url $SimUrl).maxInFlight.gen4_turbo | Should -Be 1
        }
        finally { Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ MaxConcurrent = 2 } | Out-Null }
    }

    It '-WhatIf prints the cost and sends nothing' {
        # WhatIf lines go to the host, so run them in a child pwsh and read its output.
        $lines = Invoke-InChildPwsh -Environment @{ RUNWAYML_BASE_URL = $SimUrl; RUNWAYML_API_SECRET = $TestKey } -Script "
            New-RunwayVideo -Prompt 'x' -Model veo3.1 -Duration 8 -WhatIf
            New-RunwayVideo -Image '$Png' -Duration 10 -WhatIf
            New-RunwayVideo -Prompt 'x' -Model veo3.1_fast -Duration 4 -Audio:`$false -WhatIf
            New-RunwayImage -Prompt 'x' -Model gen4_image -Ratio 1280:720 -WhatIf"
        $lines = $lines -join "`n"
        $lines | Should -Match 'What if: .*"Create Runway task for 320 credits \(\$3\.20\)" on target "veo3.1 text to video, 8 s, 1280:720"'
        $lines | Should -Match 'Create Runway task for 50 credits \(\$0\.50\)" on target "gen4_turbo image to video, 10 s, 1280:720, from frame1.png"'
        $lines | Should -Match 'Create Runway task for 40 credits \(\$0\.40\)" on target "veo3.1_fast text to video, 4 s, 1280:720, without audio"'
        $lines | Should -Match 'Create Runway task for 5 credits \(\$0\.05\)" on target "gen4_image text to image, 1280:720"'
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'a piped image task''s own Prompt and Model are not taken for the video (only typed ones count)' {
        $image = New-RunwayImage -Prompt 'a red fox' -Model gen4_image -Wait
        $image.Prompt | Should -Be 'a red fox'
        $video = $image | New-RunwayVideo
        $video.Model | Should -Be 'gen4_turbo'
        $body = (Get-ApiRequest '/v1/image_to_video')[0].body | ConvertFrom-Json
        $body.PSObject.Properties.Name | Should -Not -Contain 'promptText'
        $body.duration | Should -Be 10        # the default is sent, so the bill is the estimate
        ($image | New-RunwayVideo -Prompt 'it runs').Prompt | Should -Be 'it runs'
    }

    It 'rows without an image are text-to-video shots; rows with one are image-to-video' {
        $rows = @(
            [pscustomobject]@{ Prompt = 'a storm at sea'; Model = 'veo3.1_fast'; Duration = '4'; Image = '' }
            [pscustomobject]@{ Prompt = 'a calm lake'; Model = 'veo3.1_fast' }
            [pscustomobject]@{ Prompt = 'pan'; Image = $Png; Model = ''; Duration = '' }
        )
        $tasks = @($rows | New-RunwayVideo)
        $tasks | Should -HaveCount 3
        $tasks.Endpoint | Should -Be @('text_to_video', 'text_to_video', 'image_to_video')
        ((Get-ApiRequest '/v1/text_to_video')[0].body | ConvertFrom-Json).duration | Should -Be 4
        ((Get-ApiRequest '/v1/image_to_video')[0].body | ConvertFrom-Json).model | Should -Be 'gen4_turbo'
    }

    It 'veo first and last frames, audio off, seed and content moderation reach the API as the contract says' {
        $task = New-RunwayVideo -Image $Png -LastFrame $Png -Model veo3.1 -Duration 6 -Ratio 720:1280 -Audio:$false -Seed 42 -Prompt 'morph'
        $body = (Get-ApiRequest '/v1/image_to_video').body | ConvertFrom-Json
        $body.promptImage.position | Should -Be @('first', 'last')
        $body.audio | Should -BeFalse
        $body.seed | Should -Be 42
        $body.duration | Should -Be 6
        (Get-ApiRequest '/v1/image_to_video').body | Should -Not -Match 'null'
        New-RunwayVideo -Image $Png -PublicFigureThreshold low | Out-Null
        ((Get-ApiRequest '/v1/image_to_video')[-1].body | ConvertFrom-Json).contentModeration.publicFigureThreshold | Should -Be 'low'
    }

    It 'video to video and character performance accept local videos' {
        $video = (New-RunwayVideo -Image $Png -Prompt 'pan' -Wait).Output[0]
        $mp4 = Join-Path $TestDrive 'clip.mp4'
        Invoke-WebRequest $video -OutFile $mp4
        (New-RunwayVideo -Video $mp4 -Prompt 'make it noir' -Keyframe @{ Uri = $Png; Seconds = 1 } -Wait).Status | Should -Be 'SUCCEEDED'
        (New-RunwayVideo -Character $Png -Reference $mp4 -BodyControl -ExpressionIntensity 4 -Wait).Status | Should -Be 'SUCCEEDED'
        $body = (Get-ApiRequest '/v1/character_performance').body | ConvertFrom-Json
        $body.character.type | Should -Be 'image'
        $body.reference.type | Should -Be 'video'
        $body.bodyControl | Should -BeTrue
    }
}

Describe 'New-RunwayVideo, bad input is refused with a clear error and zero requests' {
    BeforeAll {
        New-BadMediaFile
    }
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'a retired model names its successor' {
        (Get-ErrorRecord { New-RunwayVideo -Video 'https://example.com/a.mp4' -Prompt 'x' -Model gen4_aleph }).Exception.Message | Should -Match 'aleph2'
        (Get-ErrorRecord { New-RunwayVideo -Prompt 'x' -Model veo3 }).Exception.Message | Should -Match 'veo3\.1'
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'a model the catalog lacks is sent only with -AllowUnknownModel, unchecked, with a warning' {
        (Get-ErrorRecord { New-RunwayVideo -Prompt 'x' -Model zz-test-nonexistent-model }).FullyQualifiedErrorId | Should -BeLike 'Runway.UnknownModel*'
        Get-ApiRequest | Should -HaveCount 0
        $null = New-RunwayVideo -Prompt 'x' -Model zz-test-nonexistent-model -Ratio 16:9 -Option @{ fancy = 1 } -AllowUnknownModel -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        ($warned -join ' ') | Should -Match 'without local validation'
        $sent = @(Get-ApiRequest '/v1/text_to_video')
        $sent | Should -HaveCount 1
        ($sent[0].Body | ConvertFrom-Json).fancy | Should -Be 1
    }

    It 'missing key: nothing is sent and the error says how to set it' {
        $env:RUNWAYML_API_SECRET = $null
        try {
            $record = Get-ErrorRecord { New-RunwayVideo -Image $Png -Prompt 'x' }
            $record.FullyQualifiedErrorId | Should -BeLike 'Runway.NotConfigured*'
            $record.Exception.Message | Should -Match 'RUNWAYML_API_SECRET'
        }
        finally { $env:RUNWAYML_API_SECRET = $TestKey }
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'one bad row in a pipeline is an error for that row; the others are created' {
        $errors = @()
        $tasks = @($Png, (Join-Path $TestDrive 'missing.png'), $Png | New-RunwayVideo -Prompt 'pan' -ErrorVariable errors -ErrorAction SilentlyContinue)
        $tasks | Should -HaveCount 2
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.FileNotFound*'
        Get-ApiRequest '/v1/image_to_video' | Should -HaveCount 2
    }
}
