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
    /// Lists the audit log of the Runway web-app workspaces linked to this API project (newest first, page by page),
    /// or gets entries by event id with their forensic details and metadata.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "RunwayAuditLog", DefaultParameterSetName = ListSet, SupportsPaging = true,
        HelpUri = RunwayCmdlet.HelpUriBase + "Get-RunwayAuditLog.md")]
    [OutputType(typeof(RunwayAuditLogEntry))]
    public sealed class GetRunwayAuditLogCommand : RunwayCmdlet, IResumableList
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        /// <summary>Event ids; an entry piped in binds its EventId.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = IdSet)]
        [ValidateNotNullOrEmpty]
        [Alias("Id")]
        [ArgumentCompleter(typeof(AuditLogEventCompleter))]
        [ResourceIdInput("audit log entry", typeof(RunwayAuditLogEntry), Properties = new[] { "EventId", "Id" })]
        public string[]? EventId { get; set; }

        /// <summary>Only entries at or after this time.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTime From { get; set; }

        /// <summary>Only entries before this time.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTime To { get; set; }

        /// <summary>Only these actions (at most 50; the names the SDK declares, e.g. MemberInvited).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AuditActionCompleter))]
        public string[]? Action { get; set; }

        /// <summary>Only entries by users with these emails (at most 50).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string[]? ActorEmail { get; set; }

        /// <summary>Only these workspaces (at most 50; default: every workspace you administer in the organization).</summary>
        [Parameter(ParameterSetName = ListSet)]
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
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? Cursor { get; set; }

        /// <summary>Items per request (the API's limit); by default as many as -Skip + -First need, at most 100.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, int.MaxValue)]
        [WholeNumber]
        public int PageSize { get; set; }

        protected override void OnRecord()
        {
            if (ParameterSetName == ListSet)
            {
                IDictionary<string, string> query;
                try
                {
                    query = WebappQueries.AuditLogs(Bound(nameof(From), From), Bound(nameof(To), To), Action, ActorEmail, WorkspaceId, OrganizationId);
                    Seen.OrganizationIds.Remember(OrganizationId);
                }
                catch (RunwayInputException ex)
                {
                    WriteError(ErrorPolicy.FromException(ex, ex.Target));
                    return;
                }
                PagedOutput.Write(this, OrganizationApi.AuditLogs, query, OrganizationApi.ReadAuditLog, "audit log");
                return;
            }
            if (OrganizationId != null && !IsValidId(OrganizationId, "organization")) return;
            Seen.OrganizationIds.Remember(OrganizationId);
            foreach (string id in ValidIds(EventId, "audit log event"))
            {
                RunwayAuditLogEntry? entry = null;
                if (RunForItem(id, async token => entry = await Api.GetAuditLogAsync(id, OrganizationId, token).ConfigureAwait(false)))
                    WriteObject(entry);
            }
        }

        private DateTime? Bound(string name, DateTime value) => MyInvocation.BoundParameters.ContainsKey(name) ? value : (DateTime?)null;
    }
}
