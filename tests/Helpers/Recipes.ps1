# Setup shared by the tests of tests/Recipes.Tests.ps1 and tests/Cmdlets/*/Recipes.Tests.ps1, dot-sourced in their BeforeAll.
. (Join-Path $PSScriptRoot '../TestSetup.ps1')
function script:Exit-AreaTest {
    # The AfterAll of every file that dot-sources this setup: leaves the shared simulator empty.
    Reset-RunwaySimulator -Url $SimUrl
    Stop-OwnSimulator
}
$PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1
Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
# Real inputs made by the simulator: 1280x720 PNGs and a 5 s MP4.
$image = New-RunwayImage -Prompt 'test card' -Model gen4_image -Ratio 1280:720 -Wait
$script:Pngs = Join-Path $TestDrive 'pngs'
New-Item -ItemType Directory $Pngs | Out-Null
$script:PngBytes = (Invoke-WebRequest -Uri $image.Output[0]).Content
1..3 | ForEach-Object { [IO.File]::WriteAllBytes((Join-Path $Pngs "shot$_.png"), $PngBytes) }
$script:Png = Join-Path $Pngs 'shot1.png'
$script:Png2 = Join-Path $Pngs 'shot2.png'
$script:Clip = Join-Path $TestDrive 'clip.mp4'
New-RunwayVideo -Image $image -Prompt 'pan' -Model gen4_turbo -Duration 5 -OutFile $Clip | Out-Null
# A PNG whose header says 4000x500 (width / height 8): outside product_ugc's 0.4–4.
$wide = [byte[]]$PngBytes.Clone()
$header = [byte[]](0, 0, 0x0F, 0xA0, 0, 0, 0x01, 0xF4)
for ($i = 0; $i -lt 8; $i++) { $wide[16 + $i] = $header[$i] }
$script:WidePng = Join-Path $TestDrive 'wide.png'
[IO.File]::WriteAllBytes($WidePng, $wide)
$script:Url = 'https://example.com/product.png'
