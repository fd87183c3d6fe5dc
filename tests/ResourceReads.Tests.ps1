# Methods of the SDK that had no cmdlet or field: avatarConversations.delete (Remove-RunwayAvatarConversation),
# workflowInvocations.retrieve without waiting (Get-RunwayWorkflowInvocation), uploads' fileMetadata
# (Send-RunwayFile -Metadata) and a conversation's avatar.imageUrl.

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1
    Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
    $task = New-RunwayImage -Prompt 'a face' -Model gen4_image -Ratio 1280:720 -Wait -Confirm:$false
    $script:Face = Join-Path $TestDrive 'face.png'
    [IO.File]::WriteAllBytes($Face, (Invoke-WebRequest -Uri $task.Output[0]).Content)
}

AfterAll {
    Reset-RunwaySimulator -Url $SimUrl
    if ($script:OwnSimulator) { Stop-RunwaySimulator $script:OwnSimulator }
}

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

Describe "A conversation's avatar image" {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'reads avatar.imageUrl of a custom avatar, and null for a preset' {
        $avatar = New-RunwayAvatar -ReferenceImage $Face -Name 'Host' -Personality 'Friendly' -Voice max -Wait -Confirm:$false
        $mine = New-RunwaySimulatorConversation -Url $SimUrl -Conversation @{ avatarId = $avatar.Id }
        $preset = New-RunwaySimulatorConversation -Url $SimUrl -Conversation @{ presetId = 'influencer' }
        (Get-RunwayAvatarConversation -Id $mine.id).AvatarImageUrl | Should -BeLike 'http*'
        (Get-RunwayAvatarConversation -Id $preset.id).AvatarImageUrl | Should -BeNullOrEmpty
    }
}

Describe 'Get-RunwayWorkflowInvocation' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Clear-RunwaySimulatorRequest -Url $SimUrl
    }

    It 'reads a run once without waiting, and pipes into Wait-RunwayWorkflowInvocation' {
        $run = Get-RunwayWorkflow -Name 'Product shot' -Latest | Invoke-RunwayWorkflow -Inputs @{ 'Product image' = $Face } -Confirm:$false
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $now = Get-RunwayWorkflowInvocation -Id $run.Id
        $now | Should -BeOfType ([Runway.Api.RunwayWorkflowInvocation])
        $now.Id | Should -Be $run.Id
        $now.WorkflowName | Should -Be 'Product shot'
        Get-ApiRequest '/v1/workflow_invocations/' | Should -HaveCount 1
        $done = $now | Wait-RunwayWorkflowInvocation
        $done.Status | Should -Be 'SUCCEEDED'
        (Get-RunwayWorkflowInvocation -Id $run.Id).Output | Should -Be $done.Output
    }

    It 'refuses the id <Id> with zero requests' -ForEach @(@{ Id = '..' }, @{ Id = 'x/y' }, @{ Id = ' ' }) {
        $err = Get-ErrorRecord { Get-RunwayWorkflowInvocation -Id $Id }
        $err.FullyQualifiedErrorId | Should -BeLike 'Runway.InvalidId*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-ApiRequest | Should -HaveCount 0
    }

    It "shows the API's message for an unknown run, with the id as the target" {
        $err = Get-ErrorRecord { Get-RunwayWorkflowInvocation -Id 00000000-0000-0000-0000-000000000000 }
        $err.FullyQualifiedErrorId | Should -BeLike 'Runway.*'
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err.TargetObject | Should -Be '00000000-0000-0000-0000-000000000000'
    }

    It 'completes the ids of runs this session started' {
        $run = Get-RunwayWorkflow -Name 'Product shot' -Latest | Invoke-RunwayWorkflow -Inputs @{ 'Product image' = $Face } -Confirm:$false
        $line = 'Get-RunwayWorkflowInvocation -Id '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $run.Id
    }
}

Describe 'Send-RunwayFile -Metadata' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Clear-RunwaySimulatorRequest -Url $SimUrl
    }

    It "sends the metadata as the storage form's metadata field, and outputs it" {
        $upload = Send-RunwayFile -Path $Face -Metadata '{"shot":"42"}' -Confirm:$false
        $upload.Metadata | Should -Be '{"shot":"42"}'
        $slot = Get-RunwaySimulatorUpload -Url $SimUrl | Where-Object { $upload.Uri -like "runway://ephemeral/$($_.id)/*" }
        $slot.completed | Should -BeTrue
        $slot.metadata | Should -Be '{"shot":"42"}'
    }

    It 'sends no metadata field without -Metadata' {
        $upload = Send-RunwayFile -Path $Face -Confirm:$false
        $upload.Metadata | Should -BeNullOrEmpty
        (Get-RunwaySimulatorUpload -Url $SimUrl | Where-Object completed).metadata | Should -BeNullOrEmpty
    }
}
