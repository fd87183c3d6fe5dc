using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Runway.Tasks
{
    /// <summary>
    /// The id index beside the journal (journal.jsonl.idx): an on-disk hash table from a task id to the offsets of
    /// its lines, so that a lookup by id reads a few small blocks instead of the file. It is a cache: appends keep it
    /// current under the journal's lock, lines it does not cover yet (written by an older version, or before a
    /// crash) are indexed when found, and a missing or stale index is rebuilt from the journal, so losing it loses
    /// nothing. Layout: a 64-byte header, the slots (key, last link), then one link per line (offset, previous link).
    /// </summary>
    internal sealed class JournalIndex : IDisposable
    {
        private const int HeaderSize = 64;
        private const int EntrySize = 16;
        private const int HeadBytes = 256;
        private static readonly byte[] Magic = Encoding.ASCII.GetBytes("RWJIDX1\n");

        private FileStream file = null!;
        private readonly string path;
        private int slots;
        private int count;
        private long covered;
        private long links;
        private int headLength;
        private ulong headHash;
        private readonly byte[] entry = new byte[EntrySize];

        private JournalIndex(string path) => this.path = path;

        /// <summary>
        /// The offsets of the lines that may be <paramref name="id"/>'s (newest first; a reader checks each line's id),
        /// or null when no index can be had (the caller reads the file instead). Lines the index does not cover yet
        /// are indexed first, under the journal's lock.
        /// </summary>
        public static List<long>? Offsets(string journalPath, string id, bool mayLock = true)
        {
            try
            {
                using (JournalIndex? index = Current(journalPath, mayLock))
                    return index?.Find(Key(id));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is TimeoutException)
            {
                return null;
            }
        }

        /// <summary>Indexes the lines appended since the index was last brought up to date; call under the journal's lock. False when there is no valid index to add to.</summary>
        public static bool CatchUp(string journalPath, FileStream journal)
        {
            using (JournalIndex? index = Open(JournalPaths.Index(journalPath), journal))
            {
                if (index == null) return false;
                index.Add(journal);
                return true;
            }
        }

        /// <summary>Writes a new index of the whole journal (the one reading of the whole file an index costs).</summary>
        public static void Build(string journalPath, FileStream journal)
        {
            var image = new Image(1024);
            long end = JournalFile.WholeLinesEnd(journal, journal.Length);
            foreach (JournalLine line in JournalFile.LinesForward(journal, 0, end))
                if (JournalFold.IdOf(line.Text) is string id) image.Add(Key(id), line.Offset);
            image.Covered = end;
            image.HeadLength = (int)Math.Min(HeadBytes, end);
            image.HeadHash = HeadHash(journal, image.HeadLength);
            image.Save(JournalPaths.Index(journalPath));
        }

        /// <summary>The journal's index, brought up to date (built if missing or stale), or null when the journal is missing or its lock cannot be had.</summary>
        private static JournalIndex? Current(string journalPath, bool mayLock)
        {
            if (!File.Exists(journalPath)) return null;
            string indexPath = JournalPaths.Index(journalPath);
            using (FileStream journal = JournalFile.OpenRead(journalPath))
            {
                JournalIndex? index = Open(indexPath, journal, writable: false);
                if (index != null && index.covered == JournalFile.WholeLinesEnd(journal, journal.Length)) return index;
                index?.Dispose();
            }
            if (!mayLock) return null;
            // Behind or missing: bring it up to date under the journal's lock (appends then see a valid index).
            using (JournalFile.AcquireLock(JournalPaths.Lock(journalPath), TimeSpan.FromSeconds(10)))
            using (FileStream journal = JournalFile.OpenRead(journalPath))
            {
                if (!CatchUp(journalPath, journal)) Build(journalPath, journal);
                return Open(indexPath, journal, writable: false);
            }
        }

        /// <summary>The index, or null when it is missing or does not belong to this journal (a rewrite by another version, a crash mid-swap).</summary>
        private static JournalIndex? Open(string indexPath, FileStream journal, bool writable = true)
        {
            if (!File.Exists(indexPath)) return null;
            var index = new JournalIndex(indexPath);
            index.file = new FileStream(indexPath, FileMode.Open, writable ? FileAccess.ReadWrite : FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            if (index.ReadHeader() && index.Belongs(journal)) return index;
            index.Dispose();
            return null;
        }

        public void Dispose() => file?.Dispose();

        private bool ReadHeader()
        {
            if (file.Length < HeaderSize) return false;
            var header = new byte[HeaderSize];
            JournalFile.ReadExactly(file, 0, header, HeaderSize);
            for (int i = 0; i < Magic.Length; i++) if (header[i] != Magic[i]) return false;
            slots = BitConverter.ToInt32(header, 8);
            count = BitConverter.ToInt32(header, 12);
            covered = BitConverter.ToInt64(header, 16);
            links = BitConverter.ToInt64(header, 24);
            headLength = BitConverter.ToInt32(header, 32);
            headHash = BitConverter.ToUInt64(header, 40);
            return slots >= 16 && (slots & (slots - 1)) == 0 && count >= 0 && count < slots && links >= 0
                && file.Length >= HeaderSize + (slots + links) * (long)EntrySize;
        }

        /// <summary>Cheap checks that the index describes this file: its first bytes, and the last line it indexed ending where it says.</summary>
        private bool Belongs(FileStream journal)
        {
            if (covered > journal.Length || headLength > covered || headLength < Math.Min(HeadBytes, covered)) return false;
            if (HeadHash(journal, headLength) != headHash) return false;
            if (covered == 0) return true;
            var last = new byte[1];
            JournalFile.ReadExactly(journal, covered - 1, last, 1);
            if (last[0] != '\n') return false;
            if (links == 0) return true;
            (long offset, _) = ReadLink(links - 1);
            if (offset < 0 || offset >= covered) return false;
            string? text = JournalFile.LineAt(journal, offset);
            return text != null && offset + Encoding.UTF8.GetByteCount(text) + 1 == covered && JournalFold.IdOf(text) != null;
        }

        private List<long> Find(ulong key)
        {
            var offsets = new List<long>();
            int mask = slots - 1;
            for (int slot = (int)(key & (ulong)mask), probes = 0; probes < slots; slot = (slot + 1) & mask, probes++)
            {
                (ulong k, long link) = ReadSlot(slot);
                if (k == 0) break;
                if (k != key) continue;
                for (long steps = 0; link >= 0 && link < links && steps < links; steps++)
                {
                    (long offset, long previous) = ReadLink(link);
                    offsets.Add(offset);
                    link = previous < link ? previous : -1;
                }
                break;
            }
            return offsets;
        }

        /// <summary>Indexes the complete lines from where the index ends to the journal's end, then records the new end.</summary>
        private void Add(FileStream journal)
        {
            long end = JournalFile.WholeLinesEnd(journal, journal.Length);
            if (end <= covered) return;
            foreach (JournalLine line in JournalFile.LinesForward(journal, covered, end))
            {
                if (!(JournalFold.IdOf(line.Text) is string id)) continue;
                if ((count + 1) * 2 > slots) Grow();
                ulong key = Key(id);
                int mask = slots - 1;
                int slot = (int)(key & (ulong)mask);
                long previous = -1;
                while (true)
                {
                    (ulong k, long link) = ReadSlot(slot);
                    if (k == 0) { count++; break; }
                    if (k == key) { previous = link; break; }
                    slot = (slot + 1) & mask;
                }
                // The link first, then the slot, then the header: a reader never follows a link not yet written.
                Write(LinkPosition(links), line.Offset, previous);
                Write(HeaderSize + slot * (long)EntrySize, (long)key, links);
                links++;
            }
            covered = end;
            if (headLength < HeadBytes && covered > headLength)
            {
                // A young journal's first bytes were fewer than the check reads: read them again now that there are more.
                headLength = (int)Math.Min(HeadBytes, covered);
                headHash = HeadHash(journal, headLength);
            }
            WriteHeader(file, slots, count, covered, links, headLength, headHash);
        }

        /// <summary>Doubles the slots (the links stay as they are) through a new file renamed over this one.</summary>
        private void Grow()
        {
            var image = new Image(slots * 2) { Covered = covered, HeadLength = headLength, HeadHash = headHash };
            for (int slot = 0; slot < slots; slot++)
            {
                (ulong k, long link) = ReadSlot(slot);
                if (k != 0) image.Place(k, link);
            }
            string temporary = path + ".new";
            using (var target = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                image.WriteTable(target, links);
                file.Seek(LinkPosition(0), SeekOrigin.Begin);
                var buffer = new byte[64 * 1024];
                long left = links * EntrySize;
                while (left > 0)
                {
                    int n = file.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                    if (n <= 0) throw new IOException("The journal's index shrank while it grew.");
                    target.Write(buffer, 0, n);
                    left -= n;
                }
            }
            file.Dispose();
            JournalFile.Replace(temporary, path);
            file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            slots = image.Slots;
        }

        private long LinkPosition(long link) => HeaderSize + (slots + link) * (long)EntrySize;

        private (ulong, long) ReadSlot(int slot)
        {
            JournalFile.ReadExactly(file, HeaderSize + slot * (long)EntrySize, entry, EntrySize);
            return (BitConverter.ToUInt64(entry, 0), BitConverter.ToInt64(entry, 8));
        }

        private (long, long) ReadLink(long link)
        {
            JournalFile.ReadExactly(file, LinkPosition(link), entry, EntrySize);
            return (BitConverter.ToInt64(entry, 0), BitConverter.ToInt64(entry, 8));
        }

        private void Write(long position, long first, long second)
        {
            Array.Copy(BitConverter.GetBytes(first), 0, entry, 0, 8);
            Array.Copy(BitConverter.GetBytes(second), 0, entry, 8, 8);
            file.Seek(position, SeekOrigin.Begin);
            file.Write(entry, 0, EntrySize);
        }

        private static void WriteHeader(Stream stream, int slots, int count, long covered, long links, int headLength, ulong headHash)
        {
            var header = new byte[HeaderSize];
            Array.Copy(Magic, header, Magic.Length);
            Array.Copy(BitConverter.GetBytes(slots), 0, header, 8, 4);
            Array.Copy(BitConverter.GetBytes(count), 0, header, 12, 4);
            Array.Copy(BitConverter.GetBytes(covered), 0, header, 16, 8);
            Array.Copy(BitConverter.GetBytes(links), 0, header, 24, 8);
            Array.Copy(BitConverter.GetBytes(headLength), 0, header, 32, 4);
            Array.Copy(BitConverter.GetBytes(headHash), 0, header, 40, 8);
            stream.Seek(0, SeekOrigin.Begin);
            stream.Write(header, 0, HeaderSize);
            stream.Flush();
        }

        /// <summary>FNV-1a over the id in lower case (ids compare case-insensitively); 0 marks an empty slot.</summary>
        private static ulong Key(string id)
        {
            ulong hash = 14695981039346656037UL;
            foreach (char c in id.ToLowerInvariant())
            {
                hash = (hash ^ c) * 1099511628211UL;
            }
            return hash == 0 ? 1 : hash;
        }

        private static ulong HeadHash(FileStream journal, int length)
        {
            var head = new byte[length];
            if (length > 0) JournalFile.ReadExactly(journal, 0, head, length);
            ulong hash = 14695981039346656037UL;
            foreach (byte b in head) hash = (hash ^ b) * 1099511628211UL;
            return hash;
        }

        /// <summary>An index being built in memory (16 bytes a line, 32 a task: a few MB for a year's journal).</summary>
        private sealed class Image
        {
            private ulong[] keys;
            private long[] last;
            private long[] linkOffsets = new long[1024];
            private long[] linkPrevious = new long[1024];
            private long linkCount;
            private int used;

            public Image(int slots)
            {
                keys = new ulong[slots];
                last = new long[slots];
            }

            public int Slots => keys.Length;
            public long Covered { get; set; }
            public int HeadLength { get; set; }
            public ulong HeadHash { get; set; }

            public void Add(ulong key, long offset)
            {
                if ((used + 1) * 2 > keys.Length) Rehash();
                int slot = SlotOf(key);
                if (keys[slot] == 0) used++;
                if (linkCount == linkOffsets.Length)
                {
                    Array.Resize(ref linkOffsets, linkOffsets.Length * 2);
                    Array.Resize(ref linkPrevious, linkPrevious.Length * 2);
                }
                linkOffsets[linkCount] = offset;
                linkPrevious[linkCount] = keys[slot] == 0 ? -1 : last[slot];
                keys[slot] = key;
                last[slot] = linkCount++;
            }

            public void Place(ulong key, long link)
            {
                int slot = SlotOf(key);
                if (keys[slot] == 0) used++;
                keys[slot] = key;
                last[slot] = link;
            }

            private int SlotOf(ulong key)
            {
                int mask = keys.Length - 1;
                int slot = (int)(key & (ulong)mask);
                while (keys[slot] != 0 && keys[slot] != key) slot = (slot + 1) & mask;
                return slot;
            }

            private void Rehash()
            {
                ulong[] oldKeys = keys;
                long[] oldLast = last;
                keys = new ulong[oldKeys.Length * 2];
                last = new long[oldKeys.Length * 2];
                used = 0;
                for (int i = 0; i < oldKeys.Length; i++) if (oldKeys[i] != 0) Place(oldKeys[i], oldLast[i]);
            }

            public void WriteTable(Stream stream, long links)
            {
                WriteHeader(stream, keys.Length, used, Covered, links, HeadLength, HeadHash);
                var buffer = new byte[EntrySize * 4096];
                for (int start = 0; start < keys.Length; start += 4096)
                {
                    int n = Math.Min(4096, keys.Length - start);
                    for (int i = 0; i < n; i++)
                    {
                        Array.Copy(BitConverter.GetBytes(keys[start + i]), 0, buffer, i * EntrySize, 8);
                        Array.Copy(BitConverter.GetBytes(last[start + i]), 0, buffer, i * EntrySize + 8, 8);
                    }
                    stream.Write(buffer, 0, n * EntrySize);
                }
            }

            public void Save(string indexPath)
            {
                string temporary = indexPath + ".new";
                using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    WriteTable(stream, linkCount);
                    var buffer = new byte[EntrySize];
                    for (long i = 0; i < linkCount; i++)
                    {
                        Array.Copy(BitConverter.GetBytes(linkOffsets[i]), 0, buffer, 0, 8);
                        Array.Copy(BitConverter.GetBytes(linkPrevious[i]), 0, buffer, 8, 8);
                        stream.Write(buffer, 0, EntrySize);
                    }
                }
                JournalFile.Replace(temporary, indexPath);
            }
        }
    }
}
