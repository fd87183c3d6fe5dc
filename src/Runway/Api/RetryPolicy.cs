using System;
using System.Globalization;

namespace Runway.Api
{
    /// <summary>What a request does on the server, which decides whether repeating it is safe.</summary>
    public enum RequestKind
    {
        /// <summary>GET or DELETE: repeating it changes nothing.</summary>
        Idempotent,
        /// <summary>A POST that creates a paid task: repeating it after the server may have seen it could charge twice.</summary>
        CreateTask,
        /// <summary>A POST that creates nothing billable (an upload slot, a usage query).</summary>
        Safe,
        /// <summary>
        /// A POST that creates a free resource (router, voice, document, avatar, realtime session): never repeated once it
        /// may have reached the server (it could make a second one), but no task and no charge can come of it.
        /// </summary>
        CreateResource,
    }

    /// <summary>How one attempt ended, as far as the client can tell.</summary>
    public enum AttemptOutcome
    {
        /// <summary>An HTTP response arrived (look at its status).</summary>
        Response,
        /// <summary>The connection could not be made: the request provably never reached the server.</summary>
        NeverSent,
        /// <summary>The connection broke after the request was sent: the server may have acted on it.</summary>
        ConnectionLost,
        /// <summary>No answer within the request timeout: the server may have acted on it.</summary>
        TimedOut,
    }

    public readonly struct RetryDecision
    {
        public RetryDecision(bool retry, TimeSpan delay, string reason, TimeSpan? refusedWait = null)
        {
            Retry = retry;
            Delay = delay;
            Reason = reason;
            RefusedWait = refusedWait;
        }

        public bool Retry { get; }
        public TimeSpan Delay { get; }
        public string Reason { get; }
        /// <summary>The server's Retry-After when it asked for a wait past the operation's deadline (so the request stopped at once).</summary>
        public TimeSpan? RefusedWait { get; }

        public static RetryDecision Stop(string reason) => new RetryDecision(false, TimeSpan.Zero, reason);
    }

    /// <summary>
    /// The SDKs' retry rules (up to N retries on connection errors, 408, 409, 429 and 5xx; an
    /// <c>x-should-retry: true|false</c> header obeyed first; Retry-After/retry-after-ms honoured, else
    /// min(0.5·2^n, 8) s with jitter), tightened for task creation: a create is repeated only when it provably
    /// never reached the server or was refused with 429 (and the header does not forbid it), never when a task
    /// may already exist. A Retry-After longer than the time left before the operation's deadline stops at once.
    /// </summary>
    public static class RetryPolicy
    {
        /// <summary>The longest Retry-After obeyed outside any wait (the SDK waiter's default timeout); a wait uses its own -TimeoutSec.</summary>
        public static readonly TimeSpan DefaultRetryAfterCeiling = TimeSpan.FromMinutes(10);
        private static readonly object RandomGate = new object();
        private static readonly Random SharedRandom = new Random();

        /// <param name="shouldRetry">The response's x-should-retry header (null when absent).</param>
        /// <param name="deadline">When the operation must be over: a Retry-After that ends later stops now; null waits as long as asked.</param>
        public static RetryDecision Decide(RequestKind kind, int retriesDone, int maxRetries, AttemptOutcome outcome,
            int statusCode, string? retryAfter, string? retryAfterMs, DateTimeOffset now, double? random = null,
            string? shouldRetry = null, DateTimeOffset? deadline = null)
        {
            if (outcome == AttemptOutcome.Response && statusCode < 400)
                return RetryDecision.Stop("success");

            string reason = Describe(outcome, statusCode);
            bool? told = outcome == AttemptOutcome.Response ? ParseShouldRetry(shouldRetry) : null;
            if (!IsRetryable(kind, outcome, statusCode, told))
                return RetryDecision.Stop(told == false ? reason + "; the server said not to retry (x-should-retry: false)" : reason);
            if (told == true && !IsRetryable(kind, outcome, statusCode, null))
                reason += "; the server asked for a retry (x-should-retry: true)";
            if (retriesDone >= maxRetries)
                return RetryDecision.Stop(reason + $"; gave up after {retriesDone} retr{(retriesDone == 1 ? "y" : "ies")}");

            TimeSpan? hinted = ParseRetryAfter(retryAfter, retryAfterMs, now);
            if (hinted.HasValue && deadline.HasValue && now + hinted.Value > deadline.Value)
            {
                TimeSpan left = deadline.Value > now ? deadline.Value - now : TimeSpan.Zero;
                return new RetryDecision(false, TimeSpan.Zero,
                    reason + $"; the server asked to wait {hinted.Value.TotalSeconds:0.#} s before retrying, past the {left.TotalSeconds:0.#} s left of this operation's timeout",
                    hinted.Value);
            }
            TimeSpan delay = hinted ?? Backoff(retriesDone, random ?? NextRandom());
            return new RetryDecision(true, delay, reason);
        }

        /// <summary>The SDK obeys exactly "true" and "false"; anything else is no instruction.</summary>
        public static bool? ParseShouldRetry(string? header)
        {
            string? value = header?.Trim();
            if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase)) return true;
            if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase)) return false;
            return null;
        }

        /// <summary>A POST that makes something each time it arrives, paid or free: never repeated once it may have arrived.</summary>
        public static bool IsCreate(RequestKind kind) => kind == RequestKind.CreateTask || kind == RequestKind.CreateResource;

        /// <param name="shouldRetry">The server's x-should-retry, obeyed before the status rules, except that it never makes a create repeat when a task may exist.</param>
        public static bool IsRetryable(RequestKind kind, AttemptOutcome outcome, int statusCode, bool? shouldRetry = null)
        {
            switch (outcome)
            {
                case AttemptOutcome.NeverSent:
                    return true;
                case AttemptOutcome.ConnectionLost:
                case AttemptOutcome.TimedOut:
                    return !IsCreate(kind);
                default:
                    // A refused create (429) is the only answer that proves nothing was made; "true" cannot prove more.
                    if (IsCreate(kind)) return statusCode == 429 && shouldRetry != false;
                    if (shouldRetry.HasValue) return shouldRetry.Value;
                    return statusCode == 429 || statusCode == 408 || statusCode == 409 || statusCode >= 500;
            }
        }

        /// <summary>min(0.5 · 2^n, 8) seconds, shortened by up to a quarter at random so that clients spread out.</summary>
        public static TimeSpan Backoff(int retriesDone, double random)
        {
            double seconds = Math.Min(0.5 * Math.Pow(2, retriesDone), 8.0);
            double jitter = 1 - Math.Max(0, Math.Min(1, random)) * 0.25;
            return TimeSpan.FromMilliseconds(seconds * jitter * 1000);
        }

        public static TimeSpan? ParseRetryAfter(string? retryAfter, string? retryAfterMs, DateTimeOffset now)
        {
            if (!Strings.IsBlank(retryAfterMs)
                && double.TryParse(retryAfterMs.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double ms))
                return Bounded(ms / 1000);
            if (Strings.IsBlank(retryAfter))
                return null;
            string value = retryAfter.Trim();
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
                return Bounded(seconds);
            if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset when)
                || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out when))
            {
                TimeSpan wait = when - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
            return null;
        }

        /// <summary>A hint as a TimeSpan; absurd values (NaN, negative, beyond a day) become "no usable hint" or a day.</summary>
        private static TimeSpan? Bounded(double seconds)
        {
            if (double.IsNaN(seconds) || seconds < 0) return null;
            return TimeSpan.FromSeconds(Math.Min(seconds, 86400));
        }

        public static string Describe(AttemptOutcome outcome, int statusCode)
        {
            switch (outcome)
            {
                case AttemptOutcome.NeverSent: return "could not connect";
                case AttemptOutcome.ConnectionLost: return "connection lost before the response";
                case AttemptOutcome.TimedOut: return "no response within the timeout";
                default: return "HTTP " + statusCode.ToString(CultureInfo.InvariantCulture);
            }
        }

        private static double NextRandom()
        {
            lock (RandomGate) return SharedRandom.NextDouble();
        }
    }
}
