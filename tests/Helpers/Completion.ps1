# Setup shared by the tests of tests/Completion.Tests.ps1 and tests/Cmdlets/*/Completion.Tests.ps1, dot-sourced in their BeforeAll.
. (Join-Path $PSScriptRoot '../TestSetup.ps1')
function script:Exit-AreaTest {
    # The AfterAll of every file that dot-sources this setup: stops the simulator only if this file started its own.
    Stop-OwnSimulator
}
