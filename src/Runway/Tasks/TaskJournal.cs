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
        /// <summary>The final charge (cost.credits) once the task was seen finished; 0 when refunded.</summary>
        public decimal? Credits { get; set; }
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
        /// <summary>The router's choice, for a routed generation.</summary>
        public RunwayRouting Routing { get; set; }

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
            Credits = Credits,
            Prompt = Prompt,
            SavedTo = SavedTo.ToArray(),
            RetrievedAt = LastSeen,
            Inputs = Inputs ?? Array.Empty<string>(),
            Routing = Routing,
        };
    }

    /// <summary>
    /// A per-user record of every task this module creates, as JSON lines, so that no paid result is lost to a
    /// closed window or a crash: created (before the create cmdlet returns), later sightings (status changes,
    /// outputs), and saved file paths. Writers in several sessions take turns through an exclusive lock file;
    /// readers skip a torn or foreign line with a warning instead of failing.
    /// </summary>
    public static partial class TaskJournal
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
            // The API's estimatedCost (read into the task) replaces the module's estimate.
            JsonObject line = CreatedLine("created", task.Id, request, task.EstimatedCredits ?? request.EstimatedCredits);
            if (task.Routing != null)
            {
                // The router chose the model and estimated the cost: the task's, not the request's placeholder.
                line["model"] = task.Model;
                line["estimatedCredits"] = task.EstimatedCredits;
                line["routing"] = task.Routing.ToJson();
            }
            lock (LastStatus) LastStatus[task.Id] = task.Status;
            return Append(line);
        }

        /// <summary>Status of an entry for a create whose answer never came: the task may or may not exist.</summary>
        public const string Unconfirmed = "UNCONFIRMED";

        /// <summary>
        /// A create sent whose answer was lost (connection dropped, timed out, cancelled): the task may exist and be
        /// charged, under an id nobody knows. Journaled as an unconfirmed entry with what was asked, so Get-RunwayTask
        /// shows it and the user can reconcile it with Get-RunwayUsage. Returns false when the journal cannot be written.
        /// </summary>
        public static bool RecordUnconfirmed(GenerationRequest request, string reason)
        {
            JsonObject line = CreatedLine("attempt", "unconfirmed-" + Guid.NewGuid().ToString("N"), request, request.EstimatedCredits);
            line["reason"] = reason;
            return Append(line);
        }

        private static JsonObject CreatedLine(string kind, string id, GenerationRequest request, decimal estimatedCredits)
        {
            var line = new JsonObject
            {
                ["event"] = kind,
                ["id"] = id,
                ["time"] = Now(),
                ["endpoint"] = request.Endpoint,
                ["model"] = request.Model.Name,
                ["estimatedCredits"] = estimatedCredits,
            };
            if (request.PromptText is string text)
            {
                line["prompt"] = text.Length > PromptLimit ? text.Substring(0, PromptLimit) + "…" : text;
            }
            var inputs = new JsonArray();
            foreach (MediaSlot slot in request.Media)
            {
                string uri = slot.Uri ?? string.Empty;
                if (uri.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                    uri = uri.Substring(0, Math.Max(0, uri.IndexOf(',') + 1)) + $"…({uri.Length} chars)";
                inputs.Add(slot.Source.IsLocal ? $"{slot.Source.Value} -> {uri}" : uri);
            }
            line["inputs"] = inputs;
            return line;
        }

        /// <summary>The inputs of a request as the journal writes them (data URIs shortened), for the task object too.</summary>
        public static string[] InputsOf(GenerationRequest request)
        {
            var line = CreatedLine("created", string.Empty, request, request.EstimatedCredits);
            return ((JsonArray)line["inputs"]).Select(n => n.GetValue<string>()).ToArray();
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
                        if (!SeenIds.Contains(task.Id) && !JournaledIds().Contains(task.Id)) return;
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
            // The final charge (0 when refunded) replaces the estimate: a value, so a second sighting never adds to it.
            if (task.IsFinished && task.Credits.HasValue) line["credits"] = task.Credits.Value;
            Append(line);
        }

        /// <summary>Ids this process read from the journal (a listing's tasks are known without reading the whole file); use under the LastStatus lock.</summary>
        private static readonly HashSet<string> SeenIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        private static void Saw(IEnumerable<JournalRecord> records)
        {
            lock (LastStatus)
                foreach (JournalRecord record in records) SeenIds.Add(record.Id);
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

        /// <summary>
        /// The <paramref name="count"/> newest tasks (created at or after <paramref name="since"/>, when given),
        /// newest first, read backwards from the end of the file: a listing of the last few tasks costs the same in
        /// a journal of years as in a new one. Lines that cannot be read are reported through <paramref name="warn"/>.
        /// </summary>
        public static IReadOnlyList<JournalRecord> ReadNewest(int count, DateTimeOffset? since, Action<string> warn)
        {
            string path = FilePath;
            if (path == null || !File.Exists(path) || count <= 0) return Array.Empty<JournalRecord>();
            var lines = new List<JsonObject>();
            var created = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var deleted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            bool first = true;
            foreach (string text in LinesFromEnd(path))
            {
                bool last = first;
                first = false;
                if (string.IsNullOrWhiteSpace(text)) continue;
                JsonObject line;
                try
                {
                    line = JsonNode.Parse(text) as JsonObject;
                    if (line?["id"] == null || line["event"] == null) throw new FormatException("not a journal line");
                }
                catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is FormatException)
                {
                    if (!last) warn?.Invoke($"Skipped an unreadable line of the task journal {path}.");
                    continue;
                }
                lines.Add(line);
                string kind = line["event"]?.GetValue<string>();
                // A deleted task is left out of listings: it does not count towards the newest few.
                if (kind == "deleted") deleted.Add(line["id"].GetValue<string>());
                if (kind != "created" && kind != "record" && kind != "attempt") continue;
                if (!deleted.Contains(line["id"].GetValue<string>())) created.Add(line["id"].GetValue<string>());
                // Lines are appended in time order (give or take concurrent sessions): past the window, stop.
                if (since.HasValue && TimeOf(line) < since.Value.AddMinutes(-5)) break;
                if (!since.HasValue && created.Count >= count + 8) break;
            }
            var records = new Dictionary<string, JournalRecord>(StringComparer.OrdinalIgnoreCase);
            for (int i = lines.Count - 1; i >= 0; i--)
            {
                try
                {
                    Fold(records, lines[i]);
                }
                catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is FormatException)
                {
                    warn?.Invoke($"Skipped an unreadable line of the task journal {path}.");
                }
            }
            List<JournalRecord> newest = records.Values.Where(r => created.Contains(r.Id) && (!since.HasValue || r.CreatedAt >= since.Value))
                .OrderByDescending(r => r.CreatedAt).Take(count).ToList();
            Saw(newest);
            return newest;
        }

        /// <summary>
        /// Every task of the journal, newest first, read backwards from the end and handed out one by one as soon as
        /// its first line is reached: a filter that stops early (Select-Object -First) never reads the whole file.
        /// </summary>
        public static IEnumerable<JournalRecord> StreamNewest(Action<string> warn)
        {
            string path = FilePath;
            if (path == null || !File.Exists(path)) yield break;
            var pending = new Dictionary<string, List<JsonObject>>(StringComparer.OrdinalIgnoreCase);
            bool first = true;
            foreach (string text in LinesFromEnd(path))
            {
                bool last = first;
                first = false;
                if (string.IsNullOrWhiteSpace(text)) continue;
                JsonObject line;
                string id, kind;
                try
                {
                    line = JsonNode.Parse(text) as JsonObject;
                    id = line?["id"]?.GetValue<string>();
                    kind = line?["event"]?.GetValue<string>();
                    if (id == null || kind == null) throw new FormatException("not a journal line");
                }
                catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is FormatException)
                {
                    if (!last) warn?.Invoke($"Skipped an unreadable line of the task journal {path}.");
                    continue;
                }
                if (!pending.TryGetValue(id, out List<JsonObject> lines)) pending[id] = lines = new List<JsonObject>();
                lines.Add(line);
                if (kind != "created" && kind != "record" && kind != "attempt") continue;
                pending.Remove(id);
                var records = new Dictionary<string, JournalRecord>(StringComparer.OrdinalIgnoreCase);
                for (int i = lines.Count - 1; i >= 0; i--)
                {
                    try
                    {
                        Fold(records, lines[i]);
                    }
                    catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is FormatException)
                    {
                        warn?.Invoke($"Skipped an unreadable line of the task journal {path}.");
                    }
                }
                if (!records.TryGetValue(id, out JournalRecord record)) continue;
                Saw(new[] { record });
                yield return record;
            }
        }

        /// <summary>
        /// One task of the journal by id, read backwards from the end until its first line (recent tasks cost little);
        /// null when the journal does not know it.
        /// </summary>
        public static JournalRecord Find(string id)
        {
            string path = FilePath;
            if (path == null || string.IsNullOrEmpty(id) || !File.Exists(path)) return null;
            var lines = new List<JsonObject>();
            try
            {
                foreach (string text in LinesFromEnd(path))
                {
                    if (text.IndexOf(id, StringComparison.OrdinalIgnoreCase) < 0) continue;
                    JsonObject line;
                    try
                    {
                        line = JsonNode.Parse(text) as JsonObject;
                    }
                    catch (JsonException)
                    {
                        continue;
                    }
                    if (!string.Equals(line?["id"]?.GetValue<string>(), id, StringComparison.OrdinalIgnoreCase)) continue;
                    lines.Add(line);
                    string kind = line["event"]?.GetValue<string>();
                    if (kind == "created" || kind == "record" || kind == "attempt") break;
                }
                var records = new Dictionary<string, JournalRecord>(StringComparer.OrdinalIgnoreCase);
                for (int i = lines.Count - 1; i >= 0; i--) Fold(records, lines[i]);
                return records.TryGetValue(id, out JournalRecord record) ? record : null;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is InvalidOperationException || ex is FormatException)
            {
                return null;
            }
        }

        private static DateTimeOffset TimeOf(JsonObject line) =>
            DateTimeOffset.Parse(line["time"]?.GetValue<string>() ?? throw new FormatException("no time"), System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The file's lines, last first, read in blocks from the end (UTF-8 splits only at '\n').</summary>
        private static IEnumerable<string> LinesFromEnd(string path)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                const int Block = 64 * 1024;
                long position = stream.Length;
                var buffer = new byte[Block];
                var carry = new List<byte>();
                while (position > 0)
                {
                    int size = (int)Math.Min(Block, position);
                    position -= size;
                    stream.Seek(position, SeekOrigin.Begin);
                    int read = 0;
                    while (read < size)
                    {
                        int n = stream.Read(buffer, read, size - read);
                        if (n <= 0) throw new IOException("The task journal shrank while it was read.");
                        read += n;
                    }
                    // buffer[0..size) + carry = the text from position to the last unfinished line.
                    int end = size;
                    for (int i = size - 1; i >= 0; i--)
                    {
                        if (buffer[i] != (byte)'\n') continue;
                        var bytes = new byte[end - i - 1 + carry.Count];
                        Array.Copy(buffer, i + 1, bytes, 0, end - i - 1);
                        carry.CopyTo(bytes, end - i - 1);
                        carry.Clear();
                        yield return Encoding.UTF8.GetString(bytes);
                        end = i;
                    }
                    var rest = new byte[end];
                    Array.Copy(buffer, 0, rest, 0, end);
                    carry.InsertRange(0, rest);
                }
                if (carry.Count > 0) yield return Encoding.UTF8.GetString(carry.ToArray());
            }
        }

        /// <summary>
        /// The journal is compacted when an append finds it larger than this (0: never). A busy user's year is
        /// tens of megabytes of lines; a compaction turns it into one line per task worth keeping.
        /// </summary>
        public static long CompactAboveBytes { get; set; } = 8 * 1024 * 1024;

        /// <summary>A compaction keeps at least this many of the newest tasks in the journal, whatever their state.</summary>
        public static int KeepNewest { get; set; } = 1000;

        /// <summary>A succeeded task never saved stays in the journal this long (its outputs' signed URLs last 24–48 h).</summary>
        public static TimeSpan KeepUnsaved { get; set; } = TimeSpan.FromDays(30);

        /// <summary>Where compactions move the tasks they take out of the journal: nothing is ever deleted.</summary>
        public static string ArchivePath(string journalPath) =>
            Path.Combine(Path.GetDirectoryName(journalPath) ?? ".", Path.GetFileNameWithoutExtension(journalPath) + ".archive.jsonl");

        /// <summary>What a compaction did.</summary>
        public sealed class CompactionResult
        {
            public int Kept { get; set; }
            public int Archived { get; set; }
            public long BytesBefore { get; set; }
            public long BytesAfter { get; set; }
            /// <summary>How long it held the journal's lock (other sessions' appends wait that long at most).</summary>
            public double LockedMilliseconds { get; set; }
        }

        /// <summary>
        /// Rewrites the journal as one line per task it keeps (every unfinished task, every succeeded task not yet
        /// saved, younger than <see cref="KeepUnsaved"/>, and the <see cref="KeepNewest"/> newest), and appends the
        /// others, one line each, to the archive (<see cref="ArchivePath"/>). The long part (reading and folding
        /// the file, and writing the archive) runs without the journal's lock, so other sessions keep appending;
        /// then, under the lock, the lines appended meanwhile are carried over as they are (a task they touch is
        /// kept too, even if already archived: the journal's newer state wins) and the new journal replaces the old
        /// by a rename, so a reader sees one or the other whole, and a crash leaves the old. One compaction at a
        /// time runs (a lock file of its own, which appends never take).
        /// </summary>
        public static CompactionResult Compact() => Compact(0);

        /// <summary>Called after a compaction wrote the archive, before it takes the journal's lock (a test appends there).</summary>
        internal static Action ArchiveWritten;

        /// <summary>Compacts unless the file is no larger than <paramref name="onlyAbove"/> (another session compacted it) or, when it is not 0, another session is compacting now.</summary>
        private static CompactionResult Compact(long onlyAbove)
        {
            string path = FilePath;
            if (path == null || !File.Exists(path)) return new CompactionResult();
            // An append that finds the file large leaves it to a compaction already running; Compact() waits its turn.
            FileStream turn = AcquireLock(path, onlyAbove > 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(60), ".compact.lock", onlyAbove > 0);
            if (turn == null) return new CompactionResult();
            using (turn)
            {
                byte[] head;
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                    head = ReadBytes(stream, 0, stream.Length);
                if (head.Length <= onlyAbove) return new CompactionResult { BytesBefore = head.Length, BytesAfter = head.Length };
                int whole = Array.LastIndexOf(head, (byte)'\n') + 1;
                Folded folded = Fold(Encoding.UTF8.GetString(head, 0, whole).Split('\n'));
                var result = new CompactionResult();
                // The archive first, and before the journal's lock: a crash between the two leaves a task in both, never in neither.
                bool[] kept = Split(folded, result);
                WriteArchive(path, folded, kept);
                ArchiveWritten?.Invoke();
                // Busy sessions append between its tries: a compaction may wait longer for its turn than an append does.
                using (AcquireLock(path, TimeSpan.FromSeconds(60)))
                {
                    var locked = System.Diagnostics.Stopwatch.StartNew();
                    string[] appended;
                    long before;
                    using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                    {
                        before = stream.Length;
                        if (before >= whole && SameStart(stream, head, whole))
                        {
                            appended = Encoding.UTF8.GetString(ReadBytes(stream, whole, before - whole)).Split('\n');
                        }
                        else
                        {
                            // Rewritten since it was read (a session of a version without the compaction lock): read it
                            // again and archive what it holds, under the lock this time.
                            folded = Fold(Encoding.UTF8.GetString(ReadBytes(stream, 0, before)).Split('\n'));
                            appended = Array.Empty<string>();
                            result = new CompactionResult();
                            kept = Split(folded, result);
                            WriteArchive(path, folded, kept);
                        }
                    }
                    result.BytesBefore = before;
                    WriteJournal(path, folded, kept, appended.Where(l => !string.IsNullOrWhiteSpace(l)).ToArray(), result);
                    result.LockedMilliseconds = locked.Elapsed.TotalMilliseconds;
                    return result;
                }
            }
        }

        private sealed class Folded
        {
            public readonly List<string> Order = new List<string>();
            public readonly Dictionary<string, JournalRecord> Records = new Dictionary<string, JournalRecord>(StringComparer.OrdinalIgnoreCase);
            public readonly List<string> Unreadable = new List<string>();
            /// <summary>The records, oldest first (the order of both files' lines).</summary>
            public JournalRecord[] ByCreation;
        }

        private static Folded Fold(string[] lines)
        {
            var folded = new Folded();
            foreach (string text in lines)
            {
                if (string.IsNullOrWhiteSpace(text)) continue;
                try
                {
                    var line = JsonNode.Parse(text) as JsonObject;
                    string id = line?["id"]?.GetValue<string>();
                    if (id != null && !folded.Records.ContainsKey(id)) folded.Order.Add(id);
                    Fold(folded.Records, line);
                }
                catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is FormatException)
                {
                    // A line this version cannot read is kept as it is: it may be a newer version's.
                    folded.Unreadable.Add(text.TrimEnd('\r'));
                }
            }
            folded.ByCreation = folded.Order.Select(id => folded.Records[id]).OrderBy(r => r.CreatedAt).ToArray();
            return folded;
        }

        /// <summary>Which of <see cref="Folded.ByCreation"/> stay in the journal; counts both sides into <paramref name="result"/>.</summary>
        private static bool[] Split(Folded folded, CompactionResult result)
        {
            DateTimeOffset now = DateTimeOffset.Now;
            var newest = new HashSet<string>(folded.Records.Values.OrderByDescending(r => r.CreatedAt).Take(Math.Max(0, KeepNewest)).Select(r => r.Id), StringComparer.OrdinalIgnoreCase);
            var kept = new bool[folded.ByCreation.Length];
            for (int i = 0; i < kept.Length; i++)
            {
                JournalRecord record = folded.ByCreation[i];
                // An unconfirmed attempt waits for the user to reconcile it: kept like an unfinished task.
                // (Its "attempt" line marks it gone, as it is never asked about, so it is tested first.) A status the API
                // added later (not PENDING, THROTTLED or RUNNING) ended its wait, so it is archived like a finished task.
                bool unfinished = record.Status == Unconfirmed || (!record.Gone && (record.Status == null || RunwayTask.IsActiveStatus(record.Status)));
                bool unsaved = !record.Gone && record.Status == RunwayTask.Succeeded && record.SavedTo.Count == 0 && now - record.CreatedAt < KeepUnsaved;
                kept[i] = unfinished || unsaved || newest.Contains(record.Id);
                if (kept[i]) result.Kept++;
                else result.Archived++;
            }
            return kept;
        }

        private static void WriteArchive(string path, Folded folded, bool[] kept)
        {
            var archive = new StringBuilder();
            for (int i = 0; i < kept.Length; i++)
                if (!kept[i]) archive.Append(RecordLine(folded.ByCreation[i]).ToJsonString(Api.RunwayClient.BodyOptions)).Append('\n');
            if (archive.Length == 0) return;
            byte[] archived = Encoding.UTF8.GetBytes(archive.ToString());
            using (var stream = new FileStream(ArchivePath(path), FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
            {
                stream.Write(archived, 0, archived.Length);
                stream.Flush(true);
            }
        }

        /// <summary>The new journal: the kept records, any task a line appended meanwhile speaks of (so that the line folds onto it), and those lines.</summary>
        private static void WriteJournal(string path, Folded folded, bool[] kept, string[] appended, CompactionResult result)
        {
            var touched = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string text in appended)
            {
                try
                {
                    if ((JsonNode.Parse(text) as JsonObject)?["id"] is JsonNode id) touched.Add(id.GetValue<string>());
                }
                catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is FormatException)
                {
                }
            }
            var keep = new StringBuilder();
            for (int i = 0; i < kept.Length; i++)
            {
                JournalRecord record = folded.ByCreation[i];
                if (!kept[i] && !touched.Contains(record.Id)) continue;
                // Archived already, yet touched since: in both files, the journal's (newer) state wins.
                if (!kept[i]) result.Kept++;
                keep.Append(RecordLine(record).ToJsonString(Api.RunwayClient.BodyOptions)).Append('\n');
            }
            foreach (string line in folded.Unreadable) keep.Append(line).Append('\n');
            foreach (string line in appended) keep.Append(line.TrimEnd('\r')).Append('\n');

            string temporary = path + ".compacting";
            byte[] bytes = Encoding.UTF8.GetBytes(keep.ToString());
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(true);
            }
            ReplaceFile(temporary, path);
            result.BytesAfter = bytes.Length;
            lock (LastStatus) journaledIds = null;
        }

        private static byte[] ReadBytes(FileStream stream, long offset, long count)
        {
            var bytes = new byte[count];
            stream.Seek(offset, SeekOrigin.Begin);
            int read = 0;
            while (read < count)
            {
                int n = stream.Read(bytes, read, (int)Math.Min(int.MaxValue, count - read));
                if (n <= 0) throw new IOException("The task journal shrank while it was read.");
                read += n;
            }
            return bytes;
        }

        /// <summary>Whether the file still begins with what was read (appends only add at the end; a compaction rewrites the start).</summary>
        private static bool SameStart(FileStream stream, byte[] head, int length)
        {
            foreach (long offset in new[] { 0L, Math.Max(0, length - 4096) })
            {
                int count = (int)Math.Min(4096, length - offset);
                byte[] now = ReadBytes(stream, offset, count);
                for (int i = 0; i < count; i++) if (now[i] != head[offset + i]) return false;
            }
            return true;
        }

        /// <summary>A rename over the old file: atomic on one volume, so a reader opens the old journal or the new, whole.</summary>
        private static void ReplaceFile(string source, string destination)
        {
            if (File.Exists(destination)) File.Replace(source, destination, null, true);
            else File.Move(source, destination);
        }

        /// <summary>One line that folds back to everything <paramref name="record"/> knows.</summary>
        private static JsonObject RecordLine(JournalRecord record)
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
            line["inputs"] = new JsonArray(record.Inputs.Select(v => (JsonNode)v).ToArray());
            if (record.Output.Length > 0) line["output"] = new JsonArray(record.Output.Select(v => (JsonNode)v).ToArray());
            if (record.Failure != null) line["failure"] = record.Failure;
            if (record.FailureCode != null) line["failureCode"] = record.FailureCode;
            if (record.Credits.HasValue) line["credits"] = record.Credits.Value;
            if (record.Gone) line["gone"] = true;
            if (record.SavedTo.Count > 0) line["savedTo"] = new JsonArray(record.SavedTo.Select(v => (JsonNode)v).ToArray());
            return line;
        }

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
            List<JournalRecord> all = records.Values.OrderByDescending(r => r.CreatedAt).ToList();
            Saw(all);
            return all;
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
                case "attempt":
                    // Never asked about (its id is the journal's own), so it keeps this status.
                    record.Status = Unconfirmed;
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
                    if (line["savedTo"] is JsonArray saved)
                        foreach (string savedPath in saved.Select(n => n?.GetValue<string>()).Where(v => v != null))
                            if (!record.SavedTo.Contains(savedPath)) record.SavedTo.Add(savedPath);
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
                long length;
                using (AcquireLock(path))
                using (var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
                {
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(true);
                    length = stream.Length;
                }
                // The line is on disk first (and the lock released); a compaction that fails leaves the journal as it was.
                long limit = CompactAboveBytes;
                if (limit > 0 && length > limit)
                {
                    try
                    {
                        Compact(limit);
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is TimeoutException || ex is JsonException)
                    {
                        LastError = "compaction: " + ex.Message;
                    }
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

        private static FileStream AcquireLock(string path) => AcquireLock(path, TimeSpan.FromSeconds(10));

        /// <param name="orNull">True to return null instead of throwing when the lock stays taken past <paramref name="patience"/>.</param>
        private static FileStream AcquireLock(string path, TimeSpan patience, string suffix = ".lock", bool orNull = false)
        {
            string lockPath = path + suffix;
            DateTime deadline = DateTime.UtcNow + patience;
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
                catch (IOException) when (orNull && File.Exists(lockPath))
                {
                    return null;
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
