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
    /// (read once) and the user's -ThrottleLimit: before another create, it polls its own unfinished tasks
    /// until one ends. Tasks that end while it waits are reported like any others.
    /// </summary>
    internal sealed class ConcurrencyGate
    {
        private readonly RunwayApi api;
        private readonly int? throttleLimit;
        private readonly WaitOptions options;
        private readonly IRunwayLog log;
        private readonly IWaitObserver observer;
        private readonly List<RunwayTask> unfinished = new List<RunwayTask>();
        private readonly Dictionary<string, int> limits = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        public ConcurrencyGate(RunwayApi api, int? throttleLimit, WaitOptions options, IRunwayLog log, IWaitObserver observer)
        {
            this.api = api;
            this.throttleLimit = throttleLimit;
            this.options = options;
            this.log = log;
            this.observer = observer;
        }

        public IReadOnlyList<RunwayTask> Unfinished => unfinished;

        public void Track(RunwayTask task) => unfinished.Add(task);

        public async Task WaitForSlotAsync(string model, CancellationToken cancellation)
        {
            int limit = await LimitAsync(model, cancellation).ConfigureAwait(false);
            var waiter = new TaskWaiter(api, options);
            DateTimeOffset started = DateTimeOffset.UtcNow;
            while (true)
            {
                RunwayTask[] same = unfinished.Where(t => string.Equals(t.Model, model, StringComparison.OrdinalIgnoreCase)).ToArray();
                if (same.Length < limit) return;
                if (options.Timeout.HasValue && DateTimeOffset.UtcNow - started >= options.Timeout.Value)
                    throw new TimeoutException(
                        $"Not sent: {same.Length} {model} tasks are still unfinished after {options.Timeout.Value.TotalSeconds:0} s ({string.Join(", ", same.Select(t => t.Id))}), " +
                        $"and the tier allows {limit} at once. Wait for them (Wait-RunwayTask) and try again, or raise -TimeoutSec.");
                log.Verbose($"{same.Length} {model} tasks unfinished (limit {limit}); waiting for one to end before creating another.");
                await Task.Delay(waiter.Jitter(options.PollInterval), cancellation).ConfigureAwait(false);
                IReadOnlyList<RunwayTask> running = await waiter.PollOnceAsync(same, observer, cancellation).ConfigureAwait(false);
                unfinished.RemoveAll(t => same.Contains(t));
                unfinished.AddRange(running);
            }
        }

        private async Task<int> LimitAsync(string model, CancellationToken cancellation)
        {
            if (limits.TryGetValue(model, out int known)) return known;
            int? tier = null;
            try
            {
                tier = await TierLimits.MaxConcurrentAsync(api, model, cancellation).ConfigureAwait(false);
            }
            catch (RunwayApiException ex) when (ex.StatusCode != 401)
            {
                log.Verbose($"Could not read the tier's concurrency for {model} ({ex.Message}); using -ThrottleLimit only.");
            }
            int limit = Math.Max(1, Math.Min(tier ?? int.MaxValue, throttleLimit ?? int.MaxValue));
            limits[model] = limit;
            return limit;
        }
    }
}
