# The markdown half of ConvertTo-Maml.ps1, dot-sourced by it: reads a PlatyPS v1 cmdlet page (docs/en-US/<Cmdlet>.md)
# into the help model the MAML writer takes, and stops with the file and the heading of the first malformation.
# Also the markdown helpers the about_ topics use (front matter, headings, fences, paragraphs, inline markup).

$script:SectionOrder = 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS'
$script:YamlKeys = 'Type', 'Parameter Sets', 'Aliases', 'Required', 'Position', 'Default value', 'Accept pipeline input', 'Accept wildcard characters'
$script:CommonParameterNote = 'CommonParameters'

function Stop-Markdown([string] $File, [string] $Heading, [string] $Message) {
    throw [System.FormatException]::new("$([System.IO.Path]::GetFileName($File)): under '$Heading': $Message")
}

# ---------------------------------------------------------------- markdown reading

function Read-MarkdownFile([string] $Path) {
    $text = [System.IO.File]::ReadAllText($Path).Replace("`r`n", "`n").Replace("`r", "`n")
    if ($text.Length -gt 0 -and $text[0] -eq [char]0xFEFF) { $text = $text.Substring(1) }
    , ($text -split "`n")
}

function Split-FrontMatter([string] $File, [string[]] $Lines) {
    # Returns @{ Meta = ordered dictionary; Body = lines after the closing ---; Offset = line index of the body }
    if ($Lines.Count -eq 0 -or $Lines[0].Trim() -ne '---') { Stop-Markdown $File '(front matter)' "the file must start with a '---' YAML front matter line." }
    $end = -1
    for ($i = 1; $i -lt $Lines.Count; $i++) { if ($Lines[$i].Trim() -eq '---') { $end = $i; break } }
    if ($end -lt 0) { Stop-Markdown $File '(front matter)' "the front matter has no closing '---'." }
    $meta = [ordered]@{}
    for ($i = 1; $i -lt $end; $i++) {
        if ($Lines[$i].Trim() -eq '') { continue }
        if ($Lines[$i] -notmatch '^\s*([^:]+?)\s*:\s*(.*?)\s*$') { Stop-Markdown $File '(front matter)' "line $($i + 1) is not 'key: value': '$($Lines[$i])'." }
        $meta[$Matches[1]] = $Matches[2]
    }
    @{ Meta = $meta; Body = @($Lines | Select-Object -Skip ($end + 1)) }
}

function Split-Headings([string[]] $Lines, [int] $Level) {
    # Splits lines into blocks at headings of exactly $Level '#' (ignoring lines inside ``` fences).
    # Returns the text before the first heading as a block with Title $null.
    $prefix = ('#' * $Level) + ' '
    $blocks = [System.Collections.Generic.List[object]]::new()
    $current = [pscustomobject]@{ Title = $null; Lines = [System.Collections.Generic.List[string]]::new() }
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') { $inFence = -not $inFence }
        if (-not $inFence -and $line.StartsWith($prefix)) {
            $blocks.Add($current)
            $current = [pscustomobject]@{ Title = $line.Substring($prefix.Length).Trim(); Lines = [System.Collections.Generic.List[string]]::new() }
            continue
        }
        $current.Lines.Add($line)
    }
    $blocks.Add($current)
    , $blocks.ToArray()
}

function Get-Fences([string] $File, [string] $Heading, [string[]] $Lines) {
    # Returns the fenced code blocks of $Lines as @{ Lang; Text; Start; End } (line indexes), in order.
    $fences = [System.Collections.Generic.List[object]]::new()
    $open = -1; $lang = ''
    for ($i = 0; $i -lt $Lines.Count; $i++) {
        if ($Lines[$i] -match '^\s*```\s*([\w-]*)\s*$') {
            if ($open -lt 0) { $open = $i; $lang = $Matches[1] }
            else {
                $body = if ($i -gt $open + 1) { $Lines[($open + 1)..($i - 1)] -join "`n" } else { '' }
                $fences.Add([pscustomobject]@{ Lang = $lang; Text = $body; Start = $open; End = $i })
                $open = -1
            }
        }
    }
    if ($open -ge 0) { Stop-Markdown $File $Heading "a ``````$lang code block (line $($open + 1) of the section) is never closed." }
    , $fences.ToArray()
}

function ConvertTo-Paragraphs([string[]] $Lines) {
    # Markdown text to paragraphs: blank lines separate; list items each become a paragraph; line breaks join.
    $paras = [System.Collections.Generic.List[string]]::new()
    $current = [System.Collections.Generic.List[string]]::new()
    $flush = { if ($current.Count) { $paras.Add(($current -join ' ')); $current.Clear() } }
    $inFence = $false
    foreach ($raw in $Lines) {
        $line = $raw.TrimEnd()
        if ($line -match '^\s*```') {
            & $flush
            $inFence = -not $inFence
            continue
        }
        if ($inFence) { $paras.Add($line); continue }
        # HTML comments (the generated catalog list's markers) are for editors, not readers.
        if ($line -match '^\s*<!--.*-->\s*$') { continue }
        if ($line.Trim() -eq '') { & $flush; continue }
        if ($line -match '^\s*([-*]|\d+\.)\s+') { & $flush }
        $current.Add($line.Trim())
    }
    & $flush
    , $paras.ToArray()
}

function ConvertFrom-InlineMarkdown([string] $Text) {
    # Links become 'text (uri)' or 'text'; emphasis markers go; `code` keeps its backticks out.
    $Text = [regex]::Replace($Text, '\[([^\]]+)\]\(\s*\)', '$1')
    $Text = [regex]::Replace($Text, '\[([^\]]+)\]\(([^)\s]+\.md)\)', '$1')
    $Text = [regex]::Replace($Text, '\[([^\]]+)\]\((https?://[^)\s]+)\)', '$1 ($2)')
    $Text = [regex]::Replace($Text, '(\*\*|__)(.+?)\1', '$2')
    $Text = [regex]::Replace($Text, '`([^`]+)`', '$1')
    $Text.Replace('\<', '<').Replace('\>', '>').Replace('\_', '_').Replace('\*', '*')
}

function Get-Text([string[]] $Lines) {
    # Non-blank lines outside fences, as paragraphs.
    @(ConvertTo-Paragraphs $Lines | ForEach-Object { ConvertFrom-InlineMarkdown $_ })
}

# ---------------------------------------------------------------- cmdlet markdown → model

function Read-YamlBlock([string] $File, [string] $Heading, [string] $Text) {
    $values = [ordered]@{}
    foreach ($line in $Text -split "`n") {
        if ($line.Trim() -eq '') { continue }
        if ($line -notmatch '^([A-Za-z ]+):\s*(.*?)\s*$') { Stop-Markdown $File $Heading "yaml line '$line' is not 'Key: value'." }
        if ($Matches[1] -notin $script:YamlKeys) { Stop-Markdown $File $Heading "unknown yaml key '$($Matches[1])' (expected $($script:YamlKeys -join ', '))." }
        $values[$Matches[1]] = $Matches[2]
    }
    foreach ($key in $script:YamlKeys) {
        if (-not $values.Contains($key)) { Stop-Markdown $File $Heading "the yaml block lacks '$($key):'." }
    }
    foreach ($key in 'Required', 'Accept wildcard characters') {
        if ($values[$key] -notin 'True', 'False') { Stop-Markdown $File $Heading "'$($key): $($values[$key])' must be True or False." }
    }
    if ($values['Position'] -notmatch '^(Named|\d+)$') { Stop-Markdown $File $Heading "'Position: $($values['Position'])' must be Named or a number." }
    # PlatyPS itself writes both orders of the pair; normalise to one.
    if ($values['Accept pipeline input'] -eq 'True (ByPropertyName, ByValue)') { $values['Accept pipeline input'] = 'True (ByValue, ByPropertyName)' }
    if ($values['Accept pipeline input'] -notmatch '^(False|True \((ByValue|ByPropertyName|ByValue, ByPropertyName)\))$') {
        Stop-Markdown $File $Heading "'Accept pipeline input: $($values['Accept pipeline input'])' must be False, True (ByValue), True (ByPropertyName) or True (ByValue, ByPropertyName)."
    }
    if ($values['Type'] -eq '') { Stop-Markdown $File $Heading "'Type:' is empty." }
    if ($values['Parameter Sets'] -eq '') { Stop-Markdown $File $Heading "'Parameter Sets:' is empty; use (All) for every set." }
    [pscustomobject]@{
        Type      = $values['Type']
        Sets      = @($values['Parameter Sets'] -split ',' | ForEach-Object { $_.Trim() } | Where-Object { $_ })
        Aliases   = @($values['Aliases'] -split ',' | ForEach-Object { $_.Trim() } | Where-Object { $_ })
        Required  = $values['Required'] -eq 'True'
        Position  = if ($values['Position'] -eq 'Named') { 'named' } else { $values['Position'] }
        Default   = if ($values['Default value'] -eq '') { 'None' } else { $values['Default value'] }
        Pipeline  = $values['Accept pipeline input']
        Globbing  = $values['Accept wildcard characters'] -eq 'True'
    }
}

function Read-CommandMarkdown([string] $Path, [string] $ModuleName) {
    $file = $Path
    $split = Split-FrontMatter $file (Read-MarkdownFile $Path)
    foreach ($key in 'external help file', 'Module Name', 'schema') {
        if (-not $split.Meta.Contains($key)) { Stop-Markdown $file '(front matter)' "'$($key):' is missing." }
    }
    if ($split.Meta['schema'] -ne '2.0.0') { Stop-Markdown $file '(front matter)' "schema must be 2.0.0, not '$($split.Meta['schema'])'." }
    if ($split.Meta['Module Name'] -ne $ModuleName) { Stop-Markdown $file '(front matter)' "Module Name is '$($split.Meta['Module Name'])', expected '$ModuleName'." }

    $top = Split-Headings $split.Body 1
    if ($top.Count -ne 2 -or ($top[0].Lines | Where-Object { $_.Trim() })) { Stop-Markdown $file '# Name' "expected exactly one '# <Cmdlet name>' heading, after the front matter." }
    $name = $top[1].Title
    $expected = [System.IO.Path]::GetFileNameWithoutExtension($Path)
    if ($name -ne $expected) { Stop-Markdown $file "# $name" "the title must be the file's name, '$expected'." }
    if ($name -notmatch '^([A-Za-z]+)-([A-Za-z0-9]+)$') { Stop-Markdown $file "# $name" "'$name' is not a Verb-Noun cmdlet name." }
    $verb = $Matches[1]; $noun = $Matches[2]

    $sections = Split-Headings $top[1].Lines 2
    if ($sections[0].Lines | Where-Object { $_.Trim() }) { Stop-Markdown $file "# $name" "text before '## SYNOPSIS'." }
    $titles = @($sections | Select-Object -Skip 1 | ForEach-Object Title)
    if (($titles -join '|') -cne ($script:SectionOrder -join '|')) {
        $missing = @($script:SectionOrder | Where-Object { $_ -cnotin $titles })
        $extra = @($titles | Where-Object { $_ -cnotin $script:SectionOrder })
        $detail = @(if ($missing) { "missing: $($missing -join ', ')" }; if ($extra) { "unexpected: $($extra -join ', ')" }; if (-not $missing -and -not $extra) { 'wrong order' }) -join '; '
        Stop-Markdown $file "# $name" "the sections must be ## $($script:SectionOrder -join ', ## ') ($detail)."
    }
    $section = @{}
    foreach ($s in $sections | Select-Object -Skip 1) { $section[$s.Title] = [string[]]$s.Lines }

    $synopsis = Get-Text $section['SYNOPSIS']
    if (-not $synopsis) { Stop-Markdown $file '## SYNOPSIS' 'the synopsis is empty.' }
    $description = Get-Text $section['DESCRIPTION']
    if (-not $description) { Stop-Markdown $file '## DESCRIPTION' 'the description is empty.' }

    # SYNTAX: one fence per set, under '### <Set>[ (Default)]' unless there is only one set.
    $syntaxBlocks = Split-Headings $section['SYNTAX'] 3
    $syntax = [System.Collections.Generic.List[object]]::new()
    $untitled = Get-Fences $file '## SYNTAX' $syntaxBlocks[0].Lines
    if ($syntaxBlocks.Count -eq 1) {
        if ($untitled.Count -ne 1) { Stop-Markdown $file '## SYNTAX' "a single parameter set needs exactly one code block (found $($untitled.Count)); several sets need '### <SetName>' headings." }
        $syntax.Add([pscustomobject]@{ Set = '__AllParameterSets'; Default = $true; Text = $untitled[0].Text })
    }
    else {
        if ($untitled.Count) { Stop-Markdown $file '## SYNTAX' "a code block before the first '### <SetName>' heading." }
        foreach ($block in $syntaxBlocks | Select-Object -Skip 1) {
            $fences = Get-Fences $file "### $($block.Title)" $block.Lines
            if ($fences.Count -ne 1) { Stop-Markdown $file "### $($block.Title)" "each parameter set needs exactly one code block (found $($fences.Count))." }
            $setName = $block.Title -replace '\s*\(Default\)\s*$', ''
            $syntax.Add([pscustomobject]@{ Set = $setName; Default = $block.Title -match '\(Default\)\s*$'; Text = $fences[0].Text })
        }
    }
    foreach ($item in $syntax) {
        $line = ($item.Text -split "`n" | ForEach-Object Trim) -join ' '
        if (-not $line.StartsWith("$name ") -and $line -ne $name) { Stop-Markdown $file "### $($item.Set)" "the syntax must start with '$name'." }
        $item | Add-Member Order @([regex]::Matches($line, '(?<=^|[\s\[])-([A-Za-z][\w]*)') | ForEach-Object { $_.Groups[1].Value })
    }

    # EXAMPLES
    $examples = [System.Collections.Generic.List[object]]::new()
    $exampleBlocks = Split-Headings $section['EXAMPLES'] 3
    foreach ($block in $exampleBlocks | Select-Object -Skip 1) {
        $heading = "### $($block.Title)"
        if ($block.Title -notmatch '^Example \d+:\s*\S') { Stop-Markdown $file $heading "example headings must read 'Example N: <title>'." }
        $fences = Get-Fences $file $heading $block.Lines
        if ($fences.Count -lt 1 -or $fences[0].Lang -ne 'powershell') { Stop-Markdown $file $heading 'an example needs a ```powershell code block.' }
        $code = @($fences | ForEach-Object Text) -join "`n`n"
        $after = @($block.Lines | Select-Object -Skip ($fences[-1].End + 1))
        $before = @($block.Lines | Select-Object -First $fences[0].Start)
        $remarks = @(Get-Text $before) + @(Get-Text $after)
        if (-not $code.Trim()) { Stop-Markdown $file $heading 'the example code is empty.' }
        if (-not $remarks) { Stop-Markdown $file $heading 'the example needs a description paragraph after its code.' }
        $examples.Add([pscustomobject]@{ Title = $block.Title; Code = $code; Remarks = $remarks })
    }
    if ($examples.Count -eq 0) { Stop-Markdown $file '## EXAMPLES' "no '### Example N: <title>' sections." }

    # PARAMETERS
    $parameters = [System.Collections.Generic.List[object]]::new()
    $sawCommon = $false
    foreach ($block in (Split-Headings $section['PARAMETERS'] 3) | Select-Object -Skip 1) {
        $heading = "### $($block.Title)"
        if ($block.Title -eq $script:CommonParameterNote) { $sawCommon = $true; continue }
        if ($block.Title -notmatch '^-([A-Za-z][\w]*)$') { Stop-Markdown $file $heading "parameter headings must read '### -Name' (or '### CommonParameters')." }
        $pname = $Matches[1]
        $fences = Get-Fences $file $heading $block.Lines
        $yaml = @($fences | Where-Object Lang -eq 'yaml')
        if (-not $yaml) { Stop-Markdown $file $heading 'the parameter needs a ```yaml block.' }
        $text = Get-Text @($block.Lines | Select-Object -First $fences[0].Start)
        if (-not $text) { Stop-Markdown $file $heading 'the parameter needs a description before its yaml block.' }
        $variants = @($yaml | ForEach-Object { Read-YamlBlock $file $heading $_.Text })
        if (@($variants.Type | Select-Object -Unique).Count -gt 1) { Stop-Markdown $file $heading 'the yaml blocks disagree on Type.' }
        $parameters.Add([pscustomobject]@{ Name = $pname; Description = $text; Variants = $variants })
    }
    $dupes = $parameters | Group-Object Name | Where-Object Count -gt 1
    if ($dupes) { Stop-Markdown $file '## PARAMETERS' "documented twice: -$(($dupes.Name) -join ', -')." }

    # Each syntax block must list exactly the parameters documented for its set.
    $setNames = @($syntax.Set)
    foreach ($p in $parameters) {
        foreach ($v in $p.Variants) {
            foreach ($s in $v.Sets) {
                if ($s -ne '(All)' -and $s -notin $setNames) { Stop-Markdown $file "### -$($p.Name)" "parameter set '$s' has no block under ## SYNTAX (sets: $($setNames -join ', '))." }
            }
        }
    }
    foreach ($item in $syntax) {
        $members = @($parameters | Where-Object { Get-Variant $_ $item.Set } | ForEach-Object Name)
        $listed = @($item.Order)
        $notListed = @($members | Where-Object { $_ -notin $listed })
        $notDocumented = @($listed | Where-Object { $_ -notin $members })
        if ($notListed -or $notDocumented) {
            Stop-Markdown $file "### $($item.Set)" ("the syntax and ## PARAMETERS disagree: " + (@(
                        if ($notListed) { "documented for this set but not in the syntax: -$($notListed -join ', -')" }
                        if ($notDocumented) { "in the syntax but not documented for this set: -$($notDocumented -join ', -')" }) -join '; '))
        }
    }

    [pscustomobject]@{
        Name        = $name
        Verb        = $verb
        Noun        = $noun
        Online      = if ($split.Meta.Contains('online version')) { $split.Meta['online version'] } else { '' }
        Synopsis    = $synopsis
        Description = $description
        Syntax      = $syntax.ToArray()
        Parameters  = $parameters.ToArray()
        Examples    = $examples.ToArray()
        Inputs      = Read-TypeList $file 'INPUTS' $section['INPUTS']
        Outputs     = Read-TypeList $file 'OUTPUTS' $section['OUTPUTS']
        Notes       = Get-Text $section['NOTES']
        Links       = Read-Links $file $section['RELATED LINKS']
        CommonNote  = $sawCommon
    }
}

function Get-Variant($Parameter, [string] $Set) {
    # The yaml variant of a parameter that applies to a set, or $null when the parameter is not in that set.
    foreach ($v in $Parameter.Variants) { if ($Set -in $v.Sets) { return $v } }
    foreach ($v in $Parameter.Variants) { if ('(All)' -in $v.Sets) { return $v } }
    $null
}

function Read-TypeList([string] $File, [string] $Section, [string[]] $Lines) {
    $blocks = Split-Headings $Lines 3
    if ($blocks[0].Lines | Where-Object { $_.Trim() }) { Stop-Markdown $File "## $Section" "text before the first '### <TypeName>' heading." }
    if ($blocks.Count -lt 2) { Stop-Markdown $File "## $Section" "list at least one '### <TypeName>' (or '### None')." }
    @($blocks | Select-Object -Skip 1 | ForEach-Object { [pscustomobject]@{ Type = $_.Title; Description = Get-Text $_.Lines } })
}

function Read-Links([string] $File, [string[]] $Lines) {
    $links = foreach ($line in $Lines) {
        if ($line.Trim() -eq '') { continue }
        if ($line.Trim() -notmatch '^\[([^\]]+)\]\(([^)]*)\)$') { Stop-Markdown $File '## RELATED LINKS' "'$($line.Trim())' is not a '[text](uri)' link." }
        $uri = $Matches[2].Trim()
        [pscustomobject]@{ Text = $Matches[1]; Uri = if ($uri -match '^https?://') { $uri } else { '' } }
    }
    @($links)
}
