using System;
using System.Management.Automation;

namespace Runway.Shell
{
    /// <summary>
    /// An empty or blank string becomes null, so an empty CSV cell (Import-Csv | New-RunwayVideo) means
    /// "not given" instead of 0 or "". Typed on the command line, a text of only spaces is a mistake, not "not given":
    /// it is noted here and <see cref="RunwayCmdlet"/> refuses it before anything is sent (values bound from the
    /// pipeline keep the CSV meaning).
    /// </summary>
    public sealed class BlankAsNullAttribute : ArgumentTransformationAttribute
    {
        // Binding and the cmdlet's BeginProcessing run on the pipeline thread, one right after the other.
        [ThreadStatic] private static int blankNoted;
        [ThreadStatic] private static bool blankPending;

        public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (!(value is string text) || !string.IsNullOrWhiteSpace(text)) return inputData;
            if (text.Length > 0)
            {
                blankPending = true;
                blankNoted = Environment.TickCount;
            }
            return null;
        }

        /// <summary>True (once) when a text of only spaces was just turned into null.</summary>
        internal static bool TakeBlank()
        {
            bool fresh = blankPending && unchecked(Environment.TickCount - blankNoted) <= 10000;
            blankPending = false;
            return fresh;
        }

        internal static bool BlankPending => blankPending && unchecked(Environment.TickCount - blankNoted) <= 10000;
    }
}
