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
    $cases = @{ All = @(); Destructive = @(); Ids = @(); Lists = @(); Wildcards = @(); NameFilters = @(); Creates = @(); Paid = @(); Free = @(); Integers = @(); BlankTexts = @() }
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
