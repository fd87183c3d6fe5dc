using System;
using System.Management.Automation;
using Runway.Api;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Avatar usage (sessions and seconds, day by day) over a range of at most 90 days.</summary>
    [Cmdlet(VerbsCommon.Get, "RunwayAvatarUsage",
        HelpUri = RunwayCmdlet.HelpUriBase + "Get-RunwayAvatarUsage.md")]
    [OutputType(typeof(RunwayAvatarUsage))]
    public sealed class GetRunwayAvatarUsageCommand : RunwayCmdlet
    {
        /// <summary>First day (inclusive); default 30 days before -End.</summary>
        [Parameter(Position = 0)]
        public DateTime Start { get; set; }

        /// <summary>End (exclusive); default the start of tomorrow (UTC), so today counts.</summary>
        [Parameter(Position = 1)]
        public DateTime End { get; set; }

        protected override void EndProcessing()
        {
            DateTime end = MyInvocation.BoundParameters.ContainsKey(nameof(End)) ? End : DateTime.UtcNow.Date.AddDays(1);
            DateTime start = MyInvocation.BoundParameters.ContainsKey(nameof(Start)) ? Start : end.AddDays(-30);
            if (end <= start)
            {
                WriteError(ErrorPolicy.InvalidArgument("Runway.InvalidDateRange", $"-End ({end:yyyy-MM-dd HH:mm}) must be after -Start ({start:yyyy-MM-dd HH:mm}).", end));
                return;
            }
            if (end - start > TimeSpan.FromDays(AvatarFacts.UsageMaxDays))
            {
                WriteError(ErrorPolicy.InvalidArgument("Runway.RangeTooLong",
                    $"The range is {(end - start).TotalDays:0.#} days; the API gives avatar usage for at most {AvatarFacts.UsageMaxDays} days at a time.", start));
                return;
            }
            RunForItem(start, async token =>
            {
                RunwayAvatarUsage usage = await Api.GetAvatarUsageAsync(start, end, token).ConfigureAwait(false);
                OnPipeline(() => WriteObject(usage));
            });
        }
    }
}
