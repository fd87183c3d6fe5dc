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

        public override string ToString() =>
            $"{Requested} requested, {Created} created, {Succeeded} succeeded, {Failed + Refused} failed or refused; about {ModelCatalog.FormatCost(EstimatedCredits)}.";
    }
}
