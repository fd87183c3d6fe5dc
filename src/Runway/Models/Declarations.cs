using System;
using System.Linq;

namespace Runway.Models
{
    /// <summary>Reads the generated tables of the SDK declarations (Generated/Declarations.g.cs).</summary>
    internal static partial class Declarations
    {
        /// <summary>The values a field of an endpoint declares (merged across its models), in declaration order.</summary>
        public static string[] ValuesOf(string endpoint, string field)
        {
            string[] values = Values.Where(v => v.Endpoint == endpoint && v.Field == field).SelectMany(v => v.Values).Distinct().ToArray();
            // A name that matches nothing is a typo or a changed declaration: fail at load, in every test, not with an empty list.
            if (values.Length == 0) throw new InvalidOperationException($"The SDK declarations state no values for {endpoint} {field}.");
            return values;
        }
    }
}
