using System.Globalization;
using System.Text.Json;
using Runway.Simulator.Validation;

namespace Runway.Simulator.Resources;

/// <summary>/v1/avatars and /v1/avatar_usage: custom avatars and their usage report (avatars.d.ts, avatar-usage.d.ts).</summary>
public static partial class CharacterApi
{
    private static void MapAvatars(WebApplication app)
    {
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
    }

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
}
