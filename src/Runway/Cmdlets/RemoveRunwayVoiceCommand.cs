using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Deletes custom voices; avatars that used one keep it, marked deleted.</summary>
    [Cmdlet(VerbsCommon.Remove, "RunwayVoice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High,
        HelpUri = RunwayCmdlet.HelpUriBase + "Remove-RunwayVoice.md")]
    [OutputType(typeof(void))]
    public sealed class RemoveRunwayVoiceCommand : DestructiveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [Alias("VoiceId")]
        [ArgumentCompleter(typeof(CustomVoiceCompleter))]
        [ResourceIdInput("voice", typeof(RunwayVoice))]
        public string[] Id { get; set; } = null!;

        protected override void OnRecord()
        {
            foreach (string id in ValidIds(Id, "voice"))
            {
                string? name = Seen.Voices.Find(id)?.Name;
                if (!ShouldDestroy(name == null ? $"custom voice {id}" : $"custom voice {id} ('{name}')", "Delete"))
                    continue;
                if (RunForItem(id, token => Api.DeleteAsync(AvatarApi.Voices, id, token)))
                    Seen.Voices.Forget(id);
            }
        }
    }
}
