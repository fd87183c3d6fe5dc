using System.Text.Json;
using Runway.Simulator.Validation;

namespace Runway.Simulator;

/// <summary>A model the simulated router may pick, with the simulator's own capability table (see docs/simulator.md).</summary>
public sealed record RoutedModel(string Name, string Provider, int Latency, int Quality, int PromptMax)
{
    // video
    public string[] Aspects { get; init; } = [];
    public double MinDuration { get; init; }
    public double MaxDuration { get; init; }
    public int[]? Durations { get; init; }
    public double DefaultDuration { get; init; }
    public string[] Resolutions { get; init; } = [];
    public string Audio { get; init; } = "none"; // none | toggle | always
    public bool NeedsFirstImage { get; init; }
    public bool FirstImage { get; init; }
    public bool LastImage { get; init; }
    public int MaxReferenceImages { get; init; }
    public bool SourceVideo { get; init; }
    public bool NeedsSourceVideo { get; init; }
    public bool ReferenceVideos { get; init; }
    public bool Keyframes { get; init; }
    public bool ReferenceAudio { get; init; }
    public Func<double, bool, double> VideoPrice { get; init; } = (_, _) => 0;
    // image
    public int MinReferenceImages { get; init; }
    public int MaxOutputCount { get; init; } = 1;
    public bool Seed { get; init; }
    public Func<int, int, double> ImagePrice { get; init; } = (_, _) => 0;
    // audio
    public bool Speech { get; init; }
    public bool GeneralAudio { get; init; }
    public bool PresetVoices { get; init; }
    public bool CloneVoice { get; init; }
    public bool DefaultVoice { get; init; }
    public bool Loop { get; init; }
    public bool ExplicitDuration { get; init; }
    public int MaxReferenceAudios { get; init; }
    public Func<string, double, bool, double> AudioPrice { get; init; } = (_, _, _) => 0;
}

/// <summary>POST /v1/generate/{video,image,audio}: the simulator acts as the Model Router (SDK 4.20.1 generate/*.d.ts).</summary>
public static class GenerateEndpoints
{
    public static readonly string[] VideoAspects = ["16:9", "9:16", "1:1", "4:3", "3:4", "21:9"];
    public static readonly string[] ImageAspects = ["16:9", "9:16", "1:1", "4:3", "3:4", "21:9", "2:3", "3:2", "4:5", "5:4"];
    private static readonly string[] AllVideoAspects = VideoAspects;

    public static readonly RoutedModel[] VideoModels =
    [
        new("gen4_turbo", "runway", 1, 2, 1000)
        {
            Aspects = AllVideoAspects, MinDuration = 2, MaxDuration = 10, DefaultDuration = 10, Resolutions = ["720p"],
            NeedsFirstImage = true, FirstImage = true, VideoPrice = (s, _) => 5 * s,
        },
        new("gen4.5", "runway", 2, 4, 1000)
        {
            Aspects = AllVideoAspects, MinDuration = 2, MaxDuration = 10, DefaultDuration = 5, Resolutions = ["720p"],
            FirstImage = true, VideoPrice = (s, _) => 12 * s,
        },
        new("veo3.1", "google", 4, 5, 1000)
        {
            Aspects = ["16:9", "9:16"], Durations = [4, 6, 8], DefaultDuration = 8, Resolutions = ["720p", "1080p"], Audio = "toggle",
            FirstImage = true, LastImage = true, MaxReferenceImages = 3, VideoPrice = (s, audio) => (audio ? 40 : 20) * s,
        },
        new("veo3.1_fast", "google", 2, 3, 1000)
        {
            Aspects = ["16:9", "9:16"], Durations = [4, 6, 8], DefaultDuration = 8, Resolutions = ["720p", "1080p"], Audio = "toggle",
            FirstImage = true, LastImage = true, VideoPrice = (s, audio) => (audio ? 15 : 10) * s,
        },
        new("seedance2", "bytedance", 3, 4, 2000)
        {
            Aspects = AllVideoAspects, MinDuration = 4, MaxDuration = 15, DefaultDuration = 5, Resolutions = ["480p", "720p", "1080p"], Audio = "always",
            FirstImage = true, LastImage = true, MaxReferenceImages = 4, SourceVideo = true, ReferenceVideos = true, ReferenceAudio = true,
            VideoPrice = (s, _) => SimulatedPrices.Of("seedance2") * s,
        },
        new("aleph2", "runway", 3, 5, 1000)
        {
            Aspects = AllVideoAspects, MinDuration = 2, MaxDuration = 10, DefaultDuration = 5, Resolutions = ["720p"],
            MaxReferenceImages = 1, SourceVideo = true, NeedsSourceVideo = true, Keyframes = true,
            VideoPrice = (s, _) => SimulatedPrices.Of("aleph2") * s,
        },
    ];

    public static readonly RoutedModel[] ImageModels =
    [
        new("gen4_image", "runway", 2, 4, 1000)
        {
            Aspects = VideoAspects, Resolutions = ["1k", "2k"], MaxReferenceImages = 3, Seed = true,
            ImagePrice = (w, h) => Math.Min(w, h) <= 720 ? 5 : 8,
        },
        new("gen4_image_turbo", "runway", 1, 3, 1000)
        {
            Aspects = VideoAspects, Resolutions = ["1k", "2k"], MinReferenceImages = 1, MaxReferenceImages = 3, Seed = true, ImagePrice = (_, _) => 2,
        },
        new("gemini_2.5_flash", "google", 1, 3, 2000)
        {
            Aspects = ImageAspects, Resolutions = ["1k"], MaxReferenceImages = 3, ImagePrice = (_, _) => 5,
        },
        new("gpt_image_2", "openai", 3, 5, 4000)
        {
            Aspects = ["1:1", "2:3", "3:2"], Resolutions = ["1k", "2k"], MaxReferenceImages = 10, MaxOutputCount = 10,
            ImagePrice = (_, _) => SimulatedPrices.Of("gpt_image_2"),
        },
    ];

    public static readonly RoutedModel[] AudioModels =
    [
        new("eleven_multilingual_v2", "elevenlabs", 2, 3, 1000)
        {
            Speech = true, PresetVoices = true, AudioPrice = (text, _, _) => Math.Ceiling(text.Length / 50.0),
        },
        new("eleven_v3", "elevenlabs", 3, 5, 5000)
        {
            Speech = true, PresetVoices = true, DefaultVoice = true, AudioPrice = (text, _, _) => SimulatedPrices.Of("eleven_v3") * Math.Ceiling(text.Length / 50.0),
        },
        new("seed_audio", "bytedance", 2, 4, 3000)
        {
            Speech = true, GeneralAudio = true, CloneVoice = true, DefaultVoice = true, ExplicitDuration = true, MinDuration = 1, MaxDuration = 60,
            DefaultDuration = 10, MaxReferenceAudios = 3, AudioPrice = (_, seconds, _) => SimulatedPrices.Of("seed_audio") * Math.Ceiling(seconds),
        },
        new("eleven_text_to_sound_v2", "elevenlabs", 1, 3, 3000)
        {
            GeneralAudio = true, Loop = true, ExplicitDuration = true, MinDuration = 0.5, MaxDuration = 30, DefaultDuration = 5,
            AudioPrice = (_, seconds, _) => Math.Ceiling(seconds),
        },
    ];

    public static string VideoRatio(string aspect, string resolution)
    {
        var (w, h) = aspect switch { "16:9" => (16, 9), "9:16" => (9, 16), "1:1" => (1, 1), "4:3" => (4, 3), "3:4" => (3, 4), _ => (21, 9) };
        var shortSide = resolution switch { "480p" => 480, "720p" => 720, "1080p" => 1080, _ => 2160 };
        var (width, height) = w >= h ? (shortSide * w / h, shortSide) : (shortSide, shortSide * h / w);
        return $"{width / 8 * 8}:{height / 8 * 8}";
    }

    public static string ImageRatio(string aspect, string resolution)
    {
        var baseRatio = aspect switch
        {
            "16:9" => (1344, 768), "9:16" => (768, 1344), "1:1" => (1024, 1024), "4:3" => (1184, 864), "3:4" => (864, 1184),
            "21:9" => (1536, 672), "2:3" => (832, 1248), "3:2" => (1248, 832), "4:5" => (896, 1152), _ => (1152, 896),
        };
        var scale = resolution switch { "1k" => 1, "2k" => 2, _ => 4 };
        return $"{baseRatio.Item1 * scale}:{baseRatio.Item2 * scale}";
    }

    public static void Map(WebApplication app)
    {
        foreach (var modality in new[] { "video", "image", "audio" })
            app.MapPost($"/v1/generate/{modality}", (Delegate)((HttpContext ctx) => GenerateAsync(ctx, modality)));
    }

    /// <summary>What one request asks of the router, after validation.</summary>
    private sealed class Ask
    {
        public string? Prompt;
        public string Aspect = "16:9";
        public string? Resolution;
        public double? Duration;
        public bool? Audio;
        public bool First, Last, Source, RefVideos, Keyframes, RefAudio, Seed, Loop;
        public int RefImages, OutputCount = 1, RefAudios;
        public string? SpeechType, Voice; // audio: speech|audio, preset|reference-audio|null
    }

    private static async Task<IResult> GenerateAsync(HttpContext ctx, string modality)
    {
        var (body, error) = await Http.ReadJsonObjectAsync(ctx);
        if (error is not null) return error;
        var services = ctx.RequestServices;
        var v = new ValidationContext(services.GetRequiredService<UploadStore>(), services.GetRequiredService<OutputSigner>());
        var r = new ObjectReader(body, [], v, ["configId", "input"]);
        var configId = r.String("configId", true, 1, 64);
        var input = r.Object("input", true, modality switch
        {
            "video" => ["aspectRatio", "audio", "contentModeration", "duration", "keyframes", "negativePrompt", "promptText", "referenceAudio",
                "referenceImages", "referenceVideos", "resolution", "seed"],
            "image" => ["promptText", "aspectRatio", "contentModeration", "outputCount", "referenceImages", "resolution", "seed"],
            _ => ["promptText", "type", "duration", "loop", "referenceAudios", "voice"],
        });
        var routers = services.GetRequiredService<RouterStore>();
        var router = configId is null ? null : routers.BySlug(configId);
        if (configId is not null && router is null)
            return Http.Error(404, $"router_config_not_found: no Model Router config with slug '{configId}'.");
        var ask = input is null ? null : modality switch
        {
            "video" => ReadVideo(input),
            "image" => ReadImage(input),
            _ => ReadAudio(input),
        };
        var requestId = Guid.NewGuid().ToString();
        if (v.Failed || ask is null)
        {
            if (router is not null) routers.Record(router, History(requestId, "invalid_request", null, null, [], [], null));
            return Http.ValidationError(v.Issues);
        }
        return Route(ctx, modality, router!, ask, requestId);
    }

    private static Ask ReadVideo(ObjectReader r)
    {
        var a = new Ask
        {
            Aspect = r.Enum("aspectRatio", false, VideoAspects) ?? "16:9",
            Audio = r.Bool("audio"),
            Duration = Positive(r, "duration"),
            Prompt = r.String("promptText", false, 1, 10000),
            Resolution = r.Enum("resolution", false, ["480p", "720p", "1080p", "4k"]),
        };
        Rules.ContentModeration(r);
        r.String("negativePrompt", false, 1, 10000);
        Rules.Seed(r);
        foreach (var (item, path) in r.Array("referenceImages", false, 0, 10) ?? [])
        {
            var o = ObjectReader.Element(item, path, r.Context, "role", "uri");
            if (o is null) continue;
            o.Media("uri", true, MediaKind.Image);
            switch (o.Enum("role", true, ["first", "last", "reference"]))
            {
                case "first": if (a.First) r.Context.Add(o.PathOf("role"), "At most one 'first' image is allowed"); a.First = true; break;
                case "last": if (a.Last) r.Context.Add(o.PathOf("role"), "At most one 'last' image is allowed"); a.Last = true; break;
                case "reference": a.RefImages++; break;
            }
        }
        foreach (var (item, path) in r.Array("referenceVideos", false, 0, 10) ?? [])
        {
            var o = ObjectReader.Element(item, path, r.Context, "role", "uri");
            if (o is null) continue;
            o.Media("uri", true, MediaKind.Video);
            switch (o.Enum("role", true, ["source", "reference"]))
            {
                case "source": if (a.Source) r.Context.Add(o.PathOf("role"), "At most one 'source' video is allowed"); a.Source = true; break;
                case "reference": a.RefVideos = true; break;
            }
        }
        foreach (var (item, path) in r.Array("referenceAudio", false, 0, 10) ?? [])
        {
            ObjectReader.Element(item, path, r.Context, "uri")?.Media("uri", true, MediaKind.Audio);
            a.RefAudio = true;
        }
        foreach (var (item, path) in r.Array("keyframes", false, 0, 100) ?? [])
        {
            a.Keyframes = true;
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("at", out _) && item.TryGetProperty("seconds", out _))
            {
                r.Context.Add(path, "A keyframe has either 'seconds' or 'at', not both");
                continue;
            }
            var timed = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("at", out _) ? "at" : "seconds";
            var o = ObjectReader.Element(item, path, r.Context, timed, "uri", "range");
            if (o is null) continue;
            o.Number(timed, true, 0, 3600);
            o.Media("uri", true, MediaKind.Image);
            if (o.Object("range", false, "start_seconds", "end_seconds") is { } range)
            {
                var start = range.Number("start_seconds", true, 0, 3600);
                var end = range.Number("end_seconds", true, 0, 3600);
                if (start is not null && end is not null && end < start) r.Context.Add(range.PathOf("end_seconds"), "end_seconds must not be before start_seconds");
            }
        }
        if (a.Keyframes && !a.Source && !r.Context.Failed) r.Context.Add(["input", "keyframes"], "keyframes require a source video (referenceVideos with role 'source')");
        return a;
    }

    private static Ask ReadImage(ObjectReader r)
    {
        var a = new Ask
        {
            Prompt = r.String("promptText", true, 1, 10000),
            Aspect = r.Enum("aspectRatio", false, ImageAspects) ?? "1:1",
            OutputCount = (int)(r.Number("outputCount", false, 1, 10, integer: true) ?? 1),
            Resolution = r.Enum("resolution", false, ["1k", "2k", "4k"]),
            Seed = r.Has("seed"),
        };
        Rules.ContentModeration(r);
        Rules.Seed(r);
        foreach (var (item, path) in r.Array("referenceImages", false, 0, 10) ?? [])
        {
            ObjectReader.Element(item, path, r.Context, "uri")?.Media("uri", true, MediaKind.Image);
            a.RefImages++;
        }
        return a;
    }

    private static Ask ReadAudio(ObjectReader r)
    {
        var a = new Ask
        {
            Prompt = r.String("promptText", true, 1, 10000),
            SpeechType = r.Enum("type", true, ["speech", "audio"]),
            Duration = Positive(r, "duration"),
            Loop = r.Bool("loop") == true,
        };
        foreach (var (item, path) in r.Array("referenceAudios", false, 0, 3) ?? [])
        {
            ObjectReader.Element(item, path, r.Context, "uri")?.Media("uri", true, MediaKind.Audio);
            a.RefAudios++;
        }
        if (r.Get("voice", false, "object") is { } voice)
        {
            var type = voice.ValueKind == JsonValueKind.Object && voice.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (type == "preset")
                new ObjectReader(voice, r.PathOf("voice"), r.Context, ["type", "presetId"]).Enum("presetId", true, Catalog.VoicePresets);
            else if (type == "reference-audio")
                new ObjectReader(voice, r.PathOf("voice"), r.Context, ["type", "audioUri"]).Media("audioUri", true, MediaKind.Audio);
            else
                r.Context.Add([.. r.PathOf("voice"), "type"], voice.ValueKind == JsonValueKind.Object
                    ? "Invalid discriminator value. Expected 'preset' | 'reference-audio'"
                    : $"Expected object, received {JsonTypes.Name(voice)}");
            a.Voice = type;
        }
        if (a.SpeechType == "speech")
        {
            // The simulator's reading of the comments: duration, loop and referenceAudios describe `audio` generation only.
            foreach (var key in new[] { "duration", "loop", "referenceAudios" })
                if (r.Has(key)) r.Context.Add(r.PathOf(key), $"{key} applies to type 'audio' only");
        }
        else if (a.SpeechType == "audio" && a.Voice is not null)
            r.Context.Add(r.PathOf("voice"), "voice applies to type 'speech' only");
        return a;
    }

    private static double? Positive(ObjectReader r, string key)
    {
        var d = r.Number(key, false, 0, 3600);
        if (d is 0) { r.Context.Add(r.PathOf(key), "Number must be greater than 0"); return null; }
        return d;
    }

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
