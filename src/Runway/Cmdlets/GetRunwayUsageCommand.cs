using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Runway.Api;
using Runway.Models;

using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Credits used per day and model, one row per pair.</summary>
    [Cmdlet(VerbsCommon.Get, "RunwayUsage", HelpUri = RunwayCmdlet.HelpUriBase + "Get-RunwayUsage.md")]
    [OutputType(typeof(RunwayUsageRecord))]
    public sealed class GetRunwayUsageCommand : RunwayCmdlet
    {
        public const int MaxDays = 90;

        /// <summary>First day included. Default: 29 days before today.</summary>
        [Parameter(Position = 0)]
        public DateTime? StartDate { get; set; }

        /// <summary>First day not included. Default: tomorrow (so today is included).</summary>
        [Parameter(Position = 1)]
        public DateTime? BeforeDate { get; set; }

        /// <summary>Only rows of these models.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(Completion.ModelCompleter))]
        public string[] Model { get; set; }

        protected override void EndProcessing()
        {
            DateTime before = (BeforeDate ?? DateTime.Today.AddDays(1)).Date;
            DateTime start = (StartDate ?? before.AddDays(-30)).Date;
            if (start >= before)
                ThrowTerminatingError(ErrorPolicy.InvalidArgument("Runway.InvalidDateRange",
                    $"-StartDate ({start:yyyy-MM-dd}) must be before -BeforeDate ({before:yyyy-MM-dd}).", start));
            if ((before - start).TotalDays > MaxDays)
                ThrowTerminatingError(ErrorPolicy.InvalidArgument("Runway.InvalidDateRange",
                    $"The API reports at most {MaxDays} days at once; {start:yyyy-MM-dd} to {before:yyyy-MM-dd} is {(before - start).TotalDays} days. Query in several ranges.", start));

            foreach (string name in Model ?? new string[0])
                if (ModelCatalog.Find(name) == null)
                    ThrowTerminatingError(ErrorPolicy.InvalidArgument("Runway.UnknownModel",
                        $"Unknown model '{name}'. Known models: {string.Join(", ", ModelCatalog.Models.Select(m => m.Name))}. " +
                        "For a model this module does not know, filter the rows yourself: Get-RunwayUsage | Where-Object Model -eq <name>.", name));
            var models = Model == null ? null : new HashSet<string>(Model, StringComparer.OrdinalIgnoreCase);
            RunForItem("usage", async token =>
            {
                IReadOnlyList<RunwayUsageRecord> rows = await Api.GetUsageAsync(start, before, token).ConfigureAwait(false);
                OnPipeline(() =>
                {
                    foreach (RunwayUsageRecord row in rows)
                        if (models == null || models.Contains(row.Model))
                            WriteObject(row);
                });
            });
        }
    }
}
