<#
.SYNOPSIS
    Writes the per-model facts of each generation cmdlet's help from the model catalog.
.DESCRIPTION
    In docs/en-US/<Cmdlet>.md, the lines between the catalog markers (Runway.Models.CatalogHelp) are replaced by
    one list item per model the cmdlet can use: endpoints, ratios, durations, defaults, references and price, as
    the built module's catalog has them. Run by build.ps1 (Build and Docs) in a child process, so that the
    build's own session never loads the module. A file changes only when its facts did.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $AssemblyPath,
    [Parameter(Mandatory)] [string] $DocsPath
)
$ErrorActionPreference = 'Stop'
Add-Type -Path $AssemblyPath
$begin = [Runway.Models.CatalogHelp]::BeginMarker
$end = [Runway.Models.CatalogHelp]::EndMarker
foreach ($file in Get-ChildItem $DocsPath -Filter '*-Runway*.md') {
    $lines = [IO.File]::ReadAllLines($file.FullName)
    $open = [Array]::IndexOf($lines, $begin)
    if ($open -lt 0) { continue }
    $close = [Array]::IndexOf($lines, $end, $open)
    if ($close -lt 0) { throw "$($file.Name): '$begin' has no '$end' after it." }
    $generated = @([Runway.Models.CatalogHelp]::ModelLines($file.BaseName))
    if ($generated.Count -eq 0) { throw "$($file.Name): the catalog has no model for $($file.BaseName); remove the catalog markers." }
    $updated = @($lines[0..$open]) + $generated + @($lines[$close..($lines.Count - 1)])
    if (($updated -join "`n") -cne ($lines -join "`n")) {
        [IO.File]::WriteAllText($file.FullName, (($updated -join "`n") + "`n"))
        Write-Host "Updated the model list in $($file.Name) from the catalog."
    }
}
