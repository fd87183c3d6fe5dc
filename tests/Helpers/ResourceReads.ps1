# Setup shared by the tests of tests/ResourceReads.Tests.ps1 and tests/Cmdlets/*/ResourceReads.Tests.ps1, dot-sourced in their BeforeAll.
# Methods of the SDK that had no cmdlet or field: avatarConversations.delete (Remove-RunwayAvatarConversation),
# workflowInvocations.retrieve without waiting (Get-RunwayWorkflowInvocation), uploads' fileMetadata
# (Send-RunwayFile -Metadata) and a conversation's avatar.imageUrl.
. (Join-Path $PSScriptRoot '../TestSetup.ps1')
$PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1
Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
$task = New-RunwayImage -Prompt 'a face' -Model gen4_image -Ratio 1280:720 -Wait -Confirm:$false
$script:Face = Join-Path $TestDrive 'face.png'
[IO.File]::WriteAllBytes($Face, (Invoke-WebRequest -Uri $task.Output[0]).Content)
