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
        private NameFilter model;
        private WildcardPattern promptPattern;

        public string[] Status { get; private set; }
        public DateTimeOffset? Since { get; private set; }
        /// <summary>Wildcards on the model name, ignoring case.</summary>
        public string[] Model { get; private set; }
        /// <summary>A wildcard pattern when it has * ? or [, else a substring; ignoring case.</summary>
        public string Prompt { get; private set; }
        /// <summary>At most this many (the newest); 0 for all.</summary>
        public int First { get; private set; }

        /// <summary>The filters, their patterns checked now (a bad one is a RunwayInputException before the journal or the API is read).</summary>
        public static JournalQuery Create(string[] status, DateTimeOffset? since, string[] model, string prompt, int first) => new JournalQuery
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
        /// <summary>The journal's tasks matching <paramref name="query"/>, each with its record; null (after a warning) when the journal is off.</summary>
        public static List<(RunwayTask Task, JournalRecord Record)> FromJournal(RunwayCmdlet cmdlet, JournalQuery query, string whenOff)
        {
            if (TaskJournal.FilePath == null)
            {
                cmdlet.WriteWarning($"The task journal is off (${TaskJournal.PathVariable}=off); {whenOff}");
                return null;
            }
            DateTimeOffset? since = query.Since;
            bool filterByStatus = query.FiltersByStatus;
            int first = query.First;
            // The newest few are read from the end of the journal, not the whole file.
            IEnumerable<JournalRecord> filtered;
            if (query.Model != null || query.Prompt != null)
            {
                // Read newest first and stop at -First (or at -Since, give or take sessions that wrote out of order).
                filtered = TaskJournal.StreamNewest(cmdlet.WriteWarning).Where(r => !r.Deleted && query.Matches(r));
                if (since.HasValue) filtered = filtered.TakeWhile(r => r.CreatedAt >= since.Value.AddMinutes(-5));
                if (first > 0 && !filterByStatus) filtered = filtered.Where(r => !since.HasValue || r.CreatedAt >= since.Value).Take(first);
            }
            else
                filtered = first > 0 && !filterByStatus ? TaskJournal.ReadNewest(first, since, cmdlet.WriteWarning) : TaskJournal.Read(cmdlet.WriteWarning);
            filtered = filtered.Where(r => !r.Deleted);
            if (since.HasValue)
                filtered = filtered.Where(r => r.CreatedAt >= since.Value);
            var records = filtered.ToList();
            if (!filterByStatus && first > 0) records = records.Take(first).ToList();
            var tasks = records.Select(r => r.ToTask()).ToList();
            var gone = new HashSet<string>(records.Where(r => r.Gone).Select(r => r.Id), StringComparer.OrdinalIgnoreCase);
            Refresh(cmdlet, tasks, gone);
            var listed = tasks.Select((t, i) => (Task: t, Record: records[i])).ToList();
            if (filterByStatus)
            {
                var wanted = new HashSet<string>(query.Status, StringComparer.OrdinalIgnoreCase);
                listed = listed.Where(t => wanted.Contains(t.Task.Status ?? string.Empty)).ToList();
                if (first > 0) listed = listed.Take(first).ToList();
            }
            return listed;
        }

        /// <summary>
        /// Replaces each task whose state is not final (and that the API may still know) with a fresh read (GET, free),
        /// keeping what the earlier sighting knew; a task the API no longer knows keeps its last status, with a warning
        /// (and, when <paramref name="journaled"/> says the journal has it, or is null, the journal stops asking about it).
        /// </summary>
        public static void Refresh(RunwayCmdlet cmdlet, IList<RunwayTask> tasks, ISet<string> gone = null, Func<string, bool> journaled = null)
        {
            RunwayTask[] unfinished = tasks.Where(t => !t.IsFinished && RunwayTask.IsTaskId(t.Id) && (gone == null || !gone.Contains(t.Id))).ToArray();
            if (unfinished.Length == 0) return;
            cmdlet.RunForItem(unfinished.Select(t => t.Id).ToArray(), token => Task.WhenAll(unfinished.Select(async stale =>
            {
                try
                {
                    RunwayTask fresh = await cmdlet.Api.GetTaskAsync(stale.Id, token).ConfigureAwait(false);
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
