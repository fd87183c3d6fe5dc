# Where a cmdlet's tests are: tests/Cmdlets/<Verb-Noun>/<Topic>.Tests.ps1, with a top-level Describe that names the
# cmdlet. Computed by reflection over the exported cmdlets, so a cmdlet added later fails here until it has tests.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ContractCases.ps1')
    Import-ContractModule
    $script:CmdletCases = @(Get-Command -Module Runway -CommandType Cmdlet | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } })
    $script:FolderCases = @(Get-ChildItem (Join-Path $PSScriptRoot 'Cmdlets') -Directory | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:CmdletsRoot = Join-Path $PSScriptRoot 'Cmdlets'
    $script:Exported = @((Get-Command -Module Runway -CommandType Cmdlet).Name)

    function script:Get-TopDescribe([string] $File) {
        # The names of the top-level Describe blocks of a test file, read from its syntax tree (nothing is run).
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($File, [ref]$null, [ref]$null)
        foreach ($statement in $ast.EndBlock.Statements) {
            $command = $statement.PipelineElements[0]
            if ($command -is [System.Management.Automation.Language.CommandAst] -and $command.GetCommandName() -eq 'Describe') {
                $command.CommandElements[1].SafeGetValue()
            }
        }
    }
}

Describe 'Contract: every cmdlet has its own tests in tests/Cmdlets, a folder named after it' {
    It '<Name> has a folder with a test file whose top-level Describe names it' -ForEach $CmdletCases {
        $folder = Join-Path $CmdletsRoot $Name
        Test-Path $folder -PathType Container | Should -BeTrue -Because "the tests of $Name belong in tests/Cmdlets/$Name/"
        $files = @(Get-ChildItem $folder -Filter *.Tests.ps1 -File)
        $files | Should -Not -BeNullOrEmpty -Because "tests/Cmdlets/$Name/ needs at least one <Topic>.Tests.ps1"
        $named = @($files | Where-Object { @(Get-TopDescribe $_.FullName) -match "^$([regex]::Escape($Name))(\b|$)" })
        $named | Should -Not -BeNullOrEmpty -Because "a file in tests/Cmdlets/$Name/ must have a top-level Describe '$Name…'"
    }

    It 'tests/Cmdlets/<Name>/ is named after an exported cmdlet and all its Describes name it' -ForEach $FolderCases {
        $Exported | Should -Contain $Name -Because 'a folder under tests/Cmdlets is one exported cmdlet (renamed or removed cmdlets take their folder along)'
        foreach ($file in Get-ChildItem (Join-Path $CmdletsRoot $Name) -Filter *.Tests.ps1 -File) {
            foreach ($describe in Get-TopDescribe $file.FullName) {
                $describe | Should -Match "^$([regex]::Escape($Name))(\b|$)" -Because "$($file.Name) is in the folder of $Name"
            }
        }
    }
}
