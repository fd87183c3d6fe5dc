# The cases of Contract.Tests.ps1, derived from the exported cmdlets by reflection (dot-sourced at discovery and run time).
# Sample values for mandatory parameters, by name: valid on their own, so that the parameter under test is what fails.
# URLs for media: classified without any request.
$script:ContractSamples = @{
    Id                   = '00000000-0000-4000-8000-00000000c0de'
    RouterId             = '00000000-0000-4000-8000-00000000c0de'
    Prompt               = 'a red fox in fresh snow'
    Text                 = 'Hello from the contract tests.'
    Name                 = 'contract'
    Personality          = 'Calm and friendly.'
    Content              = 'Open 9-5, Monday to Friday.'
    Language             = 'es'
    TargetLanguage       = 'es'
    Slug                 = 'contract-router'
    Router               = 'contract-router'
    Type                 = 'speech'
    Voice                = 'Maya'
    Avatar               = 'game-character'
    TargetFrameRate      = '60'
    Vault                = 'contract-vault'
    ByApiKey             = $true
    Summary              = $true
    EventId              = 'ae_contract'
    Image                = 'https://example.com/contract.png'
    Character            = 'https://example.com/contract.png'
    CharacterImage       = 'https://example.com/contract.png'
    ReferenceImage       = 'https://example.com/contract.png'
    OriginalProductImage = 'https://example.com/contract.png'
    ProductImage         = @('https://example.com/contract.png')
    NewProductImage      = @('https://example.com/contract.png')
    Video                = 'https://example.com/contract.mp4'
    Reference            = 'https://example.com/contract.mp4'
    ReferenceVideo       = 'https://example.com/contract.mp4'
    Audio                = 'https://example.com/contract.wav'
    Path                 = 'contract-missing-file.txt'   # binds to string (Export-RunwayContactSheet) and string[] alike
    LiteralPath          = @('contract-missing-file.txt')
    Uri                  = @('https://example.com/contract.png')
}

# What cannot be an id: a path step, a path, white space.
$script:ContractBadIds = @('..', 'a/b', ' ')

function Import-ContractModule {
    if (Get-Module Runway) { return }
    $manifest = $env:RUNWAY_TEST_MODULE
    if (-not $manifest) {
        $manifest = (Get-ChildItem (Join-Path (Split-Path $PSScriptRoot -Parent) 'out/Runway') -Filter Runway.psd1 -Recurse |
            Sort-Object { $_.Directory.Name -as [version] } -Descending | Select-Object -First 1).FullName
    }
    Import-Module $manifest -Force
}

function Get-ContractArguments([System.Management.Automation.CommandInfo] $Command, [System.Management.Automation.CommandParameterSetInfo] $Set, [string[]] $Except) {
    # The set's mandatory parameters, from the samples; a missing sample is a failure of its own, named.
    $arguments = @{}
    foreach ($p in $Set.Parameters | Where-Object { $_.IsMandatory -and $_.Name -notin $Except }) {
        if (-not $script:ContractSamples.ContainsKey($p.Name)) { throw "Contract.Tests: no sample value for -$($p.Name) of $($Command.Name) ($($Set.Name)); add one to `$ContractSamples in tests/ContractCases.ps1." }
        $sample = $script:ContractSamples[$p.Name]
        # A list sample for a parameter that takes one value: its first item.
        if (-not $p.ParameterType.IsArray -and $sample -is [array]) { $sample = $sample[0] }
        $arguments[$p.Name] = $sample
    }
    $arguments
}

function Get-ContractFullArguments([System.Management.Automation.CommandInfo] $Command, [System.Management.Automation.CommandParameterSetInfo] $Set) {
    # The mandatory parameters, plus every other parameter of the set that has a sample (a create that needs, say, a voice
    # to be complete), so that a paid create reaches its price check and its POST.
    $arguments = Get-ContractArguments $Command $Set @()
    foreach ($p in $Set.Parameters | Where-Object { -not $_.IsMandatory -and $script:ContractSamples.ContainsKey($_.Name) -and $_.Name -ne 'Id' }) {
        $sample = $script:ContractSamples[$p.Name]
        if (-not $p.ParameterType.IsArray -and $sample -is [array]) { $sample = $sample[0] }
        $converted = $null
        if ([System.Management.Automation.LanguagePrimitives]::TryConvertTo($sample, $p.ParameterType, [ref] $converted)) { $arguments[$p.Name] = $sample }
    }
    $arguments
}

function Test-IdParameter([System.Management.Automation.ParameterMetadata] $Parameter) {
    $Parameter.ParameterType -in [string], [string[]] -and
        ($Parameter.Name -eq 'Id' -or $Parameter.Name -clike '*Id' -or @($Parameter.Aliases | Where-Object { $_ -clike '*Id' }).Count -gt 0)
}

# PowerShell's own parameters, which the module does not declare.
$script:ContractCommonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters

function Test-IntegerParameter([System.Management.Automation.ParameterMetadata] $Parameter) {
    $type = $Parameter.ParameterType
    if ($type.IsArray) { $type = $type.GetElementType() }
    $inner = [Nullable]::GetUnderlyingType($type)
    if ($inner) { $type = $inner }
    $Parameter.Name -notin $script:ContractCommonParameters -and $type -in [int], [long], [short], [byte], [uint32], [uint64]
}

function Test-FreeTextParameter([System.Management.Automation.ParameterMetadata] $Parameter) {
    # A string the user writes freely: not an id (its own rule), not a fixed set of values.
    $Parameter.ParameterType -in [string], [string[]] -and $Parameter.Name -notin $script:ContractCommonParameters -and -not (Test-IdParameter $Parameter) -and
        -not ($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] -or $_ -is [System.Management.Automation.ValidatePatternAttribute] })
}

function Select-ContractSet([System.Management.Automation.CommandInfo] $Command, [string] $Parameter) {
    # A set with the parameter whose other mandatory parameters all have samples (else the first, which then fails loudly).
    $sets = @($Command.ParameterSets | Where-Object { $_.Parameters.Name -contains $Parameter })
    $ready = $sets | Where-Object { -not ($_.Parameters | Where-Object { $_.IsMandatory -and $_.Name -ne $Parameter -and -not $script:ContractSamples.ContainsKey($_.Name) }) } | Select-Object -First 1
    if ($ready) { $ready } else { $sets[0] }
}

function Get-ContractCost([System.Management.Automation.CommandInfo] $Command) {
    # What a create declares about its cost: 'Paid', 'Free', or $null when it declares nothing.
    $type = $Command.ImplementingType
    $paid = $type.GetCustomAttributes([Runway.Shell.PaidCreateAttribute], $true).Count -gt 0
    $free = $type.GetCustomAttributes([Runway.Shell.FreeCreateAttribute], $true).Count -gt 0
    if ($paid -and $free) { 'Both' } elseif ($paid) { 'Paid' } elseif ($free) { 'Free' } else { $null }
}

function Get-ContractCases {
    Import-ContractModule
    $commands = Get-Command -Module Runway -CommandType Cmdlet | Sort-Object Name
    $cases = @{ All = @(); Destructive = @(); Ids = @(); Lists = @(); Wildcards = @(); NameFilters = @(); Pipeline = @(Get-ContractPipelineCases); Completion = @()
        Exports = @(Get-ContractOutputTypes | ForEach-Object { @{ Type = $_.FullName; Name = $_.Name } })
        Creates = @(); Paid = @(); Free = @(); Integers = @(); BlankTexts = @() }
    # The cmdlets that take pipeline input and do not read piped records themselves (a GenerationCmdlet binds a hashtable by key).
    $cases.Records = @($cases.Pipeline | Where-Object { -not (Get-Command $_.Command).ImplementingType.IsSubclassOf([Runway.Shell.GenerationCmdlet]) })
    foreach ($command in $commands) {
        $cases.All += @{ Name = $command.Name }
        $cost = Get-ContractCost $command
        if ($command.Verb -in 'New', 'Invoke') { $cases.Creates += @{ Name = $command.Name; Cost = $cost } }
        if ($cost -in 'Paid', 'Free') {
            foreach ($set in $command.ParameterSets | Where-Object { -not ($_.Parameters | Where-Object { $_.IsMandatory -and -not $script:ContractSamples.ContainsKey($_.Name) }) } | Select-Object -First 1) {
                $case = @{ Command = $command.Name; Set = $set.Name; Arguments = (Get-ContractArguments $command $set @()); FullArguments = (Get-ContractFullArguments $command $set);
                    # A workflow id needs a published workflow: the test finds one in the API and gives its required inputs.
                    WorkflowId = [bool]($command.Parameters['Id'].Aliases -contains 'WorkflowId') }
                if ($cost -eq 'Paid') { $cases.Paid += $case } else { $cases.Free += $case }
            }
        }

        # The module's own parameters (PowerShell's paging -First/-Skip belong to PowerShell).
        foreach ($parameter in $command.Parameters.Values | Where-Object { (Test-IntegerParameter $_) -and $command.ImplementingType.GetProperty($_.Name) }) {
            $set = Select-ContractSet $command $parameter.Name
            $cases.Integers += @{ Command = $command.Name; Parameter = $parameter.Name; IsArray = $parameter.ParameterType.IsArray; Arguments = (Get-ContractArguments $command $set @($parameter.Name)) }
        }

        if ($command.Verb -in 'New', 'Invoke', 'Set') {
            foreach ($parameter in $command.Parameters.Values | Where-Object { Test-FreeTextParameter $_ }) {
                $set = Select-ContractSet $command $parameter.Name
                $cases.BlankTexts += @{ Command = $command.Name; Parameter = $parameter.Name; IsArray = $parameter.ParameterType.IsArray; Arguments = (Get-ContractArguments $command $set @($parameter.Name)) }
            }
        }
        if ($command.Verb -in 'Remove', 'Stop', 'Clear', 'Reset') { $cases.Destructive += @{ Name = $command.Name } }

        foreach ($parameter in $command.Parameters.Values | Where-Object { Test-IdParameter $_ }) {
            # The resource an id names, from its [ResourceIdInput] (an id that takes no pipeline input names none here).
            $kinds = @($parameter.Attributes | Where-Object { $_ -is [Runway.Shell.ResourceIdInputAttribute] } | ForEach-Object { $_.From.Name })
            $cases.Completion += @{ Command = $command.Name; Parameter = $parameter.Name; Kinds = $kinds; Kind = ($kinds -join ' or ') }
            $set = $command.ParameterSets | Where-Object { $_.Parameters.Name -contains $parameter.Name } | Select-Object -First 1
            $arguments = Get-ContractArguments $command $set @($parameter.Name)
            foreach ($bad in $script:ContractBadIds) {
                $cases.Ids += @{ Command = $command.Name; Parameter = $parameter.Name; Bad = $bad; IsArray = $parameter.ParameterType.IsArray; Arguments = $arguments }
            }
        }

        foreach ($parameter in $command.Parameters.Values | Where-Object { $_.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] } }) {
            $set = $command.ParameterSets | Where-Object { $_.Parameters.Name -contains $parameter.Name } | Select-Object -First 1
            $case = @{ Command = $command.Name; Parameter = $parameter.Name; IsArray = $parameter.ParameterType.IsArray; Arguments = (Get-ContractArguments $command $set @($parameter.Name)) }
            $cases.Wildcards += $case
            if ($command.Verb -eq 'Get' -and $parameter.Name -eq 'Name') { $cases.NameFilters += $case }
        }

        if ($command.Verb -eq 'Get') {
            foreach ($set in $command.ParameterSets | Where-Object { -not ($_.Parameters | Where-Object { $_.IsMandatory -and $_.ParameterType -ne [switch] }) }) {
                foreach ($status in 401, 503) {
                    $cases.Lists += @{ Command = $command.Name; Set = $set.Name; Status = $status; Arguments = (Get-ContractArguments $command $set @()) }
                }
            }
        }
    }
    $cases
}

function Get-ContractOutputTypes {
    # Every type of the module an exported cmdlet declares as its output ([OutputType]), by reflection.
    Import-ContractModule
    $assembly = [Runway.Shell.RunwayCmdlet].Assembly
    Get-Command -Module Runway -CommandType Cmdlet | ForEach-Object { $_.OutputType.Type } |
        Where-Object { $_ -and $_.Assembly -eq $assembly } | Sort-Object FullName -Unique
}

function New-ContractSample([type] $Type, [int] $Depth = 0) {
    # One instance of a type with every settable member filled: text says "<Type>.<Property>" (so that a binding shows
    # where its value came from), lists hold one item, dictionaries one entry, nested objects are filled in turn.
    if ($Type -eq [string]) { return 'text' }
    if ($Type.IsEnum) { return [Enum]::GetValues($Type)[-1] }
    if ($Type.IsValueType) { return [Activator]::CreateInstance($Type) }
    $ctor = $Type.GetConstructor([type]::EmptyTypes)
    $object = if ($ctor) { $ctor.Invoke(@()) } else { try { [System.Runtime.CompilerServices.RuntimeHelpers]::GetUninitializedObject($Type) } catch { return $null } }
    foreach ($property in $Type.GetProperties([Reflection.BindingFlags]'Public,Instance') | Where-Object { $_.CanWrite -and $_.SetMethod.IsPublic -and $_.GetIndexParameters().Count -eq 0 }) {
        $t = $property.PropertyType
        $nullable = [Nullable]::GetUnderlyingType($t)
        $value = if ($t -eq [string]) { "$($Type.Name).$($property.Name)" }
        elseif ($nullable) { if ($nullable.IsEnum) { [Enum]::GetValues($nullable)[-1] } elseif ($nullable -eq [DateTimeOffset]) { [DateTimeOffset]::Now } else { [Convert]::ChangeType(1, $nullable) } }
        elseif ($t -eq [DateTimeOffset]) { [DateTimeOffset]::Now }
        elseif ($t.IsEnum) { [Enum]::GetValues($t)[-1] }
        elseif ($t.IsArray) {
            $array = [Array]::CreateInstance($t.GetElementType(), 1)
            if ($Depth -lt 3) { $array[0] = New-ContractSample $t.GetElementType() ($Depth + 1) }
            if ($t.GetElementType() -eq [string]) { $array[0] = "$($Type.Name).$($property.Name)" }
            , $array
        }
        elseif ($t.IsGenericType -and $t.GetGenericTypeDefinition().Name -like '*Dictionary*') {
            $d = [Activator]::CreateInstance(([System.Collections.Generic.Dictionary`2].MakeGenericType($t.GetGenericArguments())))
            $d.Add('key', (New-ContractSample $t.GetGenericArguments()[1] ($Depth + 1)))
            $d
        }
        elseif ($t.IsGenericType -and $t.GetGenericTypeDefinition().Name -like '*List*') {
            $l = [Activator]::CreateInstance(([System.Collections.Generic.List`1].MakeGenericType($t.GetGenericArguments())))
            if ($Depth -lt 3) { $l.Add((New-ContractSample $t.GetGenericArguments()[0] ($Depth + 1))) }
            , $l
        }
        elseif ($t -eq [object]) { "$($Type.Name).$($property.Name)" }
        elseif ($t.IsClass -and $t.Assembly -eq $Type.Assembly -and $Depth -lt 3) { New-ContractSample $t ($Depth + 1) }
        elseif ($t.IsValueType) { [Activator]::CreateInstance($t) }
        else { $null }
        try { $property.SetValue($object, $value) } catch { }
    }
    $object
}

function Get-ContractExportProblems($Sample) {
    # What an export of a public output type shows that a user cannot read: a .NET type name in a CSV cell, an enum as a
    # number in JSON (found by walking the sample's enum-typed properties, nested objects and lists included).
    $typeName = '^System\.|\[\]$|`\d|^Runway\.'
    $row = @($Sample | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv)[0]
    foreach ($cell in $row.PSObject.Properties) {
        if ("$($cell.Value)" -match $typeName) { "CSV $($cell.Name) = '$($cell.Value)'" }
    }
    $json = $Sample | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue | ConvertFrom-Json
    Get-ContractEnumNumbers $Sample $json $Sample.GetType().Name 0
}

function Get-ContractEnumNumbers($Object, $Json, [string] $Path, [int] $Depth) {
    if ($null -eq $Object -or $null -eq $Json -or $Depth -gt 3) { return }
    foreach ($property in $Object.GetType().GetProperties([Reflection.BindingFlags]'Public,Instance') | Where-Object { $_.GetIndexParameters().Count -eq 0 }) {
        $jsonProperty = $Json.PSObject.Properties[$property.Name]
        if (-not $jsonProperty) { continue }
        $t = $property.PropertyType
        $underlying = [Nullable]::GetUnderlyingType($t)
        if ($underlying) { $t = $underlying }
        $value = $jsonProperty.Value
        if ($t.IsEnum) {
            if ($null -ne $value -and $value -isnot [string]) { "JSON $Path.$($property.Name) = $value (an enum as a number)" }
            continue
        }
        $element = if ($t.IsArray) { $t.GetElementType() } elseif ($t.IsGenericType -and $t.GetGenericTypeDefinition().Name -like '*List*') { $t.GetGenericArguments()[0] } elseif ($t.IsClass -and $t.Assembly -eq $Object.GetType().Assembly) { $t } else { $null }
        if (-not $element) { continue }
        $items = @(try { $property.GetValue($Object) } catch { })
        $jsonItems = @($value)
        for ($i = 0; $i -lt [Math]::Min($items.Count, $jsonItems.Count); $i++) {
            if ($element.IsEnum) { if ($jsonItems[$i] -isnot [string]) { "JSON $Path.$($property.Name)[$i] = $($jsonItems[$i]) (an enum as a number)" } }
            elseif ($element.Assembly -eq $Object.GetType().Assembly -and $jsonItems[$i] -isnot [string]) { Get-ContractEnumNumbers $items[$i] $jsonItems[$i] "$Path.$($property.Name)" ($Depth + 1) }
        }
    }
}

function Get-ContractPipelineSamples {
    # An instance of every public output type, plus the two untyped records a user makes.
    $samples = [ordered]@{}
    foreach ($type in Get-ContractOutputTypes) { $samples[$type.Name] = New-ContractSample $type }
    $samples['Hashtable'] = @{ Id = 'Hashtable.Id'; Name = 'Hashtable.Name'; Prompt = 'Hashtable.Prompt' }
    $samples['PSCustomObject'] = [pscustomobject]@{ Id = 'PSCustomObject.Id'; Name = 'PSCustomObject.Name'; Prompt = 'PSCustomObject.Prompt' }
    $samples
}

function Get-PipelineBinding([System.Management.Automation.CommandInfo] $Command, [hashtable] $Arguments, $InputObject) {
    # What PowerShell bound from one piped object, read from its own ParameterBinding trace (@{ Parameter; Value }), and
    # the errors the command wrote for it.
    $file = [IO.Path]::GetTempFileName()
    $errors = @()
    try {
        $Arguments = $Arguments.Clone()
        # -WhatIf where the command has it (nothing is created); the others only read, which is free.
        if ($Command.Parameters.ContainsKey('WhatIf')) { $Arguments.WhatIf = $true }
        Trace-Command -Name ParameterBinding -FilePath $file -Expression {
            try { $InputObject | & $Command.Name @Arguments -ErrorAction SilentlyContinue -ErrorVariable +errors -WarningAction SilentlyContinue -InformationAction SilentlyContinue | Out-Null }
            catch { $errors += $_ }
        } | Out-Null
        $inPipeline = $false
        $bindings = foreach ($line in Get-Content $file) {
            if ($line -match 'BIND PIPELINE object to parameters') { $inPipeline = $true; continue }
            if ($line -match 'CALLING (BeginProcessing|EndProcessing)') { $inPipeline = $false; continue }
            if ($inPipeline -and $line -match 'BIND arg \[(.*)\] to param \[(\w+)\] SUCCESSFUL') { @{ Parameter = $Matches[2]; Value = $Matches[1] } }
        }
        [pscustomobject]@{ Bindings = @($bindings); Errors = @($errors | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_ } else { $_.ErrorRecord } }) }
    }
    finally { Remove-Item $file -ErrorAction SilentlyContinue }
}

function Test-PipelineBinding([System.Management.Automation.CommandInfo] $Command, [string] $Kind, $InputObject, $Result) {
    # The rule: a piped object either binds a parameter meant for it or is refused (a Runway.* error, or PowerShell's
    # own binding error). Meant: a media parameter ([object]) takes any object and classifies it itself; a text
    # parameter declares the module's types whose property it takes ([TextInput(From)], [ResourceIdInput(From)]); an
    # untyped record binds by property name, never whole as "@{...}"; a hashtable never binds a text parameter.
    # Returns what broke the rule (nothing when it held).
    # Refused: the pipeline rule's own error or PowerShell's binding error (an API error after a wrong binding is not a refusal).
    $refused = @($Result.Errors | Where-Object { $_.FullyQualifiedErrorId -like 'Runway.InvalidPipelineValue*' -or ($_.Exception -is [System.Management.Automation.ParameterBindingException] -and $_.FullyQualifiedErrorId -notlike 'NamedParameterNotFound*') })
    if ($refused.Count -gt 0) { return }
    $bare = if ($InputObject -is [psobject]) { $InputObject.psobject.BaseObject } else { $InputObject }
    foreach ($binding in $Result.Bindings) {
        $parameter = $Command.Parameters[$binding.Parameter]
        if (-not $parameter) { continue }
        $type = $parameter.ParameterType
        if ($type -in [object], [object[]], [psobject], [psobject[]] -or $type.IsAssignableFrom($bare.GetType()) -or ($type.IsArray -and $type.GetElementType().IsAssignableFrom($bare.GetType()))) { continue }
        if ($type -eq [switch]) { continue }
        $declared = @($parameter.Attributes | Where-Object { $_ -is [Runway.Shell.TextInputAttribute] } | ForEach-Object { $_.From })
        # A generation cmdlet binds a piped hashtable by key itself (RecordBinding; Hardening.Tests); the whole hashtable is only its carrier.
        if ($Kind -eq 'Hashtable' -and $Command.ImplementingType.IsSubclassOf([Runway.Shell.GenerationCmdlet])) { continue }
        if ($Kind -eq 'Hashtable') { "$($Command.Name) -$($binding.Parameter) took a hashtable as '$($binding.Value)'"; continue }
        if ($Kind -eq 'PSCustomObject') { if ($binding.Value -like '@{*') { "$($Command.Name) -$($binding.Parameter) took a whole custom object as '$($binding.Value)'" }; continue }
        if ($declared | Where-Object { $_.IsInstanceOfType($bare) }) { continue }
        # A task piped into a generation is its input; what made it (Model, Prompt) counts only when typed (GenerationCmdlet).
        if ($bare -is [Runway.Api.RunwayTask] -and $Command.ImplementingType.IsSubclassOf([Runway.Shell.GenerationCmdlet])) { continue }
        "$($Command.Name) -$($binding.Parameter) took '$($binding.Value)' from a $Kind, not meant for it"
    }
}

function Get-ContractPipelineCases {
    # Every exported cmdlet that takes pipeline input, with the mandatory parameters of its default set that the
    # pipeline cannot give (so that the piped object is what binds).
    Import-ContractModule
    foreach ($command in Get-Command -Module Runway -CommandType Cmdlet | Sort-Object Name) {
        $piped = @($command.Parameters.Values | Where-Object { $_.Attributes | Where-Object { $_ -is [Parameter] -and ($_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName) } })
        if ($piped.Count -eq 0) { continue }
        $set = $command.ParameterSets | Where-Object { $_.IsDefault } | Select-Object -First 1
        if (-not $set -or -not ($set.Parameters | Where-Object { $_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName })) {
            $set = $command.ParameterSets | Where-Object { $_.Parameters | Where-Object { $_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName } } | Select-Object -First 1
        }
        $except = @($set.Parameters | Where-Object { $_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName } | ForEach-Object Name)
        @{ Command = $command.Name; Set = $set.Name; Arguments = (Get-ContractArguments $command $set $except) }
    }
}

function Get-ContractExistingIds {
    # The ids of the resources the simulator holds, by type name: read with every exported Get-* cmdlet that lists a
    # type (a parameter set with nothing mandatory), plus what the caller made (types the API cannot list).
    param([hashtable] $Made = @{})
    $ids = @{}
    foreach ($name in $Made.Keys) { $ids[$name] = @($Made[$name]) }
    foreach ($command in Get-Command -Module Runway -CommandType Cmdlet | Where-Object Verb -eq Get) {
        $list = $command.ParameterSets | Where-Object { -not ($_.Parameters | Where-Object { $_.IsMandatory }) } | Select-Object -First 1
        if (-not $list) { continue }
        $items = try { @(& $command.Name -ErrorAction SilentlyContinue | Select-Object -First 5) } catch { @() }
        foreach ($item in $items) {
            if ($null -eq $item -or -not $item.PSObject.Properties['Id'] -or -not $item.Id) { continue }
            $type = $item.GetType().Name
            $ids[$type] = @($ids[$type]) + $item.Id | Where-Object { $_ } | Select-Object -Unique
        }
    }
    $ids
}

function Get-ContractIdKinds {
    # Every resource type an id parameter names ([ResourceIdInput] From), across the exported cmdlets.
    Import-ContractModule
    @(Get-Command -Module Runway -CommandType Cmdlet | ForEach-Object { $_.Parameters.Values } |
        ForEach-Object { $_.Attributes } | Where-Object { $_ -is [Runway.Shell.ResourceIdInputAttribute] } |
        ForEach-Object { $_.From.Name }) | Select-Object -Unique
}
