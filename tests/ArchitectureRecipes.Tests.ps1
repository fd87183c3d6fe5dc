# docs/architecture.md's two recipes, followed literally in a scratch copy by tests/ArchitectureRecipes/Invoke-RecipeCheck.ps1:
# a synthetic model (zz-test-model) and a synthetic task endpoint (New-RunwayZzTestEcho) are added, built, validated,
# priced, completed and run against the scratch simulator, and the files each recipe touched are counted against the
# targets by hand (a model: 3; a simple task endpoint: 6 with an SDK endpoint's conformance case, so 5 here; documents
# included, generated files apart). The endpoint's help page is the one src/tools/New-HelpMarkdown.ps1 writes, with
# only what a person writes filled in: no placeholder may be left. Under CI (the CI environment
# variable set) missing python3 or SDK declarations fail instead of skipping.
BeforeAll {
    $script:Root = Split-Path $PSScriptRoot -Parent
    $script:Declarations = Join-Path $Root 'tests/conformance/node_modules/@runwayml/sdk/resources'
    $script:Python = Get-Command python3, python -CommandType Application -ErrorAction Ignore | Select-Object -First 1
    $script:Missing = @(if (-not $Python) { 'python3' }; if (-not (Test-Path $Declarations)) { 'the SDK declarations (npm ci in tests/conformance)' })
    $script:Result = $null
    if (-not $Missing) {
        $path = Join-Path ([IO.Path]::GetTempPath()) "runway-recipe-$PID.json"
        & (Join-Path $PSScriptRoot 'ArchitectureRecipes/Invoke-RecipeCheck.ps1') -ResultPath $path | Out-Null
        $script:Result = Get-Content -Raw $path | ConvertFrom-Json
        Remove-Item $path
    }
    function script:Skip-WithoutTools {
        if (-not $Missing) { return $false }
        if ($env:CI) { throw "The recipe check cannot run under CI: missing $($Missing -join ' and ')." }
        Set-ItResult -Skipped -Because "missing $($Missing -join ' and ')"
        $true
    }
}

Describe 'The recipes of docs/architecture.md' {
    It 'adding a model to an existing endpoint touches at most 3 files by hand (the generated table apart)' {
        if (Skip-WithoutTools) { return }
        $Result.ModelFiles.Count | Should -BeLessOrEqual 3 -Because "it touched: $(@($Result.ModelFiles.Code) + @($Result.ModelFiles.Generated) + @($Result.ModelFiles.Docs) -join ', ')"
        @($Result.ModelFiles.Generated) | Should -Not -BeNullOrEmpty -Because 'the field table is regenerated from the declarations'
    }

    It 'adding a simple task endpoint touches at most 5 files by hand (its help and tests included; an SDK endpoint''s conformance case makes 6)' {
        if (Skip-WithoutTools) { return }
        $Result.EndpointFiles.Count | Should -BeLessOrEqual 5 -Because "it touched: $(@($Result.EndpointFiles.Code) + @($Result.EndpointFiles.Generated) + @($Result.EndpointFiles.Docs) -join ', ')"
        @($Result.EndpointFiles.Generated) | Should -Contain 'Runway.psd1' -Because 'the manifest''s CmdletsToExport is written from the cmdlet classes'
    }

    It 'a new endpoint''s help page from New-HelpMarkdown leaves a person only the synopsis, description, own parameters and examples' {
        if (Skip-WithoutTools) { return }
        @($Result.Help.Left) | Should -BeNullOrEmpty -Because 'every inherited parameter''s text comes from docs/en-US/shared/parameters.md'
        $Result.Help.OnlineVersion | Should -BeLike 'https://*/docs/en-US/New-RunwayZzTestEcho.md'
    }

    It 'the result builds, validates, prices "price unknown", completes and runs against the simulator' {
        if (Skip-WithoutTools) { return }
        $Result.Pester.Failed | Should -Be 0 -Because ($Result.Pester.Failures -join "`n")
        $Result.Pester.Passed | Should -BeGreaterThan 0
    }
}
