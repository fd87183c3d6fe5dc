# Save-RunwayOutput: its tests moved from tests/Output.Tests.ps1 (the area's shared setup is tests/Helpers/Output.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Output.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Save-RunwayOutput checks the target before downloading' {
    BeforeAll {
        $script:Done = New-RunwayImage -Prompt 'a fox' -Wait
    }
    BeforeEach { Clear-RunwaySimulatorRequest -Url $SimUrl }

    It 'an existing file is refused without a download, -WhatIf included; -Force replaces it' {
        $dir = Join-Path $TestDrive "exists$(Get-Random)"
        New-Item -ItemType Directory $dir | Out-Null
        $existing = Join-Path $dir "$($Done.Id).png"
        Set-Content -LiteralPath $existing -Value 'keep me'
        foreach ($script in { $Done | Save-RunwayOutput -Path $dir }, { $Done | Save-RunwayOutput -Path $dir -WhatIf }, { Save-RunwayOutput -Id $Done.Id -Path $dir }) {
            $errors = Get-AllErrors $script
            $errors | Should -HaveCount 1
            ($errors[0].FullyQualifiedErrorId -replace ',.*') | Should -Be 'Runway.FileExists'
            $errors[0].CategoryInfo.Category | Should -Be 'ResourceExists'
            $errors[0].TargetObject | Should -Be $existing
            Assert-CleanError $errors[0]
        }
        Get-ApiRequest '/_outputs/' 'GET' | Should -HaveCount 0
        Get-Content -LiteralPath $existing | Should -Be 'keep me'
        ($Done | Save-RunwayOutput -Path $dir -Force).FullName | Should -Be $existing
        [IO.File]::ReadAllBytes($existing)[1..3] | Should -Be ([byte[]][char[]]'PNG')
    }

    It 'a folder under the output''s name is refused before the download, with or without -Force' {
        $dir = Join-Path $TestDrive "folder$(Get-Random)"
        New-Item -ItemType Directory (Join-Path $dir "$($Done.Id).png") -Force | Out-Null
        foreach ($force in $false, $true) {
            $errors = Get-AllErrors { $Done | Save-RunwayOutput -Path $dir -Force:$force }
            $errors | Should -HaveCount 1
            ($errors[0].FullyQualifiedErrorId -replace ',.*') | Should -Be 'Runway.FileExists'
            $errors[0].Exception.Message | Should -Match 'is a folder'
            Assert-CleanError $errors[0]
        }
        Get-ApiRequest '/_outputs/' 'GET' | Should -HaveCount 0
        @(Get-ChildItem $dir -Force -Recurse -File) | Should -HaveCount 0
    }

    It 'a full disk during the download names the file asked for, never the temporary one' {
        $dir = Join-Path $TestDrive "tiny$(Get-Random)"
        New-Item -ItemType Directory $dir | Out-Null
        & mount -t tmpfs -o size=64k tmpfs $dir 2>$null
        if ($LASTEXITCODE -ne 0) { Set-ItResult -Skipped -Because 'mounting a 64 KB tmpfs needs root (mount failed)'; return }
        try {
            $errors = Get-AllErrors { Save-RunwayOutput -Uri "$SimUrl/_sim/blob/1048576" -Path (Join-Path $dir 'big.bin') }
            $errors | Should -HaveCount 1
            ($errors[0].FullyQualifiedErrorId -replace ',.*') | Should -Be 'Runway.WriteFailed'
            $errors[0].CategoryInfo.Category | Should -Be 'WriteError'
            $errors[0].Exception.Message | Should -BeLike "*big.bin*disk is full*No partial file was left."
            Assert-CleanError $errors[0]
            @(Get-ChildItem $dir -Force) | Should -HaveCount 0
        }
        finally { & umount $dir }
    }
}
