# Raw HTTP to the simulator for its own test suites (dot-source in BeforeAll, after setting $script:Url and
# $script:Headers): one request, one task waited for, one download, without the module; and the inputs they send and
# the readers of what comes back, written once for all of them.

function Invoke-Sim {
    param([string] $Method = 'Get', [string] $Path, [object] $Body, [hashtable] $Headers = $script:Headers, [string] $ContentType = 'application/json')
    $request = @{ Uri = "$script:Url$Path"; Method = $Method; Headers = $Headers; SkipHttpErrorCheck = $true }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $request.Body = if ($Body -is [string]) { $Body } else { ConvertTo-Json -InputObject $Body -Depth 12 -Compress }
        $request.ContentType = $ContentType
    }
    $response = Invoke-WebRequest @request
    $json = if ($response.Content -and "$($response.Headers['Content-Type'])" -like 'application/json*') { $response.Content | ConvertFrom-Json } else { $null }
    [pscustomobject]@{ Status = [int]$response.StatusCode; Json = $json; Headers = $response.Headers; Content = $response.Content }
}

function Wait-SimTask([string] $Id, [int] $TimeoutMs = 15000) {
    $deadline = [DateTime]::UtcNow.AddMilliseconds($TimeoutMs)
    do {
        $task = (Invoke-Sim -Path "/v1/tasks/$Id").Json
        if ($task.status -in 'SUCCEEDED', 'FAILED', 'CANCELLED') { return $task }
        Start-Sleep -Milliseconds 30
    } while ([DateTime]::UtcNow -lt $deadline)
    throw "Task $Id did not finish: $($task.status)"
}

function Get-Bytes([string] $Uri) {
    $response = Invoke-WebRequest -Uri $Uri -SkipHttpErrorCheck
    [pscustomobject]@{ Status = [int]$response.StatusCode; Bytes = [byte[]]$response.RawContentStream.ToArray(); ContentType = "$($response.Headers['Content-Type'])" }
}

function Get-Issue($Response) {
    # The paths of a 400 answer's validation issues ('promptText', 'references.0.uri').
    @($Response.Json.issues | ForEach-Object { ($_.path -join '.') })
}

function ConvertTo-DataUri([byte[]] $Bytes, [string] $Mime) { "data:$Mime;base64," + [Convert]::ToBase64String($Bytes) }

# A 1x1 PNG, as bytes and as a data: URI.
$script:PngBytes = [Convert]::FromBase64String('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==')
$script:PngUri = ConvertTo-DataUri $PngBytes 'image/png'

function New-Wav([double] $Seconds) {
    # An 8 kHz, 8-bit mono PCM WAV of the given length, as bytes.
    $samples = [int]($Seconds * 8000)
    $stream = [IO.MemoryStream]::new()
    $w = [IO.BinaryWriter]::new($stream)
    $w.Write([Text.Encoding]::ASCII.GetBytes('RIFF')); $w.Write([uint32](36 + $samples)); $w.Write([Text.Encoding]::ASCII.GetBytes('WAVEfmt '))
    $w.Write([uint32]16); $w.Write([uint16]1); $w.Write([uint16]1); $w.Write([uint32]8000); $w.Write([uint32]8000); $w.Write([uint16]1); $w.Write([uint16]8)
    $w.Write([Text.Encoding]::ASCII.GetBytes('data')); $w.Write([uint32]$samples); $w.Write([byte[]]::new($samples))
    $w.Flush(); $stream.ToArray()
}

function Read-UInt32BE([byte[]] $b, [int] $at) { [uint32]$b[$at] -shl 24 -bor [uint32]$b[$at + 1] -shl 16 -bor [uint32]$b[$at + 2] -shl 8 -bor [uint32]$b[$at + 3] }

function Read-Mp4([byte[]] $b) {
    # The simulator's MP4 or MOV read from its v0 mvhd/tkhd boxes: the first box's type (ftyp), the major brand ('isom',
    # 'qt  '), length, size, whether it has media data, and the bytes as Latin-1 text (one character a byte) to search.
    $text = [Text.Encoding]::Latin1.GetString($b)
    $mvhd = $text.IndexOf('mvhd') - 4; $tkhd = $text.IndexOf('tkhd') - 4
    [pscustomobject]@{
        FirstBox = [Text.Encoding]::ASCII.GetString($b, 4, 4)
        Brand = [Text.Encoding]::ASCII.GetString($b, 8, 4)
        Seconds = (Read-UInt32BE $b ($mvhd + 24)) / (Read-UInt32BE $b ($mvhd + 20))
        Width = (Read-UInt32BE $b ($tkhd + 84)) -shr 16
        Height = (Read-UInt32BE $b ($tkhd + 88)) -shr 16
        HasMdat = $text.IndexOf('mdat', 8) -gt 0
        Text = $text
    }
}
