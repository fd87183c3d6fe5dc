using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Runway.Api
{
    /// <summary>How one try of a request ended, and what the server said about trying again.</summary>
    public sealed class Attempt
    {
        public AttemptOutcome Outcome { get; set; } = AttemptOutcome.Response;
        public int Status { get; set; }
        public string? RetryAfter { get; set; }
        public string? RetryAfterMs { get; set; }
        /// <summary>The x-should-retry header (the SDK obeys "true" and "false" before its own rules).</summary>
        public string? ShouldRetry { get; set; }
        /// <summary>Set when the loop stopped because the server's Retry-After ends past the operation's deadline.</summary>
        public TimeSpan? RefusedWait { get; set; }
        public string? Body { get; set; }
        public Exception? Failure { get; set; }

        /// <summary>Takes the status and the retry hints (Retry-After in seconds or as a date, retry-after-ms) of a response.</summary>
        public void Read(HttpResponseMessage response)
        {
            Status = (int)response.StatusCode;
            RetryAfter = HeaderValue(response, "Retry-After");
            RetryAfterMs = HeaderValue(response, "retry-after-ms");
            ShouldRetry = HeaderValue(response, "x-should-retry");
        }

        /// <summary>The try failed without a usable response.</summary>
        public void Fail(AttemptOutcome outcome, Exception failure)
        {
            Outcome = outcome;
            Failure = failure;
        }

        private static string? HeaderValue(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out IEnumerable<string> values) ? string.Join(",", values) : null;
    }

    /// <summary>
    /// The one loop around <see cref="RetryPolicy"/> for the API, storage uploads and output downloads: try,
    /// and while the policy allows, say why (verbose) and wait (cancellably) before trying again.
    /// </summary>
    internal static class RetryLoop
    {
        /// <param name="attempt">One try, numbered from 0; fills the Attempt and returns (true, value) when done.</param>
        /// <param name="fail">Builds the exception for the last try, given it and a note such as ", after 2 retries".</param>
        public static async Task<T> RunAsync<T>(RequestKind kind, int maxRetries, IRunwayLog? log, string what,
            Func<int, Attempt, Task<(bool Done, T Value)>> attempt, Func<Attempt, string, Exception> fail, CancellationToken cancellation)
        {
            for (int retries = 0; ; retries++)
            {
                cancellation.ThrowIfCancellationRequested();
                var result = new Attempt();
                (bool done, T value) = await attempt(retries, result).ConfigureAwait(false);
                if (done) return value;

                DateTimeOffset now = DateTimeOffset.UtcNow;
                RetryDecision decision = RetryPolicy.Decide(kind, retries, maxRetries, result.Outcome, result.Status,
                    result.RetryAfter, result.RetryAfterMs, now, shouldRetry: result.ShouldRetry, deadline: OperationDeadline.For(now));
                if (!decision.Retry)
                {
                    result.RefusedWait = decision.RefusedWait;
                    if (decision.RefusedWait.HasValue) log?.Verbose($"{what}: {decision.Reason}; not retrying.");
                    throw fail(result, retries > 0 ? $", after {retries} retr{(retries == 1 ? "y" : "ies")}" : string.Empty);
                }
                log?.Verbose($"{what}: {decision.Reason}; retrying in {decision.Delay.TotalSeconds:0.###} s ({retries + 1} of {maxRetries}).");
                await Task.Delay(decision.Delay, cancellation).ConfigureAwait(false);
            }
        }
    }
}
