using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;


namespace Runway.Models
{
    /// <summary>Where a media input goes in the body; filled with its URI once local files are inlined or uploaded.</summary>
    public sealed class MediaSlot
    {
        public MediaSlot(JsonObject parent, string key, IMediaInput source)
        {
            Parent = parent;
            Key = key;
            Source = source;
            Parent[key] = source.IsLocal ? null : source.Value;
        }

        /// <summary>A slot that is an item of a list of plain URIs (seed_audio's referenceAudios).</summary>
        public MediaSlot(JsonArray list, IMediaInput source)
        {
            List = list;
            Index = list.Count;
            Source = source;
            list.Add(source.IsLocal ? null : (JsonNode)source.Value);
        }

        /// <summary>The object holding the URI, or null for an item of <see cref="List"/>.</summary>
        public JsonObject? Parent { get; }
        public string? Key { get; }
        public JsonArray? List { get; }
        public int Index { get; }
        public IMediaInput Source { get; }

        /// <summary>The URI the body holds now (null until a local file is inlined or uploaded).</summary>
        public string? Uri => (Parent != null ? Parent[Key!] : List![Index])?.GetValue<string>();

        public void Assign(string uri)
        {
            if (Parent != null) Parent[Key!] = uri;
            else List![Index] = uri;
        }
    }

    /// <summary>A validated request to create one task: endpoint, model, JSON body, media to resolve, and its price.</summary>
    public sealed class GenerationRequest
    {
        public GenerationRequest(string endpoint, ModelInfo model)
        {
            Endpoint = endpoint;
            Model = model;
            Body = new JsonObject { ["model"] = model.Name };
        }

        public string Endpoint { get; }
        public ModelInfo Model { get; }
        public JsonObject Body { get; }
        public CostQuery Cost { get; } = new CostQuery();
        public List<MediaSlot> Media { get; } = new List<MediaSlot>();
        /// <summary>Words for -WhatIf and progress: "gen4_turbo image to video, 10 s, 1280:720, from cat.png".</summary>
        public List<string> Details { get; } = new List<string>();
        /// <summary>A smaller inline (data URI) limit than the media kind's, when the endpoint states one; larger local files are uploaded.</summary>
        public long? DataUriLimit { get; set; }
        /// <summary>What the request came from (the pipeline object), for error records.</summary>
        public object? Source { get; set; }

        public decimal EstimatedCredits => Model.Price.Estimate(Model, Cost);
        /// <summary>The estimate where there is one; null when the price is unknown (never shown as 0 credits).</summary>
        public decimal? KnownEstimatedCredits => PriceKnown ? EstimatedCredits : (decimal?)null;
        /// <summary>False for a model whose price is not published: its estimate is 0 and means nothing.</summary>
        public bool PriceKnown => Model.Price.Knows(Cost);
        public bool CostIsApproximate => Model.Price.IsApproximate(Model, Cost);

        /// <summary>
        /// The most this request can cost: the estimate, or, when the input's length is unknown here, the price at
        /// the longest input or output the model allows. The spending cap reserves this, never less.
        /// </summary>
        public decimal CreditsUpperBound
        {
            get
            {
                if (!CostIsApproximate) return EstimatedCredits;
                var longest = new CostQuery
                {
                    Audio = Cost.Audio,
                    Ratio = Cost.Ratio,
                    TextLength = Cost.TextLength,
                    InputSeconds = Cost.InputSeconds ?? Model.InputDuration?.Max,
                    DurationSeconds = Cost.DurationSeconds ?? (Model.Duration != null && !Model.DurationFromInput ? Model.Duration.Max : (double?)null),
                };
                return System.Math.Max(EstimatedCredits, Model.Price.Estimate(Model, longest));
            }
        }

        /// <summary>How the price reads when the catalog's words do not fit (a routed generation, whose model the router picks); null: the catalog's.</summary>
        public string? PriceText { get; set; }

        /// <summary>Texts a request sends under other names than promptText (a recipe's prompt, product info, a shot's prompt), in order.</summary>
        public List<string> Texts { get; } = new List<string>();

        /// <summary>
        /// What the journal keeps as the prompt (Get-RunwayTask -Prompt searches it): the promptText, wherever the body keeps
        /// it (top level, or a routed generation's input), else the other texts sent.
        /// </summary>
        public string? PromptText => (Body["promptText"] ?? (Body["input"] as JsonObject)?["promptText"])?.GetValue<string>()
            ?? (Texts.Count > 0 ? string.Join(" | ", Texts) : null);

        public string CostText => PriceText ?? (!PriceKnown ? (Model.PriceKnown ? "an unknown price (" + Model.Name + " charges " + Model.Price.Describe() + "; the input's length cannot be read here)" : "an unknown price (Runway publishes none for " + Model.Name + ")")
            : (CostIsApproximate ? "about " : string.Empty) + ModelCatalog.FormatCost(EstimatedCredits));

        public string Summary =>
            (RecipeCatalog.RecipeOf(Endpoint) != null ? $"{Model.Name} recipe" : $"{Model.Name} {Endpoint.Replace('_', ' ')}") + (Details.Count > 0 ? ", " + string.Join(", ", Details) : string.Empty);

        public void AddMedia(JsonObject parent, string key, IMediaInput source)
        {
            Media.Add(new MediaSlot(parent, key, source));
        }

        public void AddMedia(JsonArray list, IMediaInput source)
        {
            Media.Add(new MediaSlot(list, source));
        }

        /// <summary>The body with local files shown by name, for -WhatIf and -Verbose (no data URIs, no secrets).</summary>
        public string DescribeBody()
        {
            var copy = JsonNode.Parse(Body.ToJsonString())!.AsObject();
            foreach (MediaSlot slot in Media)
            {
                string shown = slot.Source.IsLocal || slot.Source.IsDataUri ? $"<{slot.Source.Display}>" : slot.Source.Value;
                if (slot.Parent == null)
                {
                    if (FindArray(copy, Body, slot.List!) is JsonArray list) list[slot.Index] = shown;
                    continue;
                }
                JsonObject? parent = Find(copy, Body, slot.Parent);
                if (parent != null) parent[slot.Key!] = shown;
            }
            return copy.ToJsonString(Api.RunwayClient.BodyOptions);
        }

        private static JsonObject? Find(JsonNode? copy, JsonNode original, JsonObject target)
        {
            if (ReferenceEquals(original, target)) return copy as JsonObject;
            if (original is JsonObject o && copy is JsonObject c)
                foreach (KeyValuePair<string, JsonNode?> pair in o)
                {
                    JsonObject? found = pair.Value == null ? null : Find(c[pair.Key], pair.Value, target);
                    if (found != null) return found;
                }
            if (original is JsonArray a && copy is JsonArray ca)
                for (int i = 0; i < a.Count; i++)
                {
                    JsonNode? item = a[i];
                    JsonObject? found = item == null ? null : Find(ca[i], item, target);
                    if (found != null) return found;
                }
            return null;
        }

        private static JsonArray? FindArray(JsonObject copy, JsonObject original, JsonArray target)
        {
            foreach (KeyValuePair<string, JsonNode?> pair in original)
                if (ReferenceEquals(pair.Value, target)) return copy[pair.Key] as JsonArray;
            return null;
        }

        internal static JsonNode Number(double value) =>
            value == System.Math.Floor(value) && System.Math.Abs(value) < int.MaxValue
                ? JsonValue.Create((int)value)
                : JsonValue.Create(value);

        internal static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture) + " s";
    }
}
