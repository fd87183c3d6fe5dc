using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Runway.Api;
using Runway.Models;

namespace Runway.Shell
{
    /// <summary>What a multi-input command did, written to the information stream (tag Runway.Summary) and to -Verbose.</summary>
    public sealed class BatchSummary
    {
        public int Requested { get; set; }
        public int Refused { get; set; }
        public int Created { get; set; }
        public int Failed { get; set; }
        public int Succeeded { get; set; }
        public decimal EstimatedCredits { get; set; }
        /// <summary>Created tasks whose price is unknown (no estimate from the catalog or the API): not counted as 0.</summary>
        public int UnknownPrice { get; set; }

        /// <summary>Takes the created tasks' number and estimated cost.</summary>
        public void Count(IReadOnlyCollection<RunwayTask> created)
        {
            Created = created.Count;
            EstimatedCredits = created.Sum(t => t.EstimatedCredits ?? 0);
            UnknownPrice = created.Count(t => t.EstimatedCredits == null);
        }

        /// <summary>The summary as the information stream carries it (tag Runway.Summary).</summary>
        public InformationRecord ToRecord(string source)
        {
            var record = new InformationRecord(this, source);
            record.Tags.Add("Runway.Summary");
            return record;
        }

        public override string ToString() =>
            $"{Requested} requested, {Created} created, {Succeeded} succeeded, {Failed + Refused} failed or refused; " +
            (UnknownPrice > 0 && UnknownPrice == Created ? "price unknown."
                : $"about {ModelCatalog.FormatCost(EstimatedCredits)}" + (UnknownPrice > 0 ? $", plus {UnknownPrice} of unknown price." : "."));
    }
}
