using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Renames a custom voice or changes (or clears) its description.</summary>
    [Cmdlet(VerbsCommon.Set, "RunwayVoice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = RunwayCmdlet.HelpUriBase + "Set-RunwayVoice.md")]
    [OutputType(typeof(RunwayVoice))]
    public sealed class SetRunwayVoiceCommand : ResourceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [Alias("VoiceId")]
        [ArgumentCompleter(typeof(CustomVoiceCompleter))]
        [ResourceIdInput("voice", typeof(RunwayVoice))]
        public string Id { get; set; } = null!;

        /// <summary>The new name (up to 100 characters).</summary>
        [Parameter]
        public string? Name { get; set; }

        /// <summary>The new description; an empty string clears it.</summary>
        [Parameter]
        [AllowEmptyString]
        public string? Description { get; set; }

        /// <summary>Output the voice as it is after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void OnRecord()
        {
            if (!IsValidId(Id, "voice")) return;
            ResourceRequest? request = Build(() => AvatarRequests.VoiceUpdate(Id, new UpdateSpec { Name = Name, Description = Description }), Id);
            if (request == null || !Confirm(request, "Update custom voice"))
                return;
            RunForItem(Id, async token =>
            {
                var json = await Api.UpdateAsync(AvatarApi.Voices, Id, request.Body, token).ConfigureAwait(false);
                RunwayVoice? voice = json.ValueKind == System.Text.Json.JsonValueKind.Object ? AvatarApi.ReadVoice(json) : null;
                if (PassThru)
                {
                    if (voice == null) voice = await Api.GetAsync(AvatarApi.Voices, Id, AvatarApi.ReadVoice, token).ConfigureAwait(false);
                    OnPipeline(() => WriteObject(voice));
                }
            });
        }
    }
}
