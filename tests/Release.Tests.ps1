# What the Gallery shows about the built module: release notes from the changelog, and every link (project,
# licence, each cmdlet's online help) derived from the one RunwayCmdlet.ProjectUri.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $script:Built = Import-PowerShellDataFile $env:RUNWAY_TEST_MODULE
    $script:PSData = $Built.PrivateData.PSData
    $script:ProjectUri = [Runway.Shell.RunwayCmdlet]::ProjectUri

    # The changelog's newest entry: its first '## [version]' heading and the text up to the next heading
    # or to the link references at the end.
    $lines = Get-Content (Join-Path $RepoRoot 'CHANGELOG.md')
    $first = [array]::FindIndex($lines, [Predicate[string]] { param($l) $l -match '^## \[' })
    $script:NewestVersion = [regex]::Match($lines[$first], '^## \[([^\]]+)\]').Groups[1].Value
    # '## [0.2.0] - Unreleased' until the release gives it a date.
    $script:NewestReleased = $lines[$first] -match '\] - \d{4}-\d{2}-\d{2}'
    $body = [Collections.Generic.List[string]]::new()
    foreach ($line in $lines[($first + 1)..($lines.Count - 1)]) {
        if ($line -match '^## \[' -or $line -match '^\[[^\]]+\]:\s') { break }
        $body.Add($line)
    }
    $script:NewestNotes = ($body -join "`n").Trim()
}

Describe 'Release notes' {
    It 'the changelog''s newest entry is the manifest''s version' {
        $NewestVersion | Should -Be $Built.ModuleVersion
    }

    It 'the built manifest''s ReleaseNotes are the changelog''s newest entry' {
        $NewestNotes | Should -Not -BeNullOrEmpty
        ($PSData.ReleaseNotes -replace "`r`n", "`n").Trim() | Should -BeExactly $NewestNotes
    }

    It 'the changelog says the public type names moved to Runway.Api' {
        $NewestNotes | Should -Match 'Runway\.Models\.\*.*Runway\.Api\.\*'
    }

    It 'the assembly''s version is the manifest''s' {
        $assembly = [Runway.Shell.RunwayCmdlet].Assembly.GetName().Version
        '{0}.{1}.{2}' -f $assembly.Major, $assembly.Minor, $assembly.Build | Should -Be $Built.ModuleVersion
    }
}

Describe 'One project URI' {
    It 'the manifest''s ProjectUri and LicenseUri derive from RunwayCmdlet.ProjectUri' {
        $PSData.ProjectUri | Should -Be $ProjectUri
        $PSData.LicenseUri | Should -Be ([Runway.Shell.RunwayCmdlet]::LicenseUri)
        $PSData.LicenseUri | Should -Be "$ProjectUri/blob/main/LICENSE"
        Join-Path $RepoRoot 'LICENSE' | Should -Exist
    }

    It 'the help base is under the project URI' {
        [Runway.Shell.RunwayCmdlet]::HelpUriBase | Should -Be "$ProjectUri/blob/main/docs/en-US/"
    }

    It 'every exported cmdlet''s HelpUri is the base plus its name' {
        $commands = @(Get-Command -Module Runway -CommandType Cmdlet)
        $commands.Count | Should -Be @($Built.CmdletsToExport).Count
        foreach ($command in $commands) {
            $command.HelpUri | Should -BeExactly ([Runway.Shell.RunwayCmdlet]::HelpUriBase + $command.Name + '.md') -Because $command.Name
        }
    }

    It 'no cmdlet source spells out a URL: they name RunwayCmdlet.HelpUriBase' {
        $literal = @(Get-ChildItem (Join-Path $RepoRoot 'src/Runway/Cmdlets') -Filter *.cs | Select-String -Pattern 'https?://' | ForEach-Object { "$($_.Filename):$($_.LineNumber)" })
        $literal | Should -BeNullOrEmpty
    }
}

Describe 'Counts that the README and the changelog state' {
    It 'the README''s cmdlet count is the exported count and its area table names only exported cmdlets, once each' {
        $readme = Get-Content (Join-Path $RepoRoot 'README.md') -Raw
        $exported = @((Get-Command -Module Runway -CommandType Cmdlet).Name)
        [int][regex]::Match($readme, 'The (\d+) cmdlets, by area').Groups[1].Value | Should -Be $exported.Count
        # The table writes families as `Get-`, `New-`, ... `Remove-RunwayAvatar`: expand them before looking.
        $table = [regex]::Replace($readme, '((?:`[A-Z][a-z]+-`,?\s*)+)`([A-Z][a-z]+)-(Runway\w+)`', {
                param($m) (@([regex]::Matches($m.Groups[1].Value, '`([A-Z][a-z]+)-`') | ForEach-Object { "``$($_.Groups[1].Value)-$($m.Groups[3].Value)``" }) + "``$($m.Groups[2].Value)-$($m.Groups[3].Value)``") -join ', ' })
        # The table's own rows: from the line after 'by area:' to the first line after them that is not a row.
        $lines = $table -split '\r?\n'
        $at = [Array]::FindIndex($lines, [Predicate[string]] { param($l) $l -match 'cmdlets, by area' })
        $rows = [Collections.Generic.List[string]]::new()
        foreach ($line in $lines[($at + 1)..($lines.Count - 1)]) {
            if ($line -match '^\|') { $rows.Add($line) } elseif ($rows.Count -and $line.Trim()) { break }
        }
        $rows.Count | Should -BeGreaterThan 2
        $listed = @([regex]::Matches(($rows -join "`n"), '`([A-Z][a-z]+-Runway\w*)`') | ForEach-Object { $_.Groups[1].Value })
        # The build-written index below lists every exported cmdlet (next test); this curated table must only name real ones.
        foreach ($name in $listed) { $name | Should -BeIn $exported -Because "README's cmdlet table lists $name, which the module does not export" }
        @($listed | Group-Object | Where-Object Count -gt 1 | ForEach-Object Name) | Should -BeNullOrEmpty -Because 'the table lists each cmdlet in one area'
    }

    It 'the README''s cmdlet index is the manifest''s CmdletsToExport, each with its help''s synopsis and page' {
        $readme = Get-Content (Join-Path $RepoRoot 'README.md')
        $open = [Array]::FindIndex($readme, [Predicate[string]] { param($l) $l.StartsWith('<!-- cmdlets:begin') })
        $close = [Array]::IndexOf($readme, '<!-- cmdlets:end -->')
        $open | Should -BeGreaterOrEqual 0
        $rows = @($readme[($open + 1)..($close - 1)] | Where-Object { $_ -match '^\| \[' })
        $names = @($rows | ForEach-Object { [regex]::Match($_, '^\| \[([^\]]+)\]').Groups[1].Value })
        $names -join ',' | Should -BeExactly (@($Built.CmdletsToExport) -join ',')
        foreach ($row in $rows) {
            $m = [regex]::Match($row, '^\| \[([^\]]+)\]\(([^)]+)\) \| (.*) \|$')
            $m.Success | Should -BeTrue -Because $row
            Join-Path $RepoRoot $m.Groups[2].Value | Should -Exist
            $m.Groups[3].Value.Replace('\|', '|') | Should -BeExactly (Get-Help $m.Groups[1].Value).Synopsis.Trim() -Because "the index gives $($m.Groups[1].Value)'s synopsis"
        }
    }

    It 'the manifest lists CmdletsToExport in alphabetical order (ArchitectureTests check them against the compiled cmdlet classes)' {
        $sorted = [string[]]@($Built.CmdletsToExport)
        [Array]::Sort($sorted, [StringComparer]::Ordinal)
        @($Built.CmdletsToExport) -join ',' | Should -BeExactly ($sorted -join ',')
    }

    It 'the changelog''s count of cmdlets in all is the exported count, once the entry is released' {
        # While the entry says Unreleased, adding a cmdlet needs no changelog edit to pass; the release (a date) must count right.
        if (-not $NewestReleased) { Set-ItResult -Skipped -Because "the changelog's $NewestVersion entry is unreleased" ; return }
        [int][regex]::Match($NewestNotes, '\((\d+) in all\)').Groups[1].Value | Should -Be @(Get-Command -Module Runway -CommandType Cmdlet).Count
    }
}
