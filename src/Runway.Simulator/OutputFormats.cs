using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Runway.Simulator.Validation;

namespace Runway.Simulator;

/// <summary>The output formats beyond PNG/MP4/WAV: JPEG, WebP, frame-sequence ZIPs (PNG, 16-bit PNG, OpenEXR), MP3, Ogg Opus.</summary>
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
    /// the file small): 8-bit PNGs, 16-bit PNGs (HDR, with colorimetry.json) or half-float OpenEXR (with colorimetry.json).
    /// </summary>
    public static byte[] FrameSequence(OutputSpec spec)
    {
        var frames = (int)Math.Clamp(Math.Ceiling(spec.DurationSeconds), 1, 30);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 1; i <= frames; i++)
            {
                var (name, bytes, level) = spec.Variant switch
                {
                    "exr" => ($"frame.{i:D4}.exr", Exr(spec.Width, spec.Height), CompressionLevel.Fastest),
                    "png16" => ($"frame_{i:D4}.png", FileCache.GetOrAdd(spec with { Format = "png", Variant = "png16", DurationSeconds = 0 },
                        s => PngImage(s.Width, s.Height, alpha: false, deep: true)), CompressionLevel.NoCompression),
                    _ => ($"frame_{i:D4}.png", Png(spec.Width, spec.Height), CompressionLevel.NoCompression),
                };
                using var entry = zip.CreateEntry(name, level).Open();
                entry.Write(bytes);
            }
            if (spec.Variant is "exr" or "png16")
            {
                var colorimetry = spec.Variant == "exr"
                    ? """{"primaries":"BT.2020","encoding":"linear","whitePoint":"D65","nitsPerUnit":100}"""
                    : """{"primaries":"BT.2020","transfer":"PQ","bitDepth":16,"whitePoint":"D65"}""";
                using var entry = zip.CreateEntry("colorimetry.json", CompressionLevel.Fastest).Open();
                entry.Write(Encoding.UTF8.GetBytes(colorimetry));
            }
        }
        return buffer.ToArray();
    }

    /// <summary>A scanline OpenEXR (no compression) with half-float B, G, R channels and a vertical gradient.</summary>
    public static byte[] Exr(int width, int height)
    {
        using var s = new MemoryStream();
        s.Write([0x76, 0x2F, 0x31, 0x01, 2, 0, 0, 0]);
        void Attribute(string name, string type, byte[] value)
        {
            s.Write(Encoding.ASCII.GetBytes(name + "\0" + type + "\0"));
            s.Write(Le32(value.Length));
            s.Write(value);
        }
        var channels = new MemoryStream();
        foreach (var c in new[] { "B", "G", "R" })
        {
            channels.Write(Encoding.ASCII.GetBytes(c + "\0"));
            channels.Write(Le32(1));          // HALF
            channels.Write([0, 0, 0, 0]);     // pLinear + reserved
            channels.Write(Le32(1));
            channels.Write(Le32(1));
        }
        channels.WriteByte(0);
        var window = Concat(Le32(0), Le32(0), Le32(width - 1), Le32(height - 1));
        Attribute("channels", "chlist", channels.ToArray());
        Attribute("compression", "compression", [0]);
        Attribute("dataWindow", "box2i", window);
        Attribute("displayWindow", "box2i", window);
        Attribute("lineOrder", "lineOrder", [0]);
        Attribute("pixelAspectRatio", "float", BitConverter.GetBytes(1f));
        Attribute("screenWindowCenter", "v2f", new byte[8]);
        Attribute("screenWindowWidth", "float", BitConverter.GetBytes(1f));
        s.WriteByte(0);
        var rowBytes = width * 3 * 2;
        var first = s.Length + 8L * height;
        for (var y = 0; y < height; y++) s.Write(BitConverter.GetBytes(first + (long)y * (8 + rowBytes)));
        var row = new byte[rowBytes];
        for (var y = 0; y < height; y++)
        {
            var level = 0.05f + 0.9f * y / Math.Max(1, height - 1);
            for (var c = 0; c < 3; c++)
            {
                var half = BitConverter.HalfToUInt16Bits((Half)(level * (c + 1) / 3f));
                for (var x = 0; x < width; x++) BinaryPrimitives.WriteUInt16LittleEndian(row.AsSpan((c * width + x) * 2), half);
            }
            s.Write(Le32(y));
            s.Write(Le32(rowBytes));
            s.Write(row);
        }
        return s.ToArray();
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
