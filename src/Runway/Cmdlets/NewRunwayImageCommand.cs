using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Media;
using Runway.Models;

using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Creates an image task (text to image) with any of the catalog's twelve image models, optionally guided by (tagged) reference images.</summary>
    [Cmdlet(VerbsCommon.New, "RunwayImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayImage.md")]
    [OutputType(typeof(RunwayTask))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class NewRunwayImageCommand : GenerationCmdlet
    {
        private static readonly string[] ReferenceKeys = { "Tag", "Subject" };

        /// <summary>What the image shows (up to 1000 characters); @tag mentions a reference image by its tag.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PromptText")]
        [TextInput(typeof(RunwayTask))]
        public string Prompt { get; set; } = null!;

        /// <summary>Reference images: paths, FileInfo, URLs, uploads or finished tasks, or @{ Uri = ...; Tag = 'name'; Subject = 'human' }.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ReferenceImages")]
        [BlankAsNull]
        public object[]? ReferenceImage { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ModelCompleter))]
        [BlankAsNull]
        [TextInput]
        public string? Model { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RatioCompleter))]
        [BlankAsNull]
        [TextInput]
        public string? Ratio { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [BlankAsNull]
        [WholeNumber]
        public long? Seed { get; set; }

        [Parameter]
        [ValidateSet("auto", "low")]
        public string? PublicFigureThreshold { get; set; }

        /// <summary>How many images one task makes (gpt_image_2 and 2.5: 1–10; gemini_image3*: 1 or 4; muse_image, seedream5_*, grok_imagine_image_2).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [BlankAsNull]
        [WholeNumber]
        public int? OutputCount { get; set; }

        /// <summary>Rendering quality (gpt_image_2, gpt_image_2_5_*, grok_imagine_image_2).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(FieldValueCompleter))]
        [BlankAsNull]
        [TextInput]
        public string? Quality { get; set; }

        /// <summary>Background: transparent (a PNG with alpha), opaque or auto (gpt_image_2, gpt_image_2_5_*).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(FieldValueCompleter))]
        [BlankAsNull]
        [TextInput]
        public string? Background { get; set; }

        /// <summary>The image file format (muse_image: webp, png, jpeg; seedream5_*: png, jpeg).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(FieldValueCompleter))]
        [BlankAsNull]
        [TextInput]
        public string? OutputFormat { get; set; }

        /// <summary>Fields only some models have, by their API name: @{ grounding = $true }; checked against the model.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(OptionKeyCompleter))]
        public Hashtable? Option { get; set; }

        /// <summary>Send a -Model this module's catalog does not know, without local checks (a newer API).</summary>
        [Parameter]
        public SwitchParameter AllowUnknownModel { get; set; }

        protected override GenerationRequest BuildRequest()
        {
            var references = new List<ReferenceImageSpec>();
            foreach (object item in ReferenceImage ?? System.Array.Empty<object>())
            {
                object value = InputBinder.Unwrap(item);
                // A hashtable or custom object may carry a Tag beside its Uri.
                bool isRecord = value is IDictionary || value is PSObject;
                string? tag = isRecord && InputBinder.HasProperty(value, "Tag") ? InputBinder.PropertyValue(value, "Tag")?.ToString() : null;
                string? subject = isRecord && InputBinder.HasProperty(value, "Subject") ? InputBinder.PropertyValue(value, "Subject")?.ToString() : null;
                references.Add(new ReferenceImageSpec
                {
                    Source = Media(value, nameof(ReferenceImage), ReferenceKeys, MediaKind.Image),
                    Tag = Strings.IsBlank(tag) ? null : tag.Trim(),
                    Subject = Strings.IsBlank(subject) ? null : subject.Trim(),
                });
            }
            var spec = new ImageSpec
            {
                Model = Model,
                Prompt = Prompt,
                Ratio = Ratio,
                Seed = Seed,
                PublicFigureThreshold = PublicFigureThreshold,
                References = references,
                MediaResolver = MediaResolver,
                AllowUnknownModel = AllowUnknownModel,
            };
            AddValues(spec.Values, (nameof(OutputCount), OutputCount), (nameof(Quality), Quality), (nameof(Background), Background), (nameof(OutputFormat), OutputFormat));
            AddOptions(Option, spec.Options);
            GenerationRequest request = WarnIfUnvalidated(RequestBuilder.Image(spec));
            request.Source = Prompt;
            return request;
        }
    }
}
