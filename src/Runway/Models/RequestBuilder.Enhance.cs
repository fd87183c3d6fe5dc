using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Runway.Models
{
    /// <summary>
    /// What the builders of upscaling, frame rate and HDR share (each builder is in its endpoint's descriptor,
    /// Descriptors/ImageUpscaleEndpoint.cs, VideoUpscaleEndpoint.cs, VideoToHdrEndpoint.cs): a required medium, a
    /// choice among the declared values, a 0–100 setting.
    /// </summary>
    public static partial class RequestBuilder
    {
        private static IMediaInput Required(IMediaInput? source, string parameter) =>
            source ?? throw Invalid(parameter, "Runway.MissingInput", $"-{parameter} is required.", null);

        /// <summary>Sends one of the allowed values as the catalog spells it (case ignored); null when not given.</summary>
        private static string? ApplyChoice(GenerationRequest request, string field, string parameter, string? value, IReadOnlyList<string> allowed)
        {
            if (value == null) return null;
            string? found = allowed.FirstOrDefault(a => string.Equals(a, value.Trim(), StringComparison.OrdinalIgnoreCase));
            if (found == null)
                throw Invalid(parameter, "Runway.InvalidChoice", $"-{parameter} '{value}' is not possible for {request.Model.Name}; choose {string.Join(", ", allowed)}.", value);
            request.Body[field] = found;
            return found;
        }

        private static void ApplyPercent(GenerationRequest request, string field, string parameter, double? value)
        {
            if (!value.HasValue) return;
            if (double.IsNaN(value.Value) || value < 0 || value > 100)
                throw Invalid(parameter, "Runway.OutOfRange", $"-{parameter} must be 0–100; {value.Value.ToString(CultureInfo.InvariantCulture)} is out of range.", value);
            request.Body[field] = GenerationRequest.Number(value.Value);
            request.Details.Add($"{field} {DurationRule.Format(value.Value)}");
        }
    }
}
