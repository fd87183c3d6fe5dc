using System.Text.Json;

namespace Runway.Simulator;

/// <summary>The simulator's tunable settings (configuration section <c>Simulator:</c>).</summary>
public sealed record SimulatorSettings
{
    public string ApiKeys { get; init; } = "";
    public int PendingMs { get; init; } = 300;
    public int RunMs { get; init; } = 2000;
    public int OutputTtlSeconds { get; init; } = 86400;
    public long CreditBalance { get; init; } = 10000;
    public int MaxConcurrent { get; init; } = 2;
    public int MaxDaily { get; init; } = 1000;
    public long MaxMonthlyCreditSpend { get; init; } = 100000;
    // Avatars, voices and realtime sessions (Resources/Characters*.cs).
    public int ProcessingMs { get; init; } = 300;
    public int SessionReadyMs { get; init; } = 300;
    public int SessionConnectMs { get; init; } = 300;
    public int SessionRunMs { get; init; } = 2000;
    /// <summary>Comma-separated models (or "*") whose maxConcurrentGenerations is null: no concurrency limit.</summary>
    public string UnlimitedConcurrentModels { get; init; } = "";
    /// <summary>Comma-separated models (or "*") whose maxDailyGenerations is null: no daily limit.</summary>
    public string UnlimitedDailyModels { get; init; } = "";
    /// <summary>Comma-separated models the tier lists besides the simulator's own: stands for models newer than a client.</summary>
    public string ExtraTierModels { get; init; } = "";
    /// <summary>Add apiKeys and resultsByApiKey to /v1/organization/usage.</summary>
    public bool UsageByApiKey { get; init; }
    /// <summary>Accept gen4_aleph and veo3 with their old rules (the API no longer serves them).</summary>
    public bool AcceptRetiredModels { get; init; }

    public static SimulatorSettings FromConfiguration(IConfiguration configuration)
    {
        var s = configuration.GetSection("Simulator");
        var d = new SimulatorSettings();
        var settings = new SimulatorSettings
        {
            ApiKeys = s.GetValue("ApiKeys", d.ApiKeys) ?? "",
            PendingMs = s.GetValue("PendingMs", d.PendingMs),
            RunMs = s.GetValue("RunMs", d.RunMs),
            OutputTtlSeconds = s.GetValue("OutputTtlSeconds", d.OutputTtlSeconds),
            CreditBalance = s.GetValue("CreditBalance", d.CreditBalance),
            MaxConcurrent = s.GetValue("MaxConcurrent", d.MaxConcurrent),
            MaxDaily = s.GetValue("MaxDaily", d.MaxDaily),
            MaxMonthlyCreditSpend = s.GetValue("MaxMonthlyCreditSpend", d.MaxMonthlyCreditSpend),
            ProcessingMs = s.GetValue("ProcessingMs", d.ProcessingMs),
            SessionReadyMs = s.GetValue("SessionReadyMs", d.SessionReadyMs),
            SessionConnectMs = s.GetValue("SessionConnectMs", d.SessionConnectMs),
            SessionRunMs = s.GetValue("SessionRunMs", d.SessionRunMs),
            UnlimitedConcurrentModels = s.GetValue("UnlimitedConcurrentModels", d.UnlimitedConcurrentModels) ?? "",
            UnlimitedDailyModels = s.GetValue("UnlimitedDailyModels", d.UnlimitedDailyModels) ?? "",
            ExtraTierModels = s.GetValue("ExtraTierModels", d.ExtraTierModels) ?? "",
            UsageByApiKey = s.GetValue("UsageByApiKey", d.UsageByApiKey),
            AcceptRetiredModels = s.GetValue("AcceptRetiredModels", d.AcceptRetiredModels),
        };
        var problem = settings.Validate();
        if (problem is not null) throw new InvalidOperationException($"Invalid simulator setting: {problem}");
        return settings;
    }

    public IReadOnlySet<string> AcceptedKeys() =>
        ApiKeys.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    private static bool Lists(string list, string model) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(m => m == "*" || m == model);

    /// <summary>The model's maxConcurrentGenerations; null means no limit.</summary>
    public int? ConcurrencyLimitOf(string model) => Lists(UnlimitedConcurrentModels, model) ? null : MaxConcurrent;

    /// <summary>Every model the tier lists: the simulator's own, then the extra ones.</summary>
    public IEnumerable<string> TierModels(IEnumerable<string> own) =>
        own.Concat(ExtraTierModels.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct();

    /// <summary>The model's maxDailyGenerations; null means no limit.</summary>
    public int? DailyLimitOf(string model) => Lists(UnlimitedDailyModels, model) ? null : MaxDaily;

    public string? Validate()
    {
        if (PendingMs < 0) return "pendingMs must be >= 0";
        if (RunMs < 0) return "runMs must be >= 0";
        if (OutputTtlSeconds < 1) return "outputTtlSeconds must be >= 1";
        if (CreditBalance < 0) return "creditBalance must be >= 0";
        if (MaxConcurrent < 1) return "maxConcurrent must be >= 1";
        if (MaxDaily < 0) return "maxDaily must be >= 0";
        if (MaxMonthlyCreditSpend < 0) return "maxMonthlyCreditSpend must be >= 0";
        if (ProcessingMs < 0 || SessionReadyMs < 0 || SessionConnectMs < 0 || SessionRunMs < 0) return "processingMs and the session*Ms settings must be >= 0";
        return null;
    }

    /// <summary>Applies a camelCase JSON patch (<c>POST /_sim/config</c>). Returns an error message or null.</summary>
    public static string? TryApply(SimulatorSettings current, JsonElement patch, out SimulatorSettings updated)
    {
        updated = current;
        if (patch.ValueKind != JsonValueKind.Object) return "Body must be a JSON object";
        var s = current;
        foreach (var p in patch.EnumerateObject())
        {
            switch (p.Name)
            {
                case "apiKeys":
                    if (p.Value.ValueKind == JsonValueKind.String) s = s with { ApiKeys = p.Value.GetString()! };
                    else if (p.Value.ValueKind == JsonValueKind.Array && p.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
                        s = s with { ApiKeys = string.Join(',', p.Value.EnumerateArray().Select(e => e.GetString())) };
                    else return "apiKeys must be a string (comma-separated) or an array of strings";
                    break;
                case "pendingMs": if (!Int(p.Value, out var pm)) return Bad(p.Name); s = s with { PendingMs = pm }; break;
                case "runMs": if (!Int(p.Value, out var rm)) return Bad(p.Name); s = s with { RunMs = rm }; break;
                case "outputTtlSeconds": if (!Int(p.Value, out var ttl)) return Bad(p.Name); s = s with { OutputTtlSeconds = ttl }; break;
                case "creditBalance": if (!Long(p.Value, out var cb)) return Bad(p.Name); s = s with { CreditBalance = cb }; break;
                case "maxConcurrent": if (!Int(p.Value, out var mc)) return Bad(p.Name); s = s with { MaxConcurrent = mc }; break;
                case "maxDaily": if (!Int(p.Value, out var md)) return Bad(p.Name); s = s with { MaxDaily = md }; break;
                case "maxMonthlyCreditSpend": if (!Long(p.Value, out var mm)) return Bad(p.Name); s = s with { MaxMonthlyCreditSpend = mm }; break;
                case "processingMs": if (!Int(p.Value, out var prm)) return Bad(p.Name); s = s with { ProcessingMs = prm }; break;
                case "sessionReadyMs": if (!Int(p.Value, out var srm)) return Bad(p.Name); s = s with { SessionReadyMs = srm }; break;
                case "sessionConnectMs": if (!Int(p.Value, out var scm)) return Bad(p.Name); s = s with { SessionConnectMs = scm }; break;
                case "sessionRunMs": if (!Int(p.Value, out var sum)) return Bad(p.Name); s = s with { SessionRunMs = sum }; break;
                case "unlimitedConcurrentModels": if (!List(p.Value, out var uc)) return BadList(p.Name); s = s with { UnlimitedConcurrentModels = uc }; break;
                case "unlimitedDailyModels": if (!List(p.Value, out var ud)) return BadList(p.Name); s = s with { UnlimitedDailyModels = ud }; break;
                case "extraTierModels": if (!List(p.Value, out var et)) return BadList(p.Name); s = s with { ExtraTierModels = et }; break;
                case "usageByApiKey": if (!Bool(p.Value, out var uk)) return BadBool(p.Name); s = s with { UsageByApiKey = uk }; break;
                case "acceptRetiredModels": if (!Bool(p.Value, out var ar)) return BadBool(p.Name); s = s with { AcceptRetiredModels = ar }; break;
                default: return $"Unknown setting '{p.Name}'";
            }
        }
        var problem = s.Validate();
        if (problem is not null) return problem;
        updated = s;
        return null;

        static string Bad(string name) => $"{name} must be an integer";
        static string BadBool(string name) => $"{name} must be a boolean";
        static string BadList(string name) => $"{name} must be a string (comma-separated) or an array of strings";
        static bool Bool(JsonElement e, out bool v) { v = e.ValueKind == JsonValueKind.True; return e.ValueKind is JsonValueKind.True or JsonValueKind.False; }
        static bool List(JsonElement e, out string v)
        {
            v = "";
            if (e.ValueKind == JsonValueKind.String) { v = e.GetString()!; return true; }
            if (e.ValueKind != JsonValueKind.Array || !e.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String)) return false;
            v = string.Join(',', e.EnumerateArray().Select(x => x.GetString()));
            return true;
        }
        static bool Int(JsonElement e, out int v) { v = 0; return e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out v); }
        static bool Long(JsonElement e, out long v) { v = 0; return e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out v); }
    }

    public object ToJson() => new
    {
        apiKeys = ApiKeys, pendingMs = PendingMs, runMs = RunMs, outputTtlSeconds = OutputTtlSeconds,
        creditBalance = CreditBalance, maxConcurrent = MaxConcurrent, maxDaily = MaxDaily,
        maxMonthlyCreditSpend = MaxMonthlyCreditSpend,
        processingMs = ProcessingMs, sessionReadyMs = SessionReadyMs, sessionConnectMs = SessionConnectMs, sessionRunMs = SessionRunMs,
        unlimitedConcurrentModels = UnlimitedConcurrentModels,
        unlimitedDailyModels = UnlimitedDailyModels, extraTierModels = ExtraTierModels, usageByApiKey = UsageByApiKey, acceptRetiredModels = AcceptRetiredModels,
    };
}

/// <summary>The settings in force: the startup configuration plus run-time changes.</summary>
public sealed class SimulatorState(SimulatorSettings configured)
{
    private volatile SimulatorSettings _current = configured;
    public SimulatorSettings Configured { get; } = configured;
    public SimulatorSettings Current => _current;
    public void Set(SimulatorSettings settings) => _current = settings;
    public void Reset() => _current = Configured;
}
