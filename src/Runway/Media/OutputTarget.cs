using System;
using System.IO;

namespace Runway.Media
{
    /// <summary>Where outputs go: one named file, or a directory where files are named after the task (or URL) and their content type.</summary>
    public sealed class OutputTarget
    {
        private OutputTarget(string path, bool isDirectory, NameTemplate? names = null)
        {
            Path = path;
            IsDirectory = isDirectory;
            Names = names;
        }

        public string Path { get; }
        public bool IsDirectory { get; }
        /// <summary>How files in a directory are named; null: after the task id (or the URL's file name).</summary>
        public NameTemplate? Names { get; }

        public static OutputTarget File(string fullPath) => new OutputTarget(fullPath, false);
        public static OutputTarget Directory(string fullPath, NameTemplate? names = null) => new OutputTarget(fullPath, true, names);

        /// <summary>The file for output <paramref name="index"/> of <paramref name="count"/> of a task, run or URL described by <paramref name="fields"/>.</summary>
        public string PathFor(OutputNameFields fields, int index, int count, string? mediaType, string url)
        {
            if (!IsDirectory || Names == null) return PathFor(fields.Id, index, count, mediaType, url);
            return System.IO.Path.Combine(Path, Names.Expand(fields, index, count) + (Names.Extension ?? ExtensionFor(mediaType, url)));
        }

        /// <summary>The extension an output gets: the served content type's, else the URL's, else .bin.</summary>
        public static string ExtensionFor(string? mediaType, string url) =>
            MediaProbe.FromMediaType(mediaType)?.Extension ?? ArchiveExtension(mediaType, url) ?? UrlExtension(url) ?? ".bin";

        /// <summary>
        /// The file for output <paramref name="index"/> of <paramref name="count"/>. The extension follows the
        /// served content type, else the URL's, else .bin; a named file keeps the user's extension.
        /// </summary>
        public string PathFor(string? baseName, int index, int count, string? mediaType, string url)
        {
            string extension = ExtensionFor(mediaType, url);
            string suffix = count > 1 ? "_" + (index + 1) : string.Empty;
            if (IsDirectory)
                return System.IO.Path.Combine(Path, SafeName(baseName) + suffix + extension);
            string existing = System.IO.Path.GetExtension(Path);
            string stem = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path), System.IO.Path.GetFileNameWithoutExtension(Path));
            return stem + suffix + (string.IsNullOrEmpty(existing) ? extension : existing);
        }

        /// <summary>A .zip (an EXR frame sequence from video to HDR) keeps its extension: it is not media the probe knows.</summary>
        private static string? ArchiveExtension(string? mediaType, string url)
        {
            bool zipType = mediaType != null && mediaType.Split(';')[0].Trim().Equals("application/zip", StringComparison.OrdinalIgnoreCase);
            bool zipUrl = Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && uri.AbsolutePath.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
            return zipType || (string.IsNullOrEmpty(mediaType) && zipUrl) ? ".zip" : null;
        }

        private static string? UrlExtension(string url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri)) return null;
            string ext = System.IO.Path.GetExtension(uri.AbsolutePath);
            return MediaProbe.FromExtension(ext)?.Extension;
        }

        /// <summary>A name from a URL or id that is safe on every file system.</summary>
        public static string SafeName(string? name)
        {
            char[] invalid = System.IO.Path.GetInvalidFileNameChars();
            var chars = (name ?? string.Empty).ToCharArray();
            for (int i = 0; i < chars.Length; i++)
                if (Array.IndexOf(invalid, chars[i]) >= 0 || chars[i] == ':' || chars[i] == '\\' || chars[i] == '/') chars[i] = '_';
            string safe = new string(chars).Trim('.', ' ');
            return safe.Length == 0 ? "output" : safe;
        }
    }
}
