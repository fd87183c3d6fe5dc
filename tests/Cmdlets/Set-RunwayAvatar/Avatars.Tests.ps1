# Set-RunwayAvatar: its tests moved from tests/Avatars.Tests.ps1 (the area's shared setup is tests/Helpers/Avatars.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Avatars.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Set-RunwayAvatar, avatars' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl; Clear-RunwaySimulatorRequest -Url $SimUrl }

    It 'updates: clears the start script, replaces the documents, and refuses an update with nothing to change' {
        $avatar = New-RunwayAvatar -ReferenceImage $Face -Name 'Ava' -Personality 'Kind' -Voice victoria -StartScript 'Hi!'
        $updated = $avatar | Set-RunwayAvatar -StartScript '' -DocumentId @() -Voice clara -PassThru
        $updated.StartScript | Should -BeNullOrEmpty
        $updated.Voice.PresetId | Should -Be 'clara'
        $patch = (Get-ApiRequest "/v1/avatars/$($avatar.Id)" 'PATCH')[0].body | ConvertFrom-Json -AsHashtable
        $patch.Keys | Should -Contain 'startScript'
        $patch.startScript | Should -BeNullOrEmpty
        Clear-RunwaySimulatorRequest -Url $SimUrl
        (Get-ErrorRecord { $avatar | Set-RunwayAvatar }).FullyQualifiedErrorId | Should -BeLike 'Runway.NothingToChange,*'
        Request-Count | Should -Be 0
        $avatar | Remove-RunwayAvatar
        @(Get-RunwayAvatar) | Should -HaveCount 0
    }
}
