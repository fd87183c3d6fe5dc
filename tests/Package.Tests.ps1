# The module as it ships: published to a local PSResourceGet repository (the steps of build.ps1 -Task Package),
# installed by name into a clean module path in a new pwsh, imported by name and used against the simulator.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $script:ModuleBase = Split-Path $env:RUNWAY_TEST_MODULE -Parent
    $script:Version = (Import-PowerShellDataFile $env:RUNWAY_TEST_MODULE).ModuleVersion
    $script:Repo = Join-Path $TestDrive 'repo'
    # A private home: PSResourceGet keeps its repository list under the user's data folder and installs
    # -Scope CurrentUser under $HOME (Linux, macOS) or Documents (Windows); none of it may touch the real user's.
    $script:HomeDir = Join-Path $TestDrive 'home'
    $script:Data = Join-Path $HomeDir '.local/share'
    $script:Modules = if ($IsWindows) { Join-Path $HomeDir 'Documents/PowerShell/Modules' } else { Join-Path $Data 'powershell/Modules' }
    New-Item -ItemType Directory -Path $Repo, $Modules -Force | Out-Null

    function Invoke-CleanPwsh([string] $Script) {
        # A new pwsh whose user data (PSResourceGet repositories, CurrentUser modules) lives in TestDrive and whose
        # module path holds only that folder and pwsh's own modules.
        $saved = @{}
        $environment = @{
            HOME = $HomeDir; USERPROFILE = $HomeDir; XDG_DATA_HOME = $Data; LOCALAPPDATA = $Data
            PSModulePath = $Modules
            RUNWAYML_API_SECRET = $TestKey; RUNWAYML_BASE_URL = $SimUrl
        }
        foreach ($name in $environment.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $environment[$name]) }
        # Run from TestDrive: anything the child writes relative to its working directory stays there.
        Push-Location $TestDrive
        try {
            $exe, $prefix = Get-PwshCommand
            $output = & $exe @prefix -NoProfile -NonInteractive -Command ("`$ErrorActionPreference = 'Stop'; " + $Script) 2>&1 | ForEach-Object { "$_" }
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = $output -join "`n" }
        }
        finally {
            Pop-Location
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
    }

    $publish = Invoke-CleanPwsh @"
Register-PSResourceRepository -Name RunwayTestRepo -Uri '$Repo' -Trusted
Publish-PSResource -Path '$ModuleBase' -Repository RunwayTestRepo -SkipDependenciesCheck
"@
    $script:Published = $publish
    $script:Package = Join-Path $Repo "Runway.$Version.nupkg"

    $install = Invoke-CleanPwsh @"
if (-not (Get-PSResourceRepository -Name RunwayTestRepo -ErrorAction SilentlyContinue)) { throw 'the private repository store was not used' }
Install-PSResource -Name Runway -Repository RunwayTestRepo -TrustRepository -Scope CurrentUser -Quiet
if (-not (Test-Path '$Modules/Runway')) { throw "Install-PSResource did not install into '$Modules'" }
`$module = Import-Module Runway -PassThru
`$credit = Get-RunwayCredit
`$manifest = Test-ModuleManifest (Join-Path `$module.ModuleBase 'Runway.psd1')
[pscustomobject]@{
    ModuleBase   = `$module.ModuleBase
    Version      = "`$(`$module.Version)"
    Balance      = `$credit.CreditBalance
    Cmdlets      = @(`$module.ExportedCmdlets.Keys | Sort-Object)
    ManifestOk   = [bool]`$manifest
    Files        = @(Get-ChildItem `$module.ModuleBase -Recurse -File | ForEach-Object { `$_.FullName.Substring(`$module.ModuleBase.Length + 1).Replace('\', '/') } | Sort-Object)
    ModulePath   = `$env:PSModulePath
    HelpSynopsis = (Get-Help Get-RunwayCredit).Synopsis
} | ConvertTo-Json -Compress
"@
    $script:Installed = $install
    $script:Result = $install.Output -split "`n" | Where-Object { $_.StartsWith('{') } | Select-Object -Last 1 | ConvertFrom-Json
}

AfterAll {
    Stop-OwnSimulator
}

Describe 'Package' {
    It 'publishes Runway.<version>.nupkg to a local repository' {
        $Published.ExitCode | Should -Be 0 -Because $Published.Output
        $Package | Should -Exist
    }

    It 'installs by name from that repository into a clean module path and imports by name' {
        $Installed.ExitCode | Should -Be 0 -Because $Installed.Output
        $Result | Should -Not -BeNullOrEmpty -Because $Installed.Output
        $Result.ModuleBase | Should -BeLike "$Modules*"
        $Result.Version | Should -Be $Version
    }

    It 'works against the simulator once installed' {
        $Result.Balance | Should -BeGreaterThan 0
        $Result.HelpSynopsis | Should -Not -BeLike 'Get-RunwayCredit*' -Because 'the MAML help ships in the package'
    }

    It 'exports exactly the cmdlets of the manifest' {
        $expected = @((Import-PowerShellDataFile $env:RUNWAY_TEST_MODULE).CmdletsToExport | Sort-Object)
        $Result.Cmdlets | Should -Be $expected
    }

    It 'ships no System.Management.Automation.dll, and its help files' {
        $Result.Files | Should -Not -Contain 'System.Management.Automation.dll'
        $Result.Files | Should -Contain 'Runway.dll'
        $Result.Files | Should -Contain 'en-US/Runway.dll-Help.xml'
        $Result.Files | Should -Contain 'en-US/about_Runway.help.txt'
    }

    It 'holds the licence and the changelog in the .nupkg and installs them' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($Package)
        try { $entries = @($zip.Entries | ForEach-Object FullName) } finally { $zip.Dispose() }
        $entries | Should -Contain 'LICENSE'
        $entries | Should -Contain 'CHANGELOG.md'
        $Result.Files | Should -Contain 'LICENSE'
        $Result.Files | Should -Contain 'CHANGELOG.md'
        Get-Content (Join-Path $ModuleBase 'LICENSE') -Raw | Should -Be (Get-Content (Join-Path $RepoRoot 'LICENSE') -Raw)
    }

    It 'passes Test-ModuleManifest with explicit exports' {
        $Result.ManifestOk | Should -BeTrue
        $manifest = Import-PowerShellDataFile $env:RUNWAY_TEST_MODULE
        foreach ($key in 'CmdletsToExport', 'FunctionsToExport', 'VariablesToExport', 'AliasesToExport') {
            @($manifest[$key]) -join ',' | Should -Not -Match '\*' -Because "$key must be explicit"
        }
    }
}
