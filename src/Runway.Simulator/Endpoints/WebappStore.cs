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
