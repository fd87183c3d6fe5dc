using System;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;
using Runway.Media;
using Runway.Models;

namespace Runway.Tasks
{
    /// <summary>
    /// Starts workflow runs through the same money path as task creates (<see cref="PaidCreate"/>): Runway publishes
    /// no workflow prices, so under a spending cap a run needs unknown prices allowed; the run is journaled before it
    /// is handed back (the API cannot list runs, so the journal is the only record of its id).
    /// </summary>
    public sealed class WorkflowRunner
    {
        private readonly RunwayApi api;
        private readonly IRunwayLog log;
        private Uploader? uploader;
        private bool journalChecked;

        public WorkflowRunner(RunwayApi api, IRunwayLog log)
        {
            this.api = api;
            this.log = log;
        }

        /// <summary>What a run is called in the spending cap's refusal.</summary>
        public static string What(RunwayWorkflow workflow) => workflow == null ? "a workflow run" : $"a run of workflow '{workflow.Name}'";

        /// <summary>Refuses a run the spending cap cannot allow (its price is never known), before the workflow is even read.</summary>
        public static void CheckCap(string workflowId) => PaidCreate.Check(0, $"a run of workflow {workflowId}", priceKnown: false);

        public async Task<Created<RunwayWorkflowInvocation>> RunAsync(WorkflowRunRequest request, CancellationToken cancellation)
        {
            // As for task creates: a journal that cannot take the run's line refuses it before anything is sent or paid.
            if (!journalChecked || TaskJournal.LastAppendFailed)
            {
                TaskJournal.EnsureWritable();
                journalChecked = true;
            }
            foreach (MediaSlot slot in request.Media)
            {
                if (!(slot.Source is MediaSource source) || !source.IsLocal) continue;
                if (!source.NeedsUpload) { slot.Assign(await MediaResolver.DataUriAsync(source, cancellation).ConfigureAwait(false)); continue; }
                uploader = uploader ?? new Uploader(api.Client, log);
                slot.Assign((await uploader.UploadAsync(source.Value, source.ContentFormat, null, cancellation).ConfigureAwait(false)).Uri);
            }
            RunwayWorkflowInvocation run = await PaidCreate.SendAsync(0m, What(request.Workflow), priceKnown: false,
                token => api.RunWorkflowAsync(request.Workflow, request.Body, token),
                reason => TaskJournal.RecordRunUnconfirmed(request, reason),
                started => (started.Id, (decimal?)null), cancellation).ConfigureAwait(false);
            string? journalError = TaskJournal.RecordRunStarted(run, request) ? null : TaskJournal.LastError;
            return new Created<RunwayWorkflowInvocation>(run, journalError);
        }
    }
}
