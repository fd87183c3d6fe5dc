using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Runway.Api;

namespace Runway.Models
{
    /// <summary>Routed generation parameters → the body <c>{configId, input}</c>, every stated rule checked before anything is sent.</summary>
    public static class RoutedRequestBuilder
    {
        public static GenerationRequest Video(RoutedVideoSpec spec)
        {
            GenerationRequest request = NewRequest(RoutedInput.Video, spec.Router, MediaKind.Video, out JsonObject input);
            if (spec.Prompt != null) input["promptText"] = Text(spec.Prompt, "Prompt");
            if (spec.NegativePrompt != null) input["negativePrompt"] = Text(spec.NegativePrompt, "NegativePrompt");
            AspectAndResolution(request, input, spec.AspectRatio, RoutedInput.VideoAspectRatios, spec.Resolution, RoutedInput.VideoResolutions);
            if (spec.Duration.HasValue)
            {
                input["duration"] = GenerationRequest.Number(Positive(spec.Duration.Value, "Duration"));
                request.Details.Insert(0, GenerationRequest.Seconds(spec.Duration.Value));
            }
            if (spec.Audio.HasValue)
            {
                input["audio"] = spec.Audio.Value;
                request.Details.Add(spec.Audio.Value ? "with audio" : "silent or audio off");
            }
            Moderation(input, spec.PublicFigureThreshold);
            Seed(request, input, spec.Seed);

            var images = new JsonArray();
            foreach (RoutedMedia image in spec.Images)
            {
                string role = Choice(image.Role ?? "reference", RoutedInput.ImageRoles, image.Parameter, "role");
                if (role != "reference" && spec.Images.Count(i => string.Equals(i.Role, role, StringComparison.OrdinalIgnoreCase)) > 1)
                    throw Invalid(image.Parameter, "Runway.DuplicateRole",
                        $"At most one '{role}' image is allowed ({(role == "first" ? "-Image" : "-LastFrame")} or one -ReferenceImage with Role '{role}'); give more images the role 'reference'.", role);
                var item = new JsonObject { ["role"] = role };
                AddMedia(request, item, "uri", image.Source, MediaKind.Image, image.Parameter);
                images.Add(item);
                request.Details.Add((role == "reference" ? "reference " : role + " frame ") + image.Source.Display);
            }
            if (images.Count > 0) input["referenceImages"] = images;

            var videos = new JsonArray();
            foreach (RoutedMedia video in spec.Videos)
            {
                string role = Choice(video.Role ?? "reference", RoutedInput.VideoRoles, video.Parameter, "role");
                if (role == "source" && spec.Videos.Count(v => string.Equals(v.Role, "source", StringComparison.OrdinalIgnoreCase)) > 1)
                    throw Invalid(video.Parameter, "Runway.DuplicateRole", "At most one 'source' video is allowed (-Video, or one -ReferenceVideo with Role 'source').", role);
                var item = new JsonObject { ["role"] = role };
                AddMedia(request, item, "uri", video.Source, MediaKind.Video, video.Parameter);
                videos.Add(item);
                request.Details.Add((role == "source" ? "from " : "reference video ") + video.Source.Display);
            }
            if (videos.Count > 0) input["referenceVideos"] = videos;

            UriList(request, input, "referenceAudio", spec.Audios, MediaKind.Audio, "ReferenceAudio");

            if (spec.Keyframes.Count > 0)
            {
                if (!spec.Videos.Any(v => string.Equals(v.Role, "source", StringComparison.OrdinalIgnoreCase)))
                    throw Invalid("Keyframe", "Runway.KeyframesNeedSourceVideo", "-Keyframe guides a video restyle and requires a source video: give -Video (or a -ReferenceVideo with Role 'source').", null);
                KeyframeRules.CheckCount(spec.Keyframes.Count, KeyframeRules.MaxKeyframes, "Keyframe", "A routed video");
                double? clip = spec.Videos.FirstOrDefault(v => string.Equals(v.Role, "source", StringComparison.OrdinalIgnoreCase))?.Source?.DurationSeconds;
                input["keyframes"] = new JsonArray(spec.Keyframes.Select(k => (JsonNode)Keyframe(request, k, clip)).ToArray());
                KeyframeRules.CheckAllOrNone(spec.Keyframes.Count(k => k.RangeStart.HasValue || k.RangeEnd.HasValue), spec.Keyframes.Count, "Keyframe", null);
                request.Details.Add(spec.Keyframes.Count + (spec.Keyframes.Count == 1 ? " keyframe" : " keyframes"));
            }
            return request;
        }

        public static GenerationRequest Image(RoutedImageSpec spec)
        {
            GenerationRequest request = NewRequest(RoutedInput.Image, spec.Router, MediaKind.Image, out JsonObject input);
            input["promptText"] = Text(spec.Prompt ?? throw Invalid("Prompt", "Runway.MissingPrompt", "-Prompt is required: the text describing the image.", null), "Prompt");
            AspectAndResolution(request, input, spec.AspectRatio, RoutedInput.ImageAspectRatios, spec.Resolution, RoutedInput.ImageResolutions);
            if (spec.OutputCount.HasValue)
            {
                int count = spec.OutputCount.Value;
                if (count < RoutedInput.MinOutputCount || count > RoutedInput.MaxOutputCount)
                    throw Invalid("OutputCount", "Runway.InvalidOutputCount", $"-OutputCount must be {RoutedInput.MinOutputCount}–{RoutedInput.MaxOutputCount}; {count} was given.", count);
                input["outputCount"] = count;
                ((RouterCeilingPrice)request.Model.Price).Generations = count;
                request.Details.Add(count + (count == 1 ? " image" : " images"));
            }
            Moderation(input, spec.PublicFigureThreshold);
            Seed(request, input, spec.Seed);
            UriList(request, input, "referenceImages", spec.References, MediaKind.Image, "ReferenceImage", "reference ");
            return request;
        }

        public static GenerationRequest Audio(RoutedAudioSpec spec)
        {
            GenerationRequest request = NewRequest(RoutedInput.Audio, spec.Router, MediaKind.Audio, out JsonObject input);
            input["promptText"] = Text(spec.Prompt ?? throw Invalid("Prompt", "Runway.MissingPrompt", "-Prompt is required: the words to speak (speech) or a description of the sound (audio).", null), "Prompt");
            if (spec.Type == null)
                throw Invalid("Type", "Runway.MissingType", "-Type is required: speech (say the prompt word for word) or audio (the prompt describes the sound).", null);
            string type = Choice(spec.Type, RoutedInput.AudioTypes, "Type");
            input["type"] = type;
            request.Details.Add(type);
            if (type == "speech")
            {
                // The declarations describe duration, loop and referenceAudios for `audio` generation only.
                if (spec.Duration.HasValue) throw NotFor("Duration", type, spec.Duration);
                if (spec.Loop.HasValue) throw NotFor("Loop", type, spec.Loop);
                if (spec.References.Count > 0) throw NotFor("ReferenceAudio", type, spec.References[0]?.Display);
                if (spec.Voice != null && spec.VoiceSample != null)
                    throw Invalid("VoiceSample", "Runway.ConflictingParameters", "Give -Voice (a preset) or -VoiceSample (a voice to clone), not both.", spec.VoiceSample.Display);
                if (spec.Voice != null)
                {
                    string preset = RequestBuilder.ResolveVoice(spec.Voice);
                    input["voice"] = new JsonObject { ["type"] = "preset", ["presetId"] = preset };
                    request.Details.Add("voice " + preset);
                }
                if (spec.VoiceSample != null)
                {
                    var voice = new JsonObject { ["type"] = "reference-audio" };
                    AddMedia(request, voice, "audioUri", spec.VoiceSample, MediaKind.Audio, "VoiceSample");
                    input["voice"] = voice;
                    request.Details.Add("voice cloned from " + spec.VoiceSample.Display);
                }
                return request;
            }
            // The declarations describe the voice for `speech` only.
            if (spec.Voice != null) throw NotFor("Voice", type, spec.Voice);
            if (spec.VoiceSample != null) throw NotFor("VoiceSample", type, spec.VoiceSample.Display);
            if (spec.Duration.HasValue)
            {
                input["duration"] = GenerationRequest.Number(Positive(spec.Duration.Value, "Duration"));
                request.Details.Insert(0, GenerationRequest.Seconds(spec.Duration.Value));
            }
            if (spec.Loop.HasValue)
            {
                input["loop"] = spec.Loop.Value;
                if (spec.Loop.Value) request.Details.Add("seamless loop");
            }
            if (spec.References.Count > RoutedInput.MaxReferenceAudios)
                throw Invalid("ReferenceAudio", "Runway.TooManyReferences",
                    $"At most {RoutedInput.MaxReferenceAudios} reference audios (the prompt names them @Audio1 to @Audio3); {spec.References.Count} were given.", spec.References.Count);
            UriList(request, input, "referenceAudios", spec.References, MediaKind.Audio, "ReferenceAudio");
            return request;
        }

        /// <summary>
        /// Sets what is known of the price once the router's settings are read: its maxCreditsPerGeneration for the
        /// request's kind (null: none, or the router could not be read), which is then the most the task can cost.
        /// </summary>
        public static void ApplyCeiling(GenerationRequest request, decimal? ceiling, string? routerId = null)
        {
            var price = (RouterCeilingPrice)request.Model.Price;
            price.Ceiling = ceiling;
            price.RouterId = routerId;
            string kind = RoutedInput.KindOf(request.Endpoint);
            request.PriceText = ceiling.HasValue
                ? $"at most {ModelCatalog.FormatCost(request.EstimatedCredits)} (router ceiling: {ceiling.Value.ToString(CultureInfo.InvariantCulture)} credits per {kind} generation" +
                  (price.Generations > 1 ? $" × {price.Generations} images" : string.Empty) + ")"
                : "an unknown price (the router picks the model; its estimate is shown once the API answers)";
        }

        private static GenerationRequest NewRequest(string endpoint, string? router, MediaKind output, out JsonObject input)
        {
            if (Strings.IsBlank(router))
                throw Invalid("Router", "Runway.MissingRouter", "-Router is required: the slug of a Model Router (Get-RunwayRouter lists them; New-RunwayRouter makes one).", router);
            string slug = router.Trim();
            RunwayInputException.CheckId(slug, "Router", "router");
            var model = new ModelInfo
            {
                Name = RoutedInput.GateKey(slug),
                Output = output,
                Summary = $"the model the router '{slug}' picks",
                Endpoints = new[] { endpoint },
                Price = new RouterCeilingPrice(),
            };
            var request = new GenerationRequest(endpoint, model) { DataUriLimit = RoutedInput.DataUriMaxLength };
            // A routed body names a router, not a model.
            request.Body.Remove("model");
            request.Body["configId"] = slug;
            input = new JsonObject();
            request.Body["input"] = input;
            ApplyCeiling(request, null);
            return request;
        }

        private static void AspectAndResolution(GenerationRequest request, JsonObject input, string? aspect, string[] aspects, string? resolution, string[] resolutions)
        {
            if (aspect != null)
            {
                if (ModelCatalog.TryParseRatio(aspect.Trim(), out int w, out int h) && !aspects.Contains(aspect.Trim()) && (w > 21 || h > 21))
                    throw Invalid("AspectRatio", "Runway.InvalidChoice",
                        $"-AspectRatio takes a shape, not pixels: '{aspect}' is a pixel ratio. Choose one of {string.Join(", ", aspects)} (the router resolves the pixels per model).", aspect);
                string ratio = Choice(aspect, aspects, "AspectRatio");
                input["aspectRatio"] = ratio;
                request.Details.Add(ratio);
            }
            if (resolution != null)
            {
                string chosen = Choice(resolution, resolutions, "Resolution");
                input["resolution"] = chosen;
                request.Details.Add(chosen);
            }
        }

        private static void Moderation(JsonObject input, string? threshold)
        {
            if (threshold != null)
                input["contentModeration"] = new JsonObject { ["publicFigureThreshold"] = Choice(threshold, RoutedInput.PublicFigureThresholds, "PublicFigureThreshold") };
        }

        private static void Seed(GenerationRequest request, JsonObject input, long? seed)
        {
            if (!seed.HasValue) return;
            if (seed < 0 || seed > ModelCatalog.MaxSeed)
                throw Invalid("Seed", "Runway.InvalidSeed", $"-Seed must be 0–{ModelCatalog.MaxSeed}; {seed} is out of range.", seed);
            input["seed"] = seed.Value;
            request.Details.Add("seed " + seed.Value);
        }

        private static JsonObject Keyframe(GenerationRequest request, RoutedKeyframe keyframe, double? clipSeconds)
        {
            if (keyframe.Seconds.HasValue == keyframe.At.HasValue)
                throw Invalid("Keyframe", "Runway.InvalidKeyframe", "Each -Keyframe has either Seconds or At (when the image applies), not both and not neither: @{ Seconds = 2; Image = 'frame.png' }.", null);
            if (keyframe.Image == null)
                throw Invalid("Keyframe", "Runway.InvalidKeyframe", "Each -Keyframe needs an Image (a path, URL or URI): @{ Seconds = 2; Image = 'frame.png' }.", null);
            // The same rules as New-RunwayVideo's keyframes: a time it refuses is refused here too, before anything is paid.
            KeyframeRules.CheckPosition(keyframe.Seconds, keyframe.At, clipSeconds, "Keyframe");
            string timing = keyframe.Seconds.HasValue ? "seconds" : "at";
            // Exactly one of Seconds and At is set (checked above).
            double when = keyframe.Seconds ?? keyframe.At!.Value;
            var item = new JsonObject { [timing] = GenerationRequest.Number(when) };
            AddMedia(request, item, "uri", keyframe.Image, MediaKind.Image, "Keyframe");
            if (keyframe.RangeStart.HasValue || keyframe.RangeEnd.HasValue)
            {
                if (!keyframe.RangeStart.HasValue || !keyframe.RangeEnd.HasValue)
                    throw Invalid("Keyframe", "Runway.InvalidKeyframe", "A -Keyframe's range needs both StartSeconds and EndSeconds.", null);
                double start = keyframe.RangeStart.Value, end = keyframe.RangeEnd.Value;
                KeyframeRules.CheckWindow(start, end, keyframe.Seconds, clipSeconds, "Keyframe", start);
                item["range"] = new JsonObject { ["end_seconds"] = GenerationRequest.Number(end), ["start_seconds"] = GenerationRequest.Number(start) };
            }
            return item;
        }

        /// <summary>Each media as { "uri": … } under <paramref name="key"/>, left out when there is none (the declarations' reference lists); <paramref name="detail"/> prefixes each in the details.</summary>
        private static void UriList(GenerationRequest request, JsonObject input, string key, IEnumerable<IMediaInput?> media, MediaKind kind, string parameter, string? detail = null)
        {
            var items = new JsonArray();
            foreach (IMediaInput? source in media)
            {
                var item = new JsonObject();
                AddMedia(request, item, "uri", source, kind, parameter);
                items.Add(item);
                if (detail != null) request.Details.Add(detail + source.Display);
            }
            if (items.Count > 0) input[key] = items;
        }

        private static void AddMedia(GenerationRequest request, JsonObject parent, string key, [NotNull] IMediaInput? source, MediaKind kind, string parameter)
        {
            if (source == null) throw Invalid(parameter, "Runway.MissingInput", $"-{parameter} has an empty item.", null);
            if (kind == MediaKind.Audio) source = source.AsAudioInput(parameter);
            else if (source.MediaKind.HasValue && source.MediaKind.Value != kind)
                throw Invalid(parameter, "Runway.WrongMediaKind", $"-{parameter} '{source.Display}' is {source.MediaKind.Value.ToString().ToLowerInvariant()}, but this input takes {kind.ToString().ToLowerInvariant()}.", source.Value);
            if (source.IsDataUri && source.Value.Length > RoutedInput.DataUriMaxLength)
                throw Invalid(parameter, "Runway.DataUriTooLarge", $"-{parameter}: a data URI may hold up to 5 MB ({RoutedInput.DataUriMaxLength} characters); this one has {source.Value.Length}. Pass the file itself (it is uploaded) or an https URL.", source.Display);
            request.AddMedia(parent, key, source);
        }

        private static string Text(string value, string parameter)
        {
            if (value.Trim().Length == 0)
                throw Invalid(parameter, "Runway.EmptyText", $"-{parameter} is empty.", value);
            return value;
        }

        private static double Positive(double value, string parameter)
        {
            if (double.IsNaN(value) || double.IsInfinity(value) || value <= 0)
                throw Invalid(parameter, "Runway.InvalidDuration", $"-{parameter} must be a number of seconds above 0; {value.ToString(CultureInfo.InvariantCulture)} was given.", value);
            return value;
        }

        /// <summary>The allowed value as the declarations spell it, matched without regard to case.</summary>
        private static string Choice(string? value, string[] allowed, string parameter, string? field = null)
        {
            string? match = allowed.FirstOrDefault(a => string.Equals(a, value?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match != null) return match;
            string what = field == null ? $"-{parameter}" : $"The {field} of a -{parameter} item";
            throw Invalid(parameter, "Runway.InvalidChoice", $"{what} '{value}' is not possible; choose {string.Join(", ", allowed)}.", value);
        }

        private static RunwayInputException NotFor(string parameter, string type, object? value) =>
            Invalid(parameter, "Runway.ParameterNotForType",
                parameter == "Voice" || parameter == "VoiceSample"
                    ? $"-{parameter} applies to -Type speech only (a voice speaks the prompt); -Type {type} describes a sound."
                    : $"-{parameter} applies to -Type audio only; -Type {type} speaks the prompt as given.", value);

        private static RunwayInputException Invalid(string parameter, string errorId, string message, object? target) =>
            new RunwayInputException(message, parameter, errorId, target);
    }
}
