using System.Text.Json;
using Runway.Simulator.Validation;

namespace Runway.Simulator;

/// <summary>POST /v1/generate/{video,image,audio}: the simulator acts as the Model Router (SDK 4.20.1 generate/*.d.ts).</summary>
/// <remarks>This file reads and validates the input; GenerateEndpoints.Routing.cs picks the model, GenerateEndpoints.Models.cs lists them.</remarks>
public static partial class GenerateEndpoints
{
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
}
