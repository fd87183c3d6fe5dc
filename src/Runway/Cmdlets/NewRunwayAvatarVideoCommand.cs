using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Creates an avatar video task (gwm1_avatars): a preset or custom avatar speaking text or lip-syncing audio.</summary>
    [Cmdlet(VerbsCommon.New, "RunwayAvatarVideo", DefaultParameterSetName = TextSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayAvatarVideo.md")]
    [OutputType(typeof(RunwayTask))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class NewRunwayAvatarVideoCommand : GenerationCmdlet
    {
        private const string TextSet = "Text";
        private const string AudioSet = "Audio";

        /// <summary>A preset avatar, or the id of one of your avatars (Tab completes both; a piped avatar binds its Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("AvatarId", "Id")]
        [ArgumentCompleter(typeof(AvatarCompleter))]
        [ResourceIdInput("avatar", typeof(RunwayAvatar), typeof(RunwayAvatarConversation), Properties = new[] { "AvatarId", "Id" })]
        public string Avatar { get; set; } = null!;

        /// <summary>What the avatar says.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = TextSet)]
        [TextInput]
        public string? Text { get; set; }

        /// <summary>Speech for the avatar to lip-sync: a path, FileInfo, https URL, runway:// or data: URI, an upload, or a finished task.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = AudioSet)]
        [ValidateNotNull]
        public object? Audio { get; set; }

        /// <summary>With -Text: a live preset voice or a custom voice id; left out, the avatar's own voice.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = TextSet)]
        [ArgumentCompleter(typeof(AvatarVoiceCompleter))]
        [TextInput]
        public string? Voice { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ModelCompleter))]
        [TextInput]
        public string? Model { get; set; }

        protected override GenerationRequest BuildRequest()
        {
            GenerationRequest request = RequestBuilder.AvatarVideo(new AvatarVideoSpec
            {
                Model = Model,
                Avatar = Avatar,
                Text = ParameterSetName == TextSet ? Text : null,
                Audio = ParameterSetName == AudioSet ? Media(Audio, nameof(Audio), MediaKind.Audio, MediaKind.Video) : null,
                Voice = Voice,
            });
            request.Source = Avatar;
            return request;
        }
    }
}
