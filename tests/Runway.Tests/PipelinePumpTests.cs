using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Runway.Shell;
using Xunit;

namespace Runway.Tests
{
    public class PipelinePumpTests
    {
        [Fact]
        public void Completion_wakes_the_pump_without_relying_on_its_idle_timeout()
        {
            // An infinite idle timeout: only the task's completion can end the wait.
            var pump = new PipelinePump(Timeout.Infinite);
            var gate = new TaskCompletionSource<bool>();
            Task work = Task.Run(async () =>
            {
                await gate.Task.ConfigureAwait(false);
            });
            var release = new Timer(_ => gate.SetResult(true), null, 50, Timeout.Infinite);
            Task pumping = Task.Run(() => pump.Pump(work));
            Assert.True(pumping.Wait(TimeSpan.FromSeconds(30)), "the pump did not return after the work completed");
            release.Dispose();
        }

        [Fact]
        public void Runs_every_posted_action_on_the_pumping_thread_in_order_before_returning()
        {
            var pump = new PipelinePump(Timeout.Infinite);
            var seen = new List<int>();
            var threads = new HashSet<int>();
            Task work = Task.Run(async () =>
            {
                for (int i = 0; i < 100; i++)
                {
                    int n = i;
                    pump.Post(() => { seen.Add(n); threads.Add(Environment.CurrentManagedThreadId); });
                    if (i % 10 == 0) await Task.Yield();
                }
            });
            int pumpThread = Environment.CurrentManagedThreadId;
            pump.Pump(work);
            Assert.Equal(100, seen.Count);
            for (int i = 0; i < 100; i++) Assert.Equal(i, seen[i]);
            Assert.Equal(new[] { pumpThread }, threads);
        }

        [Fact]
        public void A_task_that_is_already_complete_returns_at_once()
        {
            var pump = new PipelinePump(Timeout.Infinite);
            bool ran = false;
            pump.Post(() => ran = true);
            pump.Pump(Task.CompletedTask);
            Assert.True(ran);
        }

        [Fact]
        public void A_post_after_dispose_is_dropped_and_a_second_dispose_does_nothing()
        {
            var pump = new PipelinePump(Timeout.Infinite);
            pump.Dispose();
            // A download's progress arriving after the command ended (Ctrl+C) has nowhere to go, and is no error.
            Assert.Null(Record.Exception(() => pump.Post(() => { })));
            Assert.Null(Record.Exception(pump.Dispose));
        }
    }
}
