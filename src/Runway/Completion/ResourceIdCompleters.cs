using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using Runway.Api;

namespace Runway.Completion
{
    /// <summary>Completes a router by id or slug (every cmdlet that names a router takes either), the name in the tooltip.</summary>
    public sealed class RouterIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            List<RunwayRouter> routers = RouterSlugCompleter.Routers();
            return OwnResources.Offer(routers, r => r.Id, r => $"Router '{r.Slug}' ({r.Name})", wordToComplete)
                .Concat(OwnResources.Offer(routers, r => r.Slug, r => $"Router {r.Id} ({r.Name})", wordToComplete));
        }
    }

    /// <summary>Completes an organization id from those given to this process's web-app cmdlets (no endpoint lists organizations).</summary>
    public sealed class OrganizationIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            OwnResources.Offer(Seen.OrganizationIds.All, id => id, id => $"Organization {id} (used in this session)", wordToComplete);
    }

    /// <summary>Completes a workflow version id from the workflow list (one free read, kept for a minute), newest version first.</summary>
    public sealed class WorkflowIdCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);
        private static readonly object Gate = new object();
        private static IReadOnlyList<RunwayWorkflowVersion> known = Array.Empty<RunwayWorkflowVersion>();
        private static DateTimeOffset knownAt;
        private static string? knownFor;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            OwnResources.Offer(Versions(), v => v.Id, v => $"Workflow '{v.Name}' version {v.Version}" + (v.IsLatest ? " (latest)" : string.Empty), wordToComplete);

        private static IReadOnlyList<RunwayWorkflowVersion> Versions()
        {
            string? session = RunwaySession.Current?.BaseUri?.ToString();
            lock (Gate)
                if (knownFor == session && DateTimeOffset.UtcNow - knownAt < KeepFor) return known;
            IReadOnlyList<RunwayWorkflowVersion> versions = Array.Empty<RunwayWorkflowVersion>();
            try
            {
                using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3)))
                    versions = new RunwayApi(new RunwayClient(RunwaySession.Current, null)).ListWorkflowsAsync(timeout.Token).GetAwaiter().GetResult();
            }
            catch (Exception)
            {
                // Completion never fails: no key, no network or a slow API offers nothing.
            }
            lock (Gate)
            {
                known = versions;
                knownFor = session;
                knownAt = DateTimeOffset.UtcNow;
            }
            return versions;
        }
    }

    /// <summary>
    /// Completes a realtime session id: the API lists no sessions, so those this process started or read, then the
    /// conversations (a session's conversation has the session's id).
    /// </summary>
    public sealed class RealtimeSessionIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            IReadOnlyList<RunwayRealtimeSession> sessions = Seen.Sessions.All;
            var ids = new HashSet<string?>(sessions.Select(s => s.Id), StringComparer.OrdinalIgnoreCase);
            return OwnResources.Offer(sessions, s => s.Id, s => $"Realtime session ({s.Status})", wordToComplete)
                .Concat(OwnResources.Offer(OwnResources.Conversations().Where(c => !ids.Contains(c.Id)), c => c.Id,
                    c => $"Session of the conversation with '{c.AvatarName ?? c.AvatarId}' ({c.Status})", wordToComplete));
        }
    }
}
