using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Shell;
using Runway.Tasks;

namespace Runway.Cmdlets
{
    /// <summary>
    /// Waits for workflow runs in one polling loop and outputs each as it ends. A run that succeeded only in part
    /// (nodes failed) is output and also reported as an error; a failed or timed-out run is an error that keeps it.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "RunwayWorkflowInvocation",
        HelpUri = RunwayCmdlet.HelpUriBase + "Wait-RunwayWorkflowInvocation.md")]
    [OutputType(typeof(RunwayWorkflowInvocation))]
    public sealed class WaitRunwayWorkflowInvocationCommand : RunwayCmdlet
    {
        private readonly List<RunwayWorkflowInvocation> runs = new List<RunwayWorkflowInvocation>();

        /// <summary>Ids of workflow runs (a run piped in binds its Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("InvocationId")]
        [ValidateNotNullOrEmpty]
        [ResourceIdInput("workflow invocation", typeof(RunwayWorkflowInvocation))]
        [ArgumentCompleter(typeof(WorkflowInvocationIdCompleter))]
        public string[] Id { get; set; } = null!;

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        [WholeNumber]
        public int TimeoutSec { get; set; } = (int)WaitOptions.DefaultTimeout.TotalSeconds;

        [Parameter]
        [ValidateRange(0.05, 3600)]
        public double PollIntervalSec { get; set; } = WaitOptions.DefaultPollInterval.TotalSeconds;

        protected override void OnRecord() =>
            runs.AddRange(ValidIds(Id, "workflow invocation").Select(id => new RunwayWorkflowInvocation { Id = id }));

        protected override void EndProcessing() =>
            InvocationOutput.Wait(this, runs, WaitOptions.FromSeconds(PollIntervalSec, TimeoutSec), null);
    }
}
