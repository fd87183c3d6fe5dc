# Dot-sourced by every module test file in BeforeAll: imports the built module and the simulator helpers,
# and points the module at the shared simulator (or starts one when the file runs alone).
$ErrorActionPreference = 'Stop'
$RepoRoot = Split-Path $PSScriptRoot -Parent
Import-Module (Join-Path $PSScriptRoot 'Simulator.psm1') -Force
if (-not $env:RUNWAY_TEST_MODULE) {
    $manifest = Get-ChildItem (Join-Path $RepoRoot 'out/Runway') -Filter Runway.psd1 -Recurse |
        Sort-Object { $_.Directory.Name -as [version] } -Descending | Select-Object -First 1
    if (-not $manifest) { throw 'Build the module first: dotnet pwsh ./build.ps1 -Task Build' }
    $env:RUNWAY_TEST_MODULE = $manifest.FullName
}
Import-Module $env:RUNWAY_TEST_MODULE -Force
$script:TestConfiguration = if ($env:RUNWAY_TEST_CONFIGURATION) { $env:RUNWAY_TEST_CONFIGURATION } else { 'Release' }

if (-not $env:RUNWAY_TEST_SIM_URL) {
    $script:OwnSimulator = Start-RunwaySimulator -Configuration $script:TestConfiguration -Setting @{ PendingMs = 50; RunMs = 300 }
    $env:RUNWAY_TEST_SIM_URL = $script:OwnSimulator.Url
}
$script:SimUrl = $env:RUNWAY_TEST_SIM_URL
# Tests never write to the user's real task journal.
if (-not $env:RUNWAY_JOURNAL -or $env:RUNWAY_JOURNAL -notlike '*runway-test-*') {
    $env:RUNWAY_JOURNAL = Join-Path ([IO.Path]::GetTempPath()) "runway-test-$PID.jsonl"
}
$env:RUNWAYML_BASE_URL = $script:SimUrl
$script:TestKey = New-RunwayTestKey
$env:RUNWAYML_API_SECRET = $script:TestKey
Disconnect-Runway
Reset-RunwaySimulator -Url $script:SimUrl
Set-RunwaySimulatorConfig -Url $script:SimUrl -Setting @{ pendingMs = 50; runMs = 300 }

function script:Stop-OwnSimulator {
    # The last step of every test file's teardown: the simulator this file started when it ran alone (a suite's is shared).
    if ($script:OwnSimulator) { Stop-RunwaySimulator $script:OwnSimulator }
}

function script:Exit-AreaTest {
    # The teardown of an area (tests/Helpers/<Area>.ps1), called by the AfterAll of each file that dot-sources it:
    # leaves the shared simulator empty. An area whose setup needs more undone defines its own after this file.
    Reset-RunwaySimulator -Url $script:SimUrl
    Stop-OwnSimulator
}

function script:Get-ApiRequest([string] $Path = '/v1/', [string] $Method) {
    # What the simulator received (API and storage requests), oldest first.
    @(Get-RunwaySimulatorRequest -Url $script:SimUrl -Path $Path -Method $Method)
}

function script:Get-ErrorRecord([scriptblock] $Script) {
    # The first error a script writes or throws, as an ErrorRecord.
    $errors = @()
    try { & $Script -ErrorVariable +errors -ErrorAction SilentlyContinue | Out-Null } catch { return $_ }
    $errors | Select-Object -First 1
}

function script:Invoke-InChildPwsh {
    # Runs a script in a fresh pwsh with the module imported; returns its output lines.
    param([Parameter(Mandatory)] [string] $Script, [hashtable] $Environment = @{})
    $prelude = "`$ErrorActionPreference = 'Stop'; Import-Module '$($env:RUNWAY_TEST_MODULE)'; "
    $saved = @{}
    foreach ($name in $Environment.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $Environment[$name]) }
    try {
        $exe, $prefix = Get-PwshCommand
        & $exe @prefix -NoProfile -NonInteractive -Command ($prelude + $Script) 2>&1 | ForEach-Object { "$_" }
    }
    finally {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
}

function script:Get-PwshCommand {
    # The command line that starts another pwsh like this one (a local dotnet tool runs as `dotnet pwsh.dll`).
    $native = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
    if (Test-Path $native) { return $native, @() }
    return (Get-Command dotnet).Source, @((Join-Path $PSHOME 'pwsh.dll'))
}

# Helpers that several test files share: written once here.

function script:Get-Errors([scriptblock] $Script) {
    # Every error a script writes (or the one it throws), its warnings and its output, without stopping at the first:
    # non-terminating errors must not stop the script (the tests' preference is Stop), so they are collected instead.
    $ErrorActionPreference = 'Continue'
    $all = @(); $thrown = @()
    try { $all = @(& $Script 2>&1 3>&1) } catch { $thrown = @($_) }
    [pscustomobject]@{
        Output   = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] -and $_ -isnot [System.Management.Automation.WarningRecord] })
        Errors   = @(@($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) + $thrown)
        Warnings = @($all | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
    }
}

function script:Get-AllErrors([scriptblock] $Script) {
    # Every error a script writes (and the one it throws, if any), in order.
    , (Get-Errors $Script).Errors
}

function script:Complete([string] $Line) {
    # What Tab offers at the end of a command line.
    (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
}

function script:Start-Background([string] $Script) {
    # Runs a script in another runspace of this process (like a second console), with the module loaded (Stop() is Ctrl+C).
    $ps = [PowerShell]::Create()
    $null = $ps.AddScript("`$ErrorActionPreference = 'Continue'; Import-Module '$env:RUNWAY_TEST_MODULE'; `$PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1; " + $Script)
    [pscustomobject]@{ PowerShell = $ps; Handle = $ps.BeginInvoke() }
}

function script:Send-Raw([string] $Path, [hashtable] $Body) {
    # POSTs a body to the simulator's /v1/<Path> directly (not through the module) and returns the HTTP status code.
    $headers = @{ Authorization = "Bearer $script:TestKey"; 'X-Runway-Version' = '2024-11-06' }
    try {
        Invoke-RestMethod -Method Post -Uri "$script:SimUrl/v1/$Path" -Headers $headers -ContentType 'application/json' -Body ($Body | ConvertTo-Json -Depth 6) | Out-Null
        200
    }
    catch { [int]$_.Exception.Response.StatusCode }
}

function script:Query([object] $Request) {
    # A logged request's query string as a hashtable (values unescaped).
    $map = @{}
    foreach ($pair in ("$($Request.query)".TrimStart('?') -split '&' | Where-Object { $_ })) {
        $key, $value = $pair -split '=', 2
        $map[[uri]::UnescapeDataString($key)] = [uri]::UnescapeDataString($value)
    }
    $map
}

function script:Assert-RefusedId([scriptblock] $Script, [string] $Id) {
    # An id that cannot be one is Runway.InvalidId (InvalidArgument, the id as the target), before any request.
    $record = Get-ErrorRecord $Script
    $record.FullyQualifiedErrorId | Should -BeLike 'Runway.InvalidId*'
    $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
    $record.TargetObject | Should -Be $Id
    Get-ApiRequest | Should -HaveCount 0
}

function script:New-TestWav([string] $Path, [double] $Seconds, [int] $Rate = 16000) {
    # A valid PCM WAV (16-bit mono, a 440 Hz tone) of the given length: the one WAV the module's tests write.
    $full = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
    $samples = [int][math]::Round($Seconds * $Rate)
    $stream = [IO.MemoryStream]::new()
    $w = [IO.BinaryWriter]::new($stream)
    $ascii = [Text.Encoding]::ASCII
    $w.Write($ascii.GetBytes('RIFF')); $w.Write([int](36 + 2 * $samples)); $w.Write($ascii.GetBytes('WAVEfmt '))
    $w.Write([int]16); $w.Write([int16]1); $w.Write([int16]1); $w.Write([int]$Rate); $w.Write([int]($Rate * 2)); $w.Write([int16]2); $w.Write([int16]16)
    $w.Write($ascii.GetBytes('data')); $w.Write([int](2 * $samples))
    for ($i = 0; $i -lt $samples; $i++) { $w.Write([int16](6000 * [math]::Sin(2 * [math]::PI * 440 * $i / $Rate))) }
    $w.Flush()
    [IO.File]::WriteAllBytes($full, $stream.ToArray())
    Get-Item -LiteralPath $full
}

function script:Initialize-TestMedia {
    # Real inputs the simulator made, in the test drive: $Pngs, a folder of three 1280x720 PNGs (shot1..3.png), $Png the
    # first, $PngBytes their bytes, and $Clip, a 5 s MP4 made from that image.
    $image = New-RunwayImage -Prompt 'test card' -Model gen4_image -Ratio 1280:720 -Wait
    $script:Pngs = Join-Path $TestDrive 'pngs'
    New-Item -ItemType Directory $script:Pngs | Out-Null
    $script:PngBytes = (Invoke-WebRequest -Uri $image.Output[0]).Content
    1..3 | ForEach-Object { [IO.File]::WriteAllBytes((Join-Path $script:Pngs "shot$_.png"), $script:PngBytes) }
    $script:Png = Join-Path $script:Pngs 'shot1.png'
    $script:Clip = Join-Path $TestDrive 'clip.mp4'
    New-RunwayVideo -Image $image -Prompt 'pan' -Model gen4_turbo -Duration 5 -OutFile $script:Clip | Out-Null
}

function script:ConvertTo-Instant($Value) {
    # A time from the simulator's log or a task (DateTime, DateTimeOffset or ISO text) as a UTC DateTimeOffset.
    # Invoke-RestMethod reads ISO times as DateTime; never round-trip them through a string (that drops the milliseconds).
    if ($Value -is [DateTimeOffset]) { return $Value }
    if ($Value -is [DateTime]) { return [DateTimeOffset]::new($(if ($Value.Kind -eq 'Unspecified') { [DateTime]::SpecifyKind($Value, 'Utc') } else { $Value.ToUniversalTime() })) }
    [DateTimeOffset]::Parse([string]$Value, [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::AssumeUniversal)
}
