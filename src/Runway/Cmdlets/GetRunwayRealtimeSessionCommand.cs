using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;
using Runway.Completion;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Gets realtime sessions by id; with -Wait, waits until each is READY to join (or has ended).</summary>
    [Cmdlet(VerbsCommon.Get, "RunwayRealtimeSession",
        HelpUri = RunwayCmdlet.HelpUriBase + "Get-RunwayRealtimeSession.md")]
    [OutputType(typeof(RunwayRealtimeSession))]
    public sealed class GetRunwayRealtimeSessionCommand : ResourceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [Alias("SessionId")]
        [ResourceIdInput("realtime session", typeof(RunwayRealtimeSession))]
        [ArgumentCompleter(typeof(RealtimeSessionIdCompleter))]
        public string[] Id { get; set; } = null!;

        /// <summary>Wait until the session is READY (or has ended).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        [WholeNumber]
        public int TimeoutSec { get; set; } = (int)Tasks.WaitOptions.DefaultTimeout.TotalSeconds;

        [Parameter]
        [ValidateRange(0.05, 3600)]
        public double PollIntervalSec { get; set; } = DefaultPollSeconds;

        protected override void OnRecord()
        {
            foreach (string id in ValidIds(Id, "realtime session"))
                RunForItem(id, async token =>
                {
                    RunwayRealtimeSession session = Wait
                        ? await RealtimeSessionOutput.WaitReadyAsync(this, id, PollIntervalSec, TimeoutSec, token).ConfigureAwait(false)
                        : await Api.GetAsync(AvatarApi.RealtimeSessions, id, AvatarApi.ReadSession, token).ConfigureAwait(false);
                    OnPipeline(() => RealtimeSessionOutput.Write(this, session, Wait));
                });
        }

        internal Task<RunwayRealtimeSession> Fetch(string id, CancellationToken token) => Api.GetAsync(AvatarApi.RealtimeSessions, id, AvatarApi.ReadSession, token);
    }
}
