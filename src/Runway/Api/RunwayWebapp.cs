using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Runway.Api
{
    /// <summary>
    /// The organization's Runway web-app workspaces linked to this API project (SDK 4.20.1 organization.webapp):
    /// per-generation credit usage and audit logs. Both lists are cursor pages, newest first.
    /// </summary>
    public static class OrganizationApi
    {
        public const string WorkspaceUsage = "v1/organization/webapp/usage";
        public const string AuditLogs = "v1/organization/webapp/audit_logs";

        /// <summary>The audit log actions the SDK 4.20.1 declares ("Allowed values" of AuditLogListParams.actions).</summary>
        public static readonly string[] AuditActions =
        {
            "UserLogin", "PasswordChanged", "EmailChangeRequested", "EmailChanged", "UserRegistered", "UserAccountDeleted",
            "WorkspaceCreated", "WorkspaceDeleted", "MemberInvited", "MemberRemoved", "MemberRoleChanged", "InviteAccepted",
            "TeamSettingsUpdated", "InviteLinkToggled", "UserGroupCreated", "UserGroupUpdated", "UserGroupDeleted",
            "UserGroupArchived", "UserGroupRestored", "UserGroupMemberAdded", "UserGroupMemberRemoved", "SSOLogin",
            "SSOUserProvisioned", "SSOConfigCreated", "SSOUserAutoAddedToTeam", "SSODomainRegistrationCloned", "AssetCreated",
            "AssetUpdated", "AssetDeleted", "AssetDownloaded", "AssetShared", "AssetUnshared", "CommentCreated", "CommentEdited",
            "CommentDeleted", "CommentAgentCallRun", "CommentRemovedByModerator", "CommentRestoredByModerator",
            "CommentRemovalReasonChanged", "PermissionGranted", "PermissionUpdated", "PermissionRevoked", "PermissionAccepted",
            "SubscriptionCancelled", "SubscriptionReactivatedWithOffer", "SubscriptionPlanSwitched", "CreditsTransferred",
            "SeatsTransferred", "SessionShared", "SessionUnshared", "VideoProjectShared", "VideoProjectUnshared", "BrandKitShared",
            "BrandKitUnshared", "AgentCustomSkillCreated", "AgentCustomSkillDeleted", "AgentCustomSkillShared",
            "AgentCustomSkillUnshared", "AgentSessionShared", "AgentSessionUnshared", "AgentConnectorLinkTokenCreated",
            "AgentConnectorConnected", "AgentConnectorDisconnected", "AgentConnectorAssetExported", "AgentConnectorSessionEnabled",
            "AgentConnectorSessionDisabled", "GenerationCreated", "AccountLinkCreated", "AccountLinkDeleted",
            "OrganizationSettingsUpdated", "OrganizationDisabledModelsUpdated", "OrganizationApiAccountReleased",
            "OrganizationApiAccountMemberInvited", "OrganizationApiAccountMemberRoleChanged", "OrganizationApiAccountMemberRemoved",
            "WorkspaceCountryLockUpdated", "WorkspaceTagCreated", "WorkspaceTagUpdated", "WorkspaceTagDeleted",
            "WorkspaceTagAssigned", "WorkspaceTagUnassigned", "MeteredBillingConfigUpdated", "MeteredBillingRefillTriggered",
            "MeteredBillingRetryTriggered", "EnterpriseSpendCapEnforcementUpdated", "AwsMarketplaceEnterpriseSubscriptionLinked",
        };

        /// <summary>The SDK's limit on each comma-separated filter of the audit log list (actions, actorEmails, workspaceIds).</summary>
        public const int MaxFilterItems = 50;

        public static RunwayAuditLogEntry ReadAuditLog(JsonElement json) => Seen.AuditLogs.Remember(RunwayAuditLogEntry.FromJson(json));

        public static async Task<RunwayAuditLogEntry> GetAuditLogAsync(this RunwayApi api, string eventId, string? organizationId, CancellationToken cancellation)
        {
            string path = ResourceId.Path(AuditLogs, eventId);
            string url = organizationId == null ? path : path + "?organizationId=" + Uri.EscapeDataString(organizationId);
            JsonElement json = await api.Client.GetAsync(url, cancellation).ConfigureAwait(false);
            if (json.ValueKind != JsonValueKind.Object)
                throw new RunwayApiException($"Runway API: the response to GET /{path} was not a JSON object.", "GET", "/" + path, 200, null, null, AttemptOutcome.Response, false);
            return Seen.AuditLogs.Remember(RunwayAuditLogEntry.FromJson(json));
        }

        /// <summary>The API's ISO-8601 date-time for a query (UTC, seconds).</summary>
        public static string Iso(DateTime value) =>
            value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        /// <summary>A JSON value as plain .NET values: objects become dictionaries, arrays object[].</summary>
        internal static object? Plain(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String: return value.GetString();
                case JsonValueKind.Number: return value.TryGetInt64(out long whole) ? (object)whole : value.GetDouble();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.Array: return value.EnumerateArray().Select(Plain).ToArray();
                case JsonValueKind.Object:
                    var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (JsonProperty p in value.EnumerateObject()) map[p.Name] = Plain(p.Value);
                    return map;
                default: return null;
            }
        }
    }

    /// <summary>One credit charge (or refund) of a generation in a linked web-app workspace (GET /v1/organization/webapp/usage).</summary>
    public sealed class RunwayWorkspaceUsageRecord
    {
        public DateTimeOffset? Timestamp { get; set; }
        public long WorkspaceId { get; set; }
        public string? WorkspaceName { get; set; }
        /// <summary>The user who generated.</summary>
        public string? Email { get; set; }
        /// <summary>The model or task's display name, as the web app names it.</summary>
        public string? Tool { get; set; }
        /// <summary>charge, or refund (negative credits).</summary>
        public string? Type { get; set; }
        public decimal Credits { get; set; }
        public decimal Usd => Credits * Api.Credits.UsdPerCredit;

        public static RunwayWorkspaceUsageRecord FromJson(JsonElement json) => new RunwayWorkspaceUsageRecord
        {
            Timestamp = JsonRead.Date(json, "timestamp"),
            WorkspaceId = (long)(JsonRead.Number(json, "workspaceId") ?? 0),
            WorkspaceName = JsonRead.String(json, "workspaceName"),
            Email = JsonRead.String(json, "email"),
            Tool = JsonRead.String(json, "tool"),
            Type = JsonRead.String(json, "type"),
            Credits = json.TryGetProperty("credits", out JsonElement credits) && credits.ValueKind == JsonValueKind.Number ? credits.GetDecimal() : 0m,
        };
    }

    /// <summary>
    /// One audit log entry of a linked web-app workspace. Listed entries carry the summary; an entry read by its id
    /// (HasDetails) adds the client, request, resource and action-specific metadata.
    /// </summary>
    public sealed class RunwayAuditLogEntry
    {
        public string? EventId { get; set; }
        public DateTimeOffset? Timestamp { get; set; }
        public string? Action { get; set; }
        public string? ActorEmail { get; set; }
        public string? ActorUsername { get; set; }
        /// <summary>The acting user has since been deleted.</summary>
        public bool ActorDeleted { get; set; }
        public long WorkspaceId { get; set; }
        public string? WorkspaceName { get; set; }
        public string? ClientIpAddress { get; set; }
        public string? UserAgent { get; set; }
        public string? RequestId { get; set; }
        public string? ResourceId { get; set; }
        /// <summary>An open set (the SDK: new types may be added), e.g. asset, membership, workspace.</summary>
        public string? ResourceType { get; set; }
        /// <summary>Action-specific details, by the API's own key names (e.g. 'Asset name', 'New role').</summary>
        public IDictionary<string, object?> Metadata { get; set; } = new Dictionary<string, object?>();
        /// <summary>True when read by id (the forensic fields were in the answer).</summary>
        public bool HasDetails { get; set; }
        /// <summary>Email, else username, else "(deleted user)" or null.</summary>
        public string? Actor => ActorEmail ?? ActorUsername ?? (ActorDeleted ? "(deleted user)" : null);
        public override string? ToString() => EventId;

        public static RunwayAuditLogEntry FromJson(JsonElement json)
        {
            var entry = new RunwayAuditLogEntry
            {
                EventId = JsonRead.String(json, "eventId"),
                Timestamp = JsonRead.Date(json, "timestamp"),
                Action = JsonRead.String(json, "action"),
                ActorEmail = JsonRead.String(json, "actorEmail"),
                ActorUsername = JsonRead.String(json, "actorUsername"),
                ActorDeleted = JsonRead.Bool(json, "actorDeleted") ?? false,
                WorkspaceId = (long)(JsonRead.Number(json, "workspaceId") ?? 0),
                WorkspaceName = JsonRead.String(json, "workspaceName"),
                ClientIpAddress = JsonRead.String(json, "clientIpAddress"),
                UserAgent = JsonRead.String(json, "userAgent"),
                RequestId = JsonRead.String(json, "requestId"),
                ResourceId = JsonRead.String(json, "resourceId"),
                ResourceType = JsonRead.String(json, "resourceType"),
                HasDetails = JsonRead.Member(json, "clientIpAddress") != null || JsonRead.Member(json, "metadata") != null,
            };
            if (JsonRead.Member(json, "metadata") is JsonElement metadata && OrganizationApi.Plain(metadata) is IDictionary<string, object?> map)
                entry.Metadata = map;
            return entry;
        }
    }
}
