// recipes/multi_shot_video: a multi-cut video from a story prompt or a custom list of shots (New-RunwayMultiShotVideo).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string MultiShotVideoRecipe = "recipes/multi_shot_video";
    }

    public static partial class RecipeCatalog
    {
        public const string MultiShotVideo = "multi_shot_video";
        /// <summary>Mode custom: 3–5 shots.</summary>
        public const int MinShots = 3, MaxShots = 5;
    }

    /// <summary>multi_shot_video's row and its one model.</summary>
    internal sealed class MultiShotVideoSection : EndpointSection
    {
        /// <summary>5, 10 or 15 s; the builder checks the custom shots' sum against it.</summary>
        internal static readonly DurationRule Durations = new DurationRule(5, 15, true, 10, 5, 10, 15);

        internal static readonly ModelInfo Model = RecipeCatalog.Model(Endpoints.MultiShotVideoRecipe, MediaKind.Video,
            "A multi-cut video from a story prompt (5 shots) or a custom list of 3–5 shots.",
            new[] { "1280:720", "720:1280", "960:960", "1920:1080", "1080:1920", "1440:1440" }, Durations);

        public MultiShotVideoSection() : base(402, RecipeCatalog.Row(Endpoints.MultiShotVideoRecipe, "New-RunwayMultiShotVideo"), Model) { }
    }

    public sealed class MultiShotSpec : RecipeSpec
    {
        /// <summary>auto or custom; null: custom when shots are given, else auto.</summary>
        public string? Mode { get; set; }
        public string? Prompt { get; set; }
        /// <summary>Each shot as plain data: Duration and Prompt (any other key is refused; an empty item is refused).</summary>
        public IList<IDictionary<string, object?>?>? Shots { get; set; }
        public double? Duration { get; set; }
        public string? Ratio { get; set; }
        public IMediaInput? FirstFrame { get; set; }
        public bool? Audio { get; set; }
    }

    public static partial class RequestBuilder
    {
        /// <summary>The keys a -Shot item may have.</summary>
        public static readonly IReadOnlyList<string> ShotKeys = new[] { "Duration", "Prompt" };

        public static GenerationRequest MultiShotVideo(MultiShotSpec spec)
        {
            GenerationRequest request = Recipe(Endpoints.MultiShotVideoRecipe, MultiShotVideoSection.Model, spec);
            DurationRule durations = MultiShotVideoSection.Durations;
            string recipe = request.Model.Name;
            string mode = spec.Mode == null ? (spec.Shots != null ? "custom" : "auto") : Choice("Mode", spec.Mode, RecipeCatalog.MultiShotModes, recipe);
            request.Body["mode"] = mode;
            double? duration = spec.Duration;
            if (mode == "auto")
            {
                if (spec.Shots != null)
                    throw Invalid("Shot", "Runway.ShotsNeedCustomMode", $"-Shot goes with -Mode custom; in mode auto {recipe} makes five shots from -Prompt.", null);
                ApplyText(request, "prompt", "Prompt", spec.Prompt, required: true);
                request.Details.Add("5 shots from the prompt");
            }
            else
            {
                if (spec.Prompt != null)
                    throw Invalid("Prompt", "Runway.PromptNotForCustomMode", $"In mode custom {recipe} takes its prompts from -Shot; -Prompt goes with mode auto.", spec.Prompt);
                if (spec.Shots == null)
                    throw Invalid("Shot", "Runway.MissingShots", $"Mode custom needs -Shot: {RecipeCatalog.MinShots}–{RecipeCatalog.MaxShots} shots such as @{{ Duration = 5; Prompt = '...' }}.", null);
                double sum = ApplyShots(request, spec.Shots);
                if (!duration.HasValue)
                {
                    // The shots must add up to the duration; without -Duration, their sum is the duration asked for.
                    if (!durations.Accepts(sum))
                        throw Invalid("Shot", "Runway.ShotDurationSum", $"The shots last {DurationRule.Format(sum)} s in all; {recipe} makes {durations.Describe()}: make their durations add up to one of those.", sum);
                    duration = sum;
                }
                else if (durations.Accepts(duration.Value) && Math.Abs(sum - duration.Value) > 1e-9)
                    throw Invalid("Shot", "Runway.ShotDurationSum", $"The shots last {DurationRule.Format(sum)} s in all, but -Duration is {DurationRule.Format(duration.Value)} s; the shot durations must add up to -Duration.", sum);
            }
            ApplyDuration(request, duration);
            ApplyRatio(request, spec.Ratio);
            if (spec.FirstFrame != null)
            {
                request.Body["firstFrame"] = UriObject(request, spec.FirstFrame);
                request.Details.Add("from " + spec.FirstFrame.Display);
            }
            ApplyAudio(request, spec.Audio);
            return request;
        }

        /// <summary>Sums the shots after checking each one (a duration above 0, a prompt, no other key) and puts them in the body.</summary>
        private static double ApplyShots(GenerationRequest request, IList<IDictionary<string, object?>?> shots)
        {
            string recipe = request.Model.Name;
            // Keys first, so a misspelt key is named as such whatever the count.
            foreach (IDictionary<string, object?>? shot in shots) if (shot != null) CheckKeys(recipe, "Shot", shot.Keys, ShotKeys);
            CheckCount(recipe, "Shot", "shots in mode custom", shots.Count, RecipeCatalog.MinShots, RecipeCatalog.MaxShots);
            var list = new JsonArray();
            double sum = 0;
            for (int i = 0; i < shots.Count; i++)
            {
                IDictionary<string, object?> shot = shots[i] ?? throw Invalid("Shot", "Runway.InvalidShot", $"Shot {i + 1} is empty; each shot is @{{ Duration = 5; Prompt = '...' }}.", null);
                CheckKeys(recipe, "Shot", shot.Keys, ShotKeys);
                object? rawDuration = shot.FirstOrDefault(p => p.Key.Equals("Duration", StringComparison.OrdinalIgnoreCase)).Value;
                object? rawPrompt = shot.FirstOrDefault(p => p.Key.Equals("Prompt", StringComparison.OrdinalIgnoreCase)).Value;
                if (!TryNumber(rawDuration, out double seconds) || !(seconds > 0) || double.IsInfinity(seconds))
                    throw Invalid("Shot", "Runway.InvalidShot", $"Shot {i + 1} needs a Duration in seconds above 0{(rawDuration == null ? "" : $"; '{rawDuration}' is not one")}.", rawDuration);
                if (!(rawPrompt is string text) || text.Trim().Length == 0)
                    throw Invalid("Shot", "Runway.InvalidShot", $"Shot {i + 1} needs a Prompt (the shot's description).", rawPrompt);
                list.Add(new JsonObject { ["duration"] = GenerationRequest.Number(seconds), ["prompt"] = text });
                request.Texts.Add(text);
                sum += seconds;
            }
            request.Body["shots"] = list;
            request.Details.Add($"{shots.Count} custom shots");
            return Math.Round(sum, 9);
        }
    }
}
