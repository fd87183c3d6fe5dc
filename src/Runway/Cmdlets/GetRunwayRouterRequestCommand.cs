using System.Management.Automation;
using Runway.Api;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Lists a router's routing history, newest first, page by page (-First/-Skip): the model chosen, why, and what was filtered out.</summary>
    [Cmdlet(VerbsCommon.Get, "RunwayRouterRequest", SupportsPaging = true,
        HelpUri = RunwayCmdlet.HelpUriBase + "Get-RunwayRouterRequest.md")]
    [OutputType(typeof(RunwayRouterRequest))]
    public sealed class GetRunwayRouterRequestCommand : RunwayCmdlet
    {
        /// <summary>The router's id (a router piped in binds its Id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string RouterId { get; set; }

        protected override void ProcessRecord()
        {
            string id = RouterId;
            try
            {
                PagedOutput.Write(this, RouterApi.RequestsPath(id), null, item => RunwayRouterRequest.FromJson(item, id));
            }
            catch (RunwayApiException ex)
            {
                Report(ex, id);
            }
        }
    }
}
