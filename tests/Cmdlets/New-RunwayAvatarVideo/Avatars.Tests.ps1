# New-RunwayAvatarVideo: its tests moved from tests/Avatars.Tests.ps1 (the area's shared setup is tests/Helpers/Avatars.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Avatars.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayAvatarVideo, avatar videos' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl; Clear-RunwaySimulatorRequest -Url $SimUrl }

    It 'is a task: unknown price before, journal, wait and save' {
        # The journal is the worker's: tasks of files that ran before this one may be in it.
        $before = @(Get-RunwayTask | Where-Object Model -eq 'gwm1_avatars').Count
        # That listing refreshed the earlier files' unfinished tasks: only what follows counts.
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $whatIf = New-RunwayAvatarVideo -Avatar influencer -Text 'Hello there' -WhatIf 6>&1 | Out-String
        Request-Count | Should -Be 0
        $file = New-RunwayAvatarVideo -Avatar Influencer -Text 'Hello there' -Voice marcus -OutFile (Join-Path $TestDrive 'hello.mp4') -Force
        $file | Should -BeOfType ([IO.FileInfo])
        [Text.Encoding]::ASCII.GetString([IO.File]::ReadAllBytes($file.FullName), 4, 4) | Should -Be 'ftyp'
        $body = (Get-ApiRequest '/v1/avatar_videos' 'POST')[0].body | ConvertFrom-Json
        $body.avatar.presetId | Should -Be 'influencer'
        $body.speech.voice.type | Should -Be 'preset'
        @(Get-RunwayTask | Where-Object Model -eq 'gwm1_avatars').Count | Should -Be ($before + 1)
    }

    It 'takes a piped custom avatar and local audio' {
        $avatar = New-RunwayAvatar -ReferenceImage $Face -Name 'Ava' -Personality 'Kind' -Voice victoria -Wait
        $task = $avatar | New-RunwayAvatarVideo -Audio $Mp3 -Wait
        $task.Status | Should -Be 'SUCCEEDED'
        $body = (Get-ApiRequest '/v1/avatar_videos' 'POST')[0].body | ConvertFrom-Json
        $body.avatar | Should -BeLike "*avatarId=$($avatar.Id)*"
        $body.speech.audio | Should -Match '^data:audio/'
    }

    It 'with a spending cap, refuses the unknown price before sending' {
        try {
            Connect-Runway -ApiKey (ConvertTo-SecureString $TestKey -AsPlainText -Force) -BaseUri $SimUrl -MaxCredits 100 -SkipValidation
            (Get-ErrorRecord { New-RunwayAvatarVideo -Avatar influencer -Text 'Hi' }).FullyQualifiedErrorId | Should -BeLike 'Runway.BudgetExceeded,*'
            Request-Count '/v1/avatar_videos' | Should -Be 0
        }
        finally { Disconnect-Runway }
    }
}
