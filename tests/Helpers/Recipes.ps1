# Setup shared by the tests of tests/Recipes.Tests.ps1 and tests/Cmdlets/*/Recipes.Tests.ps1, dot-sourced in their BeforeAll.
. (Join-Path $PSScriptRoot '../TestSetup.ps1')
$PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1
Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
Initialize-TestMedia
$script:Png2 = Join-Path $Pngs 'shot2.png'
# A PNG whose header says 4000x500 (width / height 8): outside product_ugc's 0.4–4.
$wide = [byte[]]$PngBytes.Clone()
$header = [byte[]](0, 0, 0x0F, 0xA0, 0, 0, 0x01, 0xF4)
for ($i = 0; $i -lt 8; $i++) { $wide[16 + $i] = $header[$i] }
$script:WidePng = Join-Path $TestDrive 'wide.png'
[IO.File]::WriteAllBytes($WidePng, $wide)
$script:Url = 'https://example.com/product.png'
