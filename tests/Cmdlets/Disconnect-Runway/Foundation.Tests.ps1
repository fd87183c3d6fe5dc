# Disconnect-Runway: its tests moved from tests/Foundation.Tests.ps1 (the area's shared setup is tests/Helpers/Foundation.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Foundation.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Disconnect-Runway, configuration and keys' {
    BeforeEach { Reset-Configuration }
    AfterEach { $env:RUNWAYML_API_SECRET = $TestKey; Disconnect-Runway }

    It 'Disconnect-Runway drops the cap and -AllowUnknownPrice with the key (nothing of a connection outlives it)' {
        Connect-Runway -ApiKey (ConvertTo-SecureString $TestKey -AsPlainText -Force) -BaseUri $SimUrl -MaxCredits 5 -AllowUnknownPrice -SkipValidation | Out-Null
        [Runway.Tasks.SpendingGuard]::AllowUnknownPrice | Should -BeTrue
        Disconnect-Runway
        [Runway.Tasks.SpendingGuard]::AllowUnknownPrice | Should -BeFalse
    }
}
