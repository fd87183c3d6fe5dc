using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Runway.Simulator.Validation;

namespace Runway.Simulator;

/// <summary>The output formats beyond PNG/MP4/MOV/WAV: JPEG, WebP, frame-sequence ZIPs (PNG, 16-bit PNG, OpenEXR), MP3, Ogg Opus.</summary>
public static partial class Outputs
{
    // ---- JPEG ---------------------------------------------------------------------------------------------

    /// <summary>
    /// A baseline JPEG of one flat colour (Y 150, Cb 100, Cr 160, no subsampling, all-ones quantisation): every
    /// 8x8 block is a DC value and an end-of-block, so two tiny Huffman tables cover the whole file.
    /// </summary>
    public static byte[] Jpeg(int width, int height)
    {
        int[] dc = [8 * (150 - 128), 8 * (100 - 128), 8 * (160 - 128)];
        static int Category(int v) { v = Math.Abs(v); var c = 0; while (v > 0) { c++; v >>= 1; } return c; }
        var symbols = dc.Select(Category).Append(0).Distinct().Order().Select(c => (byte)c).ToArray();

        using var s = new MemoryStream();
        void Segment(byte marker, params byte[][] parts)
        {
            var length = parts.Sum(p => p.Length) + 2;
            s.Write([0xFF, marker, (byte)(length >> 8), (byte)length]);
            foreach (var p in parts) s.Write(p);
        }
        s.Write([0xFF, 0xD8]);
        Segment(0xE0, Encoding.ASCII.GetBytes("JFIF\0"), [1, 1, 0, 0, 1, 0, 1, 0, 0]);
        Segment(0xDB, [0], Enumerable.Repeat((byte)1, 64).ToArray());
        Segment(0xC0, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]);
        var dcBits = new byte[16];
        dcBits[1] = (byte)symbols.Length; // every DC category gets a 2-bit code: 00, 01, 10
        Segment(0xC4, [0x00], dcBits, symbols);
        var acBits = new byte[16];
        acBits[0] = 1; // the only AC symbol, end-of-block (0x00), is the 1-bit code 0
        Segment(0xC4, [0x10], acBits, [0x00]);
        Segment(0xDA, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]);

        var bits = new JpegBitWriter(s);
        var blocks = (long)((width + 7) / 8) * ((height + 7) / 8);
        for (long b = 0; b < blocks; b++)
            for (var c = 0; c < 3; c++)
            {
                var diff = b == 0 ? dc[c] : 0;
                var category = Category(diff);
                bits.Write(Array.IndexOf(symbols, (byte)category), 2);
                if (category > 0) bits.Write(diff > 0 ? diff : diff + (1 << category) - 1, category);
                bits.Write(0, 1);
            }
        bits.Flush();
        s.Write([0xFF, 0xD9]);
        return s.ToArray();
    }

    /// <summary>MSB-first entropy-coded bits with 0xFF byte stuffing and 1-bit padding.</summary>
    private sealed class JpegBitWriter(Stream s)
    {
        private int _acc, _count;

        public void Write(int value, int length)
        {
            for (var i = length - 1; i >= 0; i--)
            {
                _acc = (_acc << 1) | ((value >> i) & 1);
                if (++_count == 8) Emit();
            }
        }

        public void Flush()
        {
            while (_count != 0) { _acc = (_acc << 1) | 1; if (++_count == 8) Emit(); }
        }

        private void Emit()
        {
            s.WriteByte((byte)_acc);
            if (_acc == 0xFF) s.WriteByte(0);
            _acc = 0;
            _count = 0;
        }
    }

    // ---- WebP ---------------------------------------------------------------------------------------------

    /// <summary>
    /// A lossless (VP8L) WebP of one flat colour: five single-symbol prefix codes, so the pixels take zero bits.
    /// </summary>
    public static byte[] WebP(int width, int height)
    {
        var bits = new LsbBitWriter();
        bits.Write(0x2F, 8);           // VP8L signature
        bits.Write(width - 1, 14);
        bits.Write(height - 1, 14);
        bits.Write(0, 1);              // alpha unused
        bits.Write(0, 3);              // version 0
        bits.Write(0, 1);              // no transform
        bits.Write(0, 1);              // no colour cache
        bits.Write(0, 1);              // no meta prefix codes
        foreach (var symbol in new[] { 110, 150, 200, 255 }) // green, red, blue, alpha
        {
            bits.Write(1, 1);          // simple code
            bits.Write(0, 1);          // one symbol
            bits.Write(1, 1);          // an 8-bit symbol
            bits.Write(symbol, 8);
        }
        bits.Write(1, 1); bits.Write(0, 1); bits.Write(0, 1); bits.Write(0, 1); // distance code: symbol 0
        var data = bits.ToArray();
        var padded = data.Length + (data.Length & 1);
        using var s = new MemoryStream();
        s.Write(Encoding.ASCII.GetBytes("RIFF"));
        s.Write(Le32(4 + 8 + padded));
        s.Write(Encoding.ASCII.GetBytes("WEBPVP8L"));
        s.Write(Le32(data.Length));
        s.Write(data);
        if ((data.Length & 1) == 1) s.WriteByte(0);
        return s.ToArray();
    }

    private sealed class LsbBitWriter
    {
        private readonly List<byte> _bytes = [];
        private int _used;

        public void Write(int value, int length)
        {
            for (var i = 0; i < length; i++)
            {
                if (_used == 0) _bytes.Add(0);
                if (((value >> i) & 1) == 1) _bytes[^1] |= (byte)(1 << _used);
                _used = (_used + 1) % 8;
            }
        }

        public byte[] ToArray() => [.. _bytes];
    }

    // ---- frame sequences ----------------------------------------------------------------------------------

    /// <summary>
    /// A .zip of frames, one per started second of output (the service delivers every frame; the simulator keeps
    /// the file small): 8-bit PNGs, 16-bit PNGs (HDR, with colorimetry.json) or half-float OpenEXR (linear BT.2020
    /// or scene-referred ACEScg, with colorimetry.json). Ruby's upconvert adds provenance.json, as video_to_hdr declares.
    /// </summary>
    public static byte[] FrameSequence(OutputSpec spec)
    {
        var upconvert = spec.Variant.EndsWith(UpconvertSuffix, StringComparison.Ordinal);
        var variant = upconvert ? spec.Variant[..^UpconvertSuffix.Length] : spec.Variant;
        var exr = variant.StartsWith("exr", StringComparison.Ordinal);
        var frames = (int)Math.Clamp(Math.Ceiling(spec.DurationSeconds), 1, 30);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 1; i <= frames; i++)
            {
                var (name, bytes) = variant switch
                {
                    _ when exr => ($"frame.{i:D4}.exr", FileCache.GetOrAdd(new OutputSpec("exr", spec.Width, spec.Height, 0), s => Exr(s.Width, s.Height))),
                    "png16" => ($"frame_{i:D4}.png", FileCache.GetOrAdd(spec with { Format = "png", Variant = "png16", DurationSeconds = 0 },
                        s => PngImage(s.Width, s.Height, alpha: false, deep: true))),
                    _ => ($"frame_{i:D4}.png", Png(spec.Width, spec.Height)),
                };
                using var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
                entry.Write(bytes);
            }
            if (exr || variant == "png16")
            {
                var colorimetry = variant switch
                {
                    "png16" => """{"primaries":"BT.2020","transfer":"PQ","bitDepth":16,"whitePoint":"D65"}""",
                    "exr" => """{"colorSpace":"linear BT.2020","primaries":"bt2020","transfer":"linear","whitePoint":"D65","nitsAtOne":100}""",
                    _ => """{"colorSpace":"ACEScg","primaries":"AP1","transfer":"linear","sceneReferred":true}""",
                };
                WriteEntry(zip, "colorimetry.json", colorimetry);
            }
            if (upconvert)
            {
                var profile = variant switch { "exr_acescg_1_3" => "hdr_exr_acescg_sequence_1_3", "exr_acescg_2_0" => "hdr_exr_acescg_sequence_2_0", _ => "hdr_exr_sequence" };
                WriteEntry(zip, "provenance.json", $$"""{"model":"ruby","operation":"sdr_to_hdr_upconvert","profile":"{{profile}}","simulated":true}""");
            }
        }
        return buffer.ToArray();

        static void WriteEntry(ZipArchive zip, string name, string text)
        {
            using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
            entry.Write(Encoding.UTF8.GetBytes(text));
        }
    }

    /// <summary>The variant suffix of Ruby's EXR delivery (video_to_hdr), whose zip declares the upconvert.</summary>
    public const string UpconvertSuffix = "+upconvert";

    /// <summary>A scanline OpenEXR 2.0 file: B, G, R HALF channels, ZIP compression (16-line blocks), a flat grey.</summary>
    public static byte[] Exr(int width, int height)
    {
        using var header = new MemoryStream();
        using var w = new BinaryWriter(header, Encoding.UTF8, leaveOpen: true);
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
        var full = ExrBlock(width, 16);
        var last = height % 16 == 0 ? full : ExrBlock(width, height % 16);
        var position = header.Length + blocks * 8L;
        for (var b = 0; b < blocks; b++)
        {
            w.Write(position);
            position += 8 + (b == blocks - 1 ? last : full).Length;
        }
        for (var b = 0; b < blocks; b++)
        {
            var data = b == blocks - 1 ? last : full;
            w.Write(b * 16); w.Write(data.Length); w.Write(data);
        }
        w.Flush();
        return header.ToArray();
    }

    /// <summary>One ZIP-compressed block of <paramref name="lines"/> scanlines of half 0.18 (mid grey) in each channel.</summary>
    private static byte[] ExrBlock(int width, int lines)
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

    // ---- MP3 and Ogg Opus ---------------------------------------------------------------------------------

    /// <summary>Silent CBR MPEG-1 Layer III, 64 kbit/s, 48 kHz mono: 192-byte frames of 1152 samples (24 ms).</summary>
    public static byte[] Mp3(double seconds)
    {
        var frames = (int)Math.Max(1, Math.Ceiling(seconds * 48000 / 1152));
        var bytes = new byte[frames * 192];
        byte[] header = [0xFF, 0xFB, 0x54, 0xC0];
        for (var f = 0; f < frames; f++) header.CopyTo(bytes, f * 192);
        return bytes;
    }

    /// <summary>Ogg Opus, mono 48 kHz: OpusHead, OpusTags, then 20 ms silent CELT packets; the last granule trims to the duration.</summary>
    public static byte[] OggOpus(double seconds)
    {
        const int preSkip = 312;
        var total = (long)Math.Round(seconds * 48000);
        var packets = (int)Math.Max(1, Math.Ceiling(total / 960.0));
        using var s = new MemoryStream();
        var serial = 0x52575953u; // "RWYS"
        uint sequence = 0;
        void Page(byte type, long granule, IReadOnlyList<byte[]> payload)
        {
            var lacing = new List<byte>();
            foreach (var p in payload)
            {
                var n = p.Length;
                while (n >= 255) { lacing.Add(255); n -= 255; }
                lacing.Add((byte)n);
            }
            var page = new MemoryStream();
            page.Write(Encoding.ASCII.GetBytes("OggS"));
            page.WriteByte(0);
            page.WriteByte(type);
            page.Write(BitConverter.GetBytes(granule));
            page.Write(BitConverter.GetBytes(serial));
            page.Write(BitConverter.GetBytes(sequence++));
            page.Write(new byte[4]); // CRC, filled below
            page.WriteByte((byte)lacing.Count);
            page.Write(lacing.ToArray());
            foreach (var p in payload) page.Write(p);
            var bytes = page.ToArray();
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(22), OggCrc(bytes));
            s.Write(bytes);
        }
        var head = Concat(Encoding.ASCII.GetBytes("OpusHead"), [1, 1], BitConverter.GetBytes((ushort)preSkip), BitConverter.GetBytes(48000u), [0, 0, 0]);
        Page(0x02, 0, [head]);
        var vendor = Encoding.ASCII.GetBytes("Runway simulator");
        Page(0x00, 0, [Concat(Encoding.ASCII.GetBytes("OpusTags"), Le32(vendor.Length), vendor, Le32(0))]);
        byte[] silence = [0xF8, 0xFF, 0xFE];
        for (var sent = 0; sent < packets;)
        {
            var n = Math.Min(50, packets - sent);
            sent += n;
            var last = sent == packets;
            Page((byte)(last ? 0x04 : 0x00), preSkip + (last ? total : sent * 960L), Enumerable.Repeat(silence, n).ToArray());
        }
        return s.ToArray();
    }

    private static readonly uint[] OggCrcTable = Enumerable.Range(0, 256).Select(i =>
    {
        var r = (uint)i << 24;
        for (var k = 0; k < 8; k++) r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
        return r;
    }).ToArray();

    private static uint OggCrc(byte[] page)
    {
        uint crc = 0;
        foreach (var b in page) crc = (crc << 8) ^ OggCrcTable[((crc >> 24) ^ b) & 0xFF];
        return crc;
    }

    private static byte[] Le32(int v) { var b = new byte[4]; BinaryPrimitives.WriteInt32LittleEndian(b, v); return b; }
}
