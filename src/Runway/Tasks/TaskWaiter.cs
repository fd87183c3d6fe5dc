using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;
using Runway.Models;

namespace Runway.Tasks
{
    public sealed class WaitOptions
    {
        public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(6);
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

        public TimeSpan PollInterval { get; set; } = DefaultPollInterval;
        /// <summary>Null waits without limit.</summary>
        public TimeSpan? Timeout { get; set; } = DefaultTimeout;
        /// <summary>The options of the cmdlets' -PollIntervalSec and -TimeoutSec (0 waits without limit).</summary>
        public static WaitOptions FromSeconds(double pollIntervalSec, int timeoutSec) => new WaitOptions
        {
            PollInterval = TimeSpan.FromSeconds(pollIntervalSec),
            Timeout = timeoutSec == 0 ? (TimeSpan?)null : TimeSpan.FromSeconds(timeoutSec),
        };

        /// <summary>How many status requests may be in flight at once.</summary>
        public int MaxParallelPolls { get; set; } = 8;
    }

    /// <summary>What the waiter reports; calls arrive on pool threads, so implementations forward to the pipeline.</summary>
    public interface IWaitObserver
    {
        void Finished(RunwayTask task);
        void Ended(RunwayTaskException error);
        void Progress(IReadOnlyList<RunwayTask> unfinished, int finishedCount, int total, TimeSpan elapsed);
    }

    /// <summary>
    /// One polling loop for any number of tasks: each task has its own next look, planned by
    /// <see cref="PollPlanner"/> (never more than the interval + 25 % after the last one); the loop sleeps until
    /// the earliest, fetches every task due then (a few at a time), and reports those that ended.
    /// Ctrl+C stops the waiting, never the tasks.
    /// </summary>
    public sealed class TaskWaiter
    {
        private readonly RunwayApi api;
        private readonly WaitOptions options;
        private readonly Random random = new Random();

        public TaskWaiter(RunwayApi api, WaitOptions options)
        {
            this.api = api;
            this.options = options;
        }

        private int pollRequests;

        /// <summary>Status requests sent so far (benchmarks compare it with the SDK's).</summary>
        public int PollRequests => pollRequests;

        private sealed class Tracked
        {
            public RunwayTask Task;
            public DateTimeOffset? CreatedAt;
            public PollPlanner.Observation Last;
            public DateTimeOffset Due;
        }

        public async Task WaitAsync(IEnumerable<RunwayTask> tasks, IWaitObserver observer, CancellationToken cancellation)
        {
            var planner = new PollPlanner(options.PollInterval);
            DateTimeOffset started = DateTimeOffset.UtcNow;
            var tracked = new List<Tracked>();
            foreach (RunwayTask task in tasks)
            {
                if (tracked.Any(t => string.Equals(t.Task.Id, task.Id, StringComparison.OrdinalIgnoreCase))) continue;
                tracked.Add(new Tracked { Task = task, CreatedAt = task.CreatedAt, Due = planner.First(task, started, NextRandom()) });
            }
            int total = tracked.Count;
            DateTimeOffset? deadline = options.Timeout.HasValue ? started + options.Timeout.Value : (DateTimeOffset?)null;
            // Looks due this close together go out in one batch.
            TimeSpan coalesce = planner.MinGap < TimeSpan.FromMilliseconds(50) ? planner.MinGap : TimeSpan.FromMilliseconds(50);

            while (tracked.Count > 0)
            {
                DateTimeOffset wake = tracked.Min(t => t.Due);
                if (deadline.HasValue && wake > deadline.Value) wake = deadline.Value;
                TimeSpan sleep = wake - DateTimeOffset.UtcNow;
                if (sleep > TimeSpan.Zero)
                    await Task.Delay(sleep, cancellation).ConfigureAwait(false);

                DateTimeOffset now = DateTimeOffset.UtcNow;
                bool last = deadline.HasValue && now >= deadline.Value;
                Tracked[] due = last ? tracked.ToArray() : tracked.Where(t => t.Due <= now + coalesce).ToArray();
                if (due.Length > 0)
                {
                    var results = await PollAsync(due.Select(t => t.Task).ToArray(), cancellation).ConfigureAwait(false);
                    for (int i = 0; i < due.Length; i++)
                    {
                        Tracked entry = due[i];
                        (RunwayTask latest, Exception error, DateTimeOffset at) = results[i];
                        if (error != null)
                        {
                            if (IsPermanent(error))
                            {
                                tracked.Remove(entry);
                                observer.Ended(RunwayTaskException.Lost(entry.Task, error));
                            }
                            else
                            {
                                entry.Due = planner.Next(null, null, null, at, NextRandom());
                            }
                            continue;
                        }
                        latest.KeepKnown(entry.Task);
                        if (ReportIfFinished(latest, observer))
                        {
                            tracked.Remove(entry);
                            continue;
                        }
                        var seen = PollPlanner.Observation.Of(latest, at);
                        entry.CreatedAt = entry.CreatedAt ?? latest.CreatedAt;
                        entry.Due = planner.Next(entry.Last, seen, entry.CreatedAt, at, NextRandom());
                        entry.Last = seen;
                        entry.Task = latest;
                    }
                    TimeSpan elapsed = DateTimeOffset.UtcNow - started;
                    observer.Progress(tracked.Select(t => t.Task).ToList().AsReadOnly(), total - tracked.Count, total, elapsed);
                }
                if (last && tracked.Count > 0)
                {
                    TimeSpan elapsed = DateTimeOffset.UtcNow - started;
                    foreach (Tracked entry in tracked)
                        observer.Ended(RunwayTaskException.TimedOut(entry.Task, elapsed));
                    return;
                }
            }
        }

        /// <summary>
        /// Fetches each task once; reports those that ended (succeeded to <see cref="IWaitObserver.Finished"/>,
        /// anything else to <see cref="IWaitObserver.Ended"/>) and returns the latest state of the others.
        /// A transient failure (already retried by the client) keeps the task for the next round.
        /// </summary>
        public async Task<IReadOnlyList<RunwayTask>> PollOnceAsync(IReadOnlyList<RunwayTask> tasks, IWaitObserver observer, CancellationToken cancellation)
        {
            RunwayTask[] round = tasks.ToArray();
            var results = await PollAsync(round, cancellation).ConfigureAwait(false);
            var stillRunning = new List<RunwayTask>();
            for (int i = 0; i < round.Length; i++)
            {
                (RunwayTask latest, Exception error, DateTimeOffset _) = results[i];
                RunwayTask original = round[i];
                if (error != null)
                {
                    if (IsPermanent(error)) observer.Ended(RunwayTaskException.Lost(original, error));
                    else stillRunning.Add(original);
                    continue;
                }
                latest.KeepKnown(original);
                if (!ReportIfFinished(latest, observer)) stillRunning.Add(latest);
            }
            return stillRunning;
        }

        /// <summary>A finished task goes to the observer: succeeded as output, failed or cancelled as an error.</summary>
        private static bool ReportIfFinished(RunwayTask latest, IWaitObserver observer)
        {
            if (!latest.IsFinished) return false;
            if (latest.Status == RunwayTask.Succeeded) observer.Finished(latest);
            else if (latest.Status == RunwayTask.Failed) observer.Ended(RunwayTaskException.Failed(latest));
            else observer.Ended(RunwayTaskException.Cancelled(latest));
            return true;
        }

        private async Task<(RunwayTask, Exception, DateTimeOffset)[]> PollAsync(RunwayTask[] round, CancellationToken cancellation)
        {
            var results = new (RunwayTask, Exception, DateTimeOffset)[round.Length];
            using (var gate = new SemaphoreSlim(Math.Max(1, options.MaxParallelPolls)))
            {
                await Task.WhenAll(round.Select(async (task, i) =>
                {
                    await gate.WaitAsync(cancellation).ConfigureAwait(false);
                    try
                    {
                        Interlocked.Increment(ref pollRequests);
                        RunwayTask latest = await api.GetTaskAsync(task.Id, cancellation).ConfigureAwait(false);
                        results[i] = (latest, null, DateTimeOffset.UtcNow);
                    }
                    catch (RunwayApiException ex)
                    {
                        results[i] = (null, ex, DateTimeOffset.UtcNow);
                    }
                    finally
                    {
                        gate.Release();
                    }
                })).ConfigureAwait(false);
            }
            return results;
        }

        /// <summary>A task that is gone or unreadable stays so; a transient failure (already retried by the client) is tried again next round.</summary>
        private static bool IsPermanent(Exception error) =>
            error is RunwayApiException api && (api.StatusCode == 400 || api.StatusCode == 401 || api.StatusCode == 403 || api.StatusCode == 404);


        private double NextRandom()
        {
            lock (random) return random.NextDouble();
        }

        internal TimeSpan Jitter(TimeSpan interval)
        {
            double factor;
            lock (random) factor = 0.75 + random.NextDouble() * 0.5;
            return TimeSpan.FromMilliseconds(interval.TotalMilliseconds * factor);
        }
    }
}
