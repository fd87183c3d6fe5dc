using System.Management.Automation;
using System.Text.Json.Nodes;
using Runway.Api;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Creates a Model Router configuration: how routed generation picks a model (cost, latency or quality; which models; caps).</summary>
    [Cmdlet(VerbsCommon.New, "RunwayRouter", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low,
        HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayRouter.md")]
    [OutputType(typeof(RunwayRouter))]
    public sealed class NewRunwayRouterCommand : RouterCmdlet
    {
        /// <summary>The router's name in routed generation (-Router); unique in the project and fixed once created.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [TextInput]
        public string Slug { get; set; } = null!;

        protected override void OnRecord()
        {
            RouterSpec spec = Spec();
            spec.Slug = Slug;
            JsonObject body;
            try
            {
                body = RouterRequestBuilder.Create(spec);
            }
            catch (RunwayInputException ex)
            {
                WriteError(ErrorPolicy.FromException(ex, Slug));
                return;
            }
            if (!ShouldProcess($"Runway router '{Slug}'", "Create (free) with " + body.ToJsonString())) return;
            RunwayRouter? router = null;
            if (RunForItem(Slug, async token => router = await Api.CreateRouterAsync(body, token).ConfigureAwait(false))) WriteObject(router);
        }
    }
}
