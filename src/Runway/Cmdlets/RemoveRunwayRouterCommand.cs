using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Deletes routers; routed generation with their slugs then fails (router_config_not_found).</summary>
    [Cmdlet(VerbsCommon.Remove, "RunwayRouter", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High,
        HelpUri = RunwayCmdlet.HelpUriBase + "Remove-RunwayRouter.md")]
    public sealed class RemoveRunwayRouterCommand : DestructiveCmdlet
    {
        /// <summary>Router ids (a router piped in binds its Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("RouterId")]
        [ValidateNotNullOrEmpty]
        [ResourceIdInput("router", typeof(RunwayRouter))]
        [ArgumentCompleter(typeof(RouterIdCompleter))]
        public string[] Id { get; set; } = null!;

        protected override void OnRecord()
        {
            foreach (string id in ValidIds(Id, "router"))
                if (ShouldDestroy($"Runway router {id}", "Delete"))
                    RunForItem(id, async token => await Api.DeleteRouterAsync(await RouterNames.IdAsync(Api, id, nameof(Id), token).ConfigureAwait(false), token).ConfigureAwait(false));
        }
    }
}
