# The module's request bodies type-checked by the TypeScript compiler against the official SDK 4.20.1 declarations:
# the fullest and the smallest valid body of every model the catalog holds, and no SDK model the catalog lacks.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $script:Sdk = Join-Path $PSScriptRoot 'conformance/node_modules/@runwayml/sdk/resources'
    $script:Tsc = Join-Path $PSScriptRoot 'conformance/node_modules/typescript/bin/tsc'
    $script:HasTsc = (Get-Command node -ErrorAction SilentlyContinue) -and (Test-Path $Tsc) -and (Test-Path $Sdk)
    # The SDK's params type of each endpoint, and the declaration file it lives in.
    $script:Types = [ordered]@{
        image_to_video = 'ImageToVideoCreateParams', 'image-to-video'
        text_to_video = 'TextToVideoCreateParams', 'text-to-video'
        video_to_video = 'VideoToVideoCreateParams', 'video-to-video'
        text_to_image = 'TextToImageCreateParams', 'text-to-image'
        text_to_speech = 'TextToSpeechCreateParams', 'text-to-speech'
        speech_to_speech = 'SpeechToSpeechCreateParams', 'speech-to-speech'
        sound_effect = 'SoundEffectCreateParams', 'sound-effect'
    }
    function Invoke-Tsc([string[]] $Lines) {
        $file = Join-Path $TestDrive "check$([guid]::NewGuid().ToString('N')).ts"
        Set-Content -Path $file -Value $Lines
        $output = & node $Tsc --noEmit --strict --target es2020 --module nodenext --moduleResolution nodenext $file 2>&1
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output -join "`n") }
    }
    function Get-Imports {
        foreach ($endpoint in $Types.Keys) {
            $type, $file = $Types[$endpoint]
            "import type { $type } from '$((Join-Path $Sdk "$file.js") -replace '\\', '/')';"
        }
    }
}

Describe 'Request bodies against the SDK''s TypeScript declarations' {
    It 'the fullest and the smallest body of every model type-check as the SDK''s create params' {
        if (-not $HasTsc) { Set-ItResult -Skipped -Because 'node and npm ci in tests/conformance are needed'; return }
        $lines = [System.Collections.Generic.List[string]]::new()
        $lines.AddRange([string[]](Get-Imports))
        $count = 0
        foreach ($pair in [Runway.Media.CatalogSamples]::Pairs()) {
            $type = $Types[$pair.Item2][0]
            foreach ($request in [Runway.Media.CatalogSamples]::Fullest($pair.Item1.Name, $pair.Item2), [Runway.Media.CatalogSamples]::Minimal($pair.Item1.Name, $pair.Item2)) {
                $lines.Add("// $($pair.Item1.Name) $($pair.Item2)")
                $lines.Add("export const body$count`: $type = $($request.Body.ToJsonString());")
                $count++
            }
        }
        $count | Should -BeGreaterOrEqual 114
        $result = Invoke-Tsc $lines
        $result.Output | Should -BeNullOrEmpty
        $result.ExitCode | Should -Be 0
    }

    It 'the SDK lists no model for these endpoints that the catalog lacks' {
        if (-not $HasTsc) { Set-ItResult -Skipped -Because 'node and npm ci in tests/conformance are needed'; return }
        $lines = [System.Collections.Generic.List[string]]::new()
        $lines.AddRange([string[]](Get-Imports))
        foreach ($endpoint in $Types.Keys) {
            $type = $Types[$endpoint][0]
            $names = ([Runway.Models.ModelCatalog]::ForEndpoint($endpoint) | ForEach-Object { "'$($_.Name)'" }) -join ' | '
            $lines.Add("export const all_$endpoint`: [Exclude<$type['model'], $names>] extends [never] ? true : Exclude<$type['model'], $names> = true;")
        }
        $result = Invoke-Tsc $lines
        $result.Output | Should -BeNullOrEmpty
        $result.ExitCode | Should -Be 0
    }

    It 'the check is not vacuous: a field a model does not take, and a model the catalog lacks, fail it' {
        if (-not $HasTsc) { Set-ItResult -Skipped -Because 'node and npm ci in tests/conformance are needed'; return }
        $lines = [System.Collections.Generic.List[string]]::new()
        $lines.AddRange([string[]](Get-Imports))
        $body = [Runway.Media.CatalogSamples]::Minimal('veo3.1', 'text_to_video').Body.ToJsonString() -replace '^\{', '{"outputFormat":"prores",'
        $lines.Add("export const wrong: TextToVideoCreateParams = $body;")
        $lines.Add("export const lacking: [Exclude<TextToVideoCreateParams['model'], 'gen4.5'>] extends [never] ? true : Exclude<TextToVideoCreateParams['model'], 'gen4.5'> = true;")
        $result = Invoke-Tsc $lines
        $result.ExitCode | Should -Not -Be 0
        $result.Output | Should -Match 'outputFormat'
        $result.Output | Should -Match 'veo3\.1_fast'
    }

    It 'the bodies of a video character, a session''s tools and integration and a run of any graph node type-check as the SDK''s params' {
        if (-not $HasTsc) { Set-ItResult -Skipped -Because 'node and npm ci in tests/conformance are needed'; return }
        Reset-RunwaySimulator -Url $SimUrl
        New-RunwayVideo -Character 'https://example.com/actor.mp4' -Reference 'https://example.com/dance.mp4' | Out-Null
        New-RunwayVideo -Character @{ Uri = 'https://example.com/actor'; Type = 'video' } -Reference 'https://example.com/dance.mp4' | Out-Null
        New-RunwayRealtimeSession -Avatar influencer -Integration @{ Type = 'livekit'; Url = 'wss://rooms.example.com'; RoomName = 'r1'; Token = 't'; AgentIdentity = 'agent' } -Tool @{
            Type = 'backend_rpc'; Name = 'lookup'; Description = 'Looks up'; TimeoutSeconds = 4
            Parameters = @(@{ Type = 'array'; Name = 'ids'; Description = 'Ids'; Items = @{ Type = 'integer' }; Required = $true }, @{ Type = 'string'; Name = 'mode'; Description = 'Mode'; Enum = @('a', 'b') })
        } | Out-Null
        $workflow = Get-RunwayWorkflow -Name 'Product shot' | Where-Object Version -eq 2 | Get-RunwayWorkflow
        $render = ($workflow.NodeIds.GetEnumerator() | Where-Object Value -eq 'Product render').Key
        Invoke-RunwayWorkflow -Id $workflow.Id -Inputs @{ 'Product image' = 'https://example.com/a.png'; "$render.seed" = 7; "$render.style" = @{ type = 'video'; uri = 'https://example.com/s.mp4' } } | Out-Null
        $lines = [System.Collections.Generic.List[string]]::new()
        $lines.Add("import type { CharacterPerformanceCreateParams } from '$((Join-Path $Sdk 'character-performance.js') -replace '\\', '/')';")
        $lines.Add("import type { RealtimeSessionCreateParams } from '$((Join-Path $Sdk 'realtime-sessions.js') -replace '\\', '/')';")
        $lines.Add("import type { WorkflowRunParams } from '$((Join-Path $Sdk 'workflows.js') -replace '\\', '/')';")
        $count = 0
        foreach ($pair in @(('/v1/character_performance', 'CharacterPerformanceCreateParams'), ('/v1/realtime_sessions', 'RealtimeSessionCreateParams'), ("/v1/workflows/$($workflow.Id)", 'WorkflowRunParams'))) {
            foreach ($sent in @(Get-ApiRequest $pair[0] -Method POST)) {
                $lines.Add("export const body$count`: $($pair[1]) = $($sent.Body);")
                $count++
            }
        }
        $count | Should -Be 4
        $result = Invoke-Tsc $lines
        $result.Output | Should -BeNullOrEmpty
        $result.ExitCode | Should -Be 0
    }
}
