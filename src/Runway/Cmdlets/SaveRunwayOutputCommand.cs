using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Runway.Api;
using Runway.Media;
using Runway.Models;

using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>
    /// Downloads the outputs of finished tasks (or output URLs) to disk, streaming, never overwriting unless
    /// -Force, never leaving a partial file; emits the files as FileInfo.
    /// </summary>
    [Cmdlet(VerbsData.Save, "RunwayOutput", DefaultParameterSetName = TaskSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = RunwayCmdlet.HelpUriBase + "Save-RunwayOutput.md")]
    [OutputType(typeof(FileInfo), typeof(RunwayTask))]
    public sealed class SaveRunwayOutputCommand : RunwayCmdlet
    {
        private const string TaskSet = "Task";
        private const string IdSet = "Id";
        private const string UriSet = "Uri";
        private const string WorkflowSet = "Workflow";
        // Set by BeginProcessing.
        private OutputDestination destination = null!;
        private OutputSaver? saver;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = TaskSet)]
        [ValidateNotNull]
        public RunwayTask[]? InputObject { get; set; }

        /// <summary>Finished workflow runs (Invoke-RunwayWorkflow -Wait, Wait-RunwayWorkflowInvocation): every node's outputs.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = WorkflowSet)]
        [ValidateNotNull]
        public RunwayWorkflowInvocation[]? Invocation { get; set; }

        /// <summary>Ids of finished tasks: their outputs are fetched fresh.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
        [ValidateNotNullOrEmpty]
        [Alias("TaskId")]
        [ArgumentCompleter(typeof(Completion.TaskIdCompleter))]
        [ResourceIdInput("task", typeof(RunwayTask))]
        public string[]? Id { get; set; }

        /// <summary>Output URLs to download as they are.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = UriSet)]
        [ValidateNotNullOrEmpty]
        [Alias("Url")]
        [TextInput]
        public string[]? Uri { get; set; }

        /// <summary>
        /// A directory (created if missing; files are named after the task id) or, for a single output, a file
        /// name with an extension. Default: the current location.
        /// </summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>With a folder as -Path: how the files are named, from {Id}, {InputName}, {Model}, {Index} and {Date}; the extension follows the served type.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NameTemplate { get; set; }

        /// <summary>Output each saved task (SavedTo lists its files) instead of the files; URLs and workflow runs still output files.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Overwrite files that exist.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void OnBegin()
        {
            destination = OutputDestination.FromPath(this, Path, Force, NameTemplate, PassThru);
        }

        protected override void OnRecord()
        {
            switch (ParameterSetName)
            {
                case TaskSet:
                    foreach (RunwayTask task in InputObject ?? Array.Empty<RunwayTask>()) Save(task);
                    break;
                case IdSet:
                    foreach (string id in Id ?? Array.Empty<string>()) SaveById(id);
                    break;
                case WorkflowSet:
                    foreach (RunwayWorkflowInvocation run in Invocation ?? Array.Empty<RunwayWorkflowInvocation>()) SaveRun(run);
                    break;
                case UriSet:
                    foreach (string url in Uri ?? Array.Empty<string>())
                    {
                        if (RunwayTask.IsTaskId(url))
                        {
                            // A task id piped in as a plain string (as for Get-, Wait- and Stop-RunwayTask).
                            SaveById(url);
                            continue;
                        }
                        bool absolute = System.Uri.TryCreate(url, UriKind.Absolute, out Uri parsed);
                        if (!absolute || (parsed.Scheme != System.Uri.UriSchemeHttps && parsed.Scheme != System.Uri.UriSchemeHttp))
                        {
                            WriteError(ErrorPolicy.InvalidArgument("Runway.InvalidUrl", $"'{url}' is neither an http(s) URL nor a task id.", url));
                            continue;
                        }
                        if (!destination.TryClaim())
                        {
                            WriteError(destination.OneFileForManyTasks($"Not downloaded: {Downloader.Display(url)}.", url));
                            continue;
                        }
                        if (destination.Refused(this, OutputSaver.Fields(url), new[] { url }, url)) continue;
                        if (ShouldProcess(Downloader.Display(url), "Download to " + destination.Target.Path))
                        {
                            Saver().Start(url, Cancellation);
                            Drain();
                        }
                    }
                    break;
            }
        }

        protected override void EndProcessing()
        {
            if (saver != null) Run(token => saver.CompleteAsync());
        }

        private void SaveById(string id)
        {
            if (!IsTaskId(id)) return;
            RunwayTask? task = null;
            RunForItem(id, async token => task = await ReadTaskOrRunAsync(id, null, token).ConfigureAwait(false));
            if (task != null) Save(task);
        }

        private void Save(RunwayTask task)
        {
            if (task == null || string.IsNullOrEmpty(task.Id) || !IsTaskId(task.Id)) return;
            if (task.Status != RunwayTask.Succeeded || task.Output == null || task.Output.Length == 0)
            {
                RunwayTask? latest = null;
                RunForItem(task, async token => latest = await ReadTaskOrRunAsync(task.Id, task.Endpoint, token).ConfigureAwait(false));
                if (latest == null) return;
                latest.KeepKnown(task);
                task = latest;
            }
            if (task.Status != RunwayTask.Succeeded)
            {
                string why = task.Status == RunwayTask.Failed ? $"it failed: {task.Failure?.TrimEnd('.')} [{task.FailureCode}]"
                    : task.Status == RunwayTask.Cancelled ? "it was cancelled"
                    : $"it is not finished (status {task.Status}); pipe it through Wait-RunwayTask first";
                WriteError(new ErrorRecord(new InvalidOperationException($"Task {task.Id} has no output to save: {why}."),
                    "Runway.NoOutput", ErrorCategory.InvalidOperation, task));
                return;
            }
            if (!destination.TryClaim())
            {
                WriteError(destination.OneFileForManyTasks($"Not saved: the outputs of {task.Id}.", task));
                return;
            }
            if (destination.Refused(this, destination.NameFields(task), task.Output, task)) return;
            if (!ShouldProcess($"Runway task {task.Id} ({task.Output.Length} output{(task.Output.Length == 1 ? "" : "s")})", "Download to " + destination.Target.Path))
                return;
            Saver().Start(task, Cancellation);
            Drain();
        }

        private void SaveRun(RunwayWorkflowInvocation run)
        {
            if (run == null || string.IsNullOrEmpty(run.Id)) return;
            if (run.Status != RunwayTask.Succeeded || run.Output.Length == 0)
            {
                WriteError(new ErrorRecord(new System.InvalidOperationException($"Workflow run {run.Id} has no output to save (status {run.Status}); wait for it with Wait-RunwayWorkflowInvocation."),
                    "Runway.NoOutput", ErrorCategory.InvalidOperation, run));
                return;
            }
            if (!destination.TryClaim())
            {
                WriteError(destination.OneFileForManyTasks($"Not saved: the outputs of {run.Id}.", run));
                return;
            }
            if (destination.Refused(this, OutputSaver.Fields(run), run.Output, run)) return;
            if (ShouldProcess($"Runway workflow run {run.Id} ({run.Output.Length} output{(run.Output.Length == 1 ? "" : "s")})", "Download to " + destination.Target.Path))
            {
                Saver().Start(run, Cancellation);
                Drain();
            }
        }

        /// <summary>Lets downloads run while the next pipeline item arrives, writing what they have reported so far.</summary>
        private void Drain() => Run(token => System.Threading.Tasks.Task.CompletedTask);

        private OutputSaver Saver() => saver ?? (saver = destination.Saver(this, Api));
    }
}
