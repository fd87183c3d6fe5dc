using System;
using System.Security;
using System.Text.Json;

namespace Runway.Api
{
    /// <summary>
    /// A realtime avatar session: NOT_READY → READY → RUNNING → COMPLETED, or FAILED / CANCELLED. The session key
    /// (READY only) is a secret: it is held as a SecureString, never shown by ToString or the format views.
    /// </summary>
    public sealed class RunwayRealtimeSession
    {
        public const string NotReady = "NOT_READY";
        public const string Ready = "READY";
        public const string Running = "RUNNING";
        public const string Completed = "COMPLETED";
        public const string Failed = "FAILED";
        public const string Cancelled = "CANCELLED";

        public string? Id { get; set; }
        public string? Status { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        /// <summary>NOT_READY: waiting in a queue for capacity.</summary>
        public bool? Queued { get; set; }
        /// <summary>READY: when the session key stops working.</summary>
        public DateTimeOffset? ExpiresAt { get; set; }
        /// <summary>READY: the Bearer key a client joins with (read it with <see cref="ReadSessionKey"/>).</summary>
        public SecureString? SessionKey { get; set; }
        public bool HasSessionKey => SessionKey != null && SessionKey.Length > 0;
        /// <summary>COMPLETED: seconds the session lasted.</summary>
        public double? Duration { get; set; }
        public string? Failure { get; set; }
        public string? FailureCode { get; set; }
        public DateTimeOffset RetrievedAt { get; set; }

        public bool IsEnded => IsEndedStatus(Status);
        public static bool IsEndedStatus(string? status) => status == Completed || status == Failed || status == Cancelled;
        public override string? ToString() => Id;

        /// <summary>The session key as plain text, for handing to a client; null when the session is not READY.</summary>
        public string? ReadSessionKey() => SessionKey == null ? null : new System.Net.NetworkCredential(string.Empty, SessionKey).Password;

        internal static RunwayRealtimeSession FromJson(JsonElement json)
        {
            var session = new RunwayRealtimeSession
            {
                Id = JsonRead.String(json, "id"),
                Status = JsonRead.String(json, "status"),
                CreatedAt = JsonRead.Date(json, "createdAt"),
                Queued = JsonRead.Bool(json, "queued"),
                ExpiresAt = JsonRead.Date(json, "expiresAt"),
                Duration = JsonRead.Number(json, "duration"),
                Failure = JsonRead.String(json, "failure"),
                FailureCode = JsonRead.String(json, "failureCode"),
                RetrievedAt = DateTimeOffset.Now,
            };
            if (JsonRead.String(json, "sessionKey") is string key && key.Length > 0)
            {
                var secure = new SecureString();
                foreach (char c in key) secure.AppendChar(c);
                secure.MakeReadOnly();
                session.SessionKey = secure;
            }
            return session;
        }
    }
}
