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
        private readonly List<(int Number, GenerationRequest Request)> awaitingConfirmation = new List<(int, GenerationRequest)>();
        private readonly BatchSummary summary = new BatchSummary();
        private int inputNumber;
        private bool confirmBatch;
        private int whatIfCount;
        private decimal whatIfCredits;
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

        /// <summary>
        /// The -Model to use with this input: a task piped in binds its own Model property (the model that made
        /// it), which is not the model of the new task, so it counts only when the user typed -Model.
        /// </summary>
        protected string ModelFor(object input, string model) => TypedUnlessFromTask(input, "Model", model);

        /// <summary>
        /// A finished task piped in binds its own properties by name (Model, Prompt: those that made it), which
        /// describe the input, not the new task: such a value counts only when the user typed the parameter.
        /// </summary>
        protected T TypedUnlessFromTask<T>(object input, string parameter, T value) =>
            MediaSource.Unwrap(input) is RunwayTask && !OnCommandLine(parameter) ? default : value;

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
            confirmBatch = ConfirmationWillPrompt();
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
            {
                string directory = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutDirectory);
                if (File.Exists(directory))
                    ThrowTerminatingError(RunwayErrors.InvalidArgument("Runway.OutDirectoryIsFile", $"-OutDirectory '{directory}' is a file; use -OutFile, or name a folder.", directory));
                outputTarget = OutputTarget.Directory(directory);
            }
        }

        protected override void ProcessRecord()
        {
            int number = ++inputNumber;
            summary.Requested++;
            GenerationRequest request;
            try
            {
                request = BuildRequest();
            }
            catch (RunwayInputException ex)
            {
                summary.Refused++;
                WriteError(Labelled(new ErrorRecord(ex, ex.ErrorId, ex.Category, ex.Target), number));
                return;
            }
            if (OutFile != null && (created.Count > 0 || awaitingConfirmation.Count > 0))
            {
                summary.Refused++;
                WriteError(Labelled(RunwayErrors.InvalidArgument("Runway.OneFileForManyTasks",
                    $"-OutFile names one file, but more than one task was requested; use -OutDirectory. Not sent: {request.Summary}.", request.Source), number));
                return;
            }
            string capNote = string.Empty;
            try
            {
                SpendingGuard.Check(request.CreditsUpperBound + awaitingConfirmation.Sum(p => p.Request.CreditsUpperBound) + whatIfCredits, request.Summary);
            }
            catch (RunwayBudgetException ex)
            {
                if (!WhatIfRequested())
                {
                    summary.Refused++;
                    WriteError(Labelled(new ErrorRecord(ex, "Runway.BudgetExceeded", ErrorCategory.LimitsExceeded, request.Source), number));
                    return;
                }
                capNote = $" (refused for real: past the session cap of {SpendingGuard.Cap} credits)";
            }

            if (VerboseEnabled)
                WriteVerbose($"{request.Summary}: {request.CostText}. Body: {request.DescribeBody()}");
            if (confirmBatch)
            {
                // One confirmation for the whole batch, with its total, once every input is known.
                awaitingConfirmation.Add((number, request));
                return;
            }
            if (!ShouldProcess(request.Summary, $"Create Runway task for {request.CostText}{capNote}"))
            {
                whatIfCount++;
                whatIfCredits += request.EstimatedCredits;
                return;
            }
            Create(number, request);
        }

        protected override void EndProcessing()
        {
            ConfirmBatch();
            if (WhatIfRequested() && whatIfCount > 1)
                ShouldProcess($"{whatIfCount} Runway tasks", $"Create {whatIfCount} Runway tasks for {ModelCatalog.FormatCost(whatIfCredits)} in all");
            WaitForCreated();
            if (inputNumber > 1)
            {
                summary.EstimatedCredits = created.Sum(t => t.EstimatedCredits ?? 0);
                summary.Created = created.Count;
                WriteVerbose(summary.ToString());
                var record = new InformationRecord(summary, MyInvocation.MyCommand.Name);
                record.Tags.Add("Runway.Summary");
                WriteInformation(record);
            }
        }

        private void ConfirmBatch()
        {
            if (awaitingConfirmation.Count == 0) return;
            decimal total = awaitingConfirmation.Sum(p => p.Request.EstimatedCredits);
            bool approximate = awaitingConfirmation.Any(p => p.Request.CostIsApproximate);
            string target = awaitingConfirmation.Count == 1
                ? awaitingConfirmation[0].Request.Summary
                : $"{awaitingConfirmation.Count} Runway tasks: " + string.Join(", ", awaitingConfirmation
                    .GroupBy(p => p.Request.Model.Name).Select(g => $"{g.Count()} × {g.Key}"));
            string action = (awaitingConfirmation.Count == 1 ? "Create Runway task" : $"Create {awaitingConfirmation.Count} Runway tasks") +
                            $" for {(approximate ? "about " : "")}{ModelCatalog.FormatCost(total)}" +
                            (SpendingGuard.Cap.HasValue ? $" (session cap {SpendingGuard.Cap}, spent {SpendingGuard.Spent})" : string.Empty);
            var batch = awaitingConfirmation.ToArray();
            awaitingConfirmation.Clear();
            if (!ShouldProcess(target, action))
                return;
            foreach ((int number, GenerationRequest request) in batch)
                Create(number, request);
        }

        private void Create(int number, GenerationRequest request)
        {
            ErrorRecord failure = null;
            try
            {
                EnsureOutputDirectory();
                Run(token => CreateAsync(request, token));
            }
            catch (PipelineStoppedException)
            {
                throw;
            }
            catch (RunwayInputException ex)
            {
                failure = new ErrorRecord(ex, ex.ErrorId, ex.Category, ex.Target);
            }
            catch (RunwayBudgetException ex)
            {
                failure = new ErrorRecord(ex, "Runway.BudgetExceeded", ErrorCategory.LimitsExceeded, request.Source);
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
                failure = RunwayErrors.FromException(ex, request.Source ?? request.Summary);
            }
            catch (IOException ex)
            {
                failure = new ErrorRecord(ex, "Runway.FileUnreadable", ErrorCategory.ReadError, request.Source);
            }
            catch (TimeoutException ex)
            {
                failure = new ErrorRecord(ex, "Runway.NoFreeSlot", ErrorCategory.OperationTimeout, request.Source);
            }
            if (failure != null)
            {
                summary.Failed++;
                WriteError(Labelled(failure, number));
            }
        }

        private void WaitForCreated()
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

        /// <summary>With pipeline input, says which input an error belongs to.</summary>
        private ErrorRecord Labelled(ErrorRecord record, int number)
        {
            if (MyInvocation.ExpectingInput)
                record.ErrorDetails = new ErrorDetails($"Input {number}: {record.ErrorDetails?.Message ?? record.Exception.Message}")
                {
                    RecommendedAction = record.ErrorDetails?.RecommendedAction,
                };
            return record;
        }

        private bool WhatIfRequested()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out object whatIf))
                return ((SwitchParameter)whatIf).IsPresent;
            return LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
        }

        /// <summary>True when ShouldProcess will ask the user (so a batch is confirmed once, with its total).</summary>
        private bool ConfirmationWillPrompt()
        {
            if (WhatIfRequested()) return false;
            if (MyInvocation.BoundParameters.TryGetValue("Confirm", out object confirm))
                return ((SwitchParameter)confirm).IsPresent;
            object preference = GetVariableValue("ConfirmPreference");
            if (preference is PSObject wrapped) preference = wrapped.BaseObject;
            return preference is ConfirmImpact impact && impact != ConfirmImpact.None && impact <= ConfirmImpact.Medium;
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

            decimal credits = request.CreditsUpperBound;
            SpendingGuard.Reserve(credits, request.Summary);
            RunwayTask task;
            try
            {
                task = await Api.CreateTaskAsync(request.Endpoint, request.Model.Name, request.Body, request.EstimatedCredits, token).ConfigureAwait(false);
            }
            catch (RunwayApiException ex) when (!ex.TaskMayExist)
            {
                SpendingGuard.Release(credits);
                throw;
            }
            catch
            {
                // Cancelled or lost mid-request: the task may exist, so its cost counts.
                SpendingGuard.Commit(credits);
                throw;
            }
            SpendingGuard.Commit(credits);
            if (!TaskJournal.RecordCreated(task, request))
                OnPipeline(() => WriteWarning($"Task {task.Id} was created but could not be written to the task journal ({TaskJournal.LastError}). Keep its id."));
            task.Prompt = request.Body["promptText"]?.GetValue<string>();
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

        private WaitOptions BuildWaitOptions() => WaitOptions.FromSeconds(PollIntervalSec, TimeoutSec);

        private void EnsureOutputDirectory()
        {
            if (outputTarget == null || saver != null) return;
            if (outputTarget.IsDirectory)
            {
                try
                {
                    Directory.CreateDirectory(outputTarget.Path);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    // Before the first task is created: nothing is paid for a folder that cannot be written.
                    ThrowTerminatingError(new ErrorRecord(new IOException($"-OutDirectory '{outputTarget.Path}' cannot be created: {ex.Message}", ex),
                        "Runway.CannotWrite", ErrorCategory.WriteError, outputTarget.Path));
                }
            }
            saver = new OutputSaver(this, OnPipeline, new Downloader(Api.Client.Configuration, this), outputTarget, Force,
                (id, token) => Api.GetTaskAsync(id, token));
        }

        private void Finished(RunwayTask task)
        {
            if (saver != null) saver.Start(task, Cancellation);
            else OnPipeline(() => WriteObject(task));
        }

        /// <summary>What a multi-input command did, written to the information stream (tag Runway.Summary) and to -Verbose.</summary>
        public sealed class BatchSummary
        {
            public int Requested { get; set; }
            public int Refused { get; set; }
            public int Created { get; set; }
            public int Failed { get; set; }
            public int Succeeded { get; set; }
            public decimal EstimatedCredits { get; set; }

            public override string ToString() =>
                $"{Requested} requested, {Created} created, {Succeeded} succeeded, {Failed + Refused} failed or refused; about {ModelCatalog.FormatCost(EstimatedCredits)}.";
        }

        /// <summary>Routes waiting reports to output, downloads, errors and a progress bar.</summary>
        private sealed class WaitReporter : IWaitObserver
        {
            private readonly GenerationCmdlet cmdlet;
            private readonly bool report;
            private readonly WaitProgressBar bar;

            public WaitReporter(GenerationCmdlet cmdlet, bool report = true)
            {
                this.cmdlet = cmdlet;
                this.report = report;
                bar = new WaitProgressBar(cmdlet.OnPipeline, cmdlet.WriteProgress);
            }

            public void Finished(RunwayTask task)
            {
                if (!report) return;
                lock (cmdlet.summary) cmdlet.summary.Succeeded++;
                cmdlet.Finished(task);
            }

            public void Ended(RunwayTaskException error)
            {
                if (!report) return;
                lock (cmdlet.summary) cmdlet.summary.Failed++;
                cmdlet.OnPipeline(() => cmdlet.WriteError(RunwayErrors.FromException(error, error.Task)));
            }

            public void Progress(IReadOnlyList<RunwayTask> unfinished, int finishedCount, int total, TimeSpan elapsed)
            {
                if (report) bar.Update(unfinished, finishedCount, total, elapsed);
            }

            public void Complete() => bar.Complete();
        }
    }
}
