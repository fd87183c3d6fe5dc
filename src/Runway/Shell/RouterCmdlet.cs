using System.Management.Automation;
using Runway.Models;

namespace Runway.Shell
{
    /// <summary>The settings parameters New-RunwayRouter and Set-RunwayRouter share.</summary>
    [FreeCreate]
    public abstract class RouterCmdlet : RunwayCmdlet
    {
        /// <summary>A display name (the API uses the slug when none is given).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        public string? Description { get; set; }

        /// <summary>cost (the API's default), latency or quality.</summary>
        [Parameter]
        [ValidateSet("cost", "latency", "quality")]
        public string? OptimizeFor { get; set; }

        /// <summary>Route only to these models (settings.models mode allowlist_only).</summary>
        [Parameter]
        public string[]? AllowOnly { get; set; }

        /// <summary>Route to every model, present and future, except these (mode allow_new_except).</summary>
        [Parameter]
        public string[]? Exclude { get; set; }

        /// <summary>Skip a model at capacity for the next best one (-FallbackOnCapacity:$false turns it off).</summary>
        [Parameter]
        public SwitchParameter FallbackOnCapacity { get; set; }

        [Parameter]
        public double? MaxVideoCredits { get; set; }

        [Parameter]
        public double? MaxImageCredits { get; set; }

        [Parameter]
        public double? MaxAudioCredits { get; set; }

        protected RouterSpec Spec() => new RouterSpec
        {
            Name = Name,
            Description = Description,
            OptimizeFor = OptimizeFor,
            AllowOnly = AllowOnly,
            Exclude = Exclude,
            FallbackOnCapacity = MyInvocation.BoundParameters.ContainsKey(nameof(FallbackOnCapacity)) ? FallbackOnCapacity.IsPresent : (bool?)null,
            MaxVideoCredits = MaxVideoCredits,
            MaxImageCredits = MaxImageCredits,
            MaxAudioCredits = MaxAudioCredits,
        };
    }
}
