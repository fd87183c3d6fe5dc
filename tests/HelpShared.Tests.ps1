# Shared parameter help (docs/en-US/shared/parameters.md, src/tools/SharedHelp.psm1): each shared parameter's text is
# written once, every page carries it or says why not, the build keeps the pages current and New-HelpMarkdown leaves
# no placeholder for a parameter whose text is shared. Which parameters are shared is computed by reflection.

BeforeDiscovery {
    # The manifest's list (ArchitectureTests hold it to the compiled cmdlet classes) names a Describe per cmdlet.
    $manifest = Import-PowerShellDataFile (Join-Path (Split-Path $PSScriptRoot -Parent) 'Runway.psd1')
    $script:CommandCases = @($manifest.CmdletsToExport | Sort-Object | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    Import-Module (Join-Path $RepoRoot 'src/tools/SharedHelp.psm1') -Force
    $script:Docs = Join-Path $RepoRoot 'docs/en-US'
    $script:SharedPath = Join-Path $Docs 'shared/parameters.md'
    $script:Shared = Read-SharedParameterHelp $SharedPath
    $script:Commands = @(Get-Command -Module Runway -CommandType Cmdlet | Sort-Object Name)
    $script:Sources = @(foreach ($c in $Commands) { Get-SharedParameter -Command $c -Shared $Shared })

    function Get-PageBlock([string] $Name, [string] $Folder = $Docs) {
        $file = Join-Path $Folder "$Name.md"
        Get-ParameterBlock ([IO.File]::ReadAllText($file).Replace("`r`n", "`n") -split "`n") $file
    }
}

AfterAll {
    Stop-OwnSimulator
}

Describe 'The shared parameter texts' {
    It 'are each written once, under a class or interface that an exported cmdlet derives from' {
        $Shared.Count | Should -BeGreaterThan 0
        $ancestors = @($Commands | ForEach-Object {
                $t = $_.ImplementingType
                for ($b = $t.BaseType; $b; $b = $b.BaseType) { $b.Name }
                $t.GetInterfaces().Name
            } | Sort-Object -Unique)
        foreach ($section in @($Shared.Keys | ForEach-Object { ($_ -split '/')[0] } | Sort-Object -Unique)) {
            $section | Should -BeIn $ancestors -Because "'## $section' in shared/parameters.md must name a base class or interface of a cmdlet"
        }
    }

    It 'are each taken by at least one cmdlet (no text that no page shows)' {
        $used = @($Sources | Where-Object Section | ForEach-Object { "$($_.Section)/$($_.Parameter)" } | Sort-Object -Unique)
        foreach ($key in $Shared.Keys) { $key | Should -BeIn $used -Because "the shared text of -$(($key -split '/')[1]) under '## $(($key -split '/')[0])' is shown by no cmdlet" }
    }

    It 'cover every parameter a cmdlet does not declare itself, so that a new page needs no text for it' {
        $missing = @($Sources | Where-Object { $_.Inherited -and -not $_.Section } | ForEach-Object { "$($_.Command) -$($_.Parameter)" })
        $missing | Should -BeNullOrEmpty -Because 'a parameter from a base class, an interface or PowerShell needs a text in docs/en-US/shared/parameters.md'
    }
}

Describe 'Shared parameter text on the page of <Name>' -ForEach $CommandCases {
    BeforeAll {
        $script:Blocks = @{}
        foreach ($b in Get-PageBlock $Name) { $Blocks[$b.Name] = $b }
        $script:Mine = @($Sources | Where-Object Command -eq $Name)
    }

    It 'equals the shared text under a shared marker, or says why the page has its own' {
        foreach ($s in $Mine | Where-Object Section) {
            $block = $Blocks[$s.Parameter]
            $block | Should -Not -BeNullOrEmpty -Because "-$($s.Parameter) is documented"
            $block.Marker | Should -BeIn 'shared', 'override' -Because "-$($s.Parameter) takes its text from $($s.Section): the page must mark it"
            if ($block.Marker -eq 'shared') {
                $block.Section | Should -BeExactly $s.Section -Because "-$($s.Parameter)'s marker names the section it takes"
                $block.Text | Should -BeExactly $s.Text -Because "-$($s.Parameter) under a shared marker is the text of $($s.Section) in shared/parameters.md"
            }
            else {
                $block.Text | Should -Not -BeNullOrEmpty
                $block.Text | Should -Not -BeExactly $s.Text -Because "-$($s.Parameter) overrides the shared text with the same words: mark it shared instead"
            }
        }
    }

    It 'marks no parameter the cmdlet declares itself' {
        foreach ($s in $Mine | Where-Object { -not $_.Section }) {
            $Blocks[$s.Parameter].Marker | Should -BeNullOrEmpty -Because "-$($s.Parameter) has no shared text for $Name"
        }
    }

    It 'leaves no marker in the compiled help' {
        foreach ($p in @((Get-Help $Name -Full).parameters.parameter | Where-Object { $_ })) {
            ($p.description.Text -join "`n") | Should -Not -Match '<!--' -Because "-$($p.name)'s description"
        }
    }
}

Describe 'Keeping the pages current' {
    BeforeEach {
        $script:Copy = Join-Path $TestDrive ([guid]::NewGuid().ToString('n'))
        New-Item -ItemType Directory -Path $Copy | Out-Null
        Copy-Item (Join-Path $Docs '*.md') $Copy
        # A page and a parameter whose text is shared there, found by reflection.
        $script:Target = $Sources | Where-Object Section | Where-Object {
            $p = $_; (Get-PageBlock $p.Command | Where-Object { $_.Name -eq $p.Parameter -and $_.Marker -eq 'shared' })
        } | Select-Object -First 1
        $script:Page = Join-Path $Copy "$($Target.Command).md"
        $script:Command = $Commands | Where-Object Name -eq $Target.Command
    }

    It 'the repository''s pages are current' {
        @(Update-SharedParameterHelp -Command $Commands -DocsPath $Docs -Shared $Shared -Check) | Should -BeNullOrEmpty
    }

    It 'a stale shared block is found by -Check, which writes nothing, and rewritten by the build''s update' {
        $text = [IO.File]::ReadAllText($Page)
        $first = ($Target.Text -split "`n")[0]
        [IO.File]::WriteAllText($Page, $text.Replace($first, 'An old copy of the text, edited on the page.'))
        $stale = @(Update-SharedParameterHelp -Command $Command -DocsPath $Copy -Shared $Shared -Check)
        $stale.Count | Should -Be 1
        $stale[0].Command | Should -Be $Target.Command
        $stale[0].Parameter | Should -Be $Target.Parameter
        [IO.File]::ReadAllText($Page) | Should -Match 'An old copy of the text'

        @(Update-SharedParameterHelp -Command $Command -DocsPath $Copy -Shared $Shared).Count | Should -Be 1
        [IO.File]::ReadAllText($Page) | Should -BeExactly $text
        @(Update-SharedParameterHelp -Command $Command -DocsPath $Copy -Shared $Shared -Check) | Should -BeNullOrEmpty
    }

    It 'Update-SharedHelp.ps1 -Check fails on a stale page, naming it' {
        [IO.File]::WriteAllText($Page, [IO.File]::ReadAllText($Page).Replace(($Target.Text -split "`n")[0], 'Stale.'))
        $script = "& '$(Join-Path $RepoRoot 'src/tools/Update-SharedHelp.ps1')' -ModuleManifest '$($env:RUNWAY_TEST_MODULE)' -DocsPath '$Copy' -SharedPath '$SharedPath' -Check"
        $output = (Invoke-InChildPwsh -Script $script) -join "`n"
        $output | Should -Match ([regex]::Escape("$($Target.Command).md -$($Target.Parameter)"))
        $output | Should -Match 'stale'
    }

    It 'an unmarked shared parameter stops the update with what to write' {
        $text = [IO.File]::ReadAllText($Page)
        $lines = $text -split "`n"
        $block = Get-PageBlock $Target.Command $Copy | Where-Object Name -eq $Target.Parameter
        $marker = $lines[$block.Heading + 1]
        $marker | Should -Match '^<!-- shared: '
        [IO.File]::WriteAllText($Page, (@($lines | Select-Object -First ($block.Heading + 1)) + @($lines | Select-Object -Skip ($block.Heading + 2)) -join "`n"))
        { Update-SharedParameterHelp -Command $Command -DocsPath $Copy -Shared $Shared } |
            Should -Throw "*$($Target.Command).md, -$($Target.Parameter)*<!-- override: <why> -->*"
    }
}

Describe 'A marker where no shared text applies' {
    It 'stops the update, naming the page and the parameter' {
        $copy = Join-Path $TestDrive 'own'
        New-Item -ItemType Directory -Path $copy | Out-Null
        Copy-Item (Join-Path $Docs '*.md') $copy
        # A parameter the cmdlet declares itself, found by reflection.
        $own = $Sources | Where-Object { -not $_.Inherited } | Select-Object -First 1
        $page = Join-Path $copy "$($own.Command).md"
        $text = [IO.File]::ReadAllText($page)
        [IO.File]::WriteAllText($page, $text.Replace("### -$($own.Parameter)`n", "### -$($own.Parameter)`n<!-- shared: GenerationCmdlet -->`n"))
        { Update-SharedParameterHelp -Command ($Commands | Where-Object Name -eq $own.Command) -DocsPath $copy -Shared $Shared -Check } |
            Should -Throw "*$($own.Command).md, -$($own.Parameter)*remove the marker*"
    }
}

Describe 'A page made by New-HelpMarkdown' {
    BeforeAll {
        $script:Generated = Join-Path $TestDrive 'generated'
        New-Item -ItemType Directory -Path $Generated | Out-Null
        $names = ($Commands.Name | ForEach-Object { "'$_'" }) -join ','
        $tool = Join-Path $RepoRoot 'src/tools/New-HelpMarkdown.ps1'
        $script:ToolOutput = Invoke-InChildPwsh -Script "& '$tool' -ModuleManifest '$($env:RUNWAY_TEST_MODULE)' -Command $names -OutputPath '$Generated' *>&1 | Out-Null; 'done'"
    }

    It 'is written for every exported cmdlet' {
        $ToolOutput | Should -Contain 'done'
        foreach ($c in $Commands) { Join-Path $Generated "$($c.Name).md" | Should -Exist }
    }

    It 'has its online version: RunwayCmdlet.HelpUriBase plus its name' {
        foreach ($c in $Commands) {
            $meta = Get-Content (Join-Path $Generated "$($c.Name).md") -TotalCount 6
            $meta | Should -Contain "online version: $([Runway.Shell.RunwayCmdlet]::HelpUriBase)$($c.Name).md"
        }
    }

    It 'has no placeholder for a parameter whose text is shared, and carries the shared text' {
        foreach ($c in $Commands) {
            $blocks = @(Get-PageBlock $c.Name $Generated)
            foreach ($s in $Sources | Where-Object { $_.Command -eq $c.Name -and $_.Inherited }) {
                $block = $blocks | Where-Object Name -eq $s.Parameter
                $block.Text | Should -Not -Match '\{\{' -Because "$($c.Name) -$($s.Parameter) comes from $($s.Section)"
                $block.Marker | Should -Be 'shared'
                $block.Text | Should -BeExactly $s.Text
            }
        }
    }

    It 'is current as the build would leave it' {
        @(Update-SharedParameterHelp -Command $Commands -DocsPath $Generated -Shared $Shared -Check) | Should -BeNullOrEmpty
    }
}
