using System;
using System.IO;
using Runway.Api;

namespace Runway.Tasks
{
    /// <summary>The task journal cannot take a line, found before anything paid was sent: the create is refused.</summary>
    public sealed class RunwayJournalException : Exception
    {
        public RunwayJournalException(string path, Exception cause)
            : base(MessageFor(path, cause), cause)
        {
            Path = path;
            Category = cause is UnauthorizedAccessException || ReadOnly(cause) ? ErrorKind.PermissionDenied : ErrorKind.WriteError;
        }

        public const string Id = "Runway.JournalUnwritable";

        /// <summary>The journal file.</summary>
        public string Path { get; }
        public string ErrorId { get; } = Id;
        public ErrorKind Category { get; }

        private static string MessageFor(string path, Exception cause)
        {
            string folder = System.IO.Path.GetDirectoryName(path);
            return $"The task journal {path} cannot take a line ({cause.Message.Trim().TrimEnd('.')}). Nothing was sent: a task created now " +
                   "could not be recorded, and its result could be lost with this window. " +
                   $"Make {folder} writable (or free space on its disk), point {JournalPaths.PathVariable} at a writable file or folder, " +
                   $"or set {JournalPaths.PathVariable}=off to create tasks without a journal (then keep their ids yourself).";
        }

        /// <summary>A read-only file system (EROFS on Unix) refuses like a permission would.</summary>
        private static bool ReadOnly(Exception cause) =>
            cause is IOException && (cause.HResult == 30 || cause.Message.IndexOf("read-only", StringComparison.OrdinalIgnoreCase) >= 0);
    }
}
