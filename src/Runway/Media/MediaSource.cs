using System;
using System.IO;
using System.Linq;

using Runway.Api;
using Runway.Models;

namespace Runway.Media
{
    public enum MediaSourceKind { HttpsUrl, RunwayUri, DataUri, LocalFile }

    /// <summary>
    /// One media input, classified and checked without any network traffic: an https URL, a runway:// URI,
    /// a data: URI, or a local file whose real format, size and (where readable) duration are known.
    /// </summary>
    public sealed class MediaSource : IMediaInput
    {
        public MediaSourceKind Kind { get; private set; }
        /// <summary>The URI to send, or the full path of a local file.</summary>
        public string Value { get; private set; } = string.Empty;
        /// <summary>Read from the content of a local file or data URI; null for a URL (never fetched here).</summary>
        public MediaFormat? Format { get; private set; }
        public MediaKind? MediaKind { get; private set; }
        public long Length { get; private set; }
        public double? DurationSeconds { get; private set; }
        /// <summary>Width and height of a local or data-URI PNG/JPEG, or of a local MP4/MOV video, when the header gives them.</summary>
        public (int Width, int Height)? PixelSize { get; private set; }
        public string Parameter { get; private set; } = string.Empty;
        /// <summary>The task whose output this is, when a task was given as the input; null otherwise.</summary>
        public string? OriginTaskId { get; private set; }
        /// <summary>That task's own input name (frames/cat.png: cat), so that {InputName} travels through a chain of tasks.</summary>
        public string? OriginInputName { get; private set; }
        /// <summary>The format a URL's extension names (never fetched; not <see cref="Format"/>, which is read from content).</summary>
        private MediaFormat? urlFormat;

        public bool IsLocal => Kind == MediaSourceKind.LocalFile;
        public bool IsDataUri => Kind == MediaSourceKind.DataUri;
        /// <summary>A local file too large to inline: it goes through an ephemeral upload.</summary>
        public bool NeedsUpload => IsLocal && MediaLimits.DataUriLength(Length, ContentFormat.MediaType) > MediaLimits.DataUriMaxLength;

        /// <summary>The format read from a local file's or data URI's content (what is inlined or uploaded); a URL has none.</summary>
        public MediaFormat ContentFormat => Format ?? throw new InvalidOperationException($"{Display} is a URL: its content is never read here.");

        public string Display => IsLocal ? Path.GetFileName(Value) : Kind == MediaSourceKind.DataUri ? $"data URI ({Value.Length:N0} chars)" : Value;

        public override string ToString() => Display;

        /// <summary>
        /// An input for an audioUri field: audio, or an MP4 video (sent as the audio/mp4 it also is). Videos in other
        /// containers are refused here, since the API would refuse them as audio.
        /// </summary>
        public IMediaInput AsAudioInput(string parameter)
        {
            if (MediaKind != Models.MediaKind.Video) return this;
            if (Format == null)
            {
                // A URL's name is only a hint (its content is the API's to read): for an audio field, an .mp4 URL is audio/mp4, another is left unclassified.
                var audio = (MediaSource)MemberwiseClone();
                audio.MediaKind = urlFormat == MediaProbe.Mp4 ? Models.MediaKind.Audio : (MediaKind?)null;
                return audio;
            }
            if (Format == MediaProbe.Mp4) return AsMp4Audio();
            throw new RunwayInputException(
                $"-{parameter}: '{Display}' is a {Format.Name} video; this takes audio ({SupportedList(new[] { Models.MediaKind.Audio })}) or an MP4 video. Extract the sound track first.",
                parameter, "Runway.UnsupportedFormat", IsLocal ? Value : Display, ErrorKind.InvalidType);
        }

        /// <summary>
        /// For a field that takes audio (audioUri): an MP4 video, local or a data URI, declared as the audio/mp4
        /// it also is, so its sound track is accepted. Any other input comes back unchanged.
        /// </summary>
        public MediaSource AsMp4Audio()
        {
            if (Format != MediaProbe.Mp4 || (Kind != MediaSourceKind.LocalFile && Kind != MediaSourceKind.DataUri)) return this;
            var copy = (MediaSource)MemberwiseClone();
            copy.Format = MediaProbe.M4A;
            copy.MediaKind = Models.MediaKind.Audio;
            if (Kind == MediaSourceKind.DataUri)
                copy.Value = "data:" + MediaProbe.M4A.MediaType + Value.Substring(Value.IndexOf(';'));
            return copy;
        }

        /// <summary>
        /// Classifies what the user passed: a string (URL, URI or path), FileInfo, a finished task, an upload,
        /// a Uri, or an object/hashtable with a Uri property. Paths go through <paramref name="resolvePath"/>
        /// (the provider); the file must be a supported format of one of <paramref name="accepted"/> kinds.
        /// </summary>
        /// <summary>
        /// Classifies what the user passed: a string (URL, URI or path), FileInfo, a finished task, an upload or
        /// a Uri (records and PowerShell objects are unwrapped to one of these by the cmdlet layer). Paths go
        /// through <paramref name="resolvePath"/> (the provider); the file must be a supported format of one of
        /// <paramref name="accepted"/> kinds.
        /// </summary>
        public static MediaSource From(object? value, string parameter, Func<string, string> resolvePath, params MediaKind[] accepted)
        {
            switch (value)
            {
                case null:
                    throw new RunwayInputException($"-{parameter} is empty.", parameter, "Runway.MissingInput", null);
                case FileInfo file:
                    return FromFile(file.FullName, parameter, accepted);
                case DirectoryInfo directory:
                    throw new RunwayInputException($"-{parameter} '{directory.FullName}' is a directory; pass files (Get-ChildItem -File).", parameter, "Runway.NotAFile", directory, ErrorKind.InvalidType);
                case RunwayTask task:
                    return FromTask(task, parameter, accepted);
                case RunwayUpload upload:
                    // An upload's kind is known from the file it was made from.
                    MediaSource uploaded = FromString(upload.Uri, parameter, resolvePath, accepted);
                    MediaKind? kind = MediaProbe.FromMediaType(upload.MediaType)?.Kind;
                    if (uploaded.MediaKind == null && kind.HasValue && accepted.Contains(kind.Value)) uploaded.MediaKind = kind;
                    return uploaded;
                case Uri uri:
                    return FromString(uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString, parameter, resolvePath, accepted);
                case string text:
                    return FromString(text, parameter, resolvePath, accepted);
            }
            throw Unsupported(parameter, $"{Article(value.GetType().Name)} {value.GetType().Name}", value);
        }

        /// <summary>True for the values <see cref="From"/> takes as they are (anything else must be unwrapped first).</summary>
        public static bool TakesDirectly(object? value) =>
            value == null || value is string || value is FileInfo || value is DirectoryInfo || value is RunwayTask || value is RunwayUpload || value is Uri;

        public static RunwayInputException Unsupported(string parameter, string what, object value) =>
            new RunwayInputException($"-{parameter} cannot use {what}: pass a path, a FileInfo, an https URL, a runway:// or data: URI, or a finished task.",
                parameter, "Runway.UnsupportedInput", value, ErrorKind.InvalidType);

        private static MediaSource FromTask(RunwayTask task, string parameter, MediaKind[] accepted)
        {
            if (task.Status != RunwayTask.Succeeded || task.Output == null || task.Output.Length == 0)
                throw new RunwayInputException(
                    $"Task {task.Id} has no output yet (status {task.Status ?? "unknown"}). Add -Wait to the command that created it, or pipe it through Wait-RunwayTask first.",
                    parameter, "Runway.TaskNotFinished", task, ErrorKind.InvalidOperation);
            string url = task.Output[0];
            ModelInfo? model = ModelCatalog.Find(task.Model);
            if (model != null && !accepted.Contains(model.Output))
                throw new RunwayInputException($"Task {task.Id} made {Article(model.Output)}, but -{parameter} needs {Describe(accepted)}.",
                    parameter, "Runway.WrongMediaKind", task, ErrorKind.InvalidType);
            return new MediaSource { Kind = KindOfUrl(url), Value = url, Parameter = parameter, MediaKind = model?.Output,
                OriginTaskId = task.Id, OriginInputName = task.InputName };
        }

        private static MediaSource FromString(string text, string parameter, Func<string, string> resolvePath, MediaKind[] accepted)
        {
            string trimmed = (text ?? string.Empty).Trim();
            if (trimmed.Length == 0)
                throw new RunwayInputException($"-{parameter} is empty.", parameter, "Runway.MissingInput", text);
            if (trimmed.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                return FromDataUri(trimmed, parameter, accepted);
            if (trimmed.StartsWith("runway://", StringComparison.OrdinalIgnoreCase))
                return new MediaSource { Kind = MediaSourceKind.RunwayUri, Value = trimmed, Parameter = parameter };
            if (Uri.TryCreate(trimmed, UriKind.Absolute, out Uri uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
                    throw new RunwayInputException($"-{parameter} '{trimmed}': the API only fetches https URLs. Use the https address, or download the file and pass its path.",
                        parameter, "Runway.InsecureUrl", trimmed);
                if (trimmed.Length > ModelCatalog.MaxUriLength)
                    throw new RunwayInputException($"-{parameter}: the URL is {trimmed.Length} characters; the API accepts at most {ModelCatalog.MaxUriLength}.",
                        parameter, "Runway.UrlTooLong", trimmed);
                // A URL's kind, where its path names a known media extension (the content is not fetched here).
                MediaFormat? named = MediaProbe.FromExtension(Path.GetExtension(uri.AbsolutePath));
                bool fits = named != null && accepted.Contains(named.Kind);
                return new MediaSource { Kind = MediaSourceKind.HttpsUrl, Value = trimmed, Parameter = parameter, MediaKind = fits ? named?.Kind : null, urlFormat = fits ? named : null };
            }
            if (Uri.TryCreate(trimmed, UriKind.Absolute, out Uri other) && other.Scheme.Length > 1 && !other.IsFile)
                throw new RunwayInputException($"-{parameter} '{trimmed}': '{other.Scheme}:' is not a supported scheme; use https://, runway://, data: or a local path.",
                    parameter, "Runway.UnsupportedScheme", trimmed);
            return FromFile(resolvePath(trimmed), parameter, accepted);
        }

        private static MediaSource FromDataUri(string uri, string parameter, MediaKind[] accepted)
        {
            int comma = uri.IndexOf(',');
            string header = comma > 5 ? uri.Substring(5, comma - 5) : string.Empty;
            if (comma < 0 || !header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
                throw new RunwayInputException($"-{parameter}: a data URI must look like data:<type>;base64,<data>.", parameter, "Runway.InvalidDataUri", Shorten(uri));
            MediaFormat? format = MediaProbe.FromMediaType(header.Substring(0, header.Length - ";base64".Length));
            if (format == null || !format.Supported || !accepted.Contains(format.Kind))
                throw new RunwayInputException($"-{parameter}: data URI type '{header}' is not accepted here; {Describe(accepted)} is needed ({SupportedList(accepted)}).",
                    parameter, "Runway.UnsupportedFormat", Shorten(uri), ErrorKind.InvalidType);
            long max = MediaLimits.DataUriMaxLength;
            if (uri.Length > max)
                throw new RunwayInputException($"-{parameter}: the data URI is {uri.Length / (double)MediaLimits.Megabyte:0.#} MB; the API accepts at most {max / MediaLimits.Megabyte} MB inline. Pass the file path instead (it will be uploaded).",
                    parameter, "Runway.FileTooLarge", Shorten(uri), ErrorKind.LimitsExceeded);
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(uri.Substring(comma + 1));
            }
            catch (FormatException)
            {
                throw new RunwayInputException($"-{parameter}: the data URI's data is not valid base64.", parameter, "Runway.InvalidDataUri", Shorten(uri));
            }
            if (bytes.Length == 0)
                throw new RunwayInputException($"-{parameter}: the data URI holds no data.", parameter, "Runway.InvalidDataUri", Shorten(uri));
            MediaFormat? actual = MediaProbe.Sniff(bytes, Math.Min(bytes.Length, 64));
            if (!SameFormat(actual, format))
                throw new RunwayInputException(
                    $"-{parameter}: the data URI says {format.MediaType}, but its bytes are {(actual == null ? "not a recognised media file" : $"{Article(actual.Name)} {actual.Name} {actual.Kind.ToString().ToLowerInvariant()}")}; " +
                    "give the type its bytes are, or pass the file's path.",
                    parameter, "Runway.DataUriMismatch", Shorten(uri), ErrorKind.InvalidData);
            return new MediaSource { Kind = MediaSourceKind.DataUri, Value = uri, Format = format, MediaKind = format.Kind, Length = bytes.Length, Parameter = parameter,
                PixelSize = format == MediaProbe.Png || format == MediaProbe.Jpeg ? Media.PixelSize.FromDataUri(uri) : null };
        }

        /// <summary>A declared type matches the sniffed bytes when they are the same format or share a container (an MP4 declared as audio/mp4).</summary>
        private static bool SameFormat(MediaFormat? actual, MediaFormat declared)
        {
            if (actual == null) return false;
            if (actual == declared) return true;
            MediaFormat[][] families =
            {
                new[] { MediaProbe.Mp4, MediaProbe.M4A, MediaProbe.QuickTime },
                new[] { MediaProbe.Matroska, MediaProbe.WebM },
                new[] { MediaProbe.Mp3, MediaProbe.Aac },
            };
            return families.Any(family => family.Contains(actual) && family.Contains(declared));
        }

        private static MediaSource FromFile(string path, string parameter, MediaKind[] accepted)
        {
            var file = new FileInfo(path);
            if (!file.Exists)
                throw new RunwayInputException(Directory.Exists(path) ? $"-{parameter} '{path}' is a directory, not a file." : $"-{parameter}: file '{path}' does not exist.",
                    parameter, "Runway.FileNotFound", path, ErrorKind.ObjectNotFound);
            MediaFormat? format;
            try
            {
                format = MediaProbe.Sniff(file.FullName);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new RunwayInputException($"-{parameter}: cannot read '{path}': {ex.Message.Trim().TrimEnd('.')}.", parameter, "Runway.FileUnreadable", path, ErrorKind.ReadError, ex);
            }
            if (format == null || !format.Supported || !accepted.Contains(format.Kind))
            {
                string what = format == null ? "not a recognised media file" : $"a {format.Name} {format.Kind.ToString().ToLowerInvariant()}";
                throw new RunwayInputException($"-{parameter}: '{file.Name}' is {what}; {Describe(accepted)} is needed ({SupportedList(accepted)}).",
                    parameter, "Runway.UnsupportedFormat", path, ErrorKind.InvalidType);
            }
            if (file.Length > MediaLimits.UploadMaxBytes)
                throw new RunwayInputException($"-{parameter}: '{file.Name}' is {file.Length / (double)MediaLimits.Megabyte:0.#} MB; the API accepts at most {MediaLimits.UploadMaxBytes / MediaLimits.Megabyte} MB.",
                    parameter, "Runway.FileTooLarge", path, ErrorKind.LimitsExceeded);
            return new MediaSource
            {
                Kind = MediaSourceKind.LocalFile,
                Value = file.FullName,
                Format = format,
                MediaKind = format.Kind,
                Length = file.Length,
                DurationSeconds = MediaProbe.ReadDuration(file.FullName, format),
                PixelSize = Media.PixelSize.Read(file.FullName, format),
                Parameter = parameter,
            };
        }

        private static MediaSourceKind KindOfUrl(string url) =>
            url.StartsWith("runway://", StringComparison.OrdinalIgnoreCase) ? MediaSourceKind.RunwayUri
            : url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? MediaSourceKind.DataUri
            : MediaSourceKind.HttpsUrl;

        internal static string Describe(MediaKind[] kinds) => string.Join(" or ", kinds.Select(Article));

        private static string Article(MediaKind kind) => kind == Models.MediaKind.Audio ? "audio" : kind == Models.MediaKind.Image ? "an image" : "a video";

        internal static string SupportedList(MediaKind[] kinds)
        {
            var names = new System.Collections.Generic.List<string>();
            foreach (MediaKind kind in kinds)
            {
                if (kind == Models.MediaKind.Image) names.Add("JPEG, PNG, WebP");
                if (kind == Models.MediaKind.Video) names.Add("MP4, MOV, MKV, WebM");
                if (kind == Models.MediaKind.Audio) names.Add("MP3, WAV, FLAC, M4A, AAC");
            }
            return string.Join("; ", names);
        }

        public static string Article(string word) => "AEIOUaeiou".IndexOf(word[0]) >= 0 ? "an" : "a";

        private static string Shorten(string uri) => uri.Length > 60 ? uri.Substring(0, 60) + "…" : uri;
    }
}
