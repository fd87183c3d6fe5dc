using System.Security.Cryptography;
using System.Text.Json;

namespace Runway.Simulator.Resources;

public sealed class Voice
{
    public required string Id { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ReadyAt { get; init; }
    public required double PreviewSeconds { get; init; }
    public string? FailureReason { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string Status(DateTimeOffset now) => now < ReadyAt ? "PROCESSING" : FailureReason is null ? "READY" : "FAILED";
}

public sealed class KnowledgeDocument
{
    public required string Id { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string Name { get; set; }
    public required string Content { get; set; }
    public required DateTimeOffset UpdatedAt { get; set; }
}

public sealed class Avatar
{
    public required string Id { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string Name { get; set; }
    public required string Personality { get; set; }
    public string? StartScript { get; set; }
    public string? VoicePreset { get; set; }
    public string? VoiceId { get; set; }
    public List<string> DocumentIds { get; set; } = [];
    public required DateTimeOffset UpdatedAt { get; set; }
    public required DateTimeOffset ReadyAt { get; set; }
    public string? FailureReason { get; set; }
    /// <summary>Bumped when the reference image changes, so old image URLs stop matching.</summary>
    public int ImageVersion { get; set; }
    public string Status(DateTimeOffset now) => now < ReadyAt ? "PROCESSING" : FailureReason is null ? "READY" : "FAILED";
}

/// <summary>A tool configured for a realtime session, as the conversation endpoints summarise it.</summary>
public sealed record ToolSummary(string Type, string Name, string Description);

/// <summary>Who a session or conversation talked to: a preset (id) or a custom avatar (id, name snapshot).</summary>
public sealed record AvatarRef(string? PresetId, string? AvatarId);

public sealed class RealtimeSession
{
    public required string Id { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ReadyAt { get; init; }
    public required DateTimeOffset RunningAt { get; init; }
    public required DateTimeOffset EndAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public required string SessionKey { get; init; }
    public string? FailureCode { get; init; }
    public DateTimeOffset? CancelledAt { get; set; }

    public string Status(DateTimeOffset now)
    {
        if (CancelledAt is { } c && c <= now) return "CANCELLED";
        if (now < ReadyAt) return "NOT_READY";
        if (FailureCode is not null) return "FAILED";
        if (now < RunningAt) return "READY";
        return now < EndAt ? "RUNNING" : "COMPLETED";
    }

    /// <summary>Seconds the WebRTC connection lasted (or has lasted so far), null before it started.</summary>
    public double? RunSeconds(DateTimeOffset now)
    {
        var end = CancelledAt is { } c && c < EndAt ? c : EndAt;
        if (FailureCode is not null || end <= RunningAt || now < RunningAt) return null;
        var until = now < end ? now : end;
        return Math.Round((until - RunningAt).TotalSeconds, 3);
    }
}

/// <summary>An avatar conversation: either a realtime session's (same id) or one seeded through /_sim/.</summary>
public sealed class Conversation
{
    public required string Id { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required AvatarRef Avatar { get; init; }
    public required string Name { get; init; }
    public double? MaxDuration { get; init; }
    public IReadOnlyList<ToolSummary> Tools { get; init; } = [];
    public RealtimeSession? Session { get; init; }
    // Seeded conversations carry their own state.
    public string SeedStatus { get; init; } = "ended";
    public double? SeedDuration { get; init; }
    public string? SeedFailureCode { get; init; }
    public bool HasRecording { get; init; }
    public JsonElement Transcript { get; init; } = JsonDocument.Parse("[]").RootElement;

    public string Status(DateTimeOffset now) => Session?.Status(now) switch
    {
        null => SeedStatus,
        "NOT_READY" or "READY" or "RUNNING" => "in_progress",
        "FAILED" => "failed",
        _ => "ended",
    };

    public DateTimeOffset? StartedAt(DateTimeOffset now) => Session is null
        ? (SeedStatus == "failed" && SeedDuration is null ? null : CreatedAt.AddSeconds(1))
        : Session.RunSeconds(now) is null ? null : Session.RunningAt;

    public double? Duration(DateTimeOffset now) => Session is null ? SeedDuration : Session.RunSeconds(now);

    public DateTimeOffset? EndedAt(DateTimeOffset now)
    {
        if (Status(now) == "in_progress") return null;
        if (Session is null) return StartedAt(now) is { } s && SeedDuration is { } d ? s.AddSeconds(d) : null;
        return Session.CancelledAt ?? (Session.FailureCode is null ? Session.EndAt : null);
    }

    public string? FailureCode(DateTimeOffset now) => Status(now) == "failed" ? Session?.FailureCode ?? SeedFailureCode ?? "INTERNAL" : null;
}

/// <summary>
/// Custom voices, knowledge documents, avatars, realtime sessions and avatar conversations. States advance
/// with time (evaluated on read from timestamps fixed at creation, using the settings then in force).
/// </summary>
public sealed class CharacterStore(SimulatorState state)
{
    /// <summary>Documented: "Each Avatar supports up to 50,000 tokens of knowledge". The tokenizer is not public.</summary>
    public const int MaxKnowledgeTokensPerAvatar = 50_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Voice> _voices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KnowledgeDocument> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Avatar> _avatars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);

    public Lock Gate => _gate;
    public SimulatorSettings Settings => state.Current;
    public Dictionary<string, Voice> Voices => _voices;
    public Dictionary<string, KnowledgeDocument> Documents => _documents;
    public Dictionary<string, Avatar> Avatars => _avatars;
    public Dictionary<string, Conversation> Conversations => _conversations;

    /// <summary>
    /// The simulator's token estimate: one token per started 4 characters (the tokenizer is not public; this is
    /// an approximation of the documented limit, not Runway's count).
    /// </summary>
    public static int EstimateTokens(string content) => (content.Length + 3) / 4;

    public int KnowledgeTokens(IEnumerable<string> documentIds, string? replacingId = null, string? replacementContent = null) =>
        documentIds.Sum(id => id == replacingId && replacementContent is not null
            ? EstimateTokens(replacementContent)
            : _documents.TryGetValue(id, out var d) ? EstimateTokens(d.Content) : 0);

    public static string NewSessionKey() => "rtsk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public void Reset()
    {
        lock (_gate)
        {
            _voices.Clear();
            _documents.Clear();
            _avatars.Clear();
            _conversations.Clear();
        }
    }
}
