using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Cancels active realtime sessions (NOT_READY, READY or RUNNING).</summary>
    [Cmdlet(VerbsLifecycle.Stop, "RunwayRealtimeSession", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High,
        HelpUri = RunwayCmdlet.HelpUriBase + "Stop-RunwayRealtimeSession.md")]
    [OutputType(typeof(void))]
    public sealed class StopRunwayRealtimeSessionCommand : DestructiveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [Alias("SessionId")]
        [ResourceIdInput("realtime session", typeof(RunwayRealtimeSession))]
        [ArgumentCompleter(typeof(RealtimeSessionIdCompleter))]
        public string[] Id { get; set; } = null!;

        protected override void OnRecord()
        {
            foreach (string id in ValidIds(Id, "realtime session"))
            {
                if (!ShouldDestroy($"realtime session {id}", "Cancel"))
                    continue;
                RunForItem(id, token => Api.DeleteAsync(AvatarApi.RealtimeSessions, id, token));
            }
        }
    }
}
