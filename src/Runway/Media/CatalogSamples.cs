using System;
using System.Collections.Generic;
using System.Linq;
using Runway.Models;

namespace Runway.Media
{
    /// <summary>
    /// The fullest valid request of each model on each endpoint, built through the same validation as the cmdlets
    /// (every field the catalog lists gets a value). The conformance suite type-checks these bodies against the
    /// SDK's declarations, and the Pester suites send them to the simulator.
    /// </summary>
    public static class CatalogSamples
    {
        private static readonly Dictionary<MediaKind, string> Urls = new Dictionary<MediaKind, string>
        {
            [MediaKind.Image] = "https://example.com/sample.png",
            [MediaKind.Video] = "https://example.com/sample.mp4",
            [MediaKind.Audio] = "https://example.com/sample.wav",
        };

        /// <summary>Every (model, endpoint) pair whose fields the catalog holds.</summary>
        public static IEnumerable<(ModelInfo Model, string Endpoint)> Pairs() =>
            ModelCatalog.Models.SelectMany(m => m.Fields.Select(f => (m, f.Endpoint)));

        public static GenerationRequest Fullest(string model, string endpoint) => Build(model, endpoint, true);

        /// <summary>The smallest valid request: required fields only (and the module's defaults).</summary>
        public static GenerationRequest Minimal(string model, string endpoint) => Build(model, endpoint, false);

        private static GenerationRequest Build(string model, string endpoint, bool fullest)
        {
            ModelInfo info = ModelCatalog.Find(model) ?? throw new ArgumentException("Unknown model " + model, nameof(model));
            ModelEndpointFields fields = info.FieldsOn(endpoint) ?? throw new ArgumentException($"{model} does not do {endpoint}", nameof(endpoint));
            var input = new FieldInput((value, parameter, kind) => MediaSource.From(value, parameter, p => p, kind == MediaKind.Audio ? new[] { MediaKind.Audio, MediaKind.Video } : new[] { kind }));
            bool lastFrame = fullest && fields["promptImage"]?.Positions.Contains("last") == true;
            foreach (FieldRule rule in fields.Fields.Where(f => fullest || f.Required))
            {
                object value = Sample(info, rule, fields, lastFrame);
                if (rule.Parameter != null) input.Values[rule.Parameter] = value;
                else input.Options[rule.Json] = value;
            }
            if (lastFrame) input.Values["LastFrame"] = Urls[MediaKind.Image];
            return RequestBuilder.Build(endpoint, info.Name, input);
        }

        private static object Sample(ModelInfo model, FieldRule rule, ModelEndpointFields fields, bool lastFrame)
        {
            switch (rule.Kind)
            {
                case FieldKind.Text:
                    return rule.Json == "languageCode" ? "en" : rule.Json == "negativePrompt" ? "blur" : "a lighthouse at dusk";
                case FieldKind.Choice:
                    string[] values = rule.Values.Except(rule.Deprecated).ToArray();
                    if (rule.Json == "outputFormat" && fields["proresProfile"] != null) return "prores";
                    if (rule.Json == "ratio" && lastFrame && values.Any(v => v.StartsWith("auto_", StringComparison.Ordinal)))
                        return values.First(v => v.StartsWith("auto_", StringComparison.Ordinal));
                    if (rule.Json == "ratio") return values.FirstOrDefault(v => v != "adaptive" && !v.StartsWith("auto", StringComparison.Ordinal)) ?? values[0];
                    return values[0];
                case FieldKind.Number:
                case FieldKind.NumberOrAuto:
                    if (rule.Json == "seed") return 42L;
                    if (rule.Json == "duration") return rule.Min.HasValue && rule.Max.HasValue ? Math.Max(rule.Min.Value, Math.Min(5, rule.Max.Value)) : 5.0;
                    if (rule.Min.HasValue && rule.Max.HasValue) return rule.Integer ? rule.Min.Value : (rule.Min.Value + rule.Max.Value) / 2;
                    return rule.Json == "outputCount" ? 1.0 : 0.0;
                case FieldKind.Boolean:
                    return true;
                case FieldKind.ContentModeration:
                    return "low";
                case FieldKind.Media:
                case FieldKind.PromptImage:
                    return Urls[rule.Kind == FieldKind.PromptImage ? MediaKind.Image : rule.Media];
                case FieldKind.MediaList:
                    var item = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase) { ["Uri"] = Urls[rule.Media] };
                    if (rule.Tags) item["Tag"] = "ref_one";
                    if (rule.Subjects) item["Subject"] = "object";
                    return Enumerable.Repeat((object)item, Math.Max(1, rule.MinItems)).Select(i => (object)new Dictionary<string, object>((Dictionary<string, object>)i, StringComparer.OrdinalIgnoreCase)).ToList();
                case FieldKind.Keyframes:
                    return new List<object> { new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase) { ["Uri"] = Urls[MediaKind.Image], ["Seconds"] = 1 } };
                case FieldKind.Voice:
                    return rule.ItemType == "reference-audio" ? Urls[MediaKind.Audio] : "Maya";
                case FieldKind.SpeechMedia:
                    return MediaSource.From(Urls[MediaKind.Audio], "Audio", p => p, MediaKind.Audio, MediaKind.Video);
                default:
                    throw new InvalidOperationException("No sample for " + rule.Kind);
            }
        }
    }
}
