using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Runway.Api;

namespace Runway.Tasks
{
    /// <summary>
    /// Rewrites the journal as one line per task it keeps (every unfinished task, every succeeded task not yet saved
    /// and younger than <see cref="TaskJournal.KeepUnsaved"/>, and the <see cref="TaskJournal.KeepNewest"/> newest)
    /// and appends the others, one line each, to the archive. It streams: the file is read backwards in blocks and
    /// each task folded as soon as its first line is reached, so memory stays bounded whatever the file's size. The
    /// long part (reading, folding, writing the archive and the new journal and its index) runs without the journal's
    /// lock, so other sessions keep appending; under the lock only the lines appended meanwhile are carried over (a
    /// task they touch is kept too, even if archived: the journal's newer state wins) and the new journal replaces
    /// the old by a rename. The archive is written first: a crash leaves a task in both files, never in neither.
    /// </summary>
    internal static class JournalCompactor
    {
        private const int Mark = 4096;

        public static TaskJournal.CompactionResult Compact(string? path, long onlyAbove)
        {
            if (path == null || !File.Exists(path)) return new TaskJournal.CompactionResult();
            // An append that finds the file large leaves it to a compaction already running; Compact() waits its turn.
            FileStream? turn = JournalFile.AcquireLock(JournalPaths.CompactLock(path), onlyAbove > 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(60), onlyAbove > 0);
            if (turn == null) return new TaskJournal.CompactionResult();
            using (turn)
            {
                long whole;
                byte[][] marks;
                using (FileStream stream = JournalFile.OpenRead(path))
                {
                    long length = stream.Length;
                    if (length <= onlyAbove) return new TaskJournal.CompactionResult { BytesBefore = length, BytesAfter = length };
                    whole = JournalFile.WholeLinesEnd(stream, length);
                    marks = Marks(stream, whole);
                }
                string next = JournalPaths.Compacting(path);
                var result = new TaskJournal.CompactionResult();
                HashSet<string> kept = Split(path, whole, next, result);
                TaskJournal.ArchiveWritten?.Invoke();
                // Busy sessions append between its tries: a compaction may wait longer for its turn than an append does.
                using (JournalFile.AcquireLock(JournalPaths.Lock(path), TimeSpan.FromSeconds(60)))
                {
                    Stopwatch locked = Stopwatch.StartNew();
                    string[] appended;
                    long before;
                    using (FileStream stream = JournalFile.OpenRead(path))
                    {
                        before = stream.Length;
                        if (before >= whole && Marks(stream, whole).Zip(marks, (a, b) => a.SequenceEqual(b)).All(same => same))
                        {
                            var rest = new byte[before - whole];
                            JournalFile.ReadExactly(stream, whole, rest, rest.Length);
                            appended = Encoding.UTF8.GetString(rest).Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)).ToArray();
                        }
                        else
                        {
                            // Rewritten since it was read (a session of a version without the compaction lock): read it
                            // again and archive what it holds, under the lock this time.
                            result = new TaskJournal.CompactionResult();
                            kept = Split(path, before, next, result);
                            appended = Array.Empty<string>();
                        }
                    }
                    result.BytesBefore = before;
                    Swap(path, next, kept, appended, result);
                    result.LockedMilliseconds = locked.Elapsed.TotalMilliseconds;
                    return result;
                }
            }
        }

        /// <summary>The file's first and last few KB before <paramref name="end"/>: appends only add after it, a rewrite changes them.</summary>
        private static byte[][] Marks(FileStream stream, long end)
        {
            var marks = new byte[2][];
            long[] offsets = { 0, Math.Max(0, end - Mark) };
            for (int i = 0; i < 2; i++)
            {
                marks[i] = new byte[Math.Min(Mark, end - offsets[i])];
                JournalFile.ReadExactly(stream, offsets[i], marks[i], marks[i].Length);
            }
            return marks;
        }

        /// <summary>
        /// Folds the file up to <paramref name="end"/>, newest first, appends the archived tasks to the archive and
        /// writes the kept ones (and lines this version cannot read, as they are) to <paramref name="next"/>, oldest
        /// first, with its index. Returns the ids kept.
        /// </summary>
        private static HashSet<string> Split(string path, long end, string next, TaskJournal.CompactionResult result)
        {
            var kept = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            string keptNewestFirst = next + ".kept";
            string archivedNewestFirst = next + ".archived";
            DateTimeOffset now = DateTimeOffset.Now;
            int seen = 0;
            try
            {
                using (StreamWriter keep = Writer(keptNewestFirst))
                using (StreamWriter archive = Writer(archivedNewestFirst))
                {
                    // A line this version cannot read is kept as it is: it may be a newer version's.
                    foreach (JournalRecord record in JournalReader.NewestFirst(path, end, null, line => keep.Write(line + "\n")))
                    {
                        string line = JournalFold.Text(JournalFold.RecordLine(record)) + "\n";
                        if (seen++ < TaskJournal.KeepNewest || MustStay(record, now))
                        {
                            keep.Write(line);
                            kept.Add(record.Id);
                            result.Kept++;
                        }
                        else
                        {
                            archive.Write(line);
                            result.Archived++;
                        }
                    }
                }
                // Both files are written oldest first, like the journal; the archive first (see the class summary).
                if (result.Archived > 0)
                    using (FileStream archive = JournalFile.OpenAppend(JournalPaths.Archive(path)))
                        CopyReversed(archivedNewestFirst, archive);
                using (var journal = new FileStream(next, FileMode.Create, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
                {
                    CopyReversed(keptNewestFirst, journal);
                    try
                    {
                        JournalIndex.Build(next, journal);
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                    {
                        // The index is a cache: the first lookup builds it.
                    }
                }
            }
            finally
            {
                File.Delete(keptNewestFirst);
                File.Delete(archivedNewestFirst);
            }
            return kept;
        }

        /// <summary>Unfinished, unconfirmed, or succeeded and not saved yet (for <see cref="TaskJournal.KeepUnsaved"/>).</summary>
        private static bool MustStay(JournalRecord record, DateTimeOffset now)
        {
            // An unconfirmed attempt waits for the user to reconcile it: kept like an unfinished task. (Its "attempt"
            // line marks it gone, as it is never asked about, so it is tested first.) A status the API added later (not
            // PENDING, THROTTLED or RUNNING) ended its wait, so it is archived like a finished task.
            bool unfinished = record.Status == TaskJournal.Unconfirmed || (!record.Gone && (record.Status == null || RunwayTask.IsActiveStatus(record.Status)));
            bool unsaved = !record.Gone && record.Status == RunwayTask.Succeeded && record.SavedTo.Count == 0 && now - record.CreatedAt < TaskJournal.KeepUnsaved;
            return unfinished || unsaved;
        }

        /// <summary>
        /// Under the journal's lock: a task a line appended meanwhile speaks of is kept (so that the line folds onto
        /// it), those lines are carried over as they are, and the new journal (and its index) replace the old.
        /// </summary>
        private static void Swap(string path, string next, HashSet<string> kept, string[] appended, TaskJournal.CompactionResult result)
        {
            var tail = new StringBuilder();
            var touched = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string text in appended)
            {
                string? id = JournalFold.IdOf(text);
                if (id == null || kept.Contains(id) || !touched.Add(id)) continue;
                // Archived already, yet touched since: in both files, the journal's (newer) state wins.
                if (JournalReader.Find(path, id, mayLock: false) is JournalRecord record)
                {
                    tail.Append(JournalFold.Text(JournalFold.RecordLine(record))).Append('\n');
                    result.Kept++;
                }
            }
            foreach (string text in appended) tail.Append(text.TrimEnd('\r')).Append('\n');
            using (FileStream journal = JournalFile.OpenAppend(next))
            {
                result.BytesAfter = JournalFile.AppendLines(journal, Encoding.UTF8.GetBytes(tail.ToString()), durable: true);
                try
                {
                    JournalIndex.CatchUp(next, journal);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                }
            }
            // No moment with an index that does not match the journal: the old one goes first, the new one comes last.
            File.Delete(JournalPaths.Index(path));
            JournalFile.Replace(next, path);
            if (File.Exists(JournalPaths.Index(next)))
            {
                try
                {
                    JournalFile.Replace(JournalPaths.Index(next), JournalPaths.Index(path));
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                }
            }
        }

        private static StreamWriter Writer(string path) =>
            new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024), new UTF8Encoding(false));

        /// <summary>Appends the lines of <paramref name="source"/> last first to <paramref name="target"/>, in blocks, durably.</summary>
        private static void CopyReversed(string source, FileStream target)
        {
            var block = new MemoryStream();
            bool first = true;
            void Flush()
            {
                if (block.Length == 0 && !first) return;
                byte[] bytes = block.ToArray();
                if (first) JournalFile.AppendLines(target, bytes, durable: false);
                else target.Write(bytes, 0, bytes.Length);
                first = false;
                block.SetLength(0);
            }
            foreach (JournalLine line in JournalFile.LinesFromEnd(source))
            {
                if (string.IsNullOrWhiteSpace(line.Text)) continue;
                byte[] bytes = Encoding.UTF8.GetBytes(line.Text + "\n");
                block.Write(bytes, 0, bytes.Length);
                if (block.Length >= 1024 * 1024) Flush();
            }
            Flush();
            target.Flush(true);
        }
    }
}
