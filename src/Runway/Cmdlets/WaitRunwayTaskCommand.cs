using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;
using Runway.Models;
using Runway.Tasks;

using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>
    /// Waits for tasks to finish, all of them in one polling loop. Emits each finished task as soon as it
    /// succeeds; a failed, cancelled, vanished or timed-out task is a non-terminating error that keeps its id.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "RunwayTask", DefaultParameterSetName = TaskSet, HelpUri = RunwayCmdlet.HelpUriBase + "Wait-RunwayTask.md")]
    [OutputType(typeof(RunwayTask))]
    public sealed class WaitRunwayTaskCommand : RunwayCmdlet
    {
        private const string TaskSet = "Task";
        private const string IdSet = "Id";
        private readonly List<RunwayTask> tasks = new List<RunwayTask>();
        private readonly HashSet<string> reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // -Any: the first task has ended and was output; what is piped after it is not waited for.
        private bool anyEnded;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = TaskSet)]
        [ValidateNotNull]
        public RunwayTask[]? InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = IdSet)]
        [ValidateNotNullOrEmpty]
        [Alias("TaskId")]
        [ArgumentCompleter(typeof(Completion.TaskIdCompleter))]
        [ResourceIdInput("task", typeof(RunwayTask))]
        public string[]? Id { get; set; }

        /// <summary>Give up waiting after this many seconds (the tasks go on). 0 waits without limit. Default 600, like the SDKs.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        [WholeNumber]
        public int TimeoutSec { get; set; } = (int)WaitOptions.DefaultTimeout.TotalSeconds;

        /// <summary>Seconds between status checks, varied by ±25 % so that many waiters spread out. Default 6, like the SDKs.</summary>
        [Parameter]
        [ValidateRange(0.05, 3600)]
        public double PollIntervalSec { get; set; } = WaitOptions.DefaultPollInterval.TotalSeconds;

        /// <summary>
        /// Return as soon as the first of the tasks ends (output if it succeeded, an error if not); the others keep running.
        /// Piped tasks are output as soon as one is seen ended, and later ones are ignored (the commands before this one still run to their end).
        /// </summary>
        [Parameter]
        public SwitchParameter Any { get; set; }

        protected override void OnRecord()
        {
            // PowerShell 5.1's public API cannot stop the commands up the pipeline: the rest of their output is let through unread.
            if (anyEnded) return;
            if (ParameterSetName == TaskSet)
                tasks.AddRange(InputObject.Where(t => t != null && !string.IsNullOrEmpty(t.Id) && IsTaskId(t.Id)));
            else
                tasks.AddRange(Id.Where(IsTaskId).Select(id => new RunwayTask { Id = id }));
            ReportSeenEnded();
        }

        /// <summary>
        /// Outputs now, not after the last input, every task this process has already seen end (the creating command up
        /// the pipeline sees each end while it waits for a free slot): `New-X | Wait-RunwayTask` then reports a task about
        /// when -Wait would, with no request. With -Any, the first such task ends the wait.
        /// </summary>
        private void ReportSeenEnded()
        {
            var direct = new DirectReport(this);
            for (int i = 0; i < tasks.Count && !anyEnded; i++)
            {
                if (!(TaskSightings.Shared.FinishedSince(tasks[i], DateTimeOffset.UtcNow) is RunwayTask ended)) continue;
                // A task piped twice is reported once, as the waiter does.
                bool first = reported.Add(ended.Id ?? "");
                if (first && !PollSchedule.ReportIfFinished(ended, direct)) continue;
                tasks.RemoveAt(i--);
                anyEnded = first && Any;
            }
        }

        protected override void EndProcessing()
        {
            if (tasks.Count == 0 || anyEnded) return;
            WaitOptions options = WaitOptions.FromSeconds(PollIntervalSec, TimeoutSec);
            var progress = WaitReporter.Output(this);
            try
            {
                RunForItem(tasks.Count == 1 ? (object?)tasks[0].Id : tasks.Select(t => t.Id).ToArray(),
                    token => Any ? WaitAnyAsync(options, progress, token) : new TaskWaiter(Api, options).WaitAsync(tasks, progress, token));
            }
            finally
            {
                progress.Complete();
            }
        }

        private async Task WaitAnyAsync(WaitOptions options, WaitReporter progress, CancellationToken cancellation)
        {
            using (var first = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
            {
                try
                {
                    await new TaskWaiter(Api, options).WaitAsync(tasks, new FirstEnd(progress, first), first.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (first.IsCancellationRequested && !cancellation.IsCancellationRequested)
                {
                    // The first task ended: the wait for the others stops, the tasks themselves go on.
                }
            }
        }

        /// <summary>Writes an ended task at once: only used on the pipeline thread, outside any wait.</summary>
        private sealed class DirectReport : IWaitObserver
        {
            private readonly WaitRunwayTaskCommand cmdlet;

            public DirectReport(WaitRunwayTaskCommand cmdlet) => this.cmdlet = cmdlet;

            public void Finished(RunwayTask task) => cmdlet.WriteObject(task);

            public void Ended(RunwayTaskException failure) => cmdlet.WriteError(ErrorPolicy.FromException(failure, failure.Task));

            public void Progress(IReadOnlyList<RunwayTask> unfinished, int finishedCount, int total, TimeSpan elapsed)
            {
            }
        }

        /// <summary>Passes on the first task that ends (and every time-out), then stops the wait.</summary>
        private sealed class FirstEnd : IWaitObserver, IPollTroubleObserver
        {
            private readonly WaitReporter inner;
            private readonly CancellationTokenSource stop;
            private int ended;

            public FirstEnd(WaitReporter inner, CancellationTokenSource stop)
            {
                this.inner = inner;
                this.stop = stop;
            }

            public void Finished(RunwayTask task)
            {
                if (Interlocked.Exchange(ref ended, 1) != 0) return;
                inner.Finished(task);
                stop.Cancel();
            }

            public void Ended(RunwayTaskException failure)
            {
                if (failure.ErrorId == "Runway.TaskTimedOut")
                {
                    if (Volatile.Read(ref ended) == 0) inner.Ended(failure);
                    return;
                }
                if (Interlocked.Exchange(ref ended, 1) != 0) return;
                inner.Ended(failure);
                stop.Cancel();
            }

            public void Progress(IReadOnlyList<RunwayTask> unfinished, int finishedCount, int total, TimeSpan elapsed) =>
                inner.Progress(unfinished, finishedCount, total, elapsed);

            public void PollFailing(RunwayTask task, Exception cause) => inner.PollFailing(task, cause);
        }
    }
}
