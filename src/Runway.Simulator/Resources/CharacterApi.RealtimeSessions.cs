using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Runway.Simulator.Validation;

namespace Runway.Simulator.Resources;

/// <summary>/v1/realtime_sessions: live avatar sessions, their integration, tools and cancellation (realtime-sessions.d.ts).</summary>
public static partial class CharacterApi
{
    private static void MapRealtimeSessions(WebApplication app)
    {
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
    }

    private static async Task<IResult> CreateSessionAsync(HttpContext ctx, CharacterStore s, UploadStore uploads)
    {
        var (body, error) = await Http.ReadJsonObjectAsync(ctx);
        if (error is not null) return error;
        var v = new ValidationContext(uploads);
        var r = new ObjectReader(body, [], v, ["model", "avatar", "integration", "livekit", "maxDuration", "personality", "startScript", "tools"]);
        r.Enum("model", true, Catalog.TaskModelsByEndpoint["avatar_videos"]);
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
}
