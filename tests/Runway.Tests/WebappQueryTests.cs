using System;
using System.Linq;
using System.Text.Json;
using Runway.Api;
using Runway.Models;
using Xunit;

namespace Runway.Tests
{
    /// <summary>
    /// The web-app usage and audit log queries (the SDK's rules checked before sending), what is read from their
    /// answers, the resume position of a listing and the id rule applied to an organization id.
    /// </summary>
    public sealed class WebappQueryTests
    {
        private static readonly DateTime From = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        private static readonly DateTime To = new DateTime(2026, 12, 1, 12, 30, 0, DateTimeKind.Utc);

        [Fact]
        public void Usage_sends_the_window_as_utc_date_times_and_the_filters_given()
        {
            var query = WebappQueries.Usage(From, To, null, null);
            Assert.Equal(new[] { "from", "to" }, query.Keys.OrderBy(k => k).ToArray());
            Assert.Equal("2026-11-01T00:00:00Z", query["from"]);
            Assert.Equal("2026-12-01T12:30:00Z", query["to"]);
            query = WebappQueries.Usage(From, To, "org_1", new[] { 7L, 8L, 7L });
            Assert.Equal("7,8", query["workspaceIds"]);
            Assert.Equal("org_1", query["organizationId"]);
            // The SDK gives the usage filter no count limit, so 60 workspaces are sent.
            Assert.Equal(60, WebappQueries.Usage(From, To, null, Enumerable.Range(1, 60).Select(i => (long)i).ToArray())["workspaceIds"].Split(',').Length);
        }

        [Fact]
        public void A_window_must_end_after_it_starts_and_an_organization_id_cannot_be_blank()
        {
            Assert.Equal("Runway.InvalidDateRange", Assert.Throws<RunwayInputException>(() => WebappQueries.Usage(To, From, null, null)).ErrorId);
            Assert.Equal("Runway.InvalidDateRange", Assert.Throws<RunwayInputException>(() => WebappQueries.Usage(From, From, null, null)).ErrorId);
            Assert.Equal("Runway.InvalidDateRange", Assert.Throws<RunwayInputException>(() => WebappQueries.AuditLogs(To, From, null, null, null, null)).ErrorId);
            Assert.Equal("Runway.InvalidId", Assert.Throws<RunwayInputException>(() => WebappQueries.Usage(From, To, " ", null)).ErrorId);
        }

        [Fact]
        public void Audit_filters_are_comma_separated_with_actions_in_their_declared_spelling()
        {
            var query = WebappQueries.AuditLogs(From, null, new[] { "memberinvited", " SSOLogin", "MemberInvited" }, new[] { "a@x.com", " b@x.com " }, new[] { 3L }, null);
            Assert.Equal("MemberInvited,SSOLogin", query["actions"]);
            Assert.Equal("a@x.com,b@x.com", query["actorEmails"]);
            Assert.Equal("3", query["workspaceIds"]);
            Assert.Equal("2026-11-01T00:00:00Z", query["from"]);
            Assert.False(query.ContainsKey("to"));
            Assert.Empty(WebappQueries.AuditLogs(null, null, null, null, null, null));
        }

        [Fact]
        public void Audit_filters_refuse_unknown_actions_commas_in_emails_and_more_than_50_items()
        {
            var unknown = Assert.Throws<RunwayInputException>(() => WebappQueries.AuditLogs(null, null, new[] { "MemberInvted" }, null, null, null));
            Assert.Equal("Runway.UnknownAuditAction", unknown.ErrorId);
            Assert.Contains("MemberInvited", unknown.Message);
            Assert.Equal("Runway.InvalidActorEmail", Assert.Throws<RunwayInputException>(() => WebappQueries.AuditLogs(null, null, null, new[] { "a@x.com,b@x.com" }, null, null)).ErrorId);
            Assert.Equal("Runway.TooManyItems", Assert.Throws<RunwayInputException>(() => WebappQueries.AuditLogs(null, null, Enumerable.Repeat("UserLogin", 51).ToArray(), null, null, null)).ErrorId);
            Assert.Equal("Runway.TooManyItems", Assert.Throws<RunwayInputException>(() => WebappQueries.AuditLogs(null, null, null, null, Enumerable.Range(1, 51).Select(i => (long)i).ToArray(), null)).ErrorId);
            Assert.Equal("MemberInvited", WebappQueries.AuditLogs(null, null, Enumerable.Repeat("MemberInvited", 50).ToArray(), null, null, null)["actions"]);
        }

        [Fact]
        public void The_declared_actions_are_unique()
        {
            Assert.Equal(86, OrganizationApi.AuditActions.Length);
            Assert.Equal(OrganizationApi.AuditActions.Length, OrganizationApi.AuditActions.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }

        [Fact]
        public void An_audit_entry_reads_the_summary_and_the_details_with_nested_metadata()
        {
            var listed = RunwayAuditLogEntry.FromJson(Parse("{\"action\":\"UserLogin\",\"actorDeleted\":true,\"actorEmail\":null,\"actorUsername\":null,\"eventId\":\"e1\",\"timestamp\":\"2026-12-01T10:00:00.000Z\",\"workspaceId\":5,\"workspaceName\":\"W\"}"));
            Assert.False(listed.HasDetails);
            Assert.Equal("(deleted user)", listed.Actor);
            Assert.Equal(5, listed.WorkspaceId);
            var detail = RunwayAuditLogEntry.FromJson(Parse("{\"action\":\"MemberRoleChanged\",\"actorDeleted\":false,\"actorEmail\":\"a@x.com\",\"actorUsername\":\"a\",\"clientIpAddress\":\"203.0.113.1\",\"eventId\":\"e2\",\"metadata\":{\"New role\":\"admin\",\"Amount\":3,\"Shared with projects\":[\"p1\",\"p2\"],\"Organization\":{\"id\":\"o\"}},\"requestId\":null,\"resourceId\":\"m1\",\"resourceType\":\"membership\",\"timestamp\":\"2026-12-01T10:00:00Z\",\"userAgent\":null,\"workspaceId\":5,\"workspaceName\":\"W\"}"));
            Assert.True(detail.HasDetails);
            Assert.Equal("a@x.com", detail.Actor);
            Assert.Equal("admin", detail.Metadata["New role"]);
            Assert.Equal(3L, detail.Metadata["Amount"]);
            Assert.Equal(new object[] { "p1", "p2" }, (object[])detail.Metadata["Shared with projects"]);
            Assert.Equal("o", ((System.Collections.Generic.IDictionary<string, object>)detail.Metadata["Organization"])["id"]);
            Assert.Null(detail.RequestId);
        }

        [Fact]
        public void A_usage_row_keeps_a_refund_negative()
        {
            var row = RunwayWorkspaceUsageRecord.FromJson(Parse("{\"credits\":-25,\"email\":\"a@x.com\",\"timestamp\":\"2026-12-01T10:00:00Z\",\"tool\":\"Gen-4.5\",\"type\":\"refund\",\"workspaceId\":9,\"workspaceName\":\"W\"}"));
            Assert.Equal(-25m, row.Credits);
            Assert.Equal(-0.25m, row.Usd);
            Assert.Equal("refund", row.Type);
        }

        [Fact]
        public void A_usage_summary_adds_up_the_rows_and_keeps_the_answers_lists()
        {
            var report = new RunwayUsageReport
            {
                Models = new[]
                {
                    new RunwayUsageRecord { Date = new DateTime(2026, 12, 1), Model = "gen4.5", Credits = 10 },
                    new RunwayUsageRecord { Date = new DateTime(2026, 12, 1), Model = "gen4_image", Credits = 5 },
                    new RunwayUsageRecord { Date = new DateTime(2026, 12, 2), Model = "gen4.5", Credits = -3 },
                },
                ModelNames = new[] { "gen4.5", "gen4_image" },
                ApiKeyIds = null,
            };
            RunwayUsageSummary summary = RunwayUsageSummary.From(report, new DateTime(2026, 12, 1), new DateTime(2026, 12, 3));
            Assert.Equal(12m, summary.Credits);
            Assert.Equal(2, summary.Days);
            Assert.Equal(new[] { "gen4.5", "gen4_image" }, summary.Models);
            Assert.Null(summary.ApiKeys);
        }

        [Fact]
        public void A_list_position_names_the_parameters_that_resume_it()
        {
            Assert.Equal("-Cursor 'abc'", new ListPosition("abc", 0).Parameters);
            Assert.Equal("-Cursor 'a''b' -Skip 2", new ListPosition("a'b", 2).Parameters);
            Assert.Equal("More items: continue with -Skip 3", new ListPosition(null, 3).ToString());
        }

        [Theory]
        [InlineData("..")]
        [InlineData("a/b")]
        [InlineData(" ")]
        public void An_organization_id_follows_the_id_rule_though_it_travels_in_the_query(string id)
        {
            var refused = Assert.Throws<RunwayInputException>(() => WebappQueries.AuditLogs(null, null, null, null, null, id));
            Assert.Equal("Runway.InvalidId", refused.ErrorId);
            Assert.Equal(id, refused.Target);
            Assert.Equal("Runway.InvalidId", Assert.Throws<RunwayInputException>(() => WebappQueries.Usage(From, To, id, null)).ErrorId);
        }

        private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
    }
}
