using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;
using Runway.Models;
using Runway.Tasks;
using Xunit;

namespace Runway.Tests
{
    /// <summary>
    /// The poll plan under a tier's concurrency: learned task times, the queue model for THROTTLED tasks, and the
    /// concurrency gate, played in simulated time against a server queue that behaves like the simulator's.
    /// </summary>
    public class PollQueueTests
    {
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(6);
        private readonly PollPlanner planner = new PollPlanner(Interval);
        private static readonly PollPlanner.Times Known = new PollPlanner.Times(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(1400));

        [Fact]
        public void With_learned_times_a_new_task_is_looked_at_once_just_after_its_expected_end()
        {
            var task = new RunwayTask { Id = "t", Status = RunwayTask.Pending, CreatedAt = T0 };
            Assert.Equal(T0.AddMilliseconds(1500) + planner.EndMargin, planner.First(task, T0.AddMilliseconds(5), 0.5, Known, false));
        }

        [Fact]
        public void Learned_times_never_stretch_a_gap_past_the_bound()
        {
            var times = new PollPlanner.Times(TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(60));
            var task = new RunwayTask { Id = "t", Status = RunwayTask.Pending, CreatedAt = T0 };
            Assert.True(planner.First(task, T0, 0.5, times, false) - T0 <= planner.MaxGap);
            var seen = new PollPlanner.Observation(T0.AddSeconds(5), RunwayTask.Running, 0.05);
            Assert.True(planner.Next(null, seen, T0, seen.At, 0.5, times, 0) - seen.At <= planner.MaxGap);
        }

        [Fact]
        public void A_scout_is_looked_at_after_an_eighth_of_the_interval_and_a_running_task_seen_once_soon_again_for_its_rate()
        {
            var task = new RunwayTask { Id = "t", Status = RunwayTask.Pending, CreatedAt = T0 };
            Assert.Equal(T0 + planner.MinGap, planner.First(task, T0, 0.5, null, true));
            var once = new PollPlanner.Observation(T0.AddSeconds(0.75), RunwayTask.Running, 0.46);
            TimeSpan gap = planner.Next(null, once, T0, once.At, 0.5, PollPlanner.Times.Unknown, 0) - once.At;
            Assert.InRange(gap, planner.EndMargin, planner.MinGap);
        }

        [Fact]
        public void Two_running_looks_teach_the_run_time_and_for_a_task_never_throttled_the_pending_time()
        {
            var a = new PollPlanner.Observation(T0.AddSeconds(1), RunwayTask.Running, 0.25);
            var b = new PollPlanner.Observation(T0.AddSeconds(2), RunwayTask.Running, 0.5);
            PollPlanner.Times learned = PollPlanner.Learn(a, b, T0, wasThrottled: false);
            Assert.InRange(learned.Run.Value.TotalSeconds, 3.999, 4.001);
            Assert.InRange(learned.Pending.Value.TotalSeconds, 0, 0.001);
            Assert.Null(PollPlanner.Learn(a, b, T0, wasThrottled: true).Pending);
            Assert.Null(PollPlanner.Learn(null, b, T0, false));
            // One look and a known run time: the end is the rest of the run.
            Assert.Equal(T0.AddSeconds(4), PollPlanner.EstimateEnd(null, b, T0, TimeSpan.FromSeconds(4)).Value, TimeSpan.FromMilliseconds(1));
        }

        [Fact]
        public void A_look_that_came_too_early_is_repeated_after_the_margin_then_four_times_longer_up_to_an_eighth_of_the_interval()
        {
            var a = new PollPlanner.Observation(T0, RunwayTask.Running, 0.5);
            var b = new PollPlanner.Observation(T0.AddSeconds(1), RunwayTask.Running, 1.0);   // "ends now", yet still running
            var gaps = Enumerable.Range(0, 6).Select(k => planner.Next(a, b, T0, b.At, 0.5, Known, k) - b.At).ToArray();
            Assert.Equal(planner.EndMargin, gaps[0]);
            for (int k = 1; k < gaps.Length; k++)
            {
                Assert.True(gaps[k] >= gaps[k - 1]);
                Assert.True(gaps[k] <= planner.MinGap);
            }
            Assert.Equal(planner.MinGap, gaps[5]);
        }

        [Fact]
        public void Waiting_tasks_take_the_slots_as_running_tasks_end_one_slot_per_end()
        {
            var run = TimeSpan.FromSeconds(1);
            var starts = PollPlanner.EarliestStarts(1, new DateTimeOffset?[] { T0.AddSeconds(2) }, new[] { T0, T0, T0 }, T0, run);
            Assert.Equal(new[] { T0.AddSeconds(2), T0.AddSeconds(3), T0.AddSeconds(4) }, starts);
            starts = PollPlanner.EarliestStarts(2, new DateTimeOffset?[] { T0.AddSeconds(2), T0.AddSeconds(3) }, new[] { T0, T0, T0, T0 }, T0, run);
            Assert.Equal(new[] { T0.AddSeconds(2), T0.AddSeconds(3), T0.AddSeconds(3), T0.AddSeconds(4) }, starts);
            // A slot no watched task holds counts as free (errs early), as does a running task whose end is unknown.
            Assert.Equal(T0, PollPlanner.EarliestStarts(2, new DateTimeOffset?[] { T0.AddSeconds(9) }, new[] { T0 }, T0, run)[0]);
            Assert.Equal(T0, PollPlanner.EarliestStarts(1, new DateTimeOffset?[] { null }, new[] { T0 }, T0, run)[0]);
            // A PENDING task cannot start before it is ready.
            Assert.Equal(T0.AddSeconds(5), PollPlanner.EarliestStarts(1, Array.Empty<DateTimeOffset?>(), new[] { T0.AddSeconds(5) }, T0, run)[0]);
            // More running than slots: the tier's figure is wrong, nothing is modelled.
            Assert.Null(PollPlanner.EarliestStarts(1, new DateTimeOffset?[] { T0, T0 }, new[] { T0 }, T0, run));
        }

        [Fact]
        public void A_waiting_task_is_looked_at_just_after_it_would_end_and_never_later_than_the_bound_after_it_could_start()
        {
            Assert.Equal(T0.AddSeconds(10) + TimeSpan.FromMilliseconds(1400) + planner.EndMargin, planner.AfterStart(T0.AddSeconds(10), T0, 0.5, Known));
            var slow = new PollPlanner.Times(null, TimeSpan.FromMinutes(2));
            Assert.Equal(T0.AddSeconds(10) + planner.MaxGap, planner.AfterStart(T0.AddSeconds(10), T0, 0.5, slow));
            Assert.InRange(planner.AfterStart(T0.AddSeconds(10), T0, 0.5, null) - T0.AddSeconds(10), TimeSpan.FromSeconds(4.5), planner.MaxGap);
        }

        /// <summary>A server queue like the simulator's: PENDING for a while, then THROTTLED until one of the slots is free, then RUNNING.</summary>
        private sealed class World
        {
            private readonly int slots;
            private readonly TimeSpan pending;
            private readonly TimeSpan run;
            private readonly List<(string Id, DateTimeOffset Created)> created = new List<(string, DateTimeOffset)>();

            public World(string model, int slots, double pendingSeconds, double runSeconds)
            {
                Model = model;
                this.slots = slots;
                pending = TimeSpan.FromSeconds(pendingSeconds);
                run = TimeSpan.FromSeconds(runSeconds);
            }

            public string Model { get; }
            public DateTimeOffset Now { get; set; } = T0;
            public int Looks { get; private set; }
            public Dictionary<string, DateTimeOffset> Reported { get; } = new Dictionary<string, DateTimeOffset>();
            public IReadOnlyList<(string Id, DateTimeOffset Created)> Created => created;

            public RunwayTask Create()
            {
                string id = "t" + created.Count;
                created.Add((id, Now));
                return new RunwayTask { Id = id, Status = RunwayTask.Pending, CreatedAt = Now, Model = Model, RetrievedAt = Now };
            }

            /// <summary>Every task's start and end: FIFO by the time it became eligible, one slot per end.</summary>
            public Dictionary<string, (DateTimeOffset Start, DateTimeOffset End)> Replay()
            {
                var free = Enumerable.Repeat(DateTimeOffset.MinValue, slots).ToList();
                var result = new Dictionary<string, (DateTimeOffset, DateTimeOffset)>();
                foreach (var (id, at) in created)
                {
                    int earliest = free.IndexOf(free.Min());
                    DateTimeOffset eligible = at + pending;
                    DateTimeOffset start = free[earliest] > eligible ? free[earliest] : eligible;
                    free[earliest] = start + run;
                    result[id] = (start, start + run);
                }
                return result;
            }

            public Task<RunwayTask> Fetch(string id, CancellationToken _)
            {
                Looks++;
                var (start, end) = Replay()[id];
                DateTimeOffset createdAt = created.First(c => c.Id == id).Created;
                var task = new RunwayTask { Id = id, CreatedAt = createdAt, RetrievedAt = Now };
                if (Now >= end) task.Status = RunwayTask.Succeeded;
                else if (Now >= start)
                {
                    task.Status = RunwayTask.Running;
                    task.Progress = Math.Round((Now - start).TotalSeconds / run.TotalSeconds, 3);
                }
                else task.Status = Now >= createdAt + pending ? RunwayTask.Throttled : RunwayTask.Pending;
                return Task.FromResult(task);
            }

            public Task Delay(TimeSpan span, CancellationToken _)
            {
                Now += span;
                return Task.CompletedTask;
            }
        }

        private sealed class Recorder : IWaitObserver, IRunwayLog
        {
            private readonly World world;
            public Recorder(World world) { this.world = world; }
            public void Finished(RunwayTask task) => world.Reported[task.Id] = world.Now;
            public void Ended(RunwayTaskException error) => throw new InvalidOperationException(error.Message);
            public void Progress(IReadOnlyList<RunwayTask> unfinished, int finishedCount, int total, TimeSpan elapsed) { }
            public void Verbose(string message) { }
        }

        private static PollSchedule Schedule(World world, int seed) =>
            new PollSchedule(world.Fetch, () => world.Now, world.Delay, new WaitOptions { PollInterval = Interval, Timeout = null }, new Random(seed).NextDouble, null);

        /// <summary>The SDK's loop for the same tasks: a first look after one wait, then one every 6 s ± 1.5 s, until it ends.</summary>
        private static int SdkLooks(World world, int seed)
        {
            var rng = new Random(seed);
            var ends = world.Replay();
            int looks = 0;
            foreach (var (id, at) in world.Created)
                for (DateTimeOffset t = at; t < ends[id].End + TimeSpan.FromTicks(1);)
                {
                    t += TimeSpan.FromSeconds(4.5 + 3 * rng.NextDouble());
                    looks++;
                    if (t >= ends[id].End) break;
                }
            return looks;
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(5)]
        public void A_full_gate_creates_the_next_task_just_after_one_ends_with_about_one_look_per_task(int slots)
        {
            // Times unknown at the start (a fresh process): the first task scouts; the model name keeps other tests' learning apart.
            var world = new World($"gate-{slots}-{Guid.NewGuid():N}", slots, 0.1, 1.4);
            var recorder = new Recorder(world);
            var options = new WaitOptions { PollInterval = Interval, Timeout = null };
            PollSchedule schedule = Schedule(world, slots);
            var gate = new ConcurrencyGate(schedule, (m, t) => Task.FromResult<int?>(slots), null, options, recorder, recorder);
            const int count = 30;
            for (int i = 0; i < count; i++)
            {
                gate.WaitForSlotAsync(world.Model, CancellationToken.None).GetAwaiter().GetResult();
                gate.Track(world.Create());
            }
            while (schedule.Count > 0) schedule.StepAsync(recorder, null, false, CancellationToken.None).GetAwaiter().GetResult();

            var times = world.Replay();
            Assert.Equal(count, world.Reported.Count);
            // Never more than the tier's slots unfinished: no task was ever THROTTLED.
            foreach (var (id, at) in world.Created)
                Assert.True(world.Created.Count(c => c.Created <= at && times[c.Id].End > at) <= slots, $"{id}: over the limit");
            foreach (var (id, _) in world.Created.Skip(2 * slots))
            {
                Assert.Equal(times[id].Start, world.Created.First(c => c.Id == id).Created + TimeSpan.FromSeconds(0.1));
                Assert.InRange(world.Reported[id] - times[id].End, TimeSpan.Zero, new PollPlanner(Interval).EndMargin + TimeSpan.FromMilliseconds(20));
            }
            Assert.InRange(world.Looks, count, count + count / TaskTimes.ProbeEvery + 2 * slots + 3);   // a probe per ProbeEvery tasks
        }

        [Fact]
        public void Times_learned_too_long_are_corrected_by_probes_instead_of_making_every_later_task_late()
        {
            // A scout misled (a look delayed by load, say): the model's tasks are believed to take 3.1 s, not 1.5 s.
            var world = new World($"probe-{Guid.NewGuid():N}", 2, 0.1, 1.4);
            TaskTimes.Learn(world.Model, new PollPlanner.Times(TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(3)));
            var recorder = new Recorder(world);
            PollSchedule schedule = Schedule(world, 2);
            var gate = new ConcurrencyGate(schedule, (m, t) => Task.FromResult<int?>(2), null, new WaitOptions { PollInterval = Interval, Timeout = null }, recorder, recorder);
            const int count = 60;
            for (int i = 0; i < count; i++)
            {
                gate.WaitForSlotAsync(world.Model, CancellationToken.None).GetAwaiter().GetResult();
                gate.Track(world.Create());
            }
            while (schedule.Count > 0) schedule.StepAsync(recorder, null, false, CancellationToken.None).GetAwaiter().GetResult();

            var times = world.Replay();
            var planner = new PollPlanner(Interval);
            // The first probe comes after 8 tasks and each finished probe cuts the times by an eighth: the last half is on time.
            foreach (var (id, _) in world.Created.Skip(count / 2))
                Assert.InRange(world.Reported[id] - times[id].End, TimeSpan.Zero, planner.EndMargin + TimeSpan.FromMilliseconds(20));
            PollPlanner.Times learned = TaskTimes.For(world.Model);
            Assert.InRange((learned.Pending.Value + learned.Run.Value).TotalSeconds, 1.45, 1.56);
            Assert.InRange(world.Looks, count, count + count / 4);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(5)]
        public void A_full_gate_loses_about_the_end_margin_per_slot_cycle_so_a_batch_stays_within_a_percent_of_the_ideal(int slots)
        {
            // The bench's batch at tier limits (100 tasks of 0.1 s pending + 1.4 s run), with creates and looks that cost nothing:
            // what is left over the ideal (tasks ÷ slots × task time) is the plan's own share.
            var world = new World($"wall-{slots}-{Guid.NewGuid():N}", slots, 0.1, 1.4);
            var recorder = new Recorder(world);
            PollSchedule schedule = Schedule(world, slots);
            var gate = new ConcurrencyGate(schedule, (m, t) => Task.FromResult<int?>(slots), null, new WaitOptions { PollInterval = Interval, Timeout = null }, recorder, recorder);
            const int count = 100;
            for (int i = 0; i < count; i++)
            {
                gate.WaitForSlotAsync(world.Model, CancellationToken.None).GetAwaiter().GetResult();
                gate.Track(world.Create());
            }
            while (schedule.Count > 0) schedule.StepAsync(recorder, null, false, CancellationToken.None).GetAwaiter().GetResult();

            Assert.Equal(count, world.Reported.Count);
            TimeSpan ideal = TimeSpan.FromSeconds(count / slots * 1.5);
            TimeSpan over = world.Reported.Values.Max() - T0 - ideal;
            int cycles = count / slots;
            var planner = new PollPlanner(Interval);
            // Each cycle: the look just after the end (the margin), and a few ms of learning error at most.
            Assert.InRange(over, TimeSpan.Zero, TimeSpan.FromTicks(cycles * (planner.EndMargin + TimeSpan.FromMilliseconds(2)).Ticks));
            Assert.True(over.TotalSeconds / ideal.TotalSeconds < 0.01, $"{over.TotalMilliseconds:0} ms over {ideal.TotalSeconds:0} s");
            Assert.InRange(world.Looks, count, count + count / TaskTimes.ProbeEvery + 2 * slots + 3);   // a probe per ProbeEvery tasks
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void Tasks_queued_by_the_server_are_looked_at_when_the_queue_reaches_them_not_every_interval(int slots)
        {
            var world = new World($"queue-{slots}-{Guid.NewGuid():N}", slots, 0.3, 3);
            var recorder = new Recorder(world);
            PollSchedule schedule = Schedule(world, slots);
            schedule.SetSlots(world.Model, slots);
            const int count = 40;
            for (int i = 0; i < count; i++)
            {
                schedule.Add(world.Create());
                world.Now += TimeSpan.FromMilliseconds(5);
            }
            while (schedule.Count > 0) schedule.StepAsync(recorder, null, false, CancellationToken.None).GetAwaiter().GetResult();

            var times = world.Replay();
            var planner = new PollPlanner(Interval);
            Assert.Equal(count, world.Reported.Count);
            // Never later than the SDK's slowest look could report it, and after the first few, just after the end.
            foreach (var (id, _) in world.Created)
                Assert.InRange(world.Reported[id] - times[id].End, TimeSpan.Zero, planner.MaxGap);
            string lates = string.Join("; ", world.Created.Select(c => $"{c.Id} s{(times[c.Id].Start - T0).TotalSeconds:0.###} late {(world.Reported[c.Id] - times[c.Id].End).TotalMilliseconds:0}"));
            foreach (var (id, _) in world.Created.Skip(2 * slots + 2))
                Assert.True(world.Reported[id] - times[id].End <= planner.EndMargin + TimeSpan.FromMilliseconds(20), $"{world.Looks} looks: " + lates);
            int sdk = SdkLooks(world, 11);
            Assert.True(world.Looks * 2 <= sdk, $"{world.Looks} looks; the SDK's loop takes {sdk}");
        }

        [Fact]
        public void Without_the_tier_s_slot_count_throttled_tasks_are_looked_at_every_interval_as_before()
        {
            var world = new World($"noslots-{Guid.NewGuid():N}", 1, 0.3, 3);
            var recorder = new Recorder(world);
            PollSchedule schedule = Schedule(world, 3);
            for (int i = 0; i < 10; i++) schedule.Add(world.Create());
            while (schedule.Count > 0) schedule.StepAsync(recorder, null, false, CancellationToken.None).GetAwaiter().GetResult();
            var times = world.Replay();
            Assert.Equal(10, world.Reported.Count);
            foreach (var (id, _) in world.Created)
                Assert.InRange(world.Reported[id] - times[id].End, TimeSpan.Zero, new PollPlanner(Interval).MaxGap);
        }
    }
}
