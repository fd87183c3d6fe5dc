using System;
using System.IO;
using System.Text;
using Runway.Api;
using Runway.Models;

namespace Runway.Media
{
    /// <summary>A media format recognised from a file's first bytes.</summary>
    public sealed class MediaFormat
    {
        public MediaFormat(string name, string mediaType, MediaKind kind, string extension, bool supported = true)
        {
            Name = name;
            MediaType = mediaType;
            Kind = kind;
            Extension = extension;
            Supported = supported;
        }

        public string Name { get; }
        public string MediaType { get; }
        public MediaKind Kind { get; }
        public string Extension { get; }
        /// <summary>False for formats we recognise only to reject them clearly (GIF).</summary>
        public bool Supported { get; }
        public override string ToString() => Name;
    }

    /// <summary>
    /// Tells a file's real format from its bytes (never from its extension) and, where the header says it
    /// cheaply, its duration: WAV, MP3 (CBR, Xing/Info) and MP4/MOV/M4A.
    /// </summary>
    public static class MediaProbe
    {
        public static readonly MediaFormat Png = new MediaFormat("PNG", "image/png", MediaKind.Image, ".png");
        public static readonly MediaFormat Jpeg = new MediaFormat("JPEG", "image/jpeg", MediaKind.Image, ".jpg");
        public static readonly MediaFormat WebP = new MediaFormat("WebP", "image/webp", MediaKind.Image, ".webp");
        public static readonly MediaFormat Gif = new MediaFormat("GIF", "image/gif", MediaKind.Image, ".gif", supported: false);
        public static readonly MediaFormat Mp4 = new MediaFormat("MP4", "video/mp4", MediaKind.Video, ".mp4");
        public static readonly MediaFormat QuickTime = new MediaFormat("MOV", "video/quicktime", MediaKind.Video, ".mov");
        public static readonly MediaFormat Matroska = new MediaFormat("MKV", "video/x-matroska", MediaKind.Video, ".mkv");
        public static readonly MediaFormat WebM = new MediaFormat("WebM", "video/webm", MediaKind.Video, ".webm");
        public static readonly MediaFormat Mp3 = new MediaFormat("MP3", "audio/mpeg", MediaKind.Audio, ".mp3");
        public static readonly MediaFormat Wav = new MediaFormat("WAV", "audio/wav", MediaKind.Audio, ".wav");
        public static readonly MediaFormat Flac = new MediaFormat("FLAC", "audio/flac", MediaKind.Audio, ".flac");
        public static readonly MediaFormat M4A = new MediaFormat("M4A", "audio/mp4", MediaKind.Audio, ".m4a");
        public static readonly MediaFormat Aac = new MediaFormat("AAC", "audio/aac", MediaKind.Audio, ".aac");
        /// <summary>Ogg Opus: an output format (seed_audio's ogg_opus), not an input the API takes.</summary>
        public static readonly MediaFormat Ogg = new MediaFormat("Ogg", "audio/ogg", MediaKind.Audio, ".ogg", supported: false);

        private static readonly MediaFormat[] All = { Png, Jpeg, WebP, Gif, Mp4, QuickTime, Matroska, WebM, Mp3, Wav, Flac, M4A, Aac, Ogg };

        /// <summary>The format of a known media type (for downloads named from Content-Type).</summary>
        public static MediaFormat? FromMediaType(string? mediaType)
        {
            if (Strings.IsEmpty(mediaType)) return null;
            string type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
            if (type == "audio/x-wav" || type == "audio/wave" || type == "audio/vnd.wave") return Wav;
            if (type == "audio/mp3") return Mp3;
            if (type == "audio/x-m4a") return M4A;
            foreach (MediaFormat format in All)
                if (format.MediaType == type) return format;
            return null;
        }

        public static MediaFormat? FromExtension(string? extension)
        {
            if (Strings.IsEmpty(extension)) return null;
            string ext = extension.StartsWith(".", StringComparison.Ordinal) ? extension.ToLowerInvariant() : "." + extension.ToLowerInvariant();
            if (ext == ".jpeg") return Jpeg;
            foreach (MediaFormat format in All)
                if (format.Extension == ext) return format;
            return null;
        }

        public static MediaFormat? Sniff(byte[] head, int length)
        {
            if (length >= 8 && head[0] == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') return Png;
            if (length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return Jpeg;
            if (length >= 12 && Ascii(head, 0, 4) == "RIFF" && Ascii(head, 8, 4) == "WEBP") return WebP;
            if (length >= 12 && Ascii(head, 0, 4) == "RIFF" && Ascii(head, 8, 4) == "WAVE") return Wav;
            if (length >= 6 && (Ascii(head, 0, 6) == "GIF87a" || Ascii(head, 0, 6) == "GIF89a")) return Gif;
            if (length >= 4 && Ascii(head, 0, 4) == "fLaC") return Flac;
            if (length >= 4 && Ascii(head, 0, 4) == "OggS") return Ogg;
            if (length >= 12 && Ascii(head, 4, 4) == "ftyp")
            {
                string brand = Ascii(head, 8, 4);
                if (brand == "qt  ") return QuickTime;
                if (brand.StartsWith("M4A", StringComparison.Ordinal) || brand.StartsWith("M4B", StringComparison.Ordinal)) return M4A;
                return Mp4;
            }
            if (length >= 4 && head[0] == 0x1A && head[1] == 0x45 && head[2] == 0xDF && head[3] == 0xA3)
                return IndexOf(head, length, "webm") >= 0 ? WebM : Matroska;
            if (length >= 3 && Ascii(head, 0, 3) == "ID3") return Mp3;
            if (length >= 2 && head[0] == 0xFF && (head[1] & 0xF6) == 0xF0) return Aac;
            if (length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0) return Mp3;
            return null;
        }

        public static MediaFormat? Sniff(string path)
        {
            var head = new byte[64];
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
                return Sniff(head, ReadFully(stream, head));
        }

        /// <summary>The duration in seconds when the format's header gives it, else null.</summary>
        public static double? ReadDuration(string path, MediaFormat format)
        {
            try
            {
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
                {
                    if (format == Wav) return WavDuration(stream);
                    if (format == Mp3) return Mp3Duration(stream);
                    if (format == Mp4 || format == QuickTime || format == M4A) return IsoDuration(stream);
                }
            }
            catch (IOException)
            {
                // Truncated or unreadable header: the duration is simply unknown.
            }
            return null;
        }

        internal static double? WavDuration(Stream stream)
        {
            var reader = new BinaryReader(stream);
            stream.Position = 12;
            uint byteRate = 0;
            while (stream.Position + 8 <= stream.Length)
            {
                string id = Encoding.ASCII.GetString(reader.ReadBytes(4));
                uint size = reader.ReadUInt32();
                if (id == "fmt ")
                {
                    long start = stream.Position;
                    stream.Position = start + 8;
                    byteRate = reader.ReadUInt32();
                    stream.Position = start + size + (size & 1);
                }
                else if (id == "data")
                {
                    if (byteRate == 0) return null;
                    long dataSize = Math.Min(size, stream.Length - stream.Position);
                    return dataSize / (double)byteRate;
                }
                else
                {
                    stream.Position += size + (size & 1);
                }
            }
            return null;
        }

        private static readonly int[] Mpeg1Layer3Bitrates = { 0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0 };
        private static readonly int[] Mpeg2Layer3Bitrates = { 0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0 };
        private static readonly int[]?[] SampleRates = { new[] { 11025, 12000, 8000 }, null, new[] { 22050, 24000, 16000 }, new[] { 44100, 48000, 32000 } };

        internal static double? Mp3Duration(Stream stream)
        {
            long audioStart = 0;
            var header = new byte[10];
            stream.Position = 0;
            if (ReadFully(stream, header) == 10 && Ascii(header, 0, 3) == "ID3")
                audioStart = 10 + ((header[6] & 0x7F) << 21 | (header[7] & 0x7F) << 14 | (header[8] & 0x7F) << 7 | (header[9] & 0x7F));

            var buffer = new byte[4096];
            stream.Position = audioStart;
            int read = ReadFully(stream, buffer);
            for (int i = 0; i + 4 <= read; i++)
            {
                if (buffer[i] != 0xFF || (buffer[i + 1] & 0xE0) != 0xE0) continue;
                int version = (buffer[i + 1] >> 3) & 3;     // 3 = MPEG1, 2 = MPEG2, 0 = MPEG2.5
                int layer = (buffer[i + 1] >> 1) & 3;       // 1 = Layer III
                int bitrateIndex = buffer[i + 2] >> 4;
                int rateIndex = (buffer[i + 2] >> 2) & 3;
                if (version == 1 || layer != 1 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) continue;
                int bitrate = (version == 3 ? Mpeg1Layer3Bitrates : Mpeg2Layer3Bitrates)[bitrateIndex] * 1000;
                // Version 1 (reserved, no rates) was skipped above.
                int sampleRate = SampleRates[version]?[rateIndex] ?? 0;
                int samplesPerFrame = version == 3 ? 1152 : 576;
                bool mono = (buffer[i + 3] >> 6) == 3;
                int sideInfo = version == 3 ? (mono ? 17 : 32) : (mono ? 9 : 17);
                int xing = i + 4 + sideInfo;
                if (xing + 12 <= read)
                {
                    string tag = Ascii(buffer, xing, 4);
                    if ((tag == "Xing" || tag == "Info") && (buffer[xing + 7] & 1) == 1)
                    {
                        long frames = (long)buffer[xing + 8] << 24 | (long)buffer[xing + 9] << 16 | (long)buffer[xing + 10] << 8 | buffer[xing + 11];
                        return frames * samplesPerFrame / (double)sampleRate;
                    }
                }
                long audioBytes = stream.Length - (audioStart + i);
                return audioBytes * 8.0 / bitrate;
            }
            return null;
        }

        /// <summary>Duration from the movie header (mvhd) of an ISO base media file (MP4, MOV, M4A).</summary>
        internal static double? IsoDuration(Stream stream)
        {
            var reader = new BinaryReader(stream);
            return FindMvhd(stream, reader, 0, stream.Length, depth: 0);
        }

        private static double? FindMvhd(Stream stream, BinaryReader reader, long start, long end, int depth)
        {
            long position = start;
            while (position + 8 <= end)
            {
                stream.Position = position;
                long size = ReadUInt32BigEndian(reader);
                string type = Encoding.ASCII.GetString(reader.ReadBytes(4));
                long headerSize = 8;
                if (size == 1) { size = (long)ReadUInt64BigEndian(reader); headerSize = 16; }
                else if (size == 0) size = end - position;
                if (size < headerSize || size > end - position) return null;
                if (type == "moov" && depth == 0)
                    return FindMvhd(stream, reader, position + headerSize, position + size, depth + 1);
                if (type == "mvhd" && depth == 1)
                {
                    int version = reader.ReadByte();
                    reader.ReadBytes(3);
                    long timescale, duration;
                    if (version == 1)
                    {
                        reader.ReadBytes(16);
                        timescale = ReadUInt32BigEndian(reader);
                        duration = (long)ReadUInt64BigEndian(reader);
                    }
                    else
                    {
                        reader.ReadBytes(8);
                        timescale = ReadUInt32BigEndian(reader);
                        duration = ReadUInt32BigEndian(reader);
                    }
                    return timescale > 0 ? duration / (double)timescale : (double?)null;
                }
                position += size;
            }
            return null;
        }

        private static uint ReadUInt32BigEndian(BinaryReader reader)
        {
            byte[] b = reader.ReadBytes(4);
            if (b.Length < 4) throw new EndOfStreamException();
            return (uint)(b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);
        }

        private static ulong ReadUInt64BigEndian(BinaryReader reader) =>
            (ulong)ReadUInt32BigEndian(reader) << 32 | ReadUInt32BigEndian(reader);

        private static int ReadFully(Stream stream, byte[] buffer)
        {
            int total = 0;
            while (total < buffer.Length)
            {
                int read = stream.Read(buffer, total, buffer.Length - total);
                if (read == 0) break;
                total += read;
            }
            return total;
        }

        private static string Ascii(byte[] bytes, int offset, int count) => Encoding.ASCII.GetString(bytes, offset, count);

        private static int IndexOf(byte[] haystack, int length, string needle)
        {
            byte[] n = Encoding.ASCII.GetBytes(needle);
            for (int i = 0; i + n.Length <= length; i++)
            {
                int j = 0;
                while (j < n.Length && haystack[i + j] == n[j]) j++;
                if (j == n.Length) return i;
            }
            return -1;
        }
    }
}
