using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Runway.Simulator.Validation;

namespace Runway.Simulator.Resources;

/// <summary>
/// Custom voices, knowledge documents, avatars, avatar usage, avatar videos, realtime sessions and avatar
/// conversations, per the official Node SDK 4.20.1 declarations (see docs/simulator.md).
/// </summary>
public static partial class CharacterApi
{
    public static readonly string[] VoiceDesignModels = ["eleven_ttv_v3", "eleven_multilingual_ttv_v2"];

    /// <summary>The 30 preset voices of avatars (<c>runway-live-preset</c>) and avatar videos (<c>preset</c>).</summary>
    public static readonly string[] LivePresetVoices =
    [
        "victoria", "vincent", "clara", "drew", "skye", "max", "morgan", "felix", "mia", "marcus", "summer", "ruby",
        "aurora", "jasper", "leo", "adrian", "nina", "emma", "blake", "david", "maya", "nathan", "sam", "georgia",
        "petra", "adam", "zach", "violet", "roman", "luna",
    ];

    /// <summary>The 9 preset avatars of avatar videos and realtime sessions.</summary>
    public static readonly string[] PresetAvatars =
    [
        "game-character", "music-superstar", "game-character-man", "cat-character", "influencer", "tennis-coach",
        "human-resource", "fashion-designer", "cooking-teacher",
    ];

    /// <summary>Documented voice limits (docs.dev.runwayml.com, custom voices): name ≤ 100, prompt ≥ 20, sample 10 s–5 min, ≤ 10 MB.</summary>
    public const int MaxVoiceNameLength = 100;
    public const int MinVoicePromptLength = 20;
    public const double MinCloneSeconds = 10, MaxCloneSeconds = 300;
    public const long MaxCloneUploadBytes = 10L * 1024 * 1024;
    /// <summary>The SDK: a base64 data URI "up to 5MB".</summary>
    public const int MaxDataUriChars = 5 * 1024 * 1024;
    /// <summary>Simulated length of voice previews (the API does not say).</summary>
    public const double PreviewSeconds = 4;

    [GeneratedRegex(@"\[fail:([A-Za-z0-9_.\-]+)\]")]
    private static partial Regex FailMarker();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex ToolNamePattern();

    private static string? FailCode(string? text) => text is not null && FailMarker().Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    public static void Map(WebApplication app)
    {
        app.MapPost("/v1/voices", CreateVoiceAsync);
        app.MapGet("/v1/voices", ListVoices);
        app.MapPost("/v1/voices/preview", PreviewVoiceAsync);
        app.MapGet("/v1/voices/{id}", (HttpContext ctx, string id, CharacterStore s, OutputSigner signer) =>
            WithVoice(s, id, v => Results.Json(VoiceJson(v, ctx.Request, signer, s.Settings))));
        app.MapPatch("/v1/voices/{id}", UpdateVoiceAsync);
        app.MapDelete("/v1/voices/{id}", (string id, CharacterStore s) =>
        {
            lock (s.Gate) return s.Voices.Remove(id) ? Results.StatusCode(204) : NotFound("Voice");
        });

        app.MapPost("/v1/documents", CreateDocumentAsync);
        app.MapGet("/v1/documents", ListDocuments);
        app.MapGet("/v1/documents/{id}", (string id, HttpContext ctx, CharacterStore s, OutputSigner signer) =>
        {
            lock (s.Gate)
                return s.Documents.TryGetValue(id, out var d) ? Results.Json(DocumentJson(d, s, ctx.Request, signer, withContent: true)) : NotFound("Document");
        });
        app.MapPatch("/v1/documents/{id}", UpdateDocumentAsync);
        app.MapDelete("/v1/documents/{id}", (string id, CharacterStore s) =>
        {
            lock (s.Gate)
            {
                if (!s.Documents.Remove(id)) return NotFound("Document");
                foreach (var a in s.Avatars.Values) a.DocumentIds.Remove(id);
                return Results.StatusCode(204);
            }
        });

        app.MapPost("/v1/avatars", CreateAvatarAsync);
        app.MapGet("/v1/avatars", ListAvatars);
        app.MapGet("/v1/avatars/{id}", (string id, HttpContext ctx, CharacterStore s, OutputSigner signer) =>
        {
            lock (s.Gate)
                return s.Avatars.TryGetValue(id, out var a) ? Results.Json(AvatarJson(a, s, ctx.Request, signer)) : NotFound("Avatar");
        });
        app.MapPatch("/v1/avatars/{id}", UpdateAvatarAsync);
        app.MapDelete("/v1/avatars/{id}", (string id, CharacterStore s) =>
        {
            lock (s.Gate) return s.Avatars.Remove(id) ? Results.StatusCode(204) : NotFound("Avatar");
        });
        app.MapGet("/v1/avatar_usage", AvatarUsage);

        app.MapPost("/v1/avatar_videos", CreateAvatarVideoAsync);

        app.MapPost("/v1/realtime_sessions", CreateSessionAsync);
        app.MapGet("/v1/realtime_sessions/{id}", (string id, CharacterStore s) =>
        {
            lock (s.Gate)
                return s.Conversations.TryGetValue(id, out var c) && c.Session is { } session
                    ? Results.Json(SessionJson(session, DateTimeOffset.UtcNow)) : NotFound("Realtime session");
        });
        app.MapDelete("/v1/realtime_sessions/{id}", (string id, CharacterStore s) =>
        {
            var now = DateTimeOffset.UtcNow;
            lock (s.Gate)
            {
                if (!s.Conversations.TryGetValue(id, out var c) || c.Session is not { } session) return NotFound("Realtime session");
                var status = session.Status(now);
                if (status is not ("NOT_READY" or "READY" or "RUNNING"))
                    return Http.Error(400, $"Realtime session is already {status} and cannot be cancelled.");
                session.CancelledAt = now;
                return Results.StatusCode(204);
            }
        });

        app.MapGet("/v1/avatar_conversations", ListConversations);
        app.MapGet("/v1/avatar_conversations/{id}", (string id, HttpContext ctx, CharacterStore s, OutputSigner signer) =>
        {
            lock (s.Gate)
                return s.Conversations.TryGetValue(id, out var c) ? Results.Json(ConversationJson(c, s, ctx.Request, signer, DateTimeOffset.UtcNow)) : NotFound("Conversation");
        });
        app.MapDelete("/v1/avatar_conversations/{id}", (string id, CharacterStore s) =>
        {
            lock (s.Gate) return s.Conversations.Remove(id) ? Results.StatusCode(204) : NotFound("Conversation");
        });

        app.MapPost("/_sim/avatar_conversations", SeedConversationAsync);
        app.MapMethods("/_assets/{**rest}", ["GET", "HEAD"], AssetAsync);
    }

    private static IResult NotFound(string what) => Http.Error(404, $"{what} not found.");

    // ---------------------------------------------------------------- voices

    private static IResult WithVoice(CharacterStore s, string id, Func<Voice, IResult> f)
    {
        lock (s.Gate) return s.Voices.TryGetValue(id, out var v) ? f(v) : NotFound("Voice");
    }

    private static async Task<IResult> CreateVoiceAsync(HttpContext ctx, CharacterStore s, UploadStore uploads)
    {
        var (body, error) = await Http.ReadJsonObjectAsync(ctx);
        if (error is not null) return error;
        var v = new ValidationContext(uploads);
        var r = new ObjectReader(body, [], v, ["name", "description", "from"]);
        var name = r.String("name", true, 1, MaxVoiceNameLength);
        var description = NullableString(body, r, "description");
        string? failCode = FailCode(name);
        var from = r.Object("from", true, "type", "model", "prompt", "audio");
        if (from is not null)
        {
            var type = from.Enum("type", true, ["text", "audio"]);
            if (type == "text")
            {
                RejectKeys(from, "audio");
                from.Enum("model", true, VoiceDesignModels);
                failCode ??= FailCode(from.String("prompt", true, MinVoicePromptLength, int.MaxValue));
            }
            else if (type == "audio")
            {
                RejectKeys(from, "model", "prompt");
                CloneSample(from, v, uploads);
            }
        }
        if (v.Failed) return Http.ValidationError(v.Issues);

        var now = DateTimeOffset.UtcNow;
        var voice = new Voice
        {
            Id = Guid.NewGuid().ToString(),
            CreatedAt = now,
            ReadyAt = now.AddMilliseconds(s.Settings.ProcessingMs),
            PreviewSeconds = PreviewSeconds,
            FailureReason = failCode is null ? null : $"Voice creation failed ({failCode}).",
            Name = name!,
            Description = description,
        };
        lock (s.Gate) s.Voices[voice.Id] = voice;
        return Results.Json(new { id = voice.Id });
    }

    /// <summary>The clone sample: an audio input; documented 10 s–5 min and ≤ 10 MB, data URIs ≤ 5 MB (SDK).</summary>
    private static void CloneSample(ObjectReader from, ValidationContext v, UploadStore uploads)
    {
        if (from.Get("audio", true, "string") is not { } raw) return;
        var path = from.PathOf("audio");
        if (raw.ValueKind == JsonValueKind.String && raw.GetString()!.StartsWith("data:", StringComparison.Ordinal) && raw.GetString()!.Length > MaxDataUriChars)
        {
            v.Add(path, $"Data URI must be at most 5 MB, received {raw.GetString()!.Length} characters");
            return;
        }
        var info = v.Media(raw, path, MediaKind.Audio);
        if (info is null) return;
        if (raw.GetString() is { } uri && uri.StartsWith("runway://", StringComparison.Ordinal) && uploads.FindByUri(uri) is { Size: > MaxCloneUploadBytes } big)
            v.Add(path, $"The audio sample must be at most 10 MB, received {big.Size} bytes");
        else if (info.DurationSeconds is { } d && (d < MinCloneSeconds || d > MaxCloneSeconds))
            v.Add(path, $"The audio sample must last between 10 seconds and 5 minutes, received {d:0.###} seconds");
    }

    private static IResult ListVoices(HttpContext ctx, CharacterStore s, UploadStore uploads, OutputSigner signer)
    {
        var v = new ValidationContext(uploads);
        var q = new ResourceHttp.Query(ctx.Request, v, "limit", "cursor");
        lock (s.Gate)
        {
            var items = s.Voices.Values.OrderByDescending(x => x.CreatedAt).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();
            var page = ResourceHttp.Page(items, q, "voices", x => VoiceJson(x, ctx.Request, signer, s.Settings), out _);
            return v.Failed ? ResourceHttp.QueryError(v.Issues) : Results.Json(page);
        }
    }

    private static async Task<IResult> UpdateVoiceAsync(HttpContext ctx, string id, CharacterStore s, UploadStore uploads, OutputSigner signer)
    {
        var (body, error) = await Http.ReadJsonObjectAsync(ctx);
        if (error is not null) return error;
        var v = new ValidationContext(uploads);
        var r = new ObjectReader(body, [], v, ["name", "description"]);
        var name = r.String("name", false, 1, MaxVoiceNameLength);
        var hasDescription = r.Has("description");
        var description = NullableString(body, r, "description");
        lock (s.Gate)
        {
            if (!s.Voices.TryGetValue(id, out var voice)) return NotFound("Voice");
            if (v.Failed) return Http.ValidationError(v.Issues);
            if (name is not null) voice.Name = name;
            if (hasDescription) voice.Description = description;
            return Results.Json(VoiceJson(voice, ctx.Request, signer, s.Settings));
        }
    }

    private static async Task<IResult> PreviewVoiceAsync(HttpContext ctx, CharacterStore s, UploadStore uploads, OutputSigner signer)
    {
        var (body, error) = await Http.ReadJsonObjectAsync(ctx);
        if (error is not null) return error;
        var v = new ValidationContext(uploads);
        var r = new ObjectReader(body, [], v, ["model", "prompt"]);
        r.Enum("model", true, VoiceDesignModels);
        r.String("prompt", true, MinVoicePromptLength, int.MaxValue);
        if (v.Failed) return Http.ValidationError(v.Issues);
        var path = $"/_assets/previews/{Guid.NewGuid()}.mp3";
        return Results.Json(new { durationSecs = PreviewSeconds, url = ResourceHttp.SignedAsset(ctx.Request, signer, s.Settings, path) });
    }

    private static Dictionary<string, object?> VoiceJson(Voice voice, HttpRequest request, OutputSigner signer, SimulatorSettings settings)
    {
        var status = voice.Status(DateTimeOffset.UtcNow);
        var json = new Dictionary<string, object?>
        {
            ["id"] = voice.Id,
            ["createdAt"] = Http.IsoTime(voice.CreatedAt),
            ["description"] = voice.Description,
            ["name"] = voice.Name,
            ["status"] = status,
        };
        if (status == "READY") json["previewUrl"] = ResourceHttp.SignedAsset(request, signer, settings, $"/_assets/voices/{voice.Id}/preview.mp3");
        if (status == "FAILED") json["failureReason"] = voice.FailureReason;
        return json;
    }

    // ---------------------------------------------------------------- documents

    private static async Task<IResult> CreateDocumentAsync(HttpContext ctx, CharacterStore s, UploadStore uploads, OutputSigner signer)
    {
        var (body, error) = await Http.ReadJsonObjectAsync(ctx);
        if (error is not null) return error;
        var v = new ValidationContext(uploads);
        var r = new ObjectReader(body, [], v, ["name", "content"]);
        var name = r.String("name", true, 1, int.MaxValue);
        var content = r.String("content", true, 1, int.MaxValue);
        if (content is not null && CharacterStore.EstimateTokens(content) > CharacterStore.MaxKnowledgeTokensPerAvatar)
            v.Add(["content"], $"A document must fit an avatar's knowledge limit of {CharacterStore.MaxKnowledgeTokensPerAvatar} tokens");
        if (v.Failed) return Http.ValidationError(v.Issues);
        var now = DateTimeOffset.UtcNow;
        var doc = new KnowledgeDocument { Id = Guid.NewGuid().ToString(), CreatedAt = now, UpdatedAt = now, Name = name!, Content = content! };
        lock (s.Gate)
        {
            s.Documents[doc.Id] = doc;
            return Results.Json(DocumentJson(doc, s, ctx.Request, signer, withContent: true));
        }
    }

    private static IResult ListDocuments(HttpContext ctx, CharacterStore s, UploadStore uploads, OutputSigner signer)
    {
        var v = new ValidationContext(uploads);
        var q = new ResourceHttp.Query(ctx.Request, v, "limit", "cursor", "order", "sort");
        var order = q.Enum("order", true, "asc", "desc");
        var sort = q.Enum("sort", true, "createdAt", "updatedAt");
        lock (s.Gate)
        {
            IEnumerable<KnowledgeDocument> docs = s.Documents.Values;
            Func<KnowledgeDocument, DateTimeOffset> key = sort == "updatedAt" ? d => d.UpdatedAt : d => d.CreatedAt;
            var items = (order == "asc" ? docs.OrderBy(key) : docs.OrderByDescending(key)).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
            var page = ResourceHttp.Page(items, q, $"documents.{sort}.{order}", d => DocumentJson(d, s, ctx.Request, signer, withContent: false), out _);
            return v.Failed ? ResourceHttp.QueryError(v.Issues) : Results.Json(page);
        }
    }

    private static async Task<IResult> UpdateDocumentAsync(HttpContext ctx, string id, CharacterStore s, UploadStore uploads)
    {
        var (body, error) = await Http.ReadJsonObjectAsync(ctx);
        if (error is not null) return error;
        var v = new ValidationContext(uploads);
        var r = new ObjectReader(body, [], v, ["name", "content"]);
        var name = r.String("name", false, 1, int.MaxValue);
        var content = r.String("content", false, 1, int.MaxValue);
        if (!r.Has("name") && !r.Has("content")) v.Add([], "At least one of name or content must be provided");
        lock (s.Gate)
        {
            if (!s.Documents.TryGetValue(id, out var doc)) return NotFound("Document");
            if (content is not null)
                foreach (var a in s.Avatars.Values.Where(a => a.DocumentIds.Contains(id)))
                    if (s.KnowledgeTokens(a.DocumentIds, id, content) > CharacterStore.MaxKnowledgeTokensPerAvatar)
                        v.Add(["content"], $"Avatar {a.Id} would exceed its knowledge limit of {CharacterStore.MaxKnowledgeTokensPerAvatar} tokens");
            if (v.Failed) return Http.ValidationError(v.Issues);
            if (name is not null) doc.Name = name;
            if (content is not null) doc.Content = content;
            doc.UpdatedAt = DateTimeOffset.UtcNow;
            return Results.StatusCode(204);
        }
    }

    private static Dictionary<string, object?> DocumentJson(KnowledgeDocument d, CharacterStore s, HttpRequest request, OutputSigner signer, bool withContent)
    {
        var json = new Dictionary<string, object?> { ["id"] = d.Id };
        if (withContent) json["content"] = d.Content;
        json["createdAt"] = Http.IsoTime(d.CreatedAt);
        json["name"] = d.Name;
        json["type"] = "text";
        json["updatedAt"] = Http.IsoTime(d.UpdatedAt);
        json["usedBy"] = s.Avatars.Values.Where(a => a.DocumentIds.Contains(d.Id)).OrderBy(a => a.CreatedAt)
            .Select(a => new { id = a.Id, imageUrl = ProcessedImage(a, request, signer, s.Settings), name = a.Name }).ToList();
        return json;
    }

    // ---------------------------------------------------------------- avatars

    private static async Task<IResult> CreateAvatarAsync(HttpContext ctx, CharacterStore s, UploadStore uploads, OutputSigner signer)
    {
        var (body, error) = await Http.ReadJsonObjectAsync(ctx);
        if (error is not null) return error;
        var v = new ValidationContext(uploads, signer);
        var r = new ObjectReader(body, [], v, ["name", "personality", "referenceImage", "voice", "documentIds", "imageProcessing", "startScript"]);
        var name = r.String("name", true, 1, int.MaxValue);
        var personality = r.String("personality", true, 1, int.MaxValue);
        r.Media("referenceImage", true, MediaKind.Image);
        r.Enum("imageProcessing", false, ["optimize", "none"]);
        var startScript = r.String("startScript", false, 1, int.MaxValue);
        lock (s.Gate)
        {
            var (preset, voiceId) = AvatarVoice(r, s, required: true);
            var documentIds = DocumentIds(r, s);
            if (v.Failed) return Http.ValidationError(v.Issues);
            var now = DateTimeOffset.UtcNow;
            var avatar = new Avatar
            {
                Id = Guid.NewGuid().ToString(),
                CreatedAt = now,
                UpdatedAt = now,
                ReadyAt = now.AddMilliseconds(s.Settings.ProcessingMs),
                FailureReason = FailCode(name) is { } code ? $"Avatar processing failed ({code})." : null,
                Name = name!,
                Personality = personality!,
                StartScript = startScript,
                VoicePreset = preset,
                VoiceId = voiceId,
                DocumentIds = documentIds ?? [],
            };
            s.Avatars[avatar.Id] = avatar;
            return Results.Json(AvatarJson(avatar, s, ctx.Request, signer));
        }
    }

    private static async Task<IResult> UpdateAvatarAsync(HttpContext ctx, string id, CharacterStore s, UploadStore uploads, OutputSigner signer)
    {
        var (body, error) = await Http.ReadJsonObjectAsync(ctx);
        if (error is not null) return error;
        var v = new ValidationContext(uploads, signer);
        string[] keys = ["name", "personality", "referenceImage", "voice", "documentIds", "imageProcessing", "startScript"];
        var r = new ObjectReader(body, [], v, keys);
        if (!keys.Any(r.Has)) v.Add([], "At least one field must be provided");
        var name = r.String("name", false, 1, int.MaxValue);
        var personality = r.String("personality", false, 1, int.MaxValue);
        var newImage = r.Media("referenceImage", false, MediaKind.Image) is not null;
        var processing = r.Enum("imageProcessing", false, ["optimize", "none"]);
        var clearScript = body.TryGetProperty("startScript", out var ss) && ss.ValueKind == JsonValueKind.Null;
        var startScript = clearScript ? null : r.String("startScript", false, 1, int.MaxValue);
        lock (s.Gate)
        {
            if (!s.Avatars.TryGetValue(id, out var avatar)) return NotFound("Avatar");
            var (preset, voiceId) = AvatarVoice(r, s, required: false);
            var documentIds = DocumentIds(r, s);
            if (v.Failed) return Http.ValidationError(v.Issues);
            var now = DateTimeOffset.UtcNow;
            if (name is not null) avatar.Name = name;
            if (personality is not null) avatar.Personality = personality;
            if (clearScript) avatar.StartScript = null;
            else if (startScript is not null) avatar.StartScript = startScript;
            if (preset is not null || voiceId is not null) (avatar.VoicePreset, avatar.VoiceId) = (preset, voiceId);
            if (documentIds is not null) avatar.DocumentIds = documentIds;
            // A new image (or new preprocessing) is processed again.
            if (newImage || processing is not null)
            {
                avatar.ReadyAt = now.AddMilliseconds(s.Settings.ProcessingMs);
                avatar.ImageVersion++;
            }
            avatar.UpdatedAt = now;
            return Results.Json(AvatarJson(avatar, s, ctx.Request, signer));
        }
    }

    private static (string? Preset, string? VoiceId) AvatarVoice(ObjectReader r, CharacterStore s, bool required)
    {
        var voice = r.Object("voice", required, "type", "presetId", "id");
        if (voice?.Enum("type", true, ["runway-live-preset", "custom"]) is not { } type) return (null, null);
        if (type == "runway-live-preset")
        {
            RejectKeys(voice, "id");
            return (voice.Enum("presetId", true, LivePresetVoices), null);
        }
        RejectKeys(voice, "presetId");
        return (null, CustomVoice(voice, "id", s));
    }

    /// <summary>A custom voice id: an unknown one is a 400 on the field, like any other invalid value in the body.</summary>
    private static string? CustomVoice(ObjectReader r, string key, CharacterStore s)
    {
        if (r.String(key, true, 1, int.MaxValue) is not { } id) return null;
        if (!s.Voices.TryGetValue(id, out var voice)) { r.Context.Add(r.PathOf(key), $"Voice {JsonTypes.Quote(id)} not found"); return null; }
        var status = voice.Status(DateTimeOffset.UtcNow);
        if (status != "READY") { r.Context.Add(r.PathOf(key), $"Voice {JsonTypes.Quote(id)} is {status}, not READY"); return null; }
        return id;
    }

    private static List<string>? DocumentIds(ObjectReader r, CharacterStore s)
    {
        if (r.Array("documentIds", false, 0, int.MaxValue) is not { } items) return null;
        var ids = new List<string>();
        foreach (var (item, path) in items)
        {
            if (item.ValueKind != JsonValueKind.String) { r.Context.Add(path, $"Expected string, received {JsonTypes.Name(item)}"); continue; }
            var id = item.GetString()!;
            if (!s.Documents.ContainsKey(id)) r.Context.Add(path, $"Document {JsonTypes.Quote(id)} not found");
            else if (ids.Contains(id)) r.Context.Add(path, $"Duplicate document {JsonTypes.Quote(id)}");
            else ids.Add(id);
        }
        if (!r.Context.Failed && s.KnowledgeTokens(ids) > CharacterStore.MaxKnowledgeTokensPerAvatar)
            r.Context.Add(r.PathOf("documentIds"), $"The documents exceed the avatar knowledge limit of {CharacterStore.MaxKnowledgeTokensPerAvatar} tokens");
        return ids;
    }

    private static IResult ListAvatars(HttpContext ctx, CharacterStore s, UploadStore uploads, OutputSigner signer)
    {
        var v = new ValidationContext(uploads);
        var q = new ResourceHttp.Query(ctx.Request, v, "limit", "cursor");
        lock (s.Gate)
        {
            var items = s.Avatars.Values.OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
            var page = ResourceHttp.Page(items, q, "avatars", a => AvatarJson(a, s, ctx.Request, signer), out _);
            return v.Failed ? ResourceHttp.QueryError(v.Issues) : Results.Json(page);
        }
    }

    private static string ReferenceImage(Avatar a, HttpRequest request, OutputSigner signer, SimulatorSettings settings) =>
        ResourceHttp.SignedAsset(request, signer, settings, $"/_assets/avatars/{a.Id}/{a.ImageVersion}/reference.png");

    private static string? ProcessedImage(Avatar a, HttpRequest request, OutputSigner signer, SimulatorSettings settings) =>
        a.Status(DateTimeOffset.UtcNow) == "READY" ? ResourceHttp.SignedAsset(request, signer, settings, $"/_assets/avatars/{a.Id}/{a.ImageVersion}/processed.png") : null;

    private static Dictionary<string, object?> AvatarJson(Avatar a, CharacterStore s, HttpRequest request, OutputSigner signer)
    {
        var status = a.Status(DateTimeOffset.UtcNow);
        var json = new Dictionary<string, object?>
        {
            ["id"] = a.Id,
            ["createdAt"] = Http.IsoTime(a.CreatedAt),
            ["documentIds"] = a.DocumentIds.ToList(),
            ["name"] = a.Name,
            ["personality"] = a.Personality,
            ["processedImageUri"] = ProcessedImage(a, request, signer, s.Settings),
            ["referenceImageUri"] = ReferenceImage(a, request, signer, s.Settings),
            ["startScript"] = a.StartScript,
            ["status"] = status,
            ["updatedAt"] = Http.IsoTime(a.UpdatedAt),
            ["voice"] = VoiceRefJson(a, s),
        };
        if (status == "FAILED") json["failureReason"] = a.FailureReason;
        return json;
    }

    private static object VoiceRefJson(Avatar a, CharacterStore s)
    {
        if (a.VoicePreset is { } preset)
            return new { description = "A Runway live preset voice.", name = Display(preset), presetId = preset, type = "runway-live-preset" };
        if (s.Voices.TryGetValue(a.VoiceId!, out var voice))
            return new { id = voice.Id, deleted = false, type = "custom", description = voice.Description, name = voice.Name };
        return new { id = a.VoiceId, deleted = true, type = "custom" };
    }

    private static string Display(string id) =>
        string.Join(' ', id.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static IResult AvatarUsage(HttpContext ctx, CharacterStore s, UploadStore uploads)
    {
        var v = new ValidationContext(uploads);
        var q = new ResourceHttp.Query(ctx.Request, v, "startDate", "endDate");
        var start = q.Time("startDate", true);
        var end = q.Time("endDate", true);
        if (start is { } a && end is { } b)
        {
            if (b <= a) v.Add(["endDate"], "endDate must be after startDate");
            else if (b - a > TimeSpan.FromDays(90)) v.Add(["endDate"], "The date range must not exceed 90 days");
        }
        if (v.Failed) return ResourceHttp.QueryError(v.Issues);
        var now = DateTimeOffset.UtcNow;
        lock (s.Gate)
        {
            var inRange = s.Conversations.Values.Where(c => c.CreatedAt >= start!.Value && c.CreatedAt < end!.Value).ToList();
            var firstDay = DateOnly.FromDateTime(start!.Value.UtcDateTime);
            var lastDay = DateOnly.FromDateTime(end!.Value.AddTicks(-1).UtcDateTime);
            var byDay = new List<object>();
            for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
            {
                var onDay = inRange.Where(c => DateOnly.FromDateTime(c.CreatedAt.UtcDateTime) == day).ToList();
                byDay.Add(new
                {
                    date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    seconds = Math.Round(onDay.Sum(c => c.Duration(now) ?? 0), 3),
                    sessions = onDay.Count,
                });
            }
            var measured = inRange.Select(c => c.Duration(now)).Where(d => d is not null).Select(d => d!.Value).ToList();
            var total = Math.Round(measured.Sum(), 3);
            return Results.Json(new
            {
                avgDurationSeconds = measured.Count == 0 ? 0 : Math.Round(total / measured.Count, 3),
                byDay,
                totalSeconds = total,
                totalSessions = inRange.Count,
            });
        }
    }

    // ---------------------------------------------------------------- avatar videos and realtime sessions

    /// <summary>The avatar of a video or session: a preset, or a custom avatar that exists and is READY.</summary>
    private static AvatarRef? AvatarChoice(ObjectReader r, CharacterStore s)
    {
        var avatar = r.Object("avatar", true, "type", "presetId", "avatarId");
        if (avatar?.Enum("type", true, ["runway-preset", "custom"]) is not { } type) return null;
        if (type == "runway-preset")
        {
            RejectKeys(avatar, "avatarId");
            return avatar.Enum("presetId", true, PresetAvatars) is { } p ? new AvatarRef(p, null) : null;
        }
        RejectKeys(avatar, "presetId");
        if (avatar.String("avatarId", true, 1, int.MaxValue) is not { } id) return null;
        if (!s.Avatars.TryGetValue(id, out var found)) { r.Context.Add(avatar.PathOf("avatarId"), $"Avatar {JsonTypes.Quote(id)} not found"); return null; }
        var status = found.Status(DateTimeOffset.UtcNow);
        if (status != "READY") { r.Context.Add(avatar.PathOf("avatarId"), $"Avatar {JsonTypes.Quote(id)} is {status}, not READY"); return null; }
        return new AvatarRef(null, id);
    }

    private static async Task<IResult> CreateAvatarVideoAsync(HttpContext ctx, CharacterStore s, TaskStore tasks, UploadStore uploads, OutputSigner signer)
    {
        var (body, error) = await Http.ReadJsonObjectAsync(ctx);
        if (error is not null) return error;
        var v = new ValidationContext(uploads, signer);
        var r = new ObjectReader(body, [], v, ["model", "avatar", "speech"]);
        r.Enum("model", true, ["gwm1_avatars"]);
        double seconds = Rules.DefaultAudioSeconds;
        string? text = null;
        lock (s.Gate)
        {
            AvatarChoice(r, s);
            var speech = r.Object("speech", true, "type", "audio", "text", "voice");
            var type = speech?.Enum("type", true, ["audio", "text"]);
            if (type == "audio")
            {
                RejectKeys(speech!, "text", "voice");
                if (speech!.Get("audio", true, "string") is { } raw)
                {
                    if (raw.ValueKind == JsonValueKind.String && raw.GetString()!.StartsWith("data:", StringComparison.Ordinal) && raw.GetString()!.Length > MaxDataUriChars)
                        v.Add(speech.PathOf("audio"), $"Data URI must be at most 5 MB, received {raw.GetString()!.Length} characters");
                    else if (v.Media(raw, speech.PathOf("audio"), MediaKind.Audio) is { DurationSeconds: { } d }) seconds = d;
                }
            }
            else if (type == "text")
            {
                RejectKeys(speech!, "audio");
                text = speech!.String("text", true, 1, int.MaxValue);
                if (text is not null) seconds = Math.Max(1, Math.Round(text.Length / 15.0, 1));
                var voice = speech.Object("voice", false, "type", "presetId", "id");
                if (voice?.Enum("type", true, ["preset", "custom"]) is { } vt)
                {
                    if (vt == "preset") { RejectKeys(voice, "id"); voice.Enum("presetId", true, LivePresetVoices); }
                    else { RejectKeys(voice, "presetId"); CustomVoice(voice, "id", s); }
                }
            }
        }
        if (v.Failed) return Http.ValidationError(v.Issues);

        var credits = Rules.Credits(seconds) * SimulatedPrices.AvatarVideoCreditsPerSecond;
        var request = new CreateRequest("avatar_videos", "gwm1_avatars", credits, OutputSpec.Mp4("1280:720", seconds), text);
        var (outcome, taskId) = tasks.Create(request, DateTimeOffset.UtcNow, Api.ApiKeyIdOf(ctx.Request));
        if (outcome == CreateOutcome.DailyLimit) return Http.Error(429, "You have reached the daily generation limit for gwm1_avatars.");
        if (outcome == CreateOutcome.InsufficientCredits) return Http.Error(400, "You do not have enough credits to run this task.");
        if (ResourceHttp.Log(ctx) is { } entry) entry.TaskId = taskId;
        return Results.Json(new { id = taskId });
    }

    private static async Task<IResult> CreateSessionAsync(HttpContext ctx, CharacterStore s, UploadStore uploads)
    {
        var (body, error) = await Http.ReadJsonObjectAsync(ctx);
        if (error is not null) return error;
        var v = new ValidationContext(uploads);
        var r = new ObjectReader(body, [], v, ["model", "avatar", "integration", "livekit", "maxDuration", "personality", "startScript", "tools"]);
        r.Enum("model", true, ["gwm1_avatars"]);
        var maxDuration = r.Number("maxDuration", false, double.Epsilon, double.MaxValue);
        var personality = r.String("personality", false, 1, int.MaxValue);
        r.String("startScript", false, 1, int.MaxValue);
        Integration(r);
        var tools = Tools(r);
        AvatarRef? avatar;
        lock (s.Gate) avatar = AvatarChoice(r, s);
        if (v.Failed) return Http.ValidationError(v.Issues);

        var settings = s.Settings;
        var now = DateTimeOffset.UtcNow;
        var ready = now.AddMilliseconds(settings.SessionReadyMs);
        var running = ready.AddMilliseconds(settings.SessionConnectMs);
        var runMs = maxDuration is { } max ? Math.Min(settings.SessionRunMs, max * 1000) : settings.SessionRunMs;
        var session = new RealtimeSession
        {
            Id = Guid.NewGuid().ToString(),
            CreatedAt = now,
            ReadyAt = ready,
            RunningAt = running,
            EndAt = running.AddMilliseconds(runMs),
            ExpiresAt = ready.AddMinutes(5),
            SessionKey = CharacterStore.NewSessionKey(),
            FailureCode = FailCode(personality),
        };
        lock (s.Gate)
        {
            var name = avatar!.AvatarId is { } id && s.Avatars.TryGetValue(id, out var a) ? a.Name : Display(avatar.PresetId!);
            s.Conversations[session.Id] = new Conversation
            {
                Id = session.Id,
                CreatedAt = now,
                Avatar = avatar,
                Name = $"Conversation with {name}",
                MaxDuration = maxDuration,
                Tools = tools,
                Session = session,
            };
        }
        if (ResourceHttp.Log(ctx) is { } entry) entry.TaskId = session.Id;
        return Results.Json(new { id = session.Id });
    }

    /// <summary><c>integration</c> (elevenlabs or livekit) or the deprecated <c>livekit</c>; at most one of the two.</summary>
    private static void Integration(ObjectReader r)
    {
        if (r.Has("integration") && r.Has("livekit")) r.Context.Add(r.PathOf("livekit"), "Use either integration or the deprecated livekit, not both");
        var integration = r.Object("integration", false, "type", "signedUrl", "token", "roomName", "url", "agentIdentity");
        if (integration?.Enum("type", true, ["elevenlabs", "livekit"]) is { } type)
        {
            if (type == "elevenlabs")
            {
                RejectKeys(integration, "token", "roomName", "url", "agentIdentity");
                PublicUrl(integration, "signedUrl");
            }
            else
            {
                RejectKeys(integration, "signedUrl");
                LiveKit(integration);
            }
        }
        if (r.Object("livekit", false, "token", "roomName", "url", "agentIdentity") is { } livekit) LiveKit(livekit);

        static void LiveKit(ObjectReader o)
        {
            o.String("token", true, 1, int.MaxValue);
            o.String("roomName", true, 1, int.MaxValue);
            PublicUrl(o, "url");
            o.String("agentIdentity", false, 1, int.MaxValue);
        }
    }

    /// <summary>Declared: "Must be a wss:// or https:// URL that resolves to a public host" (not resolved here: literal names only).</summary>
    private static void PublicUrl(ObjectReader o, string key)
    {
        if (o.String(key, true, 1, Media.MaxUrlLength) is not { } text) return;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("wss" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            o.Context.Add(o.PathOf(key), "Expected a wss:// or https:// URL");
            return;
        }
        var host = uri.IdnHost;
        var isPrivate = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".local", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && !IsPublic(ip));
        if (isPrivate) o.Context.Add(o.PathOf(key), "The URL must resolve to a public host");

        static bool IsPublic(IPAddress ip)
        {
            if (IPAddress.IsLoopback(ip) || ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal) return false;
            if (ip.AddressFamily != AddressFamily.InterNetwork) return !ip.Equals(IPAddress.IPv6Any);
            var b = ip.GetAddressBytes();
            return !(b[0] == 10 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || b[0] >= 224);
        }
    }

    /// <summary>
    /// Tools, with the documented limits (docs.dev.runwayml.com, tool reference): ≤ 20 tools, unique names of 1–64
    /// characters matching ^[a-zA-Z_][a-zA-Z0-9_]*$, descriptions 1–1024, ≤ 20 parameters, ≤ 20 enum values of
    /// ≤ 64 characters, ≤ 20 object properties, backend timeout 1–8 s.
    /// </summary>
    private static List<ToolSummary> Tools(ObjectReader r)
    {
        var tools = new List<ToolSummary>();
        if (r.Array("tools", false, 0, 20) is not { } items) return tools;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, path) in items)
        {
            var t = ObjectReader.Element(item, path, r.Context, "type", "name", "description", "parameters", "timeoutSeconds");
            if (t is null) continue;
            var type = t.Enum("type", true, ["client_event", "backend_rpc"]);
            var name = ToolName(t, "name");
            if (name is not null && !names.Add(name)) r.Context.Add(t.PathOf("name"), $"Duplicate tool name {JsonTypes.Quote(name)}");
            var description = t.String("description", true, 1, 1024);
            if (type == "client_event") RejectKeys(t, "timeoutSeconds");
            else t.Number("timeoutSeconds", false, 1, 8);
            if (t.Array("parameters", false, 0, 20) is { } parameters)
                foreach (var (p, ppath) in parameters) Parameter(p, ppath, r.Context);
            if (type is not null && name is not null && description is not null) tools.Add(new ToolSummary(type, name, description));
        }
        return tools;

        static void Parameter(JsonElement item, object[] path, ValidationContext ctx)
        {
            var p = ObjectReader.Element(item, path, ctx, "type", "name", "description", "required", "enum", "items", "properties");
            if (p is null) return;
            var type = p.Enum("type", true, ["string", "integer", "number", "boolean", "array", "object"]);
            p.String("name", true, 1, int.MaxValue);
            p.String("description", true, 1, 1024);
            p.Bool("required");
            if (type != "string") RejectKeys(p, "enum");
            else if (p.Array("enum", false, 0, 20) is { } values)
                foreach (var (e, epath) in values)
                    if (e.ValueKind != JsonValueKind.String) ctx.Add(epath, $"Expected string, received {JsonTypes.Name(e)}");
                    else if (e.GetString()!.Length > 64) ctx.Add(epath, "String must contain at most 64 character(s)");
            if (type != "array") RejectKeys(p, "items");
            else p.Object("items", true, "type")?.Enum("type", true, ["string", "integer", "number", "boolean"]);
            if (type != "object") RejectKeys(p, "properties");
            else p.Array("properties", true, 0, 20);
        }
    }

    private static string? ToolName(ObjectReader t, string key)
    {
        if (t.String(key, true, 1, 64) is not { } name) return null;
        if (ToolNamePattern().IsMatch(name)) return name;
        t.Context.Add(t.PathOf(key), "Tool names must start with a letter or underscore, followed by letters, digits or underscores");
        return null;
    }

    private static Dictionary<string, object?> SessionJson(RealtimeSession session, DateTimeOffset now)
    {
        var status = session.Status(now);
        var json = new Dictionary<string, object?> { ["id"] = session.Id, ["createdAt"] = Http.IsoTime(session.CreatedAt), ["status"] = status };
        switch (status)
        {
            case "NOT_READY": json["queued"] = false; break;
            case "READY":
                json["expiresAt"] = Http.IsoTime(session.ExpiresAt);
                json["sessionKey"] = session.SessionKey;
                break;
            case "COMPLETED": json["duration"] = session.RunSeconds(now) ?? 0; break;
            case "FAILED":
                json["failure"] = TaskStore.FailureMessage(session.FailureCode!);
                json["failureCode"] = session.FailureCode;
                break;
        }
        return json;
    }

    // ---------------------------------------------------------------- conversations

    private static IResult ListConversations(HttpContext ctx, CharacterStore s, UploadStore uploads)
    {
        var v = new ValidationContext(uploads);
        var q = new ResourceHttp.Query(ctx.Request, v, "limit", "cursor", "avatar", "startDate", "endDate");
        var avatar = q.String("avatar", false);
        var start = q.Time("startDate", false);
        var end = q.Time("endDate", false);
        var now = DateTimeOffset.UtcNow;
        lock (s.Gate)
        {
            var items = s.Conversations.Values
                .Where(c => avatar is null || c.Avatar.AvatarId == avatar)
                .Where(c => start is null || c.CreatedAt >= start)
                .Where(c => end is null || c.CreatedAt < end)
                .OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
            var page = ResourceHttp.Page(items, q, "conversations", c => new Dictionary<string, object?>
            {
                ["id"] = c.Id,
                ["avatar"] = c.Avatar.PresetId is { } p
                    ? new { name = Display(p), presetId = p, type = "runway-preset" }
                    : s.Avatars.TryGetValue(c.Avatar.AvatarId!, out var a) ? new { id = (string?)a.Id, name = (string?)a.Name, type = "custom" } : new { id = (string?)null, name = (string?)null, type = "custom" },
                ["createdAt"] = Http.IsoTime(c.CreatedAt),
                ["duration"] = c.Duration(now),
                ["hasTools"] = c.Tools.Count > 0,
                ["name"] = c.Name,
                ["status"] = c.Status(now),
            }, out _);
            return v.Failed ? ResourceHttp.QueryError(v.Issues) : Results.Json(page);
        }
    }

    private static Dictionary<string, object?> ConversationJson(Conversation c, CharacterStore s, HttpRequest request, OutputSigner signer, DateTimeOffset now)
    {
        var status = c.Status(now);
        object? avatar = c.Avatar.PresetId is { } p
            ? new { presetId = p, type = "runway-preset" }
            : s.Avatars.TryGetValue(c.Avatar.AvatarId!, out var a)
                ? new { id = (string?)a.Id, imageUrl = ProcessedImage(a, request, signer, s.Settings), name = (string?)a.Name, type = "custom" }
                : new { id = (string?)null, imageUrl = (string?)null, name = (string?)null, type = "custom" };
        var json = new Dictionary<string, object?>
        {
            ["id"] = c.Id,
            ["avatar"] = avatar,
            ["createdAt"] = Http.IsoTime(c.CreatedAt),
            ["duration"] = c.Duration(now),
        };
        if (status != "in_progress") json["endedAt"] = c.EndedAt(now) is { } e ? Http.IsoTime(e) : null;
        if (status == "failed")
        {
            json["failure"] = TaskStore.FailureMessage(c.FailureCode(now)!);
            json["failureCode"] = c.FailureCode(now);
        }
        json["maxDuration"] = c.MaxDuration;
        json["name"] = c.Name;
        json["recordingUrl"] = c.HasRecording && status == "ended"
            ? ResourceHttp.SignedAsset(request, signer, s.Settings, $"/_assets/conversations/{c.Id}/recording.mp4") : null;
        json["startedAt"] = c.StartedAt(now) is { } st ? Http.IsoTime(st) : null;
        json["status"] = status;
        json["tools"] = c.Tools.Select(t => new { description = t.Description, name = t.Name, type = t.Type }).ToList();
        json["transcript"] = c.Transcript;
        return json;
    }

    /// <summary>
    /// <c>POST /_sim/avatar_conversations</c>: seed a finished (or in-progress/failed) conversation so tests can list it.
    /// </summary>
    private static async Task<IResult> SeedConversationAsync(HttpContext ctx, CharacterStore s, UploadStore uploads)
    {
        var (body, error) = await Http.ReadJsonObjectAsync(ctx, allowEmpty: true);
        if (error is not null) return error;
        var v = new ValidationContext(uploads);
        var r = new ObjectReader(body, [], v, ["avatarId", "presetId", "status", "name", "createdAt", "duration", "maxDuration", "failureCode", "recording", "tools", "transcript"]);
        var avatarId = r.String("avatarId", false, 1, int.MaxValue);
        var presetId = r.Enum("presetId", false, PresetAvatars);
        if (avatarId is not null && presetId is not null) v.Add(["avatarId"], "Give avatarId or presetId, not both");
        var status = r.Enum("status", false, ["in_progress", "ended", "failed"]) ?? "ended";
        var name = r.String("name", false, 1, int.MaxValue);
        var createdText = r.String("createdAt", false, 1, 64);
        DateTimeOffset? created = null;
        if (createdText is not null && (created = ResourceHttp.ParseTime(createdText)) is null) v.Add(["createdAt"], "Expected an ISO 8601 date-time");
        var duration = r.Number("duration", false, 0, double.MaxValue);
        var maxDuration = r.Number("maxDuration", false, double.Epsilon, double.MaxValue);
        var failureCode = r.String("failureCode", false, 1, 128);
        var recording = r.Bool("recording") ?? false;
        var tools = new List<ToolSummary>();
        if (r.Array("tools", false, 0, 20) is { } toolItems)
            foreach (var (item, path) in toolItems)
                if (ObjectReader.Element(item, path, v, "type", "name", "description") is { } t
                    && t.Enum("type", true, ["client_event", "backend_rpc"]) is { } tt && ToolName(t, "name") is { } tn && t.String("description", true, 1, 1024) is { } td)
                    tools.Add(new ToolSummary(tt, tn, td));
        JsonElement transcript = JsonDocument.Parse("[]").RootElement;
        if (r.Array("transcript", false, 0, int.MaxValue) is { } entries)
        {
            foreach (var (item, path) in entries)
                if (ObjectReader.Element(item, path, v, "role", "content", "timestamp", "toolCalls", "toolResults") is { } e)
                {
                    var role = e.Enum("role", true, ["user", "assistant"]);
                    if (!e.Has("content")) v.Add(e.PathOf("content"), "Required");
                    else if (item.GetProperty("content").ValueKind is not (JsonValueKind.String or JsonValueKind.Null)) v.Add(e.PathOf("content"), "Expected string or null");
                    if (item.TryGetProperty("timestamp", out var ts) && ts.ValueKind != JsonValueKind.Null
                        && (ts.ValueKind != JsonValueKind.String || ResourceHttp.ParseTime(ts.GetString()!) is null))
                        v.Add(e.PathOf("timestamp"), "Expected an ISO 8601 date-time or null");
                    if (role == "user" && (e.Has("toolCalls") || e.Has("toolResults"))) v.Add(path, "toolCalls and toolResults are only present on assistant entries");
                    e.Array("toolCalls", false, 0, int.MaxValue);
                    e.Array("toolResults", false, 0, int.MaxValue);
                }
            transcript = body.GetProperty("transcript").Clone();
        }
        lock (s.Gate)
        {
            if (avatarId is not null && !s.Avatars.ContainsKey(avatarId)) v.Add(["avatarId"], "Avatar not found");
            if (v.Failed) return Http.ValidationError(v.Issues);
            var avatar = avatarId is not null ? new AvatarRef(null, avatarId) : new AvatarRef(presetId ?? "influencer", null);
            var createdAt = created ?? DateTimeOffset.UtcNow;
            var conversation = new Conversation
            {
                Id = Guid.NewGuid().ToString(),
                CreatedAt = createdAt,
                Avatar = avatar,
                Name = name ?? $"Conversation {createdAt.UtcDateTime:yyyy-MM-dd HH:mm}",
                MaxDuration = maxDuration,
                Tools = tools,
                SeedStatus = status,
                SeedDuration = status == "in_progress" ? duration : duration ?? (status == "ended" ? 60 : null),
                SeedFailureCode = status == "failed" ? failureCode ?? "INTERNAL" : null,
                HasRecording = recording,
                Transcript = transcript,
            };
            s.Conversations[conversation.Id] = conversation;
            return Results.Json(new { id = conversation.Id });
        }
    }

    // ---------------------------------------------------------------- signed assets

    private static async Task AssetAsync(HttpContext ctx, string rest, CharacterStore s, OutputSigner signer)
    {
        var request = ctx.Request;
        if (!signer.Verify(request.Path.Value!, request.Query["exp"], request.Query["sig"], out var exp))
        {
            await Http.Error(403, "Invalid signature.").ExecuteAsync(ctx);
            return;
        }
        if (exp < DateTimeOffset.UtcNow.ToUnixTimeSeconds())
        {
            await Http.Error(403, "This URL has expired.").ExecuteAsync(ctx);
            return;
        }
        var parts = rest.Split('/');
        var head = HttpMethods.IsHead(request.Method);
        bool exists;
        lock (s.Gate)
            exists = parts[0] switch
            {
                "previews" => true,
                "voices" => s.Voices.ContainsKey(parts[1]),
                "avatars" => s.Avatars.TryGetValue(parts[1], out var a) && a.ImageVersion.ToString(CultureInfo.InvariantCulture) == parts[2],
                "conversations" => s.Conversations.ContainsKey(parts[1]),
                _ => false,
            };
        if (!exists)
        {
            await Http.Error(404, "Not found.").ExecuteAsync(ctx);
            return;
        }
        switch (parts[0])
        {
            case "previews" or "voices":
                var mp3 = ResourceHttp.SilentMp3(PreviewSeconds);
                ctx.Response.ContentType = "audio/mpeg";
                ctx.Response.ContentLength = mp3.Length;
                if (!head) await ctx.Response.Body.WriteAsync(mp3, ctx.RequestAborted);
                break;
            case "avatars":
                await Outputs.WriteAsync(ctx.Response, OutputSpec.Png("544:352"), head);
                break;
            default:
                double seconds;
                lock (s.Gate) seconds = s.Conversations[parts[1]].Duration(DateTimeOffset.UtcNow) ?? 1;
                await Outputs.WriteAsync(ctx.Response, OutputSpec.Mp4("1280:720", Math.Max(1, seconds)), head);
                break;
        }
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>An optional <c>string | null</c> field.</summary>
    private static string? NullableString(JsonElement body, ObjectReader r, string key) =>
        body.TryGetProperty(key, out var e) && e.ValueKind != JsonValueKind.Null ? r.String(key, false, 0, int.MaxValue) : null;

    /// <summary>Keys that belong to another variant of a union are unknown here.</summary>
    private static void RejectKeys(ObjectReader o, params string[] keys)
    {
        foreach (var k in keys)
            if (o.Has(k)) o.Context.Add(o.PathOf(k), $"Unrecognized key {JsonTypes.Quote(k)}");
    }
}
