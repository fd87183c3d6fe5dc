using System;
using System.IO;

namespace Runway.Media
{
    /// <summary>
    /// Writes a whole file or nothing: into a hidden temporary file beside the target, renamed into place only when
    /// complete; an existing file is replaced only with <c>force</c>, and a failed write leaves no partial file.
    /// </summary>
    public static class AtomicFile
    {
        public static void Write(string target, bool force, Action<Stream> write)
        {
            string temp = TempPathFor(target);
            try
            {
                try
                {
                    using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                    {
                        write(file);
                        file.Flush(true);
                    }
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    throw RunwayWriteException.From(ex, target, temp);
                }
                Commit(temp, target, force);
            }
            finally
            {
                TryDelete(temp);
            }
        }

        /// <summary>The hidden temporary file beside <paramref name="target"/> that a whole-or-nothing write goes into first.</summary>
        public static string TempPathFor(string target) =>
            Path.Combine(Path.GetDirectoryName(target), "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");

        /// <summary>Renames a complete <paramref name="temp"/> into place: an existing file is replaced only with <paramref name="force"/>.</summary>
        public static void Commit(string temp, string target, bool force)
        {
            try
            {
                if (Directory.Exists(target)) throw new RunwayFileExistsException(target);
                if (File.Exists(target))
                {
                    if (!force) throw new RunwayFileExistsException(target);
                    File.Replace(temp, target, null);
                }
                else
                {
                    // Move refuses to replace: a file made meanwhile by someone else is never overwritten.
                    File.Move(temp, target);
                }
            }
            catch (Exception ex) when ((ex is IOException && !(ex is RunwayFileExistsException)) || ex is UnauthorizedAccessException)
            {
                if (Directory.Exists(target) || (!force && File.Exists(target))) throw new RunwayFileExistsException(target);
                throw RunwayWriteException.From(ex, target, temp);
            }
        }

        /// <summary>Removes a temporary file left by a failed write; one that cannot be removed is harmless (hidden, .partial).</summary>
        public static void TryDelete(string temp)
        {
            try
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
            }
        }
    }
}
