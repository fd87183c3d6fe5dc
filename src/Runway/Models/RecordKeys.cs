using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Runway.Models
{
    /// <summary>
    /// The one rule for every record the module reads from a parameter (a hashtable, or a custom object turned into
    /// a dictionary): keys match without regard to case, and a key that is not known is refused with the list of the
    /// known ones (<see cref="ErrorId"/>), before anything is sent. Every reader of a record goes through here.
    /// </summary>
    public static class RecordKeys
    {
        public const string ErrorId = "Runway.UnknownKey";

        /// <summary>The keys a record may hold a media value under (the same ones a piped object's media is read from).</summary>
        public static readonly IReadOnlyList<string> MediaKeys = new[] { "Uri", "Url", "Path", "FullName" };

        /// <summary>Refuses a key that is not one of <paramref name="known"/> (case-insensitive).</summary>
        public static void Check(IEnumerable<string?> keys, IEnumerable<string> known, string parameter, string what)
        {
            string[] allowed = known.Where(k => k != null).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            foreach (string? key in keys)
            {
                if (allowed.Contains(key ?? string.Empty, StringComparer.OrdinalIgnoreCase)) continue;
                throw new RunwayInputException(
                    $"-{parameter}: {what} has no key '{key}'; its keys are {string.Join(", ", allowed)} (in any case). Nothing was sent.",
                    parameter, ErrorId, key);
            }
        }

        /// <summary>Checks a record's keys; anything that is not a dictionary passes unchanged.</summary>
        public static void Check(object? record, string parameter, string what, IEnumerable<string> known)
        {
            if (record is IDictionary dictionary) Check(dictionary.Keys.Cast<object>().Select(k => k?.ToString()), known, parameter, what);
            else if (record is IDictionary<string, object> typed) Check(typed.Keys, known, parameter, what);
        }

        /// <summary>A record's value by key, without regard to case; null when absent (or not a record).</summary>
        public static object? Value(object? record, string key)
        {
            if (record is IDictionary dictionary)
            {
                foreach (object k in dictionary.Keys)
                    if (string.Equals(k?.ToString(), key, StringComparison.OrdinalIgnoreCase)) return dictionary[k];
                return null;
            }
            if (record is IDictionary<string, object> typed)
                foreach (KeyValuePair<string, object> pair in typed)
                    if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)) return pair.Value;
            return null;
        }

        /// <summary>The first of the keys the record has a (non-null) value under.</summary>
        public static object? FirstValue(object? record, IEnumerable<string> keys) =>
            keys.Select(k => Value(record, k)).FirstOrDefault(v => v != null);

        /// <summary>
        /// A JSON object (converted from a hashtable) with its keys spelt as declared: a key given in another case is
        /// renamed, an unknown key refused. The values are moved, not copied.
        /// </summary>
        public static JsonObject Canonical(JsonObject json, string parameter, string what, IEnumerable<string> known)
        {
            string[] allowed = known.ToArray();
            Check(json.Select(p => p.Key), allowed, parameter, what);
            var result = new JsonObject();
            foreach (KeyValuePair<string, JsonNode?> pair in json.ToArray())
            {
                string name = allowed.First(k => string.Equals(k, pair.Key, StringComparison.OrdinalIgnoreCase));
                if (result.ContainsKey(name))
                    throw new RunwayInputException($"-{parameter}: {what} gives '{name}' twice (keys differ only in case).", parameter, "Runway.DuplicateKey", name);
                json.Remove(pair.Key);
                result[name] = pair.Value;
            }
            return result;
        }
    }
}
