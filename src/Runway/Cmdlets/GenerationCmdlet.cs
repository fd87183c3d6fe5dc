using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;
using Runway.Media;
using Runway.Models;
using Runway.Tasks;

namespace Runway.Cmdlets
{
    /// <summary>
    /// The path every generation cmdlet shares: validate → show the cost (ShouldProcess) → wait for a free
    /// slot in the tier's concurrency → inline or upload local media → create the task once → optionally
    /// wait for it (one polling loop for all of this command's tasks) and save its outputs.
    /// </summary>
    public abstract class GenerationCmdlet : RunwayCmdlet
    {
        private const int UploadActivityId = 0x52574155;
        private readonly List<RunwayTask> created = new List<RunwayTask>();
        private HashSet<string> commandLineParameters;
        private OutputTarget outputTarget;
        private OutputSaver saver;
        private ConcurrencyGate gate;

        /// <summary>Wait until the task finishes and output the finished task.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>Wait, then save the output to this file (implies -Wait); outputs FileInfo.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string OutFile { get; set; }

        /// <summary>Wait, then save outputs into this directory, named after the task id (implies -Wait); outputs FileInfo.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string OutDirectory { get; set; }

        /// <summary>Overwrite existing files with -OutFile or -OutDirectory.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Stop waiting after this many seconds (the task goes on; its id is in the error). 0 waits without limit.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int TimeoutSec { get; set; } = (int)WaitOptions.DefaultTimeout.TotalSeconds;

        /// <summary>Seconds between status checks while waiting (±25 % jitter).</summary>
        [Parameter]
        [ValidateRange(0.05, 3600)]
        public double PollIntervalSec { get; set; } = WaitOptions.DefaultPollInterval.TotalSeconds;

        /// <summary>Most unfinished tasks of one model at a time; never more than the organization's tier allows.</summary>
        [Parameter]
        [ValidateRange(1, 1000)]
        public int ThrottleLimit { get; set; }

        private bool Saving => OutFile != null || OutDirectory != null;
        private bool Waiting => Wait || Saving;

        /// <summary>Builds the request for the current pipeline object; throws <see cref="RunwayInputException"/> for bad input.</summary>
        protected abstract GenerationRequest BuildRequest();

        /// <summary>True when the user typed this parameter (rather than it being bound from a pipeline object's property).</summary>
        protected bool OnCommandLine(string parameter) => commandLineParameters.Contains(parameter);

        /// <summary>Resolves a path through the current provider (wildcards allowed when they match exactly one file).</summary>
        protected string ResolveLocalPath(string path)
        {
            ProviderInfo provider;
            Collection<string> paths;
            try
            {
                paths = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
            }
            catch (ItemNotFoundException)
            {
                return SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            }
            if (provider.ImplementingType != typeof(Microsoft.PowerShell.Commands.FileSystemProvider))
                throw new RunwayInputException($"'{path}' is not a file system path.", null, "Runway.NotAFile", path, ErrorCategory.InvalidArgument);
            if (paths.Count != 1)
                throw new RunwayInputException($"'{path}' matches {paths.Count} files; pass one, or pipe them: Get-ChildItem '{path}' | {MyInvocation.MyCommand.Name} ...",
                    null, "Runway.AmbiguousPath", path, ErrorCategory.InvalidArgument);
            return paths[0];
        }

        protected MediaSource Media(object input, string parameter, params MediaKind[] accepted) =>
            input == null ? null : MediaSource.From(input, parameter, ResolveLocalPath, accepted);

        protected override void BeginProcessing()
        {
            commandLineParameters = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
            if (OutFile != null && OutDirectory != null)
                ThrowTerminatingError(RunwayErrors.InvalidArgument("Runway.ConflictingOutput", "Use -OutFile or -OutDirectory, not both.", OutFile));
            if (OutFile != null)
            {
                string path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile);
                string directory = Path.GetDirectoryName(path);
                if (!Directory.Exists(directory))
                    ThrowTerminatingError(new ErrorRecord(new DirectoryNotFoundException($"-OutFile: the folder '{directory}' does not exist."),
                        "Runway.OutputFolderMissing", ErrorCategory.ObjectNotFound, OutFile));
                if (File.Exists(path) && !Force)
                    ThrowTerminatingError(new ErrorRecord(new RunwayFileExistsException(path), "Runway.FileExists", ErrorCategory.ResourceExists, path));
                if (Directory.Exists(path))
                    ThrowTerminatingError(RunwayErrors.InvalidArgument("Runway.OutFileIsDirectory", $"-OutFile '{path}' is a directory; use -OutDirectory.", path));
                outputTarget = OutputTarget.File(path);
            }
            if (OutDirectory != null)
                outputTarget = OutputTarget.Directory(SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutDirectory));
        }

        protected override void ProcessRecord()
        {
            GenerationRequest request;
            try
            {
                request = BuildRequest();
            }
            catch (RunwayInputException ex)
            {
                WriteError(InputError(ex));
                return;
            }
            if (OutFile != null && created.Count > 0)
            {
                WriteError(RunwayErrors.InvalidArgument("Runway.OneFileForManyTasks",
                    $"-OutFile names one file, but more than one task was requested; use -OutDirectory. Not sent: {request.Summary}.", request.Source));
                return;
            }

            WriteVerbose($"{request.Summary}: {request.CostText}. Body: {request.DescribeBody()}");
            if (!ShouldProcess(request.Summary, $"Create Runway task for {request.CostText}"))
                return;

            EnsureOutputDirectory();
            try
            {
                Run(token => CreateAsync(request, token));
            }
            catch (PipelineStoppedException)
            {
                throw;
            }
            catch (RunwayInputException ex)
            {
                WriteError(InputError(ex));
            }
            catch (RunwayConfigurationException ex)
            {
                ThrowTerminatingError(RunwayErrors.FromException(ex, request.Source));
            }
            catch (RunwayApiException ex) when (ex.StatusCode == 401)
            {
                ThrowTerminatingError(RunwayErrors.FromException(ex, request.Source));
            }
            catch (RunwayApiException ex)
            {
                WriteError(RunwayErrors.FromException(ex, request.Source ?? request.Summary));
            }
            catch (IOException ex)
            {
                WriteError(new ErrorRecord(ex, "Runway.FileUnreadable", ErrorCategory.ReadError, request.Source));
            }
        }

        protected override void EndProcessing()
        {
            if (!Waiting || gate == null) return;
            RunwayTask[] unfinished = gate.Unfinished.ToArray();
            var progress = new WaitReporter(this);
            try
            {
                Run(async token =>
                {
                    if (unfinished.Length > 0)
                        await new TaskWaiter(Api, BuildWaitOptions()).WaitAsync(unfinished, progress, token).ConfigureAwait(false);
                    if (saver != null) await saver.CompleteAsync().ConfigureAwait(false);
                });
            }
            catch (RunwayApiException ex)
            {
                WriteError(RunwayErrors.FromException(ex, unfinished.Select(t => t.Id).ToArray()));
            }
            finally
            {
                progress.Complete();
            }
        }

        private async Task CreateAsync(GenerationRequest request, CancellationToken token)
        {
            if (gate == null)
                gate = new ConcurrencyGate(Api, ThrottleLimit > 0 ? ThrottleLimit : (int?)null, BuildWaitOptions(), this, new WaitReporter(this, Waiting));
            await gate.WaitForSlotAsync(request.Model.Name, token).ConfigureAwait(false);

            var resolver = new MediaResolver(new Uploader(Api.Client, this));
            await resolver.ResolveAsync(request, (source, done, total) => OnPipeline(() =>
                WriteProgress(new ProgressRecord(UploadActivityId, "Uploading " + source.Display,
                    total.HasValue ? $"{done:N0} of {total.Value:N0} bytes" : $"{done:N0} bytes")
                {
                    PercentComplete = total.HasValue && total.Value > 0 ? (int)(100 * done / total.Value) : -1,
                    RecordType = total.HasValue && done >= total.Value ? ProgressRecordType.Completed : ProgressRecordType.Processing,
                })), token).ConfigureAwait(false);

            RunwayTask task = await Api.CreateTaskAsync(request.Endpoint, request.Model.Name, request.Body, request.EstimatedCredits, token).ConfigureAwait(false);
            OnPipeline(() => WriteVerbose($"Created task {task.Id} ({request.Summary}, {request.CostText})."));
            if (Waiting)
            {
                // The task is output only when it ends; report its id now (Information stream, tag Runway.TaskCreated)
                // so that a wait stopped by Ctrl+C or a timeout never loses track of a paid task.
                OnPipeline(() => WriteInformation(task, new[] { "Runway.TaskCreated" }));
            }
            created.Add(task);
            gate.Track(task);
            if (!Waiting)
                OnPipeline(() => WriteObject(task));
        }

        private WaitOptions BuildWaitOptions() => new WaitOptions
        {
            PollInterval = TimeSpan.FromSeconds(PollIntervalSec),
            Timeout = TimeoutSec == 0 ? (TimeSpan?)null : TimeSpan.FromSeconds(TimeoutSec),
        };

        private void EnsureOutputDirectory()
        {
            if (outputTarget == null || saver != null) return;
            if (outputTarget.IsDirectory)
                Directory.CreateDirectory(outputTarget.Path);
            saver = new OutputSaver(this, OnPipeline, new Downloader(RunwaySession.Current.MaxRetries, this), outputTarget, Force,
                (id, token) => Api.GetTaskAsync(id, token));
        }

        private void Finished(RunwayTask task)
        {
            if (saver != null) saver.Start(task, Cancellation);
            else OnPipeline(() => WriteObject(task));
        }

        private static ErrorRecord InputError(RunwayInputException ex) => new ErrorRecord(ex, ex.ErrorId, ex.Category, ex.Target);

        /// <summary>Routes waiting reports to output, downloads, errors and a progress bar.</summary>
        private sealed class WaitReporter : IWaitObserver
        {
            private const int ActivityId = 0x52574157;
            private readonly GenerationCmdlet cmdlet;
            private readonly bool report;
            private bool shown;

            public WaitReporter(GenerationCmdlet cmdlet, bool report = true)
            {
                this.cmdlet = cmdlet;
                this.report = report;
            }

            public void Finished(RunwayTask task)
            {
                if (report) cmdlet.Finished(task);
            }

            public void Ended(RunwayTaskException error)
            {
                if (report) cmdlet.OnPipeline(() => cmdlet.WriteError(RunwayErrors.FromException(error, error.Task)));
            }

            public void Progress(IReadOnlyList<RunwayTask> unfinished, int finishedCount, int total, TimeSpan elapsed)
            {
                if (!report || unfinished.Count == 0) return;
                string status = string.Join(", ", unfinished.GroupBy(t => t.Status ?? "?").Select(g => $"{g.Count()} {g.Key}"));
                double running = unfinished.Sum(t => t.Progress ?? 0);
                int percent = (int)Math.Min(100, Math.Round(100.0 * (finishedCount + running) / Math.Max(1, total)));
                cmdlet.OnPipeline(() =>
                {
                    cmdlet.WriteProgress(new ProgressRecord(ActivityId, "Waiting for Runway tasks", $"{finishedCount} of {total} done; {status}; {elapsed.TotalSeconds:0} s")
                    {
                        PercentComplete = percent,
                    });
                    shown = true;
                });
            }

            public void Complete()
            {
                if (shown)
                    cmdlet.WriteProgress(new ProgressRecord(ActivityId, "Waiting for Runway tasks", "Done") { RecordType = ProgressRecordType.Completed });
            }
        }
    }
}
