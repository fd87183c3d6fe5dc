# Send-RunwayFile: its tests moved from tests/Generation.Tests.ps1 (the area's shared setup is tests/Helpers/Generation.ps1).
BeforeAll {
    . $PSScriptRoot/../../Helpers/Generation.ps1
}

AfterAll { Exit-AreaTest }

Describe 'Send-RunwayFile, the pipelines of the issue' {
    BeforeEach {
        Reset-RunwaySimulator -Url $SimUrl
        Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
        Push-Location $TestDrive
    }
    AfterEach { Pop-Location }

    It 'a large local file is uploaded (data URIs stay under the limit) and Send-RunwayFile returns a runway:// URI' {
        $big = Join-Path $TestDrive 'big.png'
        $stream = [IO.File]::Create($big)
        $stream.Write($PngBytes, 0, $PngBytes.Length)
        $stream.SetLength(6MB)
        $stream.Dispose()
        $task = New-RunwayVideo -Image $big -Prompt 'pan' -Wait
        $task.Status | Should -Be 'SUCCEEDED'
        Get-ApiRequest '/v1/uploads' 'POST' | Should -HaveCount 1
        $storage = @(Get-RunwaySimulatorRequest -Url $SimUrl | Where-Object { $_.path -notlike '/v1/*' -and $_.method -eq 'POST' })
        $storage | Should -HaveCount 1
        $storage[0].authorized | Should -BeFalse
        ((Get-ApiRequest '/v1/image_to_video').body | ConvertFrom-Json).promptImage | Should -Match '^runway://'

        $upload = Get-Item $Png | Send-RunwayFile
        $upload.Uri | Should -Match '^runway://'
        $upload.Name | Should -Be 'frame1.png'
        (New-RunwayVideo -Image $upload -Prompt 'pan' -Wait).Status | Should -Be 'SUCCEEDED'
    }
}
