using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Runway.Models
{
    /// <summary>The field table's media: media lists with tags and subjects, prompt images, aleph2's keyframes.</summary>
    public static partial class RequestBuilder
    {
        private static readonly Regex TagPattern = new Regex("^[A-Za-z][A-Za-z0-9_]{2,15}$");
        private static readonly Regex TagMention = new Regex(@"(?<![A-Za-z0-9_.])@([A-Za-z][A-Za-z0-9_]*)");
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
                object? source = item is IDictionary ? RecordKeys.FirstValue(item, MediaItemKeys.Take(RecordKeys.MediaKeys.Count + 1)) : item;
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
                            $"{rule.Syntax} '{media.Display}' lasts {FieldRule.Format(Math.Round(seconds, 2))} s; {model.Name} needs each clip {FieldRule.Format(rule.MinItemSeconds.Value)}–{FieldRule.Format(rule.MaxItemSeconds!.Value)} s.", media.Display);
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
                string? tag = Field(item, "Tag")?.ToString();
                if (!Api.Strings.IsBlank(tag))
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
                string? subject = Field(item, "Subject")?.ToString();
                if (!Api.Strings.IsBlank(subject))
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
            var tags = new HashSet<string>((request.Body["referenceImages"] as JsonArray ?? new JsonArray()).Select(r => r?["tag"]?.GetValue<string>()).OfType<string>(), StringComparer.Ordinal);
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
            input.Values.TryGetValue("LastFrame", out object? lastValue);
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
                object? uri = RecordKeys.FirstValue(item, RecordKeys.MediaKeys);
                if (uri == null) throw Invalid(rule.Key, "Runway.InvalidKeyframe", "A -Keyframe needs a Uri (a path, URL or upload).", item);
                object? secondsValue = Field(item, "Seconds"), atValue = Field(item, "At");
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
                object? range = Field(item, "Range");
                RecordKeys.Check(range, rule.Key, "a keyframe's Range", RangeKeys);
                object? start = Field(item, "Start") ?? Field(range, "start_seconds") ?? Field(range, "Start");
                object? end = Field(item, "End") ?? Field(range, "end_seconds") ?? Field(range, "End");
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
    }
}
