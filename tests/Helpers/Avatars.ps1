# Setup shared by the tests of tests/Avatars.Tests.ps1 and tests/Cmdlets/*/Avatars.Tests.ps1, dot-sourced in their BeforeAll.
. (Join-Path $PSScriptRoot '../TestSetup.ps1')
$PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1
$PSDefaultParameterValues['*-Runway*:Confirm'] = $false
Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
$task = New-RunwayImage -Prompt 'a face' -Model gen4_image -Ratio 1280:720 -Wait
$script:Face = Join-Path $TestDrive 'face.png'
[IO.File]::WriteAllBytes($Face, (Invoke-WebRequest -Uri $task.Output[0]).Content)
# A 4 s MP3 (the simulator's voice preview) for audio inputs.
$preview = New-RunwayVoicePreview -Prompt 'A calm and steady test voice for samples'
$script:Mp3 = Join-Path $TestDrive 'short.mp3'
[IO.File]::WriteAllBytes($Mp3, (Invoke-WebRequest -Uri $preview.Url).Content)
$script:Description = 'A warm, low narrator voice with a slight British accent'
function script:Request-Count([string] $Path = '/v1/') { @(Get-ApiRequest $Path | Where-Object { $_.method -ne 'GET' -or $_.path -notlike '/_*' }).Count }
