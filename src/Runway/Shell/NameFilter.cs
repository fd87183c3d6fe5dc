using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Runway.Api;
using Runway.Models;

namespace Runway.Shell
{
    /// <summary>
    /// The one rule for name filters (-Name, -Model, -Prompt...): patterns are checked before anything is sent (an unbalanced
    /// '[' is Runway.InvalidWildcard, not a raw WildcardPatternException), and, as Get-Process -Name does, a name given without
    /// wildcards that matches nothing is a Runway.NotFound error, while a wildcard that matches nothing is silence.
    /// </summary>
    public sealed class NameFilter
    {
        private readonly List<(string Text, WildcardPattern Pattern, bool Literal)> patterns = new List<(string, WildcardPattern, bool)>();
        private readonly HashSet<string> matched = new HashSet<string>(StringComparer.Ordinal);

        private NameFilter()
        {
        }

        /// <summary>A filter of <paramref name="texts"/> (null or empty: none, and null is returned); throws RunwayInputException on a bad pattern.</summary>
        public static NameFilter? From(IEnumerable<string>? texts, string parameter)
        {
            var filter = new NameFilter();
            foreach (string text in texts ?? Enumerable.Empty<string>())
                if (text != null) filter.patterns.Add((text, Pattern(text, parameter), !WildcardPattern.ContainsWildcardCharacters(text)));
            return filter.patterns.Count == 0 ? null : filter;
        }

        /// <summary>A case-insensitive pattern, checked now: WildcardPattern reports a bad one only when first matched.</summary>
        public static WildcardPattern Pattern(string text, string parameter)
        {
            WildcardPattern pattern = WildcardPattern.Get(text ?? string.Empty, WildcardOptions.IgnoreCase);
            try
            {
                pattern.IsMatch(string.Empty);
            }
            catch (WildcardPatternException ex)
            {
                throw new RunwayInputException(
                    $"-{parameter} '{text}' is not a valid wildcard pattern ({ErrorPolicy.Sentence(ex.Message).TrimEnd('.')}); use `[` in brackets ('[[]') or -{parameter} without brackets. Nothing was sent.",
                    parameter, "Runway.InvalidWildcard", text, ErrorKind.InvalidArgument, ex);
            }
            return pattern;
        }

        /// <summary>True when <paramref name="name"/> matches any pattern (and notes which did).</summary>
        public bool IsMatch(string name)
        {
            bool any = false;
            foreach (var p in patterns)
                if (p.Pattern.IsMatch(name ?? string.Empty))
                {
                    matched.Add(p.Text);
                    any = true;
                }
            return any;
        }

        /// <summary>The names given without wildcards that matched nothing: each a Runway.NotFound error naming <paramref name="what"/>.</summary>
        public IEnumerable<ErrorRecord> Unmatched(string what, string hint) =>
            patterns.Where(p => p.Literal && !matched.Contains(p.Text)).Select(p => new ErrorRecord(
                new System.Management.Automation.ItemNotFoundException($"No {what} is named '{p.Text}'. {hint}"),
                "Runway.NotFound", ErrorCategory.ObjectNotFound, p.Text));
    }
}
