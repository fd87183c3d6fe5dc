using System.Management.Automation;
using Runway.Api;

using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>DELETE /v1/tasks/{id}: cancels an unfinished task, deletes a finished one (and its outputs).</summary>
    [Cmdlet(VerbsLifecycle.Stop, "RunwayTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class StopRunwayTaskCommand : RunwayCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("TaskId")]
        [ArgumentCompleter(typeof(Completion.TaskIdCompleter))]
        public string[] Id { get; set; }

        protected override void ProcessRecord()
        {
            foreach (string id in Id)
            {
                if (!ShouldProcess($"Runway task {id}", "Cancel if running, delete if finished"))
                    continue;
                RunForItem(id, token => Api.DeleteTaskAsync(id, token));
            }
        }
    }
}
