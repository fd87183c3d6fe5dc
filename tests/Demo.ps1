<#
.SYNOPSIS
    The main job, end to end against the local simulator: check credits, price a shot with -WhatIf, make an
    image, animate it, save the clip, review the results on a contact sheet, and show what it cost. Run it with: dotnet pwsh ./build.ps1 -Task Demo
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [string] $Configuration = 'Release',
    [string] $OutputPath = (Join-Path (Split-Path $PSScriptRoot -Parent) 'out/demo')
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'Simulator.psm1')
$simulator = Start-RunwaySimulator -Configuration $Configuration -Setting @{ PendingMs = 300; RunMs = 2500 }
try {
    $env:RUNWAYML_BASE_URL = $simulator.Url
    $env:RUNWAYML_API_SECRET = New-RunwayTestKey
    $env:RUNWAY_JOURNAL = Join-Path $OutputPath 'journal.jsonl'   # keep simulator tasks out of your real journal
    Import-Module $ModuleManifest
    $PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.5
    Write-Host "Runway simulator at $($simulator.Url) (nothing here costs real credits)`n" -ForegroundColor Cyan
    $demoStart = Get-Date   # the journal keeps earlier demo runs: the contact sheet shows this one

    Write-Host '> Get-RunwayCredit' -ForegroundColor Yellow
    Get-RunwayCredit | Format-List | Out-Host

    Write-Host "> New-RunwayVideo -Prompt 'a lighthouse in a storm' -Model veo3.1 -Duration 8 -WhatIf" -ForegroundColor Yellow
    New-RunwayVideo -Prompt 'a lighthouse in a storm' -Model veo3.1 -Duration 8 -WhatIf

    Write-Host "`n> New-RunwayImage -Prompt 'a red fox in fresh snow' -Ratio 1920:1080 -Wait |" -ForegroundColor Yellow
    Write-Host "    New-RunwayVideo -Prompt 'the fox bounds away' -Duration 5 -Wait |" -ForegroundColor Yellow
    Write-Host "    Save-RunwayOutput -Path $OutputPath -Force" -ForegroundColor Yellow
    $files = New-RunwayImage -Prompt 'a red fox in fresh snow' -Ratio 1920:1080 -Wait |
        New-RunwayVideo -Prompt 'the fox bounds away' -Duration 5 -Wait |
        Save-RunwayOutput -Path $OutputPath -Force
    $files | Format-Table Name, Length, LastWriteTime | Out-Host

    # A contact sheet of what the demo made: the saved files beside it, one failure with its reason, the totals.
    Write-Host "> New-RunwayImage -Prompt 'a fox in a [fail:SAFETY.INPUT.TEXT] costume' -Wait   # the simulator fails it" -ForegroundColor Yellow
    New-RunwayImage -Prompt 'a fox in a [fail:SAFETY.INPUT.TEXT] costume' -Wait -ErrorAction Continue 2>&1 |
        ForEach-Object { Write-Host "  $_" -ForegroundColor DarkGray }
    $sheet = Join-Path $OutputPath 'contact-sheet.html'
    Write-Host "`n> Get-RunwayTask -Since `$demoStart | Export-RunwayContactSheet -Path $sheet -Force -PassThru" -ForegroundColor Yellow
    $page = Get-RunwayTask -Since $demoStart | Export-RunwayContactSheet -Path $sheet -Force -PassThru
    Write-Host "  Open $($page.FullName) in a browser: each output beside its prompt, model, inputs and credits (no script, works offline).`n" -ForegroundColor Green

    Write-Host '> Get-RunwayUsage' -ForegroundColor Yellow
    Get-RunwayUsage | Out-Host
    $credit = Get-RunwayCredit
    Write-Host ("Balance now {0} credits; the clip is {1}" -f $credit.CreditBalance, $files[0].FullName) -ForegroundColor Green
    if (-not (Test-Path $files[0].FullName)) { throw 'The demo did not produce its clip.' }
    if (-not (Select-String -LiteralPath $page.FullName -Pattern 'SAFETY.INPUT.TEXT' -SimpleMatch -Quiet)) { throw 'The contact sheet does not show the failure.' }
}
finally {
    Stop-RunwaySimulator $simulator
}
