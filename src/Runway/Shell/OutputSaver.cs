using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;
using Runway.Media;
using Runway.Models;

namespace Runway.Shell
{
    /// <summary>
    /// Saves task outputs for a cmdlet: downloads (a few at a time), progress bars on the pipeline thread,
    /// and FileInfo output as the FileSystem provider would give it (with PSPath, so Remove-Item and Copy-Item bind).
    /// </summary>
    internal sealed class OutputSaver : IDisposable
    {
        private readonly RunwayCmdlet cmdlet;
        private readonly Downloader downloader;
        private readonly OutputTarget target;
        private readonly bool force;
        private readonly Func<string?, CancellationToken, Task<RunwayTask>>? refresh;
        /// <summary>The placeholders that tell two outputs of one command apart.</summary>
        private static readonly string[] Distinguishing = { "{Id}", "{Index}" };
        private readonly SemaphoreSlim parallel = new SemaphoreSlim(4);
        /// <summary>Each chosen path and the output (task id and index) it belongs to: a retry of that output may choose it again, another may not.</summary>
        private readonly Dictionary<string, string?> written = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        /// <summary>The content type each chosen path was served with: what the extension is checked against.</summary>
        private readonly Dictionary<string, (string? MediaType, string Url)> served = new Dictionary<string, (string?, string)>(StringComparer.OrdinalIgnoreCase);
        private int nextProgressId;
        private readonly List<Task> running = new List<Task>();

        /// <param name="refresh">Fetches a task again by id; used once per output when a task's signed URL has expired (403).</param>
        /// <param name="passThru">Output each saved task (its SavedTo filled) instead of the files.</param>
        public OutputSaver(RunwayCmdlet cmdlet, Downloader downloader, OutputTarget target, bool force,
            Func<string?, CancellationToken, Task<RunwayTask>>? refresh = null, bool passThru = false)
        {
            this.refresh = refresh;
            this.cmdlet = cmdlet;
            this.downloader = downloader;
            this.target = target;
            this.force = force;
            this.passThru = passThru;
        }

        private readonly bool passThru;

        /// <summary>Starts saving every output of a finished task; errors become non-terminating errors carrying the task.</summary>
        public void Start(RunwayTask task, CancellationToken cancellation)
        {
            lock (running) running.Add(SaveTaskAsync(task, OutputNameFields.Of(task), task.Output ?? Array.Empty<string>(), cancellation));
        }

        /// <summary>Starts saving every output of a finished workflow run, node by node (a partial run saves what it has).</summary>
        public void Start(RunwayWorkflowInvocation run, CancellationToken cancellation)
        {
            lock (running) running.Add(SaveTaskAsync(run, Fields(run), run.Output, cancellation));
        }

        public void Start(string url, CancellationToken cancellation)
        {
            lock (running) running.Add(SaveTaskAsync(url, Fields(url), new[] { url }, cancellation));
        }

        internal static OutputNameFields Fields(RunwayWorkflowInvocation run) =>
            new OutputNameFields { Id = run.Id, Model = run.WorkflowName, Date = run.CreatedAt };

        internal static OutputNameFields Fields(string url) => new OutputNameFields
        {
            Id = Uri.TryCreate(url, UriKind.Absolute, out Uri uri) ? System.IO.Path.GetFileNameWithoutExtension(uri.AbsolutePath) : "output",
        };

        /// <summary>The first file these outputs would be saved to (as far as the URLs tell their type) that exists, unless -Force; else null.</summary>
        internal static RunwayFileExistsException? Existing(OutputTarget target, bool force, OutputNameFields fields, string[] urls)
        {
            for (int i = 0; i < urls.Length; i++)
            {
                string path = target.PathFor(fields, i, urls.Length, null, urls[i]);
                if (System.IO.Directory.Exists(path) || (!force && System.IO.File.Exists(path))) return new RunwayFileExistsException(path);
            }
            return null;
        }

        /// <summary>How an output is named in a message: "task ID" or "output 2 of task ID".</summary>
        internal static string? Owner(OutputNameFields fields, int index, int count) =>
            count > 1 ? $"output {index + 1} of {fields.Id}" : fields.Id;

        /// <summary>
        /// Two outputs of one command under one name: -Force cannot help (it would overwrite one output with the
        /// other), so the message names both and the placeholders that would tell them apart.
        /// </summary>
        internal static RunwayFileExistsException NameTaken(OutputTarget target, string path, string? first, string? second)
        {
            string? template = target.Names?.ToString();
            string[] missing = template == null ? Array.Empty<string>()
                : Distinguishing.Where(p => template.IndexOf(p, StringComparison.OrdinalIgnoreCase) < 0).ToArray();
            string help = template == null ? "Save them to separate folders."
                : missing.Length > 0 ? $"Add {string.Join(" or ", missing)} to the template, or save them to separate folders."
                : "Save them to separate folders.";
            return new RunwayFileExistsException(path,
                $"'{path}' would be the name of two outputs of this command ({first} and {second}){(template != null ? $" under -NameTemplate '{template}'" : string.Empty)}; " +
                $"nothing is overwritten, and -Force would not help: it would replace one output with the other. {help}");
        }

        /// <summary>A path this command already chose for another output: the clash is inside the command, said as such (not as an existing file).</summary>
        private RunwayFileExistsException? TakenHere(OutputNameFields fields, string[] urls)
        {
            lock (written)
                for (int i = 0; i < urls.Length; i++)
                {
                    string path = target.PathFor(fields, i, urls.Length, null, urls[i]);
                    string? owner = Owner(fields, i, urls.Length);
                    if (written.TryGetValue(path, out string? claimant) && claimant != owner) return NameTaken(target, path, claimant, owner);
                }
            return null;
        }

        /// <summary>The path chosen once the content type is known; a second output of this command under the same name is refused.</summary>
        private string Claim(OutputNameFields fields, int index, int count, string? mediaType, string url)
        {
            string path = target.PathFor(fields, index, count, mediaType, url);
            string? owner = Owner(fields, index, count);
            lock (written)
            {
                if (written.TryGetValue(path, out string? claimant) && claimant != owner) throw NameTaken(target, path, claimant, owner);
                written[path] = owner;
                served[path] = (mediaType, url);
            }
            return path;
        }

        /// <summary>
        /// Frees the download throttle once no save runs. A save still winding down after Ctrl+C keeps it: disposing it
        /// then would fail that save's Release, and it holds no handle (AvailableWaitHandle is never read).
        /// </summary>
        public void Dispose()
        {
            lock (running)
                if (running.Any(t => !t.IsCompleted)) return;
            parallel.Dispose();
        }

        public async Task CompleteAsync()
        {
            while (true)
            {
                Task[] pending;
                lock (running)
                {
                    pending = running.ToArray();
                    running.Clear();
                }
                if (pending.Length == 0) return;
                await Task.WhenAll(pending).ConfigureAwait(false);
            }
        }

        private async Task SaveTaskAsync(object source, OutputNameFields fields, string[] urls, CancellationToken cancellation)
        {
            string? baseName = fields.Id;
            if (urls.Length == 0)
            {
                cmdlet.OnPipeline(() => cmdlet.WriteError(new ErrorRecord(new InvalidOperationException($"Task {baseName} has no output to save."),
                    "Runway.NoOutput", ErrorCategory.InvalidData, source)));
                return;
            }
            RunwayFileExistsException? exists = TakenHere(fields, urls) ?? Existing(target, force, fields, urls);
            if (exists != null)
            {
                // Said before any download: an existing file is never fetched again only to be refused.
                cmdlet.OnPipeline(() => cmdlet.WriteError(ErrorPolicy.FromException(exists, source, ErrorPhase.Save)));
                return;
            }
            var saved = new List<string>();
            for (int i = 0; i < urls.Length; i++)
            {
                int index = i;
                int progressId = TransferProgress.DownloadActivityId + Interlocked.Increment(ref nextProgressId);
                string? label = urls.Length > 1 ? $"{baseName} ({index + 1} of {urls.Length})" : baseName;
                await parallel.WaitAsync(cancellation).ConfigureAwait(false);
                bool shown = false;
                try
                {
                    Task<string> Download(string url) => downloader.DownloadAsync(url,
                        mediaType => Claim(fields, index, urls.Length, mediaType, url),
                        force,
                        (done, total) =>
                        {
                            shown = true;
                            cmdlet.OnPipeline(() => cmdlet.WriteProgress(TransferProgress.Record(progressId, "Downloading Runway output " + label, done, total)));
                        },
                        cancellation);
                    string path;
                    try
                    {
                        path = await Download(urls[index]).ConfigureAwait(false);
                    }
                    catch (RunwayOutputExpiredException expired) when (expired.StatusCode == 403 && refresh != null && source is RunwayTask stale)
                    {
                        // Signed URLs expire long before the task does: fetching the task again signs fresh ones.
                        RunwayTask latest = await refresh(stale.Id, cancellation).ConfigureAwait(false);
                        if (latest == null || latest.Status != RunwayTask.Succeeded || latest.Output == null || latest.Output.Length <= index)
                            throw;
                        string fresh = latest.Output[index];
                        path = await Download(fresh).ConfigureAwait(false);
                    }
                    if (source is RunwayTask task) Tasks.TaskJournal.RecordSaved(task.Id, path);
                    saved.Add(path);
                    (string? MediaType, string Url) how;
                    lock (written) served.TryGetValue(path, out how);
                    string? mismatch = ExtensionMismatch(path, how.MediaType, how.Url);
                    if (mismatch != null) cmdlet.OnPipeline(() => cmdlet.WriteWarning(mismatch));
                    if (!(passThru && source is RunwayTask)) cmdlet.OnPipeline(() => cmdlet.WriteObject(ProviderItem(path)));
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    ErrorRecord record = ErrorPolicy.FromException(ex, source, ErrorPhase.Save);
                    cmdlet.OnPipeline(() => cmdlet.WriteError(record));
                }
                finally
                {
                    parallel.Release();
                    if (shown)
                        cmdlet.OnPipeline(() => cmdlet.WriteProgress(TransferProgress.Done(progressId, "Downloading Runway output " + label)));
                }
            }
            if (passThru && source is RunwayTask done && saved.Count > 0)
            {
                done.SavedTo = (done.SavedTo ?? Array.Empty<string>()).Concat(saved).Distinct(StringComparer.Ordinal).ToArray();
                cmdlet.OnPipeline(() => cmdlet.WriteObject(done));
            }
        }

        /// <summary>
        /// A warning when a file saved under a name the user gave (-OutFile, -Path, a template ending in an extension) has
        /// another extension than the served type (a ProRes .mov as .mp4, a frame-sequence .zip, an MP3) (the API
        /// decides the format; no conversion is made). The name is kept: scripts that go on to use it still work.
        /// </summary>
        internal static string? ExtensionMismatch(string path, string? mediaType, string url)
        {
            string extension = System.IO.Path.GetExtension(path);
            string? type = mediaType?.Split(';')[0].Trim();
            string expected = OutputTarget.ExtensionFor(type, url);
            if (expected == ".bin") return ExtensionMismatch(path);
            if (string.IsNullOrEmpty(extension) || extension.Equals(expected, StringComparison.OrdinalIgnoreCase)) return null;
            MediaFormat? named = MediaProbe.FromExtension(extension);
            if (named != null && named == MediaProbe.FromExtension(expected)) return null;
            MediaFormat? actual = (string.IsNullOrEmpty(type) ? null : MediaProbe.FromMediaType(type)) ?? MediaProbe.FromExtension(expected);
            string what = actual != null ? $"{actual.Name} {actual.Kind.ToString().ToLowerInvariant()}" : expected == ".zip" ? "a ZIP archive (a frame sequence)" : "another format";
            string served = string.IsNullOrEmpty(type) ? string.Empty : $" ({type})";
            string name = System.IO.Path.GetFileName(path);
            return $"'{name}' holds {what}{served}, not what '{extension}' says: Runway served that format and it was saved as is, under the name you gave. " +
                $"Name it {System.IO.Path.GetFileNameWithoutExtension(path)}{expected} for programs that go by the extension.";
        }

        /// <summary>The same check from the file's first bytes, when neither the content type nor the URL tells the format.</summary>
        internal static string? ExtensionMismatch(string path)
        {
            MediaFormat? named = MediaProbe.FromExtension(System.IO.Path.GetExtension(path));
            if (named == null) return null;
            MediaFormat? actual;
            try
            {
                actual = MediaProbe.Sniff(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }
            if (actual == null || actual == named || Container(actual) == Container(named)) return null;
            string name = System.IO.Path.GetFileName(path);
            return $"'{name}' holds {actual.Name} {actual.Kind.ToString().ToLowerInvariant()}, not {named.Name}: Runway served that format and it was saved as is, under the name you gave. " +
                $"Name it {System.IO.Path.GetFileNameWithoutExtension(path)}{actual.Extension} for programs that go by the extension.";
        }

        /// <summary>Formats that share a container (an .m4a is an MP4; a .webm is Matroska) are not a mismatch.</summary>
        private static string Container(MediaFormat format) =>
            format == MediaProbe.Mp4 || format == MediaProbe.M4A || format == MediaProbe.QuickTime ? "iso"
            : format == MediaProbe.Matroska || format == MediaProbe.WebM ? "matroska"
            : format.Name;

        private object ProviderItem(string path)
        {
            try
            {
                var items = cmdlet.InvokeProvider.Item.Get(new[] { path }, false, true);
                if (items.Count == 1) return items[0];
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is ProviderNotFoundException || ex is NotSupportedException)
            {
            }
            return new FileInfo(path);
        }
    }
}
