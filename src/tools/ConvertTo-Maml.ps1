<#
.SYNOPSIS
    Compiles PlatyPS v1 markdown help (docs/en-US/*.md) to MAML (<Module>.dll-Help.xml) and about_*.help.md to
    about_*.help.txt, without PlatyPS.
.DESCRIPTION
    Each <Cmdlet>.md must follow the PlatyPS v1 schema: YAML front matter, '# Name', then the sections
    SYNOPSIS, SYNTAX, DESCRIPTION, EXAMPLES, PARAMETERS, INPUTS, OUTPUTS, NOTES, RELATED LINKS in that order.
    Every parameter has a description and one or more ```yaml blocks (one per group of parameter sets that
    share Required/Position/pipeline input). The parameters of each SYNTAX block must be exactly those whose
    'Parameter Sets' include that set: the MAML syntax items are built from them, in the order of the block.

    The output is deterministic (files in ordinal name order, LF line ends, UTF-8 without BOM) so that a
    rebuild from the same markdown yields the same bytes. A malformed file stops the conversion with an error
    naming the file and the heading where the problem is.
.EXAMPLE
    ./src/tools/ConvertTo-Maml.ps1 -SourcePath docs/en-US -OutputPath out/Runway/<version>/en-US -ModuleName Runway
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $SourcePath,
    [Parameter(Mandatory)] [string] $OutputPath,
    [Parameter(Mandatory)] [string] $ModuleName
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# The markdown reader and the MAML writer; this file keeps the about_ topics (plain text) and the run.
. (Join-Path $PSScriptRoot 'ConvertTo-Maml.Markdown.ps1')
. (Join-Path $PSScriptRoot 'ConvertTo-Maml.Writer.ps1')

# ---------------------------------------------------------------- about_ topics

function Format-Wrapped([string] $Text, [int] $Indent, [int] $Width = 80, [int] $Hanging = 0) {
    $pad = ' ' * $Indent
    $lines = [System.Collections.Generic.List[string]]::new()
    $line = ''
    foreach ($word in $Text -split '\s+' | Where-Object { $_ }) {
        $lead = if ($lines.Count -eq 0) { $pad } else { $pad + (' ' * $Hanging) }
        if ($line -eq '') { $line = $lead + $word }
        elseif (($line.Length + 1 + $word.Length) -le $Width) { $line += ' ' + $word }
        else { $lines.Add($line); $line = $pad + (' ' * $Hanging) + $word }
    }
    if ($line) { $lines.Add($line) }
    $lines
}

function Convert-AboutTopic([string] $Path, [string] $OutFile) {
    $file = $Path
    $split = Split-FrontMatter $file (Read-MarkdownFile $Path)
    $topic = [System.IO.Path]::GetFileName($Path) -replace '\.help\.md$|\.md$', ''
    $top = Split-Headings $split.Body 1
    if ($top.Count -lt 2 -or $top[1].Title -ne $topic) { Stop-Markdown $file '# title' "the first heading must be '# $topic'." }
    $titles = @($top | Select-Object -Skip 2 | ForEach-Object Title)
    foreach ($required in 'SHORT DESCRIPTION', 'LONG DESCRIPTION') {
        if ($required -notin $titles) { Stop-Markdown $file "# $topic" "the section '# $required' is missing." }
    }
    $out = [System.Collections.Generic.List[string]]::new()
    $out.Add('TOPIC'); $out.Add("    $($topic.ToLowerInvariant())"); $out.Add('')
    foreach ($section in $top | Select-Object -Skip 2) {
        $out.Add($section.Title.ToUpperInvariant())
        $fences = Get-Fences $file "# $($section.Title)" $section.Lines
        $inFence = $false
        $para = [System.Collections.Generic.List[string]]::new()
        $flush = {
            if ($para.Count) {
                $joined = ConvertFrom-InlineMarkdown ($para -join ' ')
                if ($joined -match '^([-*]|\d+\.)\s+(.*)$') {
                    $marker = if ($Matches[1] -in '-', '*') { '-' } else { $Matches[1] }
                    foreach ($l in Format-Wrapped "$marker $($Matches[2])" 4 80 ($marker.Length + 1)) { $out.Add($l) }
                }
                else { foreach ($l in Format-Wrapped $joined 4) { $out.Add($l) } }
                $para.Clear()
            }
        }
        foreach ($raw in $section.Lines) {
            $line = $raw.TrimEnd()
            if ($line -match '^\s*```') { & $flush; $inFence = -not $inFence; if (-not $inFence) { $out.Add('') }; continue }
            if ($inFence) { $out.Add($(if ($line) { '        ' + $line } else { '' })); continue }
            if ($line -match '^(#{2,6})\s+(.*)$') {
                & $flush
                $out.Add('  ' + (ConvertFrom-InlineMarkdown $Matches[2]).ToUpperInvariant())
                continue
            }
            if ($line.Trim() -eq '') { & $flush; if ($out[-1] -ne '') { $out.Add('') }; continue }
            if ($line -match '^\s*([-*]|\d+\.)\s+') { & $flush }
            if ($line -match '^\|') { & $flush; $out.Add('    ' + $line); continue }
            $para.Add($line.Trim())
        }
        & $flush
        while ($out.Count -and $out[-1] -eq '') { $out.RemoveAt($out.Count - 1) }
        $out.Add('')
    }
    [System.IO.File]::WriteAllText($OutFile, ($out -join "`n") + "`n", [System.Text.UTF8Encoding]::new($false))
}

# ---------------------------------------------------------------- main

if (-not (Test-Path $SourcePath -PathType Container)) { throw "SourcePath '$SourcePath' is not a directory." }
New-Item -ItemType Directory -Path $OutputPath -Force | Out-Null
$sources = @(Get-ChildItem -Path $SourcePath -Filter *.md -File | Sort-Object Name -Culture ([cultureinfo]::InvariantCulture))
$commands = [System.Collections.Generic.List[object]]::new()
foreach ($source in $sources | Sort-Object { $_.Name } ) {
    if ($source.Name -like 'about_*') {
        $target = Join-Path $OutputPath ($source.Name -replace '\.md$', '.txt' -replace '(?<!\.help)\.txt$', '.help.txt')
        Convert-AboutTopic $source.FullName $target
        Write-Verbose "about topic: $target"
    }
    else {
        $commands.Add((Read-CommandMarkdown $source.FullName $ModuleName))
    }
}
$ordered = @($commands | Sort-Object { $_.Name } -Culture ([cultureinfo]::InvariantCulture))
$maml = Join-Path $OutputPath "$ModuleName.dll-Help.xml"
Write-Maml $ordered $maml
Write-Host "Help: $($ordered.Count) cmdlets → $maml"
