<#
.SYNOPSIS
    Writes a PlatyPS v1-style markdown skeleton for a cmdlet of the built module (PlatyPS is not available here).
.DESCRIPTION
    Generates the front matter, SYNTAX (one block per parameter set, as Get-Command prints it, without
    -ProgressAction) and one PARAMETERS entry per parameter with its yaml block taken from the code: type,
    parameter sets, aliases, required, position, pipeline input. The online version is the cmdlet's page under
    RunwayCmdlet.HelpUriBase. A parameter the cmdlet shares with others (from a base class, an interface or
    PowerShell) gets its text from docs/en-US/shared/parameters.md under a '<!-- shared: ... -->' marker, which
    the build keeps current (src/tools/SharedHelp.psm1). Only the text to write by hand is marked {{ Fill ... }}:
    the synopsis, description, examples and the cmdlet's own parameters. Existing files are never overwritten.
    tests/Help.Tests.ps1 and tests/HelpShared.Tests.ps1 check the result against the code.
.EXAMPLE
    dotnet pwsh -NoProfile -File src/tools/New-HelpMarkdown.ps1 -ModuleManifest out/Runway/<version>/Runway.psd1 -Command New-RunwaySpeech
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string[]] $Command,
    [string] $OutputPath = (Join-Path (Split-Path (Split-Path $PSScriptRoot -Parent) -Parent) 'docs/en-US'),
    [string] $SharedPath = (Join-Path (Split-Path (Split-Path $PSScriptRoot -Parent) -Parent) 'docs/en-US/shared/parameters.md')
)
$ErrorActionPreference = 'Stop'
$module = Import-Module (Resolve-Path $ModuleManifest).Path -PassThru -Force
Import-Module (Join-Path $PSScriptRoot 'SharedHelp.psm1') -Force
$shared = Read-SharedParameterHelp $SharedPath
$common = [System.Management.Automation.Cmdlet]::CommonParameters

function Get-TypeName([type] $Type) {
    $inner = [Nullable]::GetUnderlyingType($Type)
    if ($inner) { $Type = $inner }
    $Type.Name
}


foreach ($name in $Command) {
    $cmd = Get-Command $name -Module $module.Name
    $file = Join-Path $OutputPath "$name.md"
    if (Test-Path $file) { Write-Warning "$file exists; not overwritten."; continue }
    $sets = @($cmd.ParameterSets)
    $sources = @{}
    foreach ($s in Get-SharedParameter -Command $cmd -Shared $shared) { $sources[$s.Parameter] = $s }
    $sb = [System.Text.StringBuilder]::new()
    $null = $sb.AppendLine('---').AppendLine("external help file: $($module.Name).dll-Help.xml").AppendLine("Module Name: $($module.Name)")
    $null = $sb.AppendLine("online version: $([Runway.Shell.RunwayCmdlet]::HelpUriBase)$name.md").AppendLine('schema: 2.0.0').AppendLine('---').AppendLine().AppendLine("# $name").AppendLine()
    $null = $sb.AppendLine('## SYNOPSIS').AppendLine('{{ Fill in the Synopsis }}').AppendLine().AppendLine('## SYNTAX').AppendLine()
    foreach ($set in $sets) {
        if ($sets.Count -gt 1) {
            $null = $sb.AppendLine("### $($set.Name)$(if ($set.IsDefault) { ' (Default)' })")
        }
        $null = $sb.AppendLine('```').AppendLine("$name $($set.ToString() -replace '\s*\[-ProgressAction <ActionPreference>\]', '')").AppendLine('```').AppendLine()
    }
    $null = $sb.AppendLine('## DESCRIPTION').AppendLine('{{ Fill in the Description }}').AppendLine().AppendLine('## EXAMPLES').AppendLine()
    foreach ($n in 1, 2) {
        $null = $sb.AppendLine("### Example ${n}: {{ Title }}").AppendLine('```powershell').AppendLine('{{ Code }}').AppendLine('```').AppendLine().AppendLine('{{ Description }}').AppendLine()
    }
    $null = $sb.AppendLine('## PARAMETERS').AppendLine()
    $parameters = $cmd.Parameters.Values | Where-Object { $_.Name -notin $common } | Sort-Object { $_.Name -in 'WhatIf', 'Confirm' }, Name
    foreach ($p in $parameters) {
        $null = $sb.AppendLine("### -$($p.Name)")
        $source = $sources[$p.Name]
        if ($source -and $source.Section) { foreach ($line in Format-SharedBlock $source.Section $source.Text) { $null = $sb.AppendLine($line) } }
        else { $null = $sb.AppendLine("{{ Fill $($p.Name) Description }}").AppendLine() }
        # One yaml block per distinct (required, position, pipeline) combination, as PlatyPS writes them.
        $groups = $p.ParameterSets.GetEnumerator() | ForEach-Object {
            $a = $_.Value
            $pipe = @(if ($a.ValueFromPipeline) { 'ByValue' }; if ($a.ValueFromPipelineByPropertyName) { 'ByPropertyName' })
            [pscustomobject]@{
                Set      = $_.Key
                Required = $a.IsMandatory
                Position = if ($a.Position -eq [int]::MinValue) { 'Named' } else { "$($a.Position)" }
                Pipeline = if ($pipe) { "True ($($pipe -join ', '))" } else { 'False' }
            }
        } | Group-Object Required, Position, Pipeline
        foreach ($g in $groups) {
            $first = $g.Group[0]
            $setNames = if ($first.Set -eq '__AllParameterSets') { '(All)' } else { ($g.Group.Set | ForEach-Object { $sets.Name.IndexOf($_) } | Sort-Object | ForEach-Object { $sets[$_].Name }) -join ', ' }
            $null = $sb.AppendLine('```yaml').AppendLine("Type: $(Get-TypeName $p.ParameterType)").AppendLine("Parameter Sets: $setNames")
            $null = $sb.AppendLine(("Aliases: $($p.Aliases -join ', ')").TrimEnd()).AppendLine()
            $null = $sb.AppendLine("Required: $($first.Required)").AppendLine("Position: $($first.Position)").AppendLine('Default value: None')
            $null = $sb.AppendLine("Accept pipeline input: $($first.Pipeline)").AppendLine('Accept wildcard characters: False').AppendLine('```').AppendLine()
        }
    }
    $null = $sb.AppendLine('### CommonParameters')
    $null = $sb.AppendLine('This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, -InformationVariable, -OutBuffer, -OutVariable, -PipelineVariable, -ProgressAction, -Verbose, -WarningAction, and -WarningVariable. For more information, see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).').AppendLine()
    $null = $sb.AppendLine('## INPUTS').AppendLine().AppendLine('### None').AppendLine().AppendLine('## OUTPUTS').AppendLine()
    foreach ($t in $cmd.OutputType) { $null = $sb.AppendLine("### $($t.Name)").AppendLine() }
    $null = $sb.AppendLine('## NOTES').AppendLine().AppendLine('## RELATED LINKS').AppendLine().AppendLine('[about_Runway](about_Runway.md)')
    [System.IO.File]::WriteAllText($file, $sb.ToString().Replace("`r`n", "`n"))
    Write-Host "Wrote $file"
}
