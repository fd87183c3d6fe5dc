using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Runway.Api;

namespace Runway.Tasks
{
    /// <summary>
    /// Reading the journal: newest first from the end of the file in blocks (bounded memory, and a listing that
    /// stops early never reads the rest), by id through the index, or whole (for a file known to be small).
    /// Lines that cannot be read are skipped with a warning; a last line still being written is skipped quietly.
    /// </summary>
    internal static class JournalReader
    {
        /// <summary>
        /// Every task before <paramref name="end"/> (-1: the file's end), newest first, each handed out as soon as its
        /// first line is reached. Lines that are not journal lines go to <paramref name="unreadable"/> (a compaction
        /// keeps them); tasks whose first line never comes (it was lost, or archived) are handed out at the end.
        /// </summary>
        public static IEnumerable<JournalRecord> NewestFirst(string? path, long end, Action<string>? warn, Action<string>? unreadable = null)
        {
            if (path == null || !File.Exists(path)) yield break;
            var pending = new Dictionary<string, List<JsonObject>>(StringComparer.OrdinalIgnoreCase);
            bool last = end < 0;
            foreach (JournalLine text in JournalFile.LinesFromEnd(path, end))
            {
                bool mayBeUnfinished = last;
                last = false;
                if (string.IsNullOrWhiteSpace(text.Text)) continue;
                JsonObject? line = JournalFold.Parse(text.Text, out string? id, out string? kind);
                if (line == null || id == null || kind == null)
                {
                    if (mayBeUnfinished) continue;
                    warn?.Invoke($"Skipped unreadable line at byte {text.Offset} of the task journal {path}.");
                    unreadable?.Invoke(text.Text.TrimEnd('\r'));
                    continue;
                }
                if (!pending.TryGetValue(id, out List<JsonObject>? lines)) pending[id] = lines = new List<JsonObject>();
                lines.Add(line);
                if (!JournalFold.IsFirst(kind)) continue;
                pending.Remove(id);
                JournalRecord? record = JournalFold.FoldNewestFirst(id, lines, () => warn?.Invoke($"Skipped an unreadable line of the task journal {path}."));
                if (record != null) yield return record;
            }
            foreach (KeyValuePair<string, List<JsonObject>> orphan in pending)
                if (JournalFold.FoldNewestFirst(orphan.Key, orphan.Value, null) is JournalRecord record) yield return record;
        }

        /// <summary>
        /// The <paramref name="count"/> newest tasks (created at or after <paramref name="since"/>, when given),
        /// newest first, read backwards from the end of the file until enough are found.
        /// </summary>
        public static IReadOnlyList<JournalRecord> Newest(string? path, int count, DateTimeOffset? since, Action<string>? warn)
        {
            if (path == null || !File.Exists(path) || count <= 0) return Array.Empty<JournalRecord>();
            var lines = new List<JsonObject>();
            var created = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var deleted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            bool first = true;
            foreach (JournalLine text in JournalFile.LinesFromEnd(path))
            {
                bool last = first;
                first = false;
                if (string.IsNullOrWhiteSpace(text.Text)) continue;
                JsonObject? line = JournalFold.Parse(text.Text, out string? id, out string? kind);
                if (line == null || id == null || kind == null)
                {
                    if (!last) warn?.Invoke($"Skipped unreadable line at byte {text.Offset} of the task journal {path}.");
                    continue;
                }
                lines.Add(line);
                // A deleted task is left out of listings: it does not count towards the newest few.
                if (kind == "deleted") deleted.Add(id);
                if (!JournalFold.IsFirst(kind)) continue;
                if (!deleted.Contains(id)) created.Add(id);
                // Lines are appended in time order (give or take concurrent sessions): past the window, stop.
                if (since.HasValue && JournalFold.TimeOf(line) < since.Value.AddMinutes(-5)) break;
                if (!since.HasValue && created.Count >= count + 8) break;
            }
            var records = new Dictionary<string, JournalRecord>(StringComparer.OrdinalIgnoreCase);
            for (int i = lines.Count - 1; i >= 0; i--)
            {
                try
                {
                    JournalFold.Fold(records, lines[i]);
                }
                catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is FormatException)
                {
                    warn?.Invoke($"Skipped an unreadable line of the task journal {path}.");
                }
            }
            return records.Values.Where(r => created.Contains(r.Id) && (!since.HasValue || r.CreatedAt >= since.Value))
                .OrderByDescending(r => r.CreatedAt).Take(count).ToList();
        }

        /// <summary>Every task of the file's last <paramref name="tailBytes"/> bytes (all of it: long.MaxValue), newest first, folded in memory.</summary>
        public static IReadOnlyList<JournalRecord> Whole(string? path, Action<string>? warn, long tailBytes)
        {
            if (path == null || !File.Exists(path)) return Array.Empty<JournalRecord>();
            string[] lines;
            using (FileStream stream = JournalFile.OpenRead(path))
            {
                bool partial = stream.Length > tailBytes;
                if (partial) stream.Seek(-tailBytes, SeekOrigin.End);
                using (var reader = new StreamReader(stream, Encoding.UTF8))
                {
                    lines = reader.ReadToEnd().Split('\n');
                    // The window starts mid-line: drop that first fragment.
                    if (partial) lines = lines.Skip(1).ToArray();
                }
            }
            var records = new Dictionary<string, JournalRecord>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < lines.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(lines[i])) continue;
                try
                {
                    JournalFold.Fold(records, JsonNode.Parse(lines[i]) as JsonObject);
                }
                catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is FormatException)
                {
                    bool lastLineStillBeingWritten = i == lines.Length - 1;
                    if (!lastLineStillBeingWritten)
                        warn?.Invoke($"Skipped unreadable line {i + 1} of the task journal {path}.");
                }
            }
            return records.Values.OrderByDescending(r => r.CreatedAt).ToList();
        }

        /// <summary>One task by id: its lines found through the index (a few small reads, whatever the file's size); null when the journal does not know it.</summary>
        /// <param name="mayLock">False under the journal's lock: an index that is behind is then not brought up to date (the file is read instead).</param>
        public static JournalRecord? Find(string? path, string? id, bool mayLock = true)
        {
            if (path == null || Strings.IsEmpty(id) || !File.Exists(path)) return null;
            try
            {
                List<long>? offsets = JournalIndex.Offsets(path, id, mayLock);
                if (offsets == null) return Scan(path, id);
                var lines = new List<JsonObject>();
                using (FileStream stream = JournalFile.OpenRead(path))
                {
                    foreach (long offset in offsets.Distinct())
                    {
                        if (offset < 0 || offset >= stream.Length) continue;
                        JsonObject? line = JournalFold.Parse(JournalFile.LineAt(stream, offset), out string? lineId, out _);
                        // Another id with the same hash, or an index that no longer matches: not this task's line.
                        if (line != null && string.Equals(lineId, id, StringComparison.OrdinalIgnoreCase)) lines.Add(line);
                    }
                }
                return lines.Count == 0 ? null : JournalFold.FoldNewestFirst(id, lines, null);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is InvalidOperationException || ex is FormatException)
            {
                return null;
            }
        }

        /// <summary>Without an index (the journal's folder is read-only): the file read backwards until the task's first line.</summary>
        private static JournalRecord? Scan(string path, string id)
        {
            var lines = new List<JsonObject>();
            foreach (JournalLine text in JournalFile.LinesFromEnd(path))
            {
                if (text.Text.IndexOf(id, StringComparison.OrdinalIgnoreCase) < 0) continue;
                JsonObject? line = JournalFold.Parse(text.Text, out string? lineId, out string? kind);
                if (line == null || kind == null || !string.Equals(lineId, id, StringComparison.OrdinalIgnoreCase)) continue;
                lines.Add(line);
                if (JournalFold.IsFirst(kind)) break;
            }
            return lines.Count == 0 ? null : JournalFold.FoldNewestFirst(id, lines, null);
        }
    }
}
