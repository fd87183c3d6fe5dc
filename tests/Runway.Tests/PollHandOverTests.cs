using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;
using Runway.Tasks;
using Xunit;

namespace Runway.Tests
{
    /// <summary>
    /// Handing tasks from the command that created them to a wait (<c>New-RunwayVideo | Wait-RunwayTask</c>, or
    /// <c>-Wait</c>), played in simulated time: the wait continues the creator's plans (<see cref="TaskSightings"/>)
    /// whichever task objects it is handed, so both forms send the same looks at the same times.
    /// </summary>
    public class PollHandOverTests
    {
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(6);
        private static readonly WaitOptions Options = new WaitOptions { PollInterval = Interval, Timeout = null };

        /// <summary>Tasks that are PENDING for a while, then RUNNING (progress rising), then SUCCEEDED; every look is logged.</summary>
        private sealed class World
        {
            private readonly TimeSpan pending = TimeSpan.FromSeconds(0.1);
            private readonly TimeSpan run = TimeSpan.FromSeconds(1.4);
            private readonly Dictionary<string, DateTimeOffset> created = new Dictionary<string, DateTimeOffset>();

            public World(string model) { Model = model; }

            public string Model { get; }
            public DateTimeOffset Now { get; set; } = T0;
            public List<(string Id, DateTimeOffset At)> Looks { get; } = new List<(string, DateTimeOffset)>();

            public RunwayTask Create()
            {
                string id = "t" + created.Count;
                created[id] = Now;
                return new RunwayTask { Id = id, Status = RunwayTask.Pending, CreatedAt = Now, Model = Model, RetrievedAt = Now };
            }

            public DateTimeOffset EndOf(string id) => created[id] + pending + run;

            public Task<RunwayTask> Fetch(string id, CancellationToken _)
            {
                Looks.Add((id, Now));
                DateTimeOffset start = created[id] + pending;
                var task = new RunwayTask { Id = id, CreatedAt = created[id], RetrievedAt = Now };
                if (Now >= start + run) task.Status = RunwayTask.Succeeded;
                else if (Now >= start)
                {
                    task.Status = RunwayTask.Running;
                    task.Progress = Math.Round((Now - start).TotalSeconds / run.TotalSeconds, 3);
                }
                else task.Status = RunwayTask.Pending;
                return Task.FromResult(task);
            }

            public Task Delay(TimeSpan span, CancellationToken _)
            {
                Now += span;
                return Task.CompletedTask;
            }

            public PollSchedule Schedule(int seed, TaskSightings sightings) =>
                new PollSchedule(Fetch, () => Now, Delay, Options, new Random(seed).NextDouble, null, sightings);
        }

        private sealed class Recorder : IWaitObserver, IRunwayLog
        {
            private readonly World world;
            public Recorder(World world) { this.world = world; }
            public Dictionary<string, (DateTimeOffset At, RunwayTask Task)> Reported { get; } = new Dictionary<string, (DateTimeOffset, RunwayTask)>();
            public void Finished(RunwayTask task) => Reported[task.Id] = (world.Now, task);
            public void Ended(RunwayTaskException error) => throw new InvalidOperationException(error.Message);
            public void Progress(IReadOnlyList<RunwayTask> unfinished, int finishedCount, int total, TimeSpan elapsed) { }
            public void Verbose(string message) { }
        }

        /// <summary>Silent, as a command without -Wait is: the tasks it sees end are reported by the wait it hands them to.</summary>
        private sealed class Silent : IWaitObserver, IRunwayLog
        {
            public void Finished(RunwayTask task) { }
            public void Ended(RunwayTaskException error) { }
            public void Progress(IReadOnlyList<RunwayTask> unfinished, int finishedCount, int total, TimeSpan elapsed) { }
            public void Verbose(string message) { }
        }

        /// <summary>A batch through a gate of <paramref name="slots"/>, then one wait for what is handed on; the looks and the reports.</summary>
        private static (World World, Recorder Reports) Batch(bool pipe, int slots, int count)
        {
            // A model of its own: what one form teaches (TaskTimes is per process) must not help the other.
            var world = new World($"handover-{pipe}-{slots}-{Guid.NewGuid():N}");
            var sightings = new TaskSightings(1000);
            var recorder = new Recorder(world);
            IWaitObserver gateObserver = pipe ? (IWaitObserver)new Silent() : recorder;
            PollSchedule schedule = world.Schedule(1, sightings);
            var gate = new ConcurrencyGate(schedule, (m, t) => Task.FromResult<int?>(slots), null, Options, new Silent(), gateObserver);
            var created = new List<RunwayTask>();
            for (int i = 0; i < count; i++)
            {
                gate.WaitForSlotAsync(world.Model, CancellationToken.None).GetAwaiter().GetResult();
                RunwayTask task = world.Create();
                gate.Track(task);
                created.Add(task);
                world.Now += TimeSpan.FromMilliseconds(3);
            }
            // -Wait hands on the gate's tasks as last seen; the pipe hands on the objects output at creation.
            IEnumerable<RunwayTask> handed = pipe ? created : gate.Unfinished.ToList();
            new TaskWaiter(Options, () => world.Schedule(2, sightings)).WaitAsync(handed, recorder, CancellationToken.None).GetAwaiter().GetResult();
            return (world, recorder);
        }

        [Theory]
        [InlineData(1, 12)]
        [InlineData(2, 12)]
        [InlineData(5, 12)]
        [InlineData(20, 12)]
        public void The_pipe_form_sends_the_same_looks_at_the_same_times_as_wait(int slots, int count)
        {
            var (waitWorld, waitReports) = Batch(pipe: false, slots, count);
            var (pipeWorld, pipeReports) = Batch(pipe: true, slots, count);

            Assert.Equal(count, waitReports.Reported.Count);
            Assert.Equal(count, pipeReports.Reported.Count);
            Assert.Equal(waitWorld.Looks, pipeWorld.Looks);
            foreach (var (id, report) in pipeReports.Reported)
            {
                Assert.Equal(RunwayTask.Succeeded, report.Task.Status);
                // Reported at the end of the batch at the latest, never before the task ended.
                Assert.True(report.At >= pipeWorld.EndOf(id));
            }
        }

        [Fact]
        public void A_task_seen_finished_is_never_looked_at_again()
        {
            var (world, _) = Batch(pipe: true, 2, 12);
            foreach (var group in world.Looks.GroupBy(l => l.Id))
                Assert.True(group.Count(l => l.At >= world.EndOf(group.Key)) <= 1, $"{group.Key}: looked at again after a look found it finished");
        }

        [Fact]
        public void A_task_read_outside_a_plan_is_not_looked_at_again_at_once_when_handed_to_a_wait()
        {
            var world = new World($"seen-{Guid.NewGuid():N}");
            var sightings = new TaskSightings(10);
            RunwayTask stale = world.Create();
            world.Now = T0.AddSeconds(0.8);
            // Get-RunwayTask read it RUNNING (through the API hook); the object piped on is the one from its creation.
            sightings.Saw(world.Fetch(stale.Id, CancellationToken.None).GetAwaiter().GetResult());
            var recorder = new Recorder(world);
            new TaskWaiter(Options, () => world.Schedule(3, sightings)).WaitAsync(new[] { stale }, recorder, CancellationToken.None).GetAwaiter().GetResult();

            var planner = new PollPlanner(Interval);
            Assert.Equal(T0.AddSeconds(0.8), world.Looks[0].At);
            Assert.True(world.Looks[1].At - world.Looks[0].At >= planner.EndMargin, "the wait looked again at once");
            Assert.True(recorder.Reported.ContainsKey(stale.Id));
        }

        [Fact]
        public void Two_reads_outside_a_plan_give_the_rate_and_a_newer_object_than_the_sighting_wins()
        {
            var sightings = new TaskSightings(10);
            sightings.Saw(new RunwayTask { Id = "a", Status = RunwayTask.Running, Progress = 0.2, CreatedAt = T0, RetrievedAt = T0.AddSeconds(1) });
            sightings.Saw(new RunwayTask { Id = "a", Status = RunwayTask.Running, Progress = 0.4, CreatedAt = T0, RetrievedAt = T0.AddSeconds(2) });
            TaskSighting seen = sightings.Find("A");
            Assert.Equal(0.2, seen.Previous.Progress);
            Assert.Equal(0.4, seen.Last.Progress);
            Assert.True(PollPlanner.HasRate(seen.Previous, seen.Last));
            // An older read arriving late changes nothing.
            sightings.Saw(new RunwayTask { Id = "a", Status = RunwayTask.Pending, CreatedAt = T0, RetrievedAt = T0.AddSeconds(0.5) });
            Assert.Equal(0.4, sightings.Find("a").Last.Progress);
            Assert.False(seen.NotOlderThan(new RunwayTask { Id = "a", Status = RunwayTask.Running, RetrievedAt = T0.AddSeconds(3) }));
            Assert.True(seen.NotOlderThan(new RunwayTask { Id = "a" }));
        }

        [Fact]
        public void A_finished_sighting_is_reused_only_while_its_output_urls_are_fresh_and_keeps_what_the_handed_object_knew()
        {
            var sightings = new TaskSightings(10);
            sightings.Saw(new RunwayTask { Id = "done", Status = RunwayTask.Succeeded, Output = new[] { "https://x/o.mp4" }, CreatedAt = T0, RetrievedAt = T0.AddSeconds(2) });
            var handed = new RunwayTask { Id = "done", Status = RunwayTask.Pending, Prompt = "a fox", CreatedAt = T0, RetrievedAt = T0 };
            RunwayTask finished = sightings.FinishedSince(handed, T0.AddMinutes(5));
            Assert.Equal(RunwayTask.Succeeded, finished.Status);
            Assert.Equal("a fox", finished.Prompt);
            Assert.Null(sightings.Find("done").Task.Prompt);   // a copy: the sighting itself is not changed
            Assert.Null(sightings.FinishedSince(handed, T0.AddSeconds(2) + TaskSightings.FinishedFor + TimeSpan.FromSeconds(1)));
            Assert.Null(sightings.FinishedSince(new RunwayTask { Id = "running", Status = RunwayTask.Running }, T0));
        }

        [Fact]
        public void Sightings_are_bounded_the_least_recently_seen_forgotten_first_workflow_runs_are_not_kept_and_a_stopped_task_is_forgotten()
        {
            var sightings = new TaskSightings(3);
            foreach (string id in new[] { "a", "b", "c" })
                sightings.Saw(new RunwayTask { Id = id, Status = RunwayTask.Running, Progress = 0.1, RetrievedAt = T0 });
            sightings.Saw(new RunwayTask { Id = "a", Status = RunwayTask.Running, Progress = 0.2, RetrievedAt = T0.AddSeconds(1) });
            sightings.Saw(new RunwayTask { Id = "d", Status = RunwayTask.Running, Progress = 0.1, RetrievedAt = T0.AddSeconds(1) });
            Assert.Equal(3, sightings.Count);
            Assert.Null(sightings.Find("b"));
            Assert.NotNull(sightings.Find("a"));
            sightings.Saw(new RunwayTask { Id = "run", Status = RunwayTask.Running, Endpoint = WorkflowApi.RunEndpoint, RetrievedAt = T0 });
            Assert.Null(sightings.Find("run"));
            // Stop-RunwayTask forgets a task: its plan and last state no longer hold.
            sightings.Forget("A");
            Assert.Null(sightings.Find("a"));
            Assert.Equal(2, sightings.Count);
        }
    }
}
