using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;
using Runway.Models;

namespace Runway.Tasks
{
    /// <summary>
    /// Keeps a command's unfinished tasks of each model within the organization's maxConcurrentGenerations
    /// (read once) and the user's -ThrottleLimit: before another create, it waits until one of its own
    /// unfinished tasks ends, looking at each by the same per-task plan as <see cref="TaskWaiter"/> (so a full
    /// gate looks at a task just after its expected end, not in rounds). Tasks that end while it waits are
    /// reported like any others.
    /// </summary>
    internal sealed class ConcurrencyGate
    {
        private readonly Func<string, CancellationToken, Task<int?>> tier;
        private readonly int? throttleLimit;
        private readonly WaitOptions options;
        private readonly IRunwayLog log;
        private readonly IWaitObserver observer;
        private readonly PollSchedule schedule;
        private readonly Dictionary<string, int> limits = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        public ConcurrencyGate(RunwayApi api, int? throttleLimit, WaitOptions options, IRunwayLog log, IWaitObserver observer)
            : this(new TaskWaiter(api, options).NewSchedule(null), (model, token) => TierLimits.MaxConcurrentAsync(api, model, token), throttleLimit, options, log, observer)
        {
        }

        /// <summary>A gate over any schedule and tier (tests play whole batches in simulated time with it).</summary>
        internal ConcurrencyGate(PollSchedule schedule, Func<string, CancellationToken, Task<int?>> tier, int? throttleLimit, WaitOptions options, IRunwayLog log, IWaitObserver observer)
        {
            this.schedule = schedule;
            this.tier = tier;
            this.throttleLimit = throttleLimit;
            this.options = options;
            this.log = log;
            this.observer = observer;
        }

        /// <summary>The tracked tasks not yet seen ended, as last seen (a waiter continues their plans).</summary>
        public IReadOnlyList<RunwayTask> Unfinished => schedule.Tasks;

        /// <summary>Status requests the gate sent so far.</summary>
        public int PollRequests => schedule.PollRequests;

        public void Track(RunwayTask task) => schedule.Add(task);

        public async Task WaitForSlotAsync(string model, CancellationToken cancellation)
        {
            int limit = await LimitAsync(model, cancellation).ConfigureAwait(false);
            DateTimeOffset started = schedule.Now;
            DateTimeOffset? deadline = options.Timeout.HasValue ? started + options.Timeout.Value : (DateTimeOffset?)null;
            using (OperationDeadline.Until(deadline))
                await WaitUntilFreeAsync(model, limit, deadline, cancellation).ConfigureAwait(false);
        }

        private async Task WaitUntilFreeAsync(string model, int limit, DateTimeOffset? deadline, CancellationToken cancellation)
        {
            bool told = false;
            while (true)
            {
                int same = schedule.CountOf(model);
                if (same < limit) return;
                if (deadline.HasValue && schedule.Now >= deadline.Value)
                {
                    string ids = string.Join(", ", schedule.Tasks.Where(t => string.Equals(t.Model, model, StringComparison.OrdinalIgnoreCase)).Select(t => t.Id));
                    throw new TimeoutException(
                        $"Not sent: {same} {model} tasks are still unfinished after {options.Timeout.GetValueOrDefault().TotalSeconds:0} s ({ids}), " +
                        $"and the tier allows {limit} at once. Wait for them (Wait-RunwayTask) and try again, or raise -TimeoutSec.");
                }
                if (!told)
                {
                    log.Verbose($"{same} {model} tasks unfinished (limit {limit}); waiting for one to end before creating another.");
                    told = true;
                }
                await schedule.StepAsync(observer, deadline, false, cancellation).ConfigureAwait(false);
            }
        }

        private async Task<int> LimitAsync(string model, CancellationToken cancellation)
        {
            if (limits.TryGetValue(model, out int known)) return known;
            int? slots = null;
            try
            {
                slots = await tier(model, cancellation).ConfigureAwait(false);
            }
            catch (RunwayApiException ex) when (ex.StatusCode != 401)
            {
                log.Verbose($"Could not read the tier's concurrency for {model} ({ex.Message}); using -ThrottleLimit only.");
            }
            // The queue model counts the server's slots (the tier's), not -ThrottleLimit's.
            schedule.SetSlots(model, slots);
            int limit = Math.Max(1, Math.Min(slots ?? int.MaxValue, throttleLimit ?? int.MaxValue));
            limits[model] = limit;
            return limit;
        }
    }
}
