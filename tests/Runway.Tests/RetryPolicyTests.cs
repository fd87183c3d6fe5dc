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
        public void An_unreasonable_Retry_After_falls_back_to_backoff() =>
            Assert.Equal(TimeSpan.FromMilliseconds(500), Decide(RequestKind.Idempotent, AttemptOutcome.Response, 429, retryAfter: "3600").Delay);

        [Fact]
        public void A_date_in_the_past_means_no_wait() =>
            Assert.Equal(TimeSpan.Zero, RetryPolicy.ParseRetryAfter(Now.AddSeconds(-5).ToString("r"), null, Now));

        [Fact]
        public void Garbage_Retry_After_is_ignored() =>
            Assert.Null(RetryPolicy.ParseRetryAfter("soon", null, Now));
    }
}
