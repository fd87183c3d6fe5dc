using System;
using System.Collections.Generic;

namespace Runway.Tasks
{
    /// <summary>An observer of a wait that is told when status requests start failing (the API stopped answering).</summary>
    public interface IPollTroubleObserver
    {
        /// <summary>A status request for <paramref name="task"/> failed after the client's own retries; the wait goes on until its timeout.</summary>
        void PollFailing(Api.RunwayTask task, Exception cause);
    }

    /// <summary>
    /// What every wait (tasks, workflow runs, resources) does when the API stops answering: one warning with the cause
    /// when an id's polls start failing (again after an answer), and the last cause for the timeout's message, so a
    /// wait is never silent for its whole timeout.
    /// </summary>
    public sealed class PollTrouble
    {
        private readonly Action<string>? warn;
        private readonly Dictionary<string, Exception> failing = new Dictionary<string, Exception>(StringComparer.OrdinalIgnoreCase);

        public PollTrouble(Action<string>? warn)
        {
            this.warn = warn;
        }

        /// <param name="what">The thing waited for, as a sentence names it ("task 1234…", "workflow run 1234…").</param>
        /// <param name="resume">The command that resumes the wait later.</param>
        public void Failed(string? id, string what, string? resume, Exception cause)
        {
            bool first;
            lock (failing)
            {
                first = !failing.ContainsKey(Key(id));
                failing[Key(id)] = cause;
            }
            if (first) warn?.Invoke(Warning(what, resume, cause));
        }

        public void Answered(string? id)
        {
            lock (failing) failing.Remove(Key(id));
        }

        /// <summary>The cause of the last failed status request, when the latest one failed; else null.</summary>
        public Exception? LastFailure(string? id)
        {
            lock (failing) return failing.TryGetValue(Key(id), out Exception? cause) ? cause : null;
        }

        // The ids come from the API's answers; one without an id (never sent a status request) keys as empty.
        private static string Key(string? id) => id ?? string.Empty;

        public static string Warning(string what, string? resume, Exception? cause) =>
            $"Status requests for {what} are failing: {Cause(cause)} Still waiting until the timeout; {what} goes on regardless" +
            (string.IsNullOrEmpty(resume) ? "." : $" (resume later with: {resume}).");

        /// <summary>The sentence a timeout adds when the last status request failed.</summary>
        public static string TimeoutNote(Exception? cause) =>
            cause == null ? string.Empty : $" The last status requests failed: {Cause(cause)}";

        private static string Cause(Exception? cause)
        {
            string text = (cause?.Message ?? "no answer").Trim();
            return text.EndsWith(".", StringComparison.Ordinal) ? text : text + ".";
        }
    }
}
