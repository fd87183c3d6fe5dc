using System.Globalization;
using Runway.Simulator.Resources;
using Runway.Simulator.Validation;

namespace Runway.Simulator;

/// <summary>One row of web-app credit usage (GET /v1/organization/webapp/usage), as the SDK declares it.</summary>
public sealed record WebappUsageRow(DateTimeOffset Timestamp, long WorkspaceId, string WorkspaceName, string Email, string Tool, string Type, double Credits);

/// <summary>One web-app audit log entry; the list shows the summary fields, retrieve adds the forensic ones.</summary>
public sealed record AuditLogEntry(string EventId, DateTimeOffset Timestamp, string Action, bool ActorDeleted, string? ActorEmail, string? ActorUsername,
    long WorkspaceId, string WorkspaceName, string ClientIpAddress, string? UserAgent, string? RequestId, string? ResourceId, string? ResourceType,
    Dictionary<string, object?> Metadata);

/// <summary>
/// The Runway web-app workspaces linked to this API project (one organization, two workspaces), with seeded usage
/// rows and audit log entries relative to the time of the last reset. The SDK states no price, id format or window
/// limit here; the values are the simulator's own.
/// </summary>
public sealed class WebappStore
{
    public const string OrganizationId = "org_simulated";
    public static readonly (long Id, string Name)[] Workspaces = [(48213, "Studio"), (48214, "Marketing")];

    /// <summary>The action names the SDK 4.20.1 declares for audit log entries (AuditLogListParams.actions).</summary>
    public static readonly string[] Actions =
    [
        "UserLogin", "PasswordChanged", "EmailChangeRequested", "EmailChanged", "UserRegistered",
        "UserAccountDeleted", "WorkspaceCreated", "WorkspaceDeleted", "MemberInvited", "MemberRemoved",
        "MemberRoleChanged", "InviteAccepted", "TeamSettingsUpdated", "InviteLinkToggled", "UserGroupCreated",
        "UserGroupUpdated", "UserGroupDeleted", "UserGroupArchived", "UserGroupRestored", "UserGroupMemberAdded",
        "UserGroupMemberRemoved", "SSOLogin", "SSOUserProvisioned", "SSOConfigCreated", "SSOUserAutoAddedToTeam",
        "SSODomainRegistrationCloned", "AssetCreated", "AssetUpdated", "AssetDeleted", "AssetDownloaded",
        "AssetShared", "AssetUnshared", "CommentCreated", "CommentEdited", "CommentDeleted", "CommentAgentCallRun",
        "CommentRemovedByModerator", "CommentRestoredByModerator", "CommentRemovalReasonChanged",
        "PermissionGranted", "PermissionUpdated", "PermissionRevoked", "PermissionAccepted", "SubscriptionCancelled",
        "SubscriptionReactivatedWithOffer", "SubscriptionPlanSwitched", "CreditsTransferred", "SeatsTransferred",
        "SessionShared", "SessionUnshared", "VideoProjectShared", "VideoProjectUnshared", "BrandKitShared",
        "BrandKitUnshared", "AgentCustomSkillCreated", "AgentCustomSkillDeleted", "AgentCustomSkillShared",
        "AgentCustomSkillUnshared", "AgentSessionShared", "AgentSessionUnshared", "AgentConnectorLinkTokenCreated",
        "AgentConnectorConnected", "AgentConnectorDisconnected", "AgentConnectorAssetExported",
        "AgentConnectorSessionEnabled", "AgentConnectorSessionDisabled", "GenerationCreated", "AccountLinkCreated",
        "AccountLinkDeleted", "OrganizationSettingsUpdated", "OrganizationDisabledModelsUpdated",
        "OrganizationApiAccountReleased", "OrganizationApiAccountMemberInvited",
        "OrganizationApiAccountMemberRoleChanged", "OrganizationApiAccountMemberRemoved",
        "WorkspaceCountryLockUpdated", "WorkspaceTagCreated", "WorkspaceTagUpdated", "WorkspaceTagDeleted",
        "WorkspaceTagAssigned", "WorkspaceTagUnassigned", "MeteredBillingConfigUpdated",
        "MeteredBillingRefillTriggered", "MeteredBillingRetryTriggered", "EnterpriseSpendCapEnforcementUpdated",
        "AwsMarketplaceEnterpriseSubscriptionLinked"
    ];

    private readonly object _gate = new();
    private List<WebappUsageRow> _usage = [];
    private List<AuditLogEntry> _audit = [];

    public WebappStore() => Reset();

    public void Reset()
    {
        var now = DateTimeOffset.UtcNow;
        now = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero);
        lock (_gate)
        {
            _usage = SeedUsage(now);
            _audit = SeedAudit(now);
        }
    }

    public List<WebappUsageRow> Usage { get { lock (_gate) return [.. _usage]; } }
    public List<AuditLogEntry> Audit { get { lock (_gate) return [.. _audit]; } }

    private static readonly string[] Emails = ["alice@example.com", "bob@example.com"];
    private static readonly string[] Tools = ["Gen-4.5", "Gen-4 Image", "Act-Two", "Frames"];

    private static List<WebappUsageRow> SeedUsage(DateTimeOffset now)
    {
        var rows = new List<WebappUsageRow>();
        for (var i = 0; i < 30; i++)
        {
            var (wid, wname) = Workspaces[i % 3 == 2 ? 1 : 0];
            var refund = i == 7;
            rows.Add(new WebappUsageRow(now.AddHours(-5 * i - 1), wid, wname, Emails[i % 2], Tools[i % Tools.Length], refund ? "refund" : "charge",
                refund ? -25 : 5 * (1 + i % 5)));
        }
        return rows;
    }

    private static List<AuditLogEntry> SeedAudit(DateTimeOffset now)
    {
        (string Action, string? Type, Func<int, Dictionary<string, object?>> Meta)[] kinds =
        [
            ("UserLogin", "user", i => new() { ["Login method"] = "password" }),
            ("AssetCreated", "asset", i => new() { ["Asset name"] = $"storyboard-{i}.png" }),
            ("MemberInvited", "membership", i => new() { ["Invited member"] = "dave@example.com", ["Role"] = "editor" }),
            ("GenerationCreated", "generation", i => new() { ["Model"] = "gen4.5", ["Via public API"] = false }),
            ("MemberRoleChanged", "membership", i => new() { ["Target member"] = "bob@example.com", ["Previous role"] = "editor", ["New role"] = "admin" }),
            ("WorkspaceTagCreated", "workspace_tag", i => new() { ["Tag name"] = "campaign", ["Tag color"] = "#ff8800" }),
            ("CreditsTransferred", "workspace", i => new() { ["Amount"] = 500, ["Direction"] = "in" }),
            ("AccountLinkCreated", "account_link", i => new() { ["API project ID"] = "proj_simulated" }),
        ];
        var entries = new List<AuditLogEntry>();
        for (var i = 0; i < 24; i++)
        {
            var (action, type, meta) = kinds[i % kinds.Length];
            var (wid, wname) = Workspaces[i % 4 == 3 ? 1 : 0];
            var deleted = i % 11 == 10;
            var email = deleted ? null : Emails[i % 2];
            entries.Add(new AuditLogEntry($"ae_{0x5a3c1000 + i:x8}", now.AddHours(-6 * i).AddMinutes(-17), action, deleted, email, email?.Split('@')[0],
                wid, wname, $"203.0.113.{10 + i}", i % 5 == 4 ? null : "Mozilla/5.0 (simulated)", $"req_{0x7f000 + i:x5}",
                type == "user" ? null : $"{type}_{1000 + i}", type == "user" ? null : type, meta(i)));
        }
        return entries;
    }
}

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
