using System.Text.Json;

namespace Runway.Simulator;

public sealed record RouterSettings(string? OptimizeFor, bool? OnCapacity, bool HasFallback, IReadOnlyDictionary<string, double>? MaxCredits,
    IReadOnlyList<string>? ModelIds, string? ModelsMode)
{
    public static readonly RouterSettings Empty = new(null, null, false, null, null, null);

    public object ToJson()
    {
        var json = new Dictionary<string, object> { ["schemaVersion"] = 1 };
        if (HasFallback) json["fallback"] = OnCapacity is { } on ? new Dictionary<string, object> { ["onCapacity"] = on } : new Dictionary<string, object>();
        if (MaxCredits is not null) json["maxCreditsPerGeneration"] = MaxCredits;
        if (ModelsMode is not null) json["models"] = new { ids = ModelIds, mode = ModelsMode };
        if (OptimizeFor is not null) json["optimizeFor"] = OptimizeFor;
        return json;
    }

    public bool SameAs(RouterSettings other) => JsonSerializer.Serialize(ToJson()) == JsonSerializer.Serialize(other.ToJson());
}

public sealed class SimRouter
{
    public required string Id { get; init; }
    public required long Seq { get; init; }
    public required string Slug { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public RouterSettings Settings { get; set; } = RouterSettings.Empty;
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; } = 1;
    public bool Deleted { get; set; }
    public List<(long Seq, object Json)> Requests { get; } = [];

    public object ToJson() => new
    {
        id = Id, createdAt = Http.IsoTime(CreatedAt), description = Description, name = Name,
        settings = Settings.ToJson(), slug = Slug, updatedAt = Http.IsoTime(UpdatedAt), version = Version,
    };
}

/// <summary>Model Router configs and their routing history. All access under one lock.</summary>
public sealed class RouterStore
{
    public readonly Lock Gate = new();
    private readonly List<SimRouter> _routers = [];
    private long _seq;

    public long NextSeq() { lock (Gate) return ++_seq; }
    public IEnumerable<SimRouter> Live { get { lock (Gate) return _routers.Where(r => !r.Deleted).ToList(); } }
    public SimRouter? ById(string id) { lock (Gate) return _routers.FirstOrDefault(r => !r.Deleted && r.Id == id); }
    public SimRouter? BySlug(string slug) { lock (Gate) return _routers.FirstOrDefault(r => !r.Deleted && r.Slug == slug); }
    public void Add(SimRouter router) { lock (Gate) _routers.Add(router); }
    public void Reset() { lock (Gate) { _routers.Clear(); _seq = 0; } }

    public void Record(SimRouter router, object json)
    {
        lock (Gate) router.Requests.Add((++_seq, json));
    }
}
