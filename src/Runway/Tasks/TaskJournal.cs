using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Runway.Api;
using Runway.Media;
using Runway.Models;

namespace Runway.Tasks
{
    /// <summary>
    /// A per-user record of every task this module creates, as JSON lines, so that no paid result is lost to a
    /// closed window or a crash: created (before the create cmdlet returns), later sightings (status changes,
    /// outputs), and saved file paths. This is the journal's front: what is written (here), where
    /// (<see cref="JournalPaths"/>), how lines are written (<see cref="JournalWriter"/>), read
    /// (<see cref="JournalReader"/>, <see cref="JournalIndex"/>), folded (<see cref="JournalFold"/>) and compacted
    /// (<see cref="JournalCompactor"/>).
    /// </summary>
    public static partial class TaskJournal
    {
        public const string PathVariable = JournalPaths.PathVariable;
        public const int PromptLimit = 200;
        private static readonly Dictionary<string, string?> LastStatus = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The journal file, or null when RUNWAY_JOURNAL=off.</summary>
        public static string? FilePath => JournalPaths.Journal;

        /// <summary>
        /// Throws <see cref="RunwayJournalException"/> (naming the journal and RUNWAY_JOURNAL=off) unless the journal can
        /// take a line now. Every paid create calls it before its first request, so a journal that cannot be written
        /// is found before anything is charged, not after.
        /// </summary>
        public static void EnsureWritable() => JournalWriter.EnsureWritable(FilePath);

        /// <summary>True when the last append failed (a full disk): the next paid create checks the journal again first.</summary>
        public static bool LastAppendFailed => JournalWriter.LastFailed;

        /// <summary>Records a new task; false when the journal could not be written (see <see cref="LastError"/>).</summary>
        public static bool RecordCreated(RunwayTask task, GenerationRequest request)
        {
            string id = task.Id ?? throw new ArgumentException("A created task has an id: CreateTaskAsync refuses an answer without one.", nameof(task));
            // The API's estimatedCost (read into the task) replaces the module's estimate.
            JsonObject line = CreatedLine("created", id, request, task.EstimatedCredits ?? request.KnownEstimatedCredits);
            if (task.Routing != null)
            {
                // The router chose the model and estimated the cost: the task's, not the request's placeholder.
                line["model"] = task.Model;
                line["estimatedCredits"] = task.EstimatedCredits;
                line["routing"] = task.Routing.ToJson();
            }
            lock (LastStatus) LastStatus[id] = task.Status;
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
            JsonObject line = CreatedLine("attempt", "unconfirmed-" + Guid.NewGuid().ToString("N"), request, request.KnownEstimatedCredits);
            line["reason"] = reason;
            return Append(line);
        }

        private static JsonObject CreatedLine(string kind, string id, GenerationRequest request, decimal? estimatedCredits)
        {
            var line = new JsonObject
            {
                ["event"] = kind,
                ["id"] = id,
                ["time"] = JournalFold.Now(),
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
                inputs.Add(slot.Source.IsLocal ? $"{slot.Source.Value} -> {uri}" : FromTask(slot.Source as MediaSource, uri));
            }
            line["inputs"] = inputs;
            // What a reviewer of the results wants beside them (Export-RunwayContactSheet): copied as sent.
            foreach (string setting in JournalFold.Settings)
                if (request.Body[setting] is JsonValue value) line[setting] = value.DeepClone();
            return line;
        }

        /// <summary>
        /// An input that is another task's output: "from task ID: cat -> URL", so that the first input's name
        /// ({InputName}) survives a chain (folder, upscale, video); the URL alone would name it "0".
        /// </summary>
        private static string FromTask(MediaSource? source, string uri)
        {
            if (source?.OriginTaskId == null) return uri;
            string? name = source.OriginInputName ?? new RunwayTask { Inputs = Find(source.OriginTaskId)?.Inputs ?? Array.Empty<string>() }.InputName;
            return $"{RunwayTask.FromTaskPrefix}{source.OriginTaskId}: {name} -> {uri}";
        }

        /// <summary>The inputs of a request as the journal writes them (data URIs shortened), for the task object too.</summary>
        public static string[] InputsOf(GenerationRequest request)
        {
            var line = CreatedLine("created", string.Empty, request, request.KnownEstimatedCredits);
            return line["inputs"] is JsonArray inputs ? inputs.Select(n => n?.GetValue<string>() ?? string.Empty).ToArray() : Array.Empty<string>();
        }

        /// <summary>
        /// Records the state of a journaled task when it differs from what the journal last recorded for it.
        /// Tasks the journal never saw created (made elsewhere) are not added. The first sighting of a task in a
        /// session looks it up through the index: a few small reads, whatever the journal's size.
        /// </summary>
        public static void RecordSighting(RunwayTask task)
        {
            if (task?.Id == null || task.Status == null) return;
            bool known;
            lock (LastStatus) known = LastStatus.TryGetValue(task.Id, out string? last) && last == task.Status;
            if (known) return;
            string? path = FilePath;
            if (path == null) return;
            lock (LastStatus) known = LastStatus.ContainsKey(task.Id);
            if (!known)
            {
                JournalRecord? record = JournalReader.Find(path, task.Id);
                if (record == null) return;
                bool same = record.Status == task.Status && (!task.IsFinished || !task.Credits.HasValue || record.Credits == task.Credits);
                if (same)
                {
                    lock (LastStatus) LastStatus[task.Id] = task.Status;
                    return;
                }
            }
            lock (LastStatus)
            {
                if (LastStatus.TryGetValue(task.Id, out string? last) && last == task.Status) return;
                LastStatus[task.Id] = task.Status;
            }
            var line = new JsonObject { ["event"] = "status", ["id"] = task.Id, ["time"] = JournalFold.Now(), ["status"] = task.Status };
            if (task.Output != null && task.Output.Length > 0) line["output"] = new JsonArray(task.Output.Select(o => (JsonNode)o).ToArray());
            if (task.Failure != null) line["failure"] = task.Failure;
            if (task.FailureCode != null) line["failureCode"] = task.FailureCode;
            // The final charge (0 when refunded) replaces the estimate: a value, so a second sighting never adds to it.
            if (task.IsFinished && task.Credits.HasValue) line["credits"] = task.Credits.Value;
            Append(line);
        }

        /// <summary>Records that the API no longer knows the task, so listings stop asking about it.</summary>
        public static void RecordGone(string? id) =>
            Append(new JsonObject { ["event"] = "gone", ["id"] = id, ["time"] = JournalFold.Now() });

        /// <summary>
        /// Records that the user deleted a journaled task (with its outputs), so listings no longer offer it.
        /// Tasks the journal never saw created are not added.
        /// </summary>
        public static void RecordDeleted(string id)
        {
            string? path = FilePath;
            if (path == null) return;
            bool known;
            lock (LastStatus) known = LastStatus.ContainsKey(id);
            if (!known && JournalReader.Find(path, id) == null) return;
            lock (LastStatus) LastStatus[id] = "DELETED";
            Append(new JsonObject { ["event"] = "deleted", ["id"] = id, ["time"] = JournalFold.Now() });
        }

        public static void RecordSaved(string? id, string path) =>
            Append(new JsonObject { ["event"] = "saved", ["id"] = id, ["time"] = JournalFold.Now(), ["path"] = path });

        /// <summary>Every task in the journal, newest first, folded in memory (for small files: listings stream with <see cref="StreamNewest"/>). Lines that cannot be read are reported through <paramref name="warn"/> and skipped.</summary>
        public static IReadOnlyList<JournalRecord> Read(Action<string>? warn) => JournalReader.Whole(FilePath, warn, long.MaxValue);

        /// <summary>
        /// The tasks of the journal's last <paramref name="tailBytes"/> bytes (recent tasks, cheaply: tab completion
        /// must not parse a journal of years). A task created before that window may show without its first line.
        /// </summary>
        public static IReadOnlyList<JournalRecord> ReadRecent(long tailBytes) => JournalReader.Whole(FilePath, null, tailBytes);

        /// <summary>
        /// The <paramref name="count"/> newest tasks (created at or after <paramref name="since"/>, when given),
        /// newest first, read backwards from the end of the file: a listing of the last few tasks costs the same in
        /// a journal of years as in a new one. Lines that cannot be read are reported through <paramref name="warn"/>.
        /// </summary>
        public static IReadOnlyList<JournalRecord> ReadNewest(int count, DateTimeOffset? since, Action<string>? warn) =>
            JournalReader.Newest(FilePath, count, since, warn);

        /// <summary>
        /// Every task of the journal, newest first, read backwards from the end in blocks and handed out one by one as
        /// soon as its first line is reached: memory stays bounded, and a listing that stops early never reads the rest.
        /// </summary>
        public static IEnumerable<JournalRecord> StreamNewest(Action<string>? warn) => JournalReader.NewestFirst(FilePath, -1, warn);

        /// <summary>One task of the journal by id, through the index beside it; null when the journal does not know it.</summary>
        public static JournalRecord? Find(string? id) => JournalReader.Find(FilePath, id);

        /// <summary>
        /// The journal is compacted (in the background) when an append finds it larger than this (0: never). A busy
        /// user's year is tens of megabytes of lines; a compaction turns it into one line per task worth keeping.
        /// </summary>
        public static long CompactAboveBytes { get; set; } = 8 * 1024 * 1024;

        /// <summary>A compaction keeps at least this many of the newest tasks in the journal, whatever their state.</summary>
        public static int KeepNewest { get; set; } = 1000;

        /// <summary>A succeeded task never saved stays in the journal this long (its outputs' signed URLs last 24–48 h).</summary>
        public static TimeSpan KeepUnsaved { get; set; } = TimeSpan.FromDays(30);

        /// <summary>Where compactions move the tasks they take out of the journal: nothing is ever deleted.</summary>
        public static string ArchivePath(string journalPath) => JournalPaths.Archive(journalPath);

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

        /// <summary>Compacts the journal now (see <see cref="JournalCompactor"/>); waits for a compaction another session runs.</summary>
        public static CompactionResult Compact() => JournalCompactor.Compact(FilePath, 0);

        /// <summary>True while a compaction this process started after an append runs in the background.</summary>
        public static bool IsCompacting => JournalWriter.Compacting;

        /// <summary>Waits up to <paramref name="patience"/> for a background compaction of this process; false if it still runs.</summary>
        public static bool WaitForCompaction(TimeSpan patience) => JournalWriter.WaitForCompaction(patience);

        /// <summary>Called after a compaction wrote the archive, before it takes the journal's lock (a test appends there).</summary>
        internal static Action? ArchiveWritten;

        /// <summary>
        /// Appends one line while holding the journal's lock file, so concurrent sessions never interleave, starting
        /// on a line of its own. A journal that cannot be written must not fail the paid work that was just done: the
        /// caller gets false, and the line is written before the next one that can be.
        /// </summary>
        public static bool Append(JsonObject line)
        {
            string? path = FilePath;
            if (path == null) return true;
            return JournalWriter.Append(path, Encoding.UTF8.GetBytes(JournalFold.Text(line) + "\n"));
        }

        /// <summary>Why the last append failed, for a warning.</summary>
        public static string? LastError => JournalWriter.LastError;
    }
}
