using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Runway.Api;

namespace Runway.Models
{
    /// <summary>
    /// The query strings of the web-app usage and audit log lists, every rule the SDK 4.20.1 declarations state
    /// checked before sending: the usage window (from, to) is required, the audit log filters are comma-separated
    /// lists of at most 50 items, and audit actions are the declared ones. Nothing else is checked here (the SDK
    /// states no longest window and no id format: the API decides).
    /// </summary>
    public static class WebappQueries
    {
        public static IDictionary<string, string> Usage(DateTime from, DateTime to, string? organizationId, long[]? workspaceIds)
        {
            var query = new Dictionary<string, string>();
            Window(query, from, to);
            Organization(query, organizationId);
            // The SDK gives no count limit for the usage filter (only for the audit log's), so none is checked.
            Workspaces(query, workspaceIds, int.MaxValue);
            return query;
        }

        public static IDictionary<string, string> AuditLogs(DateTime? from, DateTime? to, string[]? actions, string[]? actorEmails, long[]? workspaceIds, string? organizationId)
        {
            var query = new Dictionary<string, string>();
            if (from.HasValue && to.HasValue) Window(query, from.Value, to.Value);
            else
            {
                if (from.HasValue) query["from"] = OrganizationApi.Iso(from.Value);
                if (to.HasValue) query["to"] = OrganizationApi.Iso(to.Value);
            }
            if (actions != null && actions.Length > 0)
            {
                Count(actions.Length, "Action", actions);
                var canonical = new List<string>();
                foreach (string action in actions)
                {
                    string? known = OrganizationApi.AuditActions.FirstOrDefault(a => string.Equals(a, action?.Trim(), StringComparison.OrdinalIgnoreCase));
                    if (known == null)
                        throw new RunwayInputException($"'{action}' is not an audit log action the API declares. Known actions: {string.Join(", ", OrganizationApi.AuditActions)}.",
                            "Action", "Runway.UnknownAuditAction", action);
                    if (!canonical.Contains(known)) canonical.Add(known);
                }
                query["actions"] = string.Join(",", canonical);
            }
            if (actorEmails != null && actorEmails.Length > 0)
            {
                Count(actorEmails.Length, "ActorEmail", actorEmails);
                foreach (string email in actorEmails)
                    if (Strings.IsBlank(email) || email.Contains(","))
                        throw new RunwayInputException($"'{email}' cannot be one item of the API's comma-separated list of emails (blank or containing a comma).",
                            "ActorEmail", "Runway.InvalidActorEmail", email);
                query["actorEmails"] = string.Join(",", actorEmails.Select(e => e.Trim()));
            }
            Workspaces(query, workspaceIds, OrganizationApi.MaxFilterItems);
            Organization(query, organizationId);
            return query;
        }

        private static void Window(Dictionary<string, string> query, DateTime from, DateTime to)
        {
            if (to.ToUniversalTime() <= from.ToUniversalTime())
                throw new RunwayInputException($"-To ({OrganizationApi.Iso(to)}) must be after -From ({OrganizationApi.Iso(from)}): the window includes -From and excludes -To.",
                    "To", "Runway.InvalidDateRange", to);
            query["from"] = OrganizationApi.Iso(from);
            query["to"] = OrganizationApi.Iso(to);
        }

        private static void Organization(Dictionary<string, string> query, string? organizationId)
        {
            if (organizationId == null) return;
            // An id like any other (ResourceId's rule), though it travels in the query: a blank one means "leave it out".
            RunwayInputException.CheckId(organizationId, "OrganizationId", "organization");
            query["organizationId"] = organizationId;
        }

        private static void Workspaces(Dictionary<string, string> query, long[]? workspaceIds, int max)
        {
            if (workspaceIds == null || workspaceIds.Length == 0) return;
            if (workspaceIds.Length > max) Count(workspaceIds.Length, "WorkspaceId", workspaceIds);
            query["workspaceIds"] = string.Join(",", workspaceIds.Distinct().Select(id => id.ToString(CultureInfo.InvariantCulture)));
        }

        private static void Count(int count, string parameter, object target)
        {
            if (count > OrganizationApi.MaxFilterItems)
                throw new RunwayInputException($"-{parameter} takes at most {OrganizationApi.MaxFilterItems} items (the API's limit for this filter); {count} were given.",
                    parameter, "Runway.TooManyItems", target);
        }
    }
}
