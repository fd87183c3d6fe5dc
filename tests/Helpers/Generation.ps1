# Setup shared by the tests of tests/Generation.Tests.ps1 and tests/Cmdlets/*/Generation.Tests.ps1, dot-sourced in their BeforeAll.
. (Join-Path $PSScriptRoot '../TestSetup.ps1')
$PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1
Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null

# A real PNG, made by the simulator, to use as local input.
$task = New-RunwayImage -Prompt 'test card' -Model gen4_image -Ratio 1280:720 -Wait
$script:PngBytes = (Invoke-WebRequest -Uri $task.Output[0]).Content
$script:Frames = Join-Path $TestDrive 'frames'
New-Item -ItemType Directory $Frames | Out-Null
1..5 | ForEach-Object { [IO.File]::WriteAllBytes((Join-Path $Frames "frame$_.png"), $PngBytes) }
$script:Png = Join-Path $Frames 'frame1.png'

function script:New-BadMediaFile {
    # $Gif (a format no endpoint takes) and $Huge (a PNG of 201 MB, over every upload limit), in the test drive.
    $script:Gif = Join-Path $TestDrive 'anim.gif'
    [IO.File]::WriteAllBytes($Gif, [byte[]](0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0, 0, 0x3B))
    $script:Huge = Join-Path $TestDrive 'huge.png'
    $stream = [IO.File]::Create($Huge)
    $stream.Write($PngBytes, 0, $PngBytes.Length)
    $stream.SetLength(201MB)
    $stream.Dispose()
}
