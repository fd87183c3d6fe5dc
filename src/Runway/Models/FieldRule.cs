using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;

namespace Runway.Models
{
    /// <summary>What kind of value a request field takes.</summary>
    public enum FieldKind
    {
        /// <summary>A string (prompt, negative prompt, language code).</summary>
        Text,
        /// <summary>One of a list of values (strings, or numbers when <see cref="FieldRule.NumericValues"/>).</summary>
        Choice,
        /// <summary>A number, optionally whole and within a range.</summary>
        Number,
        /// <summary>A number or the word 'auto'.</summary>
        NumberOrAuto,
        Boolean,
        /// <summary>One media URI (a video to transform).</summary>
        Media,
        /// <summary>A list of media: plain URIs, {uri}, {type, uri}, or {uri, tag?, subject?}.</summary>
        MediaList,
        /// <summary>promptImage: one image, first and last frames, or (where allowed) reference images without a position.</summary>
        PromptImage,
        /// <summary>aleph2 keyframes: {uri, seconds | at, range?}.</summary>
        Keyframes,
        /// <summary>contentModeration: { publicFigureThreshold }.</summary>
        ContentModeration,
        /// <summary>voice: a Runway preset, or a reference audio (seed_audio).</summary>
        Voice,
        /// <summary>speech to speech media: { type: audio | video, uri }.</summary>
        SpeechMedia,
    }

    /// <summary>
    /// One field a model takes on one endpoint, as the SDK declarations state it: its JSON name, the PowerShell
    /// parameter that carries it (or, when <see cref="Parameter"/> is null, the -Option key, which is the JSON name),
    /// its kind, and every limit the declarations give. Validation, completion, help and Get-RunwayModel read these.
    /// </summary>
    public sealed class FieldRule
    {
        // Every rule names its field (the generated catalog sets it in each initializer).
        public string Json { get; set; } = null!;
        /// <summary>The cmdlet parameter for this field; null: given as -Option @{ json = value }.</summary>
        public string? Parameter { get; set; }
        /// <summary>Other parameters that carry the same field (speech to speech's media: -Audio or -Video), each a cmdlet's real parameter.</summary>
        public string[] AlsoParameters { get; set; } = Array.Empty<string>();
        public FieldKind Kind { get; set; }
        public bool Required { get; set; }
        public string[] Values { get; set; } = Array.Empty<string>();
        public bool NumericValues { get; set; }
        /// <summary>Values the API still accepts but calls deprecated (not offered by completion).</summary>
        public string[] Deprecated { get; set; } = Array.Empty<string>();
        [SuppressMessage("Naming", "CA1720", Justification = "The declarations' own word (type: 'integer'); the descriptors set it by this name.")]
        public bool Integer { get; set; }
        public double? Min { get; set; }
        /// <summary>True when <see cref="Min"/> itself is not allowed (a duration must be more than 0).</summary>
        public bool MinExclusive { get; set; }
        public double? Max { get; set; }
        public int? MinLength { get; set; }
        public int? MaxLength { get; set; }
        public MediaKind Media { get; set; }
        /// <summary>The items' "type" value ({type: 'audio', uri}); for a voice, its type.</summary>
        public string? ItemType { get; set; }
        /// <summary>Items are plain URI strings, not objects.</summary>
        public bool PlainItems { get; set; }
        public bool Tags { get; set; }
        public bool UniqueTags { get; set; }
        public bool Subjects { get; set; }
        public int MinItems { get; set; }
        /// <summary>0 when the declarations state no maximum.</summary>
        public int MaxItems { get; set; }
        public double? MaxTotalSeconds { get; set; }
        public bool TotalSecondsExclusive { get; set; }
        public double? MinItemSeconds { get; set; }
        public double? MaxItemSeconds { get; set; }
        public string[] Positions { get; set; } = Array.Empty<string>();
        /// <summary>promptImage items may omit their position (reference images instead of keyframes).</summary>
        public bool PositionOptional { get; set; }
        /// <summary>A ratio that also accepts any W:H whose pixel count is within these bounds (seedream5_lite).</summary>
        public long? FreeformMinPixels { get; set; }
        public long? FreeformMaxPixels { get; set; }
        /// <summary>Each image must be at least this many pixels wide and high (h3_max's frames); checked when the size can be read locally.</summary>
        public int? MinSidePixels { get; set; }
        /// <summary>The default the declarations state, if any.</summary>
        public string? Default { get; set; }
        /// <summary>The declaration's own sentence about the field.</summary>
        public string? Note { get; set; }

        /// <summary>How the user gives it: "-Ratio" or "-Option @{ mode = ... }".</summary>
        public string Syntax => Parameter != null ? string.Join(" or ", new[] { Parameter }.Concat(AlsoParameters).Select(p => "-" + p)) : $"-Option @{{ {Json} = ... }}";
        /// <summary>Every parameter that carries this field (none for an -Option key).</summary>
        public IEnumerable<string> Parameters => Parameter == null ? Enumerable.Empty<string>() : new[] { Parameter }.Concat(AlsoParameters);
        /// <summary>The name a value is looked up by: the parameter, else the JSON name.</summary>
        public string Key => Parameter ?? Json;

        /// <summary>What is allowed, in words (for errors, help and Get-RunwayModel).</summary>
        public string Describe()
        {
            switch (Kind)
            {
                case FieldKind.Choice:
                case FieldKind.ContentModeration:
                    string list = string.Join(", ", Values.Where(v => !Deprecated.Contains(v)));
                    return FreeformMinPixels.HasValue ? $"{list}, or any W:H of {FreeformMinPixels:N0}–{FreeformMaxPixels:N0} pixels" : list;
                case FieldKind.Number:
                case FieldKind.NumberOrAuto:
                    string range = Min.HasValue && Max.HasValue ? $"{Format(Min.Value)}–{Format(Max.Value)}"
                        : Min.HasValue ? (MinExclusive ? "more than " : "at least ") + Format(Min.Value) : "any number";
                    return (Integer ? "a whole number, " : "") + range + (Kind == FieldKind.NumberOrAuto ? ", or 'auto'" : "");
                case FieldKind.Text:
                    return MaxLength.HasValue ? $"text of {MinLength ?? 0}–{MaxLength} characters" : MinLength > 0 ? "non-empty text" : "text";
                case FieldKind.Boolean:
                    return "$true or $false";
                case FieldKind.Media:
                    return "a " + Media.ToString().ToLowerInvariant();
                case FieldKind.MediaList:
                    string count = MaxItems > 0 ? (MinItems > 0 ? $"{MinItems}–{MaxItems}" : $"up to {MaxItems}") : "any number of";
                    string extra = Tags ? (Subjects ? " (each may carry a Tag and a Subject: object or human)" : " (each may carry a Tag)") : string.Empty;
                    string total = MaxTotalSeconds.HasValue ? $", {(TotalSecondsExclusive ? "under" : "at most")} {Format(MaxTotalSeconds.Value)} s in total" : string.Empty;
                    string each = MinItemSeconds.HasValue ? $", each {Format(MinItemSeconds.Value)}–{Format(MaxItemSeconds!.Value)} s" : string.Empty;
                    return $"{count} {Media.ToString().ToLowerInvariant()}s{extra}{total}{each}";
                case FieldKind.PromptImage:
                    return (Positions.Contains("last")
                        ? (PositionOptional ? "a first frame (and -LastFrame), or several images as references" : "a first frame, optionally -LastFrame")
                        : "a first frame") + (MinSidePixels.HasValue ? $", each at least {MinSidePixels} px on both sides" : string.Empty);
                case FieldKind.Keyframes:
                    return $"up to {MaxItems} images placed by Seconds or At (0–1), optionally with Start/End (whole seconds)";
                case FieldKind.Voice:
                    return ItemType == "reference-audio" ? "a reference audio file (optional)" : "a Runway preset voice";
                case FieldKind.SpeechMedia:
                    return "an audio or video file";
                default:
                    return Kind.ToString();
            }
        }

        public bool AcceptsChoice(string value, out string canonical)
        {
            canonical = Values.FirstOrDefault(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));
            return canonical != null;
        }

        public override string ToString() => Json;

        internal static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
    }

    /// <summary>The fields of one model on one endpoint.</summary>
    public sealed class ModelEndpointFields
    {
        public ModelEndpointFields(string endpoint, IReadOnlyList<FieldRule> fields)
        {
            Endpoint = endpoint;
            Fields = fields;
        }

        public string Endpoint { get; }
        public IReadOnlyList<FieldRule> Fields { get; }

        public FieldRule this[string json] => Fields.FirstOrDefault(f => f.Json == json);
    }
}
