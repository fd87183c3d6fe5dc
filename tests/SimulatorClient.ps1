# Raw HTTP to the simulator for its own test suites (dot-source in BeforeAll, after setting $script:Url and
# $script:Headers): one request, one task waited for, one download, without the module.

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
