using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Runway.Tests
{
    /// <summary>
    /// The module compiles with nullable reference types on and every nullable warning an error. A few files still opt
    /// out with <c>#nullable disable</c> (Models/, annotated once its restructuring lands): that list is a ratchet, it
    /// may only shrink. A new file cannot opt out, and a file that no longer opts out must leave the list.
    /// </summary>
    public class NullableTests
    {
        private static readonly string ModuleRoot = Path.Combine(ArchitectureTests.RepositoryRoot(), "src", "Runway");

        /// <summary>Paths relative to src/Runway, with forward slashes.</summary>
        private static readonly HashSet<string> StillDisabled = new HashSet<string>(StringComparer.Ordinal)
        {
        };

        private static readonly Regex DisableDirective = new Regex(@"^\s*#nullable\s+disable\b", RegexOptions.Multiline);

        private static string[] FilesThatOptOut() =>
            Directory.EnumerateFiles(ModuleRoot, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(ModuleRoot, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
                .Where(f => DisableDirective.IsMatch(File.ReadAllText(Path.Combine(ModuleRoot, f))))
                .OrderBy(f => f, StringComparer.Ordinal).ToArray();

        [Fact]
        public void No_file_outside_the_list_turns_nullable_off()
        {
            string[] offenders = FilesThatOptOut().Where(f => !StillDisabled.Contains(f)).ToArray();
            Assert.True(offenders.Length == 0,
                $"Annotate these files instead of turning nullable off (#nullable disable): {string.Join(", ", offenders)}");
        }

        [Fact]
        public void The_list_of_files_without_nullable_only_shrinks()
        {
            string[] optOut = FilesThatOptOut();
            string[] stale = StillDisabled.Where(f => !optOut.Contains(f)).OrderBy(f => f, StringComparer.Ordinal).ToArray();
            Assert.True(stale.Length == 0,
                $"These files are annotated now (or gone): remove them from {nameof(NullableTests)}.{nameof(StillDisabled)}: {string.Join(", ", stale)}");
        }

        [Fact]
        public void The_module_builds_with_nullable_on_and_its_warnings_as_errors()
        {
            string project = File.ReadAllText(Path.Combine(ModuleRoot, "Runway.csproj"));
            Assert.Matches(@"<Nullable>\s*enable\s*</Nullable>", project);
            Assert.Contains("nullable", WarningsAsErrors(project));
        }

        /// <summary>
        /// The analyzer warnings the module has cleared fail its build: this list only grows, until the last two warnings
        /// (CA1861, CA1854 in Models/RequestBuilder.Fields.cs) are gone and TreatWarningsAsErrors makes every warning one.
        /// </summary>
        private static readonly string[] ModuleErrors =
        {
            "nullable", "CS4014", "CA1001", "CA1068", "CA1305", "CA1309", "CA1310", "CA1716", "CA1720", "CA1725", "CA1822", "CA1825",
            "CA1834", "CA1859", "CA2011", "CA2012", "CA2013", "CA2014", "CA2015", "CA2016", "CA2017", "CA2018", "CA2200", "CA2208", "CA2211",
        };

        [Fact]
        public void The_module_builds_with_the_analyzers_on_and_the_warnings_it_cleared_as_errors()
        {
            string project = File.ReadAllText(Path.Combine(ModuleRoot, "Runway.csproj"));
            Assert.Matches(@"<EnableNETAnalyzers>\s*true\s*</EnableNETAnalyzers>", project);
            Assert.Matches(@"<AnalysisLevel>\s*latest-recommended\s*</AnalysisLevel>", project);
            if (Regex.IsMatch(project, @"<TreatWarningsAsErrors>\s*true\s*</TreatWarningsAsErrors>")) return;
            string[] missing = ModuleErrors.Except(WarningsAsErrors(project), StringComparer.OrdinalIgnoreCase).ToArray();
            Assert.True(missing.Length == 0, $"Runway.csproj no longer fails the build on {string.Join(", ", missing)}: keep them in WarningsAsErrors.");
        }

        [Fact]
        public void The_simulator_builds_with_the_analyzers_on_and_every_warning_an_error()
        {
            string project = File.ReadAllText(Path.Combine(ArchitectureTests.RepositoryRoot(), "src", "Runway.Simulator", "Runway.Simulator.csproj"));
            Assert.Matches(@"<Nullable>\s*enable\s*</Nullable>", project);
            Assert.Matches(@"<AnalysisLevel>\s*latest-recommended\s*</AnalysisLevel>", project);
            Assert.Matches(@"<TreatWarningsAsErrors>\s*true\s*</TreatWarningsAsErrors>", project);
        }

        private static string[] WarningsAsErrors(string project) =>
            Regex.Match(project, @"<WarningsAsErrors>([^<]*)</WarningsAsErrors>").Groups[1].Value.Split(';').Select(w => w.Trim()).ToArray();
    }
}
