using System;
using System.Collections.Generic;
using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>
    /// Lists the credits charged (and refunded) per generation in the Runway web-app workspaces linked to this API
    /// project, newest first, page by page. Get-RunwayUsage is the API project's own usage.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "RunwayWorkspaceUsage", SupportsPaging = true, HelpUri = RunwayCmdlet.HelpUriBase + "Get-RunwayWorkspaceUsage.md")]
    [OutputType(typeof(RunwayWorkspaceUsageRecord))]
    public sealed class GetRunwayWorkspaceUsageCommand : RunwayCmdlet, IResumableList
    {
        /// <summary>Start of the window (included). Default: 30 days before -To (the module's choice; the API needs a value).</summary>
        [Parameter(Position = 0)]
        public DateTime From { get; set; }

        /// <summary>End of the window (excluded). Default: now.</summary>
        [Parameter(Position = 1)]
        public DateTime To { get; set; }

        /// <summary>Only these workspaces (default: every workspace you administer in the organization).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(WorkspaceIdCompleter))]
        [WholeNumber]
        public long[]? WorkspaceId { get; set; }

        /// <summary>The organization to report on; needed only when this API project is linked to more than one.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(OrganizationIdCompleter))]
        public string? OrganizationId { get; set; }

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
            DateTime to = MyInvocation.BoundParameters.ContainsKey(nameof(To)) ? To : DateTime.Now;
            DateTime from = MyInvocation.BoundParameters.ContainsKey(nameof(From)) ? From : to.AddDays(-30);
            IDictionary<string, string> query;
            try
            {
                query = WebappQueries.Usage(from, to, OrganizationId, WorkspaceId);
                Seen.OrganizationIds.Remember(OrganizationId);
            }
            catch (RunwayInputException ex)
            {
                WriteError(ErrorPolicy.FromException(ex, ex.Target));
                return;
            }
            PagedOutput.Write(this, OrganizationApi.WorkspaceUsage, query, RunwayWorkspaceUsageRecord.FromJson, "webapp usage");
        }
    }
}
