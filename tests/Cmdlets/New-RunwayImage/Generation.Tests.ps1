# New-RunwayImage: its tests moved from tests/Generation.Tests.ps1 (the area's shared setup is tests/Helpers/Generation.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Generation.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayImage, the pipelines of the issue' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        Push-Location $TestDrive
    }
    AfterEach { Pop-Location }

    It '-OutFile waits and saves to that name; an existing file is refused before anything is sent' {
        $target = Join-Path $TestDrive 'fox.png'
        $file = New-RunwayImage -Prompt 'a fox' -OutFile $target
        $file.FullName | Should -Be $target
        [IO.File]::ReadAllBytes($target)[1..3] | Should -Be ([byte[]][char[]]'PNG')
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $record = Get-ErrorRecord { New-RunwayImage -Prompt 'a fox' -OutFile $target }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.FileExists*'
        $record.CategoryInfo.Category | Should -Be 'ResourceExists'
        Get-ApiRequest | Should -HaveCount 0
        $again = New-RunwayImage -Prompt 'a fox' -OutFile $target -Force
        $again.FullName | Should -Be $target
    }

    It '-OutFile resolves relative paths through the provider location' {
        $file = New-RunwayImage -Prompt 'a fox' -OutFile './relative.png'
        $file.FullName | Should -Be (Join-Path $TestDrive 'relative.png')
    }

    It '-OutDirectory names files after the task id and the served type' {
        $dir = Join-Path $TestDrive 'imgs'
        $file = New-RunwayImage -Prompt 'a fox' -OutDirectory $dir
        $file.Name | Should -Match '^[0-9a-f-]{36}\.png$'
    }

    It 'a reference image hashtable with a tag, and @tag in the prompt' {
        $task = New-RunwayImage -Prompt '@hero on a hill' -ReferenceImage @{ Uri = $Png; Tag = 'hero' } -Model gen4_image_turbo -Wait
        $task.Status | Should -Be 'SUCCEEDED'
        $body = (Get-ApiRequest '/v1/text_to_image' | Select-Object -Last 1).body | ConvertFrom-Json
        $body.referenceImages[0].tag | Should -Be 'hero'
        $body.referenceImages[0].uri | Should -Match '^data:image/png;base64,'
    }

    It 'a failed generation with -Wait writes an error with the task and goes on with the next input' {
        $errors = @()
        $done = @('a calm sea', 'storm [fail:INTERNAL.BAD_OUTPUT]', 'a calm lake' | ForEach-Object { [pscustomobject]@{ Prompt = $_ } } |
            New-RunwayImage -Wait -ErrorVariable errors -ErrorAction SilentlyContinue)
        $done | Should -HaveCount 2
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.TaskFailed*'
        $errors[0].TargetObject.FailureCode | Should -Be 'INTERNAL.BAD_OUTPUT'
        $errors[0].TargetObject.Id | Should -Not -BeNullOrEmpty
    }

    It '-OutDirectory naming a file, and a wait for a free slot past -TimeoutSec, are clear errors before anything is paid' {
        $file = Join-Path $TestDrive 'not-a-folder'
        Set-Content $file 'x'
        $record = Get-ErrorRecord { New-RunwayImage -Prompt 'x' -OutDirectory $file }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.OutDirectoryIsFile*'
        Get-ApiRequest | Should -HaveCount 0
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ RunMs = 5000 } | Out-Null
        try {
            $errors = @()
            $tasks = @($Png, $Png | New-RunwayVideo -Prompt 'pan' -ThrottleLimit 1 -TimeoutSec 1 -ErrorVariable errors -ErrorAction SilentlyContinue)
            $tasks | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.NoFreeSlot*'
            $errors[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            $errors[0].Exception.Message | Should -Match $tasks[0].Id
            Get-ApiRequest '/v1/image_to_video' 'POST' | Should -HaveCount 1
        }
        finally { Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ MaxConcurrent = 2; RunMs = 300 } | Out-Null }
    }
}
