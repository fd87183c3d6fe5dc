using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Runway.Api;

namespace Runway.Tasks
{
    /// <summary>
    /// How journal lines fold into <see cref="JournalRecord"/>s, and a record back into one line: the journal's
    /// format, in one place (no file access here).
    /// </summary>
    internal static class JournalFold
    {
        /// <summary>True for the kinds of line a task's history starts with (its first line in the file).</summary>
        public static bool IsFirst(string kind) => kind == "created" || kind == "record" || kind == "attempt";

        /// <summary>A line as a JSON object with an id and an event, or null for a line that is not one (torn, foreign, blank).</summary>
        public static JsonObject? Parse(string? text, out string? id, out string? kind)
        {
            id = kind = null;
            if (Strings.IsBlank(text)) return null;
            try
            {
                var line = JsonNode.Parse(text) as JsonObject;
                id = line?["id"]?.GetValue<string>();
                kind = line?["event"]?.GetValue<string>();
                return string.IsNullOrEmpty(id) || kind == null ? null : line;
            }
            catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is FormatException)
            {
                id = kind = null;
                return null;
            }
        }

        /// <summary>The id of a line, read without building the whole object (the index reads every line of a file once).</summary>
        public static string? IdOf(string? text)
        {
            if (Strings.IsBlank(text)) return null;
            try
            {
                var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    bool isId = reader.ValueTextEquals("id");
                    if (!reader.Read()) return null;
                    if (isId) return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    reader.Skip();
                }
                return null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>Folds one task's lines, given newest first (as read backwards); null when none of them reads.</summary>
        public static JournalRecord? FoldNewestFirst(string id, IReadOnlyList<JsonObject> lines, Action? onUnreadable)
        {
            var records = new Dictionary<string, JournalRecord>(StringComparer.OrdinalIgnoreCase);
            for (int i = lines.Count - 1; i >= 0; i--)
            {
                try
                {
                    Fold(records, lines[i]);
                }
                catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is FormatException)
                {
                    onUnreadable?.Invoke();
                }
            }
            return records.TryGetValue(id, out JournalRecord? record) ? record : null;
        }

        public static DateTimeOffset TimeOf(JsonObject line) =>
            DateTimeOffset.Parse(line["time"]?.GetValue<string>() ?? throw new FormatException("no time"), CultureInfo.InvariantCulture);

        public static string Now() => DateTimeOffset.Now.ToString("o", CultureInfo.InvariantCulture);

        public static string Text(JsonObject line) => line.ToJsonString(RunwayClient.BodyOptions);

        public static void Fold(Dictionary<string, JournalRecord> records, JsonObject? line)
        {
            string? id = line?["id"]?.GetValue<string>();
            string? kind = line?["event"]?.GetValue<string>();
            if (line == null || Strings.IsEmpty(id) || kind == null) throw new FormatException("not a journal line");
            DateTimeOffset time = DateTimeOffset.Parse(line["time"]?.GetValue<string>() ?? throw new FormatException("no time"), System.Globalization.CultureInfo.InvariantCulture);
            if (!records.TryGetValue(id, out JournalRecord? record))
                records[id] = record = new JournalRecord { Id = id, CreatedAt = time };
            record.LastSeen = time > record.LastSeen ? time : record.LastSeen;
            switch (kind)
            {
                case "attempt":
                    // Never asked about (its id is the journal's own), so it keeps this status.
                    record.Status = TaskJournal.Unconfirmed;
                    record.Failure = line["reason"]?.GetValue<string>();
                    record.Gone = true;
                    goto case "created";
                case "created":
                    record.CreatedAt = time;
                    record.Endpoint = line["endpoint"]?.GetValue<string>();
                    record.Model = line["model"]?.GetValue<string>();
                    record.Prompt = line["prompt"]?.GetValue<string>();
                    record.EstimatedCredits = line["estimatedCredits"]?.GetValue<decimal>();
                    record.Inputs = (line["inputs"] as JsonArray)?.Select(n => n?.GetValue<string>()).ToArray() ?? Array.Empty<string>();
                    record.Routing = RunwayRouting.FromJson(line["routing"] as JsonObject) ?? record.Routing;
                    ReadSettings(record, line);
                    record.Status = record.Status ?? RunwayTask.Pending;
                    break;
                case "status":
                    if (time < record.StatusTime) break;
                    record.StatusTime = time;
                    record.Status = line["status"]?.GetValue<string>() ?? record.Status;
                    if (line["output"] is JsonArray output) record.Output = output.Select(n => n?.GetValue<string>()).ToArray();
                    record.Failure = line["failure"]?.GetValue<string>() ?? record.Failure;
                    record.FailureCode = line["failureCode"]?.GetValue<string>() ?? record.FailureCode;
                    record.Credits = line["credits"]?.GetValue<decimal>() ?? record.Credits;
                    break;
                case "record":
                    // One line per task, written by a compaction: everything the folded lines knew.
                    record.CreatedAt = time;
                    record.Endpoint = line["endpoint"]?.GetValue<string>();
                    record.Model = line["model"]?.GetValue<string>();
                    record.Prompt = line["prompt"]?.GetValue<string>();
                    record.EstimatedCredits = line["estimatedCredits"]?.GetValue<decimal>();
                    record.Inputs = (line["inputs"] as JsonArray)?.Select(n => n?.GetValue<string>()).ToArray() ?? Array.Empty<string>();
                    record.Routing = RunwayRouting.FromJson(line["routing"] as JsonObject) ?? record.Routing;
                    ReadSettings(record, line);
                    DateTimeOffset statusTime = line["statusTime"] is JsonNode st ? DateTimeOffset.Parse(st.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : time;
                    if (statusTime >= record.StatusTime)
                    {
                        record.StatusTime = statusTime;
                        record.Status = line["status"]?.GetValue<string>() ?? record.Status ?? RunwayTask.Pending;
                        if (line["output"] is JsonArray kept) record.Output = kept.Select(n => n?.GetValue<string>()).ToArray();
                        record.Failure = line["failure"]?.GetValue<string>() ?? record.Failure;
                        record.FailureCode = line["failureCode"]?.GetValue<string>() ?? record.FailureCode;
                    }
                    record.Credits = line["credits"]?.GetValue<decimal>() ?? record.Credits;
                    if (line["lastSeen"] is JsonNode seen)
                    {
                        DateTimeOffset last = DateTimeOffset.Parse(seen.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
                        if (last > record.LastSeen) record.LastSeen = last;
                    }
                    record.Gone |= line["gone"]?.GetValue<bool>() == true;
                    // Deleted by the user: a compaction must not bring it back into listings.
                    if (line["deleted"]?.GetValue<bool>() == true) record.Gone = record.Deleted = true;
                    if (line["savedTo"] is JsonArray saved)
                        foreach (string savedPath in saved.Select(n => n?.GetValue<string>()).OfType<string>())
                            if (!record.SavedTo.Contains(savedPath)) record.SavedTo.Add(savedPath);
                    break;
                case "gone":
                    record.Gone = true;
                    break;
                case "deleted":
                    record.Gone = record.Deleted = true;
                    break;
                case "saved":
                    string? path = line["path"]?.GetValue<string>();
                    if (path != null && !record.SavedTo.Contains(path)) record.SavedTo.Add(path);
                    break;
            }
        }

        /// <summary>One line that folds back to everything <paramref name="record"/> knows.</summary>
        /// <summary>The request settings the journal keeps as they were sent (top-level body fields).</summary>
        public static readonly string[] Settings = { "duration", "seed", "ratio" };

        private static string? SettingOf(JsonObject line, string name)
        {
            if (!(line[name] is JsonValue value)) return null;
            return value.TryGetValue(out string? text) ? text : value.ToJsonString();
        }

        private static void ReadSettings(JournalRecord record, JsonObject line)
        {
            record.Duration = SettingOf(line, "duration") ?? record.Duration;
            record.Seed = SettingOf(line, "seed") ?? record.Seed;
            record.Ratio = SettingOf(line, "ratio") ?? record.Ratio;
        }

        /// <summary>A kept setting back in its JSON form: a number stays a number, anything else a string.</summary>
        private static JsonValue Setting(string text) =>
            decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out decimal number)
                ? JsonValue.Create(number) : JsonValue.Create(text);

        public static JsonObject RecordLine(JournalRecord record)
        {
            string Time(DateTimeOffset t) => t.ToString("o", System.Globalization.CultureInfo.InvariantCulture);
            var line = new JsonObject
            {
                ["event"] = "record",
                ["id"] = record.Id,
                ["time"] = Time(record.CreatedAt),
                ["endpoint"] = record.Endpoint,
                ["model"] = record.Model,
                ["estimatedCredits"] = record.EstimatedCredits,
                ["status"] = record.Status,
                ["statusTime"] = Time(record.StatusTime),
                ["lastSeen"] = Time(record.LastSeen),
            };
            if (record.Prompt != null) line["prompt"] = record.Prompt;
            if (record.Routing != null) line["routing"] = record.Routing.ToJson();
            line["inputs"] = new JsonArray(record.Inputs.Select(v => (JsonNode?)v).ToArray());
            if (record.Output.Length > 0) line["output"] = new JsonArray(record.Output.Select(v => (JsonNode?)v).ToArray());
            if (record.Failure != null) line["failure"] = record.Failure;
            if (record.FailureCode != null) line["failureCode"] = record.FailureCode;
            if (record.Credits.HasValue) line["credits"] = record.Credits.Value;
            if (record.Gone) line["gone"] = true;
            if (record.Deleted) line["deleted"] = true;
            if (record.SavedTo.Count > 0) line["savedTo"] = new JsonArray(record.SavedTo.Select(v => (JsonNode)v).ToArray());
            if (record.Duration != null) line["duration"] = Setting(record.Duration);
            if (record.Seed != null) line["seed"] = Setting(record.Seed);
            if (record.Ratio != null) line["ratio"] = record.Ratio;
            return line;
        }
    }
}
