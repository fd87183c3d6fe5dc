<#
.SYNOPSIS
    Writes the shipped Runway.Types.ps1xml: the source types file plus the export members of every output type.
.DESCRIPTION
    [Runway.Shell.ExportMembers]::Members() lists, by reflection over the built assembly, each property of an output
    type that is not plain text; each becomes a ScriptProperty of the same name reading as text (Export-Csv). Members
    the source file declares for a type are left to it, and the generated ones follow them in the type's entry. Run by
    build.ps1 in a child process (the build's own session never loads the module), so that the import itself reflects
    over nothing and runs no Update-TypeData.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $AssemblyPath,
    [Parameter(Mandatory)] [string] $SourcePath,
    [Parameter(Mandatory)] [string] $OutputPath
)
$ErrorActionPreference = 'Stop'
Add-Type -Path $AssemblyPath
$xml = [xml]::new()
$xml.PreserveWhitespace = $false
$xml.Load($SourcePath)
$types = @{}
foreach ($type in $xml.DocumentElement.SelectNodes('Type')) { $types[$type.SelectSingleNode('Name').InnerText] = $type }

function Add-Element($Parent, [string] $Name, [string] $Text) {
    $element = $Parent.AppendChild($xml.CreateElement($Name))
    if ($PSBoundParameters.ContainsKey('Text')) { $element.InnerText = $Text }
    $element
}

$added = 0
foreach ($member in [Runway.Shell.ExportMembers]::Members()) {
    $type = $types[$member.TypeName]
    if (-not $type) {
        $type = Add-Element $xml.DocumentElement 'Type'
        $null = Add-Element $type 'Name' $member.TypeName
        $null = Add-Element $type 'Members'
        $types[$member.TypeName] = $type
    }
    $members = $type.SelectSingleNode('Members')
    if ($members.SelectNodes('*/Name') | Where-Object InnerText -eq $member.Name) { continue }
    $quoted = $member.Name.Replace("'", "''")
    $property = Add-Element $members 'ScriptProperty'
    $null = Add-Element $property 'Name' $member.Name
    # The leading comma keeps a list one object (the text member's ToString), as ExportMembers.Get returns it.
    $null = Add-Element $property 'GetScriptBlock' ", [Runway.Shell.ExportMembers]::Get(`$this, '$quoted')"
    if ($member.Settable) { $null = Add-Element $property 'SetScriptBlock' "[Runway.Shell.ExportMembers]::Set(`$this, '$quoted', `$args[0])" }
    $added++
}
$settings = [Xml.XmlWriterSettings]@{ Indent = $true; IndentChars = '  '; Encoding = [Text.UTF8Encoding]::new($false) }
$writer = [Xml.XmlWriter]::Create($OutputPath, $settings)
try { $xml.Save($writer) } finally { $writer.Dispose() }
Write-Verbose "$OutputPath`: $added export members."
