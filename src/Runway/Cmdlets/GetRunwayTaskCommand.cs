using System.Management.Automation;
using Runway.Models;

namespace Runway.Cmdlets
{
    [Cmdlet(VerbsCommon.Get, "RunwayTask")]
    [OutputType(typeof(RunwayTask))]
    public sealed class GetRunwayTaskCommand : RunwayCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("TaskId")]
        public string[] Id { get; set; }

        protected override void ProcessRecord()
        {
            foreach (string id in Id)
            {
                RunForItem(id, async token =>
                {
                    RunwayTask task = await Api.GetTaskAsync(id, token).ConfigureAwait(false);
                    OnPipeline(() => WriteObject(task));
                });
            }
        }
    }
}
