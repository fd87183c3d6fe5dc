# Connect-Runway: its tests moved from tests/Foundation.Tests.ps1 (the area's shared setup is tests/Helpers/Foundation.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Foundation.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Connect-Runway, configuration and keys' {
    BeforeEach { Reset-Configuration }
    AfterEach { $env:RUNWAYML_API_SECRET = $TestKey; Disconnect-Runway }

    It 'without a key fails clearly before sending anything' {
        $env:RUNWAYML_API_SECRET = $null
        $record = Get-ErrorRecord { Get-RunwayCredit }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.NotConfigured*'
        $record.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $record.Exception.Message | Should -Match 'RUNWAYML_API_SECRET'
        $record.Exception.Message | Should -Match 'Connect-Runway'
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'sends the bearer key, the API version and a User-Agent naming the module' {
        Get-RunwayCredit | Out-Null
        $request = Get-ApiRequest '/v1/organization' | Select-Object -First 1
        $request.authorized | Should -BeTrue
        $request.version | Should -Be '2024-11-06'
        $request.userAgent | Should -Match '^Runway-PowerShell/\d+\.\d+\.\d+ '
    }

    It 'Connect-Runway checks the key and shows only a hint of it' {
        $secure = ConvertTo-SecureString $TestKey -AsPlainText -Force
        $env:RUNWAYML_API_SECRET = $null
        $connection = Connect-Runway -ApiKey $secure -BaseUri $SimUrl
        $connection.CreditBalance | Should -BeGreaterThan 0
        $connection.ApiKeyHint | Should -Be ('key_…' + $TestKey.Substring($TestKey.Length - 4))
        ($connection | ConvertTo-Json) | Should -Not -Match $TestKey
        (Get-RunwayCredit).CreditBalance | Should -Be $connection.CreditBalance
    }

    It 'Connect-Runway -ApiKey takes a plain string too, converted at once and never shown' {
        $env:RUNWAYML_API_SECRET = $null
        (Get-Command Connect-Runway).Parameters['ApiKey'].ParameterType | Should -Be ([securestring])
        $all = Connect-Runway -ApiKey $TestKey -BaseUri $SimUrl -Verbose -Debug -ErrorAction Stop *>&1
        $connection = $all | Where-Object { $_ -is [Runway.Shell.RunwayConnection] }
        $connection.KeySource | Should -Be 'Connect-Runway'
        $connection.ApiKeyHint | Should -Be ('key_…' + $TestKey.Substring($TestKey.Length - 4))
        ($all | Out-String) + ($connection | ConvertTo-Json) | Should -Not -Match $TestKey
        (Get-ApiRequest '/v1/organization' | Select-Object -Last 1).authorized | Should -BeTrue
        # A wrong plain key fails without echoing it.
        $bad = New-RunwayTestKey
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ ApiKeys = $TestKey } | Out-Null
        try {
            $record = Get-ErrorRecord { Connect-Runway -ApiKey $bad -BaseUri $SimUrl }
            $record.FullyQualifiedErrorId | Should -BeLike 'Runway.Unauthorized*'
            ($record | Out-String) + $record.Exception.Message + "$($record.TargetObject)" | Should -Not -Match $bad
        }
        finally { Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ ApiKeys = '' } | Out-Null }
    }

    It 'Connect-Runway with a rejected key fails with the API message and keeps the previous configuration' {
        $bad = ConvertTo-SecureString (New-RunwayTestKey) -AsPlainText -Force
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ ApiKeys = $TestKey } | Out-Null
        try {
            $record = Get-ErrorRecord { Connect-Runway -ApiKey $bad -BaseUri $SimUrl }
            $record.FullyQualifiedErrorId | Should -BeLike 'Runway.Unauthorized*'
            $record.CategoryInfo.Category | Should -Be 'AuthenticationError'
            { Get-RunwayCredit -ErrorAction Stop } | Should -Not -Throw
        }
        finally { Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ ApiKeys = '' } | Out-Null }
    }

    It 'Connect-Runway -Vault reads the key through SecretManagement' {
        $modules = Join-Path $TestDrive 'modules'
        $fake = Join-Path $modules 'Microsoft.PowerShell.SecretManagement'
        New-Item -ItemType Directory $fake -Force | Out-Null
        # A stand-in with the real module's Get-Secret contract: -Name, -Vault, returns a SecureString.
        Set-Content (Join-Path $fake 'Microsoft.PowerShell.SecretManagement.psm1') -Value @"
function Get-Secret { param([string] `$Name, [string] `$Vault) if (`$Vault -eq 'Team' -and `$Name -eq 'RUNWAYML_API_SECRET') { ConvertTo-SecureString '$TestKey' -AsPlainText -Force } else { throw "no secret `$Name in `$Vault" } }
"@
        $saved = $env:PSModulePath
        $env:PSModulePath = $modules + [IO.Path]::PathSeparator + $env:PSModulePath
        $env:RUNWAYML_API_SECRET = $null
        try {
            $connection = Connect-Runway -Vault Team -BaseUri $SimUrl
            $connection.KeySource | Should -Be 'vault Team'
            $connection.ApiKeyHint | Should -Be ('key_…' + $TestKey.Substring($TestKey.Length - 4))
            $record = Get-ErrorRecord { Connect-Runway -Vault Team -SecretName other -BaseUri $SimUrl }
            $record.FullyQualifiedErrorId | Should -BeLike 'Runway.SecretNotFound*'
        }
        finally {
            $env:PSModulePath = $saved
            Remove-Module Microsoft.PowerShell.SecretManagement -ErrorAction SilentlyContinue
        }
    }

    It 'Connect-Runway -Vault explains how to set SecretManagement up when it is missing' {
        if (Get-Module -ListAvailable Microsoft.PowerShell.SecretManagement) { Set-ItResult -Skipped -Because 'SecretManagement is installed here' }
        $record = Get-ErrorRecord { Connect-Runway -Vault Team -BaseUri $SimUrl }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.SecretManagementMissing*'
        $record.CategoryInfo.Category | Should -Be 'NotInstalled'
        $record.Exception.Message | Should -Match 'Install-PSResource Microsoft.PowerShell.SecretManagement'
        $record.Exception.Message | Should -Match 'Set-Secret -Vault Team -Name RUNWAYML_API_SECRET'
    }

    It 'a bad RUNWAYML_BASE_URL is a clear error, and Connect-Runway -BaseUri works around it' {
        $env:RUNWAYML_BASE_URL = 'http://api.example.com'
        try {
            $record = Get-ErrorRecord { Get-RunwayCredit }
            $record.FullyQualifiedErrorId | Should -BeLike 'Runway.InvalidBaseUri*'
            $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
            (Connect-Runway -BaseUri $SimUrl).BaseUri.AbsoluteUri | Should -Be "$SimUrl/"
        }
        finally { $env:RUNWAYML_BASE_URL = $SimUrl; Disconnect-Runway }
    }

    It 'refuses to send the key unencrypted to a remote host' {
        $record = Get-ErrorRecord { Connect-Runway -ApiKey (ConvertTo-SecureString $TestKey -AsPlainText -Force) -BaseUri 'http://api.example.com' }
        $record.FullyQualifiedErrorId | Should -BeLike 'Runway.InvalidBaseUri*'
        $record.Exception.Message | Should -Match 'unencrypted'
    }

    It 'never writes the key to verbose, debug, error or object output' {
        $id = (New-RunwaySimulatorTask -Url $SimUrl -Model gen4_turbo -Status SUCCEEDED).id
        $all = & {
            Get-RunwayTask -Id $id -Verbose -Debug 4>&1 5>&1
            Get-RunwayTask -Id ([guid]::NewGuid()) -Verbose -ErrorAction Continue 4>&1 2>&1
            Get-RunwayCredit -Verbose 4>&1
        } 2>&1 | Out-String -Width 500
        $all | Should -Match 'key_…'
        $all | Should -Not -Match $TestKey
        $all | Should -Not -Match $TestKey.Substring(4, 40)
    }
}
