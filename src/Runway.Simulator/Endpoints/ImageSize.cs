using System.Buffers.Binary;
using System.Text.Json;

namespace Runway.Simulator;

/// <summary>
/// The pixel size of an image input, when the simulator can know it: a PNG or JPEG data URI or upload, or one of
/// its own PNG outputs. Remote https images are not fetched, so their size is unknown (null).
/// </summary>
public static class ImageSize
{
    public static (int Width, int Height)? Of(JsonElement value, IServiceProvider services)
    {
        if (value.ValueKind != JsonValueKind.String) return null;
        var uri = value.GetString()!;
        if (uri.StartsWith("data:", StringComparison.Ordinal))
        {
            var comma = uri.IndexOf(',');
            if (comma < 0) return null;
            var payload = uri.AsSpan(comma + 1);
            var bytes = new byte[payload.Length / 4 * 3 + 3];
            return Convert.TryFromBase64Chars(payload, bytes, out var n) ? Read(bytes.AsSpan(0, n)) : null;
        }
        if (uri.StartsWith("runway://", StringComparison.Ordinal))
        {
            var upload = services.GetRequiredService<UploadStore>().FindByUri(uri);
            if (upload is not { Completed: true }) return null;
            using var fs = File.OpenRead(upload.FilePath);
            var head = new byte[Math.Min(fs.Length, 1 << 20)];
            fs.ReadExactly(head);
            return Read(head);
        }
        if (Uri.TryCreate(uri, UriKind.Absolute, out var url) && url.IsLoopback && url.AbsolutePath.StartsWith("/_outputs/", StringComparison.Ordinal))
        {
            var parts = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3 && services.GetRequiredService<TaskStore>().OutputOf(parts[1], parts[2]) is { Format: "png" } spec)
                return (spec.Width, spec.Height);
        }
        return null;
    }

    /// <summary>PNG IHDR or the JPEG SOFn marker.</summary>
    public static (int Width, int Height)? Read(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 24 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
            return (BinaryPrimitives.ReadInt32BigEndian(b[16..]), BinaryPrimitives.ReadInt32BigEndian(b[20..]));
        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xD8)
        {
            var i = 2;
            while (i + 9 < b.Length)
            {
                if (b[i] != 0xFF) return null;
                var marker = b[i + 1];
                if (marker == 0xFF) { i++; continue; }
                var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
                if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                    return (BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]));
                i += 2 + length;
            }
        }
        return null;
    }
}
