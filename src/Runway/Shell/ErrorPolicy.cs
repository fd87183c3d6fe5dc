using System;
using System.IO;
using System.Management.Automation;
using Runway.Api;
using Runway.Media;
using Runway.Models;
using Runway.Tasks;

namespace Runway.Shell
{
    /// <summary>What was being done when an exception arose: the same IOException means another thing while creating and while saving.</summary>
    public enum ErrorPhase { Other, Create, Save }

    /// <summary>
    /// The one error policy of the module: which ErrorRecord (id, category, target, recommended action) each
    /// exception becomes, and which failures end the whole command (a bad configuration or key fails every item
    /// alike) rather than the one item.
    /// </summary>
    public static class ErrorPolicy
    {
        /// <summary>Would be the same for every later item too: stop the command at the first.</summary>
        public static bool IsTerminating(Exception exception) =>
            exception is RunwayConfigurationException || exception is RunwaySettingException || exception is RunwayJournalException
            || (exception is RunwayApiException api && api.StatusCode == 401);

        public static ErrorRecord FromException(Exception exception, object? target, ErrorPhase phase = ErrorPhase.Other)
        {
            switch (exception)
            {
                case RunwayApiException api:
                    var record = new ErrorRecord(api, ApiErrorId(api), ApiCategory(api), target ?? api.Path);
                    if (api.TaskMayExist)
                        record.ErrorDetails = new ErrorDetails(api.Message)
                        {
                            RecommendedAction = "Do not simply re-run the command: the task may exist and be charged. Get-RunwayTask lists the attempt as UNCONFIRMED; compare it with Get-RunwayUsage and your recent tasks first.",
                        };
                    return record;
                case RunwayTaskException task:
                    return new ErrorRecord(task, task.ErrorId, Category(task.Category), task.Task);
                case RunwayWorkflowException run:
                    return new ErrorRecord(run, run.ErrorId, Category(run.Category), run.Invocation);
                case RunwayInvalidIdException id:
                    return new ErrorRecord(id, "Runway.InvalidId", ErrorCategory.InvalidArgument, id.Id);
                case RunwayInputException input:
                    // Never without a target: the value at fault, else the item, else the parameter it concerns.
                    return new ErrorRecord(input, input.ErrorId, Category(input.Category), input.Target ?? target ?? (object?)input.Parameter);
                case RunwayJournalException journal:
                    return new ErrorRecord(journal, journal.ErrorId, Category(journal.Category), journal.Path);
                case RunwaySettingException setting:
                    return new ErrorRecord(setting, setting.ErrorId, Category(setting.Category), setting.Setting);
                case RunwayBudgetException budget:
                    return new ErrorRecord(budget, "Runway.BudgetExceeded", ErrorCategory.LimitsExceeded, target ?? "spending cap");
                case RunwayConfigurationException config when config.BadBaseUri:
                    return new ErrorRecord(config, "Runway.InvalidBaseUri", ErrorCategory.InvalidArgument,
                        Environment.GetEnvironmentVariable(RunwayConfiguration.BaseUriVariable));
                case RunwayConfigurationException config:
                    return new ErrorRecord(config, "Runway.NotConfigured", ErrorCategory.AuthenticationError, target);
                case RunwayOutputExpiredException expired:
                    return new ErrorRecord(expired, "Runway.OutputExpired", ErrorCategory.ResourceUnavailable, target);
                case RunwayFileExistsException exists:
                    return new ErrorRecord(exists, "Runway.FileExists", ErrorCategory.ResourceExists, exists.Path);
                case RunwayWriteException write:
                    return new ErrorRecord(write, write.Denied ? "Runway.CannotWrite" : "Runway.WriteFailed",
                        write.Denied ? ErrorCategory.PermissionDenied : ErrorCategory.WriteError, target ?? write.Path);
                case UnauthorizedAccessException denied:
                    return new ErrorRecord(denied, "Runway.CannotWrite", ErrorCategory.PermissionDenied, target);
                case IOException io when phase == ErrorPhase.Save:
                    return new ErrorRecord(new IOException($"Could not save the output: {Sentence(io.Message)} No partial file was left.", io), "Runway.WriteFailed", ErrorCategory.WriteError, target);
                case IOException io when phase == ErrorPhase.Create:
                    return new ErrorRecord(io, "Runway.FileUnreadable", ErrorCategory.ReadError, target);
                case TimeoutException slot when phase == ErrorPhase.Create:
                    return new ErrorRecord(slot, "Runway.NoFreeSlot", ErrorCategory.OperationTimeout, target);
                case IOException io:
                    return new ErrorRecord(io, "Runway.IOError", ErrorCategory.ReadError, target);
                case ArgumentException argument:
                    return new ErrorRecord(argument, "Runway.InvalidArgument", ErrorCategory.InvalidArgument, target);
                case NotSupportedException unsupported:
                    return new ErrorRecord(unsupported, "Runway.NotSupported", ErrorCategory.NotImplemented, target);
                case TimeoutException timeout:
                    return new ErrorRecord(timeout, "Runway.Timeout", ErrorCategory.OperationTimeout, target);
                case OperationCanceledException stopped:
                    return new ErrorRecord(stopped, "Runway.Stopped", ErrorCategory.OperationStopped, target);
                default:
                    // Never NotSpecified: an unforeseen failure is still an operation that could not be done.
                    return new ErrorRecord(exception, "Runway.Error", ErrorCategory.InvalidOperation, target);
            }
        }

        /// <summary>The lower layers' <see cref="ErrorKind"/> is named after ErrorCategory: map by name.</summary>
        public static ErrorCategory Category(ErrorKind kind) =>
            kind != ErrorKind.NotSpecified && Enum.TryParse(kind.ToString(), out ErrorCategory category) ? category : ErrorCategory.InvalidOperation;

        /// <summary>A message as a sentence: trimmed, ending with a full stop.</summary>
        public static string Sentence(string text)
        {
            text = (text ?? string.Empty).Trim();
            return text.Length == 0 || text.EndsWith(".", StringComparison.Ordinal) || text.EndsWith("!", StringComparison.Ordinal) || text.EndsWith("?", StringComparison.Ordinal) ? text : text + ".";
        }

        public static ErrorCategory ApiCategory(RunwayApiException api)
        {
            switch (api.StatusCode)
            {
                case 0: return api.Outcome == AttemptOutcome.TimedOut ? ErrorCategory.OperationTimeout : ErrorCategory.ConnectionError;
                case 400: return ErrorCategory.InvalidArgument;
                case 401: return ErrorCategory.AuthenticationError;
                case 403: return ErrorCategory.PermissionDenied;
                case 404: return ErrorCategory.ObjectNotFound;
                case 408: return ErrorCategory.OperationTimeout;
                case 409: return ErrorCategory.ResourceBusy;
                case 429: return ErrorCategory.LimitsExceeded;
                default: return api.StatusCode >= 500 ? ErrorCategory.ResourceUnavailable : ErrorCategory.InvalidResult;
            }
        }

        private static string ApiErrorId(RunwayApiException api)
        {
            switch (api.StatusCode)
            {
                case 0:
                    return api.TaskMayExist ? "Runway.TaskMayExist" : api.Outcome == AttemptOutcome.TimedOut ? "Runway.Timeout" : "Runway.ConnectionFailed";
                case 400: return "Runway.BadRequest";
                case 401: return "Runway.Unauthorized";
                case 403: return "Runway.Forbidden";
                case 404: return "Runway.NotFound";
                case 429: return "Runway.RateLimited";
                default: return "Runway.Http" + api.StatusCode;
            }
        }

        /// <summary>With pipeline input, says which input (1-based) an error belongs to.</summary>
        public static ErrorRecord ForInput(ErrorRecord record, int? number)
        {
            if (number.HasValue)
                record.ErrorDetails = new ErrorDetails($"Input {number}: {record.ErrorDetails?.Message ?? record.Exception.Message}")
                {
                    RecommendedAction = record.ErrorDetails?.RecommendedAction,
                };
            return record;
        }

        public static ErrorRecord NotATaskId(string? id) =>
            InvalidArgument("Runway.InvalidTaskId", $"'{id}' is not a task id (Runway task ids are UUIDs, such as 17f20503-6c24-4c16-946b-35dbbce2af2f); nothing was sent.", id);

        /// <summary>The error for an id that cannot name a resource (<see cref="ResourceId"/>); nothing was sent.</summary>
        public static ErrorRecord InvalidId(string id, string what) =>
            FromException(new RunwayInvalidIdException(id, what, ResourceId.Problem(id) ?? "not an id"), id);

        public static ErrorRecord InvalidArgument(string errorId, string message, object? target) =>
            new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);
    }
}
