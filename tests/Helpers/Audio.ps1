# Setup shared by the tests of tests/Audio.Tests.ps1 and tests/Cmdlets/*/Audio.Tests.ps1, dot-sourced in their BeforeAll.
. (Join-Path $PSScriptRoot '../TestSetup.ps1')
function script:Exit-AreaTest {
    # This area's teardown, instead of TestSetup's: leaves the test drive its setup entered, and the connection.
    Pop-Location
    Disconnect-Runway
    Stop-OwnSimulator
}
$PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1

function Get-CreateBody([string] $Endpoint) {
    # The JSON bodies the simulator received on one create endpoint, parsed.
    @(Get-ApiRequest "/v1/$Endpoint" POST | ForEach-Object { $_.body | ConvertFrom-Json })
}
function Get-WavSeconds([string] $Path) {
    # Reads a WAV's length from its own chunks (independent of the module's MediaProbe).
    $bytes = [IO.File]::ReadAllBytes((Resolve-Path -LiteralPath $Path).ProviderPath)
    $ascii = [Text.Encoding]::ASCII
    if ($ascii.GetString($bytes, 0, 4) -ne 'RIFF' -or $ascii.GetString($bytes, 8, 4) -ne 'WAVE') { throw "$Path is not a WAV file." }
    $position = 12; $byteRate = 0
    while ($position + 8 -le $bytes.Length) {
        $id = $ascii.GetString($bytes, $position, 4)
        $size = [BitConverter]::ToInt32($bytes, $position + 4)
        if ($id -eq 'fmt ') { $byteRate = [BitConverter]::ToInt32($bytes, $position + 16) }
        if ($id -eq 'data') { return $size / $byteRate }
        $position += 8 + $size + ($size % 2)
    }
    throw "$Path has no data chunk."
}
function Get-MediaHead([string] $Path) {
    # 'WAV' or 'MP3' from a file's first bytes, else the hex of its first four bytes.
    $bytes = [IO.File]::ReadAllBytes((Resolve-Path -LiteralPath $Path).ProviderPath)
    $ascii = [Text.Encoding]::ASCII
    if ($bytes.Length -ge 12 -and $ascii.GetString($bytes, 0, 4) -eq 'RIFF' -and $ascii.GetString($bytes, 8, 4) -eq 'WAVE') { return 'WAV' }
    if ($bytes.Length -ge 3 -and ($ascii.GetString($bytes, 0, 3) -eq 'ID3' -or ($bytes[0] -eq 0xFF -and ($bytes[1] -band 0xE0) -eq 0xE0))) { return 'MP3' }
    ($bytes[0..3] | ForEach-Object { $_.ToString('X2') }) -join ''
}
function Assert-RejectedLocally($Record, [string] $ErrorId, [string] $Category, $Target) {
    # A clear input error, raised before anything reached the API.
    $Record | Should -Not -BeNullOrEmpty
    $Record.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
    $Record.CategoryInfo.Category | Should -Be $Category
    if ($PSBoundParameters.ContainsKey('Target')) { $Record.TargetObject | Should -Be $Target }
    $Record.Exception.Message | Should -Not -BeNullOrEmpty
    Get-ApiRequest | Should -HaveCount 0
}

Push-Location $TestDrive
$script:Talk = New-TestWav ./talk.wav 3
$script:Ten = New-TestWav ./ten.wav 10
$script:Short = New-TestWav ./short.wav 2
