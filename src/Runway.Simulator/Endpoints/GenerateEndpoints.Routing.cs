using Runway.Simulator.Validation;

namespace Runway.Simulator;

/// <summary>The Model Router's choice: each candidate through the filters in order, the pick, the task and the request history.</summary>
public static partial class GenerateEndpoints
{
    /// <summary>One candidate's fit: the filter that excludes it (or null) and its estimate.</summary>
    private sealed record Fit(RoutedModel Model, string? ExcludedBy, double Credits, double Seconds, string Ratio, string Resolution);

    private static Fit Evaluate(string modality, RoutedModel m, Ask a, SimRouter router)
    {
        string? capability = null, promptLength = null, inputSupport = null, allowDeny = null;
        double seconds = 0, credits = 0;
        string ratio = "", resolution = "";
        switch (modality)
        {
            case "video":
                resolution = a.Resolution ?? (m.Resolutions.Contains("720p") ? "720p" : m.Resolutions[0]);
                seconds = a.Duration ?? m.DefaultDuration;
                var durationOk = m.Durations is { } set ? set.Contains((int)seconds) && seconds == Math.Floor(seconds) : seconds >= m.MinDuration && seconds <= m.MaxDuration;
                if (!m.Aspects.Contains(a.Aspect) || !m.Resolutions.Contains(resolution) || !durationOk
                    || (a.Audio == true && m.Audio == "none") || (a.Audio == false && m.Audio == "always"))
                    capability = "capability";
                if ((a.First && !m.FirstImage) || (a.Last && !m.LastImage) || a.RefImages > m.MaxReferenceImages
                    || (a.Source && !m.SourceVideo) || (m.NeedsSourceVideo && !a.Source) || (m.NeedsFirstImage && !a.First)
                    || (a.RefVideos && !m.ReferenceVideos) || (a.Keyframes && !m.Keyframes) || (a.RefAudio && !m.ReferenceAudio)
                    || (a.Prompt is null && !a.First && !a.Source))
                    inputSupport = "input_support";
                ratio = VideoRatio(a.Aspect, resolution);
                credits = m.VideoPrice(seconds, m.Audio == "always" || (m.Audio == "toggle" && a.Audio != false));
                break;
            case "image":
                resolution = a.Resolution ?? "1k";
                if (!m.Aspects.Contains(a.Aspect) || !m.Resolutions.Contains(resolution) || a.OutputCount > m.MaxOutputCount) capability = "capability";
                if (a.RefImages > m.MaxReferenceImages || a.RefImages < m.MinReferenceImages || (a.Seed && !m.Seed)) inputSupport = "input_support";
                ratio = ImageRatio(a.Aspect, resolution);
                var (w, h) = Catalog.ParseRatio(ratio);
                credits = m.ImagePrice(w, h) * a.OutputCount;
                break;
            default:
                var speech = a.SpeechType == "speech";
                if ((speech && !m.Speech) || (!speech && !m.GeneralAudio) || (a.Loop && !m.Loop) || (a.Duration is not null && !m.ExplicitDuration)
                    || (a.Duration is { } d && (d < m.MinDuration || d > m.MaxDuration)))
                    capability = "capability";
                if ((a.Voice == "preset" && !m.PresetVoices) || (a.Voice == "reference-audio" && !m.CloneVoice)
                    || (speech && a.Voice is null && !m.DefaultVoice) || a.RefAudios > m.MaxReferenceAudios)
                    inputSupport = "input_support";
                seconds = speech ? Math.Max(1, Math.Round(a.Prompt!.Length / 15.0, 1)) : a.Duration ?? m.DefaultDuration;
                credits = m.AudioPrice(a.Prompt!, seconds, a.Loop);
                break;
        }
        if (a.Prompt is { } p && p.Length > m.PromptMax) promptLength = "prompt_length";
        var s = router.Settings;
        if (s.ModelsMode == "allowlist_only" && !(s.ModelIds ?? []).Contains(m.Name)) allowDeny = "allow_deny";
        if (s.ModelsMode == "allow_new_except" && (s.ModelIds ?? []).Contains(m.Name)) allowDeny = "allow_deny";
        var perOutput = modality == "image" ? credits / Math.Max(1, a.OutputCount) : credits;
        string? price = s.MaxCredits is { } caps && caps.TryGetValue(modality, out var cap) && perOutput > cap ? "price" : null;
        var excluded = capability ?? promptLength ?? inputSupport ?? allowDeny ?? price;
        return new Fit(m, excluded, Math.Ceiling(credits - 1e-9), seconds, ratio, resolution);
    }

    private static readonly string[] FilterOrder = ["capability", "prompt_length", "input_support", "allow_deny", "price"];

    private static IResult Route(HttpContext ctx, string modality, SimRouter router, Ask ask, string requestId)
    {
        var routers = ctx.RequestServices.GetRequiredService<RouterStore>();
        var candidates = modality switch { "video" => VideoModels, "image" => ImageModels, _ => AudioModels };
        var fits = candidates.Select(m => Evaluate(modality, m, ask, router)).ToList();
        var pipeline = new List<object>();
        var pool = fits;
        string[] emptiedBy = [];
        foreach (var filter in FilterOrder)
        {
            pool = pool.Where(f => f.ExcludedBy != filter).ToList();
            pipeline.Add(new { filter, models = pool.Select(f => f.Model.Name).ToArray(), type = "filter" });
            if (pool.Count == 0) { emptiedBy = [filter]; break; }
        }
        if (pool.Count == 0)
        {
            routers.Record(router, History(requestId, "no_eligible_model", null, null, emptiedBy, pipeline, null));
            return Http.Error(400, $"no_eligible_model: no model fits this request (emptied by {emptiedBy[0]}).");
        }

        var settings = router.Settings;
        var optimize = settings.OptimizeFor ?? "cost";
        var ranked = optimize switch
        {
            "latency" => pool.OrderBy(f => f.Model.Latency).ToList(),
            "quality" => pool.OrderByDescending(f => f.Model.Quality).ToList(),
            _ => pool.OrderBy(f => f.Credits).ToList(),
        };
        object? capacityFallback = null;
        if (settings.OnCapacity == true)
        {
            var store = ctx.RequestServices.GetRequiredService<TaskStore>();
            var atLimit = store.AtConcurrencyLimit(ranked.Select(f => f.Model.Name), DateTimeOffset.UtcNow);
            if (atLimit.Count > 0)
            {
                var all = atLimit.Count == ranked.Count;
                var skipped = all ? [] : ranked.Where(f => atLimit.Contains(f.Model.Name)).Select(f => f.Model.Name).ToArray();
                if (!all) ranked = ranked.Where(f => !atLimit.Contains(f.Model.Name)).ToList();
                capacityFallback = new { allExhausted = all, skipped };
                pipeline.Add(new { allExhausted = all, skipped, type = "capacity" });
            }
        }
        var chosen = ranked[0];
        var single = ranked.Count == 1;
        var (outcome, reasonCode) = single ? ("single_candidate", "only_eligible_model") : optimize switch
        {
            "latency" => ("selected", "best_latency"),
            "quality" => ("selected", "best_quality"),
            _ => ("cost", "lowest_cost"),
        };
        pipeline.Add(new { outcome, type = "rank" });
        var reason = single
            ? $"{chosen.Model.Name} was the only eligible model."
            : optimize switch
            {
                "latency" => $"{chosen.Model.Name} has the best expected latency of {ranked.Count} eligible models.",
                "quality" => $"{chosen.Model.Name} has the best expected quality of {ranked.Count} eligible models.",
                _ => $"{chosen.Model.Name} has the lowest estimated cost ({chosen.Credits} credits) of {ranked.Count} eligible models.",
            };

        IReadOnlyList<OutputSpec> output = modality switch
        {
            "video" => [OutputSpec.Mp4(chosen.Ratio, chosen.Seconds)],
            "image" => OutputSpec.Images(chosen.Ratio, ask.OutputCount),
            _ => [OutputSpec.Wav(chosen.Seconds)],
        };
        var credits = (long)chosen.Credits;
        var request = new CreateRequest($"generate/{modality}", chosen.Model.Name, credits, output, ask.Prompt);
        var (_, taskId, refused) = EndpointRoutes.Submit(ctx, request);
        routers.Record(router, History(requestId, refused is null ? "routed" : "error", chosen, reason, [], pipeline, taskId, reasonCode));
        if (refused is not null) return refused;

        object resolvedInput = modality switch
        {
            "video" => new { duration = chosen.Seconds, ratio = chosen.Ratio, resolution = chosen.Resolution },
            "image" => new { aspectRatio = ask.Aspect, ratio = chosen.Ratio, resolution = chosen.Resolution },
            _ => new { type = ask.SpeechType, voice = ask.SpeechType == "audio" ? "none" : ask.Voice ?? "default" },
        };
        var routing = new Dictionary<string, object?>
        {
            ["configId"] = router.Slug,
            ["estimatedCost"] = new { credits },
            ["model"] = chosen.Model.Name,
            ["provider"] = chosen.Model.Provider,
            ["resolvedInput"] = resolvedInput,
            ["resolvedSettings"] = new { optimizeFor = optimize, priceCeiling = settings.MaxCredits is { } caps && caps.TryGetValue(modality, out var cap) ? cap : (double?)null },
        };
        if (capacityFallback is not null) routing["capacityFallback"] = capacityFallback;
        return Results.Json(new { id = taskId, routing });
    }

    private static object History(string requestId, string status, Fit? chosen, string? reason, string[] emptiedBy, List<object> pipeline,
        string? taskId, string? reasonCode = null) => new
    {
        id = Guid.NewGuid().ToString(),
        createdAt = Http.IsoTime(DateTimeOffset.UtcNow),
        emptiedBy,
        estimatedCredits = chosen is null ? (double?)null : chosen.Credits,
        model = chosen?.Model.Name,
        pipeline,
        provider = chosen?.Model.Provider,
        reason,
        reasonCode,
        requestId,
        status,
        taskId,
    };
}
