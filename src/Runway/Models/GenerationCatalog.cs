using System;
using System.Collections.Generic;
using System.Linq;

namespace Runway.Models
{
    /// <summary>
    /// The generation family's models (video, image, audio): the SDK's, each a line of <c>GenerationCatalog.SdkModels</c>,
    /// listed before the models of the family's endpoints (their rows, and a model only one endpoint serves, are in
    /// Descriptors/&lt;Name&gt;Endpoint.cs, at Order 101–110).
    /// </summary>
    internal sealed class GenerationSection : CatalogSection
    {
        public override int Order => 100;
        public override IEnumerable<EndpointInfo> EndpointRows => Array.Empty<EndpointInfo>();
        public override IEnumerable<ModelInfo> Models => GenerationCatalog.Models;
    }

    /// <summary>The generation family's model table: the SDK's models, their summaries, prices and the module's defaults, their rules read from the declarations.</summary>
    internal static class GenerationCatalog
    {
        /// <summary>Models the API no longer serves, and their successors (the SDK 4.20.1 create unions lack them).</summary>
        public static readonly System.Collections.Generic.Dictionary<string, string> Retired =
            new System.Collections.Generic.Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase)
            {
                ["gen4_aleph"] = "aleph2",
                ["veo3"] = "veo3.1",
            };

        /// <summary>gen4.5's per-second surcharges by outputFormat, as its declaration states them (its outputs stay under 4 megapixels).</summary>
        private static readonly System.Collections.Generic.Dictionary<string, decimal> Gen45Surcharges = new System.Collections.Generic.Dictionary<string, decimal>
        {
            ["prores"] = 5, ["png_sequence"] = 5, ["hdr10"] = 20, ["hlg"] = 20, ["sdr_rec709_10bit"] = 20, ["hdr_pq_12bit_master"] = 20,
            ["hdr_prores"] = 20, ["hdr_png_sequence"] = 20, ["hdr_exr_sequence"] = 20, ["hdr_exr_acescg_sequence_1_3"] = 20, ["hdr_exr_acescg_sequence_2_0"] = 20,
        };

        /// <summary>
        /// The SDK's models: name, summary, price and the module's own defaults. Their endpoints and fields come from
        /// <see cref="GenerationFields"/> (the declarations); <see cref="FromFields"/> fills the rest of ModelInfo.
        /// </summary>
        private static readonly ModelInfo[] SdkModels =
        {
            Video("gen4.5", "Runway's newest video model, from text or an image; ProRes, PNG/EXR sequences and HDR outputs.",
                new PerSecondPrice(12) { FormatSurcharges = Gen45Surcharges }, defaultDuration: 5),
            Video("gen4_turbo", "Fast image to video, general purpose.", new PerSecondPrice(5), defaultDuration: 10,
                duration: new DurationRule(2, 10, true, 10)),
            Video("veo3.1", "Highest quality cinematic video, optional audio, first and last frames.", new PerSecondPrice(40, 20), defaultDuration: 8),
            Video("veo3.1_fast", "Fast cinematic video, optional audio, first and last frames.", new PerSecondPrice(15, 10), defaultDuration: 8),
            Video("hailuo3", "MiniMax Hailuo 3: keyframes or references, audio references, 768p or 2k.", new UnknownPrice()),
            Video("happyhorse_1_0", "HappyHorse 1.0: long prompts, 720p or 1080p.", new UnknownPrice()),
            Video("seedance2", "Seedance 2.0: keyframes or references, audio, up to 4K ratios.", new UnknownPrice()),
            Video("seedance2_fast", "Seedance 2.0 Fast: 480p and 720p.", new UnknownPrice()),
            Video("seedance2_mini", "Seedance 2.0 Mini: 480p and 720p.", new UnknownPrice()),
            Video("gemini_omni_flash", "Gemini Omni Flash: first frame, text, or video edits.", new UnknownPrice()),
            Video("seedance2_5", "Seedance 2.5: 15,000-character prompts, many references, extend and edit.", new UnknownPrice()),
            Video("grok_imagine_1_5", "Grok Imagine 1.5: image references addressed as [Image 1], 480p–1080p.", new UnknownPrice()),
            Video("wan3", "Wan 3: keyframes or references, audio, audio and video references.", new UnknownPrice()),
            Video("gemini_omni_flash_1.1", "Gemini Omni Flash 1.1: first and last frames, up to 4K, extend and edit.", new UnknownPrice()),
            Video("wan3_prime", "Wan 3 Prime: as wan3, higher quality.", new UnknownPrice()),
            Video("h3_max", "MiniMax H3 Max: first and last frames, prompt expansion, 480p or 768p.", new UnknownPrice()),
            Video("aleph2", "Aleph 2: edit a video with text, timed keyframes, outpainting; ProRes and PNG outputs.", new UnknownPrice()),
            Image("gen4_image_turbo", "Fast, low cost images; needs at least one reference image.", new PerImagePrice(2), "1920:1080"),
            Image("gen4_image", "High quality images with up to three tagged references.", new PerImagePrice(5, 8), "1920:1080"),
            Image("gpt_image_2", "GPT Image 2: 32,000-character prompts, transparent backgrounds, up to 16 references, 1–10 images.", new UnknownPrice()),
            Image("gemini_image3.1_flash", "Gemini Image 3.1 Flash: up to 14 references (human or object subjects), 1 or 4 images.", new UnknownPrice()),
            Image("muse_image", "Muse Image: edits and combines up to 10 references; webp, png or jpeg.", new PerImagePrice(1)),
            Image("seedream5_pro", "Seedream 5 Pro: multi-image fusion, optional web grounding; png or jpeg.", new UnknownPrice()),
            Image("seedream5_lite", "Seedream 5 Lite: as pro, with freeform sizes.", new UnknownPrice()),
            Image("grok_imagine_image_2", "Grok Imagine Image 2: up to 3 references, direct edits, 1k and 2k.", new UnknownPrice()),
            Image("gemini_image3_pro", "Gemini Image 3 Pro: up to 14 references, up to 6336 px.", new UnknownPrice()),
            Image("gpt_image_2_5_flare", "GPT Image 2.5 Flare: qualities up to max, up to 16 references.", new UnknownPrice()),
            Image("gpt_image_2_5_sunburst", "GPT Image 2.5 Sunburst: as flare, with transparent backgrounds.", new UnknownPrice()),
            Image("gemini_2.5_flash", "Alternative image style, up to three references.", new PerImagePrice(5), "1344:768"),
            Audio("seed_audio", "Seed Audio: speech or a described scene, reference voices and clips; wav, mp3 or ogg.", new UnknownPrice()),
            Audio("eleven_multilingual_v2", "Text to speech with Runway preset voices.", new PerCharactersPrice(50)),
            Audio("eleven_v3", "ElevenLabs v3: expressive speech with audio tags, language, speed, stability and style.", new UnknownPrice()),
            Audio("eleven_multilingual_sts_v2", "Speech to speech: re-voice an audio or video file.", new PerAudioSecondsPrice(3, 30)),
            Audio("eleven_text_to_sound_v2", "Sound effects from a description.", new PerAudioSecondsPrice(1, 5), defaultDuration: 5),
        };

        /// <summary>Limits the old reference states where the declarations are silent (the simulator keeps them too).</summary>
        private static void ApplyReferenceLimits(string model, string endpoint, FieldRule rule)
        {
            if (rule.Json == "promptText" && rule.MaxLength == null && (model == "gemini_2.5_flash" || model == "gen4_image_turbo" || model == "gen4_image"))
                rule.MaxLength = 1000;
            if (rule.Json == "promptText" && rule.MaxLength == null && model == "eleven_text_to_sound_v2")
                rule.MaxLength = 3000;
            if (rule.Json == "duration" && model == "gen4_turbo" && rule.Max == null)
            {
                rule.Min = 2;
                rule.Max = 10;
                rule.MinExclusive = false;
                rule.Integer = true;
            }
        }

        /// <summary>The SDK's models, their fields read from the declarations.</summary>
        public static readonly ModelInfo[] Models = SdkModels.Select(FromFields).ToArray();

        private static ModelInfo Video(string name, string summary, PriceRule price, double? defaultDuration = null, DurationRule? duration = null) =>
            new ModelInfo { Name = name, Output = MediaKind.Video, Summary = summary, Price = price, Duration = duration, DefaultDurationSeconds = defaultDuration };

        private static ModelInfo Image(string name, string summary, PriceRule price, string? defaultRatio = null) =>
            new ModelInfo { Name = name, Output = MediaKind.Image, Summary = summary, Price = price, DefaultRatio = defaultRatio };

        private static ModelInfo Audio(string name, string summary, PriceRule price, double? defaultDuration = null) =>
            new ModelInfo { Name = name, Output = MediaKind.Audio, Summary = summary, Price = price, DefaultDurationSeconds = defaultDuration };

        /// <summary>Fills a model's endpoints, fields and summary members from its rows in <see cref="GenerationFields"/>.</summary>
        private static ModelInfo FromFields(ModelInfo model)
        {
            var rows = GenerationFields.Rows.Where(r => r.Model == model.Name).ToArray();
            foreach (var row in rows)
                foreach (FieldRule rule in row.Fields) ApplyReferenceLimits(model.Name, row.Endpoint, rule);
            model.Fields = rows.Select(r => new ModelEndpointFields(r.Endpoint, r.Fields)).ToArray();
            model.Endpoints = rows.Select(r => r.Endpoint).ToArray();
            FieldRule[] all = rows.SelectMany(r => r.Fields).ToArray();
            FieldRule[] ratios = all.Where(f => f.Json == "ratio" && f.Kind == FieldKind.Choice).ToArray();
            model.Ratios = ratios.SelectMany(f => f.Values.Except(f.Deprecated)).Distinct().ToArray();
            model.RatioRequired = ratios.Any(f => f.Required);
            if (model.DefaultRatio == null && model.Ratios.Length > 0)
                model.DefaultRatio = model.Ratios.Contains("auto") ? "auto" : model.Ratios[0];
            model.PromptRequiredOn = rows.Where(r => r.Fields.Any(f => f.Json == "promptText" && f.Required)).Select(r => r.Endpoint).ToArray();
            model.TakesPrompt = all.Any(f => f.Json == "promptText");
            model.PromptMaxLength = all.Where(f => f.Json == "promptText").Select(f => f.MaxLength ?? int.MaxValue).DefaultIfEmpty(int.MaxValue).Max();
            model.SupportsSeed = all.Any(f => f.Json == "seed");
            model.SupportsAudioFlag = all.Any(f => f.Json == "audio");
            model.SupportsLastFrame = all.Any(f => f.Kind == FieldKind.PromptImage && f.Positions.Contains("last"));
            model.SupportsContentModeration = all.Any(f => f.Kind == FieldKind.ContentModeration);
            FieldRule? references = all.FirstOrDefault(f => f.Json == "referenceImages" || f.Json == "references");
            model.MinReferences = references?.MinItems ?? 0;
            model.MaxReferences = references == null ? 0 : references.MaxItems > 0 ? references.MaxItems : int.MaxValue;
            if (model.Duration == null) model.Duration = DurationOf(all.FirstOrDefault(f => f.Json == "duration"), model.DefaultDurationSeconds);
            return model;
        }

        /// <summary>The duration rule a field states: its values, or its range (null when the declarations state none).</summary>
        private static DurationRule? DurationOf(FieldRule? rule, double? preferred)
        {
            if (rule == null) return null;
            if (rule.Kind == FieldKind.Choice)
            {
                double[] values = rule.Values.Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                return new DurationRule(values.Min(), values.Max(), true, preferred ?? values.Max(), values);
            }
            if (rule.Min.HasValue && rule.Max.HasValue && !rule.MinExclusive)
                return new DurationRule(rule.Min.Value, rule.Max.Value, rule.Integer, preferred ?? rule.Min.Value);
            return null;
        }
    }
}
