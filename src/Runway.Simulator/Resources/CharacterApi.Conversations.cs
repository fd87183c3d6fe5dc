using System.Text.Json;
using Runway.Simulator.Validation;

namespace Runway.Simulator.Resources;

/// <summary>/v1/avatar_conversations: the record of each realtime session, plus conversations seeded through /_sim/ (avatar-conversations.d.ts).</summary>
public static partial class CharacterApi
{
    private static void MapConversations(WebApplication app)
    {
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
    }

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
}
