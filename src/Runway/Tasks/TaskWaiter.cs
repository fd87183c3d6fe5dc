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
    /// One polling loop for any number of tasks: each round fetches every unfinished task (a few at a time),
    /// reports those that ended, then sleeps the interval with ±25 % jitter. Ctrl+C stops the waiting, never the tasks.
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

        public async Task WaitAsync(IEnumerable<RunwayTask> tasks, IWaitObserver observer, CancellationToken cancellation)
        {
            var unfinished = new List<RunwayTask>();
            foreach (RunwayTask task in tasks)
            {
                if (unfinished.Any(t => string.Equals(t.Id, task.Id, StringComparison.OrdinalIgnoreCase))) continue;
                unfinished.Add(task);
            }
            int total = unfinished.Count;
            DateTimeOffset started = DateTimeOffset.UtcNow;

            while (unfinished.Count > 0)
            {
                unfinished = new List<RunwayTask>(await PollOnceAsync(unfinished, observer, cancellation).ConfigureAwait(false));
                TimeSpan elapsed = DateTimeOffset.UtcNow - started;
                observer.Progress(unfinished.AsReadOnly(), total - unfinished.Count, total, elapsed);
                if (unfinished.Count == 0) break;

                TimeSpan delay = Jitter(options.PollInterval);
                if (options.Timeout.HasValue)
                {
                    TimeSpan left = options.Timeout.Value - elapsed;
                    if (left <= TimeSpan.Zero)
                    {
                        foreach (RunwayTask task in unfinished)
                            observer.Ended(RunwayTaskException.TimedOut(task, elapsed));
                        return;
                    }
                    if (delay > left) delay = left;
                }
                await Task.Delay(delay, cancellation).ConfigureAwait(false);
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
                (RunwayTask latest, Exception error) = results[i];
                RunwayTask original = round[i];
                if (error != null)
                {
                    if (IsPermanent(error)) observer.Ended(RunwayTaskException.Lost(original, error));
                    else stillRunning.Add(original);
                    continue;
                }
                CopyKnown(original, latest);
                if (!latest.IsFinished) stillRunning.Add(latest);
                else if (latest.Status == RunwayTask.Succeeded) observer.Finished(latest);
                else if (latest.Status == RunwayTask.Failed) observer.Ended(RunwayTaskException.Failed(latest));
                else observer.Ended(RunwayTaskException.Cancelled(latest));
            }
            return stillRunning;
        }

        private async Task<(RunwayTask, Exception)[]> PollAsync(RunwayTask[] round, CancellationToken cancellation)
        {
            var results = new (RunwayTask, Exception)[round.Length];
            using (var gate = new SemaphoreSlim(Math.Max(1, options.MaxParallelPolls)))
            {
                await Task.WhenAll(round.Select(async (task, i) =>
                {
                    await gate.WaitAsync(cancellation).ConfigureAwait(false);
                    try
                    {
                        Interlocked.Increment(ref pollRequests);
                        results[i] = (await api.GetTaskAsync(task.Id, cancellation).ConfigureAwait(false), null);
                    }
                    catch (RunwayApiException ex)
                    {
                        results[i] = (null, ex);
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

        private static void CopyKnown(RunwayTask from, RunwayTask to)
        {
            to.Model = to.Model ?? from.Model;
            to.Endpoint = to.Endpoint ?? from.Endpoint;
            to.EstimatedCredits = to.EstimatedCredits ?? from.EstimatedCredits;
        }

        internal TimeSpan Jitter(TimeSpan interval)
        {
            double factor;
            lock (random) factor = 0.75 + random.NextDouble() * 0.5;
            return TimeSpan.FromMilliseconds(interval.TotalMilliseconds * factor);
        }
    }
}
