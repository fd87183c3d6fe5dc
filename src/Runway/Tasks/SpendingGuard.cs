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
        public static decimal? CapForReport(out string problem)
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

        /// <summary>Estimated credits of the tasks this session created.</summary>
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
        /// cap, when the price is not known and unknown prices are not allowed.
        /// </summary>
        public static void Check(decimal credits, string what, bool priceKnown = true)
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
                throw new RunwayBudgetException(
                    $"Not sent: {what} would cost {ModelCatalog.FormatCost(credits)}, and this session has spent an estimated {spent} of its {cap.Value}-credit cap" +
                    (reserved > 0 ? $" ({reserved} more are being created)" : string.Empty) +
                    $". Raise it with Connect-Runway -MaxCredits or ${CapVariable}.");
            }
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

        /// <summary>The create was sent and (possibly) charged: the reservation becomes spend.</summary>
        public static void Commit(decimal credits)
        {
            lock (Gate)
            {
                reserved -= credits;
                spent += credits;
            }
        }

        /// <summary>The create was sent and answered with its own estimate (a routed generation's): the reservation goes, the estimate becomes spend.</summary>
        public static void Settle(decimal reservedCredits, decimal estimatedCredits)
        {
            lock (Gate)
            {
                reserved -= reservedCredits;
                spent += estimatedCredits;
            }
        }

        /// <summary>The create certainly started nothing: give the reservation back.</summary>
        public static void Release(decimal credits)
        {
            lock (Gate) reserved -= credits;
        }
    }
}
