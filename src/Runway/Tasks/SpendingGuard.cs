using System;
using System.Globalization;
using Runway.Api;
using Runway.Models;

namespace Runway.Tasks
{
    /// <summary>The session would spend more than the user's cap.</summary>
    public sealed class RunwayBudgetException : InvalidOperationException
    {
        public RunwayBudgetException(string message) : base(message) { }
    }

    /// <summary>A setting the module cannot read: refused rather than taken as "not set".</summary>
    public sealed class RunwaySettingException : Exception
    {
        public RunwaySettingException(string setting, string value, string message, string errorId, ErrorKind category = ErrorKind.InvalidData)
            : base(message)
        {
            Setting = setting;
            Value = value;
            ErrorId = errorId;
            Category = category;
        }

        /// <summary>The environment variable at fault.</summary>
        public string Setting { get; }
        public string Value { get; }
        public string ErrorId { get; }
        public ErrorKind Category { get; }
    }

    /// <summary>
    /// A spending cap for this PowerShell process (Connect-Runway -MaxCredits, else $env:RUNWAY_MAX_CREDITS):
    /// every create reserves the most it can cost first (its estimate, or the price at the longest input when the
    /// length is unknown here), and one that would take the session past the cap is refused before anything is sent.
    /// </summary>
    public static class SpendingGuard
    {
        public const string CapVariable = "RUNWAY_MAX_CREDITS";
        private static readonly object Gate = new object();
        private static decimal? connectedCap;
        private static decimal spent;
        private static decimal reserved;
        private static bool allowUnknownPrice;

        /// <summary>The cap in force, or null for none. Throws <see cref="RunwaySettingException"/> when $env:RUNWAY_MAX_CREDITS is set but not a plain non-negative number.</summary>
        public static decimal? Cap
        {
            get
            {
                lock (Gate)
                {
                    if (connectedCap.HasValue) return connectedCap;
                }
                return ParseCap(Environment.GetEnvironmentVariable(CapVariable));
            }
        }

        /// <summary>
        /// Reads a cap setting: empty is no cap; digits with an optional decimal point is the cap; anything else
        /// ('5e2', '$5', '-1', '1,000', '5 credits') is an error, because a cap silently ignored would spend without limit.
        /// </summary>
        public static decimal? ParseCap(string text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            const NumberStyles plain = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowDecimalPoint;
            if (decimal.TryParse(text, plain, CultureInfo.InvariantCulture, out decimal cap)) return cap;
            throw new RunwaySettingException(CapVariable, text,
                $"Not sent: ${CapVariable} is '{text}', which is not a number of credits. Set it to a plain non-negative number (for example 500), " +
                $"or remove it for no cap; Connect-Runway -MaxCredits overrides it.",
                "Runway.InvalidCreditCap");
        }

        /// <summary>The cap for a report (Get-RunwayCredit, Connect-Runway): an unreadable setting gives null and says why in <paramref name="problem"/>.</summary>
        public static decimal? CapForReport(out string? problem)
        {
            problem = null;
            try
            {
                return Cap;
            }
            catch (RunwaySettingException ex)
            {
                problem = ex.Message.Replace("Not sent: ", string.Empty) + " Every create is refused until then.";
                return null;
            }
        }

        /// <summary>Credits of the tasks this session created: the API's estimate (else the module's), or the final charge once seen.</summary>
        public static decimal Spent
        {
            get { lock (Gate) return spent; }
        }

        /// <summary>
        /// True when the user allowed tasks whose price Runway does not publish to be sent under a cap (their
        /// cost is then known only from the API's estimatedCost and cost, and counted as reported).
        /// </summary>
        public static bool AllowUnknownPrice
        {
            get { lock (Gate) return allowUnknownPrice; }
            set { lock (Gate) allowUnknownPrice = value; }
        }

        public static void SetCap(decimal? cap)
        {
            lock (Gate) connectedCap = cap;
        }

        /// <summary>
        /// Throws <see cref="RunwayBudgetException"/> when <paramref name="credits"/> more would pass the cap, or, under a
        /// cap, when the price is not known and unknown prices are not allowed. <paramref name="otherUnpriced"/>: tasks of
        /// unknown price held in the same batch, whose cost <paramref name="credits"/> cannot include.
        /// </summary>
        public static void Check(decimal credits, string what, bool priceKnown = true, int otherUnpriced = 0)
        {
            decimal? cap = Cap;
            if (!cap.HasValue) return;
            lock (Gate)
            {
                if (!priceKnown && !allowUnknownPrice)
                    throw new RunwayBudgetException(
                        $"Not sent: Runway publishes no price for {what}, so this session's {cap.Value}-credit cap cannot be kept. " +
                        "Allow tasks of unknown price explicitly, or remove the cap.");
                if (spent + reserved + credits <= cap.Value) return;
                throw new RunwayBudgetException(RefusalText(credits, what, priceKnown ? otherUnpriced : otherUnpriced + 1, cap.Value));
            }
        }

        /// <summary>Why a create is refused, saying only what is known: the priced part, and how many tasks have no published price.</summary>
        internal static string RefusalText(decimal credits, string what, int unpriced, decimal cap)
        {
            string cost;
            if (unpriced == 0) cost = $"would cost {ModelCatalog.FormatCost(credits)}";
            else if (credits == 0)
                cost = unpriced == 1 ? "has no published price (its cost is known only after the create)"
                    : $"includes {unpriced} tasks with no published price (their cost is known only after the create)";
            else cost = $"would cost at least {ModelCatalog.FormatCost(credits)} for its priced part, plus {unpriced} task{(unpriced == 1 ? "" : "s")} with no published price";
            return $"Not sent: {what} {cost}, and this session has spent {spent} of its {cap}-credit cap" +
                   (reserved > 0 ? $" ({reserved} more are being created)" : string.Empty) +
                   $". Raise it with Connect-Runway -MaxCredits or ${CapVariable}.";
        }

        /// <summary>Reserves the estimate of a create about to be sent.</summary>
        public static void Reserve(decimal credits, string what, bool priceKnown = true)
        {
            lock (Gate)
            {
                Check(credits, what, priceKnown);
                reserved += credits;
            }
        }

        /// <summary>
        /// The create was sent and (possibly) charged: the reservation becomes spend, at the API's own estimate
        /// (<paramref name="reported"/>, estimatedCost.credits) when it gave one. With <paramref name="taskId"/>, the
        /// task's final charge replaces it later (<see cref="Settle"/>).
        /// </summary>
        public static void Commit(decimal credits, string? taskId = null, decimal? reported = null)
        {
            lock (Gate)
            {
                reserved -= credits;
                decimal counted = reported ?? credits;
                spent += counted;
                if (taskId != null) counts[taskId] = counted;
            }
        }

        /// <summary>
        /// A task this session created was seen finished with its final charge (cost.credits; 0 when refunded): the
        /// charge replaces what was counted for it, once. False when the task is not this session's or already settled.
        /// </summary>
        public static bool Settle(string? taskId, decimal credits)
        {
            if (taskId == null) return false;
            lock (Gate)
            {
                if (!counts.TryGetValue(taskId, out decimal counted) || settled.Contains(taskId)) return false;
                spent += credits - counted;
                counts[taskId] = credits;
                settled.Add(taskId);
                return true;
            }
        }

        /// <summary>Counts the final charge of a finished task seen with one (see <see cref="Settle"/>).</summary>
        public static void Saw(RunwayTask task)
        {
            if (task != null && task.IsFinished && task.Credits.HasValue) Settle(task.Id, task.Credits.Value);
        }

        /// <summary>Credits counted for each task this session created: its estimate, then its final charge.</summary>
        private static readonly System.Collections.Generic.Dictionary<string, decimal> counts =
            new System.Collections.Generic.Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        private static readonly System.Collections.Generic.HashSet<string> settled =
            new System.Collections.Generic.HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Forgets the session's spend (tests only).</summary>
        internal static void ResetForTests()
        {
            lock (Gate)
            {
                spent = reserved = 0;
                counts.Clear();
                settled.Clear();
            }
        }

        /// <summary>The create certainly started nothing: give the reservation back.</summary>
        public static void Release(decimal credits)
        {
            lock (Gate) reserved -= credits;
        }
    }
}
