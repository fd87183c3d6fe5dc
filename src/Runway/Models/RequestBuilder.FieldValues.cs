using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Runway.Models
{
    /// <summary>The field table's values: choices, numbers, durations and the lists and records they come in.</summary>
    public static partial class RequestBuilder
    {
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

        private static bool TryNumber(object? value, out double number)
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
        private static object? Field(object? record, string key) => RecordKeys.Value(record, key);
    }
}
