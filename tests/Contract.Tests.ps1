# The promises every cmdlet keeps, checked by iterating over every exported cmdlet (and parameter) by reflection, so
# that a cmdlet added later is covered without anyone remembering to list it. A cmdlet that needs a value this file
# cannot supply fails loudly ("no sample value for -X"): add the sample below, never an exception for the cmdlet.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ContractCases.ps1')
    $script:Cases = Get-ContractCases
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'ContractCases.ps1')

    function script:Invoke-Contract([hashtable] $Case, [hashtable] $Extra = @{}) {
        # Runs the case's cmdlet with its sample arguments; returns every error it wrote or threw, and its output.
        $arguments = $Case.Arguments.Clone()
        $known = (Get-Command $Case.Command).Parameters.Keys
        foreach ($k in $Extra.Keys) { if ($k -in $known) { $arguments[$k] = $Extra[$k] } }
        $errors = @()
        $output = @()
        try { $output = @(& $Case.Command @arguments -ErrorVariable +errors -ErrorAction SilentlyContinue) }
        catch { $errors += $_ }
        [pscustomobject]@{ Errors = @($errors | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_ } else { $_.ErrorRecord } }); Output = $output }
    }

    function script:Assert-RunwayError($Record, [string] $Because) {
        $Record | Should -Not -BeNullOrEmpty -Because $Because
        $Record.FullyQualifiedErrorId | Should -BeLike 'Runway.*' -Because $Because
        $Record.CategoryInfo.Category | Should -Not -Be 'NotSpecified' -Because $Because
        $Record.TargetObject | Should -Not -BeNullOrEmpty -Because $Because
    }
}

Describe 'Contract: every Remove-* and Stop-* confirms at High impact and takes -Force' {
    It '<Name> is ConfirmImpact High, supports -WhatIf/-Confirm and has -Force' -ForEach $Cases.Destructive {
        $type = (Get-Command $Name).ImplementingType
        $attribute = $type.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $true) | Select-Object -First 1
        $attribute.SupportsShouldProcess | Should -BeTrue
        $attribute.ConfirmImpact | Should -Be 'High'
        (Get-Command $Name).Parameters.Keys | Should -Contain 'Force'
    }

    It '<Name> -Force acts without asking (the API answers; a prompt would fail in this non-interactive host)' -ForEach $Cases.Destructive {
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $ConfirmPreference = 'High'
        $result = Invoke-Contract @{ Command = $Name; Arguments = @{ Id = [guid]::NewGuid().ToString() } } @{ Force = $true }
        # An id nobody has: the request reached the API (404), so no confirmation was asked.
        Get-ApiRequest | Where-Object method -in 'DELETE', 'GET', 'POST' | Should -Not -BeNullOrEmpty
        $result.Errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'Runway.*' }
    }

    It '<Name> -Force -WhatIf sends nothing' -ForEach $Cases.Destructive {
        Clear-RunwaySimulatorRequest -Url $SimUrl
        Invoke-Contract @{ Command = $Name; Arguments = @{ Id = [guid]::NewGuid().ToString() } } @{ Force = $true; WhatIf = $true } | Out-Null
        Get-ApiRequest | Should -HaveCount 0
    }
}

Describe 'Contract: every id parameter refuses what cannot be an id, before any request' {
    It '<Command> -<Parameter> "<Bad>" is a Runway.* InvalidArgument error naming it, with zero requests' -ForEach $Cases.Ids {
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $arguments = $Arguments.Clone()
        $arguments[$Parameter] = if ($IsArray) { [string[]]@($Bad) } else { $Bad }
        $result = Invoke-Contract @{ Command = $Command; Arguments = $arguments } @{ Confirm = $false }
        Get-ApiRequest | Should -HaveCount 0
        $record = $result.Errors | Select-Object -First 1
        Assert-RunwayError $record "$Command -$Parameter '$Bad' must be refused by the module"
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        "$($record.TargetObject)" | Should -Be $Bad
    }
}

Describe 'Contract: every list form reports API failures as Runway.* errors with a category and a target' {
    BeforeAll {
        Connect-Runway -ApiKey (ConvertTo-SecureString $TestKey -AsPlainText -Force) -BaseUri $SimUrl -MaxRetries 0 -SkipValidation | Out-Null
        # An unfinished task in the journal, so that Get-RunwayTask's list refreshes it from the API whatever ran before.
        $null = New-RunwayImage -Prompt 'a task the journal holds unfinished' -Model gen4_image -Confirm:$false
    }
    AfterAll {
        Clear-RunwaySimulatorFault -Url $SimUrl
        Disconnect-Runway
    }

    It '<Command> (<Set>) on HTTP <Status>' -ForEach $Cases.Lists {
        Clear-RunwaySimulatorFault -Url $SimUrl
        Clear-RunwaySimulatorRequest -Url $SimUrl
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/' -Kind status -Status $Status -Count 50 | Out-Null
        $result = Invoke-Contract @{ Command = $Command; Arguments = $Arguments }
        Clear-RunwaySimulatorFault -Url $SimUrl
        if (@(Get-ApiRequest).Count -eq 0) { Set-ItResult -Skipped -Because "$Command ($Set) reads no API"; return }
        $result.Errors | Should -Not -BeNullOrEmpty -Because "HTTP $Status must not pass silently"
        foreach ($record in $result.Errors) { Assert-RunwayError $record "$Command ($Set) on HTTP $Status" }
        if ($Status -eq 401) { $result.Errors[0].CategoryInfo.Category | Should -Be 'AuthenticationError' }
        else { $result.Errors[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable' }
    }
}

Describe 'Contract: every wildcard parameter refuses a bad pattern before anything is read' {
    It '<Command> -<Parameter> "[" is Runway.InvalidWildcard with zero requests' -ForEach $Cases.Wildcards {
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $arguments = $Arguments.Clone()
        $arguments[$Parameter] = if ($IsArray) { [string[]]@('gen4[') } else { 'gen4[' }
        $result = Invoke-Contract @{ Command = $Command; Arguments = $arguments }
        Get-ApiRequest | Should -HaveCount 0
        $record = $result.Errors | Select-Object -First 1
        Assert-RunwayError $record "$Command -$Parameter 'gen4['"
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.InvalidWildcard*'
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }
}

Describe 'Contract: a name filter given one literal name that matches nothing says so; a wildcard that matches nothing is silent' {
    It '<Command> -<Parameter> <literal>' -ForEach $Cases.NameFilters {
        $arguments = $Arguments.Clone()
        $arguments[$Parameter] = 'contract-no-such-name-0f3a'
        $result = Invoke-Contract @{ Command = $Command; Arguments = $arguments }
        $result.Output | Should -BeNullOrEmpty
        $record = $result.Errors | Select-Object -First 1
        Assert-RunwayError $record "$Command -$Parameter with a literal name that matches nothing"
        $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        "$($record.TargetObject)" | Should -Be 'contract-no-such-name-0f3a'
    }

    It '<Command> -<Parameter> <wildcard>' -ForEach $Cases.NameFilters {
        $arguments = $Arguments.Clone()
        $arguments[$Parameter] = 'contract-no-such-name-0f3a*'
        $result = Invoke-Contract @{ Command = $Command; Arguments = $arguments }
        $result.Output | Should -BeNullOrEmpty
        $result.Errors | Should -BeNullOrEmpty
    }
}

Describe 'Contract: every pipeline binding binds a property meant for it or refuses' {
    BeforeAll {
        $script:Samples = Get-ContractPipelineSamples
    }

    It '<Command>: its text parameters that take pipeline input refuse objects, and its ids name their type' -ForEach $Cases.Pipeline {
        foreach ($parameter in (Get-Command $Command).Parameters.Values) {
            $pipeline = @($parameter.Attributes | Where-Object { $_ -is [Parameter] -and ($_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName) })
            if (-not $pipeline -or $parameter.ParameterType -notin [string], [string[]]) { continue }
            $rule = @($parameter.Attributes | Where-Object { $_ -is [Runway.Shell.TextInputAttribute] })
            $rule | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) of $Command takes text from the pipeline: [TextInput] keeps objects' ToString() out and names the types meant for it"
            if ((Test-IdParameter $parameter) -and ($pipeline | Where-Object ValueFromPipeline)) { @($rule | Where-Object { $_ -is [Runway.Shell.ResourceIdInputAttribute] }) | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) of $Command is an id: [ResourceIdInput] names the objects whose id it is" }
        }
    }

    It '<Command>: one object of every output type, a hashtable and a custom object piped in (-WhatIf, nothing sent)' -ForEach $Cases.Pipeline {
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $command = Get-Command $Command
        $broken = foreach ($kind in $Samples.Keys) {
            $result = Get-PipelineBinding $command $Arguments $Samples[$kind]
            Test-PipelineBinding $command $kind $Samples[$kind] $result
        }
        $broken | Should -BeNullOrEmpty
        Get-ApiRequest | Where-Object method -ne 'GET' | Should -HaveCount 0
    }

    It 'a voice piped to New-RunwayVoicePreview, a hashtable to New-RunwayRouter and a task to New-RunwayAvatarVideo are refused, naming what was piped' {
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $voice = New-ContractSample ([Runway.Api.RunwayVoice])
        $task = New-ContractSample ([Runway.Api.RunwayTask])
        $voice | New-RunwayVoicePreview -WhatIf -ErrorAction SilentlyContinue -ErrorVariable voiceErrors | Out-Null
        @{ Slug = 'x' } | New-RunwayRouter -WhatIf -ErrorAction SilentlyContinue -ErrorVariable routerErrors | Out-Null
        $task | New-RunwayAvatarVideo -Text 'Hello there.' -WhatIf -ErrorAction SilentlyContinue -ErrorVariable avatarErrors | Out-Null
        foreach ($record in @($voiceErrors[0], $routerErrors[0], $avatarErrors[0])) {
            $record | Should -Not -BeNullOrEmpty
            ($record.Exception -is [System.Management.Automation.ParameterBindingException] -or $record.FullyQualifiedErrorId -like 'Runway.InvalidPipelineValue*') | Should -BeTrue -Because "$record"
        }
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'what is meant still binds: a router request piped to Get-RunwayRouterRequest binds its RouterId, a router its Id, a record its Id column' {
        $request = New-ContractSample ([Runway.Api.RunwayRouterRequest])
        (Get-PipelineBinding (Get-Command Get-RunwayRouterRequest) @{} $request).Bindings.Value | Should -Be 'RunwayRouterRequest.RouterId'
        $router = New-ContractSample ([Runway.Api.RunwayRouter])
        (Get-PipelineBinding (Get-Command Get-RunwayRouterRequest) @{} $router).Bindings.Value | Should -Be 'RunwayRouter.Id'
        (Get-PipelineBinding (Get-Command Get-RunwayRouterRequest) @{} ([pscustomobject]@{ Id = 'from-a-csv' })).Bindings.Value | Should -Be 'from-a-csv'
    }
}

Describe 'Contract: every cmdlet that does not read records itself refuses a piped hashtable before its own code runs' {
    # RunwayCmdlet checks each piped record before OnRecord, so no cmdlet has to remember to: a hashtable holding just an
    # id would otherwise arrive converted into whatever typed parameter takes it (a task for Wait-RunwayTask).
    It '<Command>: a hashtable holding a task id piped in is refused, nothing sent' -ForEach $Cases.Records {
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $arguments = $Arguments.Clone()
        if ((Get-Command $Command).Parameters.ContainsKey('WhatIf')) { $arguments.WhatIf = $true }
        $errors = @()
        try { $null = @(@{ Id = [guid]::NewGuid().ToString() } | & $Command @arguments -ErrorAction SilentlyContinue -ErrorVariable +errors -WarningAction SilentlyContinue -InformationAction SilentlyContinue) }
        catch { $errors += $_ }
        $records = @($errors | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_ } else { $_.ErrorRecord } })
        $refused = @($records | Where-Object { $_.FullyQualifiedErrorId -like 'Runway.InvalidPipelineValue*' -or ($_.Exception -is [System.Management.Automation.ParameterBindingException] -and $_.FullyQualifiedErrorId -notlike 'NamedParameterNotFound*') })
        $refused | Should -Not -BeNullOrEmpty -Because "what $Command wrote: $($records -join '; ')"
        Get-ApiRequest | Where-Object { $_.method -ne 'GET' -or $_.path -like '/v1/tasks/*' } | Should -HaveCount 0
    }
}

Describe 'Contract: every public output type exports as readable text (CSV) and names its enums (JSON)' {
    It '<Name>: Export-Csv shows no type names and ConvertTo-Json no enum numbers' -ForEach $Cases.Exports {
        $sample = New-ContractSample ([type] $Type)
        $sample | Should -Not -BeNullOrEmpty -Because "a sample of $Type is built by reflection"
        @(Get-ContractExportProblems $sample) | Should -BeNullOrEmpty -Because "every property a user exports is text: lists read 'a; b', enums by name"
    }
}

Describe 'Contract: every id parameter completes (Tab) with the ids of existing resources' {
    BeforeAll {
        Connect-Runway -ApiKey (ConvertTo-SecureString $TestKey -AsPlainText -Force) -BaseUri $SimUrl -SkipValidation | Out-Null
        # What the simulator holds; a kind it holds none of is made with the exported New-*/Invoke-* cmdlet that outputs
        # it, from the contract samples (an id it needs is one the simulator holds).
        $script:Existing = Get-ContractExistingIds
        foreach ($kind in Get-ContractIdKinds) {
            if ($Existing[$kind]) { continue }
            foreach ($maker in Get-Command -Module Runway -CommandType Cmdlet | Where-Object { $_.Verb -in 'New', 'Invoke' -and $_.OutputType.Type.Name -contains $kind }) {
                $set = @($maker.ParameterSets | Where-Object IsDefault) + @($maker.ParameterSets) | Select-Object -First 1
                $arguments = try { Get-ContractArguments $maker $set @() } catch { continue }
                foreach ($p in $set.Parameters | Where-Object { $_.IsMandatory -and $_.Name -eq 'Id' }) {
                    $from = @(($maker.Parameters[$p.Name].Attributes | Where-Object { $_ -is [Runway.Shell.ResourceIdInputAttribute] }).From.Name)
                    $arguments[$p.Name] = @($from | ForEach-Object { $Existing[$_] } | Where-Object { $_ })[0]
                }
                foreach ($name in 'Slug', 'Name') { if ($arguments.ContainsKey($name)) { $arguments[$name] = "contract-$(Get-Random)" } }
                if ($maker.Parameters.ContainsKey('AllowUnknownPrice')) { $arguments.AllowUnknownPrice = $true }
                $made = try { @(& $maker.Name @arguments -ErrorAction SilentlyContinue | Where-Object { $_.GetType().Name -eq $kind }) } catch { @() }
                if (-not $made) {
                    # A maker whose text comes in optional parameters (New-RunwayDocument -Content): every text parameter with a sample.
                    foreach ($p in $set.Parameters | Where-Object { $_.ParameterType -eq [string] -and $ContractSamples.ContainsKey($_.Name) -and -not $arguments.ContainsKey($_.Name) }) { $arguments[$p.Name] = $ContractSamples[$p.Name] }
                    $made = try { @(& $maker.Name @arguments -ErrorAction SilentlyContinue | Where-Object { $_.GetType().Name -eq $kind }) } catch { @() }
                }
                if ($made) { $Existing[$kind] = @($made.Id); break }
            }
        }
    }
    AfterAll { Disconnect-Runway }

    It '<Command> -<Parameter> has an argument completer' -ForEach $Cases.Completion {
        $attributes = (Get-Command $Command).Parameters[$Parameter].Attributes
        @($attributes | Where-Object { $_ -is [ArgumentCompleter] -or $_ -is [ValidateSet] }) | Should -Not -BeNullOrEmpty -Because "Tab on -$Parameter of $Command must offer ids, not file names"
    }

    It '<Command> -<Parameter> offers the id of an existing <Kind>' -ForEach @($Cases.Completion | Where-Object { $_.Kinds.Count -gt 0 }) {
        $ids = @($Kinds | ForEach-Object { $Existing[$_] } | Where-Object { $_ })
        if (-not $ids) { Set-ItResult -Skipped -Because "no $Kind could be made in the simulator from the contract samples"; return }
        $offered = @(Complete "$Command -$Parameter ").CompletionText
        $offered | Should -Contain $ids[0]
        $offered | Where-Object { $_ -like '*/*' -or $_ -like '.*' } | Should -BeNullOrEmpty -Because 'ids, not file names'
    }
}

Describe 'Contract: every cmdlet has its help page online' {
    It '<Name> has HelpUri <base><Name>.md' -ForEach $Cases.All {
        (Get-Command $Name).HelpUri | Should -Be ([Runway.Shell.RunwayCmdlet]::HelpUriBase + "$Name.md")
    }
}

Describe 'Contract: every integer parameter refuses a fraction instead of rounding it' {
    It '<Command> -<Parameter> carries [WholeNumber]' -ForEach $Cases.Integers {
        (Get-Command $Command).Parameters[$Parameter].Attributes | Where-Object { $_ -is [Runway.Shell.WholeNumberAttribute] } | Should -Not -BeNullOrEmpty
    }

    It '<Command> -<Parameter> 1.5 is Runway.NotAWholeNumber with zero requests' -ForEach $Cases.Integers {
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $arguments = $Arguments.Clone()
        $arguments[$Parameter] = if ($IsArray) { , @(1.5) } else { 1.5 }
        $result = Invoke-Contract @{ Command = $Command; Arguments = $arguments } @{ Confirm = $false }
        Get-ApiRequest | Should -HaveCount 0
        $record = $result.Errors | Select-Object -First 1
        Assert-RunwayError $record "$Command -$Parameter 1.5 must not be rounded"
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.NotAWholeNumber*'
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }
}

Describe 'Contract: every text parameter of a create or update refuses a text of only spaces, before any request' {
    It '<Command> -<Parameter> "   "' -ForEach $Cases.BlankTexts {
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $arguments = $Arguments.Clone()
        $arguments[$Parameter] = if ($IsArray) { [string[]]@('   ') } else { '   ' }
        $result = Invoke-Contract @{ Command = $Command; Arguments = $arguments } @{ Confirm = $false }
        Get-ApiRequest | Should -HaveCount 0
        $record = $result.Errors | Select-Object -First 1
        $mandatoryBlankAsNull = (Get-Command $Command).Parameters[$Parameter].Attributes |
            Where-Object { ($_ -is [System.Management.Automation.ParameterAttribute] -and $_.Mandatory) } |
            Where-Object { (Get-Command $Command).Parameters[$Parameter].Attributes | Where-Object { $_ -is [Runway.Shell.BlankAsNullAttribute] } }
        if ($mandatoryBlankAsNull -and $record.FullyQualifiedErrorId -like 'ParameterArgumentValidationErrorNullNotAllowed*') {
            # A blank CSV cell means "not given" ([BlankAsNull]); for a parameter that is mandatory in some set, PowerShell
            # itself refuses the null before the module runs. Refused, with nothing sent: what this promise asks.
            return
        }
        Assert-RunwayError $record "$Command -$Parameter '   ' must be refused"
    }
}

Describe 'Contract: every create declares whether it may cost credits' {
    It '<Name> is [PaidCreate] or [FreeCreate] (one of them)' -ForEach $Cases.Creates {
        $Cost | Should -BeIn 'Paid', 'Free' -Because "$Name must say whether it goes through the money path"
    }
}

Describe 'Contract: every paid create goes through the money path' {
    BeforeAll {
        $script:PaidKey = ConvertTo-SecureString $TestKey -AsPlainText -Force
        Connect-Runway -ApiKey $PaidKey -BaseUri $SimUrl -MaxRetries 0 -SkipValidation | Out-Null
        # The routers the samples name exist, so a routed create reaches its POST.
        foreach ($slug in $ContractSamples.Router, $ContractSamples.Slug | Select-Object -Unique) {
            if (-not (Get-RunwayRouter | Where-Object Slug -eq $slug)) { New-RunwayRouter -Slug $slug -Confirm:$false | Out-Null }
        }
        function script:Invoke-Paid([hashtable] $Case) {
            # The mandatory samples first; a create that needs more to be complete (say, a voice) is given every sample of its set.
            $result = Invoke-Contract @{ Command = $Case.Command; Arguments = (Get-PaidArguments $Case $Case.Arguments) } @{ Confirm = $false }
            if (($result.Errors | Select-Object -First 1).FullyQualifiedErrorId -like 'Runway.Missing*') {
                $result = Invoke-Contract @{ Command = $Case.Command; Arguments = (Get-PaidArguments $Case $Case.FullArguments) } @{ Confirm = $false }
            }
            $result
        }
        function script:Get-PaidArguments([hashtable] $Case, [hashtable] $Given) {
            $arguments = $Given.Clone()
            if ($Case.WorkflowId) {
                # A published workflow whose required inputs are all text, each given the sample prompt.
                foreach ($version in Get-RunwayWorkflow) {
                    $workflow = Get-RunwayWorkflow -Id $version.Id
                    $required = @($workflow.Inputs | Where-Object { $_.Required -and $null -eq $_.Default })
                    if (@($required | Where-Object { $_.Type -ne 'primitive' }).Count -gt 0) { continue }
                    $arguments.Id = $workflow.Id
                    $arguments.Inputs = @{}
                    foreach ($input in $required) { $arguments.Inputs[$input.Name] = $ContractSamples.Prompt }
                    break
                }
            }
            $arguments
        }
    }
    AfterAll {
        Clear-RunwaySimulatorFault -Url $SimUrl
        Disconnect-Runway
    }

    It '<Command> (<Set>) under Connect-Runway -MaxCredits 0 is refused (Runway.BudgetExceeded) and creates nothing' -ForEach $Cases.Paid {
        Connect-Runway -ApiKey $PaidKey -BaseUri $SimUrl -MaxRetries 0 -SkipValidation -MaxCredits 0 | Out-Null
        try {
            Clear-RunwaySimulatorRequest -Url $SimUrl
            $result = Invoke-Paid $_
            Get-ApiRequest | Where-Object { $_.method -eq 'POST' -and $_.path -notlike '/v1/uploads*' } | Should -HaveCount 0
            $record = $result.Errors | Select-Object -First 1
            Assert-RunwayError $record "$Command must be refused by a cap of 0 credits"
            $record.FullyQualifiedErrorId | Should -BeLike 'Runway.BudgetExceeded*'
        }
        finally {
            Connect-Runway -ApiKey $PaidKey -BaseUri $SimUrl -MaxRetries 0 -SkipValidation | Out-Null
        }
    }

    It '<Command> (<Set>) whose answer is lost leaves an UNCONFIRMED journal entry and says it may have been charged' -ForEach $Cases.Paid {
        $before = @(Get-RunwayTask -Status UNCONFIRMED).Count
        Clear-RunwaySimulatorFault -Url $SimUrl
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/' -Method POST -Kind dropAfter -Count 1 | Out-Null
        $result = Invoke-Paid $_
        Clear-RunwaySimulatorFault -Url $SimUrl
        $record = $result.Errors | Select-Object -First 1
        Assert-RunwayError $record "$Command with a lost answer"
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.TaskMayExist*'
        @(Get-RunwayTask -Status UNCONFIRMED).Count | Should -Be ($before + 1)
    }
}

Describe 'Contract: a free create or update that fails never says a task may have been charged' {
    BeforeAll {
        Connect-Runway -ApiKey (ConvertTo-SecureString $TestKey -AsPlainText -Force) -BaseUri $SimUrl -MaxRetries 0 -SkipValidation | Out-Null
    }
    AfterAll {
        Clear-RunwaySimulatorFault -Url $SimUrl
        Disconnect-Runway
    }

    It '<Command> (<Set>) on <Kind>' -ForEach ($Cases.Free | ForEach-Object { foreach ($k in 'status 500', 'status 409', 'dropAfter') { $_ + @{ Kind = $k } } }) {
        Clear-RunwaySimulatorFault -Url $SimUrl
        $kind, $status = $Kind -split ' '
        foreach ($method in 'POST', 'PATCH') {
            $fault = @{ Url = $SimUrl; Path = '/v1/'; Method = $method; Kind = $kind; Count = 5 }
            if ($status) { $fault.Status = [int]$status }
            Add-RunwaySimulatorFault @fault | Out-Null
        }
        $result = Invoke-Contract @{ Command = $Command; Arguments = $Arguments } @{ Confirm = $false }
        Clear-RunwaySimulatorFault -Url $SimUrl
        foreach ($record in $result.Errors) {
            Assert-RunwayError $record "$Command on $Kind"
            $record.FullyQualifiedErrorId | Should -Not -BeLike 'Runway.TaskMayExist*'
            "$($record.Exception.Message) $($record.ErrorDetails.Message) $($record.ErrorDetails.RecommendedAction)" | Should -Not -Match 'charg'
        }
    }
}

Describe 'Contract: about_Runway covers every area' {
    BeforeAll { $script:AboutTopic = Get-Content (Join-Path $PSScriptRoot '../docs/en-US/about_Runway.help.md') -Raw }

    It 'about_Runway names <Name> and whether it costs credits' -ForEach $Cases.Creates {
        $AboutTopic | Should -Match ([regex]::Escape($Name) + '\b')
    }
}
