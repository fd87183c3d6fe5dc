using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Runway.Simulator;

/// <summary>The published workflows every simulator starts with (docs/simulator.md lists them).</summary>
public static class WorkflowSeeds
{
    public static string StableId(string text) => new Guid(MD5.HashData(Encoding.UTF8.GetBytes("runway-sim:" + text))).ToString();

    private static WorkflowInput Text(string? fallback = null) =>
        new("primitive", "string", fallback is null, fallback is null ? null : JsonSerializer.SerializeToElement(fallback));
    private static WorkflowInput Number(double fallback) => new("primitive", "number", false, JsonSerializer.SerializeToElement(fallback));
    private static WorkflowInput Flag(bool fallback) => new("primitive", "boolean", false, JsonSerializer.SerializeToElement(fallback));
    private static WorkflowInput Media(string kind, bool required) => new(kind, null, required, null);

    private static WorkflowNode Input(string workflow, string name, params (string Key, WorkflowInput Output)[] outputs) =>
        new(StableId($"{workflow}/{name}"), name, "input", outputs.ToDictionary(o => o.Key, o => o.Output), null, 0, [], null);

    private static WorkflowNode Generate(string workflow, string name, string produces, int count, params WorkflowNode[] reads) =>
        new(StableId($"{workflow}/{name}"), name, "generation", new Dictionary<string, WorkflowInput>(), produces, count, reads.Select(r => r.Id).ToArray(), null);

    public static IEnumerable<(string Name, string? Description, IReadOnlyList<WorkflowNode> Nodes, DateTimeOffset At)> All()
    {
        var epoch = new DateTimeOffset(2026, 8, 1, 12, 0, 0, TimeSpan.Zero);
        {
            var prompt = Input("Product shot v1", "Prompt", ("text", Text()));
            yield return ("Product shot", "Renders a product photo from a prompt.", [prompt, Generate("Product shot v1", "Render", "image", 1, prompt)], epoch);
        }
        {
            var image = Input("Product shot v2", "Product image", ("image", Media("image", true)));
            var prompt = Input("Product shot v2", "Prompt", ("text", Text("studio product photo, soft light")));
            yield return ("Product shot", "Renders two product photos from a product image and a prompt.",
                [image, prompt, Generate("Product shot v2", "Product render", "image", 2, image, prompt)], epoch.AddDays(7));
        }
        {
            var script = Input("Storyboard", "Script", ("text", Text()), ("seconds", Number(5)));
            var style = Input("Storyboard", "Style frame", ("image", Media("image", false)));
            var music = Input("Storyboard", "Music", ("audio", Media("audio", false)));
            var keyframe = Generate("Storyboard", "Keyframe", "image", 1, script, style);
            yield return ("Storyboard to video", null,
                [script, style, music, keyframe, Generate("Storyboard", "Animate", "video", 1, keyframe, music)], epoch.AddDays(3));
        }
        {
            var source = Input("Restyle", "Source video", ("video", Media("video", true)));
            var style = Input("Restyle", "Style", ("text", Text("film noir")), ("voiceover", Flag(false)));
            yield return ("Video restyle", "Restyles a video and writes a voiceover for it.",
                [source, style, Generate("Restyle", "Restyle", "video", 1, source, style), Generate("Restyle", "Voiceover", "audio", 1, style)],
                epoch.AddDays(5));
        }
    }
}
