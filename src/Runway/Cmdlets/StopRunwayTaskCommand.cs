using System.Management.Automation;
using Runway.Api;
using Runway.Tasks;

using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>DELETE /v1/tasks/{id}: cancels an unfinished task, deletes a finished one (and its outputs, irreversibly).</summary>
    [Cmdlet(VerbsLifecycle.Stop, "RunwayTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = RunwayCmdlet.HelpUriBase + "Stop-RunwayTask.md")]
    [OutputType(typeof(void))]
    public sealed class StopRunwayTaskCommand : DestructiveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [Alias("TaskId")]
        [ArgumentCompleter(typeof(Completion.TaskIdCompleter))]
        [ResourceIdInput("task", typeof(RunwayTask))]
        public string[] Id { get; set; } = null!;

        protected override void OnRecord()
        {
            foreach (string id in Id)
            {
                if (!IsTaskId(id)) continue;
                if (!ShouldDestroy($"Runway task {id}", "Cancel if running, delete with its outputs if finished"))
                    continue;
                RunForItem(id, async token =>
                {
                    await Api.DeleteTaskAsync(id, token).ConfigureAwait(false);
                    // A wait handed this task later must not continue its old plan or report its old state.
                    TaskSightings.Shared.Forget(id);
                    await RecordOutcomeAsync(id, token).ConfigureAwait(false);
                });
            }
        }

        /// <summary>
        /// Asks what the delete did, for the journal: a cancelled task can still be read (and is journaled as
        /// CANCELLED as it is read), a deleted one answers 404 and is journaled as deleted.
        /// </summary>
        private async System.Threading.Tasks.Task RecordOutcomeAsync(string id, System.Threading.CancellationToken token)
        {
            try
            {
                await Api.GetTaskAsync(id, token).ConfigureAwait(false);
            }
            catch (RunwayApiException ex) when (ex.StatusCode == 404)
            {
                TaskJournal.RecordDeleted(id);
            }
            catch (RunwayApiException ex)
            {
                OnPipeline(() => WriteWarning($"Task {id} was stopped, but reading it back failed ({ex.Message}); the task journal may still show its old status."));
            }
        }
    }
}
