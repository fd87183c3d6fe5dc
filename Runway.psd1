@{
    RootModule           = 'Runway.dll'
    ModuleVersion        = '0.2.0'
    GUID                 = 'd20ade2b-fd43-408a-b148-53d73da57a48'
    Author               = 'The Runway for PowerShell contributors'
    CompanyName          = 'Community'
    Copyright            = '(c) The Runway for PowerShell contributors. MIT License.'
    Description          = 'Generate video, images, speech and sound with the Runway API from PowerShell (every model of today''s API, upscaling, HDR, recipes, routed generation, workflows, avatars and voices): typed objects that pipe, cost shown before you spend, safe retries, resumable waits.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    # The format views (*.Format.ps1xml) and Runway.Types.ps1xml ship beside the module and are loaded by the first Runway
    # command a session runs (Shell/SessionViews.cs), not here: listing them would cost every import about 75 ms.
    FormatsToProcess     = @()
    TypesToProcess       = @()
    CmdletsToExport      = @(
        'Connect-Runway'
        'Disconnect-Runway'
        'Export-RunwayContactSheet'
        'Get-RunwayAuditLog'
        'Get-RunwayAvatar'
        'Get-RunwayAvatarConversation'
        'Get-RunwayAvatarUsage'
        'Get-RunwayCredit'
        'Get-RunwayDocument'
        'Get-RunwayModel'
        'Get-RunwayRealtimeSession'
        'Get-RunwayRouter'
        'Get-RunwayRouterRequest'
        'Get-RunwayTask'
        'Get-RunwayUsage'
        'Get-RunwayVoice'
        'Get-RunwayWorkflow'
        'Get-RunwayWorkflowInvocation'
        'Get-RunwayWorkspaceUsage'
        'Invoke-RunwayWorkflow'
        'New-RunwayAdLocalization'
        'New-RunwayAvatar'
        'New-RunwayAvatarVideo'
        'New-RunwayDocument'
        'New-RunwayDubbing'
        'New-RunwayHdrVideo'
        'New-RunwayImage'
        'New-RunwayImageUpscale'
        'New-RunwayMarketingImage'
        'New-RunwayMultiShotVideo'
        'New-RunwayProductAd'
        'New-RunwayProductCampaignImage'
        'New-RunwayProductSwap'
        'New-RunwayProductUgc'
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
        'Remove-RunwayAvatarConversation'
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
            ReleaseNotes = 'Written by build.ps1 from CHANGELOG.md (the entry of ModuleVersion).'
        }
    }
}
