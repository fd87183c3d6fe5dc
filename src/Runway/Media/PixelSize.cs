using System;
using System.IO;
using System.Text;

namespace Runway.Media
{
    /// <summary>
    /// The pixel size of a local image (PNG IHDR, JPEG SOFn) or video (the first visual track's tkhd of an MP4 or
    /// MOV), read from the header only; null when the header does not give it.
    /// </summary>
    public static class PixelSize
    {
        public static (int Width, int Height)? Read(string path, MediaFormat format)
        {
            try
            {
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
                {
                    if (format == MediaProbe.Png || format == MediaProbe.Jpeg)
                    {
                        var head = new byte[Math.Min(stream.Length, 1 << 20)];
                        int read = stream.Read(head, 0, head.Length);
                        return FromImage(head, read);
                    }
                    if (format == MediaProbe.Mp4 || format == MediaProbe.QuickTime) return FromIso(stream, 0, stream.Length, 0);
                }
            }
            catch (IOException)
            {
                // A truncated header: the size is simply unknown.
            }
            return null;
        }

        /// <summary>The size in a data URI's PNG or JPEG bytes.</summary>
        public static (int Width, int Height)? FromDataUri(string uri)
        {
            int comma = uri.IndexOf(',');
            if (comma < 0) return null;
            try
            {
                byte[] bytes = Convert.FromBase64String(uri.Substring(comma + 1));
                return FromImage(bytes, bytes.Length);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        public static (int Width, int Height)? FromImage(byte[] b, int length)
        {
            if (length >= 24 && b[0] == 0x89 && b[1] == 0x50 && b[2] == 0x4E && b[3] == 0x47)
                return (Int32(b, 16), Int32(b, 20));
            if (length < 4 || b[0] != 0xFF || b[1] != 0xD8) return null;
            int i = 2;
            while (i + 9 < length)
            {
                if (b[i] != 0xFF) return null;
                byte marker = b[i + 1];
                if (marker == 0xFF) { i++; continue; }
                int size = b[i + 2] << 8 | b[i + 3];
                if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
                    return (b[i + 7] << 8 | b[i + 8], b[i + 5] << 8 | b[i + 6]);
                i += 2 + size;
            }
            return null;
        }

        private static (int, int)? FromIso(Stream stream, long start, long end, int depth)
        {
            long position = start;
            var box = new byte[8];
            while (position + 8 <= end && depth < 4)
            {
                stream.Position = position;
                if (stream.Read(box, 0, 8) < 8) return null;
                long size = (uint)Int32(box, 0);
                string type = Encoding.ASCII.GetString(box, 4, 4);
                if (size < 8 || size > end - position) return null;
                if (type == "moov" || type == "trak")
                {
                    var found = FromIso(stream, position + 8, position + size, depth + 1);
                    if (found.HasValue) return found;
                }
                else if (type == "tkhd" && size >= 92)
                {
                    var payload = new byte[size - 8];
                    if (stream.Read(payload, 0, payload.Length) < payload.Length) return null;
                    int offset = payload[0] == 1 ? 4 + 32 + 52 : 4 + 20 + 52;
                    if (offset + 8 > payload.Length) return null;
                    int width = Int32(payload, offset) >> 16, height = Int32(payload, offset + 4) >> 16;
                    // An audio track's tkhd has no size: the visual track comes later.
                    if (width > 0 && height > 0) return (width, height);
                }
                position += size;
            }
            return null;
        }

        private static int Int32(byte[] b, int i) => b[i] << 24 | b[i + 1] << 16 | b[i + 2] << 8 | b[i + 3];
    }
}
