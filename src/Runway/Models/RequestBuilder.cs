#nullable disable
// nullable: annotated after the Models restructuring (issue 23)
using System;
using System.Collections.Generic;
using System.Linq;

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;


namespace Runway.Models
{
    /// <summary>What a video cmdlet collected from its parameters; media already classified.</summary>
    public sealed class VideoSpec
    {
        public string Endpoint { get; set; }
        public string Model { get; set; }
        public IMediaInput Image { get; set; }
        public IMediaInput LastFrame { get; set; }
        public IMediaInput Video { get; set; }
        public IMediaInput ReferenceImage { get; set; }
        public IMediaInput Character { get; set; }
        /// <summary>What the character is, as the user declared it (-Character @{ Uri = ...; Type = 'video' }): the SDK's { type, uri }.</summary>
        public string CharacterType { get; set; }
        public IMediaInput Reference { get; set; }
        public string Prompt { get; set; }
        public string Ratio { get; set; }
        public double? Duration { get; set; }
        public long? Seed { get; set; }
        public bool? Audio { get; set; }
        public string PublicFigureThreshold { get; set; }
        public bool? BodyControl { get; set; }
        public int? ExpressionIntensity { get; set; }
        /// <summary>Several images (reference mode), when given instead of one <see cref="Image"/>.</summary>
        public IReadOnlyList<object> Images { get; set; }
        /// <summary>'auto' (the model chooses the length) where the model takes it.</summary>
        public bool DurationAuto { get; set; }
        /// <summary>Other parameters by name (-NegativePrompt, -Resolution, -OutputFormat, -ReferenceAudio, -Keyframe...).</summary>
        public Dictionary<string, object> Values { get; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        /// <summary>-Option @{ jsonName = value }: a field only some models have.</summary>
        public Dictionary<string, object> Options { get; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        /// <summary>Classifies a media value given in <see cref="Values"/> or <see cref="Options"/> (the cmdlet resolves paths).</summary>
        public Func<object, string, MediaKind, IMediaInput> MediaResolver { get; set; }
        public bool AllowUnknownModel { get; set; }
    }

    public sealed class ReferenceImageSpec
    {
        public IMediaInput Source { get; set; }
        public string Tag { get; set; }
        /// <summary>object or human (Gemini image models).</summary>
        public string Subject { get; set; }
    }

    public sealed class ImageSpec
    {
        public string Model { get; set; }
        public string Prompt { get; set; }
        public string Ratio { get; set; }
        public long? Seed { get; set; }
        public string PublicFigureThreshold { get; set; }
        public IReadOnlyList<ReferenceImageSpec> References { get; set; } = Array.Empty<ReferenceImageSpec>();
        /// <summary>Reference subjects (object or human) by position in <see cref="References"/>, for the Gemini image models.</summary>
        public Dictionary<string, object> Values { get; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, object> Options { get; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        public Func<object, string, MediaKind, IMediaInput> MediaResolver { get; set; }
        public bool AllowUnknownModel { get; set; }
    }

    /// <summary>
    /// Turns collected parameters into a <see cref="GenerationRequest"/>, checking each against the model's row
    /// in <see cref="ModelCatalog"/>. Every rule the API would enforce is enforced here first, so a request it
    /// would reject is never sent (and never paid for).
    /// </summary>
    public static partial class RequestBuilder
    {
        private static readonly Regex TagPattern = new Regex("^[A-Za-z][A-Za-z0-9_]{2,15}$");
        private static readonly Regex TagMention = new Regex(@"(?<![A-Za-z0-9_.])@([A-Za-z][A-Za-z0-9_]*)");

        /// <summary>Classifies nothing: the spec's media are already IMediaInput (unit tests, the cmdlets' typed parameters).</summary>
        internal static Func<object, string, MediaKind, IMediaInput> Resolver(Func<object, string, MediaKind, IMediaInput> resolver) =>
            (value, parameter, kind) => value as IMediaInput ?? resolver?.Invoke(value, parameter, kind)
                ?? throw Invalid(parameter, "Runway.UnsupportedInput", $"-{parameter} takes a path, URL, upload or finished task; '{value}' is none.", value);

        public static GenerationRequest Video(VideoSpec spec)
        {
            if (spec.Endpoint != Endpoints.CharacterPerformance)
            {
                var input = new FieldInput(Resolver(spec.MediaResolver)) { AllowUnknownModel = spec.AllowUnknownModel };
                input.Set("Prompt", spec.Prompt).Set("Ratio", spec.Ratio).Set("Seed", spec.Seed).Set("Audio", spec.Audio)
                    .Set("PublicFigureThreshold", spec.PublicFigureThreshold).Set("LastFrame", spec.LastFrame)
                    .Set("Duration", spec.DurationAuto ? "auto" : (object)spec.Duration)
                    .Set("Image", spec.Images != null && spec.Images.Count > 0 ? spec.Images : (object)spec.Image)
                    .Set("Video", spec.Video).Set("ReferenceImage", spec.ReferenceImage);
                foreach (KeyValuePair<string, object> pair in spec.Values) input.Set(pair.Key, pair.Value);
                foreach (KeyValuePair<string, object> pair in spec.Options) input.Options[pair.Key] = pair.Value;
                return Build(spec.Endpoint, spec.Model, input);
            }
            ModelInfo model = ResolveModel(spec.Model, spec.Endpoint);
            var request = new GenerationRequest(spec.Endpoint, model);
            JsonObject body = request.Body;
            ApplyPrompt(request, spec.Prompt);
            ApplyRatio(request, spec.Ratio);
            ApplyDuration(request, spec.Duration);

            switch (spec.Endpoint)
            {
                case Endpoints.ImageToVideo:
                    if (spec.LastFrame != null)
                    {
                        if (!model.SupportsLastFrame)
                            throw Invalid("LastFrame", "Runway.LastFrameNotSupported",
                                $"{model.Name} takes only a first frame; -LastFrame works with {Names(ModelCatalog.Models.Where(m => m.SupportsLastFrame))}.", spec.LastFrame);
                        var frames = new JsonArray();
                        body["promptImage"] = frames;
                        var first = new JsonObject { ["position"] = "first" };
                        var last = new JsonObject { ["position"] = "last" };
                        frames.Add(first);
                        frames.Add(last);
                        request.AddMedia(first, "uri", spec.Image);
                        request.AddMedia(last, "uri", spec.LastFrame);
                        request.Details.Add($"from {spec.Image.Display} to {spec.LastFrame.Display}");
                    }
                    else
                    {
                        request.AddMedia(body, "promptImage", spec.Image);
                        request.Details.Add("from " + spec.Image.Display);
                    }
                    break;
                case Endpoints.VideoToVideo:
                    request.AddMedia(body, "videoUri", spec.Video);
                    request.Details.Add("from " + spec.Video.Display);
                    if (spec.ReferenceImage != null)
                    {
                        var reference = new JsonObject { ["type"] = "image" };
                        body["references"] = new JsonArray(reference);
                        request.AddMedia(reference, "uri", spec.ReferenceImage);
                    }
                    if (spec.Video.DurationSeconds.HasValue) request.Cost.InputSeconds = Math.Min(spec.Video.DurationSeconds.Value, model.Duration.Max);
                    break;
                case Endpoints.CharacterPerformance:
                    var character = new JsonObject { ["type"] = CharacterType(spec) };
                    var performance = new JsonObject { ["type"] = "video" };
                    body["character"] = character;
                    body["reference"] = performance;
                    request.AddMedia(character, "uri", spec.Character);
                    request.AddMedia(performance, "uri", spec.Reference);
                    double? length = spec.Reference.DurationSeconds;
                    if (length.HasValue && model.InputDuration != null && !model.InputDuration.Accepts(length.Value))
                        throw Invalid("Reference", "Runway.InvalidDuration",
                            $"The reference performance '{spec.Reference.Display}' lasts {length:0.#} s; {model.Name} needs {model.InputDuration.Describe()}.", spec.Reference);
                    if (length.HasValue) request.Cost.InputSeconds = length;
                    request.Details.Add($"{spec.Character.Display} performing {spec.Reference.Display}");
                    if (spec.BodyControl.HasValue) body["bodyControl"] = spec.BodyControl.Value;
                    if (spec.ExpressionIntensity.HasValue)
                    {
                        if (spec.ExpressionIntensity < 1 || spec.ExpressionIntensity > 5)
                            throw Invalid("ExpressionIntensity", "Runway.InvalidExpressionIntensity", $"-ExpressionIntensity must be 1–5; {spec.ExpressionIntensity} is out of range.", spec.ExpressionIntensity);
                        body["expressionIntensity"] = spec.ExpressionIntensity.Value;
                    }
                    break;
            }

            ApplySeed(request, spec.Seed);
            ApplyContentModeration(request, spec.PublicFigureThreshold);
            if (spec.Audio.HasValue)
            {
                if (!model.SupportsAudioFlag)
                    throw Invalid("Audio", "Runway.AudioNotSupported",
                        $"{model.Name} has no audio switch; -Audio works with {Names(ModelCatalog.Models.Where(m => m.SupportsAudioFlag))}.", spec.Audio);
                body["audio"] = spec.Audio.Value;
                request.Cost.Audio = spec.Audio.Value;
                request.Details.Add(spec.Audio.Value ? "with audio" : "without audio");
            }
            return request;
        }

        public static GenerationRequest Image(ImageSpec spec)
        {
            var input = new FieldInput(Resolver(spec.MediaResolver)) { AllowUnknownModel = spec.AllowUnknownModel };
            input.Set("Prompt", spec.Prompt).Set("Ratio", spec.Ratio).Set("Seed", spec.Seed).Set("PublicFigureThreshold", spec.PublicFigureThreshold);
            IReadOnlyList<ReferenceImageSpec> references = spec.References ?? Array.Empty<ReferenceImageSpec>();
            if (references.Count > 0)
                input.Set("ReferenceImage", references.Select(r => (object)new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase)
                {
                    ["Uri"] = r.Source, ["Tag"] = r.Tag, ["Subject"] = r.Subject,
                }).ToList());
            foreach (KeyValuePair<string, object> pair in spec.Values) input.Set(pair.Key, pair.Value);
            foreach (KeyValuePair<string, object> pair in spec.Options) input.Options[pair.Key] = pair.Value;
            return Build(Endpoints.TextToImage, spec.Model, input);
        }

        public static ModelInfo ResolveModel(string name, string endpoint) => ResolveModel(name, endpoint, false);

        /// <param name="allowUnknown">The user's explicit word that a model the catalog lacks is to be sent unchecked.</param>
        public static ModelInfo ResolveModel(string name, string endpoint, bool allowUnknown)
        {
            if (string.IsNullOrWhiteSpace(name))
                return ModelCatalog.Find(ModelCatalog.DefaultModel[endpoint]);
            ModelInfo model = ModelCatalog.Find(name.Trim());
            string serving = Names(ModelCatalog.ForEndpoint(endpoint));
            if (model == null && ModelCatalog.Retired.TryGetValue(name.Trim(), out string successor))
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
        internal static void ApplyPrompt(GenerationRequest request, string prompt, string parameter = "Prompt")
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

        internal static void ApplyRatio(GenerationRequest request, string ratio)
        {
            ModelInfo model = request.Model;
            if (ratio == null)
            {
                if (!model.RatioRequired) return;
                ratio = model.DefaultRatio;
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

        internal static void ApplyContentModeration(GenerationRequest request, string threshold)
        {
            if (threshold == null) return;
            if (!request.Model.SupportsContentModeration)
                throw Invalid("PublicFigureThreshold", "Runway.ContentModerationNotSupported", $"{request.Model.Name} takes no -PublicFigureThreshold.", threshold);
            request.Body["contentModeration"] = new JsonObject { ["publicFigureThreshold"] = threshold.ToLowerInvariant() };
        }

        internal static RunwayInputException Invalid(string parameter, string errorId, string message, object target) =>
            new RunwayInputException(message, parameter, errorId, target);

        /// <summary>
        /// act_two's character is { type: 'image' | 'video', uri }: the type is the user's word, else what the file, data URI,
        /// upload or URL's extension shows; never a guess (an https URL without a known extension must say it).
        /// </summary>
        private static string CharacterType(VideoSpec spec)
        {
            string declared = spec.CharacterType?.Trim().ToLowerInvariant();
            if (declared != null && declared != "image" && declared != "video")
                throw Invalid("Character", "Runway.InvalidCharacterType", $"-Character's Type is 'image' or 'video'; '{spec.CharacterType}' is not.", spec.CharacterType);
            string seen = spec.Character.MediaKind == MediaKind.Video ? "video" : spec.Character.MediaKind == MediaKind.Image ? "image" : null;
            if (declared != null && seen != null && declared != seen)
                throw Invalid("Character", "Runway.WrongMediaKind", $"-Character '{spec.Character.Display}' is {(seen == "image" ? "an image" : "a video")}, but its Type says '{declared}'.", spec.Character.Display);
            return declared ?? seen ?? throw Invalid("Character", "Runway.UnknownMediaKind",
                $"Cannot tell whether -Character '{spec.Character.Display}' is an image or a video (act_two takes either). Give -Character @{{ Uri = '{spec.Character.Display}'; Type = 'video' }} (or 'image').", spec.Character.Display);
        }

        internal static string Names(IEnumerable<ModelInfo> models) => string.Join(", ", models.Select(m => m.Name));

        internal static string Words(string endpoint) => endpoint.Replace('_', ' ');
    }
}
