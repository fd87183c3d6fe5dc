// character_performance: drive a character image or video with a reference performance (New-RunwayVideo -Character, act_two).
using System.Linq;
using System.Text.Json.Nodes;

namespace Runway.Models
{
    public static partial class Endpoints
    {
        public const string CharacterPerformance = "character_performance";
    }

    /// <summary>character_performance's row and its one model, act_two (its request is built here, reached through New-RunwayVideo's builder).</summary>
    internal sealed class CharacterPerformanceSection : EndpointSection
    {
        /// <summary>After video to video, before image to video: -Character or -Reference picks character performance.</summary>
        public CharacterPerformanceSection() : base(102, new EndpointInfo(Endpoints.CharacterPerformance, "New-RunwayVideo", "act_two", "Character", "Reference"), ModelList) { }
        
        private static readonly string[] Gen4VideoRatios = { "1280:720", "720:1280", "1104:832", "832:1104", "960:960", "1584:672" };

        private static readonly ModelInfo[] ModelList =
        {
            new ModelInfo
            {
                Name = "act_two", Output = MediaKind.Video, Summary = "Character performance: drive a character image or video with a reference performance.",
                Endpoints = new[] { Endpoints.CharacterPerformance }, Ratios = Gen4VideoRatios, DurationFromInput = true,
                Duration = new DurationRule(5, 5, true, 5, 5), SupportsSeed = true, SupportsContentModeration = true,
                TakesPrompt = false, InputDuration = new DurationRule(3, 30, false, 5), Price = new PerSecondPrice(5),
            },
        };
    }

    public static partial class RequestBuilder
    {
        /// <summary>character_performance's body: { character: { type, uri }, reference: { type: 'video', uri } } and act_two's options.</summary>
        private static GenerationRequest CharacterPerformance(VideoSpec spec)
        {
            ModelInfo model = ResolveModel(spec.Model, Endpoints.CharacterPerformance);
            var request = new GenerationRequest(Endpoints.CharacterPerformance, model);
            JsonObject body = request.Body;
            ApplyPrompt(request, spec.Prompt);
            ApplyRatio(request, spec.Ratio);
            ApplyDuration(request, spec.Duration);

            IMediaInput characterMedia = RequiredMedia(spec.Character, "Character");
            IMediaInput referenceMedia = RequiredMedia(spec.Reference, "Reference");
            var character = new JsonObject { ["type"] = CharacterType(spec, characterMedia) };
            var performance = new JsonObject { ["type"] = "video" };
            body["character"] = character;
            body["reference"] = performance;
            request.AddMedia(character, "uri", characterMedia);
            request.AddMedia(performance, "uri", referenceMedia);
            double? length = referenceMedia.DurationSeconds;
            if (length.HasValue && model.InputDuration != null && !model.InputDuration.Accepts(length.Value))
                throw Invalid("Reference", "Runway.InvalidDuration",
                    $"The reference performance '{referenceMedia.Display}' lasts {length:0.#} s; {model.Name} needs {model.InputDuration.Describe()}.", referenceMedia);
            if (length.HasValue) request.Cost.InputSeconds = length;
            request.Details.Add($"{characterMedia.Display} performing {referenceMedia.Display}");
            if (spec.BodyControl.HasValue) body["bodyControl"] = spec.BodyControl.Value;
            if (spec.ExpressionIntensity.HasValue)
            {
                if (spec.ExpressionIntensity < 1 || spec.ExpressionIntensity > 5)
                    throw Invalid("ExpressionIntensity", "Runway.InvalidExpressionIntensity", $"-ExpressionIntensity must be 1–5; {spec.ExpressionIntensity} is out of range.", spec.ExpressionIntensity);
                body["expressionIntensity"] = spec.ExpressionIntensity.Value;
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

        /// <summary>
        /// act_two's character is { type: 'image' | 'video', uri }: the type is the user's word, else what the file, data URI,
        /// upload or URL's extension shows; never a guess (an https URL without a known extension must say it).
        /// </summary>
        private static string CharacterType(VideoSpec spec, IMediaInput character)
        {
            string? declared = spec.CharacterType?.Trim().ToLowerInvariant();
            if (declared != null && declared != "image" && declared != "video")
                throw Invalid("Character", "Runway.InvalidCharacterType", $"-Character's Type is 'image' or 'video'; '{spec.CharacterType}' is not.", spec.CharacterType);
            string? seen = character.MediaKind == MediaKind.Video ? "video" : character.MediaKind == MediaKind.Image ? "image" : null;
            if (declared != null && seen != null && declared != seen)
                throw Invalid("Character", "Runway.WrongMediaKind", $"-Character '{character.Display}' is {(seen == "image" ? "an image" : "a video")}, but its Type says '{declared}'.", character.Display);
            return declared ?? seen ?? throw Invalid("Character", "Runway.UnknownMediaKind",
                $"Cannot tell whether -Character '{character.Display}' is an image or a video (act_two takes either). Give -Character @{{ Uri = '{character.Display}'; Type = 'video' }} (or 'image').", character.Display);
        }
    }
}
