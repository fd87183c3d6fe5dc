using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Runway.Api;
using Runway.Media;

namespace Runway.Shell
{
    /// <summary>
    /// Where a command saves outputs, checked once before anything is created or downloaded: the one concept
    /// behind -OutFile/-OutDirectory of the generation cmdlets and -Path of Save-RunwayOutput.
    /// </summary>
    public sealed class OutputDestination
    {
        private readonly string parameter;
        private readonly bool passThru;
        private OutputSaver? saver;
        private bool claimed;
        /// <summary>Each path planned so far and the output it is for.</summary>
        private readonly Dictionary<string, string?> planned = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

        private OutputDestination(OutputTarget target, string parameter, bool force, bool passThru)
        {
            Target = target;
            this.parameter = parameter;
            Force = force;
            this.passThru = passThru;
        }

        public OutputTarget Target { get; }
        public bool Force { get; }
        /// <summary>One named file: it can hold the outputs of one task only.</summary>
        public bool IsSingleFile => !Target.IsDirectory;

        /// <summary>-OutFile or -OutDirectory (and -NameTemplate) of a generation cmdlet; null when neither was given.</summary>
        public static OutputDestination? FromOutParameters(PSCmdlet cmdlet, string? outFile, string? outDirectory, bool force,
            string? nameTemplate = null, bool passThru = false)
        {
            if (outFile != null && outDirectory != null)
                cmdlet.ThrowTerminatingError(ErrorPolicy.InvalidArgument("Runway.ConflictingOutput", "Use -OutFile or -OutDirectory, not both.", outFile));
            NameTemplate? names = Template(cmdlet, nameTemplate);
            if (names != null && outDirectory == null)
                cmdlet.ThrowTerminatingError(ErrorPolicy.InvalidArgument("Runway.NameTemplateNeedsFolder",
                    $"-NameTemplate names the files in a folder: use it with -OutDirectory{(outFile != null ? ", not -OutFile" : string.Empty)}.", nameTemplate));
            if (passThru && outFile == null && outDirectory == null)
                cmdlet.ThrowTerminatingError(ErrorPolicy.InvalidArgument("Runway.PassThruNeedsOutput",
                    "-PassThru outputs the saved task instead of the files: use it with -OutFile or -OutDirectory (without them, -Wait outputs the task).", null));
            if (outFile != null)
                return ForFile(cmdlet, "OutFile", outFile, Resolve(cmdlet, "OutFile", outFile), force, passThru);
            if (outDirectory != null)
                return ForDirectory(cmdlet, "OutDirectory", Resolve(cmdlet, "OutDirectory", outDirectory), force, names, passThru);
            return null;
        }

        private static NameTemplate? Template(PSCmdlet cmdlet, string? nameTemplate)
        {
            if (nameTemplate == null) return null;
            try
            {
                return NameTemplate.Parse(nameTemplate, "NameTemplate");
            }
            catch (Models.RunwayInputException ex)
            {
                cmdlet.ThrowTerminatingError(ErrorPolicy.FromException(ex, nameTemplate));
                return null;
            }
        }

        /// <summary>
        /// Takes the destination for one more task's outputs: always possible for a folder, once for a named file.
        /// Called before the task is created or downloaded, so that a second task is refused before it costs anything.
        /// </summary>
        public bool TryClaim()
        {
            if (!IsSingleFile) return true;
            lock (this)
            {
                if (claimed) return false;
                return claimed = true;
            }
        }

        /// <summary>
        /// Before anything is downloaded (and under -WhatIf): the files these outputs would be saved to, as far as the
        /// URLs tell their type, must not exist (unless -Force) nor be meant for another output of this command.
        /// </summary>
        public RunwayFileExistsException? Plan(OutputNameFields fields, string[] urls)
        {
            // A clash between two outputs of this command is said as such first: -Force would not resolve it.
            lock (planned)
            {
                string[] paths = urls.Select((url, i) => Target.PathFor(fields, i, urls.Length, null, url)).ToArray();
                for (int i = 0; i < paths.Length; i++)
                {
                    string? owner = OutputSaver.Owner(fields, i, urls.Length);
                    if (planned.TryGetValue(paths[i], out string? other) && other != owner) return OutputSaver.NameTaken(Target, paths[i], other, owner);
                }
                RunwayFileExistsException? taken = OutputSaver.Existing(Target, Force, fields, urls);
                if (taken != null) return taken;
                for (int i = 0; i < paths.Length; i++) planned[paths[i]] = OutputSaver.Owner(fields, i, urls.Length);
            }
            return null;
        }

        /// <summary>An output file that exists (without -Force) or is meant for another output: an error before any download, -WhatIf included.</summary>
        public bool Refused(PSCmdlet cmdlet, OutputNameFields fields, string[] urls, object source)
        {
            RunwayFileExistsException? taken = Plan(fields, urls);
            if (taken == null) return false;
            cmdlet.WriteError(ErrorPolicy.FromException(taken, source, ErrorPhase.Save));
            return true;
        }

        /// <summary>What names a task's files; a task fetched by id learns its inputs from the journal when the template needs them.</summary>
        public OutputNameFields NameFields(RunwayTask task)
        {
            if ((task.Inputs == null || task.Inputs.Length == 0) && Target.Names != null)
            {
                string?[]? known = Tasks.TaskJournal.Find(task.Id)?.Inputs;
                if (known != null) task.Inputs = known;
            }
            return OutputNameFields.Of(task);
        }

        /// <summary>The error for a task refused by <see cref="TryClaim"/>.</summary>
        public ErrorRecord OneFileForManyTasks(string consequence, object? target) =>
            ErrorPolicy.InvalidArgument("Runway.OneFileForManyTasks",
                $"-{parameter} names one file, but more than one task was given; use a folder instead. {consequence}", target);

        /// <summary>One file a command writes itself (a page, a report): the checks of -OutFile, under the command's own parameter name.</summary>
        public static OutputDestination ForOneFile(PSCmdlet cmdlet, string parameter, string path, bool force) =>
            ForFile(cmdlet, parameter, path, Resolve(cmdlet, parameter, path), force, false);

        /// <summary>Save-RunwayOutput -Path: a directory (the default is the current location), or a file name with an extension.</summary>
        public static OutputDestination FromPath(PSCmdlet cmdlet, string? path, bool force, string? nameTemplate = null, bool passThru = false)
        {
            string full = Resolve(cmdlet, "Path", Strings.IsEmpty(path) ? "." : path);
            NameTemplate? names = Template(cmdlet, nameTemplate);
            bool looksLikeDirectory = path == null || Directory.Exists(full) || path.EndsWith("/", StringComparison.Ordinal) || path.EndsWith("\\", StringComparison.Ordinal)
                || string.IsNullOrEmpty(Path.GetExtension(full));
            if (!looksLikeDirectory && names != null)
                cmdlet.ThrowTerminatingError(ErrorPolicy.InvalidArgument("Runway.NameTemplateNeedsFolder",
                    $"-NameTemplate names the files in a folder, but -Path '{path}' names a file; give a folder as -Path.", path));
            return looksLikeDirectory ? ForDirectory(cmdlet, "Path", full, force, names, passThru) : ForFile(cmdlet, "Path", path, full, force, passThru);
        }

        /// <summary>
        /// The file system path of an output parameter, or a terminating error: a drive that does not exist, another
        /// provider (Env:, HKLM:), characters the file system refuses or a name longer than it allows.
        /// </summary>
        private static string Resolve(PSCmdlet cmdlet, string parameter, string path)
        {
            string? full = null;
            try
            {
                full = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out ProviderInfo provider, out PSDriveInfo _);
                if (provider.ImplementingType != typeof(Microsoft.PowerShell.Commands.FileSystemProvider))
                    cmdlet.ThrowTerminatingError(ErrorPolicy.InvalidArgument("Runway.OutputNotOnFileSystem",
                        $"-{parameter} '{path}' is on the {provider.Name} provider, not on the file system; give a folder or file on a disk.", path));
            }
            catch (Exception ex) when (ex is System.Management.Automation.DriveNotFoundException || ex is System.IO.DriveNotFoundException || ex is ProviderNotFoundException)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(new DirectoryNotFoundException($"-{parameter} '{path}' cannot be written: {Sentence(ex.Message)}", ex),
                    "Runway.OutputDriveNotFound", ErrorCategory.ObjectNotFound, path));
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                cmdlet.ThrowTerminatingError(ErrorPolicy.InvalidArgument("Runway.InvalidOutputPath",
                    $"-{parameter} '{Printable(path)}' is not a valid path: {Sentence(ex.Message)}", path));
            }
            // Every failure above ended in ThrowTerminatingError, which throws.
            if (full == null) throw new InvalidOperationException($"-{parameter} '{path}' did not resolve.");
            CheckName(cmdlet, parameter, path, full);
            return full;
        }

        /// <summary>Characters the file system refuses, and names or paths longer than it allows, checked before anything is sent.</summary>
        private static void CheckName(PSCmdlet cmdlet, string parameter, string typed, string full)
        {
            char[] invalid = Path.GetInvalidPathChars();
            string root = Path.GetPathRoot(full) ?? string.Empty;
            foreach (string segment in full.Substring(root.Length).Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries))
            {
                int at = segment.IndexOfAny(invalid.Concat(Path.GetInvalidFileNameChars()).ToArray());
                char bad = at >= 0 ? segment[at] : 'x';
                if (at >= 0)
                    cmdlet.ThrowTerminatingError(ErrorPolicy.InvalidArgument("Runway.InvalidOutputPath",
                        $"-{parameter} '{Printable(typed)}' contains '{Printable(bad.ToString())}', which the file system does not allow in a name.", typed));
                // 255 is the longest file name of NTFS, ext4, APFS and the others (in UTF-16 units there, in bytes on Unix).
                int length = Path.DirectorySeparatorChar == '/' ? System.Text.Encoding.UTF8.GetByteCount(segment) : segment.Length;
                if (length > 255)
                    cmdlet.ThrowTerminatingError(ErrorPolicy.InvalidArgument("Runway.OutputPathTooLong",
                        $"-{parameter}: the name '{segment.Substring(0, 40)}…' is {length} {(Path.DirectorySeparatorChar == '/' ? "bytes" : "characters")} long; file systems allow at most 255.", typed));
            }
            if (Path.DirectorySeparatorChar == '/' && System.Text.Encoding.UTF8.GetByteCount(full) > 4000)
                cmdlet.ThrowTerminatingError(ErrorPolicy.InvalidArgument("Runway.OutputPathTooLong",
                    $"-{parameter}: the path is {System.Text.Encoding.UTF8.GetByteCount(full)} bytes long; the file system allows at most 4,096 (with the file name).", typed));
        }

        private static string Printable(string text) =>
            string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));

        private static string Sentence(string text)
        {
            text = (text ?? string.Empty).Trim();
            return text.EndsWith(".", StringComparison.Ordinal) ? text : text + ".";
        }

        /// <summary>
        /// A file where a folder of the path should be (out.txt/clips) can never be written: said before anything is
        /// sent or downloaded, -WhatIf included, instead of an IOException after paying.
        /// </summary>
        private static void CheckAncestors(PSCmdlet cmdlet, string parameter, string path)
        {
            for (string folder = Path.GetDirectoryName(path); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
            {
                if (Directory.Exists(folder)) return;
                if (File.Exists(folder))
                    cmdlet.ThrowTerminatingError(ErrorPolicy.InvalidArgument("Runway.OutputParentIsFile",
                        $"-{parameter} '{path}' cannot be written: '{folder}' is a file, not a folder.", path));
            }
        }

        /// <summary>
        /// The folder that will hold the outputs (or, when it is still to be made, the nearest one that exists) must
        /// take a new file: a zero-byte probe is made and removed at once, the only test that also holds for ACLs,
        /// read-only mounts and immutable folders.
        /// </summary>
        private static void CheckWritable(PSCmdlet cmdlet, string parameter, string path, string folder)
        {
            while (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder)) folder = Path.GetDirectoryName(folder);
            if (string.IsNullOrEmpty(folder)) return;
            string probe = Path.Combine(folder, ".runway-probe-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            try
            {
                using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                bool denied = ex is UnauthorizedAccessException || ex.Message.IndexOf("read-only", StringComparison.OrdinalIgnoreCase) >= 0;
                string why = denied ? $"the folder '{folder}' is read-only or belongs to someone else" : $"the folder '{folder}' does not take new files ({WithoutProbe(ex.Message, probe)})";
                Exception error = denied ? (Exception)new UnauthorizedAccessException($"-{parameter} '{path}' cannot be written: {why}. Nothing was sent or downloaded.", ex)
                    : new IOException($"-{parameter} '{path}' cannot be written: {why}. Nothing was sent or downloaded.", ex);
                cmdlet.ThrowTerminatingError(new ErrorRecord(error, "Runway.CannotWrite", denied ? ErrorCategory.PermissionDenied : ErrorCategory.WriteError, path));
            }
        }

        private static string WithoutProbe(string message, string probe) =>
            message.Replace("'" + probe + "'", string.Empty).Replace(probe, string.Empty).Replace(" : ", string.Empty).Trim().TrimEnd('.', ':', ' ');

        private static OutputDestination ForFile(PSCmdlet cmdlet, string parameter, string? typed, string path, bool force, bool passThru)
        {
            CheckAncestors(cmdlet, parameter, path);
            string directory = Path.GetDirectoryName(path);
            if (!Directory.Exists(directory))
                cmdlet.ThrowTerminatingError(new ErrorRecord(new DirectoryNotFoundException($"-{parameter}: the folder '{directory}' does not exist."),
                    "Runway.OutputFolderMissing", ErrorCategory.ObjectNotFound, typed));
            if (Directory.Exists(path))
                cmdlet.ThrowTerminatingError(ErrorPolicy.InvalidArgument($"Runway.{parameter}IsDirectory", $"-{parameter} '{path}' is a directory; name a file, or use a folder parameter.", path));
            if (File.Exists(path) && !force)
                cmdlet.ThrowTerminatingError(new ErrorRecord(new RunwayFileExistsException(path), "Runway.FileExists", ErrorCategory.ResourceExists, path));
            CheckWritable(cmdlet, parameter, path, directory);
            return new OutputDestination(OutputTarget.File(path), parameter, force, passThru);
        }

        private static OutputDestination ForDirectory(PSCmdlet cmdlet, string parameter, string path, bool force, NameTemplate? names, bool passThru)
        {
            CheckAncestors(cmdlet, parameter, path);
            if (File.Exists(path))
                cmdlet.ThrowTerminatingError(ErrorPolicy.InvalidArgument($"Runway.{parameter}IsFile",
                    $"-{parameter} '{path}' is a file; give a directory, or a file name with an extension.", path));
            CheckWritable(cmdlet, parameter, path, path);
            return new OutputDestination(OutputTarget.Directory(path, names), parameter, force, passThru);
        }

        /// <summary>
        /// The saver for this destination, made once. A folder is created first, so that a folder that cannot be
        /// written stops the command before anything is paid for or downloaded.
        /// </summary>
        internal OutputSaver Saver(RunwayCmdlet cmdlet, RunwayApi api)
        {
            if (saver != null) return saver;
            if (Target.IsDirectory)
            {
                try
                {
                    Directory.CreateDirectory(Target.Path);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
                {
                    bool denied = ex is UnauthorizedAccessException;
                    string message = $"-{parameter} '{Target.Path}' cannot be created: {(denied ? "permission denied." : Sentence(ex.Message))} Nothing was sent or downloaded.";
                    cmdlet.ThrowTerminatingError(new ErrorRecord(denied ? (Exception)new UnauthorizedAccessException(message, ex) : new IOException(message, ex),
                        "Runway.CannotWrite", denied ? ErrorCategory.PermissionDenied : ErrorCategory.WriteError, Target.Path));
                }
            }
            // The command owns the saver (it saves for that command only) and disposes it when the pipeline ends.
            return saver = cmdlet.Own(new OutputSaver(cmdlet, new Downloader(api.Client.Configuration, cmdlet), Target, Force,
                (id, token) => api.GetTaskAsync(id, token), passThru));
        }
    }
}
