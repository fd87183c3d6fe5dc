using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Lists a router's routing history, newest first, page by page (-First/-Skip): the model chosen, why, and what was filtered out.</summary>
    [Cmdlet(VerbsCommon.Get, "RunwayRouterRequest", SupportsPaging = true,
        HelpUri = RunwayCmdlet.HelpUriBase + "Get-RunwayRouterRequest.md")]
    [OutputType(typeof(RunwayRouterRequest))]
    public sealed class GetRunwayRouterRequestCommand : RunwayCmdlet, IResumableList
    {
        /// <summary>The router's id (a router piped in binds its Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [ResourceIdInput("router", typeof(RunwayRouter), typeof(RunwayRouterRequest), typeof(RunwayRouting), Properties = new[] { "RouterId", "Id" })]
        [ArgumentCompleter(typeof(RouterIdCompleter))]
        public string RouterId { get; set; } = null!;

        /// <summary>Start at this cursor (from an earlier listing stopped by -First: its information record tagged Runway.NextCursor).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Cursor { get; set; }

        /// <summary>Items per request (the API's limit); by default as many as -Skip + -First need, at most 100.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        [WholeNumber]
        public int PageSize { get; set; }

        protected override void OnRecord()
        {
            string? given = RouterId, id = null;
            if (IsValidId(given, "router") && RunForItem(given, async token => id = await RouterNames.IdAsync(Api, given, nameof(RouterId), token).ConfigureAwait(false)) && id != null)
                PagedOutput.Write(this, RouterApi.RequestsPath(id), null, item => RunwayRouterRequest.FromJson(item, id), given);
        }
    }
}
