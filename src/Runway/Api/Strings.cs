using System.Diagnostics.CodeAnalysis;

namespace Runway.Api
{
    /// <summary>
    /// string.IsNullOrEmpty and IsNullOrWhiteSpace as the compiler's null analysis reads them on newer frameworks
    /// (netstandard2.0's copies carry no NotNullWhen, so a checked string would still read as maybe null).
    /// </summary>
    internal static class Strings
    {
        public static bool IsEmpty([NotNullWhen(false)] string? value) => string.IsNullOrEmpty(value);

        public static bool IsBlank([NotNullWhen(false)] string? value) => string.IsNullOrWhiteSpace(value);
    }
}
