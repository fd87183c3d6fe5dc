using System.Management.Automation;
using Runway.Api;
using Runway.Models;

using Runway.Shell;

namespace Runway.Cmdlets
{
    [Cmdlet(VerbsCommon.Get, "RunwayCredit", HelpUri = RunwayCmdlet.HelpUriBase + "Get-RunwayCredit.md")]
    [OutputType(typeof(RunwayCredit))]
    public sealed class GetRunwayCreditCommand : RunwayCmdlet
    {
        protected override void EndProcessing()
        {
            RunForItem("organization", async token =>
            {
                RunwayCredit credit = await Api.GetOrganizationAsync(token).ConfigureAwait(false);
                credit.SessionEstimatedSpend = Tasks.SpendingGuard.Spent;
                credit.SessionCreditCap = Tasks.SpendingGuard.CapForReport(out string? problem);
                OnPipeline(() =>
                {
                    if (problem != null) WriteWarning(problem);
                    WriteObject(credit);
                });
            });
        }
    }
}
