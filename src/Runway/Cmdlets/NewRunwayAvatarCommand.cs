using System;
using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Creates a custom avatar from a reference image (its face), a voice, a personality and optional knowledge documents.</summary>
    [Cmdlet(VerbsCommon.New, "RunwayAvatar", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayAvatar.md")]
    [OutputType(typeof(RunwayAvatar))]
    public sealed class NewRunwayAvatarCommand : ResourceCmdlet
    {
        /// <summary>The face: a path, FileInfo, https URL, runway:// or data: URI, an upload, or a finished image task.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "Image")]
        [ValidateNotNull]
        public object ReferenceImage { get; set; } = null!;

        [Parameter(Mandatory = true)]
        public string Name { get; set; } = null!;

        /// <summary>The system prompt: who the avatar is and how it speaks.</summary>
        [Parameter(Mandatory = true)]
        public string Personality { get; set; } = null!;

        /// <summary>A live preset voice, or the id of one of your custom voices (Tab completes both).</summary>
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(AvatarVoiceCompleter))]
        public string Voice { get; set; } = null!;

        /// <summary>Knowledge documents the avatar can draw on.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(DocumentIdCompleter))]
        public string[]? DocumentId { get; set; }

        /// <summary>optimize (let Runway prepare the image) or none (use it as it is).</summary>
        [Parameter]
        [ValidateSet("optimize", "none")]
        public string? ImageProcessing { get; set; }

        /// <summary>What the avatar says first in a conversation.</summary>
        [Parameter]
        public string? StartScript { get; set; }

        /// <summary>Wait until the avatar is READY (or FAILED).</summary>
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
            object? image = InputBinder.Unwrap(ReferenceImage);
            ResourceRequest? request = Build(() => AvatarRequests.Avatar(new AvatarSpec
            {
                Name = Name,
                Personality = Personality,
                ReferenceImage = MediaInput(image, nameof(ReferenceImage), MediaKind.Image),
                Voice = Voice,
                DocumentIds = DocumentId,
                ImageProcessing = ImageProcessing,
                StartScript = StartScript,
            }), image);
            if (request == null || !CheckKnowledge(DocumentId, $"avatar '{Name}'") || !Confirm(request, "Create avatar"))
                return;
            RunForItem(image, async token =>
            {
                await ResolveMediaAsync(request, token).ConfigureAwait(false);
                var json = await Api.Client.PostAsync(AvatarApi.Avatars, request.Body, RequestKind.CreateResource, token).ConfigureAwait(false);
                RunwayAvatar avatar = AvatarApi.ReadAvatar(json);
                OnPipeline(() => WriteInformation($"Created avatar {avatar.Id} ('{avatar.Name}').", InformationTags.Created));
                if (Wait && !avatar.IsFinished)
                    avatar = await WaitAsync($"avatar {avatar.Id}", t => Api.GetAsync(AvatarApi.Avatars, avatar.Id, AvatarApi.ReadAvatar, t),
                        a => a.IsFinished, a => a.Status, PollIntervalSec, TimeoutSec, token).ConfigureAwait(false);
                OnPipeline(() => AvatarOutput.Write(this, avatar));
            });
        }
    }
}
