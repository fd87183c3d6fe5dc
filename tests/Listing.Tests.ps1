# Resuming a listing (-Cursor, -PageSize, the Runway.NextCursor information record) and the SDK's end of a list:
# a page with no items ends it even when it names a next page (core/pagination CursorPage.hasNextPage).

BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $PSDefaultParameterValues['*-Runway*:Confirm'] = $false
}

AfterAll { Exit-AreaTest }

Describe 'Resuming a listing' {
    BeforeAll {
        Reset-RunwaySimulator -Url $SimUrl
        1..7 | ForEach-Object { New-RunwayDocument -Name "doc $_" -Content "text $_" | Out-Null }
        $script:All = @(Get-RunwayDocument).Id
    }
    BeforeEach { Clear-RunwaySimulatorRequest -Url $SimUrl }

    It 'writes where a listing stopped by -First can go on, and -Cursor goes on from there' {
        $first = @(Get-RunwayDocument -First 3 -InformationVariable info)
        $first.Id | Should -Be $All[0..2]
        $next = @($info | Where-Object { $_.Tags -contains 'Runway.NextCursor' })
        $next | Should -HaveCount 1
        $next[0].MessageData | Should -BeOfType ([Runway.Api.ListPosition])
        $next[0].MessageData.Skip | Should -Be 0
        "$($next[0].MessageData)" | Should -BeLike "More items: continue with -Cursor '*'"
        $rest = @(Get-RunwayDocument -Cursor $next[0].MessageData.Cursor)
        $rest.Id | Should -Be $All[3..6]
    }

    It 'says -Skip too when the stop fell inside a page, and the two together resume exactly' {
        $head = @(Get-RunwayDocument -PageSize 5 -First 2 -InformationVariable info)
        $info[0].MessageData.Cursor | Should -BeNullOrEmpty
        $info[0].MessageData.Skip | Should -Be 2
        "$($info[0].MessageData)" | Should -Be 'More items: continue with -Skip 2'
        $tail = @(Get-RunwayDocument -Skip $info[0].MessageData.Skip)
        ($head.Id + $tail.Id) | Should -Be $All

        $head = @(Get-RunwayDocument -PageSize 3 -First 4 -InformationVariable info)
        $position = $info[0].MessageData
        $position.Cursor | Should -Not -BeNullOrEmpty
        $position.Skip | Should -Be 1
        $tail = @(Get-RunwayDocument -Cursor $position.Cursor -Skip $position.Skip)
        ($head.Id + $tail.Id) | Should -Be $All
    }

    It 'asks for -PageSize items a request and writes nothing about a listing that ended' {
        $listed = @(Get-RunwayDocument -PageSize 3 -InformationVariable info)
        $listed.Id | Should -Be $All
        $info | Where-Object { $_.Tags -contains 'Runway.NextCursor' } | Should -BeNullOrEmpty
        $requests = Get-ApiRequest '/v1/documents' -Method GET
        $requests | Should -HaveCount 3
        ($requests | ForEach-Object { (Query $_).limit }) | Should -Be @('3', '3', '3')
        (Query $requests[0]).ContainsKey('cursor') | Should -BeFalse
        (Query $requests[1]).cursor | Should -Not -BeNullOrEmpty
    }

    It 'refuses a page size below 1 and an empty cursor with zero requests' -ForEach @(
        @{ Script = { Get-RunwayVoice -PageSize 0 } }
        @{ Script = { Get-RunwayAvatar -Cursor '' } }
        @{ Script = { Get-RunwayRouterRequest -RouterId r1 -PageSize -1 } }
    ) {
        $err = Get-ErrorRecord $Script
        $err.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
        Get-ApiRequest | Should -HaveCount 0
    }

    It "shows the API's message for a cursor it refuses" {
        $err = Get-ErrorRecord { Get-RunwayDocument -Cursor 'not-a-cursor' }
        $err.Exception.Message | Should -BeLike '*Invalid cursor*'
        $err.FullyQualifiedErrorId | Should -BeLike 'Runway.*'
    }

    It 'takes -Cursor and -PageSize on every cursor list: <_>' -ForEach @(
        'Get-RunwayAvatar', 'Get-RunwayVoice', 'Get-RunwayDocument', 'Get-RunwayAvatarConversation', 'Get-RunwayRouter',
        'Get-RunwayRouterRequest', 'Get-RunwayWorkspaceUsage', 'Get-RunwayAuditLog'
    ) {
        $command = Get-Command $_
        $command.Parameters.Keys | Should -Contain 'Cursor'
        $command.Parameters.Keys | Should -Contain 'PageSize'
        $command.ImplementingType.GetInterfaces().Name | Should -Contain 'IResumableList'
    }
}

Describe 'The end of a list' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Clear-RunwaySimulatorRequest -Url $SimUrl
    }

    It 'stops at a page with no items even when it names a next page, as the SDK does' {
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/voices' -Method GET -Kind emptyPage | Out-Null
        $voices = @(Get-RunwayVoice -InformationVariable info)
        $voices | Should -HaveCount 0
        Get-ApiRequest '/v1/voices' | Should -HaveCount 1
        $info | Where-Object { $_.Tags -contains 'Runway.NextCursor' } | Should -BeNullOrEmpty
    }

    It 'stops there in the middle of a listing too' {
        1..3 | ForEach-Object { New-RunwayDocument -Name "d$_" -Content 'x' | Out-Null }
        Clear-RunwaySimulatorRequest -Url $SimUrl
        $first = @(Get-RunwayDocument -First 2 -InformationVariable info)
        $next = $info[0].MessageData.Cursor
        Clear-RunwaySimulatorRequest -Url $SimUrl
        Add-RunwaySimulatorFault -Url $SimUrl -Path '/v1/documents' -Method GET -Kind emptyPage | Out-Null
        @(Get-RunwayDocument -Cursor $next) | Should -HaveCount 0
        Get-ApiRequest '/v1/documents' | Should -HaveCount 1
        $first | Should -HaveCount 2
    }
}
