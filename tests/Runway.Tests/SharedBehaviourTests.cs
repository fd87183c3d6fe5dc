using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;
using Runway.Media;
using Runway.Tasks;
using Xunit;

namespace Runway.Tests
{
    /// <summary>The pure parts of issue 12: statuses that end a wait, the 5 MB inline limit, usage by API key, null tier limits.</summary>
    public class SharedBehaviourTests
    {
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

        [Theory]
        [InlineData("PENDING", true)]
        [InlineData("THROTTLED", true)]
        [InlineData("RUNNING", true)]
        [InlineData("SUCCEEDED", false)]
        [InlineData("FAILED", false)]
        [InlineData("CANCELLED", false)]
        [InlineData("EXPIRED", false)]
        [InlineData("running", false)]
        [InlineData(null, false)]
        public void Only_the_SDK_waiters_three_statuses_keep_a_wait_going(string status, bool active) =>
            Assert.Equal(active, RunwayTask.IsActiveStatus(status));

        private sealed class Recorder : IWaitObserver
        {
            public readonly List<RunwayTask> Finished = new List<RunwayTask>();
            public readonly List<RunwayTaskException> Ended = new List<RunwayTaskException>();
            void IWaitObserver.Finished(RunwayTask task) => Finished.Add(task);
            void IWaitObserver.Ended(RunwayTaskException error) => Ended.Add(error);
            public void Progress(IReadOnlyList<RunwayTask> unfinished, int finishedCount, int total, TimeSpan elapsed) { }
        }

        /// <summary>A schedule in simulated time whose fetch answers <paramref name="answer"/> for every look.</summary>
        private static (PollSchedule, Func<int>) Schedule(Func<string, RunwayTask> answer, Func<DateTimeOffset> now = null)
        {
            DateTimeOffset clock = T0;
            int looks = 0;
            var schedule = new PollSchedule(
                (id, _) => { looks++; return Task.FromResult(answer(id)); },
                now ?? (() => clock), (span, _) => { clock += span; return Task.CompletedTask; },
                new WaitOptions { PollInterval = TimeSpan.FromSeconds(6), Timeout = null }, () => 0.5, null);
            return (schedule, () => looks);
        }

        [Theory]
        [InlineData("EXPIRED")]
        [InlineData("ARCHIVED")]
        [InlineData(null)]
        public async Task An_unknown_status_ends_the_wait_at_once_as_an_error_that_names_it_and_keeps_the_id(string status)
        {
            var (schedule, looks) = Schedule(id => new RunwayTask { Id = id, Status = status, CreatedAt = T0 });
            schedule.Add(new RunwayTask { Id = "0b6f4f4e-0000-4000-8000-000000000001", Status = RunwayTask.Running, Model = "gen4_turbo", CreatedAt = T0 }, T0);
            var recorder = new Recorder();
            for (int i = 0; i < 5 && schedule.Count > 0; i++)
                await schedule.StepAsync(recorder, null, false, CancellationToken.None);
            Assert.Equal(0, schedule.Count);
            Assert.Equal(1, looks());
            Assert.Empty(recorder.Finished);
            RunwayTaskException error = Assert.Single(recorder.Ended);
            Assert.Equal("Runway.TaskUnknownStatus", error.ErrorId);
            Assert.Equal("0b6f4f4e-0000-4000-8000-000000000001", error.TaskId);
            Assert.Contains(status ?? "(none)", error.Message);
            Assert.Equal(ErrorKind.InvalidResult, error.Category);
        }

        [Fact]
        public async Task The_known_statuses_end_as_before()
        {
            var statuses = new Dictionary<string, string> { ["a"] = RunwayTask.Succeeded, ["b"] = RunwayTask.Failed, ["c"] = RunwayTask.Cancelled };
            var (schedule, _) = Schedule(id => new RunwayTask { Id = id, Status = statuses[id], CreatedAt = T0 });
            foreach (string id in statuses.Keys) schedule.Add(new RunwayTask { Id = id, Status = RunwayTask.Running, CreatedAt = T0 }, T0);
            var recorder = new Recorder();
            for (int i = 0; i < 5 && schedule.Count > 0; i++)
                await schedule.StepAsync(recorder, null, false, CancellationToken.None);
            Assert.Equal("a", Assert.Single(recorder.Finished).Id);
            Assert.Equal(new[] { "Runway.TaskCancelled", "Runway.TaskFailed" }, recorder.Ended.Select(e => e.ErrorId).OrderBy(x => x));
        }

        [Fact]
        public async Task A_Retry_After_past_the_deadline_ends_the_task_s_wait_at_once_with_its_id()
        {
            RunwayApiException refused = RunwayApiException.FromResponse("GET", "/v1/tasks/x", 429, "Too many requests", null, "", RequestKind.Idempotent, TimeSpan.FromSeconds(300));
            Assert.Equal(TimeSpan.FromSeconds(300), refused.RetryAfterPastDeadline);
            Assert.Contains("300 s", refused.Message);
            DateTimeOffset clock = T0;
            var schedule = new PollSchedule((id, _) => Task.FromException<RunwayTask>(refused), () => clock, (span, _) => { clock += span; return Task.CompletedTask; },
                new WaitOptions { PollInterval = TimeSpan.FromSeconds(6), Timeout = TimeSpan.FromSeconds(60) }, () => 0.5, null);
            schedule.Add(new RunwayTask { Id = "t1", Status = RunwayTask.Running, CreatedAt = T0 }, T0);
            var recorder = new Recorder();
            await schedule.StepAsync(recorder, T0.AddSeconds(60), false, CancellationToken.None);
            RunwayTaskException error = Assert.Single(recorder.Ended);
            Assert.Equal("Runway.RetryAfterPastTimeout", error.ErrorId);
            Assert.Equal("t1", error.TaskId);
            Assert.Contains("Wait-RunwayTask -Id t1", error.Message);
            Assert.True(clock < T0.AddSeconds(60), "stopped before the deadline instead of sleeping past it");
        }

        [Fact]
        public void A_workflow_run_with_an_unknown_status_is_an_error_not_a_success()
        {
            var run = new RunwayWorkflowInvocation { Id = "r1", Status = "EXPIRED" };
            RunwayWorkflowException error = RunwayWorkflowException.Ended(run);
            Assert.Equal("Runway.WorkflowUnknownStatus", error.ErrorId);
            Assert.Contains("EXPIRED", error.Message);
            Assert.Same(run, error.Invocation);
            Assert.False(RunwayTask.IsActiveStatus(run.Status));
        }

        [Theory]
        [InlineData("video/mp4", 3_749_982, false)]
        [InlineData("video/mp4", 3_749_983, true)]
        [InlineData("audio/wav", 3_749_982, false)]
        [InlineData("audio/wav", 3_749_983, true)]
        [InlineData("image/png", 3_749_982, false)]
        [InlineData("image/png", 3_749_983, true)]
        [InlineData("audio/mpeg", 3_749_982, false)]
        [InlineData("audio/mpeg", 3_749_983, true)]
        [InlineData("audio/flac", 3_749_982, false)]
        [InlineData("audio/flac", 3_749_983, true)]
        public void Every_kind_is_inlined_only_while_its_data_URI_fits_5_000_000_characters(string mediaType, long fileBytes, bool upload)
        {
            Assert.Equal(5_000_000, MediaLimits.DataUriMaxLength);
            long length = MediaLimits.DataUriLength(fileBytes, mediaType);
            Assert.Equal(("data:" + mediaType + ";base64,").Length + (fileBytes + 2) / 3 * 4, length);
            Assert.Equal(upload, length > MediaLimits.DataUriMaxLength);
        }

        [Theory]
        [InlineData("2f1c7c1e-5a8d-4f7e-9a31-0c2d7e9b4a10", "2f1c7c1e-5a8d-4f7e-9a31-0c2d7e9b4a10")]
        [InlineData("ak_team_ci", "ak_team_ci")]
        [InlineData("key_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "key_…cdef")]
        [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "…cdef")]
        public void An_api_key_id_is_shown_as_given_unless_it_looks_like_a_key(string id, string shown) =>
            Assert.Equal(shown, RunwayApiKeyUsageRecord.SafeKeyId(id));

        [Fact]
        public void Usage_by_API_key_is_read_as_typed_rows_and_its_absence_is_null()
        {
            using (JsonDocument doc = JsonDocument.Parse(@"{""results"":[],""models"":[],""apiKeys"":[""k1"",""k2""],
                ""resultsByApiKey"":[{""date"":""2026-11-25"",""usedCredits"":[{""amount"":12,""apiKeyId"":""k1""},{""amount"":-2.5,""apiKeyId"":""k2""}]}]}"))
            {
                IReadOnlyList<RunwayApiKeyUsageRecord> rows = RunwayApiKeyUsageRecord.FromJson(doc.RootElement);
                Assert.Equal(2, rows.Count);
                Assert.Equal(new DateTime(2026, 11, 25), rows[0].Date);
                Assert.Equal("k1", rows[0].ApiKeyId);
                Assert.Equal(12m, rows[0].Credits);
                Assert.Equal(-0.025m, rows[1].Usd);
            }
            using (JsonDocument doc = JsonDocument.Parse(@"{""results"":[],""models"":[]}"))
                Assert.Null(RunwayApiKeyUsageRecord.FromJson(doc.RootElement));
        }

        [Fact]
        public void Null_tier_limits_are_read_as_unlimited()
        {
            using (JsonDocument doc = JsonDocument.Parse(@"{""creditBalance"":5,""tier"":{""maxMonthlyCreditSpend"":100,""models"":{
                ""gen4_turbo"":{""maxConcurrentGenerations"":null,""maxDailyGenerations"":null},""gen4.5"":{""maxConcurrentGenerations"":2,""maxDailyGenerations"":50}}},
                ""usage"":{""models"":{""gen4_turbo"":{""dailyGenerations"":7}}}}"))
            {
                RunwayCredit credit = RunwayCredit.FromJson(doc.RootElement);
                RunwayModelLimit turbo = credit.Models.Single(m => m.Model == "gen4_turbo");
                Assert.Null(turbo.MaxConcurrentGenerations);
                Assert.Null(turbo.MaxDailyGenerations);
                Assert.Null(turbo.DailyGenerationsLeft);
                Assert.Equal(7, turbo.DailyGenerations);
                Assert.Equal(50, credit.Models.Single(m => m.Model == "gen4.5").DailyGenerationsLeft);
            }
        }

        private sealed class Log : IRunwayLog
        {
            public void Verbose(string message) { }
        }

        [Fact]
        public async Task A_null_concurrency_limit_never_holds_a_create_back()
        {
            var (schedule, looks) = Schedule(id => new RunwayTask { Id = id, Status = RunwayTask.Running, Model = "gen4_turbo", CreatedAt = T0 });
            var gate = new ConcurrencyGate(schedule, (model, _) => Task.FromResult<int?>(null), null,
                new WaitOptions { PollInterval = TimeSpan.FromSeconds(6), Timeout = TimeSpan.FromSeconds(1) }, new Log(), new Recorder());
            for (int i = 0; i < 20; i++)
            {
                await gate.WaitForSlotAsync("gen4_turbo", CancellationToken.None);
                gate.Track(new RunwayTask { Id = "t" + i, Status = RunwayTask.Pending, Model = "gen4_turbo", CreatedAt = T0 });
            }
            Assert.Equal(20, gate.Unfinished.Count);
            Assert.Equal(0, looks());
        }
    }
}
