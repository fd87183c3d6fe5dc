using System;
using System.Collections.Generic;
using System.IO;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace Runway.Tasks
{
    /// <summary>
    /// Writing the journal: one locked, durable append per line (each on a line of its own, the index kept up to
    /// date), lines that could not be written kept for the next append, the check that the journal can take a line
    /// before anything is paid for, and the compaction an append starts in the background when the file is large.
    /// </summary>
    internal static class JournalWriter
    {
        /// <summary>What a probe writes: more than a created line takes (a full disk refuses it as it would the line).</summary>
        private const int ProbeBytes = 4096;
        private const int UnwrittenLimit = 10000;

        /// <summary>Per journal file, lines whose append failed (a full disk): written first by the next append that succeeds.</summary>
        private static readonly Dictionary<string, List<byte[]>> Unwritten = new Dictionary<string, List<byte[]>>(StringComparer.Ordinal);
        private static int compacting;
        private static Task? background;

        static JournalWriter()
        {
            // A compaction started by this process finishes before it exits (a rename is atomic, but a half-written archive is not).
            AppDomain.CurrentDomain.ProcessExit += (sender, args) =>
            {
                try
                {
                    background?.Wait(TimeSpan.FromSeconds(60));
                }
                catch (AggregateException)
                {
                    // It failed: the journal is as it was (the rename never happened); the next append tries again.
                }
            };
        }

        public static string? LastError { get; private set; }

        /// <summary>True when the last append failed: the next paid create checks the journal again first.</summary>
        public static bool LastFailed { get; private set; }

        public static bool Compacting => Volatile.Read(ref compacting) != 0;

        /// <summary>Appends <paramref name="line"/> (one line with its newline; null: only the lines kept from failed appends).</summary>
        public static bool Append(string path, byte[]? line)
        {
            lock (Unwritten)
            {
                Unwritten.TryGetValue(path, out List<byte[]> waiting);
                var bytes = new MemoryStream();
                if (waiting != null) foreach (byte[] kept in waiting) bytes.Write(kept, 0, kept.Length);
                if (line != null) bytes.Write(line, 0, line.Length);
                if (bytes.Length == 0) return true;
                long length;
                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path));
                    using (JournalFile.AcquireLock(JournalPaths.Lock(path), TimeSpan.FromSeconds(10)))
                    using (FileStream stream = JournalFile.OpenAppend(path))
                    {
                        length = JournalFile.AppendLines(stream, bytes.ToArray(), durable: true);
                        try
                        {
                            JournalIndex.CatchUp(path, stream);
                        }
                        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                        {
                            // The index is a cache: a lookup that finds it behind or broken rebuilds it.
                        }
                    }
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is TimeoutException)
                {
                    LastError = ex.Message;
                    LastFailed = true;
                    if (line != null)
                    {
                        if (waiting == null) Unwritten[path] = waiting = new List<byte[]>();
                        if (waiting.Count < UnwrittenLimit) waiting.Add(line);
                    }
                    return false;
                }
                Unwritten.Remove(path);
                LastFailed = false;
                long limit = TaskJournal.CompactAboveBytes;
                if (limit > 0 && length > limit) StartCompaction(path, limit);
                return true;
            }
        }

        /// <summary>
        /// Throws <see cref="RunwayJournalException"/> unless the journal can take a line now: its folder exists or can
        /// be made, the file opens for appending, a probe as large as a line fits on the disk, and lines kept from
        /// failed appends are written.
        /// </summary>
        public static void EnsureWritable(string? path)
        {
            if (path == null) return;
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path));
                using (JournalFile.OpenAppend(path))
                {
                }
                string probe = path + ".probe-" + Guid.NewGuid().ToString("N").Substring(0, 8);
                using (var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
                {
                    stream.Write(new byte[ProbeBytes], 0, ProbeBytes);
                    stream.Flush();
                }
                bool waiting;
                lock (Unwritten) waiting = Unwritten.ContainsKey(path);
                if (waiting && !Append(path, null)) throw new IOException(LastError);
                LastFailed = false;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException || ex is SecurityException)
            {
                throw new RunwayJournalException(path, ex);
            }
        }

        /// <summary>A compaction in the background: the append that finds the file large returns at once, and so do the creates after it.</summary>
        private static void StartCompaction(string path, long limit)
        {
            if (Interlocked.CompareExchange(ref compacting, 1, 0) != 0) return;
            background = Task.Run(() =>
            {
                try
                {
                    JournalCompactor.Compact(path, limit);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is TimeoutException || ex is System.Text.Json.JsonException || ex is InvalidOperationException)
                {
                    LastError = "compaction: " + ex.Message;
                }
                finally
                {
                    Volatile.Write(ref compacting, 0);
                }
            });
        }

        /// <summary>Waits for a compaction this process started in the background (tests and benchmarks).</summary>
        public static bool WaitForCompaction(TimeSpan patience) => background?.Wait(patience) ?? true;
    }
}
