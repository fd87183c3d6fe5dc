using System;

using Runway.Api;
using Runway.Models;

namespace Runway.Tasks
{
    /// <summary>A task that ended without output, or was not finished in time. Always carries the task (and so its id).</summary>
    public sealed class RunwayTaskException : Exception
    {
        public RunwayTaskException(RunwayTask task, string message, string errorId, ErrorKind category, Exception? inner = null)
            : base(message, inner)
        {
            Task = task;
            ErrorId = errorId;
            Category = category;
        }

        public RunwayTask Task { get; }
        public string? TaskId => Task?.Id;
        public string ErrorId { get; }
        public ErrorKind Category { get; }

        public static RunwayTaskException Failed(RunwayTask task)
        {
            string code = string.IsNullOrEmpty(task.FailureCode) ? "" : $" [{task.FailureCode}]";
            string failure = Strings.IsEmpty(task.Failure) ? "no reason given" : task.Failure.TrimEnd('.');
            return new RunwayTaskException(task, $"Runway task {task.Id} failed: {failure}{code}.", "Runway.TaskFailed", CategoryOf(task.FailureCode));
        }

        public static RunwayTaskException Cancelled(RunwayTask task) =>
            new RunwayTaskException(task, $"Runway task {task.Id} was cancelled.", "Runway.TaskCancelled", ErrorKind.OperationStopped);

        /// <param name="failure">Why the last status request failed, when it did (the API stopped answering).</param>
        public static RunwayTaskException TimedOut(RunwayTask task, TimeSpan waited, Exception? failure = null)
        {
            string progress = task.Progress.HasValue ? $" {task.Progress.Value:P0}" : string.Empty;
            return new RunwayTaskException(task,
                $"Runway task {task.Id} did not finish within {waited.TotalSeconds:0.#} s (last status {task.Status ?? "unknown"}{progress}).{PollTrouble.TimeoutNote(failure)} " +
                $"It was not cancelled; resume with: Wait-RunwayTask -Id {task.Id}.",
                "Runway.TaskTimedOut", ErrorKind.OperationTimeout);
        }

        /// <summary>The API reported a status that is neither a final one this module knows nor PENDING/THROTTLED/RUNNING: the wait ends, with no output.</summary>
        public static RunwayTaskException UnknownStatus(RunwayTask task) =>
            new RunwayTaskException(task,
                $"Runway task {task.Id} ended the wait with status {(string.IsNullOrEmpty(task.Status) ? "(none)" : task.Status)}, which this module does not know; " +
                "it is not reported as a success and has no output here. Check it later with: Get-RunwayTask -Id " + task.Id,
                "Runway.TaskUnknownStatus", ErrorKind.InvalidResult);

        /// <summary>A status request was refused with a Retry-After that ends after the wait's deadline: stop now instead of sleeping past it.</summary>
        public static RunwayTaskException RetryAfterPastTimeout(RunwayTask task, RunwayApiException cause) =>
            new RunwayTaskException(task,
                $"Runway task {task.Id}: the API asked to wait {cause.RetryAfterPastDeadline.GetValueOrDefault().TotalSeconds:0.#} s before the next status request (Retry-After), " +
                $"longer than the time left of -TimeoutSec, so the wait stopped now (last status {task.Status ?? "unknown"}). " +
                $"It was not cancelled; resume later with: Wait-RunwayTask -Id {task.Id}",
                "Runway.RetryAfterPastTimeout", ErrorKind.OperationTimeout, cause);

        public static RunwayTaskException Lost(RunwayTask task, Exception cause) =>
            new RunwayTaskException(task, $"Runway task {task.Id} could not be followed: {cause.Message.Trim().TrimEnd('.')}.",
                cause is Api.RunwayApiException api && api.StatusCode == 404 ? "Runway.TaskNotFound" : "Runway.TaskPollFailed",
                cause is Api.RunwayApiException api2 && api2.StatusCode == 404 ? ErrorKind.ObjectNotFound : ErrorKind.ConnectionError,
                cause);

        private static ErrorKind CategoryOf(string? failureCode)
        {
            if (Strings.IsEmpty(failureCode)) return ErrorKind.InvalidResult;
            if (failureCode.StartsWith("SAFETY", StringComparison.OrdinalIgnoreCase)) return ErrorKind.SecurityError;
            if (failureCode.StartsWith("ASSET", StringComparison.OrdinalIgnoreCase) || failureCode.StartsWith("INPUT", StringComparison.OrdinalIgnoreCase))
                return ErrorKind.InvalidData;
            if (failureCode.StartsWith("INTERNAL", StringComparison.OrdinalIgnoreCase)) return ErrorKind.ResourceUnavailable;
            return ErrorKind.InvalidResult;
        }
    }
}
