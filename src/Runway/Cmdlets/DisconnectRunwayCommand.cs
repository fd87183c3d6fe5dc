using System.Management.Automation;
using Runway.Api;
using Runway.Tasks;

namespace Runway.Cmdlets
{
    /// <summary>Forgets what Connect-Runway set; the environment variables apply again.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Runway", HelpUri = Shell.RunwayCmdlet.HelpUriBase + "Disconnect-Runway.md")]
    [OutputType(typeof(void))]
    public sealed class DisconnectRunwayCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            RunwaySession.Disconnect();
            TierLimits.Forget();
            SpendingGuard.SetCap(null);
            // -AllowUnknownPrice belongs to the connection it was given with, like the cap.
            SpendingGuard.AllowUnknownPrice = false;
        }
    }
}
