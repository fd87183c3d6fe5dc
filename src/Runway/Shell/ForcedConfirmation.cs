using System.Management.Automation;

namespace Runway.Shell
{
    /// <summary>
    /// -Force on a ConfirmImpact High cmdlet: it skips the confirmation, never -WhatIf (a forced -WhatIf still only
    /// tells what would happen).
    /// </summary>
    public static class ForcedConfirmation
    {
        public static bool Approve(PSCmdlet cmdlet, bool force, string target, string action)
        {
            if (!force || WhatIf(cmdlet)) return cmdlet.ShouldProcess(target, action);
            cmdlet.WriteVerbose($"Performing the operation \"{action}\" on target \"{target}\" (-Force: not confirmed).");
            return true;
        }

        private static bool WhatIf(PSCmdlet cmdlet)
        {
            if (cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out object bound))
                return bound is SwitchParameter s ? s.IsPresent : bound is bool b && b;
            object preference = cmdlet.GetVariableValue("WhatIfPreference");
            return preference is SwitchParameter p ? p.IsPresent : preference is bool value && value;
        }
    }
}
