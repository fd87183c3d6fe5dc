using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Runway.Simulator.Validation;

namespace Runway.Simulator;

/// <summary>Signs output URLs with a random per-process secret: <c>/_outputs/{task}/{i}.{ext}?exp=&amp;sig=</c>.</summary>
public sealed class OutputSigner
{
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);

    public static string PathFor(string taskId, int index, OutputSpec spec) => $"/_outputs/{taskId}/{index}.{spec.Format}";

    public string Url(string baseUrl, string path, long exp) => $"{baseUrl}{path}?exp={exp}&sig={Sign(path, exp)}";

    public bool Verify(string path, string? exp, string? sig, out long expiry)
    {
        expiry = 0;
        if (exp is null || sig is null || !long.TryParse(exp, out expiry)) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(path, expiry));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(sig));
    }

    private string Sign(string path, long exp) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes($"{path}\n{exp}")));
}

/// <summary>
/// Generates the output files: images (PNG, JPEG, WebP) of the exact size, minimal valid MP4/MOV containers,
/// frame-sequence ZIPs, and audio (WAV, MP3, Ogg Opus) of the exact duration.
/// </summary>
public static partial class Outputs
{
    public const int WavSampleRate = 16000;
    private static readonly ConcurrentDictionary<(int, int), byte[]> PngCache = new();
    private static readonly ConcurrentDictionary<OutputSpec, byte[]> FileCache = new();

    public static string ContentType(string format) => format switch
    {
        "png" => "image/png",
        "jpg" => "image/jpeg",
        "webp" => "image/webp",
        "mp4" => "video/mp4",
        "mov" => "video/quicktime",
        "zip" => "application/zip",
        "wav" => "audio/wav",
        "mp3" => "audio/mpeg",
        "ogg" => "audio/ogg",
        _ => "application/octet-stream",
    };

    /// <summary>The bytes of a non-WAV output; the larger generated files are cached per spec.</summary>
    public static byte[] Bytes(OutputSpec spec) => spec.Format switch
    {
        "png" when spec.Variant == "rgba" => FileCache.GetOrAdd(spec, s => PngImage(s.Width, s.Height, alpha: true, deep: false)),
        "png" => Png(spec.Width, spec.Height),
        "jpg" => FileCache.GetOrAdd(spec, s => Jpeg(s.Width, s.Height)),
        "webp" => WebP(spec.Width, spec.Height),
        "mov" => Mp4(spec.Width, spec.Height, spec.DurationSeconds, spec.Variant),
        "zip" => FileCache.GetOrAdd(spec, FrameSequence),
        "mp3" => Mp3(spec.DurationSeconds),
        "ogg" => OggOpus(spec.DurationSeconds),
        _ => Mp4(spec.Width, spec.Height, spec.DurationSeconds, spec.Variant),
    };

    /// <summary>Streams the file for a spec (WAV is generated in chunks so long outputs need no buffer).</summary>
    public static async Task WriteAsync(HttpResponse response, OutputSpec spec, bool headOnly)
    {
        response.ContentType = ContentType(spec.Format);
        if (spec.Format == "wav")
        {
            var samples = (long)Math.Round(spec.DurationSeconds * WavSampleRate);
            response.ContentLength = 44 + samples * 2;
            if (!headOnly) await WriteWavAsync(response.Body, samples, response.HttpContext.RequestAborted);
            return;
        }
        var bytes = Bytes(spec);
        response.ContentLength = bytes.Length;
        if (!headOnly) await response.Body.WriteAsync(bytes, response.HttpContext.RequestAborted);
    }

    // ---- PNG ----------------------------------------------------------------------------------------------

    /// <summary>An RGB PNG with a vertical gradient, compressed with zlib; cached per size.</summary>
    public static byte[] Png(int width, int height) => PngCache.GetOrAdd((width, height), static key => PngImage(key.Item1, key.Item2, false, false));

    /// <summary>A gradient PNG: RGB or RGBA (a transparent background fading in), 8 or 16 bits per channel.</summary>
    public static byte[] PngImage(int w, int h, bool alpha, bool deep)
    {
        var channels = alpha ? 4 : 3;
        var bytesPerSample = deep ? 2 : 1;
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[1 + w * channels * bytesPerSample];
            for (var y = 0; y < h; y++)
            {
                row[0] = 0; // filter: none
                var shade = (byte)(40 + 160 * y / Math.Max(1, h - 1));
                byte[] pixel = alpha ? [shade, (byte)(255 - shade), 128, (byte)(255 * y / Math.Max(1, h - 1))] : [shade, (byte)(255 - shade), 128];
                for (var x = 0; x < w; x++)
                    for (var c = 0; c < channels; c++)
                        for (var b = 0; b < bytesPerSample; b++)
                            row[1 + (x * channels + c) * bytesPerSample + b] = pixel[c];
                z.Write(row);
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, w);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), h);
        ihdr[8] = (byte)(deep ? 16 : 8); // bit depth
        ihdr[9] = (byte)(alpha ? 6 : 2);  // colour type: truecolour (with alpha)
        WriteChunk(png, "IHDR", ihdr);
        WriteChunk(png, "IDAT", raw.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream s, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(data);
        var crc = Crc32.Compute(typeBytes, data);
        BinaryPrimitives.WriteUInt32BigEndian(len, crc);
        s.Write(len);
    }

    // ---- MP4 ----------------------------------------------------------------------------------------------

    /// <summary>
    /// A minimal ISO-BMFF file: ftyp, moov (mvhd, one video trak with tkhd/mdhd/hdlr/minf/stbl and an avc1
    /// sample entry) and an mdat holding one sample. Durations use a 1000 Hz timescale.
    /// </summary>
    public static byte[] Mp4(int width, int height, double seconds, string variant = "h264")
    {
        var duration = (uint)Math.Min(uint.MaxValue, Math.Round(seconds * 1000));
        var sample = new byte[64];
        // QuickTime (.mov) for ProRes and the 12-bit master; ISO .mp4 with avc1 (H.264) or hvc1 (HEVC 10-bit).
        var quickTime = variant.StartsWith("prores", StringComparison.Ordinal) || variant == "hevc12";
        var codec = variant switch
        {
            "prores" => "apch", // 422 HQ
            "prores_422" => "apcn",
            "prores_422_lt" => "apcs",
            "prores_422_proxy" => "apco",
            "prores_4444" => "ap4h",
            "prores_4444_xq" => "ap4x",
            "hevc10" or "hevc12" => "hvc1",
            _ => "avc1",
        };
        var ftyp = quickTime
            ? Box("ftyp", Ascii("qt  "), U32(0x200), Ascii("qt  "))
            : Box("ftyp", Ascii("isom"), U32(512), Ascii("isom"), Ascii("iso2"), Ascii(codec), Ascii("mp41"));

        byte[] Moov(uint chunkOffset)
        {
            var matrix = Concat(U32(0x00010000), U32(0), U32(0), U32(0), U32(0x00010000), U32(0), U32(0), U32(0), U32(0x40000000));
            var mvhd = FullBox("mvhd", 0, 0, U32(0), U32(0), U32(1000), U32(duration), U32(0x00010000), U16(0x0100), new byte[10],
                matrix, new byte[24], U32(2));
            var tkhd = FullBox("tkhd", 0, 3, U32(0), U32(0), U32(1), U32(0), U32(duration), new byte[8], U16(0), U16(0), U16(0), U16(0),
                matrix, U32((uint)width << 16), U32((uint)height << 16));
            var mdhd = FullBox("mdhd", 0, 0, U32(0), U32(0), U32(1000), U32(duration), U16(0x55C4), U16(0));
            var hdlr = FullBox("hdlr", 0, 0, U32(0), Ascii("vide"), new byte[12], Ascii("VideoHandler\0"));
            var vmhd = FullBox("vmhd", 0, 1, new byte[8]);
            var dinf = Box("dinf", FullBox("dref", 0, 0, U32(1), FullBox("url ", 0, 1)));
            var config = codec switch
            {
                "avc1" => Box("avcC", [1, 0x42, 0xC0, 0x1E, 0xFF, 0xE1], U16(4), [0x67, 0x42, 0xC0, 0x1E], [1], U16(4), [0x68, 0xCE, 0x3C, 0x80]),
                // hvcC: version 1, Main 10 profile (2), no parameter-set arrays; 10-bit luma and chroma.
                "hvc1" => Box("hvcC", [1, 0x02], U32(0x20000000), new byte[6], [0x5D, 0xF0, 0x00, 0xFC, 0xFD, 0xFA, 0xFA, 0x00, 0x00, 0x0F, 0x00]),
                _ => [],
            };
            var avc1 = Box(codec, new byte[6], U16(1), new byte[16], U16((ushort)width), U16((ushort)height),
                U32(0x00480000), U32(0x00480000), U32(0), U16(1), new byte[32], U16(0x0018), U16(0xFFFF), config);
            var stbl = Box("stbl",
                FullBox("stsd", 0, 0, U32(1), avc1),
                FullBox("stts", 0, 0, U32(1), U32(1), U32(duration)),
                FullBox("stsc", 0, 0, U32(1), U32(1), U32(1), U32(1)),
                FullBox("stsz", 0, 0, U32(0), U32(1), U32((uint)sample.Length)),
                FullBox("stco", 0, 0, U32(1), U32(chunkOffset)));
            var trak = Box("trak", tkhd, Box("mdia", mdhd, hdlr, Box("minf", vmhd, dinf, stbl)));
            return Box("moov", mvhd, trak);
        }

        var moovLength = Moov(0).Length;
        var moov = Moov((uint)(ftyp.Length + moovLength + 8));
        return Concat(ftyp, moov, Box("mdat", sample));
    }

    private static byte[] Box(string type, params byte[][] parts)
    {
        var body = Concat(parts);
        return Concat(U32((uint)(body.Length + 8)), Ascii(type), body);
    }

    private static byte[] FullBox(string type, byte version, uint flags, params byte[][] parts) =>
        Box(type, [.. new[] { U32((uint)version << 24 | flags) }, .. parts]);

    private static byte[] U32(uint v) { var b = new byte[4]; BinaryPrimitives.WriteUInt32BigEndian(b, v); return b; }
    private static byte[] U16(ushort v) { var b = new byte[2]; BinaryPrimitives.WriteUInt16BigEndian(b, v); return b; }
    private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);
    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    // ---- WAV ----------------------------------------------------------------------------------------------

    /// <summary>16-bit mono PCM at 16 kHz: a quiet 400 Hz tone (exactly 40 samples per period).</summary>
    private static async Task WriteWavAsync(Stream body, long samples, CancellationToken ct)
    {
        var header = new byte[44];
        var dataBytes = samples * 2;
        Encoding.ASCII.GetBytes("RIFF").CopyTo(header, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)(36 + dataBytes));
        Encoding.ASCII.GetBytes("WAVEfmt ").CopyTo(header, 8);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(20), 1);             // PCM
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(22), 1);             // mono
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(24), WavSampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(28), WavSampleRate * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(32), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(34), 16);
        Encoding.ASCII.GetBytes("data").CopyTo(header, 36);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(40), (uint)dataBytes);
        await body.WriteAsync(header, ct);

        const int period = 40;
        var chunk = new byte[period * 2 * 1024];
        for (var i = 0; i < chunk.Length / 2; i++)
            BinaryPrimitives.WriteInt16LittleEndian(chunk.AsSpan(i * 2), (short)(3000 * Math.Sin(2 * Math.PI * (i % period) / period)));
        var remaining = dataBytes;
        while (remaining > 0)
        {
            var n = (int)Math.Min(chunk.Length, remaining);
            await body.WriteAsync(chunk.AsMemory(0, n), ct);
            remaining -= n;
        }
    }
}

/// <summary>CRC-32 (IEEE) as PNG chunks need it.</summary>
public static class Crc32
{
    private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    public static uint Compute(params byte[][] parts)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var part in parts)
            foreach (var b in part)
                crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
    }
}
