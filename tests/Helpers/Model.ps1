# Setup shared by the tests of tests/Model.Tests.ps1 and tests/Cmdlets/*/Model.Tests.ps1, dot-sourced in their BeforeAll.
. (Join-Path $PSScriptRoot '../TestSetup.ps1')
# The catalog as the module holds it (the listing must show exactly these, never a copy).
$script:Catalog = [Runway.Models.ModelCatalog]::Models
