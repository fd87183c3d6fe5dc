using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Runway.Models;
using Xunit;

namespace Runway.Tests
{
    /// <summary>
    /// One descriptor per endpoint: every task endpoint of the catalog is described in one file,
    /// <c>src/Runway/Models/Descriptors/&lt;Name&gt;Endpoint.cs</c>, holding its path constant (in the partial
    /// <see cref="Endpoints"/>), an <see cref="EndpointSection"/> (its one row and the models only it serves), and, when its cmdlet
    /// reaches no other endpoint, its builder (the partial RequestBuilder; a cmdlet that picks among several endpoints
    /// shares one builder across them). Models served by several endpoints of a family may sit in one family table.
    /// </summary>
    public class DescriptorTests
    {
        private static readonly string DescriptorFolder = Path.Combine(ArchitectureTests.RepositoryRoot(), "src", "Runway", "Models", "Descriptors");

        private static IReadOnlyList<(string File, string Code)> DescriptorFiles() =>
            Directory.Exists(DescriptorFolder)
                ? Directory.EnumerateFiles(DescriptorFolder, "*.cs", SearchOption.AllDirectories)
                    .OrderBy(f => f, StringComparer.Ordinal)
                    .Select(f => (Path.GetRelativePath(DescriptorFolder, f).Replace(Path.DirectorySeparatorChar, '/'), SourceRulesTests.CodeOnly(File.ReadAllText(f))))
                    .ToArray()
                : Array.Empty<(string, string)>();

        /// <summary>The file declaring a section type (a top-level or nested class of that name deriving from CatalogSection).</summary>
        private static string FileDeclaring(Type section, IReadOnlyList<(string File, string Code)> files)
        {
            var declaration = new Regex($@"\bclass\s+{Regex.Escape(section.Name)}\s*:\s*(?:Endpoint|Catalog)Section\b");
            string[] found = files.Where(f => declaration.IsMatch(f.Code)).Select(f => f.File).ToArray();
            return found.Length == 1 ? found[0] : null;
        }

        /// <summary>The raw source (CodeOnly blanks string literals, so the path constant is read from the file itself).</summary>
        private static string Source(string file) => File.ReadAllText(Path.Combine(DescriptorFolder, file));

        public static TheoryData<string> DescribedEndpoints()
        {
            var data = new TheoryData<string>();
            foreach (string endpoint in ModelCatalog.EndpointTable.Select(r => r.Name).Distinct()) data.Add(endpoint);
            return data;
        }

        [Theory]
        [MemberData(nameof(DescribedEndpoints))]
        public void An_endpoint_is_described_in_one_file_of_its_own(string endpoint)
        {
            var files = DescriptorFiles();
            CatalogSection[] sections = ModelCatalog.Sections.Where(s => s.EndpointRows.Any(r => r.Name == endpoint)).ToArray();
            Assert.True(sections.Length == 1, $"{endpoint}: rows in {sections.Length} sections ({string.Join(", ", sections.Select(s => s.GetType().Name))}); one descriptor holds them");
            CatalogSection section = sections[0];
            Assert.True(section is EndpointSection, $"{endpoint}: its section {section.GetType().Name} derives from CatalogSection; an endpoint's descriptor is an EndpointSection (one row, one shape)");
            string[] others = section.EndpointRows.Select(r => r.Name).Where(n => n != endpoint).Distinct().ToArray();
            Assert.True(others.Length == 0, $"{endpoint}: its section {section.GetType().Name} also describes {string.Join(", ", others)}; one section per endpoint");

            string file = FileDeclaring(section.GetType(), files);
            Assert.True(file != null, $"{endpoint}: its section {section.GetType().Name} is not declared in exactly one file of src/Runway/Models/Descriptors");
            Assert.EndsWith("Endpoint.cs", file);
            string source = Source(file);
            Assert.True(Regex.IsMatch(source, $@"\bconst\s+string\s+\w+\s*=\s*""{Regex.Escape(endpoint)}"""),
                $"{file}: no path constant (public const string X = \"{endpoint}\"; in the partial Endpoints class)");
            Assert.Matches(@"\bpartial\s+class\s+Endpoints\b", SourceRulesTests.CodeOnly(source));

            string cmdlet = section.EndpointRows.First(r => r.Name == endpoint).Cmdlet;
            bool sharedBuilder = ModelCatalog.EndpointsOf(cmdlet).Select(r => r.Name).Distinct().Count() > 1;
            if (!sharedBuilder)
                Assert.True(Regex.IsMatch(SourceRulesTests.CodeOnly(source), @"\bpartial\s+class\s+RequestBuilder\b"),
                    $"{file}: {cmdlet} reaches only {endpoint}, so its builder (partial class RequestBuilder) belongs in the descriptor");
        }

        [Fact]
        public void Every_file_of_the_descriptor_folder_describes_an_endpoint_or_a_family()
        {
            var files = DescriptorFiles();
            string[] described = ModelCatalog.Sections.Select(s => FileDeclaring(s.GetType(), files)).Where(f => f != null).ToArray();
            string[] strays = files.Select(f => f.File)
                .Where(f => f.EndsWith("Endpoint.cs", StringComparison.Ordinal) && !described.Contains(f))
                .ToArray();
            Assert.True(strays.Length == 0, $"Descriptor files without a catalog section: {string.Join(", ", strays)}");
        }
    }
}
