using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace Runway.Shell
{
    /// <summary>
    /// Marks an [int]/[long] parameter whose fractional values are refused, not rounded (PowerShell turns -Seed 1.5 into 2
    /// and -OutputCount 2.7 into 3, which bills three images). Binding cannot give a Runway.* error, so the value is noted
    /// here and <see cref="RunwayCmdlet"/> refuses it before the cmdlet does anything (zero requests). Every integer
    /// parameter of every cmdlet carries it (a contract test checks).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class WholeNumberAttribute : ArgumentTransformationAttribute
    {
        /// <summary>A fractional value given to an integer parameter, and the integer PowerShell binds it as.</summary>
        internal sealed class Inexact
        {
            public object? Given;
            public long Bound;
            public int Noted = Environment.TickCount;
        }

        // Binding and the cmdlet's Begin/ProcessRecord run on the pipeline thread, one right after the other. A note
        // left by a binding that failed later (the rounded value out of range) must not refuse a later command's value.
        private const int ExpiresMs = 10000;
        [ThreadStatic] private static List<Inexact>? pending;

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (value is Array array)
            {
                foreach (object item in array) Note(item is PSObject p ? p.BaseObject : item);
            }
            else Note(value);
            return inputData;
        }

        private static void Note(object value)
        {
            double? number = value is double d ? d : value is float f ? f : value is decimal m ? (double)m
                : value is string text && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && !long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? parsed
                : (double?)null;
            if (!number.HasValue || number.Value == Math.Floor(number.Value) || double.IsNaN(number.Value) || double.IsInfinity(number.Value)) return;
            // PowerShell rounds half to even, as Math.Round does.
            double rounded = Math.Round(number.Value, MidpointRounding.ToEven);
            if (rounded < long.MinValue || rounded > long.MaxValue) return;
            (pending ?? (pending = new List<Inexact>())).Add(new Inexact { Given = value, Bound = (long)rounded });
        }

        /// <summary>
        /// Forgets every note: binding may note one piped value more than once (PowerShell tries a parameter with and
        /// without coercion), and what a record's check did not take must not refuse a later command's value.
        /// </summary>
        internal static void DiscardPending() => pending?.Clear();

        /// <summary>Takes the noted value that <paramref name="bound"/> was bound from, if any.</summary>
        internal static Inexact? Take(object bound)
        {
            if (pending == null || pending.Count == 0 || bound == null) return null;
            pending.RemoveAll(n => unchecked(Environment.TickCount - n.Noted) > ExpiresMs);
            var values = new List<long>();
            if (bound is Array array) { foreach (object item in array) if (item != null) values.Add(Convert.ToInt64(item, CultureInfo.InvariantCulture)); }
            else values.Add(Convert.ToInt64(bound, CultureInfo.InvariantCulture));
            for (int i = 0; i < pending.Count; i++)
            {
                if (!values.Contains(pending[i].Bound)) continue;
                Inexact found = pending[i];
                pending.RemoveAt(i);
                return found;
            }
            return null;
        }
    }
}
