# Help for every cmdlet the built module exports: complete, true to the code, and with examples that run.
# The examples' conventions (input files, environment) are described in docs/help-examples.md.

BeforeDiscovery {
    $manifest = if ($env:RUNWAY_TEST_MODULE) { $env:RUNWAY_TEST_MODULE } else {
        Get-ChildItem (Join-Path (Split-Path $PSScriptRoot -Parent) 'out/Runway') -Filter Runway.psd1 -Recurse |
            Sort-Object { $_.Directory.Name -as [version] } -Descending | Select-Object -First 1 -ExpandProperty FullName
    }
    $module = Import-Module $manifest -PassThru -Force
    $script:CommandCases = @($module.ExportedCmdlets.Keys | Sort-Object | ForEach-Object { @{ Name = $_ } })
    $script:ExampleCases = foreach ($case in $CommandCases) {
        $examples = @((Get-Help $case.Name -Full).examples.example)
        for ($i = 0; $i -lt $examples.Count; $i++) {
            if (-not $examples[$i]) { continue }
            @{ Name = $case.Name; Index = $i + 1; Title = ($examples[$i].title -replace '^-+\s*|\s*-+$', ''); Code = [string]$examples[$i].code }
        }
    }
}

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $script:Common = [System.Management.Automation.Cmdlet]::CommonParameters

    function Get-PipelineText($Attribute) {
        $how = @(if ($Attribute.ValueFromPipeline) { 'ByValue' }; if ($Attribute.ValueFromPipelineByPropertyName) { 'ByPropertyName' })
        if ($how) { "True ($($how -join ', '))" } else { 'False' }
    }
    function Get-PositionText([int] $Position) { if ($Position -eq [int]::MinValue) { 'named' } else { "$Position" } }
    function Get-TypeText([type] $Type) { $inner = [Nullable]::GetUnderlyingType($Type); if ($inner) { $inner.Name } else { $Type.Name } }
    function Get-DocumentedParameter($Help) {
        @($Help.parameters.parameter | Where-Object { $_ })
    }
}

AfterAll {
    Disconnect-Runway
    Stop-OwnSimulator
}

Describe 'Help of <Name>' -ForEach $CommandCases {
    BeforeAll {
        $script:Command = Get-Command $Name -Module Runway
        $script:Help = Get-Help $Name -Full
        $script:CodeParameters = @($Command.Parameters.Values | Where-Object { $_.Name -notin $Common })
    }

    It 'comes from the MAML file, with a real synopsis and a description' {
        $Help.Synopsis | Should -Not -BeNullOrEmpty
        $Help.Synopsis.Trim() | Should -Not -BeLike "$Name *" -Because 'the auto-generated help has the syntax as its synopsis'
        $Help.Synopsis | Should -Not -Match '\{\{'
        ($Help.description.Text -join "`n") | Should -Not -BeNullOrEmpty
        ($Help.description.Text -join "`n") | Should -Not -Match '\{\{'
    }

    It 'has its own online page: the cmdlet''s HelpUri, the help''s online version and a file in docs/en-US agree' {
        $expected = "https://github.com/runway-powershell/Runway/blob/main/docs/en-US/$Name.md"
        $Command.HelpUri | Should -Be $expected
        $Help.relatedLinks.navigationLink[0].uri | Should -Be $expected
        Join-Path $RepoRoot "docs/en-US/$Name.md" | Should -Exist
    }

    It 'has at least two examples, each with code and a description' {
        $examples = @($Help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($e in $examples) {
            [string]$e.code | Should -Not -BeNullOrEmpty
            ($e.remarks.Text -join '') | Should -Not -BeNullOrEmpty
        }
    }

    It 'documents every parameter of the code, and only those' {
        $documented = @(Get-DocumentedParameter $Help | ForEach-Object name)
        $missing = @($CodeParameters.Name | Where-Object { $_ -notin $documented })
        $extra = @($documented | Where-Object { $_ -notin $CodeParameters.Name })
        $missing | Should -BeNullOrEmpty -Because 'every parameter in code needs a ### -Name section'
        $extra | Should -BeNullOrEmpty -Because 'documented parameters must exist in code'
        foreach ($p in Get-DocumentedParameter $Help) {
            ($p.description.Text -join '') | Should -Not -BeNullOrEmpty -Because "-$($p.name) needs a description"
            ($p.description.Text -join '') | Should -Not -Match '\{\{'
        }
    }

    It 'gives each parameter the type and aliases of the code' {
        foreach ($p in Get-DocumentedParameter $Help) {
            $code = $Command.Parameters[$p.name]
            $p.type.name | Should -Be (Get-TypeText $code.ParameterType) -Because "the type of -$($p.name)"
            $aliases = if ($p.aliases -and $p.aliases -ne 'none') { @($p.aliases -split ',\s*') } else { @() }
            @($aliases | Sort-Object) -join ',' | Should -Be (@($code.Aliases | Sort-Object) -join ',') -Because "the aliases of -$($p.name)"
        }
    }

    It 'has one syntax item per parameter set, with the mandatory, position and pipeline flags of the code' {
        $items = @($Help.syntax.syntaxItem)
        $items.Count | Should -Be @($Command.ParameterSets).Count
        foreach ($set in $Command.ParameterSets) {
            $names = @($set.Parameters.Name | Where-Object { $_ -notin $Common } | Sort-Object)
            $item = $items | Where-Object { (@($_.parameter.name | Sort-Object) -join ',') -eq ($names -join ',') } | Select-Object -First 1
            $item | Should -Not -BeNullOrEmpty -Because "a syntax item must list exactly the parameters of set '$($set.Name)': $($names -join ', ')"
            foreach ($p in $set.Parameters | Where-Object { $_.Name -notin $Common }) {
                $doc = $item.parameter | Where-Object name -eq $p.Name
                $doc.required | Should -Be $p.IsMandatory.ToString().ToLowerInvariant() -Because "-$($p.Name) mandatory in set $($set.Name)"
                $doc.position | Should -Be (Get-PositionText $p.Position) -Because "-$($p.Name) position in set $($set.Name)"
                $doc.pipelineInput | Should -Be (Get-PipelineText $p) -Because "-$($p.Name) pipeline input in set $($set.Name)"
            }
        }
    }

    It 'gives each entry under PARAMETERS the flags of one of its parameter sets' {
        foreach ($p in Get-DocumentedParameter $Help) {
            $flags = foreach ($set in $Command.ParameterSets) {
                $meta = $set.Parameters | Where-Object Name -eq $p.name
                if ($meta) { '{0}|{1}|{2}' -f $meta.IsMandatory.ToString().ToLowerInvariant(), (Get-PositionText $meta.Position), (Get-PipelineText $meta) }
            }
            ('{0}|{1}|{2}' -f $p.required, $p.position, $p.pipelineInput) | Should -BeIn @($flags) -Because "-$($p.name) under PARAMETERS"
        }
    }

    It 'lists input and output types' {
        @($Help.inputTypes.inputType).Count | Should -BeGreaterOrEqual 1
        @($Help.returnValues.returnValue).Count | Should -BeGreaterOrEqual 1
    }
}

Describe 'The model lists in the help come from the catalog' {
    It '<_> lists every model of its endpoints, as the catalog describes it, and no other' -ForEach @(
        [Runway.Models.ModelCatalog]::EndpointTable.Cmdlet | Sort-Object -Unique) {
        $notes = ((Get-Help $_ -Full).alertSet.alert.Text -join "`n")
        [Runway.Models.EndpointInfo[]] $endpoints = @([Runway.Models.ModelCatalog]::EndpointsOf($_))
        $models = @([Runway.Models.ModelCatalog]::Models | Where-Object { $m = $_; $endpoints | Where-Object { $m.ServesEndpoint($_.Name) } })
        $models | Should -Not -BeNullOrEmpty
        foreach ($model in $models) {
            $line = [Runway.Models.CatalogHelp]::Describe($model, $endpoints)
            $notes | Should -Match ([regex]::Escape($line)) -Because "the help of $_ must say what the catalog says of $($model.Name)"
        }
        $others = [Runway.Models.ModelCatalog]::Models | Where-Object { $_ -notin $models }
        foreach ($other in $others) { $notes | Should -Not -Match ("(?m)^(- )?" + [regex]::Escape($other.Name) + " \(") }
    }
}

Describe 'about_Runway' {
    It 'is found by Get-Help and covers configuration, keys, costs, retries and Ctrl+C' {
        $topic = Get-Help about_Runway | Out-String
        $topic | Should -Match 'SHORT DESCRIPTION'
        foreach ($word in 'RUNWAYML_API_SECRET', 'RUNWAYML_BASE_URL', 'Connect-Runway', 'key_…', '-WhatIf', 'Retry-After', 'never repeated', 'Ctrl\+C', 'simulator') {
            $topic | Should -Match $word
        }
    }
}

Describe 'Help examples run against the simulator' {
    BeforeAll {
        $PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1
        # The input files examples may use (docs/help-examples.md): made once, copied into each example's folder.
        $script:Fixtures = Join-Path $TestDrive 'fixtures'
        New-Item -ItemType Directory -Path $Fixtures -Force | Out-Null
        Reset-RunwaySimulator -Url $SimUrl
        New-RunwayImage -Prompt 'fixture photo' -Model gen4_image -Ratio 1920:1080 -OutFile (Join-Path $Fixtures 'photo.png') | Out-Null
        New-RunwayVideo -Image (Join-Path $Fixtures 'photo.png') -Prompt 'fixture clip' -Duration 5 -OutFile (Join-Path $Fixtures 'clip.mp4') | Out-Null

        # speech.wav: 6 s, 16 kHz, 16-bit mono tone.
        $null = New-TestWav -Path (Join-Path $Fixtures 'speech.wav') -Seconds 6

        # speech.mp3: 6 s of MPEG-1 Layer III frames, 128 kbit/s, 44.1 kHz, silent (CBR, 417-byte frames).
        $frame = [byte[]]::new(417); $frame[0] = 0xFF; $frame[1] = 0xFB; $frame[2] = 0x90; $frame[3] = 0x64
        $mp3 = [System.IO.MemoryStream]::new()
        for ($i = 0; $i -lt 230; $i++) { $mp3.Write($frame, 0, $frame.Length) }
        [System.IO.File]::WriteAllBytes((Join-Path $Fixtures 'speech.mp3'), $mp3.ToArray())
        $script:SavedEnvironment = @{
            RUNWAYML_API_SECRET = $env:RUNWAYML_API_SECRET; RUNWAYML_BASE_URL = $env:RUNWAYML_BASE_URL
            RUNWAY_JOURNAL = $env:RUNWAY_JOURNAL; RUNWAY_MAX_CREDITS = $env:RUNWAY_MAX_CREDITS
        }
    }

    AfterEach {
        Disconnect-Runway
        foreach ($name in $SavedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $SavedEnvironment[$name]) }
    }

    It '<Name> example <Index> (<Title>) runs without errors' -ForEach $ExampleCases {
        Reset-RunwaySimulator -Url $SimUrl
        $folder = Join-Path $TestDrive "example-$Name-$Index"
        New-Item -ItemType Directory -Path $folder -Force | Out-Null
        Copy-Item (Join-Path $Fixtures '*') $folder
        # Each example starts with an empty task journal, so Get-RunwayTask lists only the tasks it created
        # (the simulator has forgotten everything else).
        $env:RUNWAY_JOURNAL = Join-Path $TestDrive "runway-test-journal-$Name-$Index.jsonl"
        Push-Location $folder
        $errors = [System.Collections.Generic.List[object]]::new()
        try {
            $ErrorActionPreference = 'Continue'
            $script = [scriptblock]::Create($Code)
            $output = & { & $script | Out-String -Width 200 } 2>&1
            foreach ($item in $output) { if ($item -is [System.Management.Automation.ErrorRecord]) { $errors.Add($item) } }
        }
        catch { $errors.Add($_) }
        finally {
            $ErrorActionPreference = 'Stop'
            Pop-Location
        }
        ($errors | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" }) -join "`n" | Should -BeNullOrEmpty -Because "the example's code was:`n$Code"
    }
}
