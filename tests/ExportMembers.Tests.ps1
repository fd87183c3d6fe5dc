# The export members (Shell/ExportMembers.cs) reach the session through the shipped types file, written at build
# (src/tools/Write-TypesFile.ps1), so that the import itself reflects over nothing and runs no Update-TypeData.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $script:TypesFile = Join-Path (Split-Path $env:RUNWAY_TEST_MODULE) 'Runway.Types.ps1xml'
}

Describe 'Export members in the shipped types file' {
    It 'every member ExportMembers gives is in the session after the import, as a ScriptProperty unless the source file declares it' {
        $source = [xml](Get-Content (Join-Path $RepoRoot 'src/Runway/Runway.Types.ps1xml') -Raw)
        $declared = @($source.SelectNodes('/Types/Type') | ForEach-Object {
                $type = $_.SelectSingleNode('Name').InnerText
                $_.SelectNodes('Members/*/Name') | ForEach-Object { "$type.$($_.InnerText)" } })
        $members = [Runway.Shell.ExportMembers]::Members()
        $members.Count | Should -BeGreaterThan 20 -Because 'lists, dictionaries and nested objects of the output types need text members'
        foreach ($member in $members) {
            $data = (Get-TypeData -TypeName $member.TypeName).Members[$member.Name]
            $data | Should -Not -BeNullOrEmpty -Because "$($member.TypeName).$($member.Name) reads as text in Export-Csv"
            if ("$($member.TypeName).$($member.Name)" -notin $declared) {
                $data | Should -BeOfType ([System.Management.Automation.Runspaces.ScriptPropertyData])
                [string]$data.GetScriptBlock | Should -Match "ExportMembers\]::Get\(\`$this, '$($member.Name)'\)"
                ($null -ne $data.SetScriptBlock) | Should -Be $member.Settable -Because "$($member.Name) is settable only if its .NET property is"
            }
        }
    }

    It 'the shipped types file keeps the source file''s members first (Id and Status lead Format-List *)' {
        $shipped = [xml](Get-Content $TypesFile -Raw)
        $task = $shipped.SelectSingleNode("/Types/Type[Name='Runway.Api.RunwayTask']")
        @($task.SelectNodes('Members/*/Name').InnerText)[0..1] | Should -Be 'Id', 'Status'
        @($shipped.SelectNodes("/Types/Type[Name='Runway.Api.RunwayTask']")).Count | Should -Be 1 -Because 'generated members join the type''s one entry'
    }
}
