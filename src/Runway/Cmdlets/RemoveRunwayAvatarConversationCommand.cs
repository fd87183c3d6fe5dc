using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Deletes avatar conversations and their data (transcript, recording).</summary>
    [Cmdlet(VerbsCommon.Remove, "RunwayAvatarConversation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High,
        HelpUri = RunwayCmdlet.HelpUriBase + "Remove-RunwayAvatarConversation.md")]
    [OutputType(typeof(void))]
    public sealed class RemoveRunwayAvatarConversationCommand : DestructiveCmdlet
    {
        /// <summary>Conversation ids (a realtime session's id is its conversation's id); a piped conversation binds its Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [Alias("ConversationId", "SessionId")]
        [ArgumentCompleter(typeof(ConversationIdCompleter))]
        [ResourceIdInput("conversation", typeof(RunwayAvatarConversation), typeof(RunwayRealtimeSession))]
        public string[] Id { get; set; } = null!;

        protected override void OnRecord()
        {
            foreach (string id in ValidIds(Id, "avatar conversation"))
            {
                string? name = Seen.Conversations.Find(id)?.Name;
                if (!ShouldDestroy(name == null ? $"avatar conversation {id}" : $"avatar conversation {id} ('{name}')", "Delete"))
                    continue;
                if (RunForItem(id, token => Api.DeleteAsync(AvatarApi.Conversations, id, token)))
                    Seen.Conversations.Forget(id);
            }
        }
    }
}
