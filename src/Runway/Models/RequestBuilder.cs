using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Runway.Api;

namespace Runway.Models
{
    /// <summary>
    /// Turns collected parameters into a <see cref="GenerationRequest"/>, checking each against the model's row
    /// in <see cref="ModelCatalog"/>. Every rule the API would enforce is enforced here first, so a request it
    /// would reject is never sent (and never paid for). This file holds the helpers every builder uses; an endpoint's
    /// builder sits in its descriptor (Descriptors/&lt;Name&gt;Endpoint.cs), except where one cmdlet picks among several
    /// endpoints (New-RunwayVideo: RequestBuilder.Video.cs, New-RunwaySpeech: RequestBuilder.Speech.cs); the field tables'
    /// builder is RequestBuilder.Fields*.cs.
    /// </summary>
    public static partial class RequestBuilder
    {
        /// <summary>Classifies nothing: the spec's media are already IMediaInput (unit tests, the cmdlets' typed parameters); a null is no media.</summary>
        internal static Func<object?, string, MediaKind, IMediaInput> Resolver(Func<object, string, MediaKind, IMediaInput?>? resolver) =>
            (value, parameter, kind) => value as IMediaInput ?? (value == null ? null : resolver?.Invoke(value, parameter, kind))
                ?? throw Invalid(parameter, "Runway.UnsupportedInput", $"-{parameter} takes a path, URL, upload or finished task; '{value}' is none.", value);

        public static ModelInfo ResolveModel(string? name, string endpoint) => ResolveModel(name, endpoint, false);

        /// <param name="allowUnknown">The user's explicit word that a model the catalog lacks is to be sent unchecked.</param>
        public static ModelInfo ResolveModel(string? name, string endpoint, bool allowUnknown)
        {
            if (Strings.IsBlank(name))
                return ModelCatalog.Find(ModelCatalog.DefaultModel[endpoint])
                    ?? throw new InvalidOperationException($"The catalog has no model {ModelCatalog.DefaultModel[endpoint]}, the default of {endpoint}.");
            ModelInfo? model = ModelCatalog.Find(name.Trim());
            string serving = Names(ModelCatalog.ForEndpoint(endpoint));
            if (model == null && ModelCatalog.Retired.TryGetValue(name.Trim(), out string? successor))
                throw Invalid("Model", "Runway.RetiredModel",
                    $"{name.Trim()} is retired: today's API no longer serves it. Use {successor} instead (-Model {successor}); for {Words(endpoint)}: {serving}.", name);
            if (model == null && allowUnknown)
                return new ModelInfo
                {
                    Name = name.Trim(), Output = ModelCatalog.ForEndpoint(endpoint).First().Output, Endpoints = new[] { endpoint },
                    Summary = "Not in this module's catalog: sent without local validation.", Price = new UnknownPrice(), Unvalidated = true,
                };
            if (model == null)
                throw Invalid("Model", "Runway.UnknownModel",
                    $"Unknown model '{name}'. For {Words(endpoint)}: {serving}. A newer model than this module knows? Add -AllowUnknownModel to send it without local checks.", name);
            if (!model.ServesEndpoint(endpoint))
                throw Invalid("Model", "Runway.ModelNotForEndpoint", $"{model.Name} does not do {Words(endpoint)}; models that do: {serving}.", name);
            return model;
        }

        /// <param name="parameter">The cmdlet parameter that carries the prompt, named in errors (-Text for speech).</param>
        internal static void ApplyPrompt(GenerationRequest request, string? prompt, string parameter = "Prompt")
        {
            ModelInfo model = request.Model;
            if (prompt == null)
            {
                if (model.RequiresPrompt(request.Endpoint))
                    throw Invalid(parameter, "Runway.MissingPrompt", $"{model.Name} needs -{parameter} for {Words(request.Endpoint)}.", null);
                return;
            }
            if (!model.TakesPrompt)
                throw Invalid("Prompt", "Runway.PromptNotSupported", $"{model.Name} takes no prompt.", prompt);
            if (prompt.Trim().Length == 0)
                throw Invalid(parameter, "Runway.MissingPrompt", $"-{parameter} is empty.", prompt);
            if (prompt.Length > model.PromptMaxLength)
                throw Invalid(parameter, "Runway.PromptTooLong",
                    $"-{parameter} is {prompt.Length} characters; {model.Name} accepts at most {model.PromptMaxLength} (UTF-16 code units).", prompt.Length);
            request.Body["promptText"] = prompt;
            request.Cost.TextLength = prompt.Length;
        }

        internal static void ApplyRatio(GenerationRequest request, string? ratio)
        {
            ModelInfo model = request.Model;
            if (ratio == null)
            {
                if (!model.RatioRequired) return;
                ratio = model.DefaultRatio
                    ?? throw Invalid("Ratio", "Runway.MissingRatio", $"{model.Name} needs -Ratio; choose one of {string.Join(", ", model.Ratios)}.", null);
            }
            else if (model.Ratios.Length == 0)
            {
                throw Invalid("Ratio", "Runway.RatioNotSupported", $"{model.Name} takes no -Ratio.", ratio);
            }
            string normalized = ratio.Trim().Replace('x', ':').Replace('X', ':');
            if (!model.Ratios.Contains(normalized))
                throw Invalid("Ratio", "Runway.InvalidRatio", $"{model.Name} does not make {ratio}; choose one of {string.Join(", ", model.Ratios)}.", ratio);
            request.Body["ratio"] = normalized;
            request.Cost.Ratio = normalized;
            request.Details.Add(normalized);
        }

        internal static void ApplyDuration(GenerationRequest request, double? duration)
        {
            ModelInfo model = request.Model;
            if (!duration.HasValue)
            {
                if (model.Duration == null || model.DurationFromInput) return;
                if (model.Output != MediaKind.Video)
                {
                    // Audio models choose a length themselves when none is sent: the estimate stays approximate.
                    request.Details.Insert(0, GenerationRequest.Seconds(model.Duration.Default));
                    return;
                }
                // Video: send the model's default explicitly, so what is charged is exactly what was shown.
                duration = model.Duration.Default;
            }
            if (model.Duration == null || model.DurationFromInput)
                throw Invalid("Duration", "Runway.DurationNotSupported",
                    model.DurationFromInput ? $"{model.Name} takes no -Duration: the output follows the input's length." : $"{model.Name} takes no -Duration.", duration);
            if (!model.Duration.Accepts(duration.Value))
                throw Invalid("Duration", "Runway.InvalidDuration", $"{model.Name} makes {model.Duration.Describe()}; -Duration {DurationRule.Format(duration.Value)} is not possible.", duration);
            request.Body["duration"] = GenerationRequest.Number(duration.Value);
            request.Cost.DurationSeconds = duration.Value;
            request.Details.Insert(0, GenerationRequest.Seconds(duration.Value));
        }

        internal static void ApplySeed(GenerationRequest request, long? seed)
        {
            if (!seed.HasValue) return;
            if (!request.Model.SupportsSeed)
                throw Invalid("Seed", "Runway.SeedNotSupported", $"{request.Model.Name} takes no -Seed.", seed);
            if (seed < 0 || seed > ModelCatalog.MaxSeed)
                throw Invalid("Seed", "Runway.InvalidSeed", $"-Seed must be 0–{ModelCatalog.MaxSeed}; {seed} is out of range.", seed);
            request.Body["seed"] = seed.Value;
            request.Details.Add("seed " + seed.Value);
        }

        internal static void ApplyContentModeration(GenerationRequest request, string? threshold)
        {
            if (threshold == null) return;
            if (!request.Model.SupportsContentModeration)
                throw Invalid("PublicFigureThreshold", "Runway.ContentModerationNotSupported", $"{request.Model.Name} takes no -PublicFigureThreshold.", threshold);
            request.Body["contentModeration"] = new JsonObject { ["publicFigureThreshold"] = threshold.ToLowerInvariant() };
        }

        internal static RunwayInputException Invalid(string parameter, string errorId, string message, object? target) =>
            new RunwayInputException(message, parameter, errorId, target);

        /// <summary>A media input the request cannot go without.</summary>
        internal static IMediaInput RequiredMedia(IMediaInput? source, string parameter) =>
            source ?? throw Invalid(parameter, "Runway.MissingInput", $"-{parameter} is required.", null);

        /// <summary>
        /// An input for an audioUri field: audio, or an MP4 video (sent as the audio/mp4 it also is). Videos in other
        /// containers are refused here, since the API would refuse them as audio.
        /// </summary>
        private static IMediaInput AudioInput(IMediaInput? source, string parameter) => RequiredMedia(source, parameter).AsAudioInput(parameter);

        private static string Describe(IMediaInput source) =>
            source.DurationSeconds.HasValue ? $"{source.Display} ({DurationRule.Format(Math.Round(source.DurationSeconds.Value, 1))} s)" : source.Display;

        private static string Plural(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s");

        internal static string Names(IEnumerable<ModelInfo> models) => string.Join(", ", models.Select(m => m.Name));

        internal static string Words(string endpoint) => endpoint.Replace('_', ' ');
    }
}
