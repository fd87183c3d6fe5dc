using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Runway.Api;
using Runway.Tasks;

namespace Runway.Shell
{
    /// <summary>The journal filters a listing takes (Get-RunwayTask, Export-RunwayContactSheet): -Status, -Since, -Model, -Prompt, -First.</summary>
    public sealed class JournalQuery
    {
        private NameFilter? model;
        private WildcardPattern? promptPattern;

        public string[]? Status { get; private set; }
        public DateTimeOffset? Since { get; private set; }
        /// <summary>Wildcards on the model name, ignoring case.</summary>
        public string[]? Model { get; private set; }
        /// <summary>A wildcard pattern when it has * ? or [, else a substring; ignoring case.</summary>
        public string? Prompt { get; private set; }
        /// <summary>At most this many (the newest); 0 for all.</summary>
        public int First { get; private set; }

        /// <summary>The filters, their patterns checked now (a bad one is a RunwayInputException before the journal or the API is read).</summary>
        public static JournalQuery Create(string[]? status, DateTimeOffset? since, string[]? model, string? prompt, int first) => new JournalQuery
        {
            Status = status,
            Since = since,
            Model = model,
            Prompt = prompt,
            First = first,
            model = NameFilter.From(model, nameof(Model)),
            promptPattern = prompt != null && WildcardPattern.ContainsWildcardCharacters(prompt) ? NameFilter.Pattern(prompt, nameof(Prompt)) : null,
        };

        public bool FiltersByStatus => Status != null && Status.Length > 0;

        /// <summary>-Model as wildcards on the model name; -Prompt as a wildcard when it has one, else as a substring (both case-insensitive).</summary>
        public bool Matches(JournalRecord record)
        {
            if (model != null && !model.IsMatch(record.Model ?? string.Empty))
                return false;
            if (Prompt == null) return true;
            string prompt = record.Prompt ?? string.Empty;
            return promptPattern != null
                ? promptPattern.IsMatch(prompt)
                : prompt.IndexOf(Prompt, StringComparison.OrdinalIgnoreCase) >= 0;
        }
    }

    /// <summary>
    /// Lists the task journal for a cmdlet (newest first, filtered, unfinished tasks refreshed from the API) and
    /// refreshes tasks whose state is not final: the one listing behind Get-RunwayTask and Export-RunwayContactSheet.
    /// </summary>
    public static class TaskListing
    {
        /// <summary>Journal tasks refreshed and output together: the first arrive at once, memory stays bounded.</summary>
        private const int Page = 64;

        /// <summary>
        /// The journal's tasks matching <paramref name="query"/>, newest first, each with its record, streamed page by page
        /// (a page's unfinished tasks refreshed at once); null (after a warning) when the journal is off. Never the whole
        /// file at once: the newest few (-First) are read as a block, otherwise tasks stream and a listing stopped early reads no further.
        /// </summary>
        public static IEnumerable<(RunwayTask Task, JournalRecord Record)>? FromJournal(RunwayCmdlet cmdlet, JournalQuery query, string whenOff)
        {
            if (TaskJournal.FilePath == null)
            {
                cmdlet.WriteWarning($"The task journal is off (${TaskJournal.PathVariable}=off); {whenOff}");
                return null;
            }
            return Stream(cmdlet, query);
        }

        private static IEnumerable<(RunwayTask Task, JournalRecord Record)> Stream(RunwayCmdlet cmdlet, JournalQuery query)
        {
            bool filterByStatus = query.FiltersByStatus;
            int first = query.First;
            DateTimeOffset? since = query.Since;
            IEnumerable<JournalRecord> records = first > 0 && !filterByStatus && query.Model == null && query.Prompt == null
                ? TaskJournal.ReadNewest(first, since, cmdlet.WriteWarning)
                : TaskJournal.StreamNewest(cmdlet.WriteWarning);
            records = records.Where(r => !r.Deleted && query.Matches(r));
            // Past -Since, stop (give or take sessions that wrote out of order).
            if (since.HasValue) records = records.TakeWhile(r => r.CreatedAt >= since.Value.AddMinutes(-5)).Where(r => r.CreatedAt >= since.Value);
            var wanted = filterByStatus ? new HashSet<string>(query.Status, StringComparer.OrdinalIgnoreCase) : null;
            int written = 0;
            var page = new List<JournalRecord>(Page);
            foreach (JournalRecord record in records)
            {
                page.Add(record);
                // Without -Status every task counts towards -First: read no more than it needs.
                int room = first > 0 && !filterByStatus ? Math.Min(Page, first - written) : Page;
                if (page.Count < room) continue;
                foreach (var listed in RefreshPage(cmdlet, page, wanted, first > 0 ? first - written : int.MaxValue))
                {
                    written++;
                    yield return listed;
                }
                page.Clear();
                if (first > 0 && written >= first) yield break;
            }
            if (page.Count > 0)
                foreach (var listed in RefreshPage(cmdlet, page, wanted, first > 0 ? first - written : int.MaxValue))
                    yield return listed;
        }

        /// <summary>Refreshes the page's unfinished tasks from the API (at once), then gives up to <paramref name="most"/> of them in order.</summary>
        private static List<(RunwayTask Task, JournalRecord Record)> RefreshPage(RunwayCmdlet cmdlet, List<JournalRecord> records, HashSet<string>? wanted, int most)
        {
            var tasks = records.Select(r => r.ToTask()).ToList();
            var gone = new HashSet<string>(records.Where(r => r.Gone).Select(r => r.Id), StringComparer.OrdinalIgnoreCase);
            Refresh(cmdlet, tasks, gone);
            return tasks.Select((t, i) => (Task: t, Record: records[i]))
                .Where(t => wanted == null || wanted.Contains(t.Task.Status ?? string.Empty)).Take(most).ToList();
        }

        /// <summary>
        /// Replaces each task whose state is not final (and that the API may still know) with a fresh read (GET, free),
        /// keeping what the earlier sighting knew; a task the API no longer knows keeps its last status, with a warning
        /// (and, when <paramref name="journaled"/> says the journal has it, or is null, the journal stops asking about it).
        /// </summary>
        public static void Refresh(RunwayCmdlet cmdlet, IList<RunwayTask> tasks, ISet<string>? gone = null, Func<string?, bool>? journaled = null)
        {
            RunwayTask[] unfinished = tasks.Where(t => !t.IsFinished && RunwayTask.IsTaskId(t.Id) && (gone == null || !gone.Contains(t.Id))).ToArray();
            if (unfinished.Length == 0) return;
            cmdlet.RunForItem(unfinished.Select(t => t.Id).ToArray(), token => Task.WhenAll(unfinished.Select(async stale =>
            {
                try
                {
                    RunwayTask fresh = await cmdlet.Api.GetTaskOrRunAsync(stale.Id, stale.Endpoint, token).ConfigureAwait(false);
                    fresh.KeepKnown(stale);
                    lock (tasks) tasks[tasks.IndexOf(stale)] = fresh;
                }
                catch (RunwayApiException ex) when (ex.StatusCode == 404)
                {
                    bool inJournal = journaled == null || journaled(stale.Id);
                    if (inJournal) TaskJournal.RecordGone(stale.Id);
                    cmdlet.OnPipeline(() => cmdlet.WriteWarning(inJournal
                        ? $"Task {stale.Id} is in the journal but the API no longer knows it (deleted or expired); it keeps its last known status {stale.Status}."
                        : $"The API no longer knows task {stale.Id} (deleted or expired); it keeps its last known status {stale.Status}."));
                }
            })));
        }
    }
}
