using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Runway.Api;
using Runway.Models;

using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Credits used per day and model, one row per pair; with -ByApiKey per day and API key.</summary>
    [Cmdlet(VerbsCommon.Get, "RunwayUsage", DefaultParameterSetName = ByModelSet, HelpUri = RunwayCmdlet.HelpUriBase + "Get-RunwayUsage.md")]
    [OutputType(typeof(RunwayUsageRecord), ParameterSetName = new[] { ByModelSet })]
    [OutputType(typeof(RunwayApiKeyUsageRecord), ParameterSetName = new[] { ByApiKeySet })]
    [OutputType(typeof(RunwayUsageSummary), ParameterSetName = new[] { SummarySet })]
    public sealed class GetRunwayUsageCommand : RunwayCmdlet
    {
        public const int MaxDays = 90;
        private const string ByModelSet = "ByModel";
        private const string ByApiKeySet = "ByApiKey";
        private const string SummarySet = "Summary";

        /// <summary>First day included. Default: 29 days before today.</summary>
        [Parameter(Position = 0)]
        public DateTime? StartDate { get; set; }

        /// <summary>First day not included. Default: tomorrow (so today is included).</summary>
        [Parameter(Position = 1)]
        public DateTime? BeforeDate { get; set; }

        /// <summary>Only rows of these models.</summary>
        [Parameter(ParameterSetName = ByModelSet)]
        [ArgumentCompleter(typeof(Completion.ModelCompleter))]
        public string[]? Model { get; set; }

        /// <summary>One row per day and API key (the API's resultsByApiKey) instead of per model.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByApiKeySet)]
        public SwitchParameter ByApiKey { get; set; }

        /// <summary>One object for the whole range instead of rows: the answer's models and apiKeys lists and the total.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SummarySet)]
        public SwitchParameter Summary { get; set; }

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

            foreach (string name in Model ?? System.Array.Empty<string>())
                if (ModelCatalog.Find(name) == null)
                    ThrowTerminatingError(ErrorPolicy.InvalidArgument("Runway.UnknownModel",
                        $"Unknown model '{name}'. Known models: {string.Join(", ", ModelCatalog.Models.Select(m => m.Name))}. " +
                        "For a model this module does not know, filter the rows yourself: Get-RunwayUsage | Where-Object Model -eq <name>.", name));
            var models = Model == null ? null : new HashSet<string>(Model, StringComparer.OrdinalIgnoreCase);
            RunForItem("usage", async token =>
            {
                RunwayUsageReport report = await Api.GetUsageReportAsync(start, before, token).ConfigureAwait(false);
                OnPipeline(() =>
                {
                    if (Summary)
                    {
                        WriteObject(RunwayUsageSummary.From(report, start, before));
                        return;
                    }
                    if (ByApiKey)
                    {
                        if (report.ByApiKey == null)
                            WriteWarning($"The API gave no breakdown by API key for {start:yyyy-MM-dd} to {before:yyyy-MM-dd} (the SDK declares it reserved for future use); without -ByApiKey the rows per model are shown.");
                        foreach (RunwayApiKeyUsageRecord row in report.ByApiKey ?? System.Array.Empty<RunwayApiKeyUsageRecord>())
                            WriteObject(row);
                        return;
                    }
                    foreach (RunwayUsageRecord row in report.Models)
                        if (models == null || (row.Model != null && models.Contains(row.Model)))
                            WriteObject(row);
                });
            });
        }
    }
}
