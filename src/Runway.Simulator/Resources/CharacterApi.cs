using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Runway.Simulator.Validation;

namespace Runway.Simulator.Resources;

/// <summary>
/// Custom voices, knowledge documents, avatars, avatar usage, avatar videos, realtime sessions and avatar
/// conversations, per the official Node SDK 4.20.1 declarations (see docs/simulator.md): one file per resource
/// (CharacterApi.&lt;Resource&gt;.cs: its routes, validation and JSON), this file their shared values and helpers;
/// the state lives in <see cref="CharacterStore"/>.
/// </summary>
public static partial class CharacterApi
{
    public static readonly string[] VoiceDesignModels = ["eleven_ttv_v3", "eleven_multilingual_ttv_v2"];

    /// <summary>The 30 preset voices of avatars (<c>runway-live-preset</c>) and avatar videos (<c>preset</c>).</summary>
    public static readonly string[] LivePresetVoices =
    [
        "victoria", "vincent", "clara", "drew", "skye", "max", "morgan", "felix", "mia", "marcus", "summer", "ruby",
        "aurora", "jasper", "leo", "adrian", "nina", "emma", "blake", "david", "maya", "nathan", "sam", "georgia",
        "petra", "adam", "zach", "violet", "roman", "luna",
    ];

    /// <summary>The 9 preset avatars of avatar videos and realtime sessions.</summary>
    public static readonly string[] PresetAvatars =
    [
        "game-character", "music-superstar", "game-character-man", "cat-character", "influencer", "tennis-coach",
        "human-resource", "fashion-designer", "cooking-teacher",
    ];

    /// <summary>Documented voice limits (docs.dev.runwayml.com, custom voices): name ≤ 100, prompt ≥ 20, sample 10 s–5 min, ≤ 10 MB.</summary>
    public const int MaxVoiceNameLength = 100;
    public const int MinVoicePromptLength = 20;
    public const double MinCloneSeconds = 10, MaxCloneSeconds = 300;
    public const long MaxCloneUploadBytes = 10L * 1024 * 1024;
    /// <summary>The SDK: a base64 data URI "up to 5MB".</summary>
    public const int MaxDataUriChars = 5 * 1024 * 1024;
    /// <summary>Simulated length of voice previews (the API does not say).</summary>
    public const double PreviewSeconds = 4;

    [GeneratedRegex(@"\[fail:([A-Za-z0-9_.\-]+)\]")]
    private static partial Regex FailMarker();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex ToolNamePattern();

    private static string? FailCode(string? text) => text is not null && FailMarker().Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    public static void Map(WebApplication app)
    {
        MapVoices(app);
        MapDocuments(app);
        MapAvatars(app);
        MapAvatarVideos(app);
        MapRealtimeSessions(app);
        MapConversations(app);
        MapAssets(app);
    }

    private static IResult NotFound(string what) => Http.Error(404, $"{what} not found.");

    /// <summary>The avatar of a video or session: a preset, or a custom avatar that exists and is READY.</summary>
    private static AvatarRef? AvatarChoice(ObjectReader r, CharacterStore s)
    {
        var avatar = r.Object("avatar", true, "type", "presetId", "avatarId");
        if (avatar?.Enum("type", true, ["runway-preset", "custom"]) is not { } type) return null;
        if (type == "runway-preset")
        {
            RejectKeys(avatar, "avatarId");
            return avatar.Enum("presetId", true, PresetAvatars) is { } p ? new AvatarRef(p, null) : null;
        }
        RejectKeys(avatar, "presetId");
        if (avatar.String("avatarId", true, 1, int.MaxValue) is not { } id) return null;
        if (!s.Avatars.TryGetValue(id, out var found)) { r.Context.Add(avatar.PathOf("avatarId"), $"Avatar {JsonTypes.Quote(id)} not found"); return null; }
        var status = found.Status(DateTimeOffset.UtcNow);
        if (status != "READY") { r.Context.Add(avatar.PathOf("avatarId"), $"Avatar {JsonTypes.Quote(id)} is {status}, not READY"); return null; }
        return new AvatarRef(null, id);
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>An optional <c>string | null</c> field.</summary>
    private static string? NullableString(JsonElement body, ObjectReader r, string key) =>
        body.TryGetProperty(key, out var e) && e.ValueKind != JsonValueKind.Null ? r.String(key, false, 0, int.MaxValue) : null;

    /// <summary>Keys that belong to another variant of a union are unknown here.</summary>
    private static void RejectKeys(ObjectReader o, params string[] keys)
    {
        foreach (var k in keys)
            if (o.Has(k)) o.Context.Add(o.PathOf(k), $"Unrecognized key {JsonTypes.Quote(k)}");
    }
}
