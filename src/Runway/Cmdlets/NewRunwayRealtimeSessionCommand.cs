using System;
using System.Collections;
using System.Management.Automation;
using System.Text.Json.Nodes;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>
    /// Starts a realtime avatar session and, with -Wait, waits until it is READY to join. The session key is never
    /// shown or logged: the output says whether there is one, and ReadSessionKey() hands it to the caller.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "RunwayRealtimeSession", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayRealtimeSession.md")]
    [OutputType(typeof(RunwayRealtimeSession))]
    public sealed class NewRunwayRealtimeSessionCommand : ResourceCmdlet
    {
        /// <summary>A preset avatar, or the id of one of your avatars (Tab completes both; a piped avatar binds its Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("AvatarId", "Id")]
        [ArgumentCompleter(typeof(AvatarCompleter))]
        [ResourceIdInput("avatar", typeof(RunwayAvatar), typeof(RunwayAvatarConversation), Properties = new[] { "AvatarId", "Id" })]
        public string Avatar { get; set; } = null!;

        /// <summary>End the session after this many seconds.</summary>
        [Parameter]
        public double? MaxDuration { get; set; }

        /// <summary>Replaces the avatar's personality for this session.</summary>
        [Parameter]
        public string? Personality { get; set; }

        /// <summary>Replaces the avatar's opening line for this session.</summary>
        [Parameter]
        public string? StartScript { get; set; }

        /// <summary>Tools the avatar may call: hashtables @{ type = 'client_event'|'backend_rpc'; name; description; parameters = @(...) }.</summary>
        [Parameter]
        [ValidateNotNull]
        public object[]? Tool { get; set; }

        /// <summary>Connect through LiveKit or ElevenLabs: @{ type = 'livekit'; url; roomName; token } or @{ type = 'elevenlabs'; signedUrl }. Never logged.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Integration { get; set; }

        /// <summary>Wait until the session is READY to join (or has ended).</summary>
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
            ResourceRequest? request = Build(() => AvatarRequests.RealtimeSession(new RealtimeSessionSpec
            {
                Avatar = Avatar,
                MaxDuration = MaxDuration,
                Personality = Personality,
                StartScript = StartScript,
                Tools = Tool == null ? null : (JsonArray?)JsonFromPowerShell.Convert(Tool, nameof(Tool)),
                Integration = Integration == null ? null : (JsonObject?)JsonFromPowerShell.Convert(Integration, nameof(Integration)),
            }), Avatar);
            if (request == null || !Confirm(request, "Start realtime session"))
                return;
            RunForItem(Avatar, async token =>
            {
                string id = await Api.CreateAsync(AvatarApi.RealtimeSessions, request.Body, token).ConfigureAwait(false);
                OnPipeline(() => WriteInformation($"Created realtime session {id}.", InformationTags.Created));
                var session = Seen.Sessions.Remember(new RunwayRealtimeSession { Id = id, Status = RunwayRealtimeSession.NotReady, CreatedAt = DateTimeOffset.Now, RetrievedAt = DateTimeOffset.Now });
                if (Wait)
                    session = await RealtimeSessionOutput.WaitReadyAsync(this, id, PollIntervalSec, TimeoutSec, token).ConfigureAwait(false);
                OnPipeline(() => RealtimeSessionOutput.Write(this, session, Wait));
            });
        }
    }
}
