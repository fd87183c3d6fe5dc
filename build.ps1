<#
.SYNOPSIS
    Builds, tests, demonstrates, packages and benchmarks the Runway module.
.DESCRIPTION
    Run with the repository's pinned PowerShell: `dotnet tool restore; dotnet pwsh ./build.ps1 -Task Test`.
    Build   lays the module out as it ships: out/Runway/<version>/ (no System.Management.Automation.dll).
    Docs    compiles docs/en-US/*.md to MAML help inside the built module.
    Test    builds, installs Pester and the Node SDK if missing, runs the xunit, Pester and SDK conformance
            suites against the simulator, and ends with one line: 'N passed, N failed, N skipped'.
    Demo    starts the simulator and runs a real pipeline against it.
    Package produces out/repo/Runway.<version>.nupkg through a local PSResourceGet repository.
    Bench   prints performance figures and writes bench/results.md (-BenchOnly Import: just the import row).
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Docs', 'Test', 'Demo', 'Package', 'Bench')]
    [string[]] $Task = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    # Pester only: run just these test files (names or paths).
    [string[]] $TestPath,
    # Bench only: run just these sections (see bench/Invoke-Benchmark.ps1 -Only); their rows are updated in bench/results.md.
    [string[]] $BenchOnly
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
# `dotnet pwsh` finds the pinned local tool from the current directory: work from the repository root.
Set-Location $Root
# CmdletsToExport is written from the cmdlet classes (src/Runway/Cmdlets), so a new cmdlet needs no manifest edit.
& (Join-Path $Root 'src/tools/Update-ManifestCmdlets.ps1') -Root $Root
$Manifest = Import-PowerShellDataFile (Join-Path $Root 'Runway.psd1')
$Version = $Manifest.ModuleVersion
$OutRoot = Join-Path $Root 'out'
$ModuleOut = Join-Path $OutRoot "Runway/$Version"
$ToolsModules = Join-Path $Root '.tools/Modules'
$ResultsDir = Join-Path $OutRoot 'test-results'

function Invoke-Native {
    param([string] $FilePath, [string[]] $ArgumentList, [switch] $Quiet)
    if ($Quiet) {
        $output = & $FilePath @ArgumentList 2>&1
        if ($LASTEXITCODE -ne 0) { $output | Out-Host; throw "$FilePath $($ArgumentList -join ' ') failed with exit code $LASTEXITCODE" }
    }
    else {
        & $FilePath @ArgumentList
        if ($LASTEXITCODE -ne 0) { throw "$FilePath $($ArgumentList -join ' ') failed with exit code $LASTEXITCODE" }
    }
}

function Invoke-Build {
    Write-Host "Building ($Configuration)..."
    Invoke-Native dotnet @('build', (Join-Path $Root 'Runway.sln'), '-c', $Configuration, '-nologo', '-v', 'q', '-clp:ErrorsOnly') -Quiet
    $publish = Join-Path $OutRoot "publish/$Configuration"
    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/Runway/Runway.csproj'), '-c', $Configuration, '-o', $publish, '--no-build', '-nologo', '-v', 'q') -Quiet

    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    New-Item -ItemType Directory -Path $ModuleOut -Force | Out-Null
    Get-ChildItem $publish -Filter *.dll |
        Where-Object Name -ne 'System.Management.Automation.dll' |
        Copy-Item -Destination $ModuleOut
    Copy-Item (Join-Path $Root 'Runway.psd1') $ModuleOut
    Set-ReleaseNotes (Join-Path $ModuleOut 'Runway.psd1')
    Assert-ProjectUris
    # The licence and the changelog travel with the module (and so into the .nupkg).
    Copy-Item (Join-Path $Root 'LICENSE'), (Join-Path $Root 'CHANGELOG.md') -Destination $ModuleOut
    # Format files: one per area of the API (the manifest lists them).
    Get-ChildItem (Join-Path $Root 'src/Runway') -Filter '*.Format.ps1xml' | Copy-Item -Destination $ModuleOut
    # The types file gains the export members of every output type (a child process: this session never loads the module).
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'src/tools/Write-TypesFile.ps1') -AssemblyPath (Join-Path $ModuleOut 'Runway.dll') `
        -SourcePath (Join-Path $Root 'src/Runway/Runway.Types.ps1xml') -OutputPath (Join-Path $ModuleOut 'Runway.Types.ps1xml')
    if ($LASTEXITCODE -ne 0) { throw "Writing the export members into Runway.Types.ps1xml failed (exit code $LASTEXITCODE)." }
    Invoke-Docs
    Write-Host "Module laid out in $ModuleOut"
}

function Get-ChangelogEntry([string] $Path, [string] $Version) {
    # The text under '## [<version>] ...' up to the next '## [' heading or the link references at the end.
    $lines = Get-Content $Path
    $start = ($lines | Select-String -Pattern "^## \[$([regex]::Escape($Version))\]" | Select-Object -First 1).LineNumber
    if (-not $start) { throw "CHANGELOG.md has no '## [$Version]' entry for the manifest's ModuleVersion." }
    $body = foreach ($line in $lines[$start..($lines.Count - 1)]) {
        if ($line -match '^## \[' -or $line -match '^\[[^\]]+\]:\s') { break }
        $line
    }
    ($body -join "`n").Trim()
}

function Set-ReleaseNotes([string] $BuiltManifest) {
    # ReleaseNotes come from CHANGELOG.md at build, so the Gallery shows the changelog's own words.
    $notes = Get-ChangelogEntry (Join-Path $Root 'CHANGELOG.md') $Version
    $text = Get-Content $BuiltManifest -Raw
    $pattern = "(?m)^(\s*ReleaseNotes\s*=\s*)'(?:[^']|'')*'"
    if ($text -notmatch $pattern) { throw "Runway.psd1 has no single-quoted ReleaseNotes = '...' line to fill in." }
    $literal = "'" + $notes.Replace("'", "''") + "'"
    $text = [regex]::Replace($text, $pattern, { param($m) $m.Groups[1].Value + $literal })
    Set-Content -Path $BuiltManifest -Value $text -Encoding utf8NoBOM -NoNewline
}

function Assert-ProjectUris {
    # One setting: RunwayCmdlet.ProjectUri (every cmdlet's HelpUri derives from it); the manifest's links must agree.
    $source = Get-Content (Join-Path $Root 'src/Runway/Shell/RunwayCmdlet.cs') -Raw
    if ($source -notmatch 'const string ProjectUri = "([^"]+)"') { throw 'RunwayCmdlet.cs defines no ProjectUri.' }
    $project = $Matches[1]
    $psData = $Manifest.PrivateData.PSData
    if ($psData.ProjectUri -ne $project) { throw "Runway.psd1's ProjectUri '$($psData.ProjectUri)' is not RunwayCmdlet.ProjectUri '$project'." }
    if ($psData.LicenseUri -ne "$project/blob/main/LICENSE") { throw "Runway.psd1's LicenseUri '$($psData.LicenseUri)' is not '$project/blob/main/LICENSE'." }
}

function Get-HelpSynopsis([string] $Path) {
    # The paragraph under '## SYNOPSIS' of a help page, on one line.
    $lines = [IO.File]::ReadAllLines($Path)
    $at = [Array]::IndexOf($lines, '## SYNOPSIS')
    if ($at -lt 0) { throw "$([IO.Path]::GetFileName($Path)) has no '## SYNOPSIS'." }
    $text = [Collections.Generic.List[string]]::new()
    foreach ($line in $lines[($at + 1)..($lines.Count - 1)]) {
        if ($line -match '^#' -or (-not $line.Trim() -and $text.Count)) { break }
        if ($line.Trim()) { $text.Add($line.Trim()) }
    }
    ($text -join ' ').Trim()
}

function Update-ReadmeIndex {
    # README's one-line index of the cmdlets: the manifest's CmdletsToExport (xunit checks them against the compiled
    # cmdlet classes), each with its help page's synopsis, between the cmdlets markers, and the count above the area
    # table. Written, not typed, so that a new cmdlet needs no README edit (naming it in an area row is optional).
    $readme = Join-Path $Root 'README.md'
    $lines = [IO.File]::ReadAllLines($readme)
    $open = [Array]::FindIndex($lines, [Predicate[string]] { param($l) $l.StartsWith('<!-- cmdlets:begin') })
    $close = [Array]::IndexOf($lines, '<!-- cmdlets:end -->')
    if ($open -lt 0 -or $close -lt $open) { throw "README.md needs a '<!-- cmdlets:begin ... -->' line and a '<!-- cmdlets:end -->' line after it." }
    $rows = foreach ($name in $Manifest.CmdletsToExport) {
        $page = Join-Path $Root "docs/en-US/$name.md"
        if (-not (Test-Path $page)) { throw "CmdletsToExport has $name, but docs/en-US/$name.md does not exist." }
        '| [{0}](docs/en-US/{0}.md) | {1} |' -f $name, ((Get-HelpSynopsis $page) -replace '\|', '\|')
    }
    $updated = @($lines[0..$open]) + @('| Cmdlet | What it does |', '|---|---|') + @($rows) + @($lines[$close..($lines.Count - 1)])
    # The count above the area table, from the same list.
    $count = @($Manifest.CmdletsToExport).Count
    $updated = @($updated | ForEach-Object { $_ -replace '^The \d+ cmdlets, by area:', "The $count cmdlets, by area:" })
    if (($updated -join "`n") -cne ($lines -join "`n")) {
        [IO.File]::WriteAllText($readme, (($updated -join "`n") + "`n"))
        Write-Host 'Updated the cmdlet index in README.md from the manifest and the help synopses.'
    }
}

function Invoke-Docs {
    $docs = Join-Path $Root 'docs/en-US'
    $converter = Join-Path $Root 'src/tools/ConvertTo-Maml.ps1'
    if (-not (Test-Path $converter) -or -not (Get-ChildItem $docs -Filter *.md -ErrorAction SilentlyContinue)) { return }
    # The per-model facts in the help come from the built catalog (a child process: this session never loads the module).
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'src/tools/Update-CatalogHelp.ps1') -AssemblyPath (Join-Path $ModuleOut 'Runway.dll') -DocsPath $docs
    if ($LASTEXITCODE -ne 0) { throw "Writing the model lists into the help failed (exit code $LASTEXITCODE)." }
    # Each shared parameter's text is written once (docs/en-US/shared/parameters.md) and copied into every page that takes it.
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'src/tools/Update-SharedHelp.ps1') -ModuleManifest (Join-Path $ModuleOut 'Runway.psd1') -DocsPath $docs
    if ($LASTEXITCODE -ne 0) { throw "Writing the shared parameter texts into the help failed (exit code $LASTEXITCODE)." }
    & $converter -SourcePath $docs -OutputPath (Join-Path $ModuleOut 'en-US') -ModuleName Runway
    Update-ReadmeIndex
}

function Find-Pester {
    # Save-PSResource lays it out as pester/<version>/tools/Pester.psd1 (the folder's case varies by feed).
    Get-ChildItem -Path $ToolsModules -Filter Pester.psd1 -Recurse -ErrorAction SilentlyContinue |
        Where-Object { $_.Directory.Parent.Name -as [version] } |
        Sort-Object { [version]$_.Directory.Parent.Name } -Descending | Select-Object -First 1
}

function Install-Pester {
    $pester = Find-Pester
    if ($pester) { return $pester.FullName }

    Write-Host 'Installing Pester 5 from the NuGet registry...'
    New-Item -ItemType Directory -Path $ToolsModules -Force | Out-Null
    $source = @(& dotnet nuget list source --format short 2>$null) -match '^E\s' | ForEach-Object { ($_ -split '\s+', 2)[1] } | Select-Object -First 1
    if (-not $source) { $source = 'https://api.nuget.org/v3/index.json' }
    if (-not (Get-PSResourceRepository -Name RunwayBuildNuGet -ErrorAction SilentlyContinue)) {
        Register-PSResourceRepository -Name RunwayBuildNuGet -Uri $source -Trusted
    }
    Save-PSResource -Name Pester -Version '[5.7.1,6.0.0)' -Repository RunwayBuildNuGet -TrustRepository -SkipDependencyCheck -Path $ToolsModules -Quiet
    $pester = Find-Pester
    if (-not $pester) { throw "Pester was saved from $source but no Pester.psd1 is under $ToolsModules." }
    return $pester.FullName
}

function Install-NodeSdk {
    $conformance = Join-Path $Root 'tests/conformance'
    if (-not (Test-Path (Join-Path $conformance 'package.json'))) { return $false }
    # npm ci again when package-lock.json changed since node_modules was installed.
    $installed = Join-Path $conformance 'node_modules/.package-lock.json'
    $lock = Join-Path $conformance 'package-lock.json'
    $stale = -not [IO.File]::Exists($installed) -or [IO.File]::GetLastWriteTimeUtc($lock) -gt [IO.File]::GetLastWriteTimeUtc($installed)
    if ($stale -or -not (Test-Path (Join-Path $conformance 'node_modules/@runwayml/sdk'))) {
        Write-Host 'Installing the official Node SDK (npm ci)...'
        Push-Location $conformance
        try { Invoke-Native npm @('ci', '--no-audit', '--no-fund', '--loglevel=error') -Quiet } finally { Pop-Location }
    }
    return $true
}

function Install-Browser {
    # The contact sheet's browser test (tests/ContactSheet.Tests.ps1) renders the page in headless Chromium:
    # Debian's package, installed only when missing, only by root on Debian; anywhere else the test says why it skips.
    if ($TestPath -and -not ($TestPath -match 'ContactSheet')) { return }
    if (Get-Command chromium, chromium-browser, google-chrome -CommandType Application -ErrorAction Ignore) { return }
    if (-not $IsLinux -or -not (Test-Path /etc/debian_version) -or -not (Get-Command apt-get -ErrorAction Ignore)) {
        Write-Host 'No Chromium, and this is not Debian: the contact sheet''s browser test will be skipped (install Chromium to run it).'
        return
    }
    if ((& id -u) -ne '0') {
        Write-Host 'No Chromium, and not running as root: the contact sheet''s browser test will be skipped (sudo apt-get install -y chromium).'
        return
    }
    Write-Host 'Installing Chromium (Debian package) for the contact sheet''s browser test...'
    $env:DEBIAN_FRONTEND = 'noninteractive'
    Invoke-Native apt-get @('update', '-qq') -Quiet
    Invoke-Native apt-get @('install', '-y', '-qq', 'chromium') -Quiet
}

function Read-TrxCounts([string] $Path) {
    [xml] $trx = Get-Content $Path -Raw
    $c = $trx.TestRun.ResultSummary.Counters
    [pscustomobject]@{ Suite = 'xunit'; Passed = [int]$c.passed; Failed = [int]$c.failed + [int]$c.error + [int]$c.timeout; Skipped = [int]$c.notExecuted }
}

function Invoke-Test {
    Invoke-Build
    $pesterManifest = Install-Pester
    $hasNode = Install-NodeSdk
    Install-Browser
    if (Test-Path $ResultsDir) { Remove-Item $ResultsDir -Recurse -Force }
    New-Item -ItemType Directory -Path $ResultsDir -Force | Out-Null
    $totals = [System.Collections.Generic.List[object]]::new()

    Write-Host "`n== C# unit tests (xunit)"
    & dotnet test (Join-Path $Root 'tests/Runway.Tests/Runway.Tests.csproj') -c $Configuration --no-build -nologo `
        --logger 'trx;LogFileName=unit.trx' --logger 'console;verbosity=minimal' --results-directory $ResultsDir
    $unitExit = $LASTEXITCODE
    $trx = Join-Path $ResultsDir 'unit.trx'
    $unit = if (Test-Path $trx) { Read-TrxCounts $trx } else { [pscustomobject]@{ Suite = 'xunit'; Passed = 0; Failed = 0; Skipped = 0 } }
    # A crashed test host can leave counters without a failure: the exit code still counts as one.
    if ($unitExit -ne 0 -and $unit.Failed -eq 0) { $unit.Failed = 1 }
    $totals.Add($unit)

    Write-Host "`n== PowerShell tests (Pester: two child pwsh workers, each against its own simulator)"
    $pesterJson = Join-Path $ResultsDir 'pester.json'
    $runner = Join-Path $Root 'tests/Invoke-PesterSuite.ps1'
    $runnerArgs = @('pwsh', '-NoProfile', '-NonInteractive', '-File', $runner, '-PesterManifest', $pesterManifest,
        '-ModuleManifest', (Join-Path $ModuleOut 'Runway.psd1'), '-Configuration', $Configuration, '-ResultPath', $pesterJson,
        '-DurationPath', (Join-Path $ResultsDir 'pester-durations.json'))
    if ($TestPath) { $runnerArgs += @('-TestPath', ($TestPath -join ',')) }
    & dotnet @runnerArgs
    if (Test-Path $pesterJson) { $totals.Add((Get-Content $pesterJson -Raw | ConvertFrom-Json)) }
    else { $totals.Add([pscustomobject]@{ Suite = 'pester'; Passed = 0; Failed = 1; Skipped = 0 }) }

    if ($hasNode -and -not $TestPath) {
        Write-Host "`n== Official Node SDK against the simulator (conformance)"
        $tap = & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'tests/conformance/run.ps1') -Configuration $Configuration 2>&1
        $tap | Out-Host
        $pass = ($tap | Select-String '^# pass (\d+)' | Select-Object -Last 1)
        $fail = ($tap | Select-String '^# fail (\d+)' | Select-Object -Last 1)
        $skip = ($tap | Select-String '^# skipped (\d+)' | Select-Object -Last 1)
        if ($pass -and $fail) {
            $totals.Add([pscustomobject]@{
                Suite = 'conformance'; Passed = [int]$pass.Matches[0].Groups[1].Value
                Failed = [int]$fail.Matches[0].Groups[1].Value + [int]($LASTEXITCODE -ne 0 -and [int]$fail.Matches[0].Groups[1].Value -eq 0)
                Skipped = if ($skip) { [int]$skip.Matches[0].Groups[1].Value } else { 0 }
            })
        }
        else { $totals.Add([pscustomobject]@{ Suite = 'conformance'; Passed = 0; Failed = 1; Skipped = 0 }) }
    }

    Write-Host ''
    $totals | Format-Table Suite, Passed, Failed, Skipped -AutoSize | Out-Host
    $passed = ($totals | Measure-Object Passed -Sum).Sum
    $failed = ($totals | Measure-Object Failed -Sum).Sum
    $skipped = ($totals | Measure-Object Skipped -Sum).Sum
    Write-Host "$passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'tests/Demo.ps1') -ModuleManifest (Join-Path $ModuleOut 'Runway.psd1') -Configuration $Configuration
    if ($LASTEXITCODE -ne 0) { throw "The demo failed (exit code $LASTEXITCODE)." }
}

function Invoke-Package {
    Invoke-Build
    $repo = Join-Path $OutRoot 'repo'
    New-Item -ItemType Directory -Path $repo -Force | Out-Null
    Get-ChildItem $repo -Filter 'Runway.*.nupkg' | Remove-Item -Force
    # PSResourceGet keeps its repository list in the user's data folder, which other builds on this machine
    # share: give the child process a private one so that concurrent builds never see each other's repository.
    $store = Join-Path $OutRoot 'psresourceget'
    if (Test-Path $store) { Remove-Item $store -Recurse -Force }
    New-Item -ItemType Directory -Path $store -Force | Out-Null
    $saved = @{ XDG_DATA_HOME = $env:XDG_DATA_HOME; LOCALAPPDATA = $env:LOCALAPPDATA }
    $env:XDG_DATA_HOME = $store; $env:LOCALAPPDATA = $store
    try {
        & dotnet pwsh -NoProfile -NonInteractive -Command "
            `$ErrorActionPreference = 'Stop'
            Register-PSResourceRepository -Name RunwayLocalBuild -Uri '$repo' -Trusted
            Publish-PSResource -Path '$ModuleOut' -Repository RunwayLocalBuild -SkipDependenciesCheck"
        if ($LASTEXITCODE -ne 0) { throw 'Publish-PSResource failed.' }
    }
    finally {
        $env:XDG_DATA_HOME = $saved.XDG_DATA_HOME; $env:LOCALAPPDATA = $saved.LOCALAPPDATA
        Remove-Item $store -Recurse -Force -ErrorAction SilentlyContinue
    }
    $package = Get-ChildItem $repo -Filter "Runway.$Version.nupkg" | Select-Object -First 1
    if (-not $package) { throw "No package was produced in $repo." }
    Write-Host "Package: $($package.FullName)"
}

function Invoke-Bench {
    Invoke-Build
    $only = if ($BenchOnly) { @('-Only', ($BenchOnly -join ',')) } else { @() }
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'bench/Invoke-Benchmark.ps1') -ModuleManifest (Join-Path $ModuleOut 'Runway.psd1') -Configuration $Configuration @only
    if ($LASTEXITCODE -ne 0) { throw "The benchmark failed (exit code $LASTEXITCODE)." }
}

foreach ($step in $Task) {
    switch ($step) {
        'Build' { Invoke-Build }
        'Docs' { Invoke-Docs }
        'Test' { Invoke-Test }
        'Demo' { Invoke-Demo }
        'Package' { Invoke-Package }
        'Bench' { Invoke-Bench }
    }
}
