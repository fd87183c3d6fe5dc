using System;
using System.Management.Automation;
using Runway.Api;
using Runway.Models;
using Runway.Tasks;

namespace Runway.Cmdlets
{
    /// <summary>Maps the module's exceptions to ErrorRecords: one ErrorId scheme and category table for every cmdlet.</summary>
    internal static class RunwayErrors
    {
        public static ErrorRecord FromException(Exception exception, object target)
        {
            switch (exception)
            {
                case RunwayApiException api:
                    var record = new ErrorRecord(api, ApiErrorId(api), ApiCategory(api), target ?? api.Path);
                    if (api.TaskMayExist)
                        record.ErrorDetails = new ErrorDetails(api.Message)
                        {
                            RecommendedAction = "Do not simply re-run the command: the task may exist and be charged. Look at your recent tasks first.",
                        };
                    return record;
                case RunwayTaskException task:
                    return new ErrorRecord(task, task.ErrorId, task.Category, task.Task);
                case RunwayConfigurationException config when config.BadBaseUri:
                    return new ErrorRecord(config, "Runway.InvalidBaseUri", ErrorCategory.InvalidArgument,
                        Environment.GetEnvironmentVariable(RunwayConfiguration.BaseUriVariable));
                case RunwayConfigurationException config:
                    return new ErrorRecord(config, "Runway.NotConfigured", ErrorCategory.AuthenticationError, target);
                default:
                    return new ErrorRecord(exception, "Runway.Error", ErrorCategory.NotSpecified, target);
            }
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

        public static ErrorRecord InvalidArgument(string errorId, string message, object target) =>
            new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);
    }
}
