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
    /// <summary>Creates an image task (text to image), optionally guided by up to three tagged reference images.</summary>
    [Cmdlet(VerbsCommon.New, "RunwayImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayImage.md")]
    [OutputType(typeof(RunwayTask))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class NewRunwayImageCommand : GenerationCmdlet
    {
        /// <summary>What the image shows (up to 1000 characters); @tag mentions a reference image by its tag.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PromptText")]
        public string Prompt { get; set; }

        /// <summary>Reference images: paths, FileInfo, URLs, uploads or finished tasks, or @{ Uri = ...; Tag = 'name' }.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ReferenceImages")]
        [BlankAsNull]
        public object[] ReferenceImage { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ModelCompleter))]
        [BlankAsNull]
        public string Model { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RatioCompleter))]
        [BlankAsNull]
        public string Ratio { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [BlankAsNull]
        public long? Seed { get; set; }

        [Parameter]
        [ValidateSet("auto", "low")]
        public string PublicFigureThreshold { get; set; }

        protected override GenerationRequest BuildRequest()
        {
            var references = new List<ReferenceImageSpec>();
            foreach (object item in ReferenceImage ?? new object[0])
            {
                object value = InputBinder.Unwrap(item);
                // A hashtable or custom object may carry a Tag beside its Uri.
                bool isRecord = value is IDictionary || value is PSObject;
                string tag = isRecord && InputBinder.HasProperty(value, "Tag") ? InputBinder.PropertyValue(value, "Tag")?.ToString() : null;
                references.Add(new ReferenceImageSpec
                {
                    Source = Media(value, nameof(ReferenceImage), MediaKind.Image),
                    Tag = string.IsNullOrWhiteSpace(tag) ? null : tag.Trim(),
                });
            }
            GenerationRequest request = RequestBuilder.Image(new ImageSpec
            {
                Model = Model,
                Prompt = Prompt,
                Ratio = Ratio,
                Seed = Seed,
                PublicFigureThreshold = PublicFigureThreshold,
                References = references,
            });
            request.Source = Prompt;
            return request;
        }
    }
}
