using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Deletes custom avatars.</summary>
    [Cmdlet(VerbsCommon.Remove, "RunwayAvatar", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High,
        HelpUri = RunwayCmdlet.HelpUriBase + "Remove-RunwayAvatar.md")]
    [OutputType(typeof(void))]
    public sealed class RemoveRunwayAvatarCommand : DestructiveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [Alias("AvatarId")]
        [ArgumentCompleter(typeof(CustomAvatarCompleter))]
        [ResourceIdInput("avatar", typeof(RunwayAvatar))]
        public string[] Id { get; set; } = null!;

        protected override void OnRecord()
        {
            foreach (string id in ValidIds(Id, "avatar"))
            {
                string? name = Seen.Avatars.Find(id)?.Name;
                if (!ShouldDestroy(name == null ? $"avatar {id}" : $"avatar {id} ('{name}')", "Delete"))
                    continue;
                if (RunForItem(id, token => Api.DeleteAsync(AvatarApi.Avatars, id, token)))
                    Seen.Avatars.Forget(id);
            }
        }
    }
}
