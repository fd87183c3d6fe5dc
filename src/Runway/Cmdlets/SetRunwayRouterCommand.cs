using System.Management.Automation;
using System.Text.Json.Nodes;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Changes a router: name, description, or settings (merged: what is not given is kept; a settings change raises its version).</summary>
    [Cmdlet(VerbsCommon.Set, "RunwayRouter", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = RunwayCmdlet.HelpUriBase + "Set-RunwayRouter.md")]
    [OutputType(typeof(RunwayRouter))]
    public sealed class SetRunwayRouterCommand : RouterCmdlet
    {
        /// <summary>The router's id (a router piped in binds its Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("RouterId")]
        [ValidateNotNullOrEmpty]
        [ResourceIdInput("router", typeof(RunwayRouter))]
        [ArgumentCompleter(typeof(RouterIdCompleter))]
        public string Id { get; set; } = null!;

        /// <summary>Removes the description.</summary>
        [Parameter]
        public SwitchParameter ClearDescription { get; set; }

        protected override void OnRecord()
        {
            if (!IsValidId(Id, "router")) return;
            RouterSpec spec = Spec();
            spec.ClearDescription = ClearDescription;
            JsonObject body;
            try
            {
                body = RouterRequestBuilder.Update(spec);
            }
            catch (RunwayInputException ex)
            {
                WriteError(ErrorPolicy.FromException(ex, Id));
                return;
            }
            if (!ShouldProcess($"Runway router {Id}", "Update with " + body.ToJsonString())) return;
            RunwayRouter? router = null;
            if (RunForItem(Id, async token => router = await Api.UpdateRouterAsync(await RouterNames.IdAsync(Api, Id, nameof(Id), token).ConfigureAwait(false), body, token).ConfigureAwait(false))) WriteObject(router);
        }
    }
}
