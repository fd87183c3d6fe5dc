using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Lists the published workflows (one object per version, newest first), or gets one version in full with the inputs it declares.</summary>
    [Cmdlet(VerbsCommon.Get, "RunwayWorkflow", DefaultParameterSetName = ListSet,
        HelpUri = RunwayCmdlet.HelpUriBase + "Get-RunwayWorkflow.md")]
    [OutputType(typeof(RunwayWorkflowVersion), ParameterSetName = new[] { ListSet })]
    [OutputType(typeof(RunwayWorkflow), ParameterSetName = new[] { IdSet })]
    public sealed class GetRunwayWorkflowCommand : RunwayCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        /// <summary>Only workflows whose name matches (wildcards allowed).</summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Only the newest version of each workflow.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Latest { get; set; }

        /// <summary>Ids of workflow versions to get in full (a listed version piped in binds its Id).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = IdSet)]
        [Alias("WorkflowId")]
        [ValidateNotNullOrEmpty]
        [ResourceIdInput("workflow", typeof(RunwayWorkflow), typeof(RunwayWorkflowVersion))]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public string[]? Id { get; set; }

        protected override void OnRecord()
        {
            if (ParameterSetName == IdSet)
            {
                foreach (string id in ValidIds(Id, "workflow"))
                {
                    RunwayWorkflow? workflow = null;
                    if (RunForItem(id, async token => workflow = await Api.GetWorkflowAsync(id, token).ConfigureAwait(false)))
                        WriteObject(workflow);
                }
                return;
            }
            NameFilter? filter;
            try
            {
                filter = NameFilter.From(Name == null ? null : new[] { Name }, nameof(Name));
            }
            catch (RunwayInputException ex)
            {
                WriteError(ErrorPolicy.FromException(ex, Name));
                return;
            }
            IReadOnlyList<RunwayWorkflowVersion>? versions = null;
            if (!RunForItem("v1/workflows", async token => versions = await Api.ListWorkflowsAsync(token).ConfigureAwait(false))) return;
            foreach (RunwayWorkflowVersion version in versions.Where(v => (filter == null || filter.IsMatch(v.Name ?? "")) && (!Latest || v.IsLatest)))
                WriteObject(version);
            foreach (ErrorRecord missing in filter?.Unmatched("workflow", "Get-RunwayWorkflow without -Name lists them all.") ?? Enumerable.Empty<ErrorRecord>())
                WriteError(missing);
        }
    }
}
