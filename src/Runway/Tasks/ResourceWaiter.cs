using System;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;

namespace Runway.Tasks
{
    /// <summary>
    /// Waits for one resource (a custom voice, an avatar, a realtime session) to reach a state: fetch, test, sleep
    /// the poll interval (±25 %), until it is there, the timeout passes (TimeoutException naming the resource, which
    /// goes on) or the token is cancelled (Ctrl+C stops the waiting only). Separate from TaskWaiter on purpose:
    /// resources are not tasks (no journal, no concurrency slots).
    /// </summary>
    public static class ResourceWaiter
    {
        private static readonly Random Jitter = new Random();

        /// <param name="describe">What is awaited, for the timeout message ("voice 1234 to be READY").</param>
        /// <param name="seen">Told of every fetched state (progress), on the waiter's thread.</param>
        /// <param name="warn">Told once when status requests start failing (the API stopped answering); the wait goes on until its timeout.</param>
        public static async Task<T> WaitAsync<T>(Func<CancellationToken, Task<T>> fetch, Func<T, bool> done, WaitOptions options,
            string describe, Action<T, TimeSpan>? seen, CancellationToken cancellation, Action<string>? warn = null)
        {
            DateTimeOffset start = DateTimeOffset.UtcNow;
            var trouble = new PollTrouble(warn);
            using (OperationDeadline.Until(options.Timeout.HasValue ? start + options.Timeout.Value : (DateTimeOffset?)null))
            while (true)
            {
                try
                {
                    T current = await fetch(cancellation).ConfigureAwait(false);
                    trouble.Answered(describe);
                    seen?.Invoke(current, DateTimeOffset.UtcNow - start);
                    if (done(current)) return current;
                }
                catch (RunwayApiException ex) when (ex.StatusCode == 0 || ex.StatusCode == 408 || ex.StatusCode == 409 || ex.StatusCode == 429 || ex.StatusCode >= 500)
                {
                    // Transient (already retried by the client): look again, and say the API stopped answering.
                    if (ex.RetryAfterPastDeadline.HasValue) throw;
                    trouble.Failed(describe, describe, null, ex);
                }
                TimeSpan elapsed = DateTimeOffset.UtcNow - start;
                TimeSpan delay = Delay(options.PollInterval);
                if (options.Timeout.HasValue && elapsed + delay > options.Timeout.Value)
                {
                    TimeSpan rest = options.Timeout.Value - elapsed;
                    if (rest <= TimeSpan.Zero)
                        throw new TimeoutException($"Stopped waiting for {describe} after {options.Timeout.Value.TotalSeconds:0} s (it goes on; get it again later).{PollTrouble.TimeoutNote(trouble.LastFailure(describe))}");
                    delay = rest;
                }
                await Task.Delay(delay, cancellation).ConfigureAwait(false);
            }
        }

        private static TimeSpan Delay(TimeSpan interval)
        {
            double factor;
            lock (Jitter) factor = 0.75 + Jitter.NextDouble() * 0.5;
            return TimeSpan.FromMilliseconds(Math.Max(10, interval.TotalMilliseconds * factor));
        }
    }
}
