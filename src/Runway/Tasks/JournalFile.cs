using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;

namespace Runway.Tasks
{
    /// <summary>One line of a journal file and where it starts.</summary>
    internal struct JournalLine
    {
        public JournalLine(long offset, string text)
        {
            Offset = offset;
            Text = text;
        }

        public long Offset { get; }
        public string Text { get; }
    }

    /// <summary>
    /// The byte-level work on journal files: the lock files writers take turns through, appends that always start
    /// on a line of their own, and reading lines forwards or backwards in fixed-size blocks (bounded memory).
    /// </summary>
    internal static class JournalFile
    {
        private const int Block = 64 * 1024;

        public static FileStream OpenRead(string path) =>
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);

        /// <summary>Takes a lock file next to the journal; throws <see cref="TimeoutException"/> after <paramref name="patience"/>.</summary>
        /// <param name="orNull">True to return null instead of throwing when the lock stays taken past <paramref name="patience"/>.</param>
        public static FileStream? AcquireLock(string lockPath, TimeSpan patience, bool orNull = false)
        {
            DateTime deadline = DateTime.UtcNow + patience;
            var random = new Random();
            while (true)
            {
                try
                {
                    return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                }
                catch (IOException ex) when (DateTime.UtcNow < deadline && !Unwritable(ex))
                {
                    Thread.Sleep(random.Next(2, 15));
                }
                catch (IOException) when (orNull && File.Exists(lockPath))
                {
                    return null;
                }
            }
        }

        /// <summary>A folder that is gone or read-only (EROFS) will not free up like a lock another session holds: no point waiting.</summary>
        private static bool Unwritable(IOException ex) => ex is DirectoryNotFoundException || ex is PathTooLongException || ex.HResult == 30;

        /// <summary>
        /// Appends <paramref name="bytes"/> (whole lines) to an open file, starting on a line of its own: a last line
        /// left without its newline (a crash, a full disk) is ended first, so it can never swallow the new one.
        /// Returns the file's length after the write.
        /// </summary>
        public static long AppendLines(FileStream stream, byte[] bytes, bool durable)
        {
            long length = stream.Length;
            bool torn = false;
            if (length > 0)
            {
                stream.Seek(length - 1, SeekOrigin.Begin);
                torn = stream.ReadByte() != '\n';
            }
            stream.Seek(length, SeekOrigin.Begin);
            if (torn) stream.WriteByte((byte)'\n');
            stream.Write(bytes, 0, bytes.Length);
            stream.Flush(durable);
            return stream.Length;
        }

        /// <summary>Opens a file for <see cref="AppendLines"/> (readable, so that its last byte can be checked).</summary>
        public static FileStream OpenAppend(string path) =>
            new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);

        /// <summary>A rename over the old file: atomic on one volume, so a reader opens the old file or the new, whole.</summary>
        public static void Replace(string source, string destination)
        {
            if (File.Exists(destination)) File.Replace(source, destination, null, true);
            else File.Move(source, destination);
        }

        /// <summary>The end of the last complete line at or before <paramref name="length"/> (0 when there is none).</summary>
        public static long WholeLinesEnd(FileStream stream, long length)
        {
            var buffer = new byte[4096];
            long position = length;
            while (position > 0)
            {
                int size = (int)Math.Min(buffer.Length, position);
                position -= size;
                ReadExactly(stream, position, buffer, size);
                for (int i = size - 1; i >= 0; i--)
                    if (buffer[i] == '\n') return position + i + 1;
            }
            return 0;
        }

        /// <summary>The complete lines (ended by '\n') from <paramref name="start"/> to <paramref name="end"/>, first first.</summary>
        public static IEnumerable<JournalLine> LinesForward(FileStream stream, long start, long end)
        {
            var buffer = new byte[Block];
            var carry = new MemoryStream();
            long lineStart = start;
            long position = start;
            while (position < end)
            {
                int size = (int)Math.Min(Block, end - position);
                ReadExactly(stream, position, buffer, size);
                int from = 0;
                for (int i = 0; i < size; i++)
                {
                    if (buffer[i] != '\n') continue;
                    string text;
                    if (carry.Length > 0)
                    {
                        carry.Write(buffer, from, i - from);
                        text = Encoding.UTF8.GetString(carry.GetBuffer(), 0, (int)carry.Length);
                        carry.SetLength(0);
                    }
                    else text = Encoding.UTF8.GetString(buffer, from, i - from);
                    yield return new JournalLine(lineStart, text);
                    lineStart = position + i + 1;
                    from = i + 1;
                }
                carry.Write(buffer, from, size - from);
                position += size;
            }
        }

        /// <summary>
        /// The lines before <paramref name="end"/> (or the file's end), last first, read in blocks from the end
        /// (UTF-8 splits only at '\n'). The last one may be unfinished (no newline yet).
        /// </summary>
        public static IEnumerable<JournalLine> LinesFromEnd(string path, long end = -1)
        {
            using (FileStream stream = OpenRead(path))
            {
                long position = end < 0 ? stream.Length : Math.Min(end, stream.Length);
                var buffer = new byte[Block];
                var carry = new List<byte>();
                while (position > 0)
                {
                    int size = (int)Math.Min(Block, position);
                    position -= size;
                    ReadExactly(stream, position, buffer, size);
                    // buffer[0..size) + carry = the text from position to the last unfinished line.
                    int stop = size;
                    for (int i = size - 1; i >= 0; i--)
                    {
                        if (buffer[i] != (byte)'\n') continue;
                        var bytes = new byte[stop - i - 1 + carry.Count];
                        Array.Copy(buffer, i + 1, bytes, 0, stop - i - 1);
                        carry.CopyTo(bytes, stop - i - 1);
                        carry.Clear();
                        yield return new JournalLine(position + i + 1, Encoding.UTF8.GetString(bytes));
                        stop = i;
                    }
                    var rest = new byte[stop];
                    Array.Copy(buffer, 0, rest, 0, stop);
                    carry.InsertRange(0, rest);
                }
                if (carry.Count > 0) yield return new JournalLine(0, Encoding.UTF8.GetString(carry.ToArray()));
            }
        }

        /// <summary>The line that starts at <paramref name="offset"/>, or null when it has no newline yet.</summary>
        public static string? LineAt(FileStream stream, long offset)
        {
            var line = new MemoryStream();
            var buffer = new byte[4096];
            long position = offset;
            long length = stream.Length;
            while (position < length)
            {
                int size = (int)Math.Min(buffer.Length, length - position);
                ReadExactly(stream, position, buffer, size);
                int end = Array.IndexOf(buffer, (byte)'\n', 0, size);
                if (end >= 0)
                {
                    line.Write(buffer, 0, end);
                    return Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length);
                }
                line.Write(buffer, 0, size);
                position += size;
            }
            return null;
        }

        public static void ReadExactly(FileStream stream, long offset, byte[] buffer, int count)
        {
            stream.Seek(offset, SeekOrigin.Begin);
            int read = 0;
            while (read < count)
            {
                int n = stream.Read(buffer, read, count - read);
                if (n <= 0) throw new IOException("The task journal shrank while it was read.");
                read += n;
            }
        }
    }
}
