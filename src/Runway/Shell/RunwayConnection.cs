using System;

namespace Runway.Shell
{
    /// <summary>What Connect-Runway set up; the key shows only as a hint.</summary>
    public sealed class RunwayConnection
    {
        public Uri? BaseUri { get; set; }
        public string? ApiKeyHint { get; set; }
        public string? KeySource { get; set; }
        public int MaxRetries { get; set; }
        public int RequestTimeoutSec { get; set; }
        public decimal? CreditBalance { get; set; }
        public decimal? MaxCredits { get; set; }
    }
}
