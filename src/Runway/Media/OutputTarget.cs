using System;
using System.IO;

namespace Runway.Media
{
    /// <summary>Where outputs go: one named file, or a directory where files are named after the task (or URL) and their content type.</summary>
    public sealed class OutputTarget
    {
        private OutputTarget(string path, bool isDirectory)
        {
            Path = path;
            IsDirectory = isDirectory;
        }

        public string Path { get; }
        public bool IsDirectory { get; }

        public static OutputTarget File(string fullPath) => new OutputTarget(fullPath, false);
        public static OutputTarget Directory(string fullPath) => new OutputTarget(fullPath, true);

        /// <summary>
        /// The file for output <paramref name="index"/> of <paramref name="count"/>. The extension follows the
        /// served content type, else the URL's, else .bin; a named file keeps the user's extension.
        /// </summary>
        public string PathFor(string baseName, int index, int count, string mediaType, string url)
        {
            string extension = MediaProbe.FromMediaType(mediaType)?.Extension ?? ArchiveExtension(mediaType, url) ?? UrlExtension(url) ?? ".bin";
            string suffix = count > 1 ? "_" + (index + 1) : string.Empty;
            if (IsDirectory)
                return System.IO.Path.Combine(Path, SafeName(baseName) + suffix + extension);
            string existing = System.IO.Path.GetExtension(Path);
            string stem = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path), System.IO.Path.GetFileNameWithoutExtension(Path));
            return stem + suffix + (string.IsNullOrEmpty(existing) ? extension : existing);
        }

        /// <summary>A .zip (an EXR frame sequence from video to HDR) keeps its extension: it is not media the probe knows.</summary>
        private static string ArchiveExtension(string mediaType, string url)
        {
            bool zipType = mediaType != null && mediaType.Split(';')[0].Trim().Equals("application/zip", StringComparison.OrdinalIgnoreCase);
            bool zipUrl = Uri.TryCreate(url, UriKind.Absolute, out Uri uri) && uri.AbsolutePath.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
            return zipType || (string.IsNullOrEmpty(mediaType) && zipUrl) ? ".zip" : null;
        }

        private static string UrlExtension(string url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri uri)) return null;
            string ext = System.IO.Path.GetExtension(uri.AbsolutePath);
            return MediaProbe.FromExtension(ext)?.Extension;
        }

        /// <summary>A name from a URL or id that is safe on every file system.</summary>
        public static string SafeName(string name)
        {
            char[] invalid = System.IO.Path.GetInvalidFileNameChars();
            var chars = name.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
                if (Array.IndexOf(invalid, chars[i]) >= 0 || chars[i] == ':' || chars[i] == '\\' || chars[i] == '/') chars[i] = '_';
            string safe = new string(chars).Trim('.', ' ');
            return safe.Length == 0 ? "output" : safe;
        }
    }
}
