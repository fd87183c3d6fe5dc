# Setup shared by the tests of tests/Foundation.Tests.ps1 and tests/Cmdlets/*/Foundation.Tests.ps1, dot-sourced in their BeforeAll.
. (Join-Path $PSScriptRoot '../TestSetup.ps1')
$PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1
