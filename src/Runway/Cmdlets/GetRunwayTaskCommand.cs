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

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = IdSet)]
        [ValidateNotNullOrEmpty]
        [Alias("TaskId")]
        [ArgumentCompleter(typeof(TaskIdCompleter))]
        [ResourceIdInput("task", typeof(RunwayTask))]
        public string[]? Id { get; set; }

        /// <summary>Only journal tasks with these statuses (after refreshing).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("PENDING", "THROTTLED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED", "UNCONFIRMED")]
        public string[]? Status { get; set; }

        /// <summary>Only journal tasks created at or after this time.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTime Since { get; set; }

        /// <summary>Only journal tasks of these models (wildcards allowed: gen4*).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(JournalModelCompleter))]
        [SupportsWildcards]
        public string[]? Model { get; set; }

        /// <summary>Only journal tasks whose prompt contains this text, or matches it as a wildcard pattern when it has * ? or [.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string? Prompt { get; set; }

        /// <summary>At most this many journal tasks (the newest).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, int.MaxValue)]
        [WholeNumber]
        public int First { get; set; }

        // Set by BeginProcessing (a bad pattern ends the command there).
        private JournalQuery query = null!;

        protected override void OnBegin()
        {
            // Bad patterns are refused before the journal or the API is read.
            try
            {
                query = JournalQuery.Create(Status, MyInvocation.BoundParameters.ContainsKey(nameof(Since)) ? new DateTimeOffset(Since) : (DateTimeOffset?)null,
                    Model, Prompt, First);
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
            // Streamed: each page is written as it is read, and a pipeline stopped early reads no further.
            var listed = TaskListing.FromJournal(this, query, "pass -Id to get a task.");
            if (listed == null) return;
            foreach (var task in listed) WriteObject(task.Task);
        }
    }
}
