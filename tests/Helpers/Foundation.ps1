# Setup shared by the tests of tests/Foundation.Tests.ps1 and tests/Cmdlets/*/Foundation.Tests.ps1, dot-sourced in their BeforeAll.
. (Join-Path $PSScriptRoot '../TestSetup.ps1')
function script:Exit-AreaTest {
    # This area's teardown, instead of TestSetup's: leaves the connection.
    Disconnect-Runway
    Stop-OwnSimulator
}
$PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1
