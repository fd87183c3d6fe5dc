using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Runway.Api
{
    /// <summary>Reads optional members of the API's JSON objects: absent, null or of another type all read as null.</summary>
    internal static class JsonRead
    {
        public static string? String(JsonElement json, string name) => RunwayTask.StringOf(json, name);

        public static DateTimeOffset? Date(JsonElement json, string name) =>
            String(json, name) is string text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset when)
                ? when
                : (DateTimeOffset?)null;

        public static double? Number(JsonElement json, string name) =>
            Member(json, name) is JsonElement value && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : (double?)null;

        public static bool? Bool(JsonElement json, string name) =>
            Member(json, name) is JsonElement value && (value.ValueKind == JsonValueKind.True || value.ValueKind == JsonValueKind.False) ? value.GetBoolean() : (bool?)null;

        public static string[] Strings(JsonElement json, string name) =>
            Member(json, name) is JsonElement value && value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString() ?? string.Empty).ToArray()
                : Array.Empty<string>();

        public static JsonElement? Member(JsonElement json, string name) =>
            json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null
                ? value
                : (JsonElement?)null;

        public static JsonElement[] Objects(JsonElement json, string name) =>
            Member(json, name) is JsonElement value && value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e => e.Clone()).ToArray()
                : Array.Empty<JsonElement>();
    }
}
