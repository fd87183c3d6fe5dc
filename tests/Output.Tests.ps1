BeforeAll {
    . $PSScriptRoot/Helpers/Output.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Output destinations that cannot be written are refused before anything is sent' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        $script:Locked = Join-Path $TestDrive "locked$(Get-Random)"
        $script:LockTook = Lock-Folder $Locked
        $script:Blocker = Join-Path $TestDrive 'blocker.txt'
        Set-Content -LiteralPath $Blocker -Value 'x'
    }
    AfterEach { Unlock-Folder $Locked }

    It '<Case>: <Command>' -ForEach @(
        foreach ($case in @(
                @{ Case = 'a read-only folder'; Folder = { $Locked }; Id = 'Runway.CannotWrite'; Category = 'PermissionDenied'; NeedsLock = $true }
                @{ Case = 'a new folder inside a read-only folder'; Folder = { Join-Path $Locked 'clips' }; Id = 'Runway.CannotWrite'; Category = 'PermissionDenied'; NeedsLock = $true }
                @{ Case = 'a file as a parent folder'; Folder = { Join-Path $Blocker 'clips' }; Id = 'Runway.OutputParentIsFile'; Category = 'InvalidArgument' }
                @{ Case = 'a character the file system refuses'; Folder = { Join-Path $TestDrive "bad`0name" }; Id = 'Runway.InvalidOutputPath'; Category = 'InvalidArgument' }
                @{ Case = 'a name longer than 255'; Folder = { Join-Path $TestDrive ('n' * 300) }; Id = 'Runway.OutputPathTooLong'; Category = 'InvalidArgument' }
                @{ Case = 'a drive that does not exist'; Folder = { 'NoSuchDrive:/clips' }; Id = 'Runway.OutputDriveNotFound'; Category = 'ObjectNotFound' }
                @{ Case = 'another provider'; Folder = { 'Env:/clips' }; Id = 'Runway.OutputNotOnFileSystem'; Category = 'InvalidArgument' }
            )) {
            foreach ($command in 'New-RunwayImage -OutDirectory -WhatIf', 'New-RunwaySoundEffect -OutFile', 'Save-RunwayOutput -Path') {
                $case + @{ Command = $command }
            }
        }
    ) {
        if ($NeedsLock -and -not $LockTook) { Set-ItResult -Skipped -Because 'neither chattr +i nor chmod makes a folder read-only here'; return }
        $folder = & $Folder
        $script = switch -Wildcard ($Command) {
            'New-RunwayImage*' { { New-RunwayImage -Prompt 'x' -OutDirectory $folder -WhatIf } }
            'New-RunwaySoundEffect*' { { New-RunwaySoundEffect -Prompt 'x' -OutFile "$folder/a.mp3" } }
            'Save-RunwayOutput*' { { Save-RunwayOutput -Uri "$SimUrl/_sim/blob/1024" -Path "$folder/" } }
        }
        # -OutFile's folder must exist: a missing one under a read-only folder is OutputFolderMissing, said first.
        if ($Command -like '*-OutFile' -and $Case -eq 'a new folder inside a read-only folder') { $Id = 'Runway.OutputFolderMissing'; $Category = 'ObjectNotFound' }
        $errors = Get-AllErrors $script
        $errors | Should -HaveCount 1
        ($errors[0].FullyQualifiedErrorId -replace ',.*') | Should -Be $Id
        $errors[0].CategoryInfo.Category | Should -Be $Category
        Assert-CleanError $errors[0]
        Get-ApiRequest | Should -HaveCount 0
        Get-ApiRequest '/_sim/blob' | Should -HaveCount 0
    }

    It 'a folder where a file is wanted, and a file where a folder is wanted' {
        $errors = Get-AllErrors { New-RunwayImage -Prompt 'x' -OutFile $TestDrive -WhatIf }
        ($errors[0].FullyQualifiedErrorId -replace ',.*') | Should -Be 'Runway.OutFileIsDirectory'
        Assert-CleanError $errors[0]
        $errors = Get-AllErrors { New-RunwayImage -Prompt 'x' -OutDirectory $Blocker -WhatIf }
        ($errors[0].FullyQualifiedErrorId -replace ',.*') | Should -Be 'Runway.OutDirectoryIsFile'
        Assert-CleanError $errors[0]
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'the probe leaves nothing behind in a writable folder, and -WhatIf creates no folder' {
        $dir = Join-Path $TestDrive 'fresh'
        New-RunwayImage -Prompt 'x' -OutDirectory (Join-Path $dir 'clips') -WhatIf | Out-Null
        Test-Path $dir | Should -BeFalse
        @(Get-ChildItem $TestDrive -Force -Filter '.runway-probe*') | Should -HaveCount 0
    }
}

Describe 'File name templates and -PassThru' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl; $script:Clips = Join-Path $TestDrive "clips$(Get-Random)" }

    It 'frames piped through New-RunwayVideo -Wait are saved under their input names' {
        $files = Get-ChildItem "$Frames/*.png" | New-RunwayVideo -Prompt 'slow pan' -Wait | Save-RunwayOutput -Path $Clips -NameTemplate '{InputName}'
        ($files.Name | Sort-Object) | Should -Be @('cat.mp4', 'dog.mp4')
    }

    It 'New-Runway* -OutDirectory takes the same template; {Model} and {Date} expand' {
        $file = New-RunwayVideo -Image $Png -Prompt 'pan' -Model gen4_turbo -OutDirectory $Clips -NameTemplate '{InputName}_{Model}_{Date}'
        $file.Name | Should -Be "cat_gen4_turbo_$((Get-Date).ToString('yyyy-MM-dd')).mp4"
    }

    It 'a task read back from the journal (Get-RunwayTask, or -Id) still knows its input name' {
        $task = New-RunwayVideo -Image $Png -Prompt 'journal pan' -Wait
        (Get-RunwayTask -First 1).InputName | Should -Be 'cat'
        (Get-RunwayTask -First 1 | Save-RunwayOutput -Path $Clips -NameTemplate 'from-list-{InputName}').Name | Should -Be 'from-list-cat.mp4'
        (Save-RunwayOutput -Id $task.Id -Path $Clips -NameTemplate 'by-id-{InputName}').Name | Should -Be 'by-id-cat.mp4'
    }

    It 'several outputs of one task get _1, _2 (or {Index}); two tasks under one name are refused, nothing is overwritten' {
        $a = New-RunwayImage -Prompt 'one' -Wait
        $b = New-RunwayImage -Prompt 'two' -Wait
        $both = [Runway.Api.RunwayTask]@{ Id = $a.Id; Status = 'SUCCEEDED'; Output = @($a.Output[0], $b.Output[0]); Model = 'gen4_image' }
        ($both | Save-RunwayOutput -Path $Clips -NameTemplate 'pair').Name | Should -Be @('pair_1.png', 'pair_2.png')
        ($both | Save-RunwayOutput -Path $Clips -NameTemplate 'n{Index}-{Id}').Name | Should -Be @("n1-$($a.Id).png", "n2-$($a.Id).png")
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $errors = Get-AllErrors { $a, $b | Save-RunwayOutput -Path $Clips -NameTemplate 'same-{Model}' -Force }
        $errors | Should -HaveCount 1
        ($errors[0].FullyQualifiedErrorId -replace ',.*') | Should -Be 'Runway.FileExists'
        $errors[0].Exception.Message | Should -Match 'two outputs'
        Assert-CleanError $errors[0]
        @(Get-ChildItem $Clips -Filter 'same-*') | Should -HaveCount 1
        Get-ApiRequest '/_outputs/' 'GET' | Should -HaveCount 1
    }

    It '{InputName} travels through a chain of tasks: folder, upscale, video, save (piped or read back by id)' {
        $videos = @(Get-ChildItem "$Frames/*.png" | New-RunwayImageUpscale -Wait | New-RunwayVideo -Prompt 'slow pan' -Wait)
        $videos.InputName | Sort-Object | Should -Be @('cat', 'dog')
        $files = $videos | Save-RunwayOutput -Path $Clips -NameTemplate '{InputName}'
        ($files.Name | Sort-Object) | Should -Be @('cat.mp4', 'dog.mp4')
        (Get-RunwayTask -First 1).InputName | Should -BeIn 'cat', 'dog'
        (Save-RunwayOutput -Id $videos[0].Id -Path $Clips -NameTemplate 'by-id-{InputName}').Name | Should -Be "by-id-$($videos[0].InputName).mp4"
    }

    It 'a template that ends in the served extension does not double it; another extension is kept, with a warning' {
        $task = New-RunwayImage -Prompt 'one' -Wait
        (Save-RunwayOutput -InputObject $task -Path $Clips -NameTemplate '{Id}.png').Name | Should -Be "$($task.Id).png"
        (New-RunwayImage -Prompt 'two' -OutDirectory $Clips -NameTemplate 'new-{Id}.PNG').Name | Should -BeLike 'new-*.PNG'
        $file = Save-RunwayOutput -InputObject $task -Path $Clips -NameTemplate 'as-{Id}.jpg' -WarningVariable warned -WarningAction SilentlyContinue
        $file.Name | Should -Be "as-$($task.Id).jpg"
        $warned | Should -HaveCount 1
        "$warned" | Should -Match 'PNG image.*image/png.*\.png'
        $both = [Runway.Api.RunwayTask]@{ Id = $task.Id; Status = 'SUCCEEDED'; Output = @($task.Output[0], $task.Output[0]); Model = 'gen4_image' }
        ($both | Save-RunwayOutput -Path $Clips -NameTemplate 'pair.png').Name | Should -Be @('pair_1.png', 'pair_2.png')
    }

    It 'two outputs of one command under one name: both named, -Force is not offered, only the missing placeholder is' {
        $a = New-RunwayImage -Prompt 'one' -Wait
        $b = New-RunwayImage -Prompt 'two' -Wait
        foreach ($force in $false, $true) {
            $dir = Join-Path $TestDrive "clash$(Get-Random)"
            $errors = Get-AllErrors { $a, $b | Save-RunwayOutput -Path $dir -NameTemplate 'same-{Model}-{Index}' -Force:$force }
            $errors | Should -HaveCount 1
            ($errors[0].FullyQualifiedErrorId -replace ',.*') | Should -Be 'Runway.FileExists'
            $message = $errors[0].Exception.Message
            $message | Should -Match 'two outputs of this command'
            $message | Should -Match ([regex]::Escape($a.Id))
            $message | Should -Match ([regex]::Escape($b.Id))
            $message | Should -Match 'Add \{Id\} to the template'
            $message | Should -Not -Match '\{Index\} to'
            $message | Should -Not -Match 'Use -Force'
            @(Get-ChildItem $dir) | Should -HaveCount 1
        }
    }

    It '<Case> is refused before anything is sent or downloaded' -ForEach @(
        @{ Case = 'an unknown placeholder'; Template = '{InputName}_{Seed}'; Match = 'unknown placeholder \{Seed\}.*\{Id\}, \{InputName\}, \{Model\}, \{Index\}, \{Date\}' }
        @{ Case = 'an unpaired brace'; Template = '{Id'; Match = 'unpaired brace' }
        @{ Case = 'a folder separator'; Template = 'a/{Id}'; Match = 'not allowed in a file name' }
        @{ Case = 'a character Windows refuses'; Template = 'a*{Id}'; Match = 'not allowed in a file name' }
        @{ Case = 'a colon'; Template = '{Id}:{Model}'; Match = 'not allowed in a file name' }
        @{ Case = 'a trailing dot'; Template = '{Id}.'; Match = 'ends with a dot' }
        @{ Case = 'a control character'; Template = "a`0{Id}"; Match = 'not allowed in a file name' }
        # A blank -NameTemplate on a New-* is refused by the one blank-text rule of creates (Runway.BlankText) before the template is read.
        @{ Case = 'only spaces'; Template = '   '; Match = 'empty|only spaces'; Ids = 'Runway.InvalidNameTemplate', 'Runway.BlankText' }
    ) {
        $done = New-RunwaySimulatorTask -Url $SimUrl -Model gen4_image -Status SUCCEEDED
        Clear-RunwaySimulatorRequest -Url $SimUrl
        foreach ($script in { New-RunwayImage -Prompt 'x' -OutDirectory $Clips -NameTemplate $Template }, { Save-RunwayOutput -Id $done.id -Path $Clips -NameTemplate $Template }) {
            $errors = Get-AllErrors $script
            $errors | Should -HaveCount 1
            ($errors[0].FullyQualifiedErrorId -replace ',.*') | Should -BeIn @($Ids ?? 'Runway.InvalidNameTemplate')
            $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $errors[0].Exception.Message | Should -Match $Match
            Assert-CleanError $errors[0]
        }
        Get-RunwaySimulatorRequest -Url $SimUrl | Should -HaveCount 0
        Test-Path $Clips | Should -BeFalse
    }

    It '-NameTemplate needs a folder, -PassThru an output parameter' {
        (Get-AllErrors { New-RunwayImage -Prompt 'x' -OutFile "$TestDrive/a.png" -NameTemplate '{Id}' })[0].FullyQualifiedErrorId | Should -BeLike 'Runway.NameTemplateNeedsFolder*'
        (Get-AllErrors { New-RunwayImage -Prompt 'x' -NameTemplate '{Id}' })[0].FullyQualifiedErrorId | Should -BeLike 'Runway.NameTemplateNeedsFolder*'
        (Get-AllErrors { New-RunwayImage -Prompt 'x' -Wait -PassThru })[0].FullyQualifiedErrorId | Should -BeLike 'Runway.PassThruNeedsOutput*'
        Get-ApiRequest | Should -HaveCount 0
    }

    It '-PassThru outputs the task with SavedTo instead of the files (Save-RunwayOutput and New-Runway*)' {
        $task = New-RunwayImage -Prompt 'pass' -Wait
        $out = $task | Save-RunwayOutput -Path $Clips -PassThru
        $out | Should -BeOfType Runway.Api.RunwayTask
        $out.Id | Should -Be $task.Id
        $out.SavedTo | Should -Be @(Join-Path $Clips "$($task.Id).png")
        $made = New-RunwayImage -Prompt 'pass two' -OutDirectory $Clips -NameTemplate 'made' -PassThru
        $made | Should -BeOfType Runway.Api.RunwayTask
        $made.SavedTo | Should -Be @(Join-Path $Clips 'made.png')
        (Get-RunwayTask -First 1).SavedTo | Should -Be @(Join-Path $Clips 'made.png')
    }
}

Describe 'Task formats' {
    BeforeAll {
        $script:Long = [Runway.Api.RunwayTask]@{
            Id = '17f20503-6c24-4c16-946b-35dbbce2af2f'; Status = 'UNCONFIRMED'; Model = 'magnific_video_upscaler_creative'
            CreatedAt = [DateTimeOffset]'2026-12-01T21:40:00Z'; Prompt = ('a very long prompt ' * 20); Output = @('https://example.com/a.mp4', 'https://example.com/b.mp4')
            SavedTo = @('/tmp/a.mp4', '/tmp/b.mp4'); Failure = 'An error occurred while processing the request.'; FailureCode = 'INTERNAL'
        }
        $script:Short = [Runway.Api.RunwayTask]@{ Id = '27f20503-6c24-4c16-946b-35dbbce2af2f'; Status = 'RUNNING'; Progress = 0.42; Model = 'seedance2_5_fast'; CreatedAt = [DateTimeOffset]'2026-12-01T21:41:00Z' }
    }

    It 'the default table fits 120 columns without cutting Status, Model or Created' {
        $text = $Long, $Short | Out-String -Width 120
        $lines = $text -split "`r?`n" | Where-Object { $_ }
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
        $text | Should -Match 'magnific_video_upscaler_creative'
        $text | Should -Match 'seedance2_5_fast'
        $text | Should -Match 'UNCONFIRMED'
        $text | Should -Match ([regex]::Escape($Long.CreatedAt.LocalDateTime.ToString('yyyy-MM-dd HH:mm')))
        $text | Should -Match ([regex]::Escape($Short.CreatedAt.LocalDateTime.ToString('yyyy-MM-dd HH:mm')))
        $text | Should -Match '42%'
    }

    It 'Export-Csv writes readable Output and SavedTo; the lists stay lists in the pipeline' {
        $row = $Long | ConvertTo-Csv | ConvertFrom-Csv
        $row.Output | Should -Be 'https://example.com/a.mp4; https://example.com/b.mp4'
        $row.SavedTo | Should -Be '/tmp/a.mp4; /tmp/b.mp4'
        $Long.Output[1] | Should -Be 'https://example.com/b.mp4'
        $Long.Output.Count | Should -Be 2
        $Long.Output.Length | Should -Be 2
        @($Long.Output | ForEach-Object { $_ }) | Should -HaveCount 2
        ($Long | ConvertTo-Json | ConvertFrom-Json).Output | Should -HaveCount 2
    }

    It 'Format-List * leads with Id and Status' {
        $names = @(($Long | Format-List * | Out-String -Width 300) -split "`r?`n" | Where-Object { $_ -match '^\S+\s*:' } | ForEach-Object { ($_ -split '\s*:')[0] })
        $names[0..1] | Should -Be @('Id', 'Status')
        $Long.PSObject.Properties.Name[0..1] | Should -Be @('Id', 'Status')
    }
}

Describe 'The information stream of a batch' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'created tasks go under Runway.TaskCreated, and one BatchSummary is the only record under Runway.Summary' {
        $null = 'one', 'two' | New-RunwayImage -Wait -InformationVariable info
        $summaries = @($info | Where-Object { $_.Tags -contains 'Runway.Summary' })
        $summaries | Should -HaveCount 1
        $summaries[0].MessageData | Should -BeOfType Runway.Shell.BatchSummary
        $summaries[0].MessageData.Requested | Should -Be 2
        $summaries[0].MessageData.Succeeded | Should -Be 2
        $summaries[0].Tags | Should -Be @('Runway.Summary')
        $created = @($info | Where-Object { $_.Tags -contains 'Runway.TaskCreated' })
        $created | Should -HaveCount 2
        $created.MessageData | ForEach-Object { $_ | Should -BeOfType Runway.Api.RunwayTask }
        @($info | Where-Object { $_.Tags -notcontains 'Runway.TaskCreated' -and $_.Tags -notcontains 'Runway.Summary' }) | Should -HaveCount 0
    }
}

Describe 'Every error of a bad-input corpus is a Runway error and a sentence' {
    BeforeAll {
        Reset-RunwaySimulator -Url $SimUrl
        $script:Corpus = [ordered]@{
            'a missing image'                = { New-RunwayVideo -Image (Join-Path $TestDrive 'missing.png') -Prompt 'x' }
            'a wildcard that matches nothing' = { New-RunwayImage -Prompt 'x' -ReferenceImage (Join-Path $TestDrive 'nothing*.png') }
            'a sentence as the image'        = { 'a cat on a mat' | New-RunwayVideo }
            'a duration out of range'        = { New-RunwayVideo -Image $Png -Prompt 'x' -Duration 99 }
            'a ratio the model lacks'        = { New-RunwayVideo -Image $Png -Prompt 'x' -Ratio 1:1 }
            'an unknown model'               = { New-RunwayVideo -Image $Png -Prompt 'x' -Model zz-test-nonexistent-model }
            'an unknown option'              = { New-RunwayVideo -Image $Png -Prompt 'x' -Option @{ nope = 1 } }
            'a prompt too long'              = { New-RunwayImage -Prompt ('x' * 5000) }
            'a missing reference'            = { New-RunwayImage -Prompt 'x' -Model gen4_image_turbo }
            'a broken data URI'              = { New-RunwayVideo -Image 'data:image/png;base64,AAAA' -Prompt 'x' }
            'a sound effect too long'        = { New-RunwaySoundEffect -Prompt 'x' -Duration 100 }
            'a CSV duration in words'        = { "Prompt,Duration`nrain,ten" | ConvertFrom-Csv | New-RunwaySoundEffect }
            'two output parameters'          = { New-RunwayImage -Prompt 'x' -OutFile 'a.png' -OutDirectory 'b' }
            'a bad name template'            = { New-RunwayImage -Prompt 'x' -OutDirectory 'b' -NameTemplate '{Nope}' }
            'one file for two tasks'         = { 'a', 'b' | New-RunwayImage -OutFile (Join-Path $TestDrive 'one.png') -WhatIf }
            'a task id that is no UUID'      = { Get-RunwayTask -Id 'not-a-task' }
            'waiting for no UUID'            = { Wait-RunwayTask -Id 'abc' }
            'stopping no UUID'               = { Stop-RunwayTask -Id 'abc' -Confirm:$false }
            'an unknown task'                = { Get-RunwayTask -Id ([guid]::NewGuid()) }
            'an ftp URL to save'             = { Save-RunwayOutput -Uri 'ftp://example.com/a.png' -Path $TestDrive }
            'usage of an unknown model'      = { Get-RunwayUsage -Model zz-test-nonexistent-model }
            'an upload that matches nothing' = { Send-RunwayFile -Path (Join-Path $TestDrive 'nothing*.png') }
            'an unfinished task to save'     = { Save-RunwayOutput -Id (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status RUNNING).id -Path $TestDrive }
            'a failed task to save'          = { Save-RunwayOutput -Id (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status FAILED).id -Path $TestDrive }
            'a failed task to wait for'      = { Wait-RunwayTask -Id (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status FAILED).id }
        }
    }

    It '<_>' -ForEach @(
        'a missing image', 'a wildcard that matches nothing', 'a sentence as the image', 'a duration out of range', 'a ratio the model lacks',
        'an unknown model', 'an unknown option', 'a prompt too long', 'a missing reference', 'a broken data URI', 'a sound effect too long',
        'a CSV duration in words', 'two output parameters', 'a bad name template', 'one file for two tasks', 'a task id that is no UUID',
        'waiting for no UUID', 'stopping no UUID', 'an unknown task', 'an ftp URL to save', 'usage of an unknown model',
        'an upload that matches nothing', 'an unfinished task to save', 'a failed task to save', 'a failed task to wait for'
    ) {
        $errors = Get-AllErrors $Corpus[$_]
        $errors | Should -Not -BeNullOrEmpty
        foreach ($record in $errors) {
            Assert-CleanError $record
            if ($record.ErrorDetails.Message) { $record.ErrorDetails.Message | Should -Match '\.$' }
        }
        Get-ApiRequest '/v1/' 'POST' | Should -HaveCount 0
    }
}
