# The MAML half of ConvertTo-Maml.ps1, dot-sourced by it: writes the help models Read-CommandMarkdown returns as one
# <Module>.dll-Help.xml (indented, LF line ends, UTF-8 without BOM, so the same markdown gives the same bytes).

# ---------------------------------------------------------------- MAML writing

$script:Ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp  = 'http://msdn.microsoft.com/mshelp'
}

function Write-Paras([System.Xml.XmlWriter] $W, [string[]] $Paras) {
    if (-not $Paras) { $W.WriteStartElement('maml', 'para', $Ns.maml); $W.WriteEndElement(); return }
    foreach ($p in $Paras) { $W.WriteElementString('maml', 'para', $Ns.maml, $p) }
}

function Write-Description([System.Xml.XmlWriter] $W, [string[]] $Paras) {
    $W.WriteStartElement('maml', 'description', $Ns.maml); Write-Paras $W $Paras; $W.WriteEndElement()
}

function Write-Type([System.Xml.XmlWriter] $W, [string] $Name) {
    $W.WriteStartElement('dev', 'type', $Ns.dev)
    $W.WriteElementString('maml', 'name', $Ns.maml, $Name)
    $W.WriteStartElement('maml', 'uri', $Ns.maml); $W.WriteEndElement()
    $W.WriteEndElement()
}

function Write-Parameter([System.Xml.XmlWriter] $W, $Parameter, $Variant) {
    $isSwitch = $Variant.Type -eq 'SwitchParameter'
    $W.WriteStartElement('command', 'parameter', $Ns.command)
    $W.WriteAttributeString('required', $Variant.Required.ToString().ToLowerInvariant())
    $W.WriteAttributeString('variableLength', ($Variant.Type.EndsWith('[]')).ToString().ToLowerInvariant())
    $W.WriteAttributeString('globbing', $Variant.Globbing.ToString().ToLowerInvariant())
    $W.WriteAttributeString('pipelineInput', $Variant.Pipeline)
    $W.WriteAttributeString('position', $Variant.Position)
    $W.WriteAttributeString('aliases', $(if ($Variant.Aliases) { $Variant.Aliases -join ', ' } else { 'none' }))
    $W.WriteElementString('maml', 'name', $Ns.maml, $Parameter.Name)
    Write-Description $W $Parameter.Description
    if (-not $isSwitch) {
        $W.WriteStartElement('command', 'parameterValue', $Ns.command)
        $W.WriteAttributeString('required', 'true')
        $W.WriteAttributeString('variableLength', ($Variant.Type.EndsWith('[]')).ToString().ToLowerInvariant())
        $W.WriteString($Variant.Type)
        $W.WriteEndElement()
    }
    Write-Type $W $Variant.Type
    $W.WriteElementString('dev', 'defaultValue', $Ns.dev, $Variant.Default)
    $W.WriteEndElement()
}

function Write-Command([System.Xml.XmlWriter] $W, $Help) {
    $W.WriteStartElement('command', 'command', $Ns.command)
    foreach ($prefix in 'maml', 'command', 'dev', 'MSHelp') { $W.WriteAttributeString('xmlns', $prefix, $null, $Ns[$prefix]) }

    $W.WriteStartElement('command', 'details', $Ns.command)
    $W.WriteElementString('command', 'name', $Ns.command, $Help.Name)
    $W.WriteElementString('command', 'verb', $Ns.command, $Help.Verb)
    $W.WriteElementString('command', 'noun', $Ns.command, $Help.Noun)
    Write-Description $W $Help.Synopsis
    $W.WriteEndElement()

    Write-Description $W $Help.Description

    $W.WriteStartElement('command', 'syntax', $Ns.command)
    foreach ($item in $Help.Syntax) {
        $W.WriteStartElement('command', 'syntaxItem', $Ns.command)
        $W.WriteElementString('maml', 'name', $Ns.maml, $Help.Name)
        foreach ($pname in $item.Order) {
            $p = $Help.Parameters | Where-Object Name -eq $pname
            Write-Parameter $W $p (Get-Variant $p $item.Set)
        }
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    # PARAMETERS: one entry each, with the attributes of the default set when the parameter is in it.
    $W.WriteStartElement('command', 'parameters', $Ns.command)
    $defaultSet = ($Help.Syntax | Where-Object Default | Select-Object -First 1)
    foreach ($p in $Help.Parameters) {
        $variant = if ($defaultSet) { Get-Variant $p $defaultSet.Set }
        if (-not $variant) { $variant = $p.Variants[0] }
        Write-Parameter $W $p $variant
    }
    $W.WriteEndElement()

    foreach ($kind in @(@{ List = 'inputTypes'; Item = 'inputType'; Types = $Help.Inputs }, @{ List = 'returnValues'; Item = 'returnValue'; Types = $Help.Outputs })) {
        $W.WriteStartElement('command', $kind.List, $Ns.command)
        foreach ($t in $kind.Types) {
            $W.WriteStartElement('command', $kind.Item, $Ns.command)
            Write-Type $W $t.Type
            Write-Description $W $t.Description
            $W.WriteEndElement()
        }
        $W.WriteEndElement()
    }

    $W.WriteStartElement('maml', 'alertSet', $Ns.maml)
    $W.WriteStartElement('maml', 'alert', $Ns.maml)
    Write-Paras $W $Help.Notes
    $W.WriteEndElement()
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'examples', $Ns.command)
    foreach ($e in $Help.Examples) {
        $W.WriteStartElement('command', 'example', $Ns.command)
        $W.WriteElementString('maml', 'title', $Ns.maml, "-------------------------- $($e.Title) --------------------------")
        $W.WriteElementString('dev', 'code', $Ns.dev, $e.Code)
        $W.WriteStartElement('dev', 'remarks', $Ns.dev); Write-Paras $W $e.Remarks; $W.WriteEndElement()
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'relatedLinks', $Ns.command)
    $links = @(if ($Help.Online) { [pscustomobject]@{ Text = 'Online Version:'; Uri = $Help.Online } }) + @($Help.Links)
    foreach ($link in $links) {
        $W.WriteStartElement('maml', 'navigationLink', $Ns.maml)
        $W.WriteElementString('maml', 'linkText', $Ns.maml, $link.Text)
        $W.WriteElementString('maml', 'uri', $Ns.maml, $link.Uri)
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteEndElement()
}

function Write-Maml([object[]] $Commands, [string] $Path) {
    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.IndentChars = '  '
    $settings.NewLineChars = "`n"
    $settings.NewLineHandling = [System.Xml.NewLineHandling]::None
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $stream = [System.IO.MemoryStream]::new()
    $w = [System.Xml.XmlWriter]::Create($stream, $settings)
    try {
        $w.WriteStartDocument()
        $w.WriteStartElement('helpItems', 'http://msh')
        $w.WriteAttributeString('schema', 'maml')
        foreach ($c in $Commands) { Write-Command $w $c }
        $w.WriteEndElement()
        $w.WriteEndDocument()
    }
    finally { $w.Dispose() }
    $text = [System.Text.Encoding]::UTF8.GetString($stream.ToArray()) + "`n"
    [System.IO.File]::WriteAllText($Path, $text, [System.Text.UTF8Encoding]::new($false))
}
