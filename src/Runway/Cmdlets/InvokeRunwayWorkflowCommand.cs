using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Media;
using Runway.Models;
using Runway.Shell;
using Runway.Tasks;

namespace Runway.Cmdlets
{
    /// <summary>
    /// Runs a published workflow with typed inputs (text, numbers, switches, images, videos, audio; local files are
    /// inlined or uploaded). Checks the inputs against the workflow's declared ones before the run is sent.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "RunwayWorkflow", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = RunwayCmdlet.HelpUriBase + "Invoke-RunwayWorkflow.md")]
    [OutputType(typeof(RunwayWorkflowInvocation))]
    [OutputType(typeof(System.IO.FileInfo))]
    [PaidCreate]
    public sealed class InvokeRunwayWorkflowCommand : RunwayCmdlet
    {
        private readonly List<RunwayWorkflowInvocation> waiting = new List<RunwayWorkflowInvocation>();
        private OutputDestination? destination;
        private WorkflowRunner? runner;

        /// <summary>The workflow version to run: its id, or a workflow or listed version piped in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("WorkflowId")]
        [ValidateNotNullOrEmpty]
        [ResourceIdInput("workflow", typeof(RunwayWorkflow), typeof(RunwayWorkflowVersion))]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public string Id { get; set; } = null!;

        /// <summary>Input values by name: 'Node name.key', a node's name when it has one input, a key no other node has, or 'nodeId.key' for any node of the graph; a value may be the SDK's own @{ type = 'image'; uri = '…' }.</summary>
        [Parameter(Position = 1)]
        [Alias("NodeOutputs")]
        public Hashtable? Inputs { get; set; }

        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>Wait, then save every output into this directory (implies -Wait).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutDirectory { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        [WholeNumber]
        public int TimeoutSec { get; set; } = (int)WaitOptions.DefaultTimeout.TotalSeconds;

        [Parameter]
        [ValidateRange(0.05, 3600)]
        public double PollIntervalSec { get; set; } = WaitOptions.DefaultPollInterval.TotalSeconds;

        protected override void OnBegin()
        {
            destination = OutputDestination.FromOutParameters(this, null, OutDirectory, Force);
        }

        protected override void OnRecord()
        {
            if (!IsValidId(Id, "workflow")) return;
            // A run's price is never published: under a spending cap it needs unknown prices allowed, checked before any read.
            try
            {
                WorkflowRunner.CheckCap(Id);
            }
            catch (Exception ex) when (ex is RunwayBudgetException || ex is RunwaySettingException)
            {
                Report(ex, Id);
                return;
            }
            // The workflow's declared inputs are read first (a GET: nothing is run or charged), so that bad input is never run.
            RunwayWorkflow? workflow = null;
            if (!RunForItem(Id, async token => workflow = await Api.GetWorkflowAsync(Id, token).ConfigureAwait(false))) return;
            WorkflowRunRequest request;
            try
            {
                var given = (Inputs ?? new Hashtable()).Cast<DictionaryEntry>()
                    .Select(e => new KeyValuePair<string?, object?>(e.Key?.ToString(), InputBinder.Unwrap(e.Value)));
                // RunForItem returned true: the read finished, and it set the workflow (GetWorkflowAsync never returns null).
                request = WorkflowRequestBuilder.Build(workflow!, given, (value, input) =>
                    MediaSource.From(InputBinder.MediaValue(value, input.Name), "Inputs", path => ProviderPaths.ResolveOne(this, path),
                        input.Type == null ? new[] { MediaKind.Image, MediaKind.Video, MediaKind.Audio } : new[] { (MediaKind)Enum.Parse(typeof(MediaKind), input.Type, ignoreCase: true) }));
            }
            catch (RunwayInputException ex)
            {
                WriteError(ErrorPolicy.FromException(ex, Id));
                return;
            }
            if (!ShouldProcess(request.Summary, "Run Runway workflow (price unknown: Runway publishes no workflow prices)")) return;
            runner = runner ?? new WorkflowRunner(Api, this);
            Created<RunwayWorkflowInvocation>? started = null;
            bool ok = RunForItem(Id, async token => started = await runner.RunAsync(request, token).ConfigureAwait(false), ErrorPhase.Create);
            if (!ok || started == null) return;
            RunwayWorkflowInvocation run = started.Value;
            if (started.JournalError != null)
                WriteWarning($"Workflow run {run.Id} was started but could not be written to the task journal ({started.JournalError}). Keep its id.");
            WriteVerbose($"Started workflow run {run.Id} ({request.Summary}).");
            if (Wait || destination != null)
            {
                WriteInformation(run, InformationTags.WorkflowStarted);
                waiting.Add(run);
            }
            else
            {
                WriteObject(run);
            }
        }

        protected override void EndProcessing() =>
            InvocationOutput.Wait(this, waiting, WaitOptions.FromSeconds(PollIntervalSec, TimeoutSec), destination);
    }
}
