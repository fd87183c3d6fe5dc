#Requires -Version 7.4
<#
    Pester helpers for the Runway API simulator (src/Runway.Simulator; see docs/simulator.md).
    The simulator must already be built (dotnet build src/Runway.Simulator); nothing here builds it.
    Every function except Start-RunwaySimulator and New-RunwayTestKey talks to a running simulator at -Url,
    which defaults to $env:RUNWAYML_BASE_URL.
#>
Set-StrictMode -Version Latest

$script:RepoRoot = Split-Path -Parent $PSScriptRoot

function Resolve-SimulatorUrl([string] $Url) {
    if ([string]::IsNullOrWhiteSpace($Url)) {
        throw 'No simulator URL: pass -Url or set $env:RUNWAYML_BASE_URL (Start-RunwaySimulator returns .Url).'
    }
    $Url.TrimEnd('/')
}

function Invoke-SimulatorControl {
    param(
        [string] $Url,
        [Parameter(Mandatory)] [string] $Method,
        [Parameter(Mandatory)] [string] $Path,
        [object] $Body
    )
    $request = @{ Uri = (Resolve-SimulatorUrl $Url) + $Path; Method = $Method }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $request.Body = ConvertTo-Json -InputObject $Body -Depth 10 -Compress
        $request.ContentType = 'application/json'
    }
    Invoke-RestMethod @request
}

function Find-Dotnet {
    $command = Get-Command dotnet -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($command) { return $command.Source }
    if ($env:DOTNET_ROOT -and (Test-Path (Join-Path $env:DOTNET_ROOT 'dotnet'))) { return Join-Path $env:DOTNET_ROOT 'dotnet' }
    $self = [Environment]::ProcessPath
    if ($self -and [IO.Path]::GetFileNameWithoutExtension($self) -eq 'dotnet') { return $self }
    throw 'dotnet was not found on PATH.'
}

function Start-RunwaySimulator {
    <#
    .SYNOPSIS
        Starts the built simulator on a free loopback port and returns [pscustomobject]@{ Url; Process }.
    .PARAMETER Setting
        Simulator settings, e.g. @{ RunMs = 200; PendingMs = 50; MaxConcurrent = 3 } (passed as --Simulator:Key=Value).
    .PARAMETER Configuration
        Which build to run: Debug (default) or Release.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [hashtable] $Setting = @{},
        [ValidateSet('Debug', 'Release')] [string] $Configuration = 'Debug',
        [ValidateRange(1, 600)] [int] $TimeoutSeconds = 30
    )
    $dll = Join-Path $script:RepoRoot "src/Runway.Simulator/bin/$Configuration/net10.0/Runway.Simulator.dll"
    if (-not (Test-Path -LiteralPath $dll)) {
        throw "Simulator not built: $dll is missing. Run: dotnet build src/Runway.Simulator$(if ($Configuration -eq 'Release') { ' -c Release' })"
    }
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new((Find-Dotnet))
    foreach ($argument in @($dll, '--urls', 'http://127.0.0.1:0', "--Simulator:ParentPid=$PID")) { $startInfo.ArgumentList.Add($argument) }
    foreach ($name in $Setting.Keys) {
        $value = $Setting[$name]
        if ($value -is [array]) { $value = $value -join ',' }
        if ($value -is [bool]) { $value = $value.ToString().ToLowerInvariant() }
        $startInfo.ArgumentList.Add("--Simulator:$name=$value")
    }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = $true
    $startInfo.WorkingDirectory = $script:RepoRoot

    $process = [System.Diagnostics.Process]::Start($startInfo)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    $url = $null
    while (-not $url) {
        $line = $process.StandardOutput.ReadLineAsync()
        $remaining = [int][Math]::Max(0, ($deadline - [DateTime]::UtcNow).TotalMilliseconds)
        if (-not $line.Wait($remaining)) {
            Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
            throw "The simulator did not report its address within $TimeoutSeconds s."
        }
        if ($null -eq $line.Result) {
            $process.WaitForExit()
            throw "The simulator exited with code $($process.ExitCode) before listening (see its stderr above)."
        }
        if ($line.Result -match '^Runway simulator listening on (http://\S+)$') { $url = $Matches[1] }
    }
    [pscustomobject]@{ Url = $url; Process = $process }
}

function Stop-RunwaySimulator {
    <#
    .SYNOPSIS
        Stops a simulator started by Start-RunwaySimulator: asks it to shut down (it deletes its upload files), then kills it if needed.
    #>
    [CmdletBinding()]
    param(
        [Parameter(ValueFromPipeline, Position = 0)] [psobject] $Simulator,
        [string] $Url = $env:RUNWAYML_BASE_URL
    )
    process {
        $target = if ($Simulator) { $Simulator.Url } else { $Url }
        $process = if ($Simulator) { $Simulator.Process } else { $null }
        if ($process -and $process.HasExited) { return }
        try { $null = Invoke-SimulatorControl -Url $target -Method Post -Path '/_sim/shutdown' }
        catch { Write-Verbose "Shutdown request failed: $_" }
        if ($process -and -not $process.WaitForExit(10000)) { $process.Kill($true); $process.WaitForExit() }
    }
}

function Reset-RunwaySimulator {
    <# .SYNOPSIS Forgets tasks, uploads, log, faults and usage; restores the configured settings and balance. #>
    [CmdletBinding()]
    param([string] $Url = $env:RUNWAYML_BASE_URL)
    $null = Invoke-SimulatorControl -Url $Url -Method Post -Path '/_sim/reset'
}

function Get-RunwaySimulatorRequest {
    <# .SYNOPSIS The request log (API and storage requests), oldest first, optionally filtered by path prefix and method. #>
    [CmdletBinding()]
    param(
        [string] $Path,
        [string] $Method,
        [string] $Url = $env:RUNWAYML_BASE_URL
    )
    $query = @()
    if ($Path) { $query += 'path=' + [uri]::EscapeDataString($Path) }
    if ($Method) { $query += 'method=' + [uri]::EscapeDataString($Method) }
    $suffix = if ($query) { '?' + ($query -join '&') } else { '' }
    foreach ($entry in (Invoke-SimulatorControl -Url $Url -Method Get -Path "/_sim/requests$suffix")) { $entry }
}

function Clear-RunwaySimulatorRequest {
    <# .SYNOPSIS Clears the request log. #>
    [CmdletBinding()]
    param([string] $Url = $env:RUNWAYML_BASE_URL)
    $null = Invoke-SimulatorControl -Url $Url -Method Delete -Path '/_sim/requests'
}

function Add-RunwaySimulatorFault {
    <#
    .SYNOPSIS
        Queues a fault for requests whose path starts with -Path (and whose method is -Method, if given).
    .PARAMETER Kind
        status: answer -Status with {"error": -ErrorMessage} and the retry headers; drop: cut the connection before
        handling; dropAfter: handle (e.g. create the task), then cut the connection; delay: wait -DelayMs, then handle;
        emptyPage: answer a list page with no items that still has a nextCursor.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Path,
        [Parameter(Mandatory)] [ValidateSet('status', 'drop', 'dropAfter', 'delay', 'stall', 'emptyPage')] [string] $Kind,
        [string] $Method,
        [ValidateRange(1, [int]::MaxValue)] [int] $Count = 1,
        [ValidateRange(200, 599)] [int] $Status,
        [Alias('Error')] [string] $ErrorMessage,
        [object] $RetryAfter,
        [double] $RetryAfterMs,
        [ValidateRange(0, [int]::MaxValue)] [int] $DelayMs,
        [bool] $ShouldRetry,
        [string] $Url = $env:RUNWAYML_BASE_URL
    )
    $fault = [ordered]@{ path = $Path; kind = $Kind; count = $Count }
    if ($PSBoundParameters.ContainsKey('ShouldRetry')) { $fault.shouldRetry = $ShouldRetry }
    if ($Method) { $fault.method = $Method }
    if ($PSBoundParameters.ContainsKey('Status')) { $fault.status = $Status }
    if ($PSBoundParameters.ContainsKey('ErrorMessage')) { $fault.error = $ErrorMessage }
    if ($PSBoundParameters.ContainsKey('RetryAfter')) { $fault.retryAfter = $RetryAfter }
    if ($PSBoundParameters.ContainsKey('RetryAfterMs')) { $fault.retryAfterMs = $RetryAfterMs }
    if ($PSBoundParameters.ContainsKey('DelayMs')) { $fault.delayMs = $DelayMs }
    Invoke-SimulatorControl -Url $Url -Method Post -Path '/_sim/faults' -Body $fault
}

function Clear-RunwaySimulatorFault {
    <# .SYNOPSIS Empties the fault queue. #>
    [CmdletBinding()]
    param([string] $Url = $env:RUNWAYML_BASE_URL)
    $null = Invoke-SimulatorControl -Url $Url -Method Delete -Path '/_sim/faults'
}

function Set-RunwaySimulatorConfig {
    <# .SYNOPSIS Changes settings at run time, e.g. -Setting @{ RunMs = 100; MaxConcurrent = 3 }. Returns the settings now in force. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [hashtable] $Setting,
        [string] $Url = $env:RUNWAYML_BASE_URL
    )
    $patch = [ordered]@{}
    foreach ($name in $Setting.Keys) { $patch[$name.Substring(0, 1).ToLowerInvariant() + $name.Substring(1)] = $Setting[$name] }
    Invoke-SimulatorControl -Url $Url -Method Post -Path '/_sim/config' -Body $patch
}

function New-RunwaySimulatorTask {
    <#
    .SYNOPSIS
        Creates a task without auth or charge; returns the response object ({ id }).
    .PARAMETER Status
        Pins the task: SUCCEEDED, FAILED, RUNNING or PENDING (it never moves on). Without it the task follows the lifecycle.
    .PARAMETER ReportStatus
        Pins the task to a status no SDK declares (e.g. EXPIRED), reported by GET /v1/tasks/{id}.
    #>
    [CmdletBinding()]
    param(
        [string] $Model,
        [string] $PromptText,
        [ValidateSet('SUCCEEDED', 'FAILED', 'RUNNING', 'PENDING', 'THROTTLED', 'CANCELLED')] [string] $Status,
        [string] $ReportStatus,
        [string] $Url = $env:RUNWAYML_BASE_URL
    )
    $body = [ordered]@{}
    if ($Model) { $body.model = $Model }
    if ($PSBoundParameters.ContainsKey('PromptText')) { $body.promptText = $PromptText }
    if ($Status) { $body.status = $Status }
    if ($ReportStatus) { $body.reportStatus = $ReportStatus }
    Invoke-SimulatorControl -Url $Url -Method Post -Path '/_sim/tasks' -Body $body
}

function New-RunwaySimulatorConversation {
    <#
    .SYNOPSIS
        Seeds an avatar conversation (POST /_sim/avatar_conversations); returns { id }.
    .PARAMETER Conversation
        The body: { avatarId?, presetId?, status?, name?, createdAt?, duration?, maxDuration?, failureCode?, recording?, tools?, transcript? }.
    #>
    [CmdletBinding()]
    param(
        [hashtable] $Conversation = @{},
        [string] $Url = $env:RUNWAYML_BASE_URL
    )
    Invoke-SimulatorControl -Url $Url -Method Post -Path '/_sim/avatar_conversations' -Body $Conversation
}

function Get-RunwaySimulatorUpload {
    <# .SYNOPSIS Every upload slot (GET /_sim/uploads): { id, filename, completed, size, metadata }. #>
    [CmdletBinding()]
    param([string] $Url = $env:RUNWAYML_BASE_URL)
    @(Invoke-SimulatorControl -Url $Url -Method Get -Path '/_sim/uploads')
}

function Get-RunwaySimulatorStat {
    <# .SYNOPSIS { tasksCreated, maxRunning: {model: n}, maxInFlight: {model: n}, running, inFlight }. #>
    [CmdletBinding()]
    param([string] $Url = $env:RUNWAYML_BASE_URL)
    Invoke-SimulatorControl -Url $Url -Method Get -Path '/_sim/stats'
}

function New-RunwayTestKey {
    <# .SYNOPSIS A well-formed, random API key: 'key_' followed by 128 lowercase hex digits. #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    'key_' + [Convert]::ToHexStringLower([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(64))
}

Export-ModuleMember -Function Start-RunwaySimulator, Stop-RunwaySimulator, Reset-RunwaySimulator, Get-RunwaySimulatorRequest,
    Clear-RunwaySimulatorRequest, Add-RunwaySimulatorFault, Clear-RunwaySimulatorFault, Set-RunwaySimulatorConfig,
    New-RunwaySimulatorTask, New-RunwaySimulatorConversation, Get-RunwaySimulatorUpload, Get-RunwaySimulatorStat, New-RunwayTestKey
