using System.Buffers.Binary;
using System.Text;

namespace Runway.Simulator;

public enum MediaKind { Image, Video, Audio }

/// <summary>What the simulator learned about a media input: its kind, sniffed format and (when readable) duration and pixel size.</summary>
public sealed record MediaInfo(MediaKind Kind, string Format, double? DurationSeconds, int? Width = null, int? Height = null);

/// <summary>Format sniffing and duration reading for media inputs (data URIs and uploads).</summary>
public static class Media
{
    public const int MaxUrlLength = 2048;
    /// <summary>Data URIs of every media kind are capped at 5 MB (SDK 4.17.1); larger files go through an upload.</summary>
    public const int MaxDataUriChars = 5 * 1024 * 1024;

    /// <summary>Accepted data URI mime types per kind, mapped to the sniffed format they require.</summary>
    public static readonly IReadOnlyDictionary<MediaKind, IReadOnlyDictionary<string, string>> MimeFormats =
        new Dictionary<MediaKind, IReadOnlyDictionary<string, string>>
        {
            [MediaKind.Image] = new Dictionary<string, string>
            {
                ["image/jpeg"] = "jpeg", ["image/png"] = "png", ["image/webp"] = "webp",
            },
            [MediaKind.Video] = new Dictionary<string, string>
            {
                ["video/mp4"] = "mp4", ["video/quicktime"] = "quicktime", ["video/x-matroska"] = "matroska", ["video/webm"] = "matroska",
            },
            [MediaKind.Audio] = new Dictionary<string, string>
            {
                ["audio/mpeg"] = "mp3", ["audio/wav"] = "wav", ["audio/x-wav"] = "wav", ["audio/flac"] = "flac",
                ["audio/mp4"] = "mp4", ["audio/x-m4a"] = "mp4", ["audio/aac"] = "aac",
            },
        };

    /// <summary>The kind of a sniffed format. MP4 containers may hold video or audio.</summary>
    public static bool FormatFits(string format, MediaKind kind) => kind switch
    {
        MediaKind.Image => format is "png" or "jpeg" or "webp",
        MediaKind.Video => format is "mp4" or "quicktime" or "matroska",
        MediaKind.Audio => format is "mp3" or "wav" or "flac" or "mp4" or "aac",
        _ => false,
    };

    public static readonly string[] UploadExtensions =
        ["png", "jpg", "jpeg", "webp", "mp4", "mov", "mkv", "webm", "mp3", "wav", "flac", "m4a", "aac"];

    /// <summary>Identifies a media format from the first bytes of a file; null when unknown.</summary>
    public static string? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "png";
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return "jpeg";
        if (b.Length >= 12 && Ascii(b, 0, "RIFF") && Ascii(b, 8, "WEBP")) return "webp";
        if (b.Length >= 12 && Ascii(b, 0, "RIFF") && Ascii(b, 8, "WAVE")) return "wav";
        if (b.Length >= 4 && Ascii(b, 0, "fLaC")) return "flac";
        if (b.Length >= 4 && b[0] == 0x1A && b[1] == 0x45 && b[2] == 0xDF && b[3] == 0xA3) return "matroska";
        if (b.Length >= 12 && Ascii(b, 4, "ftyp")) return Ascii(b, 8, "qt  ") ? "quicktime" : "mp4";
        if (b.Length >= 8 && (Ascii(b, 4, "moov") || Ascii(b, 4, "mdat") || Ascii(b, 4, "wide"))) return "quicktime";
        if (b.Length >= 3 && Ascii(b, 0, "ID3")) return "mp3";
        if (b.Length >= 2 && b[0] == 0xFF && (b[1] & 0xF6) == 0xF0) return "aac"; // ADTS: sync + layer 00
        if (b.Length >= 4 && Mp3Frame.TryParse(b[..4], out _)) return "mp3";
        return null;
    }

    /// <summary>Whether a mime's required format accepts the sniffed one (QuickTime files often carry an mp4 ftyp).</summary>
    public static bool MimeAccepts(string requiredFormat, string sniffed) =>
        requiredFormat == sniffed || (requiredFormat == "quicktime" && sniffed == "mp4");

    /// <summary>The pixel size of a PNG (IHDR) or baseline/progressive JPEG (SOFn); null when not readable.</summary>
    public static (int Width, int Height)? ReadImageSize(Stream s, string format)
    {
        try
        {
            s.Position = 0;
            if (format == "png")
            {
                var head = ReadExactly(s, 24);
                return (BinaryPrimitives.ReadInt32BigEndian(head.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(head.AsSpan(20)));
            }
            if (format != "jpeg") return null;
            s.Position = 2;
            while (s.Position + 4 <= s.Length)
            {
                var marker = ReadExactly(s, 4);
                if (marker[0] != 0xFF) return null;
                var length = BinaryPrimitives.ReadUInt16BigEndian(marker.AsSpan(2));
                if (marker[1] is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                {
                    var sof = ReadExactly(s, 5);
                    return (BinaryPrimitives.ReadUInt16BigEndian(sof.AsSpan(3)), BinaryPrimitives.ReadUInt16BigEndian(sof.AsSpan(1)));
                }
                s.Position += length - 2;
            }
            return null;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>What a stream of a sniffed format holds: its duration or its pixel size.</summary>
    public static MediaInfo Describe(MediaKind kind, string format, Stream s)
    {
        var size = ReadImageSize(s, format);
        return new MediaInfo(kind, format, ReadDuration(s, format), size?.Width, size?.Height);
    }

    /// <summary>Reads the duration of a WAV, MP3 or MP4 stream; null when the format has no readable duration.</summary>
    public static double? ReadDuration(Stream s, string format)
    {
        try
        {
            s.Position = 0;
            return format switch
            {
                "wav" => WavDuration(s),
                "mp3" => Mp3Duration(s),
                "mp4" or "quicktime" => Mp4Duration(s),
                _ => null,
            };
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    private static bool Ascii(ReadOnlySpan<byte> b, int offset, string text) =>
        b.Length >= offset + text.Length && Encoding.ASCII.GetString(b.Slice(offset, text.Length)) == text;

    private static byte[] ReadExactly(Stream s, int count)
    {
        var buffer = new byte[count];
        s.ReadExactly(buffer);
        return buffer;
    }

    private static double? WavDuration(Stream s)
    {
        var header = ReadExactly(s, 12);
        if (!Ascii(header, 0, "RIFF") || !Ascii(header, 8, "WAVE")) return null;
        uint byteRate = 0;
        while (s.Position + 8 <= s.Length)
        {
            var chunk = ReadExactly(s, 8);
            var id = Encoding.ASCII.GetString(chunk, 0, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(4));
            if (id == "fmt ")
            {
                var fmt = ReadExactly(s, (int)Math.Min(size, 64));
                byteRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt.AsSpan(8));
                s.Position += size - Math.Min(size, 64) + (size & 1);
            }
            else if (id == "data")
            {
                if (byteRate == 0) return null;
                // A streamed WAV may declare 0 or 0xFFFFFFFF; then the data runs to the end of the file.
                long dataSize = size is 0 or uint.MaxValue ? s.Length - s.Position : Math.Min(size, s.Length - s.Position);
                return (double)dataSize / byteRate;
            }
            else
            {
                s.Position += size + (size & 1);
            }
        }
        return null;
    }

    private static double? Mp3Duration(Stream s)
    {
        var head = ReadExactly(s, (int)Math.Min(10, s.Length));
        long audioStart = 0;
        if (head.Length == 10 && Ascii(head, 0, "ID3"))
            audioStart = 10 + ((head[6] & 0x7F) << 21 | (head[7] & 0x7F) << 14 | (head[8] & 0x7F) << 7 | (head[9] & 0x7F));
        long audioEnd = s.Length;
        if (s.Length >= 128)
        {
            s.Position = s.Length - 128;
            if (Ascii(ReadExactly(s, 3), 0, "TAG")) audioEnd -= 128;
        }
        // Find the first frame header within 64 KB of the tag.
        s.Position = audioStart;
        var window = new byte[(int)Math.Min(65536, Math.Max(0, audioEnd - audioStart))];
        var read = s.ReadAtLeast(window, window.Length, throwOnEndOfStream: false);
        for (var i = 0; i + 4 <= read; i++)
        {
            if (!Mp3Frame.TryParse(window.AsSpan(i, 4), out var frame)) continue;
            var frameStart = audioStart + i;
            // A Xing/Info or VBRI header in the first frame gives the frame count of VBR files.
            var frameBytes = window.AsSpan(i, Math.Min(frame.Length, read - i));
            var frames = Mp3Frame.VbrFrameCount(frameBytes, frame);
            if (frames is > 0) return (double)frames.Value * frame.SamplesPerFrame / frame.SampleRate;
            return (audioEnd - frameStart) * 8.0 / frame.Bitrate;
        }
        return null;
    }

    private static double? Mp4Duration(Stream s)
    {
        // Walk top-level boxes to moov, then find mvhd.
        while (s.Position + 8 <= s.Length)
        {
            var start = s.Position;
            var h = ReadExactly(s, 8);
            long size = BinaryPrimitives.ReadUInt32BigEndian(h);
            var type = Encoding.ASCII.GetString(h, 4, 4);
            if (size == 1) size = (long)BinaryPrimitives.ReadUInt64BigEndian(ReadExactly(s, 8));
            else if (size == 0) size = s.Length - start;
            if (size < 8) return null;
            if (type == "moov")
            {
                var end = start + size;
                while (s.Position + 8 <= end)
                {
                    var childStart = s.Position;
                    var ch = ReadExactly(s, 8);
                    var childSize = BinaryPrimitives.ReadUInt32BigEndian(ch);
                    if (childSize < 8) return null;
                    if (Encoding.ASCII.GetString(ch, 4, 4) == "mvhd")
                    {
                        var body = ReadExactly(s, (int)Math.Min(childSize - 8, 32));
                        if (body[0] == 1)
                        {
                            var timescale = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(20));
                            var duration = BinaryPrimitives.ReadUInt64BigEndian(body.AsSpan(24));
                            return timescale == 0 ? null : (double)duration / timescale;
                        }
                        else
                        {
                            var timescale = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(12));
                            var duration = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16));
                            return timescale == 0 ? null : (double)duration / timescale;
                        }
                    }
                    s.Position = childStart + childSize;
                }
                return null;
            }
            s.Position = start + size;
        }
        return null;
    }
}

/// <summary>An MPEG audio frame header (MPEG 1/2/2.5, layers I–III).</summary>
public readonly record struct Mp3Frame(int Version, int Layer, int Bitrate, int SampleRate, int SamplesPerFrame, int Length, bool Mono)
{
    private static readonly int[,] BitratesV1 =
    {
        { 0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448 },
        { 0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384 },
        { 0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320 },
    };
    private static readonly int[,] BitratesV2 =
    {
        { 0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256 },
        { 0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160 },
        { 0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160 },
    };

    public static bool TryParse(ReadOnlySpan<byte> h, out Mp3Frame frame)
    {
        frame = default;
        if (h.Length < 4 || h[0] != 0xFF || (h[1] & 0xE0) != 0xE0) return false;
        var versionBits = (h[1] >> 3) & 3;   // 0: 2.5, 2: 2, 3: 1
        var layerBits = (h[1] >> 1) & 3;     // 1: III, 2: II, 3: I
        var bitrateIndex = h[2] >> 4;
        var rateIndex = (h[2] >> 2) & 3;
        if (versionBits == 1 || layerBits == 0 || bitrateIndex is 0 or 15 || rateIndex == 3) return false;
        var layer = 4 - layerBits;
        var v1 = versionBits == 3;
        var bitrate = (v1 ? BitratesV1[layer - 1, bitrateIndex] : BitratesV2[layer - 1, bitrateIndex]) * 1000;
        int[] rates = versionBits switch { 3 => [44100, 48000, 32000], 2 => [22050, 24000, 16000], _ => [11025, 12000, 8000] };
        var sampleRate = rates[rateIndex];
        var padding = (h[2] >> 1) & 1;
        var samples = layer == 1 ? 384 : layer == 2 || v1 ? 1152 : 576;
        var length = layer == 1 ? (12 * bitrate / sampleRate + padding) * 4 : samples / 8 * bitrate / sampleRate + padding;
        frame = new Mp3Frame(v1 ? 1 : 2, layer, bitrate, sampleRate, samples, length, (h[3] >> 6) == 3);
        return length > 4;
    }

    /// <summary>The frame count from a Xing/Info or VBRI header in the first frame, if present.</summary>
    public static long? VbrFrameCount(ReadOnlySpan<byte> frameBytes, Mp3Frame f)
    {
        var sideInfo = f.Version == 1 ? (f.Mono ? 17 : 32) : (f.Mono ? 9 : 17);
        var xing = 4 + sideInfo;
        if (frameBytes.Length >= xing + 12)
        {
            var tag = Encoding.ASCII.GetString(frameBytes.Slice(xing, 4));
            if ((tag == "Xing" || tag == "Info") && (frameBytes[xing + 7] & 1) == 1)
                return BinaryPrimitives.ReadUInt32BigEndian(frameBytes.Slice(xing + 8));
        }
        if (frameBytes.Length >= 36 + 18 && Encoding.ASCII.GetString(frameBytes.Slice(36, 4)) == "VBRI")
            return BinaryPrimitives.ReadUInt32BigEndian(frameBytes.Slice(36 + 14));
        return null;
    }
}
