BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1
    function script:Ascii([string] $Path, [int] $Offset, [int] $Count) {
        $bytes = [IO.File]::ReadAllBytes($Path)
        [Text.Encoding]::ASCII.GetString($bytes, $Offset, $Count)
    }
}

AfterAll { Exit-AreaTest }

Describe 'Saved files are named by the outputFormat the task was made with' {
    BeforeAll {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ pendingMs = 50; runMs = 300; CreditBalance = 1000000; UnlimitedConcurrentModels = '*' } | Out-Null
    }

    It 'gen4.5 <Format> with -Wait -OutDirectory gives <Extensions>, and Save-RunwayOutput names them the same' -ForEach @(
        @{ Format = 'mp4'; Prompt = 'waves'; Extensions = @('.mp4'); Magic = 'ftyp' }
        @{ Format = 'prores'; Prompt = 'waves'; Extensions = @('.mov'); Magic = 'ftyp' }
        @{ Format = 'hdr_prores'; Prompt = 'waves'; Extensions = @('.mov'); Magic = 'ftyp' }
        @{ Format = 'hdr_pq_12bit_master'; Prompt = 'waves'; Extensions = @('.mov'); Magic = 'ftyp' }
        @{ Format = 'hdr10'; Prompt = 'waves'; Extensions = @('.mp4'); Magic = 'ftyp' }
        @{ Format = 'hlg'; Prompt = 'waves'; Extensions = @('.mp4'); Magic = 'ftyp' }
        @{ Format = 'sdr_rec709_10bit'; Prompt = 'waves'; Extensions = @('.mp4'); Magic = 'ftyp' }
        @{ Format = 'png_sequence'; Prompt = 'waves'; Extensions = @('.zip'); Magic = 'PK' }
        @{ Format = 'png_sequence'; Prompt = 'waves [audio]'; Extensions = @('.zip', '.wav'); Magic = 'PK' }
        @{ Format = 'hdr_png_sequence'; Prompt = 'waves [audio]'; Extensions = @('.zip', '.wav'); Magic = 'PK' }
        @{ Format = 'hdr_exr_sequence'; Prompt = 'waves [audio]'; Extensions = @('.zip', '.wav'); Magic = 'PK' }
        @{ Format = 'hdr_exr_acescg_sequence_2_0'; Prompt = 'waves'; Extensions = @('.zip'); Magic = 'PK' }
    ) {
        $dir = Join-Path $TestDrive "gen45-$Format-$($Extensions.Count)"
        $files = @(New-RunwayVideo -Prompt $Prompt -Model gen4.5 -Ratio 1280:720 -Duration 2 -OutputFormat $Format -Wait -OutDirectory $dir)
        $files.Extension | Should -Be $Extensions
        $offset = if ($Magic -eq 'ftyp') { 4 } else { 0 }
        Ascii $files[0].FullName $offset $Magic.Length | Should -Be $Magic
        if ($Extensions -contains '.wav') { Ascii $files[1].FullName 0 4 | Should -Be 'RIFF' }
        $again = @(Get-RunwayTask -First 1 | Save-RunwayOutput -Path (Join-Path $TestDrive "again-$Format-$($Extensions.Count)"))
        $again.Extension | Should -Be $Extensions
    }

    It '<Model> images as <Format> are saved as <Extension>' -ForEach @(
        @{ Model = 'muse_image'; Format = 'jpeg'; Extension = '.jpg'; Ratio = '1600:1600' }
        @{ Model = 'muse_image'; Format = 'webp'; Extension = '.webp'; Ratio = '1600:1600' }
        @{ Model = 'muse_image'; Format = 'png'; Extension = '.png'; Ratio = '1600:1600' }
        @{ Model = 'seedream5_pro'; Format = 'jpeg'; Extension = '.jpg'; Ratio = '2048:2048' }
    ) {
        $dir = Join-Path $TestDrive "$Model-$Format"
        $file = New-RunwayImage -Prompt 'a fox' -Model $Model -Ratio $Ratio -OutputFormat $Format -Wait -OutDirectory $dir
        $file.Extension | Should -Be $Extension
        $saved = Get-RunwayTask -First 1 | Save-RunwayOutput -Path (Join-Path $TestDrive "again-$Model-$Format")
        $saved.Extension | Should -Be $Extension
    }

    It 'seed_audio as <Format> is saved as <Extension>' -ForEach @(
        @{ Format = 'wav'; Extension = '.wav'; Magic = 'RIFF'; Offset = 0 }
        @{ Format = 'mp3'; Extension = '.mp3'; Magic = $null; Offset = 0 }
        @{ Format = 'ogg_opus'; Extension = '.ogg'; Magic = 'OggS'; Offset = 0 }
    ) {
        $dir = Join-Path $TestDrive "seed-$Format"
        $file = New-RunwaySpeech -Text 'Hello there.' -Model seed_audio -OutputFormat $Format -Wait -OutDirectory $dir
        $file.Extension | Should -Be $Extension
        if ($Magic) { Ascii $file.FullName $Offset $Magic.Length | Should -Be $Magic }
        (Get-RunwayTask -First 1 | Save-RunwayOutput -Path (Join-Path $TestDrive "again-seed-$Format")).Extension | Should -Be $Extension
    }
}

Describe 'A file saved under another extension than the served type warns; the name given is kept' {
    BeforeAll {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ pendingMs = 50; runMs = 300; CreditBalance = 1000000; UnlimitedConcurrentModels = '*' } | Out-Null
        $script:ProRes = New-RunwayVideo -Prompt 'waves' -Model gen4.5 -Ratio 1280:720 -Duration 2 -OutputFormat prores -Wait
        $script:Frames = New-RunwayVideo -Prompt 'waves' -Model gen4.5 -Ratio 1280:720 -Duration 2 -OutputFormat hdr_exr_sequence -Wait
        $script:Mp3 = New-RunwaySpeech -Text 'Hello there.' -Model seed_audio -OutputFormat mp3 -Wait
    }

    It '<Case> saved as <Name> (or by a template ending in <TemplateExtension>) warns that it holds <Holds>' -ForEach @(
        @{ Case = 'a ProRes video'; Task = 'ProRes'; Name = 'clip.mp4'; TemplateExtension = '.mp4'; Holds = 'MOV video.*\.mov' }
        @{ Case = 'an EXR frame sequence'; Task = 'Frames'; Name = 'frames.mp4'; TemplateExtension = '.png'; Holds = 'ZIP archive.*\.zip' }
        @{ Case = 'an MP3'; Task = 'Mp3'; Name = 'speech.dat'; TemplateExtension = '.wav'; Holds = 'MP3 audio.*\.mp3' }
    ) {
        $task = Get-Variable -Scope Script -Name $Task -ValueOnly
        $path = Join-Path $TestDrive "$(Get-Random)-$Name"
        $file = Save-RunwayOutput -InputObject $task -Path $path -WarningVariable warned -WarningAction SilentlyContinue
        $file.FullName | Should -Be $path
        $warned | Should -HaveCount 1
        "$warned" | Should -Match $Holds
        $dir = Join-Path $TestDrive "tpl$(Get-Random)"
        $file = Save-RunwayOutput -InputObject $task -Path $dir -NameTemplate "{Id}$TemplateExtension" -WarningVariable warned -WarningAction SilentlyContinue
        $file.Name | Should -Be "$($task.Id)$TemplateExtension"
        "$warned" | Should -Match $Holds
    }

    It 'a file saved under the served extension does not warn' {
        foreach ($task in $ProRes, $Frames, $Mp3) {
            $file = Save-RunwayOutput -InputObject $task -Path (Join-Path $TestDrive "same$(Get-Random)") -WarningVariable warned -WarningAction SilentlyContinue
            $file.Extension | Should -BeIn '.mov', '.zip', '.mp3'
            $warned | Should -HaveCount 0
        }
    }
}
