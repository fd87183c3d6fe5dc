# The format views and type members are loaded by the first Runway command of a session (Shell/SessionViews.cs),
# not by the import: the import stays cheap, and every object of the module comes from one of its commands.
# Each case runs in a fresh pwsh, the only place where "nothing loaded yet" can be seen.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $script:Base = Split-Path $env:RUNWAY_TEST_MODULE
    # Every type a shipped format file has a view for, and every type the shipped types file extends.
    $script:ViewTypes = @(Get-ChildItem $Base -Filter *.Format.ps1xml | ForEach-Object {
            ([xml](Get-Content $_.FullName -Raw)).Configuration.ViewDefinitions.View.ViewSelectedBy.TypeName }) | Sort-Object -Unique
    $script:MemberTypes = @(([xml](Get-Content (Join-Path $Base 'Runway.Types.ps1xml') -Raw)).Types.Type.Name) | Sort-Object -Unique
    function script:Get-Loaded([string] $Before) {
        # In a fresh pwsh: which of the module's types have views and members after the import and $Before.
        $types = ($ViewTypes | ForEach-Object { "'$_'" }) -join ','
        $members = ($MemberTypes | ForEach-Object { "'$_'" }) -join ','
        $out = Invoke-InChildPwsh -Script (@"
$Before
'views=' + (@($types | Where-Object { Get-FormatData -TypeName `$_ }) -join ',')
'members=' + (@($members | Where-Object { (Get-TypeData -TypeName `$_).Members.Count }) -join ',')
"@)
        [pscustomobject]@{
            Views   = @((($out | Where-Object { $_ -like 'views=*' }) -replace '^views=') -split ',' | Where-Object { $_ })
            Members = @((($out | Where-Object { $_ -like 'members=*' }) -replace '^members=') -split ',' | Where-Object { $_ })
            Output  = $out
        }
    }
}

Describe 'Format views and type members of a session' {
    It 'every cmdlet that outputs objects loads them (it derives from RunwayCmdlet, whose BeginProcessing does)' {
        $base = [Runway.Shell.RunwayCmdlet]
        $outputs = Get-Command -Module Runway -CommandType Cmdlet | Where-Object { @($_.OutputType.Type | Where-Object { $_ -and $_ -ne [void] }).Count }
        $outputs.Count | Should -BeGreaterThan 50
        @($outputs | Where-Object { -not $base.IsAssignableFrom($_.ImplementingType) }).Name | Should -BeNullOrEmpty
    }

    It 'the import alone loads none of them (its cost is the assembly and the cmdlets)' {
        $ViewTypes.Count | Should -BeGreaterThan 20
        $loaded = Get-Loaded ''
        $loaded.Views | Should -HaveCount 0 -Because ($loaded.Output -join "`n")
        $loaded.Members | Should -HaveCount 0
    }

    It 'the first command loads every view and every member, even a command that refuses its input' {
        $loaded = Get-Loaded "try { Get-RunwayModel -Offline -Name zz-test-nonexistent-model -ErrorAction Stop } catch { 'refused: ' + `$_.FullyQualifiedErrorId }"
        $loaded.Output | Should -Contain 'refused: Runway.ModelNotFound,Runway.Cmdlets.GetRunwayModelCommand' -Because ($loaded.Output -join "`n")
        $loaded.Views | Should -Be $ViewTypes
        $loaded.Members | Should -Be $MemberTypes
    }

    It 'a task read in a fresh session shows in its table view, and Export-Csv reads its lists as text' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        $out = Invoke-InChildPwsh -Script @"
`$t = Get-RunwayTask -Id '$id'
(`$t | Format-Table | Out-String -Width 120).Trim()
'csv=' + (`$t | ConvertTo-Csv -NoTypeInformation | Select-Object -Last 1)
"@
        $table = $out -join "`n"
        $default = ([xml](Get-Content (Join-Path $Base 'Runway.Format.ps1xml') -Raw)).Configuration.ViewDefinitions.View |
            Where-Object { $_.ViewSelectedBy.TypeName -eq 'Runway.Api.RunwayTask' -and $_.TableControl } | Select-Object -First 1
        foreach ($label in @($default.TableControl.TableHeaders.TableColumnHeader.Label)) { $table | Should -Match ([regex]::Escape($label)) }
        ($out | Where-Object { $_ -like 'csv=*' }) | Should -Not -Match 'System\.(Collections|String\[\])'
    }

    It 'a second runspace of the same process gets them from its own first command' {
        $out = Invoke-InChildPwsh -Script @'
$null = Get-RunwayModel -Name gen4_turbo
$ps = [powershell]::Create()
$null = $ps.AddScript("Import-Module '$env:RUNWAY_TEST_MODULE'; [bool](Get-FormatData -TypeName Runway.Api.RunwayTask); `$null = Get-RunwayModel -Name gen4_turbo; [bool](Get-FormatData -TypeName Runway.Api.RunwayTask)")
'second=' + ($ps.Invoke() -join ',')
'first=' + [bool](Get-FormatData -TypeName Runway.Api.RunwayTask)
'@
        $out | Should -Contain 'second=False,True' -Because ($out -join "`n")
        $out | Should -Contain 'first=True'
    }
}
