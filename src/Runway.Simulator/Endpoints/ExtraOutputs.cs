using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Runway.Simulator.Validation;

namespace Runway.Simulator;

/// <summary>
/// Output files beyond PNG/MP4/WAV: a QuickTime .mov (ProRes sample entry) and the .zip of an OpenEXR sequence.
/// Like the MP4, the pixels are not decodable media; the containers and headers are real.
/// </summary>
public static class ExtraOutputs
{
    private static readonly ConcurrentDictionary<OutputSpec, byte[]> Cache = new();

    public static string ContentType(string format) => format switch
    {
        "mov" => "video/quicktime",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    };

    /// <summary>The file for a .mov or .zip spec; null for the formats Outputs makes itself.</summary>
    public static byte[]? Bytes(OutputSpec spec) => spec.Format is "mov" or "zip" ? Cache.GetOrAdd(spec with { Count = 1 }, Make) : null;

    /// <summary>A .mov for a ProRes tier: the spec's Variant picks the sample entry (apch 422 HQ, apcn 422, ap4h 4444).</summary>
    public static OutputSpec Mov(int width, int height, double seconds, string proresProfile) =>
        new("mov", width, height, seconds) { Variant = proresProfile };

    public static OutputSpec ExrZip(int width, int height, double seconds, string profile) =>
        new("zip", width, height, seconds) { Variant = profile };

    private static byte[] Make(OutputSpec spec) => spec.Format == "mov" ? MakeMov(spec) : MakeExrZip(spec);

    private static byte[] MakeMov(OutputSpec spec)
    {
        var bytes = Outputs.Mp4(spec.Width, spec.Height, spec.DurationSeconds);
        Encoding.ASCII.GetBytes("qt  ").CopyTo(bytes, 8); // ftyp major brand
        var fourcc = spec.Variant switch { "4444" => "ap4h", "422" => "apcn", _ => "apch" };
        // The sample entry in stsd (after the ftyp box, whose compatible brands also say avc1).
        var ftypSize = BinaryPrimitives.ReadInt32BigEndian(bytes);
        var at = bytes.AsSpan(ftypSize).IndexOf("avc1"u8);
        if (at >= 0) Encoding.ASCII.GetBytes(fourcc).CopyTo(bytes, ftypSize + at);
        return bytes;
    }

    /// <summary>24 frames per second of half-float RGB OpenEXR (ZIP-compressed scanlines) plus the two JSON sidecars.</summary>
    private static byte[] MakeExrZip(OutputSpec spec)
    {
        var acescg = spec.Variant?.StartsWith("hdr_exr_acescg", StringComparison.Ordinal) == true;
        var frame = Exr(spec.Width, spec.Height);
        var frames = Math.Max(1, (int)Math.Round(spec.DurationSeconds * 24));
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 1; i <= frames; i++)
            {
                using var s = zip.CreateEntry($"frame.{i:D4}.exr", CompressionLevel.NoCompression).Open();
                s.Write(frame);
            }
            Write(zip, "colorimetry.json", acescg
                ? """{"colorSpace":"ACEScg","primaries":"AP1","transfer":"linear","sceneReferred":true}"""
                : """{"colorSpace":"linear BT.2020","primaries":"bt2020","transfer":"linear","whitePoint":"D65","nitsAtOne":100}""");
            Write(zip, "provenance.json", $$"""{"model":"ruby","operation":"sdr_to_hdr_upconvert","profile":"{{spec.Variant}}","simulated":true}""");
        }
        return buffer.ToArray();

        static void Write(ZipArchive zip, string name, string text)
        {
            using var s = zip.CreateEntry(name).Open();
            s.Write(Encoding.UTF8.GetBytes(text));
        }
    }

    /// <summary>A scanline OpenEXR 2.0 file: B, G, R HALF channels, ZIP compression (16-line blocks), a flat grey.</summary>
    public static byte[] Exr(int width, int height)
    {
        using var header = new MemoryStream();
        var w = new BinaryWriter(header);
        w.Write(20000630); w.Write(2); // magic, version 2 (scanline)
        void Attr(string name, string type, byte[] value) { w.Write(Encoding.ASCII.GetBytes(name + "\0" + type + "\0")); w.Write(value.Length); w.Write(value); }
        var channels = new MemoryStream();
        foreach (var c in new[] { "B", "G", "R" })
        {
            channels.Write(Encoding.ASCII.GetBytes(c + "\0"));
            channels.Write(BitConverter.GetBytes(1)); // HALF
            channels.Write(new byte[4]);              // pLinear + reserved
            channels.Write(BitConverter.GetBytes(1)); channels.Write(BitConverter.GetBytes(1)); // sampling
        }
        channels.WriteByte(0);
        Attr("channels", "chlist", channels.ToArray());
        Attr("compression", "compression", [3]); // ZIP_COMPRESSION
        var box = new byte[16];
        BinaryPrimitives.WriteInt32LittleEndian(box.AsSpan(8), width - 1);
        BinaryPrimitives.WriteInt32LittleEndian(box.AsSpan(12), height - 1);
        Attr("dataWindow", "box2i", box);
        Attr("displayWindow", "box2i", box);
        Attr("lineOrder", "lineOrder", [0]);
        Attr("pixelAspectRatio", "float", BitConverter.GetBytes(1f));
        Attr("screenWindowCenter", "v2f", new byte[8]);
        Attr("screenWindowWidth", "float", BitConverter.GetBytes(1f));
        w.Write((byte)0);
        w.Flush();

        var blocks = (height + 15) / 16;
        var full = Block(width, 16);
        var last = height % 16 == 0 ? full : Block(width, height % 16);
        var offsets = new long[blocks];
        var position = header.Length + blocks * 8L;
        for (var b = 0; b < blocks; b++)
        {
            offsets[b] = position;
            position += 8 + (b == blocks - 1 ? last : full).Length;
        }
        foreach (var o in offsets) w.Write(o);
        for (var b = 0; b < blocks; b++)
        {
            var data = b == blocks - 1 ? last : full;
            w.Write(b * 16); w.Write(data.Length); w.Write(data);
        }
        w.Flush();
        return header.ToArray();
    }

    /// <summary>One ZIP-compressed block of <paramref name="lines"/> scanlines of half 0.18 (mid grey) in each channel.</summary>
    private static byte[] Block(int width, int lines)
    {
        var raw = new byte[lines * 3 * width * 2];
        for (var i = 0; i < raw.Length; i += 2) BinaryPrimitives.WriteUInt16LittleEndian(raw.AsSpan(i), 0x31C3);
        // EXR's ZIP predictor: split even/odd bytes, then delta-encode.
        var t = new byte[raw.Length];
        int t1 = 0, t2 = (raw.Length + 1) / 2;
        for (var i = 0; i < raw.Length; i++) t[i % 2 == 0 ? t1++ : t2++] = raw[i];
        for (var i = t.Length - 1; i > 0; i--) t[i] = (byte)(t[i] - t[i - 1] + 128);
        using var z = new MemoryStream();
        using (var zs = new ZLibStream(z, CompressionLevel.Optimal, leaveOpen: true)) zs.Write(t);
        return z.ToArray();
    }
}
