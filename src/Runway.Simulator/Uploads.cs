using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Runway.Simulator;

/// <summary>An ephemeral upload: issued by <c>POST /v1/uploads</c>, filled by the storage POST.</summary>
public sealed class Upload
{
    public required string Id { get; init; }
    public required string Filename { get; init; }
    public required IReadOnlyDictionary<string, string> Fields { get; init; }
    public required string FilePath { get; init; }
    public string RunwayUri => $"runway://ephemeral/{Id}/{Uri.EscapeDataString(Filename)}";
    public bool Completed { get; set; }
    public bool InProgress { get; set; }
    public long Size { get; set; }
    public MediaInfo? Info { get; set; }
    public string? SniffedFormat { get; set; }
    /// <summary>The form's optional 'metadata' field (the SDK's fileMetadata), as received.</summary>
    public string? Metadata { get; set; }
}

/// <summary>Upload bookkeeping and the streaming storage endpoint. Files live in a per-process temp directory.</summary>
public sealed class UploadStore : IDisposable
{
    public const long MaxUploadBytes = 200L * 1024 * 1024;
    private const string DirPrefix = "runway-sim-";
    private readonly ConcurrentDictionary<string, Upload> _uploads = new();
    private readonly byte[] _policySecret = RandomNumberGenerator.GetBytes(32);
    public string Directory { get; }

    public UploadStore()
    {
        RemoveStaleDirectories();
        Directory = Path.Combine(Path.GetTempPath(), $"{DirPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Directory);
    }

    public Upload Create(string filename)
    {
        var id = Guid.NewGuid().ToString();
        var key = $"ephemeral/{id}/{filename}";
        var policy = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"{{\"expiration\":\"{DateTime.UtcNow.AddHours(24):yyyy-MM-ddTHH:mm:ssZ}\",\"conditions\":[{{\"key\":\"{key}\"}},[\"content-length-range\",1,{MaxUploadBytes}]]}}"));
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(_policySecret, Encoding.UTF8.GetBytes(policy)));
        var upload = new Upload
        {
            Id = id,
            Filename = filename,
            Fields = new Dictionary<string, string> { ["key"] = key, ["policy"] = policy, ["x-sim-signature"] = signature },
            FilePath = Path.Combine(Directory, id),
        };
        _uploads[id] = upload;
        return upload;
    }

    public Upload? Find(string id) => _uploads.TryGetValue(id, out var u) ? u : null;

    /// <summary>Resolves a <c>runway://ephemeral/{id}/...</c> URI.</summary>
    public Upload? FindByUri(string uri)
    {
        const string prefix = "runway://ephemeral/";
        if (!uri.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var rest = uri[prefix.Length..];
        var slash = rest.IndexOf('/');
        var id = slash < 0 ? rest : rest[..slash];
        var upload = Find(id);
        return upload is not null && uri == upload.RunwayUri ? upload : null;
    }

    /// <summary>Handles the storage POST: multipart fields (all issued ones), then the file part last, streamed to disk.</summary>
    public async Task<IResult> ReceiveAsync(HttpContext ctx, string id)
    {
        var request = ctx.Request;
        if (request.Headers.ContainsKey(HeaderNames.Authorization))
            return Http.Error(400, "Storage requests must not carry an Authorization header");
        var upload = Find(id);
        if (upload is null) return Http.Error(404, "No such upload");
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) ||
            !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return Http.Error(400, "Storage expects multipart/form-data");
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) return Http.Error(400, "Missing multipart boundary");

        lock (upload)
        {
            if (upload.Completed) return Http.Error(400, "This upload has already been completed");
            if (upload.InProgress) return Http.Error(409, "This upload is already in progress");
            upload.InProgress = true;
        }
        var succeeded = false;
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            var sawFile = false;
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(ctx.RequestAborted)) is not null)
            {
                if (sawFile) return Http.Error(400, "The file part must be the last part of the form");
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) ||
                    !disposition.DispositionType.Equals("form-data"))
                    return Http.Error(400, "Every part needs a Content-Disposition: form-data header");
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (name == "file")
                {
                    foreach (var (key, value) in upload.Fields)
                    {
                        if (!seen.TryGetValue(key, out var sent)) return Http.Error(400, $"Missing form field '{key}' before the file");
                        if (sent != value) return Http.Error(403, $"Form field '{key}' does not match the issued value");
                    }
                    var size = await CopyLimitedAsync(section.Body, upload.FilePath, ctx.RequestAborted);
                    if (size is null) return Http.Error(413, $"The file exceeds the {MaxUploadBytes / 1024 / 1024} MB upload limit");
                    if (size == 0) return Http.Error(400, "The file is empty");
                    upload.Size = size.Value;
                    sawFile = true;
                }
                else
                {
                    if (!upload.Fields.ContainsKey(name) && name != "metadata")
                        return Http.Error(400, $"Unexpected form field '{name}'");
                    using var sr = new StreamReader(section.Body, Encoding.UTF8);
                    var buffer = new char[65537];
                    var count = await sr.ReadBlockAsync(buffer, ctx.RequestAborted);
                    if (count > 65536) return Http.Error(400, $"Form field '{name}' is too long");
                    seen[name] = new string(buffer, 0, count);
                }
            }
            if (!sawFile) return Http.Error(400, "Missing the 'file' part");

            await using (var fs = File.OpenRead(upload.FilePath))
            {
                var head = new byte[64];
                var n = await fs.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false);
                upload.SniffedFormat = Media.Sniff(head.AsSpan(0, n));
                if (upload.SniffedFormat is { } format)
                {
                    var kind = Media.FormatFits(format, MediaKind.Image) ? MediaKind.Image
                        : Media.FormatFits(format, MediaKind.Video) ? MediaKind.Video : MediaKind.Audio;
                    upload.Info = Media.Describe(kind, format, fs);
                }
            }
            upload.Metadata = seen.TryGetValue("metadata", out var metadata) ? metadata : null;
            lock (upload) upload.Completed = true;
            succeeded = true;
            return Results.StatusCode(204);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return Http.Error(400, $"Malformed multipart body: {e.Message}");
        }
        finally
        {
            lock (upload) upload.InProgress = false;
            if (!succeeded) TryDelete(upload.FilePath);
        }
    }

    /// <summary>Streams to disk in 80 KB chunks; null when the limit is exceeded.</summary>
    private static async Task<long?> CopyLimitedAsync(Stream source, string path, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        await using var target = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, useAsync: true);
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > MaxUploadBytes) return null;
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return total;
    }

    /// <summary>Every upload slot, for <c>GET /_sim/uploads</c>.</summary>
    public IReadOnlyList<Upload> All => _uploads.Values.ToList();

    /// <summary>Forgets every upload and deletes its file.</summary>
    public void Clear()
    {
        foreach (var id in _uploads.Keys.ToArray())
            if (_uploads.TryRemove(id, out var u)) TryDelete(u.FilePath);
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory)) TryDelete(file);
    }

    public void Dispose()
    {
        _uploads.Clear();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Deletes upload directories left by simulator processes that no longer run (e.g. killed ones).</summary>
    private static void RemoveStaleDirectories()
    {
        foreach (var dir in System.IO.Directory.EnumerateDirectories(Path.GetTempPath(), DirPrefix + "*"))
        {
            var name = Path.GetFileName(dir)[DirPrefix.Length..];
            var dash = name.IndexOf('-');
            if (dash < 0 || !int.TryParse(name[..dash], out var pid) || pid == Environment.ProcessId) continue;
            if (IsAlive(pid)) continue;
            try { System.IO.Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        static bool IsAlive(int pid)
        {
            try { using var p = Process.GetProcessById(pid); return !p.HasExited; }
            catch (ArgumentException) { return false; }
            catch (InvalidOperationException) { return false; }
        }
    }
}
