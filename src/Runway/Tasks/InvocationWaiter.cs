using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;

namespace Runway.Tasks
{
    /// <summary>A workflow run that failed, was cancelled, was partial, vanished or was not finished in time. Always carries the invocation.</summary>
    public sealed class RunwayWorkflowException : Exception
    {
        public RunwayWorkflowException(RunwayWorkflowInvocation invocation, string message, string errorId, ErrorKind category, Exception? inner = null)
            : base(message, inner)
        {
            Invocation = invocation;
            ErrorId = errorId;
            Category = category;
        }

        public RunwayWorkflowInvocation Invocation { get; }
        public string ErrorId { get; }
        public ErrorKind Category { get; }

        public static RunwayWorkflowException Ended(RunwayWorkflowInvocation run)
        {
            string nodes = run.NodeErrors.Count > 0 ? " Nodes: " + string.Join("; ", run.NodeErrors.Values) + "." : string.Empty;
            if (run.IsPartial)
                return new RunwayWorkflowException(run, $"Workflow run {run.Id} succeeded only in part: {run.NodeErrors.Count} node{(run.NodeErrors.Count == 1 ? "" : "s")} failed and {(run.NodeErrors.Count == 1 ? "its" : "their")} outputs are missing.{nodes}",
                    "Runway.WorkflowPartialRun", ErrorKind.InvalidResult);
            if (run.Status == RunwayTask.Cancelled)
                return new RunwayWorkflowException(run, $"Workflow run {run.Id} was cancelled.", "Runway.WorkflowCancelled", ErrorKind.OperationStopped);
            if (run.Status != RunwayTask.Failed && run.Status != RunwayTask.Succeeded)
                return new RunwayWorkflowException(run, $"Workflow run {run.Id} ended the wait with status {(string.IsNullOrEmpty(run.Status) ? "(none)" : run.Status)}, which this module does not know; " +
                    $"it is not reported as a success. Check it later with: Wait-RunwayWorkflowInvocation -Id {run.Id}", "Runway.WorkflowUnknownStatus", ErrorKind.InvalidResult);
            string code = string.IsNullOrEmpty(run.FailureCode) ? "" : $" [{run.FailureCode}]";
            return new RunwayWorkflowException(run, $"Workflow run {run.Id} failed: {(run.Failure ?? "no reason given").TrimEnd('.')}{code}.{nodes}", "Runway.WorkflowFailed", ErrorKind.InvalidResult);
        }

        public static RunwayWorkflowException TimedOut(RunwayWorkflowInvocation run, TimeSpan waited, Exception? failure = null) =>
            new RunwayWorkflowException(run, $"Workflow run {run.Id} did not finish within {waited.TotalSeconds:0.#} s (last status {run.Status ?? "unknown"}" +
                (run.Progress.HasValue ? $" {run.Progress.Value:P0}" : "") + $").{PollTrouble.TimeoutNote(failure)} It goes on; resume with: Wait-RunwayWorkflowInvocation -Id {run.Id}",
                "Runway.WorkflowTimedOut", ErrorKind.OperationTimeout);

        public static RunwayWorkflowException RetryAfterPastTimeout(RunwayWorkflowInvocation run, RunwayApiException cause) =>
            new RunwayWorkflowException(run, $"Workflow run {run.Id}: the API asked to wait {cause.RetryAfterPastDeadline.GetValueOrDefault().TotalSeconds:0.#} s before the next status request (Retry-After), " +
                $"longer than the time left of -TimeoutSec, so the wait stopped now. It goes on; resume later with: Wait-RunwayWorkflowInvocation -Id {run.Id}",
                "Runway.RetryAfterPastTimeout", ErrorKind.OperationTimeout, cause);

        public static RunwayWorkflowException Lost(RunwayWorkflowInvocation run, RunwayApiException cause) =>
            new RunwayWorkflowException(run, $"Workflow run {run.Id} could not be followed: {cause.Message}",
                cause.StatusCode == 404 ? "Runway.WorkflowRunNotFound" : "Runway.WorkflowPollFailed",
                cause.StatusCode == 404 ? ErrorKind.ObjectNotFound : ErrorKind.ConnectionError, cause);
    }

    /// <summary>
    /// Waits for workflow runs in one loop, planned like task waits by <see cref="PollPlanner"/> (an adapter: a run's
    /// status and progress are read as a task's), with the same timeout and Ctrl+C rules: stopping never stops a run.
    /// </summary>
    public sealed class InvocationWaiter
    {
        private readonly RunwayApi api;
        private readonly WaitOptions options;
        private readonly Random random = new Random();

        public InvocationWaiter(RunwayApi api, WaitOptions options)
        {
            this.api = api;
            this.options = options;
        }

        private sealed class Tracked
        {
            public RunwayWorkflowInvocation Run = null!;
            public PollPlanner.Observation? Last;
            public DateTimeOffset Due;
        }

        /// <param name="ended">A run that ended: succeeded in full (error null), or with the error that says how it did not.</param>
        /// <param name="progress">The runs not finished yet, how many are done, elapsed time (after each round).</param>
        public async Task WaitAsync(IEnumerable<RunwayWorkflowInvocation> runs, Action<RunwayWorkflowInvocation, RunwayWorkflowException?> ended,
            Action<IReadOnlyList<RunwayTask>, int, int, TimeSpan> progress, CancellationToken cancellation, Action<string>? warn = null)
        {
            var trouble = new PollTrouble(warn);
            var planner = new PollPlanner(options.PollInterval);
            DateTimeOffset started = DateTimeOffset.UtcNow;
            var tracked = runs.GroupBy(r => r.Id, StringComparer.OrdinalIgnoreCase).Select(g => g.First())
                .Select(r => new Tracked { Run = r, Due = planner.First(AsTask(r), started, Next()) }).ToList();
            int total = tracked.Count;
            DateTimeOffset? deadline = options.Timeout.HasValue ? started + options.Timeout.Value : (DateTimeOffset?)null;
            using (OperationDeadline.Until(deadline))
            while (tracked.Count > 0)
            {
                DateTimeOffset wake = tracked.Min(t => t.Due);
                if (deadline.HasValue && wake > deadline.Value) wake = deadline.Value;
                TimeSpan sleep = wake - DateTimeOffset.UtcNow;
                if (sleep > TimeSpan.Zero) await Task.Delay(sleep, cancellation).ConfigureAwait(false);
                DateTimeOffset now = DateTimeOffset.UtcNow;
                bool last = deadline.HasValue && now >= deadline.Value;
                foreach (Tracked entry in tracked.Where(t => last || t.Due <= now + planner.MinGap).ToArray())
                {
                    RunwayWorkflowInvocation latest;
                    try
                    {
                        latest = await api.GetInvocationAsync(entry.Run.Id, cancellation).ConfigureAwait(false);
                    }
                    catch (RunwayApiException ex) when (ex.RetryAfterPastDeadline.HasValue)
                    {
                        tracked.Remove(entry);
                        ended(entry.Run, RunwayWorkflowException.RetryAfterPastTimeout(entry.Run, ex));
                        continue;
                    }
                    catch (RunwayApiException ex) when (ex.StatusCode == 400 || ex.StatusCode == 401 || ex.StatusCode == 403 || ex.StatusCode == 404)
                    {
                        tracked.Remove(entry);
                        ended(entry.Run, RunwayWorkflowException.Lost(entry.Run, ex));
                        continue;
                    }
                    catch (RunwayApiException ex)
                    {
                        // Transient (already retried by the client): look again next round, and say the API stopped answering.
                        entry.Due = planner.Next(null, null, null, DateTimeOffset.UtcNow, Next());
                        trouble.Failed(entry.Run.Id, $"workflow run {entry.Run.Id}", $"Wait-RunwayWorkflowInvocation -Id {entry.Run.Id}", ex);
                        continue;
                    }
                    trouble.Answered(entry.Run.Id);
                    latest.KeepKnown(entry.Run);
                    if (!RunwayTask.IsActiveStatus(latest.Status))
                    {
                        tracked.Remove(entry);
                        ended(latest, latest.Status == RunwayTask.Succeeded && !latest.IsPartial ? null : RunwayWorkflowException.Ended(latest));
                        continue;
                    }
                    DateTimeOffset at = DateTimeOffset.UtcNow;
                    var seen = new PollPlanner.Observation(at, latest.Status, latest.Progress);
                    entry.Due = planner.Next(entry.Last, seen, latest.CreatedAt ?? entry.Run.CreatedAt, at, Next());
                    entry.Last = seen;
                    entry.Run = latest;
                }
                progress(tracked.Select(t => AsTask(t.Run)).ToList().AsReadOnly(), total - tracked.Count, total, DateTimeOffset.UtcNow - started);
                if (last && tracked.Count > 0)
                {
                    foreach (Tracked entry in tracked) ended(entry.Run, RunwayWorkflowException.TimedOut(entry.Run, DateTimeOffset.UtcNow - started, trouble.LastFailure(entry.Run.Id)));
                    return;
                }
            }
        }

        /// <summary>The run as the planner and the progress bar read a task: id, status, progress, creation.</summary>
        public static RunwayTask AsTask(RunwayWorkflowInvocation run) =>
            new RunwayTask { Id = run.Id, Status = run.Status, Progress = run.Progress, CreatedAt = run.CreatedAt, Model = run.WorkflowName };

        private double Next()
        {
            lock (random) return random.NextDouble();
        }
    }
}
