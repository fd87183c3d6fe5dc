<#
.SYNOPSIS
    One side of the 200 MB transfer benchmark, run in a fresh pwsh by Invoke-Benchmark.ps1 so that its memory
    figures are its own. Prints one JSON line: [{ seconds, bytes, growthMB }] per run.
.DESCRIPTION
    Peak working set growth = VmHWM after the transfer - VmRSS before it, with the peak reset through
    /proc/self/clear_refs (Linux) before each run; elsewhere it falls back to sampling every 10 ms.
#>
param(
    [Parameter(Mandatory)] [ValidateSet('ModuleUpload', 'RawUpload', 'ModuleDownload', 'RawDownload')] [string] $Mode,
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $File,
    [Parameter(Mandatory)] [string] $OutDirectory,
    # Downloads: how many bytes the simulator streams (/_sim/blob/{bytes}); uploads send -File.
    [long] $DownloadBytes = 209715200,
    [int] $Runs = 3
)
$ErrorActionPreference = 'Stop'
Import-Module $ModuleManifest
$sim = $env:RUNWAYML_BASE_URL.TrimEnd('/')
$bytes = if ($Mode -like '*Download') { $DownloadBytes } else { (Get-Item $File).Length }
$headers = @{ Authorization = "Bearer $env:RUNWAYML_API_SECRET"; 'X-Runway-Version' = '2024-11-06' }
$http = [System.Net.Http.HttpClient]::new()
$http.Timeout = [TimeSpan]::FromMinutes(10)
$target = Join-Path $OutDirectory 'download.bin'

function Read-Status([string] $Name) {
    $line = Get-Content /proc/self/status | Where-Object { $_ -like "${Name}:*" }
    [double](($line -split '\s+')[1]) / 1024   # kB -> MB
}

function Invoke-Once {
    switch ($Mode) {
        'ModuleUpload' { $null = Send-RunwayFile -Path $File }
        'ModuleDownload' { $null = Save-RunwayOutput -Uri "$sim/_sim/blob/$bytes" -Path $target -Force }
        'RawUpload' {
            $slot = Invoke-RestMethod -Method Post -Uri "$sim/v1/uploads" -Headers $headers -ContentType 'application/json' `
                -Body (@{ filename = [IO.Path]::GetFileName($File); type = 'ephemeral' } | ConvertTo-Json)
            $content = [System.Net.Http.MultipartFormDataContent]::new()
            foreach ($field in $slot.fields.PSObject.Properties) { $content.Add([System.Net.Http.StringContent]::new([string]$field.Value), $field.Name) }
            $stream = [IO.FileStream]::new($File, 'Open', 'Read', 'Read', 81920, $true)
            $part = [System.Net.Http.StreamContent]::new($stream, 81920)
            $part.Headers.ContentType = 'video/mp4'
            $content.Add($part, 'file', [IO.Path]::GetFileName($File))
            try {
                $response = $http.PostAsync($slot.uploadUrl, $content).GetAwaiter().GetResult()
                if (-not $response.IsSuccessStatusCode) { throw "storage answered $([int]$response.StatusCode)" }
            }
            finally { $content.Dispose(); $stream.Dispose() }
        }
        'RawDownload' {
            $response = $http.GetAsync("$sim/_sim/blob/$bytes", [System.Net.Http.HttpCompletionOption]::ResponseHeadersRead).GetAwaiter().GetResult()
            $body = $response.Content.ReadAsStreamAsync().GetAwaiter().GetResult()
            $out = [IO.FileStream]::new($target, 'Create', 'Write', 'None', 81920, $true)
            try { $null = $body.CopyToAsync($out, 81920).GetAwaiter().GetResult() } finally { $out.Dispose(); $body.Dispose(); $response.Dispose() }
        }
    }
}

function Reset-Storage {
    # Uploaded files live in the simulator's temp directory until a reset.
    if ($Mode -like '*Upload') { Invoke-RestMethod -Method Post -Uri "$sim/_sim/reset" | Out-Null }
    if (Test-Path $target) { Remove-Item $target -Force }
}

# Warm-up (JIT, connection pool) on a small file of the same kind.
$small = Join-Path $OutDirectory 'warmup.mp4'
[IO.File]::WriteAllBytes($small, [byte[]](@(0, 0, 0, 0x20) + [Text.Encoding]::ASCII.GetBytes('ftypisom') + (New-Object byte[] 1048556)))
$saved = $File; $File = $small; $savedBytes = $bytes; $bytes = 1048576
Invoke-Once; Reset-Storage
$File = $saved; $bytes = $savedBytes
Remove-Item $small

$linux = Test-Path /proc/self/clear_refs
$results = foreach ($run in 1..$Runs) {
    [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
    if ($linux) { [IO.File]::WriteAllText('/proc/self/clear_refs', '5'); $before = Read-Status VmRSS }
    else { $before = [Environment]::WorkingSet / 1MB }
    $watch = [Diagnostics.Stopwatch]::StartNew()
    Invoke-Once
    $seconds = $watch.Elapsed.TotalSeconds
    $peak = if ($linux) { Read-Status VmHWM } else { [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB }
    Reset-Storage
    [pscustomobject]@{ seconds = $seconds; bytes = $bytes; growthMB = [Math]::Round($peak - $before, 1) }
}
ConvertTo-Json -InputObject @($results) -Compress
