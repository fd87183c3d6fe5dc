using System;
using Runway.Api;
using Xunit;

namespace Runway.Tests
{
    public class RetryPolicyTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

        private static RetryDecision Decide(RequestKind kind, AttemptOutcome outcome, int status = 0, int retriesDone = 0,
            string retryAfter = null, string retryAfterMs = null) =>
            RetryPolicy.Decide(kind, retriesDone, 2, outcome, status, retryAfter, retryAfterMs, Now, random: 0);

        [Theory]
        [InlineData(408)]
        [InlineData(409)]
        [InlineData(429)]
        [InlineData(500)]
        [InlineData(502)]
        [InlineData(503)]
        public void Reads_are_retried_on_transient_statuses(int status) =>
            Assert.True(Decide(RequestKind.Idempotent, AttemptOutcome.Response, status).Retry);

        [Theory]
        [InlineData(400)]
        [InlineData(401)]
        [InlineData(403)]
        [InlineData(404)]
        public void Client_errors_are_never_retried(int status)
        {
            Assert.False(Decide(RequestKind.Idempotent, AttemptOutcome.Response, status).Retry);
            Assert.False(Decide(RequestKind.CreateTask, AttemptOutcome.Response, status).Retry);
        }

        [Theory]
        [InlineData(500)]
        [InlineData(502)]
        [InlineData(503)]
        [InlineData(408)]
        [InlineData(409)]
        public void A_create_is_not_repeated_after_an_answer_that_may_follow_a_started_task(int status) =>
            Assert.False(Decide(RequestKind.CreateTask, AttemptOutcome.Response, status).Retry);

        [Fact]
        public void A_create_is_repeated_on_429_because_nothing_was_started() =>
            Assert.True(Decide(RequestKind.CreateTask, AttemptOutcome.Response, 429).Retry);

        [Fact]
        public void A_create_is_repeated_when_it_never_reached_the_server() =>
            Assert.True(Decide(RequestKind.CreateTask, AttemptOutcome.NeverSent).Retry);

        [Theory]
        [InlineData(AttemptOutcome.ConnectionLost)]
        [InlineData(AttemptOutcome.TimedOut)]
        public void A_create_is_not_repeated_when_the_server_may_have_seen_it(AttemptOutcome outcome)
        {
            Assert.False(Decide(RequestKind.CreateTask, outcome).Retry);
            Assert.True(Decide(RequestKind.Idempotent, outcome).Retry);
        }

        [Fact]
        public void Retries_stop_at_the_limit()
        {
            Assert.True(Decide(RequestKind.Idempotent, AttemptOutcome.Response, 503, retriesDone: 1).Retry);
            RetryDecision last = Decide(RequestKind.Idempotent, AttemptOutcome.Response, 503, retriesDone: 2);
            Assert.False(last.Retry);
            Assert.Contains("gave up after 2 retries", last.Reason);
        }

        [Theory]
        [InlineData(0, 0.0, 500)]
        [InlineData(1, 0.0, 1000)]
        [InlineData(2, 0.0, 2000)]
        [InlineData(5, 0.0, 8000)]
        [InlineData(10, 0.0, 8000)]
        [InlineData(0, 1.0, 375)]
        public void Backoff_doubles_from_half_a_second_to_eight_with_up_to_a_quarter_off(int retries, double random, double expectedMs) =>
            Assert.Equal(expectedMs, RetryPolicy.Backoff(retries, random).TotalMilliseconds, 3);

        [Fact]
        public void Retry_After_in_seconds_is_honoured() =>
            Assert.Equal(TimeSpan.FromSeconds(3), Decide(RequestKind.Idempotent, AttemptOutcome.Response, 429, retryAfter: "3").Delay);

        [Fact]
        public void Retry_After_as_an_HTTP_date_is_honoured() =>
            Assert.Equal(TimeSpan.FromSeconds(7), Decide(RequestKind.Idempotent, AttemptOutcome.Response, 429, retryAfter: Now.AddSeconds(7).ToString("r")).Delay);

        [Fact]
        public void Retry_after_ms_wins_over_Retry_After() =>
            Assert.Equal(TimeSpan.FromMilliseconds(250), Decide(RequestKind.Idempotent, AttemptOutcome.Response, 429, retryAfter: "3", retryAfterMs: "250").Delay);

        [Fact]
        public void A_Retry_After_over_a_minute_is_honoured_when_no_deadline_limits_it() =>
            Assert.Equal(TimeSpan.FromSeconds(3600), Decide(RequestKind.Idempotent, AttemptOutcome.Response, 429, retryAfter: "3600").Delay);

        [Fact]
        public void A_date_in_the_past_means_no_wait() =>
            Assert.Equal(TimeSpan.Zero, RetryPolicy.ParseRetryAfter(Now.AddSeconds(-5).ToString("r"), null, Now));

        [Fact]
        public void Garbage_Retry_After_is_ignored() =>
            Assert.Null(RetryPolicy.ParseRetryAfter("soon", null, Now));
    }

    /// <summary>x-should-retry and Retry-After against the operation's deadline (issue 12), as the SDK's client.js reads them.</summary>
    public class SharedRetryRulesTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

        private static RetryDecision Decide(RequestKind kind, int status, string shouldRetry = null, string retryAfter = null,
            string retryAfterMs = null, DateTimeOffset? deadline = null, AttemptOutcome outcome = AttemptOutcome.Response, int retriesDone = 0) =>
            RetryPolicy.Decide(kind, retriesDone, 2, outcome, status, retryAfter, retryAfterMs, Now, 0, shouldRetry, deadline);

        [Theory]
        [InlineData(429)]
        [InlineData(500)]
        [InlineData(503)]
        [InlineData(408)]
        [InlineData(409)]
        public void False_stops_a_retry_the_status_rules_would_make(int status)
        {
            RetryDecision decision = Decide(RequestKind.Idempotent, status, "false");
            Assert.False(decision.Retry);
            Assert.Contains("x-should-retry: false", decision.Reason);
            Assert.False(Decide(RequestKind.Safe, status, "false").Retry);
        }

        [Theory]
        [InlineData(400)]
        [InlineData(403)]
        [InlineData(404)]
        [InlineData(422)]
        public void True_retries_a_status_the_rules_would_not_for_safe_requests(int status)
        {
            RetryDecision decision = Decide(RequestKind.Idempotent, status, "true");
            Assert.True(decision.Retry);
            Assert.Contains("x-should-retry: true", decision.Reason);
            Assert.True(Decide(RequestKind.Safe, status, "true").Retry);
        }

        [Theory]
        [InlineData(400)]
        [InlineData(408)]
        [InlineData(409)]
        [InlineData(500)]
        [InlineData(503)]
        public void True_never_repeats_a_create_that_may_have_started_a_task(int status) =>
            Assert.False(Decide(RequestKind.CreateTask, status, "true").Retry);

        [Fact]
        public void A_refused_create_is_repeated_unless_the_server_says_false()
        {
            Assert.True(Decide(RequestKind.CreateTask, 429).Retry);
            Assert.True(Decide(RequestKind.CreateTask, 429, "true").Retry);
            Assert.False(Decide(RequestKind.CreateTask, 429, "false").Retry);
        }

        [Fact]
        public void The_header_does_not_apply_without_a_response_nor_past_the_retry_limit()
        {
            Assert.True(Decide(RequestKind.Idempotent, 0, "false", outcome: AttemptOutcome.ConnectionLost).Retry);
            Assert.False(Decide(RequestKind.Idempotent, 400, "true", retriesDone: 2).Retry);
        }

        [Theory]
        [InlineData("true", true)]
        [InlineData(" TRUE ", true)]
        [InlineData("false", false)]
        [InlineData("yes", null)]
        [InlineData("", null)]
        [InlineData(null, null)]
        public void Only_true_and_false_are_instructions(string header, bool? expected) =>
            Assert.Equal(expected, RetryPolicy.ParseShouldRetry(header));

        [Fact]
        public void A_long_Retry_After_that_ends_before_the_deadline_is_honoured_in_full()
        {
            RetryDecision decision = Decide(RequestKind.Idempotent, 429, retryAfter: "120", deadline: Now.AddSeconds(121));
            Assert.True(decision.Retry);
            Assert.Equal(TimeSpan.FromSeconds(120), decision.Delay);
            Assert.Equal(TimeSpan.FromMilliseconds(90500), Decide(RequestKind.Idempotent, 503, retryAfterMs: "90500", deadline: Now.AddMinutes(2)).Delay);
            Assert.Equal(TimeSpan.FromSeconds(75), Decide(RequestKind.Idempotent, 429, retryAfter: Now.AddSeconds(75).ToString("r"), deadline: Now.AddMinutes(2)).Delay);
        }

        [Fact]
        public void A_Retry_After_past_the_deadline_stops_at_once_and_says_why()
        {
            RetryDecision decision = Decide(RequestKind.Idempotent, 429, retryAfter: "120", deadline: Now.AddSeconds(30));
            Assert.False(decision.Retry);
            Assert.Equal(TimeSpan.FromSeconds(120), decision.RefusedWait);
            Assert.Contains("asked to wait 120 s", decision.Reason);
            Assert.Contains("30 s left", decision.Reason);
            // The same holds for a short hint when little time is left.
            Assert.Equal(TimeSpan.FromSeconds(5), Decide(RequestKind.Idempotent, 503, retryAfter: "5", deadline: Now.AddSeconds(2)).RefusedWait);
        }

        [Fact]
        public void Without_a_hint_the_backoff_applies_whatever_the_deadline() =>
            Assert.Equal(TimeSpan.FromMilliseconds(500), Decide(RequestKind.Idempotent, 503, deadline: Now.AddSeconds(1)).Delay);

        [Fact]
        public void Outside_any_operation_the_deadline_is_the_default_ceiling_and_a_scope_replaces_it()
        {
            Assert.Equal(Now + RetryPolicy.DefaultRetryAfterCeiling, OperationDeadline.For(Now));
            using (OperationDeadline.Until(Now.AddSeconds(30)))
            {
                Assert.Equal(Now.AddSeconds(30), OperationDeadline.For(Now));
                using (OperationDeadline.Until(null))
                    Assert.Null(OperationDeadline.For(Now));
                Assert.Equal(Now.AddSeconds(30), OperationDeadline.For(Now));
            }
            Assert.Equal(Now + RetryPolicy.DefaultRetryAfterCeiling, OperationDeadline.For(Now));
        }
    }
}
