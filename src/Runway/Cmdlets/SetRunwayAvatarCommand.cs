using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Changes a custom avatar: name, personality, face, voice, documents (replaced as a whole), image processing or start script.</summary>
    [Cmdlet(VerbsCommon.Set, "RunwayAvatar", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = RunwayCmdlet.HelpUriBase + "Set-RunwayAvatar.md")]
    [OutputType(typeof(RunwayAvatar))]
    public sealed class SetRunwayAvatarCommand : ResourceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [Alias("AvatarId")]
        [ArgumentCompleter(typeof(CustomAvatarCompleter))]
        [ResourceIdInput("avatar", typeof(RunwayAvatar))]
        public string Id { get; set; } = null!;

        [Parameter]
        public string? Name { get; set; }

        [Parameter]
        public string? Personality { get; set; }

        /// <summary>A new face (the avatar is processed again).</summary>
        [Parameter]
        [ValidateNotNull]
        public object? ReferenceImage { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(AvatarVoiceCompleter))]
        public string? Voice { get; set; }

        /// <summary>The documents the avatar uses from now on (replaces the list; @() removes them all).</summary>
        [Parameter]
        [AllowEmptyCollection]
        [ArgumentCompleter(typeof(DocumentIdCompleter))]
        public string[]? DocumentId { get; set; }

        [Parameter]
        [ValidateSet("optimize", "none")]
        public string? ImageProcessing { get; set; }

        /// <summary>The new opening line; an empty string removes it.</summary>
        [Parameter]
        [AllowEmptyString]
        public string? StartScript { get; set; }

        /// <summary>Output the avatar as it is after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void OnRecord()
        {
            if (!IsValidId(Id, "avatar")) return;
            ResourceRequest? request = Build(() => AvatarRequests.AvatarUpdate(Id, new AvatarSpec
            {
                Name = Name,
                Personality = Personality,
                ReferenceImage = MediaInput(ReferenceImage, nameof(ReferenceImage), MediaKind.Image),
                Voice = Voice,
                DocumentIds = MyInvocation.BoundParameters.ContainsKey(nameof(DocumentId)) ? DocumentId ?? System.Array.Empty<string>() : null,
                ImageProcessing = ImageProcessing,
                StartScript = StartScript,
            }), Id);
            if (request == null || !CheckKnowledge(DocumentId, $"avatar {Id}") || !Confirm(request, "Update avatar"))
                return;
            RunForItem(Id, async token =>
            {
                await ResolveMediaAsync(request, token).ConfigureAwait(false);
                var json = await Api.UpdateAsync(AvatarApi.Avatars, Id, request.Body, token).ConfigureAwait(false);
                RunwayAvatar avatar = json.ValueKind == System.Text.Json.JsonValueKind.Object
                    ? AvatarApi.ReadAvatar(json)
                    : await Api.GetAsync(AvatarApi.Avatars, Id, AvatarApi.ReadAvatar, token).ConfigureAwait(false);
                if (PassThru) OnPipeline(() => WriteObject(avatar));
            });
        }
    }
}
