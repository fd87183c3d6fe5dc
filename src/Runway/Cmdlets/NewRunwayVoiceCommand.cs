using System;
using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Creates a custom voice: designed from a text description, or cloned from an audio sample.</summary>
    [Cmdlet(VerbsCommon.New, "RunwayVoice", DefaultParameterSetName = DesignSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayVoice.md")]
    [OutputType(typeof(RunwayVoice))]
    public sealed class NewRunwayVoiceCommand : ResourceCmdlet
    {
        private const string DesignSet = "Design";
        private const string CloneSet = "Clone";

        /// <summary>The voice's name (up to 100 characters).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [TextInput]
        public string Name { get; set; } = null!;

        /// <summary>What the voice sounds like (at least 20 characters).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = DesignSet)]
        [TextInput]
        public string? Prompt { get; set; }

        /// <summary>The voice design model: eleven_ttv_v3 (default, latest) or eleven_multilingual_ttv_v2.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = DesignSet)]
        [ArgumentCompleter(typeof(VoiceDesignModelCompleter))]
        [TextInput]
        public string? Model { get; set; }

        /// <summary>A sample of the voice to clone: a path, FileInfo, https URL, runway:// or data: URI.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = CloneSet)]
        [Alias("FullName")]
        [ValidateNotNull]
        public object? Audio { get; set; }

        /// <summary>An optional description kept with the voice.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [TextInput]
        public string? Description { get; set; }

        /// <summary>Wait until the voice is READY (or FAILED) and output it as it is then.</summary>
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
            ResourceRequest? request = Build(() => AvatarRequests.Voice(new VoiceSpec
            {
                Name = Name,
                Description = Description,
                Model = Model,
                Prompt = ParameterSetName == DesignSet ? Prompt : null,
                Audio = ParameterSetName == CloneSet ? MediaInput(Audio, nameof(Audio), MediaKind.Audio, MediaKind.Video) : null,
            }), Name);
            if (request == null || !Confirm(request, "Create custom voice"))
                return;
            RunForItem(Name, async token =>
            {
                await ResolveMediaAsync(request, token).ConfigureAwait(false);
                string id = await Api.CreateAsync(AvatarApi.Voices, request.Body, token).ConfigureAwait(false);
                OnPipeline(() => WriteInformation($"Created custom voice {id} ('{Name}').", InformationTags.Created));
                RunwayVoice voice = Seen.Voices.Remember(new RunwayVoice
                {
                    Id = id,
                    Name = Name.Trim(),
                    Description = string.IsNullOrEmpty(Description) ? null : Description,
                    Status = RunwayVoice.Processing,
                    CreatedAt = DateTimeOffset.Now,
                    RetrievedAt = DateTimeOffset.Now,
                });
                if (Wait)
                    voice = await WaitAsync($"custom voice {id}", t => Api.GetAsync(AvatarApi.Voices, id, AvatarApi.ReadVoice, t),
                        v => v.IsFinished, v => v.Status, PollIntervalSec, TimeoutSec, token).ConfigureAwait(false);
                OnPipeline(() =>
                {
                    if (voice.Status == RunwayVoice.Failed)
                        WriteError(new ErrorRecord(new InvalidOperationException(ErrorPolicy.Sentence($"Custom voice {id} failed: {voice.FailureReason}")), "Runway.VoiceFailed", ErrorCategory.InvalidResult, voice));
                    else
                        WriteObject(voice);
                });
            });
        }
    }
}
