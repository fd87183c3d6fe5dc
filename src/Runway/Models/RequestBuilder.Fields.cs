using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Runway.Models
{
    /// <summary>
    /// What a generation cmdlet collected, by parameter name (or -Option key, the field's JSON name). Values are plain:
    /// strings, numbers, booleans, lists, and dictionaries for records (@{ Uri = ...; Tag = ... }); media values are
    /// classified through <see cref="Media"/>, which the cmdlet supplies (paths resolve through PowerShell).
    /// </summary>
    public sealed class FieldInput
    {
        public FieldInput(Func<object?, string, MediaKind, IMediaInput> media) { Media = media; }

        public Dictionary<string, object> Values { get; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        /// <summary>The -Option hashtable's keys, kept apart so an error can say how the value was given.</summary>
        public Dictionary<string, object?> Options { get; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        /// <summary>Classifies a media value (a value of -Option may be null: it is refused there, by the parameter's name).</summary>
        public Func<object?, string, MediaKind, IMediaInput> Media { get; }
        /// <summary>The user allows a model the catalog does not know: sent without local validation.</summary>
        public bool AllowUnknownModel { get; set; }
        /// <summary>What a speech-to-speech input is when its content cannot tell (a URL): the parameter it came through.</summary>
        public MediaKind DeclaredMediaKind { get; set; } = MediaKind.Audio;

        /// <summary>Records a parameter's value; a parameter not given (null) stays out.</summary>
        public FieldInput Set(string key, object? value)
        {
            if (value != null) Values[key] = value;
            return this;
        }

        /// <summary>Every value given: the parameters', then the -Option keys' (whose values may be null).</summary>
        public IEnumerable<KeyValuePair<string, object?>> Given() =>
            Values.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)).Concat(Options);
    }

    public static partial class RequestBuilder
    {
        /// <summary>The JSON name each shared parameter stands for, for a model the catalog does not know.</summary>
        private static readonly Dictionary<string, string> PassThroughNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Prompt"] = "promptText", ["Text"] = "promptText", ["Ratio"] = "ratio", ["Duration"] = "duration", ["Seed"] = "seed",
            ["Audio"] = "audio", ["Image"] = "promptImage", ["Video"] = "videoUri", ["ReferenceImage"] = "references",
            ["ReferenceAudio"] = "referenceAudio", ["ReferenceVideo"] = "referenceVideos", ["NegativePrompt"] = "negativePrompt",
            ["Resolution"] = "resolution", ["OutputFormat"] = "outputFormat", ["ProResProfile"] = "proresProfile",
            ["OutputCount"] = "outputCount", ["Quality"] = "quality", ["Background"] = "background", ["Loop"] = "loop",
        };

        private static readonly Regex AudioMention = new Regex(@"@Audio(\d+)");
        /// <summary>The ProRes profiles outputFormat hdr_prores takes, as its declaration states them.</summary>
        private static readonly string[] HdrProResProfiles = { "422", "422 HQ", "4444" };

        /// <summary>
        /// Builds and validates a request for an endpoint whose fields the catalog holds (the SDK's): every value is
        /// checked against the chosen model's rule for that endpoint before anything is sent.
        /// </summary>
        public static GenerationRequest Build(string endpoint, string? modelName, FieldInput input)
        {
            ModelInfo model = ResolveModel(modelName, endpoint, input.AllowUnknownModel);
            var request = new GenerationRequest(endpoint, model);
            if (model.Unvalidated) return PassThrough(request, input);
            // A validated model serves the endpoint, so it has fields there (dereferenced below as before).
            ModelEndpointFields fields = model.FieldsOn(endpoint)!;
            IEnumerable<KeyValuePair<string, object?>> given = input.Given();

            // Positional reference images on image to video travel inside promptImage, not in a field of their own.
            FieldRule? promptImage = fields["promptImage"];
            foreach (KeyValuePair<string, object?> pair in given)
            {
                if (IsClaimed(pair.Key, fields, input)) continue;
                FieldRule elsewhere = ModelCatalog.ForEndpoint(endpoint).SelectMany(m => m.FieldsOn(endpoint)?.Fields ?? Array.Empty<FieldRule>())
                    .FirstOrDefault(f => string.Equals(f.Key, pair.Key, StringComparison.OrdinalIgnoreCase) || string.Equals(f.Json, pair.Key, StringComparison.OrdinalIgnoreCase));
                string syntax = input.Options.ContainsKey(pair.Key) ? $"-Option key '{pair.Key}'" : "-" + pair.Key;
                // The same test as the refusal's: a model counts when one of its fields has this name (parameter or JSON).
                ModelInfo[] takerModels = ModelCatalog.ForEndpoint(endpoint).Where(m => HasField(m.FieldsOn(endpoint), pair.Key)).ToArray();
                string takers = takerModels.Length == 0 ? string.Empty : "; models that take it: " + Names(takerModels);
                // An -Option key no model of the endpoint has is an unknown key (the one rule for hashtables); a known one is the model's limit.
                bool unknownKey = elsewhere == null && input.Options.ContainsKey(pair.Key) && !input.Values.ContainsKey(pair.Key);
                throw Invalid(unknownKey ? "Option" : pair.Key, unknownKey ? RecordKeys.ErrorId : $"Runway.{Capitalize(elsewhere?.Parameter ?? pair.Key)}NotSupported",
                    $"{model.Name} ({Words(endpoint)}) takes no {syntax}{takers}. Its fields: {string.Join(", ", fields.Fields.Select(f => f.Syntax))}.", unknownKey ? pair.Key : pair.Value);
            }

            foreach (FieldRule rule in fields.Fields)
            {
                string? twice = rule.Parameters.FirstOrDefault(p => input.Values.ContainsKey(p));
                if (twice != null && input.Options.TryGetValue(rule.Json, out object? again))
                    throw Invalid(twice, "Runway.DuplicateValue", $"{rule.Json} is given twice, as -{twice} and as -Option key '{rule.Json}'; give it once.", again);
                object? value = Lookup(rule, input);
                if (value == null) value = DefaultFor(model, rule, endpoint, request);
                if (value == null)
                {
                    if (rule.Required && rule.Kind == FieldKind.MediaList)
                        throw Invalid(rule.Key, "Runway.InvalidReferenceCount", $"{model.Name} needs {rule.Describe()} in {rule.Syntax}; none given.", model.Name);
                    if (rule.Required)
                        throw Invalid(rule.Key, rule.Json == "promptText" ? "Runway.MissingPrompt" : $"Runway.Missing{Capitalize(rule.Key)}",
                            $"{model.Name} needs {rule.Syntax} for {Words(endpoint)} ({rule.Describe()}).", model.Name);
                    continue;
                }
                Apply(request, rule, value, input);
            }
            CheckCombinations(request, fields, input);
            // Length and ratio first, then where the task starts from: "10 s, 1280:720, from cat.png".
            string[] sources = request.Details.Where(d => d.StartsWith("from ", StringComparison.Ordinal)).ToArray();
            request.Details.RemoveAll(d => sources.Contains(d));
            request.Details.AddRange(sources);
            return request;
        }

        private static bool IsClaimed(string key, ModelEndpointFields fields, FieldInput input) =>
            Takes(fields, key, input);

        private static bool Takes(ModelEndpointFields fields, string key, FieldInput input)
        {
            if (fields == null) return false;
            bool option = input.Options.ContainsKey(key) && !input.Values.ContainsKey(key);
            // An -Option key is any field's JSON name (also one a parameter carries), so every declared field is reachable.
            if (fields.Fields.Any(f => option ? string.Equals(f.Json, key, StringComparison.OrdinalIgnoreCase)
                                              : f.Parameters.Contains(key, StringComparer.OrdinalIgnoreCase)))
                return true;
            // -LastFrame is the promptImage's last position.
            return string.Equals(key, "LastFrame", StringComparison.OrdinalIgnoreCase) && fields["promptImage"]?.Positions.Contains("last") == true;
        }

        private static object? Lookup(FieldRule rule, FieldInput input)
        {
            foreach (string parameter in rule.Parameters)
                if (input.Values.TryGetValue(parameter, out object? v)) return v;
            return input.Options.TryGetValue(rule.Json, out object? o) ? o : null;
        }

        /// <summary>True when one of the fields is named so, by its parameter or its JSON name.</summary>
        private static bool HasField(ModelEndpointFields? fields, string key) =>
            fields != null && fields.Fields.Any(f => string.Equals(f.Json, key, StringComparison.OrdinalIgnoreCase) || f.Parameters.Contains(key, StringComparer.OrdinalIgnoreCase));

        /// <summary>The module's default for a required ratio, and a video's length (sent, so the charge is what was shown).</summary>
        private static object? DefaultFor(ModelInfo model, FieldRule rule, string endpoint, GenerationRequest request)
        {
            if (rule.Json == "ratio" && rule.Required && rule.Kind == FieldKind.Choice)
                return rule.Values.Contains(model.DefaultRatio) ? model.DefaultRatio : rule.Values[0];
            if (rule.Json == "duration" && model.Output == MediaKind.Video && model.DefaultDurationSeconds.HasValue)
                return model.DefaultDurationSeconds.Value;
            return null;
        }

        /// <summary>Rules the declarations state across fields.</summary>
        private static void CheckCombinations(GenerationRequest request, ModelEndpointFields fields, FieldInput input)
        {
            ModelInfo model = request.Model;
            JsonObject body = request.Body;
            if (fields.Fields.Any(f => f.Tags)) CheckTagMentions(request);
            string? format = body["outputFormat"]?.GetValue<string>();
            string? profile = body["proresProfile"]?.GetValue<string>();
            if (profile != null)
            {
                string[] formats = fields["outputFormat"]!.Values.Where(v => v == "prores" || v == "hdr_prores").ToArray();
                if (!formats.Contains(format))
                    throw Invalid("ProResProfile", "Runway.ProResProfileWithoutProRes", $"{model.Name} takes -ProResProfile only with -OutputFormat {string.Join(" or ", formats)}.", profile);
                if (format == "hdr_prores" && !HdrProResProfiles.Contains(profile))
                    throw Invalid("ProResProfile", "Runway.InvalidProResProfile", $"With -OutputFormat hdr_prores, {model.Name} takes -ProResProfile 422, 422 HQ or 4444; '{profile}' is not.", profile);
            }
            string? mode = body["mode"]?.GetValue<string>();
            if ((mode == "extend" || mode == "edit") && model.Name == "seedance2_5")
            {
                if (body["promptText"] == null)
                    throw Invalid("Prompt", "Runway.MissingPrompt", $"{model.Name} mode '{mode}' needs -Prompt.", null);
                if (body["ratio"] != null)
                    throw Invalid("Ratio", "Runway.RatioNotSupported", $"{model.Name} mode '{mode}' follows the input's aspect ratio: leave -Ratio out.", body["ratio"]!.ToString());
                if (mode == "edit" && body["duration"]?.ToString() != "auto")
                    throw Invalid("Duration", "Runway.InvalidDuration", $"{model.Name} mode 'edit' needs -Duration auto.", body["duration"]?.ToString());
            }
            bool imageReferences = body["references"] is JsonArray refs && refs.Count > 0;
            if (model.Name == "grok_imagine_1_5" && request.Endpoint == Endpoints.TextToVideo)
            {
                if (body["referenceAudio"] != null && !imageReferences)
                    throw Invalid("ReferenceAudio", "Runway.ReferenceAudioNeedsImage", $"{model.Name} takes -ReferenceAudio only with at least one -ReferenceImage.", null);
                if (imageReferences && body["resolution"]?.GetValue<string>() == "1080p")
                    throw Invalid("Resolution", "Runway.InvalidResolution", $"{model.Name} with image references makes at most 720p; -Resolution 1080p is not possible.", "1080p");
            }
            if (model.Name == "grok_imagine_image_2" && body["edit"]?.GetValue<bool>() == true && !(body["referenceImages"] is JsonArray))
                throw Invalid("Option", "Runway.EditNeedsReference", $"{model.Name} edit needs at least one -ReferenceImage.", null);
            if (model.Name == "hailuo3" && request.Endpoint == Endpoints.TextToVideo && body["ratio"]?.GetValue<string>() == "adaptive"
                && !imageReferences && body["referenceVideos"] == null)
                throw Invalid("Ratio", "Runway.InvalidRatio", $"{model.Name} uses ratio 'adaptive' only with image or video references; text alone needs a concrete ratio.", "adaptive");
            if ((model.Name == "wan3" || model.Name == "wan3_prime") && body["promptImage"] is JsonArray frames && frames.Count > 0 && frames[0]?["position"] != null
                && !(body["ratio"]?.GetValue<string>() ?? string.Empty).StartsWith("auto_", StringComparison.Ordinal))
                throw Invalid("Ratio", "Runway.InvalidRatio", $"{model.Name} with first and last frames needs -Ratio auto_480p, auto_720p or auto_1080p (the aspect follows the first frame).", body["ratio"]?.ToString());
            if (body["referenceAudios"] is JsonArray clips)
                foreach (Match mention in AudioMention.Matches(body["promptText"]?.GetValue<string>() ?? string.Empty))
                    if (int.Parse(mention.Groups[1].Value, CultureInfo.InvariantCulture) > clips.Count || mention.Groups[1].Value == "0")
                        throw Invalid("Prompt", "Runway.UnknownTag", $"The prompt mentions @Audio{mention.Groups[1].Value}, but only {clips.Count} -ReferenceAudio clip(s) are given (@Audio1…@Audio{clips.Count}).", mention.Value);
        }

        /// <summary>A model the catalog does not know, on the user's word: the values go as they are, under their JSON names.</summary>
        private static GenerationRequest PassThrough(GenerationRequest request, FieldInput input)
        {
            foreach (KeyValuePair<string, object?> pair in input.Given())
            {
                string json = input.Options.ContainsKey(pair.Key) && !input.Values.ContainsKey(pair.Key) ? pair.Key
                    : PassThroughNames.TryGetValue(pair.Key, out string? mapped) ? mapped : char.ToLowerInvariant(pair.Key[0]) + pair.Key.Substring(1);
                if (pair.Key.Equals("LastFrame", StringComparison.OrdinalIgnoreCase)) continue;
                if (request.Endpoint == Endpoints.SpeechToSpeech && pair.Value is IMediaInput speech && (pair.Key.Equals("Audio", StringComparison.OrdinalIgnoreCase) || pair.Key.Equals("Video", StringComparison.OrdinalIgnoreCase)))
                {
                    // Speech to speech's one media field, whatever the model: { type, uri } as the declarations give it.
                    var mediaObject = new JsonObject { ["type"] = (speech.MediaKind ?? input.DeclaredMediaKind) == MediaKind.Video ? "video" : "audio" };
                    request.Body["media"] = mediaObject;
                    request.AddMedia(mediaObject, "uri", speech);
                    continue;
                }
                if (pair.Key.Equals("Image", StringComparison.OrdinalIgnoreCase) && input.Values.TryGetValue("LastFrame", out object? last))
                {
                    var first = new JsonObject { ["position"] = "first" };
                    var end = new JsonObject { ["position"] = "last" };
                    request.Body["promptImage"] = new JsonArray(first, end);
                    request.AddMedia(first, "uri", input.Media(pair.Value, "Image", MediaKind.Image));
                    request.AddMedia(end, "uri", input.Media(last, "LastFrame", MediaKind.Image));
                    continue;
                }
                if (pair.Key.Equals("Image", StringComparison.OrdinalIgnoreCase) || pair.Key.Equals("Video", StringComparison.OrdinalIgnoreCase))
                {
                    request.AddMedia(request.Body, json, input.Media(pair.Value, pair.Key, pair.Key.Equals("Image", StringComparison.OrdinalIgnoreCase) ? MediaKind.Image : MediaKind.Video));
                    continue;
                }
                if (pair.Value is IMediaInput media)
                {
                    request.AddMedia(request.Body, json, media);
                    continue;
                }
                request.Body[json] = ToJson(pair.Value);
            }
            request.Details.Add("not validated locally");
            return request;
        }

        private static JsonNode? ToJson(object? value)
        {
            switch (value)
            {
                case null: return null;
                case string s: return s;
                case bool b: return b;
                case IDictionary d:
                    var o = new JsonObject();
                    foreach (DictionaryEntry e in d) o[e.Key.ToString()] = ToJson(e.Value);
                    return o;
                case IEnumerable list:
                    var a = new JsonArray();
                    foreach (object item in list) a.Add(ToJson(item));
                    return a;
                case IConvertible c when TryNumber(c, out double n):
                    return GenerationRequest.Number(n);
                default:
                    return value.ToString();
            }
        }

        private static string Capitalize(string name) => string.IsNullOrEmpty(name) ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);
    }
}
