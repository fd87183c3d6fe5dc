# New-RunwayVoiceIsolation: its tests moved from tests/Audio.Tests.ps1 (the area's shared setup is tests/Helpers/Audio.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Audio.ps1
}

AfterAll { Exit-AreaTest }

Describe 'New-RunwayVoiceIsolation' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'isolates the voice of a 10 s WAV: a 10 s output, charged exactly the estimate' {
        $before = (Get-RunwayCredit).CreditBalance
        $file = New-RunwayVoiceIsolation -Audio ./ten.wav -OutFile clean.wav
        $file.Name | Should -Be 'clean.wav'
        Get-WavSeconds ./clean.wav | Should -Be 10
        $body = (Get-CreateBody voice_isolation)[0]
        $body.model | Should -Be 'eleven_voice_isolation'
        $body.audioUri | Should -BeLike 'data:audio/wav;base64,*'
        # 1 credit per started 6 s: 10 s is 2 credits, as estimated.
        (Get-RunwayCredit).CreditBalance | Should -Be ($before - 2)
    }

    It 'a bad file piped among good ones is reported and the others still run' {
        [IO.File]::WriteAllText((Join-Path $TestDrive 'notes.wav'), 'these are my notes, not audio')
        $errors = @()
        $tasks = @(Get-Item ./notes.wav, ./ten.wav | New-RunwayVoiceIsolation -ErrorVariable errors -ErrorAction SilentlyContinue)
        $tasks | Should -HaveCount 1
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Runway.UnsupportedFormat,*'
        Get-CreateBody voice_isolation | Should -HaveCount 1
    }
}

Describe 'New-RunwayVoiceIsolation, bad input is rejected with a clear error before any request' {
    BeforeAll {
        [IO.File]::WriteAllBytes((Join-Path $TestDrive 'anim.gif'), [byte[]](0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0) + [byte[]]::new(64))
        [IO.File]::WriteAllText((Join-Path $TestDrive 'readme.wav'), 'This is a text file with a .wav name.')
        [IO.File]::WriteAllBytes((Join-Path $TestDrive 'clip.mkv'), [byte[]](0x1A, 0x45, 0xDF, 0xA3) + [Text.Encoding]::ASCII.GetBytes('....matroska') + [byte[]]::new(64))
    }
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'voice isolation of a 2 s recording' {
        $record = Get-ErrorRecord { New-RunwayVoiceIsolation -Audio ./short.wav }
        Assert-RejectedLocally $record 'Runway.InvalidDuration' InvalidArgument (Join-Path $TestDrive 'short.wav')
        $record.Exception.Message | Should -Match '2 s'
        $record.Exception.Message | Should -Match '4\.6–3600 s'
    }

    It 'a video in a container the audio field does not take (MKV)' {
        $record = Get-ErrorRecord { New-RunwayVoiceIsolation -Audio ./clip.mkv }
        Assert-RejectedLocally $record 'Runway.UnsupportedFormat' InvalidType (Join-Path $TestDrive 'clip.mkv')
        $record.Exception.Message | Should -Match 'MKV video'
    }

    It 'an image task piped as audio' {
        $image = New-RunwayImage -Prompt 'a microphone' -Model gen4_image -Wait
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $record = Get-ErrorRecord { $image | New-RunwayVoiceIsolation }
        Assert-RejectedLocally $record 'Runway.WrongMediaKind' InvalidType
        $record.Exception.Message | Should -Match 'made an image, but -Audio needs audio or a video'
    }
}
