using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Runway.Tests
{
    /// <summary>
    /// The module compiles with nullable reference types on and every nullable warning an error, and no file opts out
    /// with <c>#nullable disable</c> (the last Models/ files were annotated when they moved into their descriptors).
    /// </summary>
    public class NullableTests
    {
        private static readonly string ModuleRoot = Path.Combine(ArchitectureTests.RepositoryRoot(), "src", "Runway");

        private static readonly Regex DisableDirective = new Regex(@"^\s*#nullable\s+disable\b", RegexOptions.Multiline);

        private static string[] FilesThatOptOut() =>
            Directory.EnumerateFiles(ModuleRoot, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(ModuleRoot, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
                .Where(f => DisableDirective.IsMatch(File.ReadAllText(Path.Combine(ModuleRoot, f))))
                .OrderBy(f => f, StringComparer.Ordinal).ToArray();

        [Fact]
        public void No_file_turns_nullable_off()
        {
            string[] offenders = FilesThatOptOut();
            Assert.True(offenders.Length == 0,
                $"Annotate these files instead of turning nullable off (#nullable disable): {string.Join(", ", offenders)}");
        }

        [Fact]
        public void The_module_builds_with_nullable_on_and_its_warnings_as_errors()
        {
            string project = File.ReadAllText(Path.Combine(ModuleRoot, "Runway.csproj"));
            Assert.Matches(@"<Nullable>\s*enable\s*</Nullable>", project);
            Assert.Matches(@"<TreatWarningsAsErrors>\s*true\s*</TreatWarningsAsErrors>", project);
        }

        /// <summary>The module builds with no warning (the last ones went with the descriptor move): every warning is an error.</summary>
        [Fact]
        public void The_module_builds_with_the_analyzers_on_and_every_warning_an_error()
        {
            string project = File.ReadAllText(Path.Combine(ModuleRoot, "Runway.csproj"));
            Assert.Matches(@"<EnableNETAnalyzers>\s*true\s*</EnableNETAnalyzers>", project);
            Assert.Matches(@"<AnalysisLevel>\s*latest-recommended\s*</AnalysisLevel>", project);
            Assert.Matches(@"<TreatWarningsAsErrors>\s*true\s*</TreatWarningsAsErrors>", project);
        }

        [Fact]
        public void The_simulator_builds_with_the_analyzers_on_and_every_warning_an_error()
        {
            string project = File.ReadAllText(Path.Combine(ArchitectureTests.RepositoryRoot(), "src", "Runway.Simulator", "Runway.Simulator.csproj"));
            Assert.Matches(@"<Nullable>\s*enable\s*</Nullable>", project);
            Assert.Matches(@"<AnalysisLevel>\s*latest-recommended\s*</AnalysisLevel>", project);
            Assert.Matches(@"<TreatWarningsAsErrors>\s*true\s*</TreatWarningsAsErrors>", project);
        }
    }
}
