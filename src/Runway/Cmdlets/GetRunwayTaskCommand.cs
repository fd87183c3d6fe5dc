using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Tasks;

using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>
    /// Gets tasks by id from the API, or, without -Id, lists the tasks in this user's task journal (newest
    /// first), refreshing the unfinished ones from the API.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "RunwayTask", DefaultParameterSetName = ListSet, HelpUri = RunwayCmdlet.HelpUriBase + "Get-RunwayTask.md")]
    [OutputType(typeof(RunwayTask))]
    public sealed class GetRunwayTaskCommand : RunwayCmdlet
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
        [ValidateNotNullOrEmpty]
        [Alias("TaskId")]
        [ArgumentCompleter(typeof(TaskIdCompleter))]
        public string[] Id { get; set; }

        /// <summary>Only journal tasks with these statuses (after refreshing).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("PENDING", "THROTTLED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED", "UNCONFIRMED")]
        public string[] Status { get; set; }

        /// <summary>Only journal tasks created at or after this time.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTime Since { get; set; }

        /// <summary>Only journal tasks of these models (wildcards allowed: gen4*).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(JournalModelCompleter))]
        [SupportsWildcards]
        public string[] Model { get; set; }

        /// <summary>Only journal tasks whose prompt contains this text, or matches it as a wildcard pattern when it has * ? or [.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string Prompt { get; set; }

        /// <summary>At most this many journal tasks (the newest).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, int.MaxValue)]
        [WholeNumber]
        public int First { get; set; }

        private NameFilter modelFilter;
        private WildcardPattern promptPattern;

        protected override void OnBegin()
        {
            // Bad patterns are refused before the journal or the API is read.
            try
            {
                modelFilter = NameFilter.From(Model, nameof(Model));
                promptPattern = Prompt != null && WildcardPattern.ContainsWildcardCharacters(Prompt) ? NameFilter.Pattern(Prompt, nameof(Prompt)) : null;
            }
            catch (RunwayInputException ex)
            {
                ThrowTerminatingError(ErrorPolicy.FromException(ex, ex.Target));
            }
        }

        protected override void OnRecord()
        {
            if (ParameterSetName == IdSet)
            {
                foreach (string id in Id.Where(IsTaskId))
                {
                    RunForItem(id, async token =>
                    {
                        RunwayTask task = await ReadTaskOrRunAsync(id, null, token).ConfigureAwait(false);
                        OnPipeline(() => WriteObject(task));
                    });
                }
                return;
            }
            ListJournal();
        }

        /// <summary>Journal tasks refreshed and output together: the first arrive at once, memory stays bounded.</summary>
        private const int Page = 64;

        private void ListJournal()
        {
            if (TaskJournal.FilePath == null)
            {
                WriteWarning($"The task journal is off (${TaskJournal.PathVariable}=off); pass -Id to get a task.");
                return;
            }
            bool filterByStatus = Status != null && Status.Length > 0;
            DateTimeOffset? since = MyInvocation.BoundParameters.ContainsKey(nameof(Since)) ? new DateTimeOffset(Since) : (DateTimeOffset?)null;
            // Newest first from the end of the journal, never the whole file at once: the newest few (-First) are read
            // as a block; otherwise tasks stream, page by page, and a listing stopped early reads no further.
            IEnumerable<JournalRecord> records = First > 0 && !filterByStatus && Model == null && Prompt == null
                ? TaskJournal.ReadNewest(First, since, WriteWarning)
                : TaskJournal.StreamNewest(WriteWarning);
            records = records.Where(r => !r.Deleted && Matches(r));
            // Past -Since, stop (give or take sessions that wrote out of order).
            if (since.HasValue) records = records.TakeWhile(r => r.CreatedAt >= since.Value.AddMinutes(-5)).Where(r => r.CreatedAt >= since.Value);
            var wanted = filterByStatus ? new HashSet<string>(Status, StringComparer.OrdinalIgnoreCase) : null;
            int written = 0;
            var page = new List<JournalRecord>(Page);
            foreach (JournalRecord record in records)
            {
                page.Add(record);
                // Without -Status every task counts towards -First: read no more than it needs.
                int room = First > 0 && !filterByStatus ? Math.Min(Page, First - written) : Page;
                if (page.Count < room) continue;
                written += WritePage(page, wanted, First > 0 ? First - written : int.MaxValue);
                page.Clear();
                if (First > 0 && written >= First) return;
            }
            if (page.Count > 0) WritePage(page, wanted, First > 0 ? First - written : int.MaxValue);
        }

        /// <summary>Refreshes the page's unfinished tasks from the API (at once), then writes up to <paramref name="most"/> of them in order.</summary>
        private int WritePage(List<JournalRecord> records, HashSet<string> wanted, int most)
        {
            var tasks = records.Select(r => r.ToTask()).ToList();
            var gone = new HashSet<string>(records.Where(r => r.Gone).Select(r => r.Id), StringComparer.OrdinalIgnoreCase);
            RunwayTask[] unfinished = tasks.Where(t => !t.IsFinished && !gone.Contains(t.Id)).ToArray();
            if (unfinished.Length > 0)
            {
                RunForItem(unfinished.Select(t => t.Id).ToArray(), token => Task.WhenAll(unfinished.Select(async stale =>
                {
                    try
                    {
                        RunwayTask fresh = await Api.GetTaskOrRunAsync(stale.Id, stale.Endpoint, token).ConfigureAwait(false);
                        fresh.KeepKnown(stale);
                        lock (tasks) tasks[tasks.IndexOf(stale)] = fresh;
                    }
                    catch (RunwayApiException ex) when (ex.StatusCode == 404)
                    {
                        TaskJournal.RecordGone(stale.Id);
                        OnPipeline(() => WriteWarning($"Task {stale.Id} is in the journal but the API no longer knows it (deleted or expired); it keeps its last known status {stale.Status}."));
                    }
                })));
            }
            int written = 0;
            foreach (RunwayTask task in tasks)
            {
                if (written >= most) break;
                if (wanted != null && !wanted.Contains(task.Status ?? string.Empty)) continue;
                WriteObject(task);
                written++;
            }
            return written;
        }

        /// <summary>-Model as wildcards on the model name; -Prompt as a wildcard when it has one, else as a substring (both case-insensitive).</summary>
        private bool Matches(JournalRecord record)
        {
            if (modelFilter != null && !modelFilter.IsMatch(record.Model ?? string.Empty))
                return false;
            if (Prompt == null) return true;
            string prompt = record.Prompt ?? string.Empty;
            return promptPattern != null
                ? promptPattern.IsMatch(prompt)
                : prompt.IndexOf(Prompt, StringComparison.OrdinalIgnoreCase) >= 0;
        }
    }
}
