# Setup shared by the tests of tests/Workflows.Tests.ps1 and tests/Cmdlets/*/Workflows.Tests.ps1, dot-sourced in their BeforeAll.
. (Join-Path $PSScriptRoot '../TestSetup.ps1')
$PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1
$image = New-RunwayImage -Prompt 'a teapot' -Model gen4_image -Ratio 1280:720 -Wait
$script:Png = Join-Path $TestDrive 'teapot.png'
[IO.File]::WriteAllBytes($Png, (Invoke-WebRequest -Uri $image.Output[0]).Content)
$script:Wav = (New-TestWav -Path (Join-Path $TestDrive 'tone.wav') -Seconds 1 -Rate 8000).FullName
function script:Get-Seeded([string] $Name, [int] $Version) {
    Get-RunwayWorkflow -Name $Name | Where-Object { -not $Version -or $_.Version -eq $Version } | Select-Object -First 1
}
