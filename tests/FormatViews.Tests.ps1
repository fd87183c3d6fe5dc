# Every table view the module ships fits a 120-column console: a sample object with realistic longest values
# (the catalog's longest model name, a GUID id, the longest status of its kind, dates, large numbers) renders
# without a cut value ('…'), without a line over 120 characters and with every header on one line.
# The cases come from the built module's format files, so a view added later is covered without editing this file.

BeforeDiscovery {
    $manifest = if ($env:RUNWAY_TEST_MODULE) { $env:RUNWAY_TEST_MODULE } else {
        Get-ChildItem (Join-Path (Split-Path $PSScriptRoot -Parent) 'out/Runway') -Filter Runway.psd1 -Recurse |
            Sort-Object { $_.Directory.Name -as [version] } -Descending | Select-Object -First 1 -ExpandProperty FullName
    }
    $base = Split-Path $manifest -Parent
    # Every format file shipped beside the module (the first command of a session loads them: Shell/SessionViews.cs).
    $script:ViewCases = foreach ($file in (Get-ChildItem $base -Filter *.Format.ps1xml).Name) {
        $xml = [xml](Get-Content (Join-Path $base $file) -Raw)
        foreach ($view in $xml.Configuration.ViewDefinitions.View) {
            if (-not $view.TableControl) { continue }
            @{
                File   = $file
                View   = $view.Name
                Type   = [string]$view.ViewSelectedBy.TypeName
                Labels = @($view.TableControl.TableHeaders.TableColumnHeader | ForEach-Object { [string]$_.Label })
                # Model names are the longest fixed values the views show: where a column holds one, it shows whole.
                # A last column without a width takes the rest of the line: free text there (a failure message, a URL)
                # may end in '…'; every other column must show its value whole.
                LastIsRest = -not [string]@($view.TableControl.TableHeaders.TableColumnHeader)[-1].Width
                ShowsModel = [bool]($view.TableControl.TableHeaders.TableColumnHeader.Label -eq 'Model') -or [string]$view.ViewSelectedBy.TypeName -eq 'Runway.Models.RunwayModel'
            }
        }
    }
}

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    # The first Runway command of a session loads the format views (Shell/SessionViews.cs).
    $null = Get-RunwayModel -Offline
    $script:Guid = '0f8fad5b-d9cb-469f-a165-70867728950e'
    $script:Date = [DateTimeOffset]::new(2026, 12, 31, 23, 59, 0, [TimeSpan]::Zero)
    # The longest model name any cmdlet may show: the catalog's models and the retired names it still knows.
    $names = @([Runway.Models.ModelCatalog]::Models | ForEach-Object Name) + @([Runway.Models.ModelCatalog]::Retired.Keys)
    $script:LongestModel = $names | Sort-Object Length -Descending | Select-Object -First 1
    # The longest status each kind of object can have (SDK declarations; UNCONFIRMED is the journal's own).
    $script:StatusOf = @{
        'Runway.Api.RunwayTask'               = 'UNCONFIRMED'
        'Runway.Api.RunwayAvatar'             = 'PROCESSING'
        'Runway.Api.RunwayVoice'              = 'PROCESSING'
        'Runway.Api.RunwayRealtimeSession'    = 'NOT_READY'
        'Runway.Api.RunwayAvatarConversation' = 'in_progress'
        'Runway.Api.RunwayRouterRequest'      = 'router_config_not_found'
    }
    $StatusOf['Runway.Api.RunwayWorkflowInvocation'] = 'CANCELLED'
    # The catalog's longest endpoint, field name and syntax, and the longest cmdlet name.
    $fields = @((Get-RunwayModel -Offline).Fields)
    $script:Longest = @{
        Endpoint = $fields.Endpoint | Sort-Object Length -Descending | Select-Object -First 1
        Field    = $fields.Name | Sort-Object Length -Descending | Select-Object -First 1
        Syntax   = $fields.Syntax | Sort-Object Length -Descending | Select-Object -First 1
        # The cmdlets that serve a model (what Get-RunwayModel's Cmdlet column shows).
        Cmdlet   = (Get-RunwayModel -Offline).Cmdlets | Sort-Object Length -Descending | Select-Object -First 1
        # The live voice presets an avatar may speak with.
        VoicePreset = [Runway.Models.AvatarFacts]::LiveVoicePresets | Sort-Object Length -Descending | Select-Object -First 1
    }
    # An object the views do not know falls back to the longest status of all.
    $script:LongestStatus = $StatusOf.Values | Sort-Object Length -Descending | Select-Object -First 1

    function Get-SampleValue([type] $Owner, [string] $Name, [type] $Type, [int] $Depth) {
        $inner = [Nullable]::GetUnderlyingType($Type); if ($inner) { $Type = $inner }
        if ($Type -eq [string]) {
            switch -Regex ($Name) {
                '^PresetId$' { return $Longest.VoicePreset }
                '(^|[a-z])Id$|^TaskId$' { return $Guid }
                '^Successor$' { return [Runway.Models.ModelCatalog]::Retired.Values | Sort-Object Length -Descending | Select-Object -First 1 }
                'Model$' { return $LongestModel }
                '^Name$' {
                    if ($Owner.Name -eq 'RunwayModel') { return $LongestModel }
                    if ($Owner.Name -eq 'RunwayModelField') { return $Longest.Field }
                    return 'Support agent, EN-US'
                }
                'Status$' { if ($StatusOf.ContainsKey($Owner.FullName)) { return $StatusOf[$Owner.FullName] } else { return $LongestStatus } }
                'Url$|Uri$' { return "https://dnznrvs05pmza.cloudfront.net/$Guid.mp4" }
                'Code$' { return 'INTERNAL.BAD_OUTPUT' }
                '^Endpoint$' { return $Longest.Endpoint }
                '^Syntax$' { return $Longest.Syntax }
                '^Cmdlet$' { return $Longest.Cmdlet }
                '^Type$' { return 'file' }
                # A kind is written as the name of its enum (ExportMembers: names, not numbers, in JSON): the longest name.
                '^Kind$' { return [Enum]::GetNames(($Owner.Name -eq 'RunwayModelField' ? [Runway.Models.FieldKind] : [Runway.Models.MediaKind])) | Sort-Object Length -Descending | Select-Object -First 1 }
                # Free text has no longest value: a message long enough to need the rest of the line.
                '^(Failure|FailureReason|Error|Message|Description|Content)$' { return 'An unexpected error occurred while generating the output; try again later.' }
                default { return 'sample' }
            }
        }
        # A leading comma keeps an array whole on its way out of the function.
        if ($Type -eq [string[]]) { return , [string[]]@(Get-SampleValue $Owner ($Name -replace 's$') ([string]) $Depth) }
        if ($Type.IsArray -and $Type.GetElementType().Namespace -like 'Runway*' -and $Depth -lt 2) {
            $array = [Array]::CreateInstance($Type.GetElementType(), 1)
            $array[0] = New-Sample $Type.GetElementType() ($Depth + 1)
            return , $array
        }
        if ($Type -eq [DateTimeOffset]) { return $Date }
        if ($Type -eq [DateTime]) { return $Date.UtcDateTime }
        if ($Type -eq [bool]) { return $true }
        if ($Type -eq [double] -or $Type -eq [float]) { if ($Name -match 'Progress') { return 0.42 } else { return 1234.5 } }
        if ($Type -eq [decimal]) { return [decimal]12345.67 }
        if ($Type -in [int], [long]) { return 86400 }
        if ($Type.IsEnum) { return [Enum]::GetValues($Type) | Sort-Object { "$_".Length } -Descending | Select-Object -First 1 }
        if ($Type.Namespace -like 'Runway*' -and $Type.IsClass -and -not $Type.IsArray -and $Depth -lt 2) { return New-Sample $Type ($Depth + 1) }
        return $null
    }

    function New-Sample([type] $Type, [int] $Depth = 0) {
        $sample = [Activator]::CreateInstance($Type, $true)
        foreach ($p in $Type.GetProperties([Reflection.BindingFlags]'Public, Instance')) {
            if (-not $p.CanWrite -or -not $p.GetSetMethod($true) -or $p.GetIndexParameters().Count) { continue }
            $value = Get-SampleValue $Type $p.Name $p.PropertyType $Depth
            if ($null -ne $value) { $p.SetValue($sample, $value) }
        }
        $sample
    }
}

Describe 'Table view <View> (<File>)' -ForEach $ViewCases {
    BeforeAll {
        $script:Sample = New-Sample ([type]$Type)
        $script:Text = $Sample, $Sample | Format-Table -View $View | Out-String -Width 120
        $script:Lines = @($Text -split "`r?`n" | Where-Object { $_.Trim() })
    }

    It 'renders a sample <Type>' {
        $Lines.Count | Should -BeGreaterOrEqual 4 -Because $Text
    }

    It 'cuts no value and no header at 120 columns' {
        $Lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 -Because $Text }
        $Lines[0] | Should -Not -Match '…' -Because "no header may be cut:`n$Text"
        $restAt = if ($LastIsRest) { $Lines[0].LastIndexOf($Labels[-1]) } else { -1 }
        foreach ($row in $Lines | Select-Object -Skip 2) {
            $fixed = if ($restAt -ge 0 -and $row.Length -gt $restAt) { $row.Substring(0, $restAt) } else { $row }
            $fixed | Should -Not -Match '…' -Because "only the free text of a last, width-less column may be cut at 120 columns:`n$Text"
        }
    }

    It 'shows ids and dates whole' {
        if ($Labels -match 'Id$') { $Text | Should -Match ([regex]::Escape($Guid)) -Because $Text }
        if ($Labels -match '^(Created|Updated|Expires)$') { $Text | Should -Match '\d{4}-\d\d-\d\d \d\d:\d\d' -Because $Text }
        $Lines.Count | Should -BeGreaterOrEqual 4
    }

    It 'keeps every header on one line' {
        $Lines[1] | Should -Match '^[\s-]+$' -Because "the line under the headers is the rule; a wrapped header pushes it down:`n$Text"
        foreach ($label in $Labels) { $Lines[0] | Should -Match "(^|\s)$([regex]::Escape($label))(\s|$)" -Because $Text }
    }

    if ($ShowsModel) {
        It 'shows the longest model name whole' {
            $Text | Should -Match ([regex]::Escape($LongestModel)) -Because $Text
        }
    }
}
