<#
.SYNOPSIS
    Writes the shared parameter texts (docs/en-US/shared/parameters.md) into every cmdlet's help page.
.DESCRIPTION
    Under each '### -Name' marked '<!-- shared: <Section> ... -->', the text is replaced by the shared one that
    the cmdlet takes (see src/tools/SharedHelp.psm1: by reflection on the built module). A page that leaves a
    shared parameter unmarked stops the build with a message saying what to write. With -Check nothing is
    written and a stale block is an error, naming the page and the parameter. Run by build.ps1 (Build and Docs)
    in a child process, so that the build's own session never loads the module. A file changes only when its
    text did.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $DocsPath,
    [string] $SharedPath = (Join-Path $DocsPath 'shared/parameters.md'),
    [switch] $Check
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'SharedHelp.psm1') -Force
$module = Import-Module (Resolve-Path $ModuleManifest).Path -PassThru -Force
$shared = Read-SharedParameterHelp $SharedPath
$commands = @($module.ExportedCmdlets.Values | Sort-Object Name)
$stale = @(Update-SharedParameterHelp -Command $commands -DocsPath $DocsPath -Shared $shared -Check:$Check)
if ($Check -and $stale) {
    throw "The shared parameter text is stale in: " + (($stale | ForEach-Object { "$($_.Command).md -$($_.Parameter)" }) -join ', ') + '. Run build.ps1 to write it.'
}
foreach ($file in $stale | Group-Object Command) {
    Write-Host "Updated the shared parameter text in $($file.Name).md: -$(($file.Group.Parameter) -join ', -')."
}
