using System;
using System.Collections.Generic;
using Runway.Api;
using Runway.Models;
using Runway.Tasks;
using Xunit;

namespace Runway.Tests
{
    public class PollPlannerTests
    {
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(6);
        private readonly PollPlanner planner = new PollPlanner(Interval);

        [Theory]
        [InlineData(0.0)]
        [InlineData(0.5)]
        [InlineData(0.999)]
        public void A_task_just_created_is_first_looked_at_one_interval_plus_or_minus_a_quarter_after_creation_as_the_SDK_does(double random)
        {
            var task = new RunwayTask { Id = "t", Status = RunwayTask.Pending, CreatedAt = T0 };
            DateTimeOffset first = planner.First(task, T0.AddMilliseconds(200), random);
            Assert.InRange(first, T0 + TimeSpan.FromSeconds(4.5), T0 + planner.MaxGap);
        }

        [Fact]
        public void A_task_of_unknown_age_or_state_is_looked_at_at_once()
        {
            DateTimeOffset now = T0.AddSeconds(1);
            Assert.Equal(now, planner.First(new RunwayTask { Id = "a" }, now, 0.5));
            Assert.Equal(now, planner.First(new RunwayTask { Id = "b", Status = RunwayTask.Running, CreatedAt = T0 }, now, 0.5));
            Assert.Equal(now, planner.First(new RunwayTask { Id = "c", Status = RunwayTask.Pending, CreatedAt = T0.AddMinutes(-5) }, now, 0.5));
        }

        [Theory]
        [InlineData(RunwayTask.Pending)]
        [InlineData(RunwayTask.Throttled)]
        public void Without_progress_it_polls_every_interval_plus_or_minus_a_quarter(string status)
        {
            var seen = new PollPlanner.Observation(T0, status, null);
            for (double r = 0; r < 1; r += 0.1)
                Assert.InRange(planner.Next(null, seen, T0.AddSeconds(-3), T0, r) - T0, TimeSpan.FromSeconds(4.5), TimeSpan.FromSeconds(7.5));
        }

        [Fact]
        public void Two_looks_at_a_running_task_estimate_its_end_on_a_straight_line()
        {
            var a = new PollPlanner.Observation(T0, RunwayTask.Running, 0.2);
            var b = new PollPlanner.Observation(T0.AddSeconds(4), RunwayTask.Running, 0.4);
            Assert.Equal(T0.AddSeconds(16), PollPlanner.EstimateEnd(a, b, null).Value, TimeSpan.FromMilliseconds(1));
            // One look: from the creation time, read as progress 0 (it errs late, never early).
            var one = new PollPlanner.Observation(T0.AddSeconds(5), RunwayTask.Running, 0.5);
            Assert.Equal(T0.AddSeconds(10), PollPlanner.EstimateEnd(null, one, T0).Value, TimeSpan.FromMilliseconds(1));
            Assert.Null(PollPlanner.EstimateEnd(null, new PollPlanner.Observation(T0, RunwayTask.Pending, null), T0.AddSeconds(-1)));
            Assert.Null(PollPlanner.EstimateEnd(b, new PollPlanner.Observation(T0.AddSeconds(6), RunwayTask.Running, 0.4), null));
        }

        [Fact]
        public void The_last_look_lands_just_after_the_estimated_end_when_it_is_within_the_bound()
        {
            var a = new PollPlanner.Observation(T0, RunwayTask.Running, 0.5);
            var b = new PollPlanner.Observation(T0.AddSeconds(5), RunwayTask.Running, 0.75);
            DateTimeOffset next = planner.Next(a, b, null, b.At, 0.5);
            Assert.Equal(T0.AddSeconds(10) + planner.EndMargin, next);
        }

        [Fact]
        public void A_far_end_is_approached_in_even_steps_none_longer_than_the_bound()
        {
            var a = new PollPlanner.Observation(T0, RunwayTask.Running, 0.01);
            var b = new PollPlanner.Observation(T0.AddSeconds(1), RunwayTask.Running, 0.02);   // ends at T0 + 99 s
            DateTimeOffset next = planner.Next(a, b, null, b.At, 0.5);
            Assert.True(next - b.At <= planner.MaxGap);
            Assert.True(next - b.At >= planner.MaxGap - TimeSpan.FromSeconds(1));
        }

        [Fact]
        public void An_estimate_that_keeps_saying_any_moment_now_is_polled_at_most_every_eighth_interval()
        {
            var a = new PollPlanner.Observation(T0, RunwayTask.Running, 0.98);
            var b = new PollPlanner.Observation(T0.AddSeconds(10), RunwayTask.Running, 0.999);
            Assert.Equal(b.At + planner.MinGap, planner.Next(a, b, null, b.At.AddSeconds(5), 0.5) - TimeSpan.FromSeconds(5));
        }

        /// <summary>Plays a whole wait in simulated time against a task that behaves like the simulator's.</summary>
        private (int Looks, TimeSpan Late, TimeSpan LongestGap) Play(double pendingSeconds, double runSeconds, double createdToFirstRandom, Func<double, double> progressCurve)
        {
            var rng = new Random(7);
            DateTimeOffset end = T0.AddSeconds(pendingSeconds + runSeconds);
            var task = new RunwayTask { Id = "t", Status = RunwayTask.Pending, CreatedAt = T0 };
            DateTimeOffset now = planner.First(task, T0, createdToFirstRandom);
            DateTimeOffset lastLook = T0;
            PollPlanner.Observation previous = null;
            int looks = 0;
            TimeSpan longest = TimeSpan.Zero;
            while (true)
            {
                looks++;
                if (now - lastLook > longest) longest = now - lastLook;
                lastLook = now;
                if (now >= end) return (looks, now - end, longest);
                double ran = (now - T0).TotalSeconds - pendingSeconds;
                var seen = ran < 0 ? new PollPlanner.Observation(now, RunwayTask.Pending, null)
                    : new PollPlanner.Observation(now, RunwayTask.Running, progressCurve(ran / runSeconds));
                DateTimeOffset next = planner.Next(previous, seen, T0, now, rng.NextDouble());
                previous = seen;
                now = next;
                Assert.True(looks < 1000);
            }
        }

        [Theory]
        [InlineData(0.05, 0.0, 4)]   // a first look at 4.5 s leaves 15.9 s: over two gaps of 7.5 s
        [InlineData(0.05, 0.5, 3)]
        [InlineData(0.05, 0.99, 3)]
        [InlineData(0.3, 0.0, 4)]
        [InlineData(0.3, 0.5, 4)]    // the first estimate (from the creation time) errs late and costs a look
        [InlineData(0.3, 0.6, 3)]
        [InlineData(0.3, 0.99, 3)]
        public void A_20_second_task_with_linear_progress_takes_3_or_4_looks_and_is_reported_within_the_margin(double pending, double random, int looksExpected)
        {
            // The SDK's loop (6 s ± 1.5 s, first look after one wait) takes 4 looks for this task, 3 only by luck,
            // and reports it 0–7.5 s after it ended.
            var (looks, late, gap) = Play(pending, 20, random, p => p);
            Assert.Equal(looksExpected, looks);
            Assert.InRange(late, TimeSpan.Zero, planner.EndMargin + TimeSpan.FromMilliseconds(1));
            Assert.True(gap <= planner.MaxGap);
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(0.5)]
        [InlineData(0.99)]
        public void A_task_shorter_than_the_first_wait_is_found_finished_at_the_first_look_no_later_than_the_SDK_would(double random)
        {
            var (looks, late, _) = Play(0.3, 3, random, p => p);
            Assert.Equal(1, looks);
            Assert.True(late <= planner.MaxGap - TimeSpan.FromSeconds(3.3));
        }

        [Theory]
        [InlineData(1.0)]
        [InlineData(0.25)]
        [InlineData(4.0)]
        public void Whatever_the_progress_curve_no_gap_exceeds_the_bound_and_the_report_is_never_later_than_it(double exponent)
        {
            foreach (double run in new[] { 3.0, 8.0, 20.0, 61.0 })
            {
                var (_, late, gap) = Play(0.3, run, 0.5, p => Math.Pow(p, exponent));
                Assert.True(gap <= planner.MaxGap, $"gap {gap} for run {run}, exponent {exponent}");
                Assert.True(late <= planner.MaxGap, $"late {late} for run {run}, exponent {exponent}");
            }
        }
    }
}
