<#
.SYNOPSIS
    Shared parameter help: the text of each parameter that cmdlets share, written once in
    docs/en-US/shared/parameters.md and copied into every page under a marker line.
.DESCRIPTION
    Used by src/tools/Update-SharedHelp.ps1 (run by build.ps1), src/tools/New-HelpMarkdown.ps1 and
    tests/HelpShared.Tests.ps1. Which parameters are shared, and which section's text each takes, is computed
    by reflection on the built cmdlets: see Get-SharedParameter.
#>
Set-StrictMode -Version Latest

# The marker line under '### -Name' that says the text below it is the shared one, or the page's own on purpose.
$script:SharedMarker = '^<!-- shared: (\w+)\b.*-->$'
$script:OverrideMarker = '^<!-- override: (.*\S.*) -->$'

function Format-SharedMarker([string] $Section) {
    "<!-- shared: $Section in shared/parameters.md; the build writes this text, edit it there -->"
}

function Read-SharedParameterHelp {
    <# Reads the shared file: a dictionary 'Section/Parameter' → text (lines joined with LF). #>
    param([Parameter(Mandatory)] [string] $Path)
    $texts = [ordered]@{}
    $section = $null; $parameter = $null; $lines = $null
    $flush = {
        if ($parameter) {
            $text = ($lines -join "`n").Trim()
            if (-not $text) { throw "${Path}: -$parameter under '## $section' has no text." }
            $key = "$section/$parameter"
            if ($texts.Contains($key)) { throw "${Path}: -$parameter is written twice under '## $section'." }
            $texts[$key] = $text
        }
    }
    foreach ($line in [IO.File]::ReadAllLines($Path)) {
        if ($line -match '^## (\w+)\s*$') { & $flush; $section = $Matches[1]; $parameter = $null; continue }
        if ($line -match '^### -(\w+)\s*$') {
            & $flush
            if (-not $section) { throw "${Path}: -$($Matches[1]) comes before any '## <Section>' heading." }
            $parameter = $Matches[1]; $lines = [Collections.Generic.List[string]]::new(); continue
        }
        if ($line -match '^#') { & $flush; $parameter = $null; continue }
        if ($parameter) { $lines.Add($line.TrimEnd()) }
    }
    & $flush
    $texts
}

function Get-SharedSectionOrder([type] $Type) {
    # Where a cmdlet's shared parameter text is looked up: its base classes, closest first, then its interfaces.
    $order = [Collections.Generic.List[type]]::new()
    for ($t = $Type.BaseType; $t -and $t -ne [System.Management.Automation.PSCmdlet] -and $t -ne [object]; $t = $t.BaseType) { $order.Add($t) }
    foreach ($i in $Type.GetInterfaces() | Sort-Object Name) { $order.Add($i) }
    , $order.ToArray()
}

function Get-SharedParameter {
    <#
    For each parameter of a cmdlet (common parameters left out): whether it is shared, and the section whose
    text it takes. A parameter is shared when the cmdlet class does not declare it itself (a base class does, or
    PowerShell: -WhatIf, -Confirm, -First...) or when an interface it implements declares it (IResumableList).
    #>
    param(
        [Parameter(Mandatory)] [System.Management.Automation.CmdletInfo] $Command,
        [Parameter(Mandatory)] [System.Collections.IDictionary] $Shared
    )
    $type = $Command.ImplementingType
    $order = Get-SharedSectionOrder $type
    $common = [System.Management.Automation.Cmdlet]::CommonParameters
    foreach ($p in $Command.Parameters.Values | Where-Object { $_.Name -notin $common } | Sort-Object Name) {
        $declared = @($type.GetProperties() | Where-Object Name -eq $p.Name)
        $own = $declared | Where-Object { $_.DeclaringType -eq $type }
        $fromInterface = @($type.GetInterfaces() | Where-Object { $_.GetProperty($p.Name) })
        $inherited = (-not $own) -or $fromInterface.Count -gt 0
        $section = if ($inherited) { $order | Where-Object { $Shared.Contains("$($_.Name)/$($p.Name)") } | Select-Object -First 1 }
        [pscustomobject]@{
            Command   = $Command.Name
            Parameter = $p.Name
            Inherited = $inherited
            Section   = if ($section) { $section.Name } else { $null }
            Text      = if ($section) { $Shared["$($section.Name)/$($p.Name)"] } else { $null }
        }
    }
}

function Get-ParameterBlock {
    <# The '### -Name' blocks under '## PARAMETERS' of a page: their name, the index of the heading and of the first yaml fence. #>
    param([string[]] $Lines, [string] $File)
    $start = [Array]::IndexOf($Lines, '## PARAMETERS')
    if ($start -lt 0) { return }
    $inFence = $false
    for ($i = $start + 1; $i -lt $Lines.Count; $i++) {
        if ($Lines[$i] -match '^## ') { break }
        if ($Lines[$i] -match '^```') { $inFence = -not $inFence; continue }
        if ($inFence -or $Lines[$i] -notmatch '^### -(\w+)\s*$') { continue }
        $name = $Matches[1]
        $yaml = $i + 1
        while ($yaml -lt $Lines.Count -and $Lines[$yaml] -notmatch '^```yaml' -and $Lines[$yaml] -notmatch '^##') { $yaml++ }
        if ($yaml -ge $Lines.Count -or $Lines[$yaml] -notmatch '^```yaml') { throw "${File}: -$name has no yaml block." }
        $body = @(if ($yaml -gt $i + 1) { $Lines[($i + 1)..($yaml - 1)] })
        $at = [Array]::FindIndex([string[]]$body, [Predicate[string]] { param($l) $l.Trim() })
        $first = if ($at -ge 0) { $body[$at] } else { '' }
        $marker = if ($first -match $SharedMarker) { 'shared' } elseif ($first -match $OverrideMarker) { 'override' } else { $null }
        if ($marker) { $body = @($body | Select-Object -Skip ($at + 1)) }
        [pscustomobject]@{
            Name    = $name
            Heading = $i
            Yaml    = $yaml
            Marker  = $marker
            Section = if ($marker -eq 'shared') { [regex]::Match($first, $SharedMarker).Groups[1].Value } else { $null }
            Text    = ($body -join "`n").Trim()
        }
    }
}

function Format-SharedBlock([string] $Section, [string] $Text) {
    # What goes between '### -Name' and its yaml block for a shared parameter.
    @((Format-SharedMarker $Section)) + @($Text -split "`n") + @('')
}

function Update-SharedParameterHelp {
    <#
    Writes the shared texts into the pages of the given cmdlets (docs/en-US/<Verb-Noun>.md); with -Check writes
    nothing. Returns one row per block that was (or, with -Check, would be) rewritten. Throws when a page does not
    say whether a shared parameter takes the shared text: the marker is missing, wrong, or marks a parameter the
    cmdlet declares itself.
    #>
    param(
        [Parameter(Mandatory)] [System.Management.Automation.CmdletInfo[]] $Command,
        [Parameter(Mandatory)] [string] $DocsPath,
        [Parameter(Mandatory)] [System.Collections.IDictionary] $Shared,
        [switch] $Check
    )
    $problems = [Collections.Generic.List[string]]::new()
    foreach ($cmd in $Command) {
        $file = Join-Path $DocsPath "$($cmd.Name).md"
        if (-not (Test-Path $file)) { continue }
        $lines = [IO.File]::ReadAllText($file).Replace("`r`n", "`n") -split "`n"
        $sources = @{}
        foreach ($s in Get-SharedParameter -Command $cmd -Shared $Shared) { $sources[$s.Parameter] = $s }
        $stale = [Collections.Generic.List[object]]::new()
        foreach ($block in Get-ParameterBlock $lines $file) {
            $source = $sources[$block.Name]
            $where = "$($cmd.Name).md, -$($block.Name)"
            if (-not $source) { continue }
            if (-not $source.Section) {
                if ($block.Marker) { $problems.Add("${where}: marked '$($block.Marker)', but docs/en-US/shared/parameters.md has no text this cmdlet takes for it: remove the marker.") }
                continue
            }
            switch ($block.Marker) {
                'override' { }
                'shared' {
                    if ($block.Section -cne $source.Section -or $block.Text -cne $source.Text) {
                        $stale.Add([pscustomobject]@{ Command = $cmd.Name; Parameter = $block.Name; Section = $source.Section; Block = $block })
                    }
                }
                default {
                    $problems.Add("${where}: the cmdlet takes this parameter from $($source.Section), whose text is in docs/en-US/shared/parameters.md. Put '$(Format-SharedMarker $source.Section)' as the first line under the heading (the build then writes the shared text), or '<!-- override: <why> -->' to keep this page's own text.")
                }
            }
        }
        if ($stale.Count -and -not $Check) {
            $updated = [Collections.Generic.List[string]]::new()
            $next = 0
            foreach ($row in $stale | Sort-Object { $_.Block.Heading }) {
                $updated.AddRange([string[]]@($lines[$next..$row.Block.Heading]))
                $updated.AddRange([string[]](Format-SharedBlock $row.Section $Shared["$($row.Section)/$($row.Parameter)"]))
                $next = $row.Block.Yaml
            }
            $updated.AddRange([string[]]@($lines[$next..($lines.Count - 1)]))
            [IO.File]::WriteAllText($file, ($updated -join "`n"), [Text.UTF8Encoding]::new($false))
        }
        $stale | Select-Object Command, Parameter, Section
    }
    if ($problems.Count) { throw "Shared parameter help:`n" + ($problems -join "`n") }
}

Export-ModuleMember -Function Read-SharedParameterHelp, Get-SharedParameter, Get-ParameterBlock, Format-SharedBlock, Format-SharedMarker, Update-SharedParameterHelp
