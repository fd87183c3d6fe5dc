# New-RunwayDubbing: its tests moved from tests/Audio.Tests.ps1 (the area's shared setup is tests/Helpers/Audio.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Audio.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayDubbing' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'Get-Item talk.wav | New-RunwayDubbing -TargetLanguage es -Wait | Save-RunwayOutput -Path ./dub' {
        $files = @(Get-Item talk.wav | New-RunwayDubbing -TargetLanguage es -Wait | Save-RunwayOutput -Path ./dub)
        $files | Should -HaveCount 1
        $files[0].DirectoryName | Should -Be (Join-Path $TestDrive 'dub')
        $files[0].Extension | Should -Be '.wav'
        Get-WavSeconds $files[0].FullName | Should -Be 3
        $body = Get-CreateBody voice_dubbing
        $body | Should -HaveCount 1
        $body[0].model | Should -Be 'eleven_voice_dubbing'
        $body[0].targetLang | Should -Be 'es'
        $body[0].audioUri | Should -BeLike 'data:audio/wav;base64,*'
        $body[0].PSObject.Properties.Name | Sort-Object | Should -Be @('audioUri', 'model', 'targetLang')
    }

    It 'a generated video task piped into dubbing: its output URL is the audio, its Model is ignored, the switches are sent' {
        $video = New-RunwayVideo -Prompt 'a chef explains a recipe' -Model veo3.1_fast -Duration 4 -Wait
        $done = $video | New-RunwayDubbing -TargetLanguage FR -DisableVoiceCloning -DropBackgroundAudio -SpeakerCount 2 -Wait
        $done.Status | Should -Be 'SUCCEEDED'
        $done.Model | Should -Be 'eleven_voice_dubbing'
        $body = (Get-CreateBody voice_dubbing)[0]
        $body.model | Should -Be 'eleven_voice_dubbing'
        $body.audioUri | Should -Be $video.Output[0]
        $body.targetLang | Should -Be 'fr'
        $body.disableVoiceCloning | Should -BeTrue
        $body.dropBackgroundAudio | Should -BeTrue
        $body.numSpeakers | Should -Be 2
    }

    It 'a local MP4 video is sent as audio/mp4, and its length prices the estimate exactly' {
        $video = New-RunwayVideo -Prompt 'a street interview' -Model veo3.1_fast -Duration 6 -OutFile clip.mp4
        Reset-RunwaySimulator -Url $SimUrl
        $task = New-RunwayDubbing -Audio $video -TargetLanguage ja
        $task.EstimatedCredits | Should -Be 3
        $request = Get-ApiRequest /v1/voice_dubbing POST
        $request | Should -HaveCount 1
        $request[0].status | Should -Be 200
        ($request[0].body | ConvertFrom-Json).audioUri | Should -BeLike 'data:audio/mp4;base64,*'
    }

    It 'dubs every file piped in into -OutDirectory, one task per file' {
        $files = @(Get-Item ./talk.wav, ./ten.wav | New-RunwayDubbing -TargetLanguage de -OutDirectory ./dubbed)
        $files | Should -HaveCount 2
        ($files | ForEach-Object { Get-WavSeconds $_.FullName } | Sort-Object) | Should -Be @(3, 10)
        Get-CreateBody voice_dubbing | Should -HaveCount 2
    }

    It '-Model typed beside a piped task is used (and checked)' {
        $video = New-RunwayVideo -Prompt 'a lecture' -Model veo3.1_fast -Duration 4 -Wait
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $record = Get-ErrorRecord { $video | New-RunwayDubbing -TargetLanguage es -Model veo3.1_fast }
        Assert-RejectedLocally $record 'Runway.ModelNotForEndpoint' InvalidArgument 'veo3.1_fast'
        $video | New-RunwayDubbing -TargetLanguage es -Model eleven_voice_dubbing | Out-Null
        (Get-CreateBody voice_dubbing)[0].model | Should -Be 'eleven_voice_dubbing'
    }
}

Describe 'New-RunwayDubbing, bad input is rejected with a clear error before any request' {
    BeforeAll {
        [IO.File]::WriteAllBytes((Join-Path $TestDrive 'anim.gif'), [byte[]](0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0) + [byte[]]::new(64))
        [IO.File]::WriteAllText((Join-Path $TestDrive 'readme.wav'), 'This is a text file with a .wav name.')
        [IO.File]::WriteAllBytes((Join-Path $TestDrive 'clip.mkv'), [byte[]](0x1A, 0x45, 0xDF, 0xA3) + [Text.Encoding]::ASCII.GetBytes('....matroska') + [byte[]]::new(64))
    }
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'an unknown language code' {
        $record = Get-ErrorRecord { New-RunwayDubbing -Audio ./talk.wav -TargetLanguage xx }
        Assert-RejectedLocally $record 'Runway.UnknownLanguage' InvalidArgument 'xx'
        $record.Exception.Message | Should -Match '\bfil\b'
    }

    It 'a language name instead of its code, with the code suggested' {
        $record = Get-ErrorRecord { New-RunwayDubbing -Audio ./talk.wav -TargetLanguage Spanish }
        Assert-RejectedLocally $record 'Runway.UnknownLanguage' InvalidArgument 'Spanish'
        $record.Exception.Message | Should -Match "use 'es'"
    }

    It 'a GIF given as audio' {
        $record = Get-ErrorRecord { New-RunwayDubbing -Audio ./anim.gif -TargetLanguage es }
        Assert-RejectedLocally $record 'Runway.UnsupportedFormat' InvalidType (Join-Path $TestDrive 'anim.gif')
        $record.Exception.Message | Should -Match 'GIF'
    }

    It 'a text file renamed .wav, for <Command>' -ForEach @(
        @{ Command = 'New-RunwayVoiceIsolation'; Extra = @{} }
        @{ Command = 'New-RunwayDubbing'; Extra = @{ TargetLanguage = 'es' } }
        @{ Command = 'New-RunwaySpeech'; Extra = @{ Voice = 'Leslie' } }
    ) {
        $record = Get-ErrorRecord { & $Command -Audio ./readme.wav @Extra }
        Assert-RejectedLocally $record 'Runway.UnsupportedFormat' InvalidType (Join-Path $TestDrive 'readme.wav')
        $record.Exception.Message | Should -Match 'not a recognised media file'
    }

    It 'a file that does not exist' {
        $record = Get-ErrorRecord { New-RunwayDubbing -Audio ./missing.wav -TargetLanguage es }
        Assert-RejectedLocally $record 'Runway.FileNotFound' ObjectNotFound
    }

    It 'a speaker count below 1' {
        $record = Get-ErrorRecord { New-RunwayDubbing -Audio ./talk.wav -TargetLanguage es -SpeakerCount 0 }
        Assert-RejectedLocally $record 'Runway.InvalidSpeakerCount' InvalidArgument 0
    }

    It 'a task that is not finished' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status RUNNING).id
        $task = Get-RunwayTask -Id $id
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $record = Get-ErrorRecord { $task | New-RunwayDubbing -TargetLanguage es }
        Assert-RejectedLocally $record 'Runway.TaskNotFinished' InvalidOperation
        $record.TargetObject.Id | Should -Be $id
    }
}

Describe 'New-RunwayDubbing, tab completion reads the catalog' {

    It 'completes -TargetLanguage with every code of the catalog, naming each language' {
        $line = 'New-RunwayDubbing -TargetLanguage '
        $all = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $all | Should -HaveCount @([Runway.Models.ModelCatalog]::DubbingLanguages).Count
        ($all | Where-Object CompletionText -eq 'es').ToolTip | Should -Match '^es: '
        $f = 'New-RunwayDubbing -TargetLanguage f'
        (TabExpansion2 -inputScript $f -cursorColumn $f.Length).CompletionMatches.CompletionText | Sort-Object | Should -Be @('fi', 'fil', 'fr')
    }
}

Describe 'New-RunwayDubbing, the help matches the catalog and the cmdlets' {
    BeforeAll {
        $script:Docs = Join-Path $RepoRoot 'docs/en-US'
        $script:Catalog = [Runway.Models.ModelCatalog]
    }

    It 'the language codes listed in the help are the catalog''s' {
        $text = Get-Content (Join-Path $Docs 'New-RunwayDubbing.md') -Raw
        $listed = [regex]::Match($text, 'as a code: ([^.]+)\.').Groups[1].Value -replace ' or ', ', ' -split ', '
        $listed | Should -Be @($Catalog::DubbingLanguages)
    }
}
