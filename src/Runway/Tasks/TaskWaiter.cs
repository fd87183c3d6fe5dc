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
        void Ended(RunwayTaskException failure);
        void Progress(IReadOnlyList<RunwayTask> unfinished, int finishedCount, int total, TimeSpan elapsed);
    }

    /// <summary>
    /// One polling loop for any number of tasks: each task has its own next look, planned by
    /// <see cref="PollPlanner"/> (never more than the interval + 25 % after the last one); the loop sleeps until
    /// the earliest, fetches every task due then (a few at a time), and reports those that ended. A task this
    /// process has seen (<see cref="TaskSightings"/>) continues its plan, and one seen finished is reported at once.
    /// Ctrl+C stops the waiting, never the tasks.
    /// </summary>
    public sealed class TaskWaiter
    {
        private readonly RunwayApi? api;
        private readonly WaitOptions options;
        private readonly Random random = new Random();

        public TaskWaiter(RunwayApi api, WaitOptions options)
        {
            this.api = api;
            this.options = options;
        }

        private readonly Func<PollSchedule>? schedules;

        /// <summary>A waiter over schedules of any fetch and clock (tests play whole waits in simulated time with it; Timeout must be null).</summary>
        internal TaskWaiter(WaitOptions options, Func<PollSchedule> schedules)
        {
            this.options = options;
            this.schedules = schedules;
        }

        private int pollRequests;

        /// <summary>Status requests sent so far (benchmarks compare it with the SDK's).</summary>
        public int PollRequests => pollRequests;

        public async Task WaitAsync(IEnumerable<RunwayTask> tasks, IWaitObserver observer, CancellationToken cancellation)
        {
            var schedule = NewSchedule(SlotsOfAsync);
            DateTimeOffset started = schedule.Now;
            var already = new List<RunwayTask>();
            var alreadyIds = new HashSet<string?>(StringComparer.OrdinalIgnoreCase);
            foreach (RunwayTask task in tasks)
            {
                // Seen finished moments ago (by the command that created it, say): reported as seen, without a request.
                RunwayTask? finished = schedule.FinishedAlready(task);
                if (finished == null) schedule.Add(task, started);
                else if (alreadyIds.Add(finished.Id)) already.Add(finished);
            }
            int total = schedule.Count + already.Count;
            foreach (RunwayTask finished in already) PollSchedule.ReportIfFinished(finished, observer);
            if (already.Count > 0) observer.Progress(schedule.Tasks, already.Count, total, schedule.Now - started);
            DateTimeOffset? deadline = options.Timeout.HasValue ? started + options.Timeout.Value : (DateTimeOffset?)null;
            using (OperationDeadline.Until(deadline))
            try
            {
                while (schedule.Count > 0)
                {
                    bool polled = await schedule.StepAsync(observer, deadline, true, cancellation).ConfigureAwait(false);
                    if (polled)
                        observer.Progress(schedule.Tasks, total - schedule.Count, total, schedule.Now - started);
                    if (schedule.WokeBy && schedule.Count > 0)
                    {
                        TimeSpan elapsed = schedule.Now - started;
                        foreach (RunwayTask task in schedule.Tasks)
                            observer.Ended(RunwayTaskException.TimedOut(task, elapsed, schedule.FailureOf(task.Id)));
                        return;
                    }
                }
            }
            finally
            {
                Interlocked.Add(ref pollRequests, schedule.PollRequests);
            }
        }

        /// <summary>A schedule that polls with this waiter's options and randomness.</summary>
        internal PollSchedule NewSchedule(Func<string, CancellationToken, Task<int?>>? slotsLookup) =>
            schedules?.Invoke() ?? new PollSchedule(Api, options, NextRandom, slotsLookup);

        // Null only for a waiter over given schedules (tests), which sends no request of its own.
        private RunwayApi Api => api ?? throw new InvalidOperationException("This waiter polls the schedules it was given.");

        /// <summary>The tier's slots for a model, for the queue model of THROTTLED tasks; null when unknown or unreadable.</summary>
        private async Task<int?> SlotsOfAsync(string model, CancellationToken cancellation)
        {
            try
            {
                return await TierLimits.MaxConcurrentAsync(Api, model, cancellation).ConfigureAwait(false);
            }
            catch (RunwayApiException)
            {
                return null;
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
            var schedule = NewSchedule(null);
            var results = await schedule.PollAsync(round, cancellation).ConfigureAwait(false);
            Interlocked.Add(ref pollRequests, schedule.PollRequests);
            var stillRunning = new List<RunwayTask>();
            for (int i = 0; i < round.Length; i++)
            {
                (RunwayTask? latest, Exception? error, DateTimeOffset _) = results[i];
                RunwayTask original = round[i];
                if (error != null)
                {
                    if (PollSchedule.PastDeadline(error)) observer.Ended(RunwayTaskException.RetryAfterPastTimeout(original, (RunwayApiException)error));
                    else if (PollSchedule.IsPermanent(error)) observer.Ended(RunwayTaskException.Lost(original, error));
                    else stillRunning.Add(original);
                    continue;
                }
                // PollAsync gives each task an answer or an error.
                if (latest == null) continue;
                latest.KeepKnown(original);
                if (!PollSchedule.ReportIfFinished(latest, observer)) stillRunning.Add(latest);
            }
            return stillRunning;
        }

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
