# Setup shared by the tests of tests/Output.Tests.ps1 and tests/Cmdlets/*/Output.Tests.ps1, dot-sourced in their BeforeAll.
. (Join-Path $PSScriptRoot '../TestSetup.ps1')
$PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1
Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
$task = New-RunwayImage -Prompt 'test card' -Model gen4_image -Ratio 1280:720 -Wait
$script:PngBytes = (Invoke-WebRequest -Uri $task.Output[0]).Content
$script:Frames = Join-Path $TestDrive 'frames'
New-Item -ItemType Directory $Frames | Out-Null
foreach ($name in 'cat', 'dog') { [IO.File]::WriteAllBytes((Join-Path $Frames "$name.png"), $PngBytes) }
$script:Png = Join-Path $Frames 'cat.png'

function script:Assert-CleanError($Record) {
    # The shape every error of the module has: a Runway.* id, a real category, a target, a sentence without temp names.
    $Record.FullyQualifiedErrorId | Should -BeLike 'Runway.*'
    $Record.CategoryInfo.Category | Should -Not -Be 'NotSpecified'
    $Record.TargetObject | Should -Not -BeNullOrEmpty
    $message = $Record.Exception.Message
    $message | Should -Not -Match '\.partial|\.part\b|runway-probe|[0-9a-f]{8}\.partial'
    $message | Should -Match '\.$'
    $message | Should -Match '^[-''"A-Z0-9]'
}

function script:Lock-Folder([string] $Path) {
    # Root ignores permission bits: an immutable folder (chattr +i) stands in; else chmod. Returns whether it took.
    New-Item -ItemType Directory $Path -Force | Out-Null
    & chattr +i $Path 2>$null
    if ($LASTEXITCODE -ne 0) { & chmod 555 $Path }
    try { [IO.File]::WriteAllText((Join-Path $Path 'probe.txt'), 'x'); Remove-Item (Join-Path $Path 'probe.txt'); $false } catch { $true }
}

function script:Unlock-Folder([string] $Path) {
    & chattr -i $Path 2>$null
    & chmod 755 $Path 2>$null
}
