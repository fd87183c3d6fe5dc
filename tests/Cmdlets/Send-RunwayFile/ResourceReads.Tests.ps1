# Send-RunwayFile: its tests moved from tests/ResourceReads.Tests.ps1 (the area's shared setup is tests/Helpers/ResourceReads.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/ResourceReads.ps1
}

AfterAll { Exit-AreaTest }

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
