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

        private void ListJournal()
        {
            if (TaskJournal.FilePath == null)
            {
                WriteWarning($"The task journal is off (${TaskJournal.PathVariable}=off); pass -Id to get a task.");
                return;
            }
            bool filterByStatus = Status != null && Status.Length > 0;
            DateTimeOffset? since = MyInvocation.BoundParameters.ContainsKey(nameof(Since)) ? new DateTimeOffset(Since) : (DateTimeOffset?)null;
            // The newest few are read from the end of the journal, not the whole file.
            IEnumerable<JournalRecord> filtered;
            if (Model != null || Prompt != null)
            {
                // Read newest first and stop at -First (or at -Since, give or take sessions that wrote out of order).
                filtered = TaskJournal.StreamNewest(WriteWarning).Where(r => !r.Deleted && Matches(r));
                if (since.HasValue) filtered = filtered.TakeWhile(r => r.CreatedAt >= since.Value.AddMinutes(-5));
                if (First > 0 && !filterByStatus) filtered = filtered.Where(r => !since.HasValue || r.CreatedAt >= since.Value).Take(First);
            }
            else
                filtered = First > 0 && !filterByStatus ? TaskJournal.ReadNewest(First, since, WriteWarning) : TaskJournal.Read(WriteWarning);
            filtered = filtered.Where(r => !r.Deleted);
            if (since.HasValue)
                filtered = filtered.Where(r => r.CreatedAt >= since.Value);
            var records = filtered.ToList();
            var tasks = records.Select(r => r.ToTask()).ToList();
            var gone = new HashSet<string>(records.Where(r => r.Gone).Select(r => r.Id), StringComparer.OrdinalIgnoreCase);
            if (!filterByStatus && First > 0) tasks = tasks.Take(First).ToList();

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
            if (filterByStatus)
            {
                var wanted = new HashSet<string>(Status, StringComparer.OrdinalIgnoreCase);
                tasks = tasks.Where(t => wanted.Contains(t.Status ?? string.Empty)).ToList();
                if (First > 0) tasks = tasks.Take(First).ToList();
            }
            WriteObject(tasks, enumerateCollection: true);
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
