# Invoke-RunwayWorkflow: its tests moved from tests/Workflows.Tests.ps1 (the area's shared setup is tests/Helpers/Workflows.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Workflows.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Invoke-RunwayWorkflow, workflows' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Push-Location $TestDrive
    }
    AfterEach { Pop-Location }

    It 'runs with a local image (inlined), waits, and Save-RunwayOutput saves every node''s outputs' {
        $version = Get-Seeded 'Product shot' 2
        $run = $version | Invoke-RunwayWorkflow -Inputs @{ 'Product image' = (Get-Item $Png); Prompt = 'on marble' } -Wait
        $run | Should -BeOfType ([Runway.Api.RunwayWorkflowInvocation])
        $run.Outcome | Should -Be 'SUCCEEDED'
        $run.Output | Should -HaveCount 2
        $body = (Get-ApiRequest "/v1/workflows/$($version.Id)" -Method POST)[0].body | ConvertFrom-Json -AsHashtable
        $nodes = $body.nodeOutputs.Values
        ($nodes | ForEach-Object { $_.Values }).type | Sort-Object | Should -Be @('image', 'primitive')
        (($nodes | ForEach-Object { $_.Values }) | Where-Object type -eq 'image').uri | Should -Match '^data:image/png;base64,'
        $files = @($run | Save-RunwayOutput -Path (Join-Path $TestDrive 'shots'))
        $files | Should -HaveCount 2
        $files.Extension | Should -Be @('.png', '.png')
    }

    It 'Invoke-RunwayWorkflow -OutDirectory saves the outputs; Wait-RunwayWorkflowInvocation follows a run by id' {
        $version = Get-Seeded 'Video restyle'
        $files = @(Invoke-RunwayWorkflow -Id $version.Id -Inputs @{ 'Source video.video' = 'https://example.com/a.mp4'; voiceover = $true } -OutDirectory (Join-Path $TestDrive 'restyle'))
        ($files.Extension | Sort-Object) | Should -Be @('.mp4', '.wav')
        $started = Invoke-RunwayWorkflow -Id $version.Id -Inputs @{ 'Source video' = 'https://example.com/a.mp4' }
        $started.Status | Should -Be 'PENDING'
        $done = $started.Id | Wait-RunwayWorkflowInvocation
        $done.Status | Should -Be 'SUCCEEDED'
        $done.Output | Should -HaveCount 2
    }

    It 'a partial run (node errors on a SUCCEEDED run) is output and reported as Runway.WorkflowPartialRun' {
        $version = Get-Seeded 'Video restyle'
        $errors = @()
        $run = Invoke-RunwayWorkflow -Id $version.Id -Inputs @{ 'Source video' = 'https://example.com/a.mp4'; 'Style.text' = 'noir [fail:SAFETY.INPUT.TEXT]' } -Wait -ErrorVariable errors -ErrorAction SilentlyContinue
        $run.Status | Should -Be 'SUCCEEDED'
        $run.IsPartial | Should -BeTrue
        $run.Outcome | Should -Be 'PartiallySucceeded'
        $run.NodeErrors.Count | Should -BeGreaterThan 0
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.WorkflowPartialRun*'
        $errors[0].Exception.Message | Should -Match 'succeeded only in part'
        $errors[0].TargetObject.Id | Should -Be $run.Id
    }

    It 'a failed run is an error that keeps the run' {
        $version = Get-Seeded 'Product shot' 1
        $err = Get-ErrorRecord { Invoke-RunwayWorkflow -Id $version.Id -Inputs @{ Prompt = '[fail-invocation:INTERNAL.BAD_OUTPUT]' } -Wait }
        $err.FullyQualifiedErrorId | Should -BeLike 'Runway.WorkflowFailed*'
        $err.Exception.Message | Should -Match 'INTERNAL.BAD_OUTPUT'
    }

    It '<Name> is a clear error and nothing is run' -ForEach @(
        @{ Name = 'a missing required input'; Id = 'Runway.MissingWorkflowInput'; Inputs = @{ Prompt = 'x' }; Message = "needs 'Product image.image'" }
        @{ Name = 'an unknown input'; Id = 'Runway.UnknownKey'; Inputs = @{ 'Product image' = 'https://example.com/a.png'; Colour = 'red' }; Message = "its inputs are 'Product image.image' \(image, required\)" }
        @{ Name = 'a number for an image'; Id = 'Runway.WrongWorkflowInputKind'; Inputs = @{ 'Product image' = 42 }; Message = 'takes an image' }
        @{ Name = 'an audio file for an image'; Id = 'Runway.UnsupportedFormat'; Inputs = @{ 'Product image' = 'WAV' }; Message = 'an image is needed' }
        @{ Name = 'a switch for a text input'; Id = 'Runway.WrongWorkflowInputKind'; Inputs = @{ 'Product image' = 'https://example.com/a.png'; Prompt = $true }; Message = 'takes a string' }
    ) {
        $version = Get-Seeded 'Product shot' 2
        if ($Inputs['Product image'] -eq 'WAV') { $Inputs['Product image'] = $Wav }
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $err = Get-ErrorRecord { Invoke-RunwayWorkflow -Id $version.Id -Inputs $Inputs }
        $err.FullyQualifiedErrorId | Should -BeLike "$Id*"
        $err.Exception.Message | Should -Match $Message
        Get-ApiRequest -Method POST | Should -HaveCount 0
    }

    It '-WhatIf shows the run and its inputs and runs nothing' {
        $version = Get-Seeded 'Storyboard to video'
        $lines = @(Invoke-InChildPwsh -Script "Invoke-RunwayWorkflow -Id $($version.Id) -Inputs @{ 'Script.text' = 'A day at sea'; seconds = 8 } -WhatIf") -join "`n"
        $lines | Should -Match "workflow 'Storyboard to video' v1.*Script.text = A day at sea, Script.seconds = 8"
        $lines | Should -Match 'price unknown'
        Get-ApiRequest -Method POST | Should -HaveCount 0
    }
}
