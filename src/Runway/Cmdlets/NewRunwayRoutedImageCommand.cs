using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Creates an image task through a Model Router (POST /v1/generate/image): a model-agnostic input, the router picks the model.</summary>
    [Cmdlet(VerbsCommon.New, "RunwayRoutedImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayRoutedImage.md")]
    [OutputType(typeof(RunwayTask))]
    [OutputType(typeof(System.IO.FileInfo))]
    public sealed class NewRunwayRoutedImageCommand : RoutedGenerationCmdlet
    {
        /// <summary>What the image shows.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PromptText")]
        [TextInput(typeof(RunwayTask))]
        public string Prompt { get; set; } = null!;

        /// <summary>16:9, 9:16, 1:1, 4:3, 3:4, 21:9, 2:3, 3:2, 4:5 or 5:4; models that cannot make it are not picked.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(RoutedValueCompleter))]
        public string? AspectRatio { get; set; }

        /// <summary>The megapixel tier: 1k, 2k or 4k.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(RoutedValueCompleter))]
        public string? Resolution { get; set; }

        /// <summary>How many images (1–10); models that cannot make exactly that many are not picked, and the cost scales with it.</summary>
        [Parameter]
        [WholeNumber]
        public int? OutputCount { get; set; }

        /// <summary>Reference images, for models that take them.</summary>
        [Parameter]
        public object[]? ReferenceImage { get; set; }

        /// <summary>Only gen4_image and gen4_image_turbo take a seed: giving one routes to them.</summary>
        [Parameter]
        [WholeNumber]
        public long? Seed { get; set; }

        [Parameter]
        [ValidateSet("auto", "low")]
        public string? PublicFigureThreshold { get; set; }

        protected override GenerationRequest BuildRequest()
        {
            var spec = new RoutedImageSpec
            {
                Router = Router,
                Prompt = Prompt,
                AspectRatio = AspectRatio,
                Resolution = Resolution,
                OutputCount = OutputCount,
                Seed = Seed,
                PublicFigureThreshold = PublicFigureThreshold,
            };
            spec.References.AddRange(MediaList(ReferenceImage, nameof(ReferenceImage), MediaKind.Image));
            return Priced(RoutedRequestBuilder.Image(spec), router => router.MaxImageCredits, Prompt);
        }
    }
}
