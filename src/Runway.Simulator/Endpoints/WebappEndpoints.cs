using System.Globalization;
using Runway.Simulator.Resources;
using Runway.Simulator.Validation;

namespace Runway.Simulator;

/// <summary>
/// GET /v1/organization/webapp/usage, /v1/organization/webapp/audit_logs and /audit_logs/{eventId}: cursor pages
/// newest first, strict query parameters (unknown ones are 400), the SDK's declared filters.
/// </summary>
public static class WebappEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/v1/organization/webapp/usage", ListUsage);
        app.MapGet("/v1/organization/webapp/audit_logs", ListAuditLogs);
        app.MapGet("/v1/organization/webapp/audit_logs/{eventId}", (HttpContext ctx, string eventId, WebappStore store, UploadStore uploads) =>
        {
            var v = new ValidationContext(uploads);
            var q = new ResourceHttp.Query(ctx.Request, v, "organizationId");
            var organization = Organization(q);
            if (v.Failed) return ResourceHttp.QueryError(v.Issues);
            if (organization is not null) return organization;
            var entry = store.Audit.FirstOrDefault(e => e.EventId == eventId);
            return entry is null ? Http.Error(404, "Audit log entry not found.") : Results.Json(Detail(entry));
        });
    }

    private static IResult ListUsage(HttpContext ctx, WebappStore store, UploadStore uploads)
    {
        var v = new ValidationContext(uploads);
        var q = new ResourceHttp.Query(ctx.Request, v, "from", "to", "organizationId", "workspaceIds", "limit", "cursor");
        var from = q.Time("from", true);
        var to = q.Time("to", true);
        if (from is not null && to is not null && to <= from) v.Add(["to"], "to must be after from");
        var workspaces = WorkspaceIds(q, int.MaxValue);
        var organization = Organization(q);
        var items = store.Usage
            .Where(r => from is null || r.Timestamp >= from).Where(r => to is null || r.Timestamp < to)
            .Where(r => workspaces is null || workspaces.Contains(r.WorkspaceId))
            .OrderByDescending(r => r.Timestamp).ToList();
        var page = ResourceHttp.Page(items, q, "webapp-usage", r => new
        {
            credits = r.Credits, email = r.Email, timestamp = Http.IsoTime(r.Timestamp), tool = r.Tool, type = r.Type,
            workspaceId = r.WorkspaceId, workspaceName = r.WorkspaceName,
        }, out _);
        if (v.Failed) return ResourceHttp.QueryError(v.Issues);
        return organization ?? Results.Json(page);
    }

    private static IResult ListAuditLogs(HttpContext ctx, WebappStore store, UploadStore uploads)
    {
        var v = new ValidationContext(uploads);
        var q = new ResourceHttp.Query(ctx.Request, v, "actions", "actorEmails", "from", "to", "organizationId", "workspaceIds", "limit", "cursor");
        var from = q.Time("from", false);
        var to = q.Time("to", false);
        if (from is not null && to is not null && to <= from) v.Add(["to"], "to must be after from");
        var actions = List(q, "actions", 50);
        foreach (var action in actions ?? [])
            if (!WebappStore.Actions.Contains(action)) v.Add(["actions"], $"Unknown action {JsonTypes.Quote(action)}");
        var emails = List(q, "actorEmails", 50);
        var workspaces = WorkspaceIds(q, 50);
        var organization = Organization(q);
        var items = store.Audit
            .Where(e => from is null || e.Timestamp >= from).Where(e => to is null || e.Timestamp < to)
            .Where(e => actions is null || actions.Contains(e.Action))
            .Where(e => emails is null || (e.ActorEmail is { } m && emails.Contains(m, StringComparer.OrdinalIgnoreCase)))
            .Where(e => workspaces is null || workspaces.Contains(e.WorkspaceId))
            .OrderByDescending(e => e.Timestamp).ToList();
        var page = ResourceHttp.Page(items, q, "webapp-audit", e => new
        {
            action = e.Action, actorDeleted = e.ActorDeleted, actorEmail = e.ActorEmail, actorUsername = e.ActorUsername, eventId = e.EventId,
            timestamp = Http.IsoTime(e.Timestamp), workspaceId = e.WorkspaceId, workspaceName = e.WorkspaceName,
        }, out _);
        if (v.Failed) return ResourceHttp.QueryError(v.Issues);
        return organization ?? Results.Json(page);
    }

    private static object Detail(AuditLogEntry e) => new
    {
        action = e.Action, actorDeleted = e.ActorDeleted, actorEmail = e.ActorEmail, actorUsername = e.ActorUsername,
        clientIpAddress = e.ClientIpAddress, eventId = e.EventId, metadata = e.Metadata, requestId = e.RequestId,
        resourceId = e.ResourceId, resourceType = e.ResourceType, timestamp = Http.IsoTime(e.Timestamp), userAgent = e.UserAgent,
        workspaceId = e.WorkspaceId, workspaceName = e.WorkspaceName,
    };

    /// <summary>A 404 for an organization this project is not linked to (the simulator links exactly one), else null.</summary>
    private static IResult? Organization(ResourceHttp.Query q) =>
        q.String("organizationId", false) is { } id && id != WebappStore.OrganizationId
            ? Http.Error(404, $"Organization {JsonTypes.Quote(id)} is not linked to this API project.") : null;

    /// <summary>A comma-separated list (no empty items, at most <paramref name="max"/>), or null when not given.</summary>
    private static List<string>? List(ResourceHttp.Query q, string key, int max)
    {
        if (q.String(key, false) is not { } text) return null;
        var items = text.Split(',').Select(s => s.Trim()).ToList();
        if (items.Any(s => s.Length == 0)) q.Context.Add([key], "Expected a comma-separated list without empty items");
        if (items.Count > max) q.Context.Add([key], $"At most {max} items");
        return items;
    }

    private static HashSet<long>? WorkspaceIds(ResourceHttp.Query q, int max)
    {
        if (List(q, "workspaceIds", max) is not { } items) return null;
        var ids = new HashSet<long>();
        foreach (var item in items)
            if (long.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) ids.Add(id);
            else if (item.Length > 0) q.Context.Add(["workspaceIds"], $"Expected workspace ids (integers), received {JsonTypes.Quote(item)}");
        return ids;
    }
}
