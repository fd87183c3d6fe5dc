using System.Text.Json;
using Runway.Simulator.Validation;

namespace Runway.Simulator.Resources;

/// <summary>/v1/voices: custom voices (designed from a prompt or cloned from a sample), their previews and edits (voices.d.ts).</summary>
public static partial class CharacterApi
{
    private static void MapVoices(WebApplication app)
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
    }

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
}
