# Save-RunwayOutput -Id: a task read by id carries what the journal recorded, so {InputName} names its files in any session.
BeforeAll {
    . $PSScriptRoot/../../Helpers/Output.ps1
}

AfterAll {
    Reset-RunwaySimulator -Url $SimUrl
    if ($script:OwnSimulator) { Stop-RunwaySimulator $script:OwnSimulator }
}

Describe 'Save-RunwayOutput -Id names files from the journal' {
    It 'a fresh session saves a journaled task by id under its input name' {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        $made = New-RunwayImage -Prompt 'A dog in the snow' -Model gen4_image_turbo -Ratio 1280:720 -ReferenceImage $Png -Wait
        $folder = Join-Path $TestDrive 'by-id'
        New-Item -ItemType Directory $folder | Out-Null
        $lines = Invoke-InChildPwsh -Environment @{ RUNWAYML_BASE_URL = $SimUrl; RUNWAYML_API_SECRET = $TestKey } -Script "
            (Save-RunwayOutput -Id '$($made.Id)' -Path '$folder' -NameTemplate '{InputName}' -PassThru).SavedTo | Split-Path -Leaf"
        $lines | Should -Be 'cat.png'
    }
}
