using System.Management.Automation;

namespace Runway.Shell
{
    /// <summary>
    /// What every Remove-* and Stop-* cmdlet shares (ConfirmImpact High, checked by the contract tests): a -Force that skips
    /// the confirmation, as Remove-Item's does. -WhatIf still only describes, and an explicit -Confirm still asks.
    /// </summary>
    public abstract class DestructiveCmdlet : RunwayCmdlet
    {
        /// <summary>Deletes or stops without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>ShouldProcess, unless -Force (without -Confirm) says the user has already decided.</summary>
        protected bool ShouldDestroy(string target, string action)
        {
            if (!Force || MyInvocation.BoundParameters.ContainsKey("Confirm")) return ShouldProcess(target, action);
            // With -WhatIf, ShouldProcess only describes (and never asks); otherwise -Force answers the question.
            return WhatIfRequested ? ShouldProcess(target, action) : true;
        }

        private bool WhatIfRequested =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out object whatIf)
                ? ((SwitchParameter)whatIf).IsPresent
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
    }
}
