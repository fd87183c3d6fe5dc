# Setup shared by the tests of tests/RoutedGeneration.Tests.ps1 and tests/Cmdlets/*/RoutedGeneration.Tests.ps1, dot-sourced in their BeforeAll.
. (Join-Path $PSScriptRoot '../TestSetup.ps1')
function script:Exit-AreaTest {
    # This area's teardown, instead of TestSetup's: puts back the concurrency and run time its
    # tests change, and leaves the shared simulator empty.
    Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ MaxConcurrent = 2; RunMs = 300 } | Out-Null
    Reset-RunwaySimulator -Url $SimUrl
    Stop-OwnSimulator
}
$PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1
Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
# A real PNG, made by the simulator, to use as local input.
$task = New-RunwayImage -Prompt 'test card' -Model gen4_image -Ratio 1280:720 -Wait
$script:Png = Join-Path $TestDrive 'card.png'
[IO.File]::WriteAllBytes($Png, (Invoke-WebRequest -Uri $task.Output[0]).Content)

function script:Get-CreateBody([string] $Kind) {
    (Get-ApiRequest "/v1/generate/$Kind" -Method POST)[-1].body | ConvertFrom-Json -AsHashtable
}
