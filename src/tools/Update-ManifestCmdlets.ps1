<#
.SYNOPSIS
    Writes Runway.psd1's CmdletsToExport from the cmdlet classes in src/Runway/Cmdlets (their [Cmdlet(Verbs*.Verb, "Noun")]),
    in ordinal order, so that a new cmdlet needs no manifest edit. Run by build.ps1 before it reads the manifest;
    ArchitectureTests still compares the list with the compiled classes. Writes only when the list changed.
#>
param([Parameter(Mandatory)] [string] $Root)
$ErrorActionPreference = 'Stop'
$manifest = Join-Path $Root 'Runway.psd1'
$names = [Collections.Generic.List[string]]::new()
foreach ($file in Get-ChildItem (Join-Path $Root 'src/Runway/Cmdlets') -Filter *Command.cs) {
    $match = [regex]::Match((Get-Content -LiteralPath $file.FullName -Raw), '\[Cmdlet\(\s*Verbs\w+\.(\w+)\s*,\s*"(\w+)"')
    if (-not $match.Success) { throw "$($file.Name) declares no [Cmdlet(Verbs*.Verb, ""Noun"")]: src/Runway/Cmdlets holds exactly the exported cmdlets." }
    $names.Add("$($match.Groups[1].Value)-$($match.Groups[2].Value)")
}
$sorted = $names.ToArray()
[Array]::Sort($sorted, [StringComparer]::Ordinal)
$text = [IO.File]::ReadAllText($manifest)
$block = [regex]::Match($text, '(?m)^(?<indent>[ \t]*)CmdletsToExport(?<eq>\s*=\s*)@\((?<list>[^)]*)\)')
if (-not $block.Success) { throw "Runway.psd1 has no 'CmdletsToExport = @(...)' to write." }
$indent = $block.Groups['indent'].Value
$newline = if ($text.Contains("`r`n")) { "`r`n" } else { "`n" }
$list = ($sorted | ForEach-Object { "$indent    '$_'" }) -join $newline
$replacement = "${indent}CmdletsToExport$($block.Groups['eq'].Value)@($newline$list$newline$indent)"
if ($block.Value -cne $replacement) {
    [IO.File]::WriteAllText($manifest, $text.Remove($block.Index, $block.Length).Insert($block.Index, $replacement))
    Write-Host "Updated CmdletsToExport in Runway.psd1 from src/Runway/Cmdlets ($($sorted.Count) cmdlets)."
}
