# Setup shared by the tests of tests/Foundation.Tests.ps1 and tests/Cmdlets/*/Foundation.Tests.ps1, dot-sourced in their BeforeAll.
. (Join-Path $PSScriptRoot '../TestSetup.ps1')
function script:Exit-AreaTest {
    # This area's teardown, instead of TestSetup's: leaves the connection.
    Disconnect-Runway
    Stop-OwnSimulator
}
$PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1

function script:Reset-Configuration {
    # Before each test of the configuration (Connect-Runway, Disconnect-Runway): the shared simulator empty, no
    # connection, and the test key and the simulator's address in the environment.
    Reset-RunwaySimulator -Url $SimUrl
    Disconnect-Runway
    $env:RUNWAYML_API_SECRET = $TestKey
    $env:RUNWAYML_BASE_URL = $SimUrl
}
