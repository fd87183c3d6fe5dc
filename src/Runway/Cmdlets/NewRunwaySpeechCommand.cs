using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Media;
using Runway.Models;

using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>
    /// Creates a speech task: text spoken by a Runway preset voice (text to speech), or the speech of an audio or
    /// video file re-voiced by a preset (speech to speech).
    /// </summary>
    [Cmdlet(VerbsCommon.New, "RunwaySpeech", DefaultParameterSetName = TextSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwaySpeech.md")]
    [OutputType(typeof(RunwayTask))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class NewRunwaySpeechCommand : GenerationCmdlet
    {
        private const string TextSet = "TextToSpeech";
        private const string AudioSet = "SpeechToSpeechAudio";
        private const string VideoSet = "SpeechToSpeechVideo";

        /// <summary>The text to speak (up to 1000 characters).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = TextSet)]
        [Alias("PromptText")]
        [TextInput]
        public string? Text { get; set; }

        /// <summary>Speech to re-voice: a path, FileInfo, https URL, runway:// or data: URI, an upload, or a finished task.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = AudioSet)]
        [Alias("FullName")]
        [ValidateNotNull]
        public object? Audio { get; set; }

        /// <summary>A video whose speech to re-voice.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = VideoSet)]
        [ValidateNotNull]
        public object? Video { get; set; }

        /// <summary>The Runway preset voice (case-insensitive; Tab completes); for seed_audio, a reference audio file (optional).</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("PresetId")]
        [ArgumentCompleter(typeof(VoiceCompleter))]
        [TextInput]
        public string? Voice { get; set; }

        /// <summary>Speech to speech: remove background noise from the input first.</summary>
        [Parameter(ParameterSetName = AudioSet)]
        [Parameter(ParameterSetName = VideoSet)]
        public SwitchParameter RemoveBackgroundNoise { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ModelCompleter))]
        [TextInput]
        public string? Model { get; set; }

        /// <summary>seed_audio: wav, mp3 or ogg_opus.</summary>
        [Parameter(ParameterSetName = TextSet)]
        [ArgumentCompleter(typeof(FieldValueCompleter))]
        public string? OutputFormat { get; set; }

        /// <summary>eleven_v3: a seed for more repeatable speech (0–4294967295; the API does not guarantee it).</summary>
        [Parameter(ParameterSetName = TextSet, ValueFromPipelineByPropertyName = true)]
        [WholeNumber]
        public long? Seed { get; set; }

        /// <summary>Fields only some models have, by their API name: @{ speed = 1.1; languageCode = 'fr' }; checked against the model.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(OptionKeyCompleter))]
        public System.Collections.Hashtable? Option { get; set; }

        /// <summary>Send a -Model this module's catalog does not know, without local checks (a newer API).</summary>
        [Parameter]
        public SwitchParameter AllowUnknownModel { get; set; }

        protected override GenerationRequest BuildRequest()
        {
            object? input = ParameterSetName == VideoSet ? Video : Audio;
            var spec = new SpeechSpec
            {
                Model = ModelFor(input, Model),
                Voice = Voice,
                RemoveBackgroundNoise = MyInvocation.BoundParameters.ContainsKey(nameof(RemoveBackgroundNoise)) ? RemoveBackgroundNoise.IsPresent : (bool?)null,
                MediaResolver = MediaResolver,
                AllowUnknownModel = AllowUnknownModel,
            };
            AddValues(spec.Values, (nameof(OutputFormat), OutputFormat), (nameof(Seed), Seed));
            AddOptions(Option, spec.Options);
            switch (ParameterSetName)
            {
                case TextSet:
                    spec.Text = Text;
                    break;
                case AudioSet when InputBinder.IsRecordWithoutMedia(Audio, nameof(Audio), this) && InputBinder.HasProperty(InputBinder.Unwrap(Audio), nameof(Text)):
                    // A piped record (a CSV row) with a Text column and no audio is text to speech.
                    spec.Text = InputBinder.PropertyValue(InputBinder.Unwrap(Audio), nameof(Text))?.ToString();
                    break;
                case AudioSet:
                    spec.Media = Media(Audio, nameof(Audio), MediaKind.Audio, MediaKind.Video);
                    break;
                case VideoSet:
                    spec.Media = Media(Video, nameof(Video), MediaKind.Video);
                    spec.DeclaredKind = MediaKind.Video;
                    break;
            }
            GenerationRequest request = WarnIfUnvalidated(RequestBuilder.Speech(spec));
            request.Source = InputBinder.Unwrap(input) ?? Text;
            return request;
        }
    }
}
