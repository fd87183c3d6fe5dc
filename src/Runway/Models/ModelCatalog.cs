using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Runway.Models
{
    /// <summary>
    /// The API endpoints that create tasks, by their path below /v1/: each constant sits in its endpoint's descriptor
    /// (Descriptors/&lt;Name&gt;Endpoint.cs), next to its rows and models.
    /// </summary>
    public static partial class Endpoints
    {
    }

    public enum MediaKind { Image, Video, Audio }

    /// <summary>Which durations a model accepts: a list of values, or a range (whole seconds or not).</summary>
    public sealed class DurationRule
    {
        public DurationRule(double min, double max, bool wholeSeconds, double defaultSeconds, params double[] allowed)
        {
            Min = min;
            Max = max;
            WholeSeconds = wholeSeconds;
            Default = defaultSeconds;
            Allowed = allowed ?? Array.Empty<double>();
        }

        public double Min { get; }
        public double Max { get; }
        public bool WholeSeconds { get; }
        public double Default { get; }
        public double[] Allowed { get; }

        public bool Accepts(double seconds)
        {
            if (Allowed.Length > 0) return Allowed.Contains(seconds);
            if (seconds < Min || seconds > Max) return false;
            return !WholeSeconds || Math.Abs(seconds - Math.Round(seconds)) < 1e-9;
        }

        /// <summary>The values offered by tab completion.</summary>
        public IEnumerable<double> Suggestions()
        {
            if (Allowed.Length > 0) return Allowed;
            if (WholeSeconds) return Enumerable.Range((int)Math.Ceiling(Min), (int)Math.Floor(Max) - (int)Math.Ceiling(Min) + 1).Select(i => (double)i);
            return new[] { Min, 1, 2, 5, 10, 15, 20, 30 }.Where(v => v >= Min && v <= Max).Distinct();
        }

        public string Describe()
        {
            if (Allowed.Length > 0) return string.Join(", ", Allowed.Select(Format)) + " s";
            return $"{Format(Min)}–{Format(Max)} s" + (WholeSeconds ? " (whole seconds)" : string.Empty);
        }

        internal static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
    }

    /// <summary>What a price depends on, filled from the request.</summary>
    public sealed class CostQuery
    {
        public double? DurationSeconds { get; set; }
        public bool Audio { get; set; } = true;
        public string? Ratio { get; set; }
        public int TextLength { get; set; }
        /// <summary>Length of the input media when the price follows it (dubbing, isolation, speech to speech) and it could be read.</summary>
        public double? InputSeconds { get; set; }
        /// <summary>The outputFormat sent, when the price depends on it (gen4.5's per-second surcharges).</summary>
        public string? OutputFormat { get; set; }
        /// <summary>outputCount, when sent (images priced per image).</summary>
        public int? OutputCount { get; set; }
        /// <summary>Pixels of the input media's frame, when the price follows them (video to HDR) and they could be read.</summary>
        public long? InputPixels { get; set; }
    }

    /// <summary>How a model is priced, in credits (1 credit = $0.01).</summary>
    public abstract class PriceRule
    {
        public abstract decimal Estimate(ModelInfo model, CostQuery query);
        public abstract string Describe();
        /// <summary>True when the estimate is an upper bound or a guess because the input's length is unknown here.</summary>
        public virtual bool IsApproximate(ModelInfo model, CostQuery query) => false;
        /// <summary>False when nothing can be estimated for this request (the price is unpublished, or follows an input length that cannot be read here).</summary>
        public virtual bool Knows(CostQuery query) => true;
    }

    /// <summary>
    /// A model whose price Runway does not publish: the module never makes one up. Estimates are 0 and say "price
    /// unknown"; under a spending cap such a task is refused unless the user allows unknown prices
    /// (the spending guard's AllowUnknownPrice); after the create, the API's own estimatedCost and cost are what counts.
    /// </summary>
    public sealed class UnknownPrice : PriceRule
    {
        public override decimal Estimate(ModelInfo model, CostQuery query) => 0;
        public override string Describe() => "price unknown";
        public override bool Knows(CostQuery query) => false;
    }

    public sealed class PerSecondPrice : PriceRule
    {
        public PerSecondPrice(decimal credits, decimal? creditsWithoutAudio = null)
        {
            Credits = credits;
            CreditsWithoutAudio = creditsWithoutAudio;
        }

        public decimal Credits { get; }
        public decimal? CreditsWithoutAudio { get; }
        /// <summary>Extra credits per second by outputFormat (the declarations state them for gen4.5 and aleph2).</summary>
        public IReadOnlyDictionary<string, decimal> FormatSurcharges { get; set; } = new Dictionary<string, decimal>();

        public override decimal Estimate(ModelInfo model, CostQuery query)
        {
            double seconds = query.DurationSeconds ?? query.InputSeconds ?? model.Duration?.Default ?? 0;
            decimal rate = !query.Audio && CreditsWithoutAudio.HasValue ? CreditsWithoutAudio.Value : Credits;
            if (query.OutputFormat != null && FormatSurcharges.TryGetValue(query.OutputFormat, out decimal extra)) rate += extra;
            return rate * (decimal)Math.Ceiling(seconds);
        }

        public override bool IsApproximate(ModelInfo model, CostQuery query) =>
            query.DurationSeconds == null && model.DurationFromInput && query.InputSeconds == null;

        public override string Describe() =>
            (CreditsWithoutAudio.HasValue
                ? $"{Credits} credits/s with audio, {CreditsWithoutAudio} without"
                : $"{Credits} credits/s")
            + (FormatSurcharges.Count > 0 ? " (+" + string.Join(", +", FormatSurcharges.GroupBy(p => p.Value).Select(g => $"{g.Key}/s for {string.Join(", ", g.Select(p => p.Key))}")) + ")" : string.Empty);
    }

    public sealed class PerImagePrice : PriceRule
    {
        public PerImagePrice(decimal credits, decimal? largeCredits = null)
        {
            Credits = credits;
            LargeCredits = largeCredits;
        }

        /// <summary>An image whose shorter side is at most this is priced as 720p (1680:720 is 720p; 1024:1024 is 1080p class).</summary>
        public const int SmallImageShortSide = 720;
        public decimal Credits { get; }
        public decimal? LargeCredits { get; }

        public override decimal Estimate(ModelInfo model, CostQuery query)
        {
            decimal each = LargeCredits.HasValue && ModelCatalog.TryParseRatio(query.Ratio, out int w, out int h) && Math.Min(w, h) > SmallImageShortSide
                ? LargeCredits.Value : Credits;
            return each * (query.OutputCount ?? 1);
        }

        public override string Describe() =>
            LargeCredits.HasValue ? $"{Credits} credits per 720p image, {LargeCredits} per 1080p image" : (Credits == 1 ? "1 credit per image" : $"{Credits} credits per image");
    }

    /// <summary>One credit per started block of characters (text to speech).</summary>
    public sealed class PerCharactersPrice : PriceRule
    {
        public PerCharactersPrice(int characters) { Characters = characters; }
        public int Characters { get; }

        public override decimal Estimate(ModelInfo model, CostQuery query) =>
            Math.Max(1, (query.TextLength + Characters - 1) / Characters);

        public override string Describe() => $"1 credit per {Characters} characters";
    }

    /// <summary>One credit per started block of seconds of audio (requested, or of the input).</summary>
    public sealed class PerAudioSecondsPrice : PriceRule
    {
        public PerAudioSecondsPrice(double seconds, double assumedSeconds)
        {
            Seconds = seconds;
            AssumedSeconds = assumedSeconds;
        }

        public double Seconds { get; }
        /// <summary>Length assumed when it is neither requested nor readable from the input.</summary>
        public double AssumedSeconds { get; }

        public override decimal Estimate(ModelInfo model, CostQuery query)
        {
            double length = query.DurationSeconds ?? query.InputSeconds ?? AssumedSeconds;
            return Math.Max(1, (decimal)Math.Ceiling(Math.Round(length / Seconds, 6)));
        }

        public override bool IsApproximate(ModelInfo model, CostQuery query) =>
            query.DurationSeconds == null && query.InputSeconds == null;

        public override string Describe() =>
            Seconds == 1 ? "1 credit per second of audio" : $"1 credit per {DurationRule.Format(Seconds)} s of audio";
    }

    /// <summary>A task endpoint: its path below /v1/, the cmdlet that reaches it, and its default model.</summary>
    public sealed class EndpointInfo
    {
        public EndpointInfo(string name, string cmdlet, string defaultModel, params string[] selectedBy)
        {
            Name = name;
            Cmdlet = cmdlet;
            DefaultModel = defaultModel;
            SelectedBy = selectedBy ?? Array.Empty<string>();
        }

        public string Name { get; }
        public string Cmdlet { get; }
        public string DefaultModel { get; }
        /// <summary>Parameters that choose this endpoint on a cmdlet that reaches several.</summary>
        public string[] SelectedBy { get; }
        public string Words => RecipeCatalog.RecipeOf(Name) is string recipe ? "the " + recipe + " recipe" : Name.Replace('_', ' ');
        public override string ToString() => Name;
    }

    /// <summary>Everything the module knows about one model: where it is served, what it accepts, what it costs.</summary>
    public sealed class ModelInfo
    {
        // Name, Summary and Price: every catalog entry (and each stand-in model) sets them in its initializer.
        public string Name { get; set; } = null!;
        public MediaKind Output { get; set; }
        public string Summary { get; set; } = null!;
        public string[] Endpoints { get; set; } = Array.Empty<string>();
        public string[] Ratios { get; set; } = Array.Empty<string>();
        public bool RatioRequired { get; set; }
        /// <summary>Sent when -Ratio is not given and the API requires one.</summary>
        public string? DefaultRatio { get; set; }
        public DurationRule? Duration { get; set; }
        /// <summary>The module's default length when the user gives none (sent explicitly, so the charge is what -WhatIf showed).</summary>
        public double? DefaultDurationSeconds { get; set; }
        /// <summary>The output length follows the input media (aleph, act_two): no duration parameter.</summary>
        public bool DurationFromInput { get; set; }
        /// <summary>False for models that take no text at all (act_two, and audio models that work on media).</summary>
        public bool TakesPrompt { get; set; } = true;
        /// <summary>How long the input media must last, when the API limits it (voice isolation); null when it does not.</summary>
        public DurationRule? InputDuration { get; set; }
        public int PromptMaxLength { get; set; } = 1000;
        /// <summary>Endpoints on which this model requires a prompt.</summary>
        public string[] PromptRequiredOn { get; set; } = Array.Empty<string>();
        public int MinReferences { get; set; }
        public int MaxReferences { get; set; }
        public bool SupportsSeed { get; set; }
        public bool SupportsAudioFlag { get; set; }
        public bool SupportsLastFrame { get; set; }
        public bool SupportsContentModeration { get; set; }
        public PriceRule Price { get; set; } = null!;
        /// <summary>Each endpoint's fields as the SDK declares them (empty for endpoints the SDK types do not cover here).</summary>
        public IReadOnlyList<ModelEndpointFields> Fields { get; set; } = Array.Empty<ModelEndpointFields>();
        /// <summary>A model the catalog does not know, sent on the user's word without local validation.</summary>
        public bool Unvalidated { get; set; }

        /// <summary>The model's fields on an endpoint, or null when the catalog has no field table for it.</summary>
        public ModelEndpointFields? FieldsOn(string endpoint) => Fields.FirstOrDefault(f => f.Endpoint == endpoint);

        /// <summary>False when Runway publishes no price for the model (<see cref="UnknownPrice"/>).</summary>
        public bool PriceKnown => !(Price is UnknownPrice);
        public bool ServesEndpoint(string endpoint) => Endpoints.Contains(endpoint);
        public bool RequiresPrompt(string endpoint) => PromptRequiredOn.Contains(endpoint);
        public override string ToString() => Name;
    }

    /// <summary>
    /// The one table of models. It drives parameter validation, tab completion, cost estimates and the help
    /// text; nothing else in the module lists models, ratios, durations or prices. Lists of one endpoint or family sit
    /// with it (partial): the preset voices in RequestBuilder.Speech.cs, the dubbing languages in Descriptors/VoiceDubbingEndpoint.cs.
    /// </summary>
    public static partial class ModelCatalog
    {
        public const decimal UsdPerCredit = Api.Credits.UsdPerCredit;
        public const long MaxSeed = 4294967295;
        public const int MaxUriLength = 2048;

        /// <summary>The descriptors of every endpoint, in order (each is a class of its own, so its tables are ready when read).</summary>
        public static readonly IReadOnlyList<CatalogSection> Sections = CatalogSection.All();

        /// <summary>Every model, section by section.</summary>
        public static readonly IReadOnlyList<ModelInfo> Models = Sections.SelectMany(s => s.Models).ToArray();

        /// <summary>
        /// Every task endpoint, the cmdlet that reaches it and its default model. On a cmdlet that reaches several,
        /// the first (in this order) whose selecting parameter is given is the one used; none given: any of them.
        /// </summary>
        public static readonly IReadOnlyList<EndpointInfo> EndpointTable = Sections.SelectMany(s => s.EndpointRows).ToArray();

        /// <summary>The default model of each endpoint, used when -Model is not given.</summary>
        public static readonly IReadOnlyDictionary<string, string> DefaultModel = EndpointTable.ToDictionary(e => e.Name, e => e.DefaultModel);

        /// <summary>The endpoints a cmdlet reaches, in selection order (none for a cmdlet that creates no task).</summary>
        public static IEnumerable<EndpointInfo> EndpointsOf(string cmdlet) =>
            EndpointTable.Where(e => string.Equals(e.Cmdlet, cmdlet, StringComparison.OrdinalIgnoreCase));

        /// <summary>Models the API no longer serves, and the model that replaced each.</summary>
        public static readonly IReadOnlyDictionary<string, string> Retired = GenerationCatalog.Retired;

        public static ModelInfo? Find(string? name) =>
            Models.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

        public static IEnumerable<ModelInfo> ForEndpoint(string endpoint) => Models.Where(m => m.ServesEndpoint(endpoint));

        public static bool TryParseRatio(string? ratio, out int width, out int height)
        {
            width = height = 0;
            if (Api.Strings.IsEmpty(ratio)) return false;
            string[] parts = ratio.Split(':');
            return parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out width)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out height);
        }

        public static string FormatCost(decimal credits) =>
            string.Format(CultureInfo.InvariantCulture, "{0} credit{1} (${2:0.00})", credits, credits == 1 ? "" : "s", credits * UsdPerCredit);
    }
}
