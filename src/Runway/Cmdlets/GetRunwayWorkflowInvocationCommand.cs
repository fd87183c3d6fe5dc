using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Reads workflow runs as they are now (status, progress, outputs so far) without waiting for them to end.</summary>
    [Cmdlet(VerbsCommon.Get, "RunwayWorkflowInvocation", HelpUri = RunwayCmdlet.HelpUriBase + "Get-RunwayWorkflowInvocation.md")]
    [OutputType(typeof(RunwayWorkflowInvocation))]
    public sealed class GetRunwayWorkflowInvocationCommand : RunwayCmdlet
    {
        /// <summary>Ids of workflow runs (a run piped in binds its Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("InvocationId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(WorkflowInvocationIdCompleter))]
        [ResourceIdInput("workflow invocation", typeof(RunwayWorkflowInvocation))]
        public string[] Id { get; set; } = null!;

        protected override void OnRecord()
        {
            foreach (string id in ValidIds(Id, "workflow invocation"))
            {
                RunwayWorkflowInvocation? run = null;
                if (RunForItem(id, async token => run = await Api.GetInvocationAsync(id, token).ConfigureAwait(false)))
                    WriteObject(run);
            }
        }
    }
}
