using System.Text.Json;
using Runway.Simulator.Validation;

namespace Runway.Simulator.Resources;

/// <summary>POST /v1/avatar_videos: a task in which an avatar speaks a text or an audio (avatar-videos.d.ts).</summary>
public static partial class CharacterApi
{
    private static void MapAvatarVideos(WebApplication app)
    {
        app.MapPost("/v1/avatar_videos", CreateAvatarVideoAsync);
    }

    private static async Task<IResult> CreateAvatarVideoAsync(HttpContext ctx, CharacterStore s, TaskStore tasks, UploadStore uploads, OutputSigner signer)
    {
        var (body, error) = await Http.ReadJsonObjectAsync(ctx);
        if (error is not null) return error;
        var v = new ValidationContext(uploads, signer);
        var r = new ObjectReader(body, [], v, ["model", "avatar", "speech"]);
        r.Enum("model", true, Catalog.TaskModelsByEndpoint["avatar_videos"]);
        double seconds = Rules.DefaultAudioSeconds;
        string? text = null;
        lock (s.Gate)
        {
            AvatarChoice(r, s);
            var speech = r.Object("speech", true, "type", "audio", "text", "voice");
            var type = speech?.Enum("type", true, ["audio", "text"]);
            if (type == "audio")
            {
                RejectKeys(speech!, "text", "voice");
                if (speech!.Get("audio", true, "string") is { } raw)
                {
                    if (raw.ValueKind == JsonValueKind.String && raw.GetString()!.StartsWith("data:", StringComparison.Ordinal) && raw.GetString()!.Length > MaxDataUriChars)
                        v.Add(speech.PathOf("audio"), $"Data URI must be at most 5 MB, received {raw.GetString()!.Length} characters");
                    else if (v.Media(raw, speech.PathOf("audio"), MediaKind.Audio) is { DurationSeconds: { } d }) seconds = d;
                }
            }
            else if (type == "text")
            {
                RejectKeys(speech!, "audio");
                text = speech!.String("text", true, 1, int.MaxValue);
                if (text is not null) seconds = Math.Max(1, Math.Round(text.Length / 15.0, 1));
                var voice = speech.Object("voice", false, "type", "presetId", "id");
                if (voice?.Enum("type", true, ["preset", "custom"]) is { } vt)
                {
                    if (vt == "preset") { RejectKeys(voice, "id"); voice.Enum("presetId", true, LivePresetVoices); }
                    else { RejectKeys(voice, "presetId"); CustomVoice(voice, "id", s); }
                }
            }
        }
        if (v.Failed) return Http.ValidationError(v.Issues);

        var credits = Rules.Credits(seconds) * (long)Prices.OfTask("gwm1_avatars");
        var request = new CreateRequest("avatar_videos", "gwm1_avatars", credits, OutputSpec.Mp4("1280:720", seconds), text);
        var (outcome, taskId) = tasks.Create(request, DateTimeOffset.UtcNow, Api.ApiKeyIdOf(ctx.Request));
        if (outcome == CreateOutcome.DailyLimit) return Http.Error(429, "You have reached the daily generation limit for gwm1_avatars.");
        if (outcome == CreateOutcome.InsufficientCredits) return Http.Error(400, "You do not have enough credits to run this task.");
        if (ResourceHttp.Log(ctx) is { } entry) entry.TaskId = taskId;
        return Results.Json(new { id = taskId });
    }
}
