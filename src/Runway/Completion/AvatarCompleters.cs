using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text.Json;
using System.Threading;
using Runway.Api;
using Runway.Models;

namespace Runway.Completion
{
    /// <summary>
    /// The user's own voices, avatars and documents for tab completion: those this session has seen, else the first
    /// page of the list, fetched once (a short timeout; any failure just offers nothing).
    /// </summary>
    internal static class OwnResources
    {
        private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(3);
        private static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);
        private static readonly Dictionary<string, DateTimeOffset> Tried = new Dictionary<string, DateTimeOffset>();

        public static IReadOnlyList<T> Get<T>(ResourceDirectory<T> directory, string path, Func<JsonElement, T> read, IDictionary<string, string>? query = null) where T : class
        {
            if (!directory.Listed && ShouldTry(path))
            {
                try
                {
                    using (var timeout = new CancellationTokenSource(FetchTimeout))
                    {
                        var client = new RunwayClient(RunwaySession.Current, null);
                        CursorPages.ForEachAsync(client, path, query, CursorPages.MaxPageSize, item =>
                        {
                            read(item);
                            return true;
                        }, timeout.Token).GetAwaiter().GetResult();
                        directory.Listed = true;
                    }
                }
                catch (Exception)
                {
                    // Completion never fails: no key, no network or a slow API offers what is known.
                }
            }
            return directory.All;
        }

        private static bool ShouldTry(string path)
        {
            lock (Tried)
            {
                if (Tried.TryGetValue(path, out DateTimeOffset last) && DateTimeOffset.UtcNow - last < RetryAfter) return false;
                Tried[path] = DateTimeOffset.UtcNow;
                return true;
            }
        }

        public static IReadOnlyList<RunwayVoice> Voices() => Get(Seen.Voices, AvatarApi.Voices, AvatarApi.ReadVoice);
        public static IReadOnlyList<RunwayAvatar> Avatars() => Get(Seen.Avatars, AvatarApi.Avatars, AvatarApi.ReadAvatar);
        public static IReadOnlyList<RunwayAvatarConversation> Conversations() => Get(Seen.Conversations, AvatarApi.Conversations, AvatarApi.ReadConversation);
        public static IReadOnlyList<RunwayAuditLogEntry> AuditLogs() => Get(Seen.AuditLogs, OrganizationApi.AuditLogs, OrganizationApi.ReadAuditLog);
        public static IReadOnlyList<RunwayDocument> Documents() =>
            Get(Seen.Documents, AvatarApi.Documents, AvatarApi.ReadDocument, new Dictionary<string, string> { ["order"] = "desc", ["sort"] = "updatedAt" });


        public static IEnumerable<CompletionResult> Offer<T>(IEnumerable<T> items, Func<T, string?> id, Func<T, string> tip, string wordToComplete)
        {
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            foreach (T item in items)
            {
                string? value = id(item);
                if (value != null && value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    yield return new CompletionResult(value, value, CompletionResultType.ParameterValue, tip(item));
            }
        }
    }

    /// <summary>Completes a voice design -Model.</summary>
    public sealed class VoiceDesignModelCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionContext.Offer(AvatarFacts.VoiceDesignModels, wordToComplete,
                model => model == AvatarFacts.DefaultVoiceDesignModel ? $"{model}: voice design, latest (default)" : $"{model}: voice design, previous generation");
    }

    /// <summary>Completes the id of one of the user's custom voices, showing its name.</summary>
    public sealed class CustomVoiceCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            OwnResources.Offer(OwnResources.Voices(), v => v.Id, v => $"Custom voice '{v.Name}' ({v.Status})", wordToComplete);
    }

    /// <summary>Completes an avatar's voice: the live preset voices, then the user's own custom voices (by id, named in the tooltip).</summary>
    public sealed class AvatarVoiceCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionContext.Offer(AvatarFacts.LiveVoicePresets, wordToComplete, preset => $"Runway live preset voice {preset}")
                .Concat(OwnResources.Offer(OwnResources.Voices().Where(v => v.Status != RunwayVoice.Failed), v => v.Id,
                    v => $"Custom voice '{v.Name}' ({v.Status})", wordToComplete));
    }

    /// <summary>Completes an avatar for a video or session: the preset avatars, then the user's own avatars.</summary>
    public sealed class AvatarCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionContext.Offer(AvatarFacts.AvatarPresets, wordToComplete, preset => $"Runway preset avatar {preset}")
                .Concat(OwnResources.Offer(OwnResources.Avatars(), a => a.Id, a => $"Custom avatar '{a.Name}' ({a.Status})", wordToComplete));
    }

    /// <summary>Completes the id of one of the user's custom avatars.</summary>
    public sealed class CustomAvatarCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            OwnResources.Offer(OwnResources.Avatars(), a => a.Id, a => $"Custom avatar '{a.Name}' ({a.Status})", wordToComplete);
    }

    /// <summary>Completes the id of one of the user's knowledge documents.</summary>
    public sealed class DocumentIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            OwnResources.Offer(OwnResources.Documents(), d => d.Id, d => $"Document '{d.Name}'", wordToComplete);
    }

    /// <summary>Completes the id of one of the user's avatar conversations (a realtime session's id is its conversation's).</summary>
    public sealed class ConversationIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            OwnResources.Offer(OwnResources.Conversations(), c => c.Id, c => $"Conversation '{c.Name}' ({c.Status}, {c.CreatedAt:u})", wordToComplete);
    }

    /// <summary>Completes the id of a workflow run this session started or read (the API has no list of runs).</summary>
    public sealed class WorkflowInvocationIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            OwnResources.Offer(Seen.Invocations.All, i => i.Id, i => $"Workflow run {i.Id} ({i.Status})", wordToComplete);
    }

    /// <summary>Completes the event id of a web-app audit log entry: those seen in this session, else the newest page.</summary>
    public sealed class AuditLogEventCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            OwnResources.Offer(OwnResources.AuditLogs(), e => e.EventId, e => $"{e.Action} by {e.ActorEmail ?? e.ActorUsername ?? "(unknown)"} at {e.Timestamp:u}", wordToComplete);
    }

    /// <summary>Completes an audit log action from the names the SDK declares.</summary>
    public sealed class AuditActionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionContext.Offer(OrganizationApi.AuditActions, wordToComplete, action => action);
    }

    /// <summary>Completes a web-app workspace id from the audit log entries seen in this session (else its newest page).</summary>
    public sealed class WorkspaceIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var workspaces = OwnResources.AuditLogs().Where(e => e.WorkspaceId != 0)
                .GroupBy(e => e.WorkspaceId).Select(g => g.First()).OrderBy(e => e.WorkspaceName, StringComparer.OrdinalIgnoreCase);
            return OwnResources.Offer(workspaces, e => e.WorkspaceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                e => $"Workspace '{e.WorkspaceName}'", wordToComplete);
        }
    }
}
