@{
    RootModule           = 'Runway.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = 'd20ade2b-fd43-408a-b148-53d73da57a48'
    Author               = 'The Runway for PowerShell contributors'
    CompanyName          = 'Community'
    Copyright            = '(c) The Runway for PowerShell contributors. MIT License.'
    Description          = 'Generate video, images, speech, sound effects, dubbing and voice isolation with the Runway API from PowerShell: typed objects that pipe, cost shown before you spend, safe retries, resumable waits.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('Runway.Format.ps1xml', 'Runway.Routing.Format.ps1xml', 'Runway.Workflows.Format.ps1xml', 'Runway.Avatars.Format.ps1xml', 'Runway.RoutedGeneration.Format.ps1xml')
    TypesToProcess       = @('Runway.Types.ps1xml')
    CmdletsToExport      = @(
        'Connect-Runway'
        'Disconnect-Runway'
        'Get-RunwayAvatar'
        'Get-RunwayAvatarConversation'
        'Get-RunwayAvatarUsage'
        'Get-RunwayCredit'
        'Get-RunwayDocument'
        'Get-RunwayRealtimeSession'
        'Get-RunwayRouter'
        'Get-RunwayRouterRequest'
        'Get-RunwayTask'
        'Get-RunwayUsage'
        'Get-RunwayVoice'
        'Get-RunwayWorkflow'
        'Invoke-RunwayWorkflow'
        'New-RunwayAvatar'
        'New-RunwayAvatarVideo'
        'New-RunwayDocument'
        'New-RunwayDubbing'
        'New-RunwayHdrVideo'
        'New-RunwayImage'
        'New-RunwayImageUpscale'
        'New-RunwayRealtimeSession'
        'New-RunwayRoutedAudio'
        'New-RunwayRoutedImage'
        'New-RunwayRoutedVideo'
        'New-RunwayRouter'
        'New-RunwaySoundEffect'
        'New-RunwaySpeech'
        'New-RunwayVideo'
        'New-RunwayVideoUpscale'
        'New-RunwayVoice'
        'New-RunwayVoiceIsolation'
        'New-RunwayVoicePreview'
        'Remove-RunwayAvatar'
        'Remove-RunwayDocument'
        'Remove-RunwayRouter'
        'Remove-RunwayVoice'
        'Save-RunwayOutput'
        'Send-RunwayFile'
        'Set-RunwayAvatar'
        'Set-RunwayDocument'
        'Set-RunwayRouter'
        'Set-RunwayVoice'
        'Stop-RunwayRealtimeSession'
        'Stop-RunwayTask'
        'Wait-RunwayTask'
        'Wait-RunwayWorkflowInvocation'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Runway', 'RunwayML', 'AI', 'Video', 'Image', 'Speech', 'GenerativeAI', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/runway-powershell/Runway'
            LicenseUri   = 'https://github.com/runway-powershell/Runway/blob/main/LICENSE'
            ReleaseNotes = 'First release: tasks, waits, credits, usage, connection; API simulator.'
        }
    }
}
