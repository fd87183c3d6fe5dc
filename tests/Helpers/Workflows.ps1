# Setup shared by the tests of tests/Workflows.Tests.ps1 and tests/Cmdlets/*/Workflows.Tests.ps1, dot-sourced in their BeforeAll.
. (Join-Path $PSScriptRoot '../TestSetup.ps1')
$PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1
$image = New-RunwayImage -Prompt 'a teapot' -Model gen4_image -Ratio 1280:720 -Wait
$script:Png = Join-Path $TestDrive 'teapot.png'
[IO.File]::WriteAllBytes($Png, (Invoke-WebRequest -Uri $image.Output[0]).Content)
$script:Wav = Join-Path $TestDrive 'tone.wav'
$bytes = [byte[]]::new(44 + 16000)
[Text.Encoding]::ASCII.GetBytes('RIFF').CopyTo($bytes, 0); [BitConverter]::GetBytes(36 + 16000).CopyTo($bytes, 4)
[Text.Encoding]::ASCII.GetBytes('WAVEfmt ').CopyTo($bytes, 8); [BitConverter]::GetBytes(16).CopyTo($bytes, 16)
[BitConverter]::GetBytes([int16]1).CopyTo($bytes, 20); [BitConverter]::GetBytes([int16]1).CopyTo($bytes, 22)
[BitConverter]::GetBytes(8000).CopyTo($bytes, 24); [BitConverter]::GetBytes(16000).CopyTo($bytes, 28)
[BitConverter]::GetBytes([int16]2).CopyTo($bytes, 32); [BitConverter]::GetBytes([int16]16).CopyTo($bytes, 34)
[Text.Encoding]::ASCII.GetBytes('data').CopyTo($bytes, 36); [BitConverter]::GetBytes(16000).CopyTo($bytes, 40)
[IO.File]::WriteAllBytes($Wav, $bytes)
function script:Get-Seeded([string] $Name, [int] $Version) {
    Get-RunwayWorkflow -Name $Name | Where-Object { -not $Version -or $_.Version -eq $Version } | Select-Object -First 1
}
