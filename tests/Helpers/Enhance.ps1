# Setup shared by the tests of tests/Enhance.Tests.ps1 and tests/Cmdlets/*/Enhance.Tests.ps1, dot-sourced in their BeforeAll.
. (Join-Path $PSScriptRoot '../TestSetup.ps1')
function script:Exit-AreaTest {
    # The AfterAll of every file that dot-sources this setup: leaves the shared simulator empty.
    Reset-RunwaySimulator -Url $SimUrl
    Stop-OwnSimulator
}
$PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1
Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
# Real inputs made by the simulator: a 1280x720 PNG and a 5 s MP4.
$image = New-RunwayImage -Prompt 'test card' -Model gen4_image -Ratio 1280:720 -Wait
$script:Pngs = Join-Path $TestDrive 'pngs'
New-Item -ItemType Directory $Pngs | Out-Null
$script:PngBytes = (Invoke-WebRequest -Uri $image.Output[0]).Content
1..3 | ForEach-Object { [IO.File]::WriteAllBytes((Join-Path $Pngs "shot$_.png"), $PngBytes) }
$script:Png = Join-Path $Pngs 'shot1.png'
$script:Clip = Join-Path $TestDrive 'clip.mp4'
New-RunwayVideo -Image $image -Prompt 'pan' -Model gen4_turbo -Duration 5 -OutFile $Clip | Out-Null
