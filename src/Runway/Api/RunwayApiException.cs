using System;
using System.Collections.Generic;
using System.Linq;

namespace Runway.Api
{
    /// <summary>A request to the Runway API that did not succeed: the API's answer, or why there was none.</summary>
    public class RunwayApiException : Exception
    {
        public RunwayApiException(string message, string method, string path, int statusCode, string? apiMessage,
            IReadOnlyList<string>? issues, AttemptOutcome outcome, bool taskMayExist, Exception? inner = null)
            : base(message, inner)
        {
            Method = method;
            Path = path;
            StatusCode = statusCode;
            ApiMessage = apiMessage;
            Issues = issues ?? Array.Empty<string>();
            Outcome = outcome;
            TaskMayExist = taskMayExist;
        }

        public string Method { get; }
        public string Path { get; }
        /// <summary>The HTTP status, or 0 when no response arrived.</summary>
        public int StatusCode { get; }
        /// <summary>The API's own error message, from the JSON body's "error".</summary>
        public string? ApiMessage { get; }
        /// <summary>Per-field details of a 400, as "field: message".</summary>
        public IReadOnlyList<string> Issues { get; }
        public AttemptOutcome Outcome { get; }
        /// <summary>True when a create may have started (and charged) a task although no id came back.</summary>
        public bool TaskMayExist { get; }
        /// <summary>The wait the server asked for (Retry-After) when it ended past the operation's deadline, so nothing was retried.</summary>
        public TimeSpan? RetryAfterPastDeadline { get; private set; }

        internal static RunwayApiException FromResponse(string method, string path, int status, string? apiMessage, IReadOnlyList<string>? issues, string retryNote,
            RequestKind kind = RequestKind.Idempotent, TimeSpan? refusedWait = null)
        {
            bool mayExist = kind == RequestKind.CreateTask && (status >= 500 || status == 408 || status == 409);
            string what = Strings.IsBlank(apiMessage) ? DefaultMeaning(status) : apiMessage.Trim();
            string detail = issues != null && issues.Count > 0 ? " " + string.Join("; ", issues) + "." : string.Empty;
            // The API's words verbatim, then the status, ending with a full stop: "Task not found (HTTP 404, GET ...)."
            string message = $"Runway API: {what} (HTTP {status}, {method} {path}{retryNote}).{detail}";
            if (status == 401)
                message += $" Check the key in ${RunwayConfiguration.ApiKeyVariable} or run Connect-Runway.";
            if (refusedWait.HasValue)
                message += $" The API asked to wait {refusedWait.Value.TotalSeconds:0.#} s before trying again (Retry-After), which ends after this operation's timeout, so it was not retried.";
            if (mayExist)
                message += MayExistNote;
            else if (kind == RequestKind.CreateResource && (status >= 500 || status == 408))
                message += ResourceMayExistNote;
            return new RunwayApiException(message, method, path, status, apiMessage, issues, AttemptOutcome.Response, mayExist) { RetryAfterPastDeadline = refusedWait };
        }

        internal static RunwayApiException FromNoResponse(string method, string path, AttemptOutcome outcome, RequestKind kind, string retryNote, Exception? inner)
        {
            bool mayExist = kind == RequestKind.CreateTask && outcome != AttemptOutcome.NeverSent;
            string what = outcome == AttemptOutcome.TimedOut ? "no response within the request timeout"
                : outcome == AttemptOutcome.ConnectionLost ? "the connection was lost before the response arrived"
                : "could not connect to the API";
            string? cause = inner?.GetBaseException().Message;
            string message = $"Runway API: {what} ({method} {path}{retryNote})" + (Strings.IsEmpty(cause) ? "." : $": {cause.Trim().TrimEnd('.')}.");
            if (mayExist)
                message += MayExistNote;
            else if (kind == RequestKind.CreateResource && outcome != AttemptOutcome.NeverSent)
                message += ResourceMayExistNote;
            return new RunwayApiException(message, method, path, 0, null, null, outcome, mayExist, inner);
        }

        private const string MayExistNote =
            " The server may have started (and charged for) a task before this failure, so the request was not sent again. Check your recent tasks before retrying.";

        // A free resource: nothing is charged, but a second create could make a duplicate.
        private const string ResourceMayExistNote =
            " The server may have created it before this failure, so the request was not sent again. List them (Get-Runway*) before creating it again.";

        private static string DefaultMeaning(int status)
        {
            switch (status)
            {
                case 400: return "the request was rejected as invalid";
                case 401: return "the API key was not accepted";
                case 403: return "access denied";
                case 404: return "not found";
                case 429: return "rate limit exceeded";
                default: return status >= 500 ? "the service had an internal error" : "unexpected response";
            }
        }

        internal static IReadOnlyList<string> FormatIssues(IEnumerable<KeyValuePair<string, string>> pathAndMessage) =>
            pathAndMessage.Select(p => string.IsNullOrEmpty(p.Key) ? p.Value : p.Key + ": " + p.Value).ToList();
    }
}
