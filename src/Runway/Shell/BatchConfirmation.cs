using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Runway.Models;
using Runway.Tasks;

namespace Runway.Shell
{
    /// <summary>
    /// -WhatIf and -Confirm for a batch of paid tasks: with -Confirm the batch is asked about once, with its
    /// total, when every input is known; with -WhatIf each task is shown and then the total.
    /// </summary>
    public sealed class BatchConfirmation
    {
        private readonly PSCmdlet cmdlet;
        private readonly bool confirmOnce;
        private readonly List<(int Number, GenerationRequest Request)> awaiting = new List<(int, GenerationRequest)>();
        private int shownCount;
        private int shownUnpriced;
        private decimal shownCredits;

        public BatchConfirmation(PSCmdlet cmdlet)
        {
            this.cmdlet = cmdlet;
            WhatIf = SwitchOrPreference("WhatIf", "WhatIfPreference");
            confirmOnce = !WhatIf && ConfirmationWillPrompt();
        }

        public bool WhatIf { get; }

        /// <summary>Credits of the tasks asked about but not created yet: the spending cap counts them too.</summary>
        public decimal PendingCredits => awaiting.Sum(p => p.Request.CreditsUpperBound) + shownCredits;

        /// <summary>
        /// Checks the spending cap, counting what the batch holds: past it, throws <see cref="RunwayBudgetException"/>,
        /// or with -WhatIf returns a note for the task's line (the task is shown, and would be refused for real).
        /// </summary>
        public string CheckBudget(GenerationRequest request)
        {
            try
            {
                SpendingGuard.Check(request.CreditsUpperBound + PendingCredits, request.Summary, request.PriceKnown, awaiting.Count(p => !p.Request.PriceKnown) + shownUnpriced);
                return string.Empty;
            }
            catch (RunwayBudgetException) when (WhatIf)
            {
                return $" (refused for real: past the session cap of {SpendingGuard.Cap} credits)";
            }
        }

        /// <summary>True to create the task now; false when it waits for the batch's confirmation, or was only shown or declined.</summary>
        public bool Offer(int number, GenerationRequest request, string capNote)
        {
            if (confirmOnce)
            {
                awaiting.Add((number, request));
                return false;
            }
            if (cmdlet.ShouldProcess(request.Summary, $"Create Runway task for {request.CostText}{capNote}")) return true;
            shownCount++;
            shownCredits += request.EstimatedCredits;
            if (!request.PriceKnown) shownUnpriced++;
            return false;
        }

        /// <summary>Asks once about every task held back, with the total; returns those to create.</summary>
        public IReadOnlyList<(int Number, GenerationRequest Request)> ConfirmHeld()
        {
            if (awaiting.Count == 0) return System.Array.Empty<(int, GenerationRequest)>();
            decimal total = awaiting.Sum(p => p.Request.EstimatedCredits);
            bool approximate = awaiting.Any(p => p.Request.CostIsApproximate);
            int unpriced = awaiting.Count(p => !p.Request.PriceKnown);
            string target = awaiting.Count == 1
                ? awaiting[0].Request.Summary
                : $"{awaiting.Count} Runway tasks: " + string.Join(", ", awaiting.GroupBy(p => p.Request.Model.Name).Select(g => $"{g.Count()} × {g.Key}"));
            string action = (awaiting.Count == 1 ? "Create Runway task" : $"Create {awaiting.Count} Runway tasks") +
                            $" for {(approximate ? "about " : "")}{ModelCatalog.FormatCost(total)}" +
                            (unpriced > 0 ? $" plus {unpriced} of unknown price" : string.Empty) +
                            (SpendingGuard.Cap.HasValue ? $" (session cap {SpendingGuard.Cap}, spent {SpendingGuard.Spent})" : string.Empty);
            var batch = awaiting.ToArray();
            awaiting.Clear();
            return cmdlet.ShouldProcess(target, action) ? batch : System.Array.Empty<(int, GenerationRequest)>();
        }

        /// <summary>After -WhatIf of several tasks: one more line with their total.</summary>
        public void ShowWhatIfTotal()
        {
            if (WhatIf && shownCount > 1)
                cmdlet.ShouldProcess($"{shownCount} Runway tasks", $"Create {shownCount} Runway tasks for {ModelCatalog.FormatCost(shownCredits)} in all" +
                    (shownUnpriced > 0 ? $", plus {shownUnpriced} of unknown price" : string.Empty));
        }

        private bool SwitchOrPreference(string parameter, string preference)
        {
            if (cmdlet.MyInvocation.BoundParameters.TryGetValue(parameter, out object value))
                return ((SwitchParameter)value).IsPresent;
            return LanguagePrimitives.IsTrue(cmdlet.GetVariableValue(preference));
        }

        /// <summary>True when ShouldProcess will ask the user (so a batch is confirmed once, with its total).</summary>
        private bool ConfirmationWillPrompt()
        {
            if (cmdlet.MyInvocation.BoundParameters.TryGetValue("Confirm", out object confirm))
                return ((SwitchParameter)confirm).IsPresent;
            object preference = cmdlet.GetVariableValue("ConfirmPreference");
            if (preference is PSObject wrapped) preference = wrapped.BaseObject;
            return preference is ConfirmImpact impact && impact != ConfirmImpact.None && impact <= ConfirmImpact.Medium;
        }
    }
}
