#nullable disable
// nullable: annotated after the Models restructuring (issue 23)
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
        public FieldInput(Func<object, string, MediaKind, IMediaInput> media) { Media = media; }

        public Dictionary<string, object> Values { get; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        /// <summary>The -Option hashtable's keys, kept apart so an error can say how the value was given.</summary>
        public Dictionary<string, object> Options { get; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        public Func<object, string, MediaKind, IMediaInput> Media { get; }
        /// <summary>The user allows a model the catalog does not know: sent without local validation.</summary>
        public bool AllowUnknownModel { get; set; }
        /// <summary>What a speech-to-speech input is when its content cannot tell (a URL): the parameter it came through.</summary>
        public MediaKind DeclaredMediaKind { get; set; } = MediaKind.Audio;

        public FieldInput Set(string key, object value)
        {
            if (value != null) Values[key] = value;
            return this;
        }
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

        /// <summary>
        /// Builds and validates a request for an endpoint whose fields the catalog holds (the SDK's): every value is
        /// checked against the chosen model's rule for that endpoint before anything is sent.
        /// </summary>
        public static GenerationRequest Build(string endpoint, string modelName, FieldInput input)
        {
            ModelInfo model = ResolveModel(modelName, endpoint, input.AllowUnknownModel);
            var request = new GenerationRequest(endpoint, model);
            if (model.Unvalidated) return PassThrough(request, input);
            ModelEndpointFields fields = model.FieldsOn(endpoint);
            IEnumerable<KeyValuePair<string, object>> given = input.Values.Concat(input.Options);

            // Positional reference images on image to video travel inside promptImage, not in a field of their own.
            FieldRule promptImage = fields["promptImage"];
            foreach (KeyValuePair<string, object> pair in given)
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
                string twice = rule.Parameters.FirstOrDefault(p => input.Values.ContainsKey(p));
                if (twice != null && input.Options.ContainsKey(rule.Json))
                    throw Invalid(twice, "Runway.DuplicateValue", $"{rule.Json} is given twice, as -{twice} and as -Option key '{rule.Json}'; give it once.", input.Options[rule.Json]);
                object value = Lookup(rule, input);
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

        private static object Lookup(FieldRule rule, FieldInput input)
        {
            foreach (string parameter in rule.Parameters)
                if (input.Values.TryGetValue(parameter, out object v)) return v;
            return input.Options.TryGetValue(rule.Json, out object o) ? o : null;
        }

        /// <summary>True when one of the fields is named so, by its parameter or its JSON name.</summary>
        private static bool HasField(ModelEndpointFields fields, string key) =>
            fields != null && fields.Fields.Any(f => string.Equals(f.Json, key, StringComparison.OrdinalIgnoreCase) || f.Parameters.Contains(key, StringComparer.OrdinalIgnoreCase));

        /// <summary>The module's default for a required ratio, and a video's length (sent, so the charge is what was shown).</summary>
        private static object DefaultFor(ModelInfo model, FieldRule rule, string endpoint, GenerationRequest request)
        {
            if (rule.Json == "ratio" && rule.Required && rule.Kind == FieldKind.Choice)
                return rule.Values.Contains(model.DefaultRatio) ? model.DefaultRatio : rule.Values[0];
            if (rule.Json == "duration" && model.Output == MediaKind.Video && model.DefaultDurationSeconds.HasValue)
                return model.DefaultDurationSeconds.Value;
            return null;
        }

        private static void Apply(GenerationRequest request, FieldRule rule, object value, FieldInput input)
        {
            ModelInfo model = request.Model;
            JsonObject body = request.Body;
            switch (rule.Kind)
            {
                case FieldKind.Text:
                    string text = Convert.ToString(value, CultureInfo.InvariantCulture);
                    bool isPrompt = rule.Json == "promptText";
                    if ((rule.MinLength ?? 0) > 0 || isPrompt)
                        if (text.Trim().Length == 0)
                            throw Invalid(rule.Key, isPrompt ? "Runway.MissingPrompt" : $"Runway.Missing{Capitalize(rule.Key)}", $"{rule.Syntax} is empty; {model.Name} needs non-empty text.", text);
                    if (rule.MaxLength.HasValue && text.Length > rule.MaxLength)
                        throw Invalid(rule.Key, isPrompt ? "Runway.PromptTooLong" : $"Runway.{Capitalize(rule.Key)}TooLong",
                            $"{rule.Syntax} is {text.Length} characters; {model.Name} accepts at most {rule.MaxLength} (UTF-16 code units).", text.Length);
                    body[rule.Json] = text;
                    if (isPrompt) request.Cost.TextLength = text.Length;
                    break;
                case FieldKind.Choice:
                    ApplyChoice(request, rule, value);
                    break;
                case FieldKind.Number:
                case FieldKind.NumberOrAuto:
                    ApplyNumber(request, rule, value);
                    break;
                case FieldKind.Boolean:
                    if (!(value is bool flag))
                        throw Invalid(rule.Key, "Runway.InvalidValue", $"{rule.Syntax} for {model.Name} must be $true or $false; '{value}' is not.", value);
                    body[rule.Json] = flag;
                    if (rule.Json == "audio")
                    {
                        request.Cost.Audio = flag;
                        request.Details.Add(flag ? "with audio" : "without audio");
                    }
                    else if (flag) request.Details.Add(rule.Json);
                    break;
                case FieldKind.ContentModeration:
                    string threshold = rule.Values.FirstOrDefault(v => string.Equals(v, value?.ToString(), StringComparison.OrdinalIgnoreCase))
                        ?? throw Invalid(rule.Key, "Runway.InvalidPublicFigureThreshold", $"{rule.Syntax} must be one of {rule.Describe()}; '{value}' is not.", value);
                    body["contentModeration"] = new JsonObject { ["publicFigureThreshold"] = threshold };
                    break;
                case FieldKind.Media:
                    IMediaInput media = input.Media(Unlist(value, rule, model), rule.Key, rule.Media);
                    request.AddMedia(body, rule.Json, media);
                    request.Details.Add("from " + media.Display);
                    if (media.DurationSeconds.HasValue) request.Cost.InputSeconds = media.DurationSeconds;
                    break;
                case FieldKind.MediaList:
                    ApplyMediaList(request, rule, value, input);
                    break;
                case FieldKind.PromptImage:
                    ApplyPromptImage(request, rule, value, input);
                    break;
                case FieldKind.Keyframes:
                    ApplyKeyframes(request, rule, value, input);
                    break;
                case FieldKind.Voice:
                    if (rule.ItemType == "reference-audio")
                    {
                        IMediaInput voice = input.Media(value, rule.Key, MediaKind.Audio).AsAudioInput(rule.Key);
                        var reference = new JsonObject { ["type"] = "reference-audio" };
                        body["voice"] = reference;
                        request.AddMedia(reference, "audioUri", voice);
                        request.Details.Insert(0, "voice like " + voice.Display);
                    }
                    else
                    {
                        string preset = ResolveVoice(value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture));
                        body["voice"] = new JsonObject { ["type"] = "runway-preset", ["presetId"] = preset };
                        request.Details.Insert(0, "voice " + preset);
                    }
                    break;
                case FieldKind.SpeechMedia:
                    IMediaInput speech = (IMediaInput)value;
                    var mediaObject = new JsonObject { ["type"] = (speech.MediaKind ?? input.DeclaredMediaKind) == MediaKind.Video ? "video" : "audio" };
                    body["media"] = mediaObject;
                    request.AddMedia(mediaObject, "uri", speech);
                    request.Cost.InputSeconds = speech.DurationSeconds;
                    request.Details.Add("from " + Describe(speech));
                    break;
            }
        }

        private static void ApplyChoice(GenerationRequest request, FieldRule rule, object value)
        {
            ModelInfo model = request.Model;
            string text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty;
            if (rule.Json == "ratio") text = text.Replace('x', ':').Replace('X', ':');
            if (!rule.AcceptsChoice(text, out string canonical))
            {
                if (rule.FreeformMinPixels.HasValue && ModelCatalog.TryParseRatio(text, out int w, out int h)
                    && (long)w * h >= rule.FreeformMinPixels && (long)w * h <= rule.FreeformMaxPixels)
                    canonical = text;
                else
                {
                    string verb = rule.Json == "ratio" ? $"does not make {value}" : $"takes no {rule.Syntax} '{value}'";
                    throw Invalid(rule.Key, $"Runway.Invalid{Capitalize(rule.Key)}", $"{model.Name} {verb}; choose one of {rule.Describe()}.", value);
                }
            }
            if (rule.NumericValues)
            {
                double number = double.Parse(canonical, CultureInfo.InvariantCulture);
                request.Body[rule.Json] = GenerationRequest.Number(number);
                if (rule.Json == "duration") SetDuration(request, number);
                if (rule.Json == "outputCount") request.Cost.OutputCount = (int)number;
                return;
            }
            request.Body[rule.Json] = canonical;
            if (rule.Json == "ratio")
            {
                request.Cost.Ratio = canonical;
                request.Details.Add(canonical);
            }
            else if (rule.Json == "outputFormat")
            {
                request.Cost.OutputFormat = canonical;
                request.Details.Add(canonical);
            }
            else request.Details.Add($"{rule.Json} {canonical}");
        }

        private static void ApplyNumber(GenerationRequest request, FieldRule rule, object value)
        {
            ModelInfo model = request.Model;
            if (rule.Kind == FieldKind.NumberOrAuto && value is string word && string.Equals(word.Trim(), "auto", StringComparison.OrdinalIgnoreCase))
            {
                request.Body[rule.Json] = "auto";
                request.Details.Insert(0, rule.Json == "duration" ? "length chosen by the model" : rule.Json + " auto");
                return;
            }
            if (!TryNumber(value, out double number))
                throw Invalid(rule.Key, $"Runway.Invalid{Capitalize(rule.Key)}",
                    $"{rule.Syntax} for {model.Name} must be {rule.Describe()}; '{value}' is not a number.", value);
            bool below = rule.Min.HasValue && (rule.MinExclusive ? number <= rule.Min : number < rule.Min);
            if (below || (rule.Max.HasValue && number > rule.Max) || (rule.Integer && number != Math.Floor(number)))
            {
                string what = rule.Json == "duration" ? $"{model.Name} makes {rule.Describe()} s; {rule.Syntax} {FieldRule.Format(number)} is not possible."
                    : $"{rule.Syntax} for {model.Name} must be {rule.Describe()}; {FieldRule.Format(number)} is out of range.";
                throw Invalid(rule.Key, $"Runway.Invalid{Capitalize(rule.Key)}", what, value);
            }
            request.Body[rule.Json] = rule.Json == "seed" ? JsonValue.Create((long)number) : GenerationRequest.Number(number);
            if (rule.Json == "duration") SetDuration(request, number);
            else if (rule.Json == "seed") request.Details.Add("seed " + (long)number);
            else if (rule.Json == "outputCount")
            {
                request.Cost.OutputCount = (int)number;
                request.Details.Add(number == 1 ? "1 image" : $"{number} images");
            }
            else request.Details.Add($"{rule.Json} {FieldRule.Format(number)}");
        }

        private static void SetDuration(GenerationRequest request, double seconds)
        {
            request.Cost.DurationSeconds = seconds;
            request.Details.Insert(0, GenerationRequest.Seconds(seconds));
        }

        private static bool TryNumber(object value, out double number)
        {
            switch (value)
            {
                case string s:
                    return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
                case bool _:
                case null:
                    number = 0;
                    return false;
                case IConvertible c:
                    try { number = c.ToDouble(CultureInfo.InvariantCulture); return true; }
                    catch (Exception e) when (e is FormatException || e is InvalidCastException) { number = 0; return false; }
                default:
                    number = 0;
                    return false;
            }
        }

        /// <summary>The items of a list value (one item when a single value is given).</summary>
        private static List<object> Items(object value) =>
            value is IEnumerable list && !(value is string) && !(value is IDictionary) ? list.Cast<object>().Where(o => o != null).ToList() : new List<object> { value };

        private static object Unlist(object value, FieldRule rule, ModelInfo model)
        {
            List<object> items = Items(value);
            if (items.Count != 1)
                throw Invalid(rule.Key, "Runway.InvalidValue", $"{model.Name} takes one {rule.Media.ToString().ToLowerInvariant()} in {rule.Syntax}; {items.Count} given.", value);
            return items[0];
        }

        /// <summary>A record's value by key, without regard to case (@{ Uri = ...; Tag = ... }).</summary>
        private static object Field(object record, string key) => RecordKeys.Value(record, key);

        /// <summary>The keys of a media list's record: the media keys (and Source), Tag and Subject (refused by name where the model takes none).</summary>
        private static readonly string[] MediaItemKeys = RecordKeys.MediaKeys.Concat(new[] { "Source", "Tag", "Subject" }).ToArray();
        /// <summary>The keys of an aleph2 keyframe: the media keys, Seconds or At, and the edit window as Start/End or the declarations' Range.</summary>
        private static readonly string[] KeyframeKeys = RecordKeys.MediaKeys.Concat(new[] { "Seconds", "At", "Start", "End", "Range" }).ToArray();
        private static readonly string[] RangeKeys = { "start_seconds", "end_seconds", "Start", "End" };

        private static void ApplyMediaList(GenerationRequest request, FieldRule rule, object value, FieldInput input)
        {
            ModelInfo model = request.Model;
            List<object> items = Items(value);
            string noun = rule.Media.ToString().ToLowerInvariant();
            if (items.Count < Math.Max(rule.MinItems, 1) || (rule.MaxItems > 0 && items.Count > rule.MaxItems))
                throw Invalid(rule.Key, rule.Media == MediaKind.Image ? "Runway.InvalidReferenceCount" : $"Runway.Invalid{Capitalize(rule.Key)}Count",
                    $"{model.Name} takes {rule.Describe()} in {rule.Syntax}; {items.Count} given.", items.Count);
            var list = new JsonArray();
            request.Body[rule.Json] = list;
            var tags = new HashSet<string>(StringComparer.Ordinal);
            int humans = 0, objects = 0;
            double total = 0;
            bool totalKnown = true;
            foreach (object item in items)
            {
                RecordKeys.Check(item, rule.Key, $"a {rule.Syntax} record", MediaItemKeys);
                object source = item is IDictionary ? RecordKeys.FirstValue(item, MediaItemKeys.Take(RecordKeys.MediaKeys.Count + 1)) : item;
                if (source == null)
                    throw Invalid(rule.Key, "Runway.MissingInput", $"Each {rule.Syntax} record needs a Uri (a path, URL or upload).", item);
                IMediaInput media = input.Media(source, rule.Key, rule.Media);
                if (rule.Media == MediaKind.Audio) media = media.AsAudioInput(rule.Key);
                if (media.DurationSeconds.HasValue)
                {
                    double seconds = media.DurationSeconds.Value;
                    total += seconds;
                    if (rule.MinItemSeconds.HasValue && (seconds < rule.MinItemSeconds || seconds > rule.MaxItemSeconds))
                        throw Invalid(rule.Key, "Runway.InvalidDuration",
                            $"{rule.Syntax} '{media.Display}' lasts {FieldRule.Format(Math.Round(seconds, 2))} s; {model.Name} needs each clip {FieldRule.Format(rule.MinItemSeconds.Value)}–{FieldRule.Format(rule.MaxItemSeconds.Value)} s.", media.Display);
                }
                else totalKnown = false;
                if (rule.PlainItems)
                {
                    request.AddMedia(list, media);
                    continue;
                }
                var entry = new JsonObject();
                if (rule.ItemType != null) entry["type"] = rule.ItemType;
                list.Add(entry);
                request.AddMedia(entry, "uri", media);
                string tag = Field(item, "Tag")?.ToString();
                if (!string.IsNullOrWhiteSpace(tag))
                {
                    tag = tag.Trim();
                    if (!rule.Tags)
                        throw Invalid(rule.Key, "Runway.TagNotSupported", $"{model.Name}'s {rule.Syntax} take no Tag.", tag);
                    if (!TagPattern.IsMatch(tag))
                        throw Invalid(rule.Key, "Runway.InvalidTag",
                            $"Reference tag '{tag}' is not valid: 3–16 characters, starting with a letter, then letters, digits or underscores.", tag);
                    if (!tags.Add(tag))
                        throw Invalid(rule.Key, "Runway.DuplicateTag", $"Reference tag '{tag}' is given twice.", tag);
                    entry["tag"] = tag;
                }
                string subject = Field(item, "Subject")?.ToString();
                if (!string.IsNullOrWhiteSpace(subject))
                {
                    if (!rule.Subjects)
                        throw Invalid(rule.Key, "Runway.SubjectNotSupported", $"{model.Name}'s {rule.Syntax} take no Subject.", subject);
                    subject = subject.Trim().ToLowerInvariant();
                    if (subject == "human") humans++;
                    else if (subject == "object") objects++;
                    else throw Invalid(rule.Key, "Runway.InvalidSubject", $"A reference Subject is 'object' or 'human'; '{subject}' is not.", subject);
                    entry["subject"] = subject;
                }
            }
            // "Up to five of those images can pass subject: human ... up to nine ... subject: object" (gemini image models).
            if (humans > 5 || objects > 9)
                throw Invalid(rule.Key, "Runway.InvalidReferenceCount", $"{model.Name} takes at most 5 references with Subject 'human' and 9 with 'object'; {humans} and {objects} given.", items.Count);
            if (rule.MaxTotalSeconds.HasValue && totalKnown && (rule.TotalSecondsExclusive ? total >= rule.MaxTotalSeconds : total > rule.MaxTotalSeconds))
                throw Invalid(rule.Key, "Runway.InvalidDuration",
                    $"{rule.Syntax} lasts {FieldRule.Format(Math.Round(total, 2))} s in total; {model.Name} allows {(rule.TotalSecondsExclusive ? "under" : "at most")} {FieldRule.Format(rule.MaxTotalSeconds.Value)} s.", total);
            if (rule.Json == "referenceImages" || rule.Json == "references") request.Details.Add($"{items.Count} reference{(items.Count == 1 ? "" : "s")}");
            else request.Details.Add($"{items.Count} {rule.Json}");
        }

        private static void CheckTagMentions(GenerationRequest request)
        {
            var tags = new HashSet<string>((request.Body["referenceImages"] as JsonArray ?? new JsonArray()).Select(r => r?["tag"]?.GetValue<string>()).Where(t => t != null), StringComparer.Ordinal);
            string prompt = request.Body["promptText"]?.GetValue<string>() ?? string.Empty;
            string[] unknown = TagMention.Matches(prompt).Cast<Match>().Select(m => m.Groups[1].Value).Where(t => !tags.Contains(t)).Distinct().ToArray();
            if (unknown.Length > 0)
                throw Invalid("Prompt", "Runway.UnknownTag",
                    $"The prompt mentions {string.Join(", ", unknown.Select(t => "@" + t))}, but no reference image has that tag" +
                    (tags.Count > 0 ? $" (tags given: {string.Join(", ", tags)})." : ". Give one with -ReferenceImage @{ Uri = '...'; Tag = '" + unknown[0] + "' }."), prompt);
        }

        private static void ApplyPromptImage(GenerationRequest request, FieldRule rule, object value, FieldInput input)
        {
            ModelInfo model = request.Model;
            List<object> images = Items(value);
            input.Values.TryGetValue("LastFrame", out object lastValue);
            if (images.Count > 1)
            {
                // Several images: reference mode (no positions), where the model has one.
                if (!rule.PositionOptional)
                    throw Invalid("Image", "Runway.InvalidReferenceCount",
                        $"{model.Name} takes one -Image (a first frame){(rule.Positions.Contains("last") ? " and an optional -LastFrame" : string.Empty)}; {images.Count} given. Models that take several images as references: {Names(ModelCatalog.ForEndpoint(request.Endpoint).Where(m => m.FieldsOn(request.Endpoint)?["promptImage"]?.PositionOptional == true))}.", images.Count);
                if (lastValue != null)
                    throw Invalid("LastFrame", "Runway.MixedImageModes", $"{model.Name} takes keyframes (-Image and -LastFrame) or reference images (several -Image), not both.", lastValue);
                var references = new JsonArray();
                request.Body["promptImage"] = references;
                foreach (object image in images)
                {
                    var entry = new JsonObject();
                    references.Add(entry);
                    request.AddMedia(entry, "uri", CheckSides(model, rule, "Image", input.Media(image, "Image", MediaKind.Image)));
                }
                request.Details.Add($"from {images.Count} reference images");
                return;
            }
            IMediaInput first = CheckSides(model, rule, "Image", input.Media(images[0], "Image", MediaKind.Image));
            if (lastValue == null)
            {
                request.AddMedia(request.Body, "promptImage", first);
                request.Details.Add("from " + first.Display);
                return;
            }
            if (!rule.Positions.Contains("last"))
                throw Invalid("LastFrame", "Runway.LastFrameNotSupported",
                    $"{model.Name} takes only a first frame; -LastFrame works with {Names(ModelCatalog.ForEndpoint(request.Endpoint).Where(m => m.FieldsOn(request.Endpoint)?["promptImage"]?.Positions.Contains("last") == true))}.", lastValue);
            IMediaInput last = CheckSides(model, rule, "LastFrame", input.Media(lastValue, "LastFrame", MediaKind.Image));
            var firstEntry = new JsonObject { ["position"] = "first" };
            var lastEntry = new JsonObject { ["position"] = "last" };
            request.Body["promptImage"] = new JsonArray(firstEntry, lastEntry);
            request.AddMedia(firstEntry, "uri", first);
            request.AddMedia(lastEntry, "uri", last);
            request.Details.Add($"from {first.Display} to {last.Display}");
        }

        /// <summary>An image smaller than the model's stated minimum side (when its size can be read here) is refused before sending.</summary>
        private static IMediaInput CheckSides(ModelInfo model, FieldRule rule, string parameter, IMediaInput image)
        {
            if (rule.MinSidePixels is int min && image.PixelSize is (int width, int height) && (width < min || height < min))
                throw Invalid(parameter, "Runway.ImageTooSmall",
                    $"{image.Display} is {width}×{height} px; {model.Name} needs each image to be at least {min} px on both sides.", image.Display);
            return image;
        }

        private static void ApplyKeyframes(GenerationRequest request, FieldRule rule, object value, FieldInput input)
        {
            ModelInfo model = request.Model;
            List<object> items = Items(value);
            KeyframeRules.CheckCount(items.Count, rule.MaxItems, rule.Key, model.Name);
            // The source video's length when it is a local file (videoUri comes before keyframes in the model's fields).
            double? clip = request.Media.Select(m => m.Source).FirstOrDefault(m => m != null && m.MediaKind == MediaKind.Video)?.DurationSeconds;
            var list = new JsonArray();
            request.Body["keyframes"] = list;
            int withRange = 0;
            foreach (object item in items)
            {
                if (!(item is IDictionary))
                    throw Invalid(rule.Key, "Runway.InvalidKeyframe", "Each -Keyframe is a record: @{ Uri = 'frame.png'; Seconds = 2 } or @{ Uri = ...; At = 0.5 }, optionally with Start and End (whole seconds).", item);
                RecordKeys.Check(item, rule.Key, "a keyframe", KeyframeKeys);
                object uri = RecordKeys.FirstValue(item, RecordKeys.MediaKeys);
                if (uri == null) throw Invalid(rule.Key, "Runway.InvalidKeyframe", "A -Keyframe needs a Uri (a path, URL or upload).", item);
                object secondsValue = Field(item, "Seconds"), atValue = Field(item, "At");
                if ((secondsValue == null) == (atValue == null))
                    throw Invalid(rule.Key, "Runway.InvalidKeyframe", "A -Keyframe gives either Seconds (from the start) or At (a fraction 0–1 of the video), exactly one.", item);
                var entry = new JsonObject();
                list.Add(entry);
                request.AddMedia(entry, "uri", input.Media(uri, rule.Key, MediaKind.Image));
                double position;
                if (secondsValue != null)
                {
                    if (!TryNumber(secondsValue, out position))
                        throw Invalid(rule.Key, "Runway.InvalidKeyframe", $"A -Keyframe's Seconds must be a number of seconds, 0 or more; '{secondsValue}' is not.", secondsValue);
                    KeyframeRules.CheckPosition(position, null, clip, rule.Key);
                    entry["seconds"] = GenerationRequest.Number(position);
                }
                else
                {
                    if (!TryNumber(atValue, out position))
                        throw Invalid(rule.Key, "Runway.InvalidKeyframe", $"A -Keyframe's At is a fraction of the video, 0–1; '{atValue}' is not.", atValue);
                    KeyframeRules.CheckPosition(null, position, clip, rule.Key);
                    entry["at"] = GenerationRequest.Number(position);
                }
                object range = Field(item, "Range");
                RecordKeys.Check(range, rule.Key, "a keyframe's Range", RangeKeys);
                object start = Field(item, "Start") ?? Field(range, "start_seconds") ?? Field(range, "Start");
                object end = Field(item, "End") ?? Field(range, "end_seconds") ?? Field(range, "End");
                if (range != null && !(range is IDictionary))
                    throw Invalid(rule.Key, "Runway.InvalidKeyframe", "A -Keyframe's Range is a record: @{ start_seconds = 0; end_seconds = 3 } (or give Start and End on the keyframe).", range);
                if (start != null || end != null)
                {
                    withRange++;
                    if (!TryNumber(start, out double s) || !TryNumber(end, out double e))
                        throw Invalid(rule.Key, "Runway.InvalidKeyframe", "A -Keyframe's edit window needs Start and End in whole seconds, Start < End.", item);
                    KeyframeRules.CheckWindow(s, e, secondsValue != null ? position : (double?)null, clip, rule.Key, item);
                    entry["range"] = new JsonObject { ["start_seconds"] = (int)s, ["end_seconds"] = (int)e };
                }
            }
            KeyframeRules.CheckAllOrNone(withRange, items.Count, rule.Key, value);
            request.Details.Add($"{items.Count} keyframe{(items.Count == 1 ? "" : "s")}");
        }

        /// <summary>Rules the declarations state across fields.</summary>
        private static void CheckCombinations(GenerationRequest request, ModelEndpointFields fields, FieldInput input)
        {
            ModelInfo model = request.Model;
            JsonObject body = request.Body;
            if (fields.Fields.Any(f => f.Tags)) CheckTagMentions(request);
            string format = body["outputFormat"]?.GetValue<string>();
            string profile = body["proresProfile"]?.GetValue<string>();
            if (profile != null)
            {
                string[] formats = fields["outputFormat"].Values.Where(v => v == "prores" || v == "hdr_prores").ToArray();
                if (!formats.Contains(format))
                    throw Invalid("ProResProfile", "Runway.ProResProfileWithoutProRes", $"{model.Name} takes -ProResProfile only with -OutputFormat {string.Join(" or ", formats)}.", profile);
                if (format == "hdr_prores" && !new[] { "422", "422 HQ", "4444" }.Contains(profile))
                    throw Invalid("ProResProfile", "Runway.InvalidProResProfile", $"With -OutputFormat hdr_prores, {model.Name} takes -ProResProfile 422, 422 HQ or 4444; '{profile}' is not.", profile);
            }
            string mode = body["mode"]?.GetValue<string>();
            if ((mode == "extend" || mode == "edit") && model.Name == "seedance2_5")
            {
                if (body["promptText"] == null)
                    throw Invalid("Prompt", "Runway.MissingPrompt", $"{model.Name} mode '{mode}' needs -Prompt.", null);
                if (body["ratio"] != null)
                    throw Invalid("Ratio", "Runway.RatioNotSupported", $"{model.Name} mode '{mode}' follows the input's aspect ratio: leave -Ratio out.", body["ratio"].ToString());
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
            foreach (KeyValuePair<string, object> pair in input.Values.Concat(input.Options))
            {
                string json = input.Options.ContainsKey(pair.Key) && !input.Values.ContainsKey(pair.Key) ? pair.Key
                    : PassThroughNames.TryGetValue(pair.Key, out string mapped) ? mapped : char.ToLowerInvariant(pair.Key[0]) + pair.Key.Substring(1);
                if (pair.Key.Equals("LastFrame", StringComparison.OrdinalIgnoreCase)) continue;
                if (request.Endpoint == Endpoints.SpeechToSpeech && pair.Value is IMediaInput speech && (pair.Key.Equals("Audio", StringComparison.OrdinalIgnoreCase) || pair.Key.Equals("Video", StringComparison.OrdinalIgnoreCase)))
                {
                    // Speech to speech's one media field, whatever the model: { type, uri } as the declarations give it.
                    var mediaObject = new JsonObject { ["type"] = (speech.MediaKind ?? input.DeclaredMediaKind) == MediaKind.Video ? "video" : "audio" };
                    request.Body["media"] = mediaObject;
                    request.AddMedia(mediaObject, "uri", speech);
                    continue;
                }
                if (pair.Key.Equals("Image", StringComparison.OrdinalIgnoreCase) && input.Values.TryGetValue("LastFrame", out object last))
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

        private static JsonNode ToJson(object value)
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
