using System.Management.Automation;
using Runway.Completion;
using Runway.Models;

namespace Runway.Shell
{
    /// <summary>
    /// The parameters the two ad recipes (product_ad, product_ugc) take alike; each recipe's ranges and defaults
    /// live in the recipe catalog and its help page.
    /// </summary>
    public abstract class RecipeAdCmdlet : RecipeCmdlet
    {
        /// <summary>What the product is, its key benefits, what to highlight or mention.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [BlankAsNull]
        [TextInput]
        public string? ProductInfo { get; set; }

        /// <summary>Creative direction: brand voice, framing, scene, tone, a message or a whole dialog script.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Concept")]
        [BlankAsNull]
        [TextInput]
        public string? UserConcept { get; set; }

        /// <summary>Seconds, within the recipe's range (product_ad 4–15, default 10; product_ugc 4–15, default 15).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DurationCompleter))]
        [BlankAsNull]
        public double? Duration { get; set; }

        /// <summary>One of the recipe's ratios (Tab completes them from the catalog).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RatioCompleter))]
        [BlankAsNull]
        [TextInput]
        public string? Ratio { get; set; }

        /// <summary>Generate audio for the video (-Audio:$false asks for none).</summary>
        [Parameter]
        public SwitchParameter Audio { get; set; }

        /// <summary>The recipe's spec with -Version and the parameters above filled in.</summary>
        protected T WithAdSettings<T>(T spec) where T : RecipeAdSpec
        {
            spec.Version = Version;
            spec.ProductInfo = ProductInfo;
            spec.UserConcept = UserConcept;
            spec.Duration = Duration;
            spec.Ratio = Ratio;
            spec.Audio = Flag(nameof(Audio), Audio);
            return spec;
        }
    }
}
