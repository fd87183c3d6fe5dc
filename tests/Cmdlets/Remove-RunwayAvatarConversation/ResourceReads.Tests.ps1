# Remove-RunwayAvatarConversation: its tests moved from tests/ResourceReads.Tests.ps1 (the area's shared setup is tests/Helpers/ResourceReads.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/ResourceReads.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Remove-RunwayAvatarConversation' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Clear-RunwaySimulatorRequest -Url $SimUrl
    }

    It 'is ConfirmImpact High with -Force, and deletes piped conversations' {
        $command = Get-Command Remove-RunwayAvatarConversation
        $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
        $command.Parameters.Keys | Should -Contain 'Force'
        1..2 | ForEach-Object { New-RunwaySimulatorConversation -Url $SimUrl | Out-Null }
        Clear-RunwaySimulatorRequest -Url $SimUrl
        Get-RunwayAvatarConversation | Remove-RunwayAvatarConversation -Force
        @(Get-ApiRequest '/v1/avatar_conversations/' -Method DELETE) | Should -HaveCount 2
        @(Get-RunwayAvatarConversation) | Should -HaveCount 0
    }

    It '-WhatIf deletes nothing, with -Force too' {
        $seeded = New-RunwaySimulatorConversation -Url $SimUrl
        Remove-RunwayAvatarConversation -Id $seeded.id -WhatIf
        Remove-RunwayAvatarConversation -Id $seeded.id -Force -WhatIf
        Get-ApiRequest '/v1/avatar_conversations/' -Method DELETE | Should -HaveCount 0
        (Get-RunwayAvatarConversation -Id $seeded.id).Id | Should -Be $seeded.id
    }

    It 'refuses the id <Id> with zero requests' -ForEach @(
        @{ Id = ' ' }, @{ Id = '..' }, @{ Id = '.' }, @{ Id = 'a/b' }, @{ Id = 'a\b' }, @{ Id = "a`tb" }
    ) {
        $err = Get-ErrorRecord { Remove-RunwayAvatarConversation -Id $Id -Force }
        $err.FullyQualifiedErrorId | Should -BeLike 'Runway.InvalidId*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.TargetObject | Should -Be $Id
        Get-ApiRequest | Should -HaveCount 0
    }

    It "shows the API's message for an unknown conversation and goes on with the next id" {
        $seeded = New-RunwaySimulatorConversation -Url $SimUrl
        $errors = @()
        Remove-RunwayAvatarConversation -Id 'no-such-conversation', $seeded.id -Force -ErrorVariable +errors -ErrorAction SilentlyContinue
        $errors | Should -HaveCount 1
        $errors[0].Exception.Message | Should -BeLike '*Conversation not found*'
        $errors[0].TargetObject | Should -Be 'no-such-conversation'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        @(Get-RunwayAvatarConversation) | Should -HaveCount 0
    }

    It 'completes conversation ids' {
        $seeded = New-RunwaySimulatorConversation -Url $SimUrl
        Get-RunwayAvatarConversation | Out-Null
        $line = 'Remove-RunwayAvatarConversation -Id '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $seeded.id
    }
}
