BeforeAll {
    . $PSScriptRoot/Helpers/Audio.ps1
}

AfterAll { Exit-AreaTest }

Describe '-WhatIf shows the exact cost and sends nothing' {
    BeforeAll {
        Reset-RunwaySimulator -Url $SimUrl
        $script:WhatIf = @(Invoke-InChildPwsh -Script @"
Set-Location '$TestDrive'
New-RunwaySpeech -Text ('x' * 120) -Voice Leslie -WhatIf
New-RunwaySpeech -Audio ./ten.wav -Voice Maggie -WhatIf
New-RunwaySoundEffect -Prompt 'thunder' -Duration 12.5 -WhatIf
New-RunwaySoundEffect -Prompt 'thunder' -WhatIf
New-RunwayDubbing -Audio ./ten.wav -TargetLanguage es -WhatIf
New-RunwayDubbing -Audio https://example.com/podcast.mp3 -TargetLanguage es -WhatIf
New-RunwayVoiceIsolation -Audio ./ten.wav -WhatIf
New-RunwayVoiceIsolation -Audio https://example.com/podcast.mp3 -WhatIf
"@ | Where-Object { $_ -like 'What if:*' })
    }

    It 'prints one line per command' {
        $WhatIf | Should -HaveCount 8
    }

    It 'text to speech: 1 credit per started 50 characters (120 → 3)' {
        $WhatIf[0] | Should -BeLike '*"Create Runway task for 3 credits ($0.03)" on target "eleven_multilingual_v2 text to speech, voice Leslie, 120 characters"*'
    }

    It 'speech to speech: 1 credit per started 3 s of the input (10 s → 4)' {
        $WhatIf[1] | Should -BeLike '*"Create Runway task for 4 credits ($0.04)" on target "eleven_multilingual_sts_v2 speech to speech, voice Maggie, from ten.wav (10 s)"*'
    }

    It 'sound effect: 1 credit per started second (12.5 s → 13); without -Duration, about the model''s usual 5' {
        $WhatIf[2] | Should -BeLike '*"Create Runway task for 13 credits ($0.13)"*eleven_text_to_sound_v2 sound effect, 12.5 s*'
        $WhatIf[3] | Should -BeLike '*"Create Runway task for about 5 credits ($0.05)"*'
    }

    It 'dubbing: 1 credit per started 2 s (10 s → 5); a URL of unknown length is "about"' {
        $WhatIf[4] | Should -BeLike '*"Create Runway task for 5 credits ($0.05)" on target "eleven_voice_dubbing voice dubbing, into es, from ten.wav (10 s)"*'
        $WhatIf[5] | Should -BeLike '*"Create Runway task for about *'
    }

    It 'voice isolation: 1 credit per started 6 s (10 s → 2); a URL of unknown length is "about"' {
        $WhatIf[6] | Should -BeLike '*"Create Runway task for 2 credits ($0.02)" on target "eleven_voice_isolation voice isolation, from ten.wav (10 s)"*'
        $WhatIf[7] | Should -BeLike '*"Create Runway task for about *'
    }

    It 'sent no request at all' {
        Get-ApiRequest | Should -HaveCount 0
    }
}

Describe 'The help matches the catalog and the cmdlets' {
    BeforeAll {
        $script:Docs = Join-Path $RepoRoot 'docs/en-US'
        $script:Catalog = [Runway.Models.ModelCatalog]
    }

    It '<Name> has a help file documenting exactly its parameters' -ForEach @(
        @{ Name = 'New-RunwaySpeech' }, @{ Name = 'New-RunwaySoundEffect' }, @{ Name = 'New-RunwayDubbing' }, @{ Name = 'New-RunwayVoiceIsolation' }
    ) {
        $text = Get-Content (Join-Path $Docs "$Name.md") -Raw
        $documented = [regex]::Matches($text, '(?m)^### -(\w+)') | ForEach-Object { $_.Groups[1].Value } | Sort-Object -Unique
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        $actual = (Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common -or $_ -in 'WhatIf', 'Confirm' } | Sort-Object
        $documented | Should -Be $actual
        ([regex]::Matches($text, '(?m)^### Example \d+: .+\n```powershell\n')).Count | Should -BeGreaterOrEqual 2
    }
}
