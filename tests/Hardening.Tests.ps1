BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1
    Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
    $task = New-RunwayImage -Prompt 'test card' -Model gen4_image -Ratio 1280:720 -Wait
    $script:PngBytes = (Invoke-WebRequest -Uri $task.Output[0]).Content
    $script:Png = Join-Path $TestDrive 'frame.png'
    [IO.File]::WriteAllBytes($Png, $PngBytes)

}

AfterAll { Exit-AreaTest }

Describe 'Values bound from piped records convert exactly or are refused' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'CSV <Column> = ''<Value>'' is refused with zero requests' -ForEach @(
        @{ Column = 'Duration'; Value = '5 sec'; Command = 'New-RunwayVideo' }
        @{ Column = 'Duration'; Value = '4,5'; Command = 'New-RunwayVideo' }
        @{ Column = 'Seed'; Value = 'abc'; Command = 'New-RunwayVideo' }
        @{ Column = 'Seed'; Value = '1.5'; Command = 'New-RunwayImage' }
        @{ Column = 'Seed'; Value = '1,000'; Command = 'New-RunwayImage' }
        @{ Column = 'Duration'; Value = 'ten'; Command = 'New-RunwaySoundEffect' }
        @{ Column = 'Duration'; Value = '0x10'; Command = 'New-RunwaySoundEffect' }
    ) {
        $csv = "Prompt,$Column`n""a quiet street"",""$Value"""
        $errors = if ($Command -eq 'New-RunwayVideo') { Get-AllErrors { $csv | ConvertFrom-Csv | New-RunwayVideo -Image $Png } }
        else { Get-AllErrors { $csv | ConvertFrom-Csv | & $Command } }
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.InvalidPipelineValue*'
        $errors[0].ToString() | Should -BeLike "Input 1: -$Column '$Value' is not *"
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $errors[0].TargetObject | Should -Be $Value
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'exact values from a CSV, a custom object and a hashtable reach the API; a bad row does not stop the others' {
        $rows = "Prompt,Duration,Seed`none,5,42`ntwo,4.5,7`nthree,5,1e3" | ConvertFrom-Csv
        $errors = Get-AllErrors { $rows | New-RunwaySoundEffect }
        $errors | Should -HaveCount 0
        $bodies = Get-ApiRequest '/v1/sound_effect' | ForEach-Object { $_.Body | ConvertFrom-Json }
        $bodies.duration | Should -Be @(5, 4.5, 5)
        Reset-RunwaySimulator -Url $SimUrl
        $errors = Get-AllErrors { [pscustomobject]@{ Prompt = 'x'; Seed = 4.5 }, [pscustomobject]@{ Prompt = 'y'; Seed = 9 } | New-RunwayImage -Ratio 1920:1080 }
        $errors | Should -HaveCount 1
        $errors[0].ToString() | Should -BeLike "Input 1: -Seed '4.5' is not a whole number*"
        (Get-ApiRequest '/v1/text_to_image').Body | ConvertFrom-Json | ForEach-Object seed | Should -Be 9
    }

    It 'a piped hashtable binds like a custom object, and a bad value in it is refused' {
        @{ Prompt = 'rain on a tin roof'; Duration = '3' } | New-RunwaySoundEffect | Out-Null
        $body = (Get-ApiRequest '/v1/sound_effect').Body | ConvertFrom-Json
        $body.promptText | Should -Be 'rain on a tin roof'
        $body.duration | Should -Be 3
        Reset-RunwaySimulator -Url $SimUrl
        @{ Image = $Png; Prompt = 'slow pan'; Seed = 5 } | New-RunwayVideo | Out-Null
        $body = (Get-ApiRequest '/v1/image_to_video').Body | ConvertFrom-Json
        $body.promptText | Should -Be 'slow pan'
        $body.seed | Should -Be 5
        Reset-RunwaySimulator -Url $SimUrl
        $errors = Get-AllErrors { @{ Prompt = 'x'; Duration = '4,5' } | New-RunwaySoundEffect }
        $errors[0].ToString() | Should -BeLike "Input 1: -Duration '4,5' is not a number*"
        $errors = Get-AllErrors { @{ Text = 'no prompt key' } | New-RunwayImage }
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.InvalidPipelineValue*'
        $errors[0].ToString() | Should -Match 'no Prompt key'
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'a column for a parameter of another form of the command is refused, not ignored' {
        $errors = Get-AllErrors { [pscustomobject]@{ Prompt = 'x'; NegativePrompt = 'blur' } | New-RunwayVideo -Video 'https://example.com/a.mp4' }
        $errors | Should -HaveCount 1
        $errors[0].ToString() | Should -BeLike "Input 1: -NegativePrompt 'blur' does not apply*"
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'a sentence piped where a file is expected names the parameter and suggests -Prompt' {
        $errors = Get-AllErrors { 'a cat running through snow' | New-RunwayVideo }
        $errors | Should -HaveCount 1
        $errors[0].ToString() | Should -Match "bound to -Image"
        $errors[0].ToString() | Should -Match "-Prompt 'a cat running through snow'"
        $errors = Get-AllErrors { 'hello there' | New-RunwayVoiceIsolation }
        $errors[0].ToString() | Should -Match 'bound to -Audio'
        Get-ApiRequest | Should -HaveCount 0
    }
}

Describe 'Data URIs are decoded and checked locally' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It '<Case> is refused with zero requests' -ForEach @(
        @{ Case = 'invalid base64'; Id = 'Runway.InvalidDataUri'; Uri = 'data:image/png;base64,@@not*base64@@' }
        @{ Case = 'empty data'; Id = 'Runway.InvalidDataUri'; Uri = 'data:image/png;base64,' }
        @{ Case = 'text declared as PNG'; Id = 'Runway.DataUriMismatch'; Uri = 'data:image/png;base64,' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('hello, not an image at all')) }
        @{ Case = 'a JPEG declared as PNG'; Id = 'Runway.DataUriMismatch'; Uri = 'data:image/png;base64,' + [Convert]::ToBase64String([byte[]](0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 74, 70, 73, 70, 0, 1)) }
        @{ Case = 'a GIF declared as a GIF'; Id = 'Runway.UnsupportedFormat'; Uri = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' }
    ) {
        $record = Get-ErrorRecord { New-RunwayVideo -Image $Uri -Prompt 'x' }
        $record.FullyQualifiedErrorId | Should -BeLike "$Id*"
        $record.Exception.Message | Should -Match '^-Image: '
        $record.TargetObject | Should -Not -BeNullOrEmpty
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'a data URI whose bytes are what it says is sent' {
        $uri = 'data:image/png;base64,' + [Convert]::ToBase64String($PngBytes)
        New-RunwayVideo -Image $uri -Prompt 'x' | Out-Null
        (Get-ApiRequest '/v1/image_to_video').Body | ConvertFrom-Json | ForEach-Object promptImage | Should -Match '^data:image/png;base64,' 
    }
}

Describe 'Paths with wildcard characters' {
    BeforeAll {
        $script:Wild = Join-Path $TestDrive 'wild[1]'
        New-Item -ItemType Directory -Path $Wild | Out-Null
        [IO.File]::WriteAllBytes((Join-Path $Wild 'a.png'), $PngBytes)
    }
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl; Push-Location -LiteralPath $TestDrive }
    AfterEach { Pop-Location }

    It 'a file that exists under its literal name is used by the generation cmdlets' {
        New-RunwayVideo -Image './wild[1]/a.png' -Prompt 'pan' | Out-Null
        Get-ApiRequest '/v1/image_to_video' | Should -HaveCount 1
    }

    It 'Send-RunwayFile -LiteralPath uploads it; -Path reads the brackets as a wildcard; piped files bind literally' {
        $upload = Send-RunwayFile -LiteralPath './wild[1]/a.png'
        $upload.Uri | Should -BeLike 'runway://*'
        $record = Get-ErrorRecord { Send-RunwayFile -Path './wild[1]/a.png' }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.FileNotFound*'
        @(Get-ChildItem -LiteralPath $Wild -File | Send-RunwayFile) | Should -HaveCount 1
        $record = Get-ErrorRecord { Send-RunwayFile -LiteralPath './wild[2]/a.png' }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.FileNotFound*'
        Get-ApiRequest '/v1/uploads' | Should -HaveCount 2
    }
}

Describe 'A create whose answer is lost is journaled as unconfirmed' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'the dropped create shows in Get-RunwayTask as UNCONFIRMED with time, endpoint, model, prompt and estimate' {
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/image_to_video' -Kind dropAfter | Out-Null
        $before = Get-Date
        $record = Get-ErrorRecord { New-RunwayVideo -Image $Png -Prompt 'lost in transit' -Model gen4_turbo -Duration 5 -Ratio 1280:720 }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.TaskMayExist*'
        $record.ErrorDetails.RecommendedAction | Should -Match 'UNCONFIRMED'
        $entry = @(Get-RunwayTask | Where-Object Prompt -EQ 'lost in transit')
        $entry | Should -HaveCount 1
        $entry[0].Status | Should -Be 'UNCONFIRMED'
        $entry[0].Model | Should -Be 'gen4_turbo'
        $entry[0].Endpoint | Should -Be 'image_to_video'
        $entry[0].EstimatedCredits | Should -Be 25
        $entry[0].CreatedAt | Should -BeGreaterOrEqual $before.AddSeconds(-1)
        $entry[0].Failure | Should -Not -BeNullOrEmpty
        # Listing it never asks the API about the journal's own id.
        Get-ApiRequest '/v1/tasks/unconfirmed' | Should -HaveCount 0
        (Get-RunwayTask -Status UNCONFIRMED).Prompt | Should -Contain 'lost in transit'
    }
}

Describe 'Output paths under a file are refused before anything is sent' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        $script:Blocker = Join-Path $TestDrive 'blocker.txt'
        Set-Content -LiteralPath $Blocker -Value 'x'
    }

    It '<Case>' -ForEach @(
        @{ Case = '-OutDirectory under a file, with -WhatIf'; Script = { New-RunwayVideo -Image $Png -Prompt 'x' -OutDirectory (Join-Path $Blocker 'clips') -WhatIf } }
        @{ Case = '-OutDirectory two levels under a file'; Script = { New-RunwayImage -Prompt 'x' -OutDirectory (Join-Path $Blocker 'a/b') } }
        @{ Case = '-OutFile under a file'; Script = { New-RunwaySoundEffect -Prompt 'x' -OutFile (Join-Path $Blocker 'a.mp3') } }
        @{ Case = 'Save-RunwayOutput -Path under a file'; Script = { Save-RunwayOutput -Uri 'https://example.com/a.png' -Path (Join-Path $Blocker 'out') } }
    ) {
        $record = Get-ErrorRecord $Script
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.OutputParentIsFile*'
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $record.TargetObject | Should -BeLike "$Blocker*"
        $record.Exception.Message | Should -Match 'is a file, not a folder'
        Get-ApiRequest | Should -HaveCount 0
    }
}
