# Setup shared by the tests of tests/Completion.Tests.ps1 and tests/Cmdlets/*/Completion.Tests.ps1, dot-sourced in their BeforeAll.
. (Join-Path $PSScriptRoot '../TestSetup.ps1')
function script:Exit-AreaTest {
    # This area's teardown, instead of TestSetup's: only the simulator a file run alone started (the shared one is left
    # as it is).
    Stop-OwnSimulator
}
