# Setup shared by the tests of tests/Completion.Tests.ps1 and tests/Cmdlets/*/Completion.Tests.ps1, dot-sourced in their BeforeAll.
. (Join-Path $PSScriptRoot '../TestSetup.ps1')
