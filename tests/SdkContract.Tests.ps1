# What the SDK 4.20.1 declarations let a caller send, checked as classes rather than cases: every field the catalog
# names is reachable through the real parameter it names, every hashtable a cmdlet reads follows one key rule, and
# the values the declarations type (media kinds, URLs, node ids, prices) are read as declared, never guessed.
BeforeAll {
    . $PSScriptRoot/TestSetup.ps1
    $PSDefaultParameterValues['*-Runway*:PollIntervalSec'] = 0.1
    # The tasks made here go to a journal of this file's own, so files that count journal entries are not affected.
    $script:SharedJournal = $env:RUNWAY_JOURNAL
    $env:RUNWAY_JOURNAL = Join-Path $TestDrive 'runway-test-sdkcontract.jsonl'
    Set-RunwaySimulatorConfig -Url $SimUrl -Setting @{ CreditBalance = 1000000 } | Out-Null
    # A 1×1 PNG, a short WAV and a text file as local inputs.
    $script:Png = Join-Path $TestDrive 'one.png'
    [IO.File]::WriteAllBytes($Png, [Convert]::FromBase64String('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='))
    $script:Wav = (New-TestWav -Path (Join-Path $TestDrive 'tone.wav') -Seconds 1 -Rate 8000).FullName
    $script:Txt = Join-Path $TestDrive 'notes.txt'
    Set-Content -Path $Txt -Value 'Opening hours are 9 to 5.'
    $script:Clip = 'https://example.com/clip.mp4'

    function script:ConvertTo-Flat($Value) { $Value | ConvertTo-Json -Compress -Depth 6 }
    function script:Get-SentBody([string] $Path) {
        $sent = @(Get-ApiRequest $Path -Method POST)
        $sent | Should -HaveCount 1
        $sent[0].Body | ConvertFrom-Json -AsHashtable
    }
}

AfterAll {
    $env:RUNWAY_JOURNAL = $script:SharedJournal
    Reset-RunwaySimulator -Url $SimUrl
    Stop-OwnSimulator
}

Describe 'Every field the catalog names is reachable through the parameter it names' {
    It 'each field''s parameters exist on the endpoint''s cmdlet, in a parameter set that reaches that endpoint' {
        $problems = foreach ($row in [Runway.Models.ModelCatalog]::EndpointTable) {
            $command = Get-Command $row.Cmdlet
            $others = [Runway.Models.ModelCatalog]::EndpointsOf($row.Cmdlet) | Where-Object Name -ne $row.Name | ForEach-Object SelectedBy
            # The sets that reach this endpoint: those holding one of its selecting parameters, else those holding none of the others'.
            $sets = @($command.ParameterSets | Where-Object {
                $names = $_.Parameters.Name
                if ($row.SelectedBy.Count -gt 0) { @($row.SelectedBy | Where-Object { $_ -in $names }).Count -gt 0 }
                else { @($others | Where-Object { $_ -in $names }).Count -eq 0 }
            })
            foreach ($model in [Runway.Models.ModelCatalog]::ForEndpoint($row.Name)) {
                $fields = $model.FieldsOn($row.Name)
                if (-not $fields) { continue }
                foreach ($field in $fields.Fields) {
                    foreach ($parameter in @($field.Parameter; $field.AlsoParameters) | Where-Object { $_ }) {
                        if (-not $command.Parameters.ContainsKey($parameter)) { "$($model.Name) $($row.Name) $($field.Json): $($row.Cmdlet) has no -$parameter"; continue }
                        if (-not ($sets | Where-Object { $_.Parameters.Name -contains $parameter })) { "$($model.Name) $($row.Name) $($field.Json): -$parameter is in no parameter set of $($row.Cmdlet) that reaches $($row.Name)" }
                    }
                }
            }
        }
        ($problems -join "`n") | Should -BeNullOrEmpty
    }

    It 'every -Parameter Get-RunwayModel mentions exists on the cmdlet it names for that endpoint' {
        $problems = foreach ($model in Get-RunwayModel) {
            foreach ($field in $model.Fields) {
                $cmdlet = ([Runway.Models.ModelCatalog]::EndpointTable | Where-Object Name -eq $field.Endpoint).Cmdlet
                foreach ($name in [regex]::Matches($field.Syntax, '-(\w+)') | ForEach-Object { $_.Groups[1].Value }) {
                    if (-not (Get-Command $cmdlet).Parameters.ContainsKey($name)) { "$($model.Name) $($field.Endpoint) $($field.Name): '$($field.Syntax)' but $cmdlet has no -$name" }
                }
            }
            foreach ($text in $model.Summary, $model.Hint) {
                foreach ($name in [regex]::Matches("$text", '(?<![\w-])-([A-Z]\w+)') | ForEach-Object { $_.Groups[1].Value }) {
                    if (-not ($model.Cmdlets | Where-Object { (Get-Command $_).Parameters.ContainsKey($name) })) { "$($model.Name): '$text' names -$name, which none of $($model.Cmdlets -join ', ') has" }
                }
            }
        }
        ($problems -join "`n") | Should -BeNullOrEmpty
    }

    It 'speech to speech''s media is named -Audio or -Video, and a URL goes as the kind its parameter says' {
        (Get-RunwayModel -Name eleven_multilingual_sts_v2).Fields.Where({ $_.Name -eq 'media' }).Syntax | Should -Be '-Audio or -Video'
        New-RunwaySpeech -Video 'https://example.com/talk' -Voice Leslie | Out-Null
        ConvertTo-Flat (Get-SentBody '/v1/speech_to_speech').media | Should -Be '{"type":"video","uri":"https://example.com/talk"}'
    }

    It '<_> sends audio on video to video, by -Audio and by -Option' -ForEach 'seedance2', 'seedance2_fast', 'seedance2_mini', 'seedance2_5' {
        Reset-RunwaySimulator -Url $SimUrl
        New-RunwayVideo -Video $Clip -Model $_ -Prompt 'rain' -Audio | Out-Null
        (Get-SentBody '/v1/video_to_video').audio | Should -BeTrue
        Reset-RunwaySimulator -Url $SimUrl
        New-RunwayVideo -Video $Clip -Model $_ -Prompt 'rain' -Option @{ audio = $false } | Out-Null
        (Get-SentBody '/v1/video_to_video').audio | Should -BeFalse
    }

    It 'eleven_v3 sends a seed by -Seed and by -Option; a model without one is refused naming the models that take it' {
        Reset-RunwaySimulator -Url $SimUrl
        New-RunwaySpeech -Text 'Hello' -Voice Leslie -Model eleven_v3 -Seed 42 | Out-Null
        (Get-SentBody '/v1/text_to_speech').seed | Should -Be 42
        Reset-RunwaySimulator -Url $SimUrl
        New-RunwaySpeech -Text 'Hello' -Voice Leslie -Model eleven_v3 -Option @{ Seed = 7 } | Out-Null
        (Get-SentBody '/v1/text_to_speech').seed | Should -Be 7
        Reset-RunwaySimulator -Url $SimUrl
        $err = Get-ErrorRecord { New-RunwaySpeech -Text 'Hello' -Voice Leslie -Model eleven_multilingual_v2 -Seed 42 }
        $err.FullyQualifiedErrorId | Should -BeLike 'Runway.SeedNotSupported,*'
        $err.Exception.Message | Should -Match 'models that take it: eleven_v3\.'
        $err = Get-ErrorRecord { New-RunwaySpeech -Text 'Hello' -Voice Leslie -Model eleven_v3 -Seed 1 -Option @{ seed = 2 } }
        $err.FullyQualifiedErrorId | Should -BeLike 'Runway.DuplicateValue,*'
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'a refusal never names an empty list of models, for any field of any model on any endpoint' {
        $problems = foreach ($row in [Runway.Models.ModelCatalog]::EndpointTable) {
            $models = @([Runway.Models.ModelCatalog]::ForEndpoint($row.Name) | Where-Object { $_.FieldsOn($row.Name) })
            $fields = $models | ForEach-Object { $_.FieldsOn($row.Name).Fields } | Sort-Object Json -Unique
            foreach ($model in $models) {
                foreach ($field in $fields) {
                    if ($model.FieldsOn($row.Name)[$field.Json]) { continue }
                    $input = [Runway.Models.FieldInput]::new({ param($v, $p, $k) [Runway.Media.MediaSource]::From($v, $p, { param($x) $x }, [Runway.Models.MediaKind[]]@($k)) })
                    $input.Options[$field.Json] = 1
                    try { [Runway.Models.RequestBuilder]::Build($row.Name, $model.Name, $input) | Out-Null } catch { if ($_.Exception.Message -match 'models that take it: [.;]|models that take it: $') { "$($model.Name) $($field.Json): $($_.Exception.Message)" } }
                }
            }
        }
        ($problems -join "`n") | Should -BeNullOrEmpty
    }
}

Describe 'Media kinds follow the declaration, not a default' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'a character given as a video URL is sent as a video' {
        New-RunwayVideo -Character 'https://example.com/actor.mp4' -Reference 'https://example.com/dance.mp4' | Out-Null
        ConvertTo-Flat (Get-SentBody '/v1/character_performance').character | Should -Be '{"type":"video","uri":"https://example.com/actor.mp4"}'
    }

    It 'a character whose URL does not show its kind says it as the SDK does, @{ Uri; Type }, or is refused' {
        New-RunwayVideo -Character @{ uri = 'https://example.com/actor'; type = 'Video' } -Reference 'https://example.com/dance.mp4' | Out-Null
        ConvertTo-Flat (Get-SentBody '/v1/character_performance').character | Should -Be '{"type":"video","uri":"https://example.com/actor"}'
        Reset-RunwaySimulator -Url $SimUrl
        $err = Get-ErrorRecord { New-RunwayVideo -Character 'https://example.com/actor' -Reference 'https://example.com/dance.mp4' }
        $err.FullyQualifiedErrorId | Should -BeLike 'Runway.UnknownMediaKind,*'
        $err.Exception.Message | Should -Match "Type = 'video'"
        Get-ApiRequest | Should -HaveCount 0
    }
}

Describe 'Hashtable keys: one rule for every hashtable a cmdlet reads' {
    BeforeAll {
        # A value for each mandatory parameter a call may need besides the one under test.
        $script:Samples = @{
            Audio = $Wav; Avatar = 'influencer'; Id = 'res_1'; Character = $Png; CharacterImage = $Png; Image = $Png; Language = 'en'; Name = 'n1'
            NewProductImage = $Png; OriginalProductImage = $Png; Path = $Txt; Personality = 'Warm and brief.'; ProductImage = $Png
            Prompt = 'a lighthouse'; Reference = 'https://example.com/dance.mp4'; ReferenceImage = $Png; ReferenceVideo = $Clip
            Router = 'my-router'; TargetFrameRate = '60'; TargetLanguage = 'es'; Text = 'Hello'; Type = 'speech'; Video = $Clip; Voice = 'Leslie'
        }
        # What the parameter under test needs to be read at all (a model that takes it, or a real resource).
        $script:Context = @{
            'New-RunwayVideo ReferenceImage' = @{ Model = 'seedance2' }
            'New-RunwayVideo ReferenceAudio' = @{ Model = 'seedance2' }
            'New-RunwayVideo ReferenceVideo' = @{ Model = 'seedance2' }
            'New-RunwayVideo Keyframe' = @{ Model = 'aleph2' }
            'New-RunwayImage ReferenceImage' = @{ Model = 'gen4_image' }
            'New-RunwaySoundEffect ReferenceAudio' = @{ Model = 'seed_audio' }
        }
        # Parameters of type object that take one scalar, never a record.
        $script:Scalars = @{ 'New-RunwayVideo Duration' = 'a number of seconds or auto' }
    }
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'every hashtable or object parameter of every cmdlet refuses an unknown key, listing the known ones, before any request' {
        $types = [hashtable], [hashtable[]], [System.Collections.IDictionary], [object], [object[]]
        $checked = 0
        $problems = foreach ($command in Get-Command -Module Runway) {
            foreach ($parameter in $command.Parameters.Values | Where-Object { $_.ParameterType -in $types }) {
                $key = "$($command.Name) $($parameter.Name)"
                if ($Scalars.ContainsKey($key)) { continue }
                $set = $command.ParameterSets | Where-Object { $_.Parameters.Name -contains $parameter.Name } | Select-Object -First 1
                $arguments = @{}
                if ($command.Name -eq 'Invoke-RunwayWorkflow') { $arguments.Id = (Get-RunwayWorkflow -Latest | Select-Object -First 1).Id }
                foreach ($mandatory in $set.Parameters | Where-Object { $_.IsMandatory -and $_.Name -ne $parameter.Name }) {
                    if (-not $Samples.ContainsKey($mandatory.Name) -and -not $arguments.ContainsKey($mandatory.Name)) { "$key needs a sample for -$($mandatory.Name) in this test"; continue }
                    if (-not $arguments.ContainsKey($mandatory.Name)) { $arguments[$mandatory.Name] = $Samples[$mandatory.Name] }
                }
                if ($Context.ContainsKey($key)) { $arguments += $Context[$key] }
                $record = @{ Zzyzx = 1 }
                $arguments[$parameter.Name] = if ($parameter.ParameterType.IsArray) { , @($record) } else { $record }
                Reset-RunwaySimulator -Url $SimUrl
                $err = Get-ErrorRecord { & $command.Name @arguments -Confirm:$false }
                $sent = @(Get-ApiRequest | Where-Object { $_.method -ne 'GET' })
                $checked++
                if (-not $err) { "$key accepted an unknown key"; continue }
                if ($err.FullyQualifiedErrorId -notlike 'Runway.UnknownKey,*') { "$key refused with $($err.FullyQualifiedErrorId): $($err.Exception.Message)"; continue }
                if ($err.Exception.Message -notmatch "'Zzyzx'.*(keys|inputs) are |'Zzyzx'.*fields: -") { "$key does not list the known keys: $($err.Exception.Message)" }
                if ($err.CategoryInfo.Category -ne 'InvalidArgument') { "$key refused with category $($err.CategoryInfo.Category)" }
                if ($sent.Count -gt 0) { "$key sent $($sent.Count) request(s) before refusing" }
            }
        }
        ($problems -join "`n") | Should -BeNullOrEmpty
        $checked | Should -BeGreaterThan 40
    }

    It 'keys are matched in any case, and keys the SDK declares are reachable (<Name>)' -ForEach @(
        @{ Name = 'keyframe Range'; Path = '/v1/video_to_video'; Script = { New-RunwayVideo -Video $Clip -Model aleph2 -Keyframe @{ URI = $Png; seconds = 1; range = @{ START_SECONDS = 0; end_seconds = 3 } } }
           Check = { param($b) ConvertTo-Flat $b.keyframes[0].range | Should -Be '{"start_seconds":0,"end_seconds":3}' } }
        @{ Name = 'reference tag'; Path = '/v1/text_to_image'; Script = { New-RunwayImage -Prompt '@hero at dawn' -Model gen4_image -Ratio 1280:720 -ReferenceImage @{ uri = $Png; TAG = 'hero' } }
           Check = { param($b) $b.referenceImages[0].tag | Should -Be 'hero' } }
        @{ Name = 'tool keys'; Path = '/v1/realtime_sessions'; Script = { New-RunwayRealtimeSession -Avatar influencer -Tool @{ Type = 'client_event'; NAME = 'show_map'; Description = 'Shows a map'; Parameters = @(@{ TYPE = 'array'; Name = 'places'; description = 'Places'; Items = @{ Type = 'string' } }) } }
           Check = { param($b) $b.tools[0].parameters[0].items.type | Should -Be 'string'; $b.tools[0].name | Should -Be 'show_map' } }
        @{ Name = 'integration keys'; Path = '/v1/realtime_sessions'; Script = { New-RunwayRealtimeSession -Avatar influencer -Integration @{ TYPE = 'livekit'; Url = 'wss://rooms.example.com'; RoomName = 'r1'; Token = 't0k3n' } }
           Check = { param($b) $b.integration.roomName | Should -Be 'r1'; $b.integration.url | Should -Be 'wss://rooms.example.com' } }
    ) {
        & $Script | Out-Null
        & $Check (Get-SentBody $Path)
    }

    It 'a misspelt role is refused, not mapped to the default role' {
        $err = Get-ErrorRecord { New-RunwayRoutedVideo -Router my-router -Prompt 'a boat' -ReferenceImage @{ Uri = $Png; Rol = 'first' } }
        $err.FullyQualifiedErrorId | Should -BeLike 'Runway.UnknownKey,*'
        $err.Exception.Message | Should -Match 'Role'
        Get-ApiRequest | Should -HaveCount 0
    }
}

Describe 'Checks the SDK''s types imply' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'refuses <Name> before any request' -ForEach @(
        @{ Name = 'a LiveKit url that is not wss:// or https://'; Script = { New-RunwayRealtimeSession -Avatar influencer -Integration @{ type = 'livekit'; url = 'http://rooms.example.com'; roomName = 'r'; token = 't' } } }
        @{ Name = 'an ElevenLabs signedUrl that is not a URL'; Script = { New-RunwayRealtimeSession -Avatar influencer -Integration @{ type = 'elevenlabs'; signedUrl = 'rooms.example.com' } } }
        @{ Name = 'a LiveKit integration without a token'; Script = { New-RunwayRealtimeSession -Avatar influencer -Integration @{ type = 'livekit'; url = 'wss://rooms.example.com'; roomName = 'r' } } }
        @{ Name = 'an array parameter without items'; Script = { New-RunwayRealtimeSession -Avatar influencer -Tool @{ type = 'client_event'; name = 'pick'; description = 'Picks'; parameters = @(@{ type = 'array'; name = 'ids'; description = 'Ids' }) } } }
        @{ Name = 'items of an unknown type'; Script = { New-RunwayRealtimeSession -Avatar influencer -Tool @{ type = 'client_event'; name = 'pick'; description = 'Picks'; parameters = @(@{ type = 'array'; name = 'ids'; description = 'Ids'; items = @{ type = 'date' } }) } } }
        @{ Name = 'a parameter of an unknown type'; Script = { New-RunwayRealtimeSession -Avatar influencer -Tool @{ type = 'client_event'; name = 'pick'; description = 'Picks'; parameters = @(@{ type = 'uuid'; name = 'id'; description = 'Id' }) } } }
    ) {
        $err = Get-ErrorRecord $Script
        $err.FullyQualifiedErrorId | Should -Match '^Runway\.Invalid(Integration|Tool),'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-ApiRequest | Should -HaveCount 0
    }

    It 'the simulator refuses the same bodies on its own' {
        $headers = @{ Authorization = "Bearer $TestKey"; 'X-Runway-Version' = '2024-11-06' }
        foreach ($body in @(
            @{ model = 'gwm1_avatars'; avatar = @{ type = 'runway-preset'; presetId = 'influencer' }; integration = @{ type = 'livekit'; url = 'http://rooms.example.com'; roomName = 'r'; token = 't' } }
            @{ model = 'gwm1_avatars'; avatar = @{ type = 'runway-preset'; presetId = 'influencer' }; tools = @(@{ type = 'client_event'; name = 'pick'; description = 'Picks'; parameters = @(@{ type = 'array'; name = 'ids'; description = 'Ids' }) }) }
        )) {
            { Invoke-RestMethod -Method Post -Uri "$SimUrl/v1/realtime_sessions" -Headers $headers -ContentType 'application/json' -Body ($body | ConvertTo-Json -Depth 8) } |
                Should -Throw '*400*'
        }
    }
}

Describe 'Workflow inputs reach any node the SDK allows' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'a node that is not an input is set by its id, with plain and SDK-shaped values, and the simulator accepts it' {
        $workflow = Get-RunwayWorkflow -Name 'Product shot' | Where-Object Version -eq 2 | Get-RunwayWorkflow
        $render = ($workflow.NodeIds.GetEnumerator() | Where-Object Value -eq 'Product render').Key
        $render | Should -Not -BeNullOrEmpty
        $run = Invoke-RunwayWorkflow -Id $workflow.Id -Inputs @{ 'Product image' = 'https://example.com/a.png'; "$render.seed" = 7; "$render.style" = @{ TYPE = 'image'; Uri = 'https://example.com/style' } }
        $run.Id | Should -Not -BeNullOrEmpty
        $body = Get-SentBody "/v1/workflows/$($workflow.Id)"
        ConvertTo-Flat $body.nodeOutputs[$render].seed | Should -Be '{"type":"primitive","value":7}'
        ConvertTo-Flat $body.nodeOutputs[$render].style | Should -Be '{"type":"image","uri":"https://example.com/style"}'
    }

    It 'an input node''s undeclared key and an unknown node id are refused before the run' {
        $workflow = Get-RunwayWorkflow -Name 'Product shot' | Where-Object Version -eq 2 | Get-RunwayWorkflow
        $input = $workflow.Inputs | Where-Object Key -eq 'image'
        foreach ($name in "$($input.NodeId).colour", 'no-such-node.seed') {
            Reset-RunwaySimulator -Url $SimUrl
            $err = Get-ErrorRecord { Invoke-RunwayWorkflow -Id $workflow.Id -Inputs @{ 'Product image' = 'https://example.com/a.png'; $name = 1 } }
            $err.FullyQualifiedErrorId | Should -BeLike 'Runway.UnknownKey,*'
            @(Get-ApiRequest -Method POST) | Should -HaveCount 0
        }
    }
}

Describe 'An unknown price is unknown in every output of a create' {
    BeforeEach { Reset-RunwaySimulator -Url $SimUrl }

    It 'New-RunwayAvatarVideo''s task shows no estimate, not 0 credits and $0.00' {
        $task = New-RunwayAvatarVideo -Avatar influencer -Text 'Hello there'
        $task.EstimatedCredits | Should -BeNullOrEmpty
        $task.EstimatedUsd | Should -BeNullOrEmpty
        ($task | Out-String) | Should -Not -Match '\$0\.00'
    }

    It 'a batch of unknown-price tasks sums to "price unknown", not about 0 credits' {
        $summary = @('Hello', 'Goodbye') | ForEach-Object { [pscustomobject]@{ Text = $_ } } |
            New-RunwayAvatarVideo -Avatar influencer 6>&1 | Where-Object { $_ -is [System.Management.Automation.InformationRecord] -and $_.Tags -contains 'Runway.Summary' }
        "$($summary.MessageData)" | Should -Match 'price unknown'
        "$($summary.MessageData)" | Should -Not -Match '0 credits'
    }
}
