using System;
using System.IO;
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
        private OutputSaver saver;
        private bool claimed;

        private OutputDestination(OutputTarget target, string parameter, bool force)
        {
            Target = target;
            this.parameter = parameter;
            Force = force;
        }

        public OutputTarget Target { get; }
        public bool Force { get; }
        /// <summary>One named file: it can hold the outputs of one task only.</summary>
        public bool IsSingleFile => !Target.IsDirectory;

        /// <summary>-OutFile or -OutDirectory of a generation cmdlet; null when neither was given.</summary>
        public static OutputDestination FromOutParameters(PSCmdlet cmdlet, string outFile, string outDirectory, bool force)
        {
            if (outFile != null && outDirectory != null)
                cmdlet.ThrowTerminatingError(ErrorPolicy.InvalidArgument("Runway.ConflictingOutput", "Use -OutFile or -OutDirectory, not both.", outFile));
            if (outFile != null)
                return ForFile(cmdlet, "OutFile", outFile, Resolve(cmdlet, outFile), force);
            if (outDirectory != null)
                return ForDirectory(cmdlet, "OutDirectory", Resolve(cmdlet, outDirectory), force);
            return null;
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

        /// <summary>The error for a task refused by <see cref="TryClaim"/>.</summary>
        public ErrorRecord OneFileForManyTasks(string consequence, object target) =>
            ErrorPolicy.InvalidArgument("Runway.OneFileForManyTasks",
                $"-{parameter} names one file, but more than one task was given; use a folder instead. {consequence}", target);

        /// <summary>Save-RunwayOutput -Path: a directory (the default is the current location), or a file name with an extension.</summary>
        public static OutputDestination FromPath(PSCmdlet cmdlet, string path, bool force)
        {
            string full = Resolve(cmdlet, string.IsNullOrEmpty(path) ? "." : path);
            bool looksLikeDirectory = path == null || Directory.Exists(full) || path.EndsWith("/") || path.EndsWith("\\")
                || string.IsNullOrEmpty(Path.GetExtension(full));
            return looksLikeDirectory ? ForDirectory(cmdlet, "Path", full, force) : ForFile(cmdlet, "Path", path, full, force);
        }

        private static string Resolve(PSCmdlet cmdlet, string path) => cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);

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

        private static OutputDestination ForFile(PSCmdlet cmdlet, string parameter, string typed, string path, bool force)
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
            return new OutputDestination(OutputTarget.File(path), parameter, force);
        }

        private static OutputDestination ForDirectory(PSCmdlet cmdlet, string parameter, string path, bool force)
        {
            CheckAncestors(cmdlet, parameter, path);
            if (File.Exists(path))
                cmdlet.ThrowTerminatingError(ErrorPolicy.InvalidArgument($"Runway.{parameter}IsFile",
                    $"-{parameter} '{path}' is a file; give a directory, or a file name with an extension.", path));
            return new OutputDestination(OutputTarget.Directory(path), parameter, force);
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
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    cmdlet.ThrowTerminatingError(new ErrorRecord(new IOException($"-{parameter} '{Target.Path}' cannot be created: {ex.Message}", ex),
                        "Runway.CannotWrite", ErrorCategory.WriteError, Target.Path));
                }
            }
            return saver = new OutputSaver(cmdlet, new Downloader(api.Client.Configuration, cmdlet), Target, Force,
                (id, token) => api.GetTaskAsync(id, token));
        }
    }
}
