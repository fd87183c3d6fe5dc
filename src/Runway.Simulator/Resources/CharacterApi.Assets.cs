using System.Globalization;
using Runway.Simulator.Validation;

namespace Runway.Simulator.Resources;

/// <summary>/_assets/...: the signed files the other resources link to (previews, avatar images, recordings).</summary>
public static partial class CharacterApi
{
    private static void MapAssets(WebApplication app)
    {
        app.MapMethods("/_assets/{**rest}", ["GET", "HEAD"], AssetAsync);
    }

    private static async Task AssetAsync(HttpContext ctx, string rest, CharacterStore s, OutputSigner signer)
    {
        var request = ctx.Request;
        if (!signer.Verify(request.Path.Value!, request.Query["exp"], request.Query["sig"], out var exp))
        {
            await Http.Error(403, "Invalid signature.").ExecuteAsync(ctx);
            return;
        }
        if (exp < DateTimeOffset.UtcNow.ToUnixTimeSeconds())
        {
            await Http.Error(403, "This URL has expired.").ExecuteAsync(ctx);
            return;
        }
        var parts = rest.Split('/');
        var head = HttpMethods.IsHead(request.Method);
        bool exists;
        lock (s.Gate)
            exists = parts[0] switch
            {
                "previews" => true,
                "voices" => s.Voices.ContainsKey(parts[1]),
                "avatars" => s.Avatars.TryGetValue(parts[1], out var a) && a.ImageVersion.ToString(CultureInfo.InvariantCulture) == parts[2],
                "conversations" => s.Conversations.ContainsKey(parts[1]),
                _ => false,
            };
        if (!exists)
        {
            await Http.Error(404, "Not found.").ExecuteAsync(ctx);
            return;
        }
        switch (parts[0])
        {
            case "previews" or "voices":
                var mp3 = ResourceHttp.SilentMp3(PreviewSeconds);
                ctx.Response.ContentType = "audio/mpeg";
                ctx.Response.ContentLength = mp3.Length;
                if (!head) await ctx.Response.Body.WriteAsync(mp3, ctx.RequestAborted);
                break;
            case "avatars":
                await Outputs.WriteAsync(ctx.Response, OutputSpec.Png("544:352"), head);
                break;
            default:
                double seconds;
                lock (s.Gate) seconds = s.Conversations[parts[1]].Duration(DateTimeOffset.UtcNow) ?? 1;
                await Outputs.WriteAsync(ctx.Response, OutputSpec.Mp4("1280:720", Math.Max(1, seconds)), head);
                break;
        }
    }
}
