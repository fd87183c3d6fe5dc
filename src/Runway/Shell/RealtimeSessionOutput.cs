using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;

namespace Runway.Shell
{
    /// <summary>How a realtime session is waited for and reported: what a caller needs to join, and never the key itself.</summary>
    public static class RealtimeSessionOutput
    {
        public static Task<RunwayRealtimeSession> WaitReadyAsync(ResourceCmdlet cmdlet, string id, double pollIntervalSec, int timeoutSec, CancellationToken token) =>
            cmdlet.WaitForAsync($"realtime session {id} to be READY",
                t => cmdlet.Api.GetAsync(AvatarApi.RealtimeSessions, id, AvatarApi.ReadSession, t),
                s => s.Status != RunwayRealtimeSession.NotReady,
                s => s.Queued == true ? "NOT_READY (queued for capacity)" : s.Status ?? "?",
                pollIntervalSec, timeoutSec, token);

        /// <summary>Call on the pipeline thread. After a wait for READY, FAILED and CANCELLED sessions are errors; READY ones say how to join.</summary>
        public static void Write(Cmdlet cmdlet, RunwayRealtimeSession session, bool waitedForReady)
        {
            switch (waitedForReady || session.Status == RunwayRealtimeSession.Ready ? session.Status : null)
            {
                case RunwayRealtimeSession.Failed:
                    cmdlet.WriteError(new ErrorRecord(new InvalidOperationException(ErrorPolicy.Sentence($"Realtime session {session.Id} failed: {session.FailureCode}: {session.Failure}")),
                        "Runway.SessionFailed", ErrorCategory.InvalidResult, session));
                    return;
                case RunwayRealtimeSession.Cancelled:
                    cmdlet.WriteError(new ErrorRecord(new InvalidOperationException($"Realtime session {session.Id} was cancelled."),
                        "Runway.SessionCancelled", ErrorCategory.OperationStopped, session));
                    return;
                case RunwayRealtimeSession.Ready when session.HasSessionKey:
                    string until = session.ExpiresAt.HasValue ? $" until {session.ExpiresAt.Value.LocalDateTime:HH:mm:ss}" : string.Empty;
                    cmdlet.WriteInformation(
                        $"Realtime session {session.Id} is READY to join{until}. Its session key (a secret, never shown or logged) is the Bearer token for joining: $session.ReadSessionKey().",
                        InformationTags.Created);
                    break;
            }
            cmdlet.WriteObject(session);
        }
    }
}
