using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using Runway.Api;
using Runway.Completion;
using Runway.Media;
using Runway.Shell;
using Runway.Tasks;

namespace Runway.Cmdlets
{
    /// <summary>
    /// Writes a contact sheet: one self-contained HTML page showing each task's outputs beside what made them
    /// (prompt, model, inputs, duration, seed, credits, status), from tasks piped in or from the task journal.
    /// </summary>
    [Cmdlet(VerbsData.Export, "RunwayContactSheet", DefaultParameterSetName = JournalSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low,
        HelpUri = RunwayCmdlet.HelpUriBase + "Export-RunwayContactSheet.md")]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportRunwayContactSheetCommand : RunwayCmdlet
    {
        private const string JournalSet = "Journal";
        private const string PipelineSet = "Pipeline";
        private readonly List<RunwayTask> piped = new List<RunwayTask>();
        // Set by BeginProcessing.
        private string page = null!;
        // Set by BeginProcessing (a bad pattern ends the command there).
        private JournalQuery query = null!;

        /// <summary>The page to write (an .html file); its folder must exist.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = null!;

        /// <summary>Tasks to show (Get-RunwayTask, Wait-RunwayTask, Save-RunwayOutput -PassThru, New-Runway* -Wait).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PipelineSet)]
        [ValidateNotNull]
        public RunwayTask[]? InputObject { get; set; }

        /// <summary>Without tasks piped in: only journal tasks with these statuses (as Get-RunwayTask -Status).</summary>
        [Parameter(ParameterSetName = JournalSet)]
        [ValidateSet("PENDING", "THROTTLED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED", "UNCONFIRMED")]
        public string[]? Status { get; set; }

        /// <summary>Without tasks piped in: only journal tasks created at or after this time.</summary>
        [Parameter(ParameterSetName = JournalSet)]
        public DateTime Since { get; set; }

        /// <summary>Without tasks piped in: only journal tasks of these models (wildcards allowed).</summary>
        [Parameter(ParameterSetName = JournalSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(JournalModelCompleter))]
        [SupportsWildcards]
        public string[]? Model { get; set; }

        /// <summary>Without tasks piped in: only journal tasks whose prompt contains this text (or matches it as a wildcard).</summary>
        [Parameter(ParameterSetName = JournalSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string? Prompt { get; set; }

        /// <summary>Without tasks piped in: at most this many journal tasks, the newest.</summary>
        [Parameter(ParameterSetName = JournalSet)]
        [ValidateRange(1, int.MaxValue)]
        [WholeNumber]
        public int First { get; set; }

        /// <summary>Sections of the page: None (default), Model, Status or Date.</summary>
        [Parameter]
        public ContactSheetGrouping GroupBy { get; set; }

        /// <summary>The order of the cards: Created (default), Model, Status, Credits or Prompt.</summary>
        [Parameter]
        public ContactSheetOrder SortBy { get; set; }

        /// <summary>Reverse the order (newest, most credits first); with -GroupBy Date the days too.</summary>
        [Parameter]
        public SwitchParameter Descending { get; set; }

        /// <summary>Embed images (outputs and input thumbnails) of at most this many bytes in the page as data URIs; larger ones are linked.</summary>
        [Parameter]
        [ValidateRange(0, long.MaxValue)]
        [WholeNumber]
        public long EmbedImagesUpTo { get; set; }

        /// <summary>The page's heading and title.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        /// <summary>Overwrite the page if it exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Output the page as a FileInfo.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void OnBegin()
        {
            // Checked before anything is read or asked: a page that exists (without -Force), a missing folder, a read-only one.
            page = OutputDestination.ForOneFile(this, nameof(Path), Path, Force).Target.Path;
            try
            {
                query = JournalQuery.Create(Status, MyInvocation.BoundParameters.ContainsKey(nameof(Since)) ? new DateTimeOffset(Since) : (DateTimeOffset?)null,
                    Model, Prompt, First);
            }
            catch (Models.RunwayInputException ex)
            {
                ThrowTerminatingError(ErrorPolicy.FromException(ex, ex.Target));
            }
        }

        protected override void OnRecord()
        {
            if (InputObject != null) piped.AddRange(InputObject.Where(t => t != null && !string.IsNullOrEmpty(t.Id)));
        }

        protected override void EndProcessing()
        {
            List<ContactSheetEntry>? entries = ParameterSetName == PipelineSet || MyInvocation.ExpectingInput ? FromPipeline() : FromJournal();
            if (entries == null) return;
            if (entries.Count == 0) WriteWarning("No tasks to show: the contact sheet says so.");
            string what = $"Write a contact sheet of {entries.Count} task{(entries.Count == 1 ? "" : "s")}";
            if (!ShouldProcess(page, what)) return;
            var options = new ContactSheetOptions
            {
                PagePath = page,
                GroupBy = GroupBy,
                SortBy = SortBy,
                Descending = Descending,
                EmbedImagesUpTo = EmbedImagesUpTo,
            };
            if (Title != null) options.Title = Title;
            string html = ContactSheetPage.Build(entries, options);
            try
            {
                AtomicFile.Write(page, Force, stream =>
                {
                    byte[] bytes = new UTF8Encoding(false).GetBytes(html);
                    stream.Write(bytes, 0, bytes.Length);
                });
            }
            catch (Exception ex) when (Reportable(ex))
            {
                Report(ex, page, ErrorPhase.Save);
                return;
            }
            WriteVerbose($"Wrote {page} ({html.Length:N0} characters).");
            if (PassThru) WriteObject(ProviderItem(page));
        }

        private List<ContactSheetEntry>? FromJournal()
        {
            return TaskListing.FromJournal(this, query, "pipe tasks in instead (Get-RunwayTask -Id ... | Export-RunwayContactSheet).")
                ?.Select(t => new ContactSheetEntry(t.Task, t.Record)).ToList();
        }

        /// <summary>The tasks piped in (the last of each id), completed from the journal; those of unknown state refreshed.</summary>
        private List<ContactSheetEntry> FromPipeline()
        {
            var tasks = piped.GroupBy(t => t.Id, StringComparer.OrdinalIgnoreCase).Select(g => g.Last()).ToList();
            var records = tasks.Count == 0 ? new Dictionary<string, JournalRecord>()
                : TaskJournal.Read(WriteWarning).ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
            var gone = new HashSet<string>(records.Values.Where(r => r.Gone).Select(r => r.Id), StringComparer.OrdinalIgnoreCase);
            TaskListing.Refresh(this, tasks, gone, id => id != null && records.ContainsKey(id));
            return tasks.Select(t => ContactSheetEntry.Merge(t, t.Id != null && records.TryGetValue(t.Id, out JournalRecord? r) ? r : null)).ToList();
        }

        private object ProviderItem(string path)
        {
            try
            {
                var items = InvokeProvider.Item.Get(new[] { path }, false, true);
                if (items.Count == 1) return items[0];
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is ProviderNotFoundException || ex is NotSupportedException)
            {
            }
            return new FileInfo(path);
        }
    }
}
