using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using Runway.Api;
using Runway.Models;

namespace Runway.Tasks
{
    /// <summary>What the journal knows of one task, folded from all its lines.</summary>
    public sealed class JournalRecord
    {
        public string Id { get; set; }
        public string Endpoint { get; set; }
        public string Model { get; set; }
        public string Prompt { get; set; }
        public string[] Inputs { get; set; } = Array.Empty<string>();
        public decimal? EstimatedCredits { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public string Status { get; set; }
        public string[] Output { get; set; } = Array.Empty<string>();
        public string Failure { get; set; }
        public string FailureCode { get; set; }
        public DateTimeOffset LastSeen { get; set; }
        /// <summary>When the status was seen: lines can land out of order when several sessions append.</summary>
        public DateTimeOffset StatusTime { get; set; }
        /// <summary>The API answered 404 for it (deleted, or past retention): not asked about again.</summary>
        public bool Gone { get; set; }
        /// <summary>Deleted by this user (Stop-RunwayTask on a finished task): its outputs are gone, listings leave it out.</summary>
        public bool Deleted { get; set; }
        public List<string> SavedTo { get; } = new List<string>();

        public RunwayTask ToTask() => new RunwayTask
        {
            Id = Id,
            Status = Status,
            Output = Output,
            Failure = Failure,
            FailureCode = FailureCode,
            CreatedAt = CreatedAt,
            Model = Model,
            Endpoint = Endpoint,
            EstimatedCredits = EstimatedCredits,
            Prompt = Prompt,
            SavedTo = SavedTo.ToArray(),
            RetrievedAt = LastSeen,
        };
    }

    /// <summary>
    /// A per-user record of every task this module creates, as JSON lines, so that no paid result is lost to a
    /// closed window or a crash: created (before the create cmdlet returns), later sightings (status changes,
    /// outputs), and saved file paths. Writers in several sessions take turns through an exclusive lock file;
    /// readers skip a torn or foreign line with a warning instead of failing.
    /// </summary>
    public static class TaskJournal
    {
        public const string PathVariable = "RUNWAY_JOURNAL";
        public const int PromptLimit = 200;
        private static readonly Dictionary<string, string> LastStatus = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The journal file, or null when RUNWAY_JOURNAL=off.</summary>
        public static string FilePath
        {
            get
            {
                string configured = Environment.GetEnvironmentVariable(PathVariable);
                if (string.Equals(configured?.Trim(), "off", StringComparison.OrdinalIgnoreCase)) return null;
                if (!string.IsNullOrWhiteSpace(configured))
                    return Directory.Exists(configured) ? Path.Combine(configured, "journal.jsonl") : Path.GetFullPath(configured);
                return Path.Combine(DataFolder(), "Runway", "journal.jsonl");
            }
        }

        private static string DataFolder()
        {
            if (System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows))
                return Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            string xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
            if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)) return xdg;
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        /// <summary>Records a new task; false when the journal could not be written (see <see cref="LastError"/>).</summary>
        public static bool RecordCreated(RunwayTask task, GenerationRequest request)
        {
            var line = new JsonObject
            {
                ["event"] = "created",
                ["id"] = task.Id,
                ["time"] = Now(),
                ["endpoint"] = request.Endpoint,
                ["model"] = request.Model.Name,
                ["estimatedCredits"] = request.EstimatedCredits,
            };
            if (request.Body["promptText"] is JsonNode prompt)
            {
                string text = prompt.GetValue<string>();
                line["prompt"] = text.Length > PromptLimit ? text.Substring(0, PromptLimit) + "…" : text;
            }
            var inputs = new JsonArray();
            foreach (MediaSlot slot in request.Media)
            {
                string uri = slot.Parent[slot.Key]?.GetValue<string>() ?? string.Empty;
                if (uri.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                    uri = uri.Substring(0, Math.Max(0, uri.IndexOf(',') + 1)) + $"…({uri.Length} chars)";
                inputs.Add(slot.Source.IsLocal ? $"{slot.Source.Value} -> {uri}" : uri);
            }
            line["inputs"] = inputs;
            lock (LastStatus) LastStatus[task.Id] = task.Status;
            return Append(line);
        }

        /// <summary>
        /// Records the state of a journaled task when it differs from what this process last recorded for it.
        /// Tasks the journal never saw created (made elsewhere) are not added.
        /// </summary>
        public static void RecordSighting(RunwayTask task)
        {
            if (task?.Id == null || task.Status == null) return;
            lock (LastStatus)
            {
                if (LastStatus.TryGetValue(task.Id, out string last) && last == task.Status) return;
            }
            try
            {
                if (FilePath == null) return;
                lock (LastStatus)
                {
                    if (!LastStatus.TryGetValue(task.Id, out string last))
                    {
                        if (!JournaledIds().Contains(task.Id)) return;
                        last = null;
                    }
                    if (last == task.Status) return;
                    LastStatus[task.Id] = task.Status;
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                // The journal must never fail the paid work it records.
                LastError = ex.Message;
                return;
            }
            var line = new JsonObject { ["event"] = "status", ["id"] = task.Id, ["time"] = Now(), ["status"] = task.Status };
            if (task.Output != null && task.Output.Length > 0) line["output"] = new JsonArray(task.Output.Select(o => (JsonNode)o).ToArray());
            if (task.Failure != null) line["failure"] = task.Failure;
            if (task.FailureCode != null) line["failureCode"] = task.FailureCode;
            Append(line);
        }

        private static HashSet<string> journaledIds;
        private static string journaledIdsPath;

        /// <summary>Ids in the journal when this process first looked (tasks of earlier sessions); call under the LastStatus lock.</summary>
        private static HashSet<string> JournaledIds()
        {
            string path = FilePath;
            if (journaledIds == null || journaledIdsPath != path)
            {
                journaledIds = new HashSet<string>(Read(null).Select(r => r.Id), StringComparer.OrdinalIgnoreCase);
                journaledIdsPath = path;
            }
            return journaledIds;
        }

        /// <summary>Records that the API no longer knows the task, so listings stop asking about it.</summary>
        public static void RecordGone(string id) =>
            Append(new JsonObject { ["event"] = "gone", ["id"] = id, ["time"] = Now() });

        /// <summary>
        /// Records that the user deleted a journaled task (with its outputs), so listings no longer offer it.
        /// Tasks the journal never saw created are not added.
        /// </summary>
        public static void RecordDeleted(string id)
        {
            try
            {
                if (FilePath == null) return;
                lock (LastStatus)
                {
                    if (!LastStatus.ContainsKey(id) && !JournaledIds().Contains(id)) return;
                    LastStatus[id] = "DELETED";
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                LastError = ex.Message;
                return;
            }
            Append(new JsonObject { ["event"] = "deleted", ["id"] = id, ["time"] = Now() });
        }

        public static void RecordSaved(string id, string path) =>
            Append(new JsonObject { ["event"] = "saved", ["id"] = id, ["time"] = Now(), ["path"] = path });

        /// <summary>Every task in the journal, newest first. Lines that cannot be read are reported through <paramref name="warn"/> and skipped.</summary>
        public static IReadOnlyList<JournalRecord> Read(Action<string> warn) => Read(warn, long.MaxValue);

        /// <summary>
        /// The tasks of the journal's last <paramref name="tailBytes"/> bytes (recent tasks, cheaply: tab completion
        /// must not parse a journal of years). A task created before that window may show without its first line.
        /// </summary>
        public static IReadOnlyList<JournalRecord> ReadRecent(long tailBytes) => Read(null, tailBytes);

        private static IReadOnlyList<JournalRecord> Read(Action<string> warn, long tailBytes)
        {
            string path = FilePath;
            if (path == null || !File.Exists(path)) return Array.Empty<JournalRecord>();
            string[] lines = ReadLines(path, tailBytes);
            var records = new Dictionary<string, JournalRecord>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < lines.Length; i++)
            {
                string text = lines[i];
                if (string.IsNullOrWhiteSpace(text)) continue;
                try
                {
                    Fold(records, JsonNode.Parse(text) as JsonObject);
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

        private static void Fold(Dictionary<string, JournalRecord> records, JsonObject line)
        {
            string id = line?["id"]?.GetValue<string>();
            string kind = line?["event"]?.GetValue<string>();
            if (string.IsNullOrEmpty(id) || kind == null) throw new FormatException("not a journal line");
            DateTimeOffset time = DateTimeOffset.Parse(line["time"]?.GetValue<string>() ?? throw new FormatException("no time"), System.Globalization.CultureInfo.InvariantCulture);
            if (!records.TryGetValue(id, out JournalRecord record))
                records[id] = record = new JournalRecord { Id = id, CreatedAt = time };
            record.LastSeen = time > record.LastSeen ? time : record.LastSeen;
            switch (kind)
            {
                case "created":
                    record.CreatedAt = time;
                    record.Endpoint = line["endpoint"]?.GetValue<string>();
                    record.Model = line["model"]?.GetValue<string>();
                    record.Prompt = line["prompt"]?.GetValue<string>();
                    record.EstimatedCredits = line["estimatedCredits"]?.GetValue<decimal>();
                    record.Inputs = (line["inputs"] as JsonArray)?.Select(n => n?.GetValue<string>()).ToArray() ?? Array.Empty<string>();
                    record.Status = record.Status ?? RunwayTask.Pending;
                    break;
                case "status":
                    if (time < record.StatusTime) break;
                    record.StatusTime = time;
                    record.Status = line["status"]?.GetValue<string>() ?? record.Status;
                    if (line["output"] is JsonArray output) record.Output = output.Select(n => n?.GetValue<string>()).ToArray();
                    record.Failure = line["failure"]?.GetValue<string>() ?? record.Failure;
                    record.FailureCode = line["failureCode"]?.GetValue<string>() ?? record.FailureCode;
                    break;
                case "gone":
                    record.Gone = true;
                    break;
                case "deleted":
                    record.Gone = record.Deleted = true;
                    break;
                case "saved":
                    string path = line["path"]?.GetValue<string>();
                    if (path != null && !record.SavedTo.Contains(path)) record.SavedTo.Add(path);
                    break;
            }
        }

        private static string Now() => DateTimeOffset.Now.ToString("o", System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>
        /// Appends one line while holding the journal's lock file, so concurrent sessions never interleave.
        /// A journal that cannot be written must not fail the paid work that was just done: the caller gets false.
        /// </summary>
        public static bool Append(JsonObject line)
        {
            string path = FilePath;
            if (path == null) return true;
            byte[] bytes = Encoding.UTF8.GetBytes(line.ToJsonString(Api.RunwayClient.BodyOptions) + "\n");
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path));
                using (AcquireLock(path))
                using (var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
                {
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(true);
                }
                return true;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is TimeoutException)
            {
                LastError = ex.Message;
                return false;
            }
        }

        /// <summary>Why the last append failed, for a warning.</summary>
        public static string LastError { get; private set; }

        private static FileStream AcquireLock(string path)
        {
            string lockPath = path + ".lock";
            DateTime deadline = DateTime.UtcNow.AddSeconds(10);
            var random = new Random();
            while (true)
            {
                try
                {
                    return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(random.Next(2, 15));
                }
            }
        }

        private static string[] ReadLines(string path, long tailBytes)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                bool partial = stream.Length > tailBytes;
                if (partial) stream.Seek(-tailBytes, SeekOrigin.End);
                using (var reader = new StreamReader(stream, Encoding.UTF8))
                {
                    string[] lines = reader.ReadToEnd().Split('\n');
                    // The window starts mid-line: drop that first fragment.
                    return partial ? lines.Skip(1).ToArray() : lines;
                }
            }
        }
    }
}
