# Remove-RunwayVoice: its tests moved from tests/Avatars.Tests.ps1 (the area's shared setup is tests/Helpers/Avatars.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Avatars.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Remove-RunwayVoice, custom voices' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Clear-RunwaySimulatorRequest -Url $SimUrl
    }

    It 'deleting asks first (ConfirmImpact High) and -WhatIf sends nothing' {
        foreach ($name in 'Remove-RunwayVoice', 'Remove-RunwayDocument', 'Remove-RunwayAvatar') {
            $attribute = (Get-Command $name).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
            $attribute.ConfirmImpact | Should -Be 'High'
        }
        $voice = New-RunwayVoice -Name 'Narrator' -Prompt $Description
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $voice | Remove-RunwayVoice -WhatIf
        Request-Count | Should -Be 0
    }
}
