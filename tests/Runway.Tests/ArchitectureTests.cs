using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using NetArchTest.Rules;
using Xunit;

namespace Runway.Tests
{
    /// <summary>
    /// The module's layers and their one direction: Api ← Models (catalog, requests) ← Media ← Tasks ← the
    /// PowerShell layer (Shell, Completion, Cmdlets), with the root namespace (the module's entry) above them all.
    /// A dependency against that direction fails here; what the compiler inlines (a const, a nameof) leaves no trace
    /// in the IL, so <see cref="SourceRulesTests"/> checks the same rules on the source.
    /// </summary>
    public class ArchitectureTests
    {
        private const string Api = "Runway.Api";
        private const string Models = "Runway.Models";
        private const string Media = "Runway.Media";
        private const string Tasks = "Runway.Tasks";
        private const string Shell = "Runway.Shell";
        private const string Completion = "Runway.Completion";
        private const string Cmdlets = "Runway.Cmdlets";
        private const string PowerShell = "System.Management.Automation";

        private static readonly Assembly Module = typeof(Runway.Api.RunwayApi).Assembly;

        public static TheoryData<string, string[]> Layers => new TheoryData<string, string[]>
        {
            { Api, new[] { Models, Media, Tasks, Shell, Completion, Cmdlets, PowerShell } },
            { Models, new[] { Media, Tasks, Shell, Completion, Cmdlets, PowerShell } },
            { Media, new[] { Tasks, Shell, Completion, Cmdlets, PowerShell } },
            { Tasks, new[] { Shell, Completion, Cmdlets, PowerShell } },
            { Shell, new[] { Cmdlets } },
            { Completion, new[] { Shell, Cmdlets } },
        };

        [Theory]
        [MemberData(nameof(Layers))]
        public void A_layer_depends_only_on_the_layers_below_it(string layer, string[] forbidden)
        {
            TestResult result = Types.InAssembly(Module).That().ResideInNamespace(layer)
                .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
            string offenders = result.FailingTypeNames == null ? "" : string.Join(", ", result.FailingTypeNames);
            Assert.True(result.IsSuccessful, $"{layer} must not depend on {string.Join(", ", forbidden)}; offending types: {offenders}");
        }

        public static TheoryData<string> LayerNamespaces => new TheoryData<string> { Api, Models, Media, Tasks, Shell, Completion, Cmdlets };

        [Theory]
        [MemberData(nameof(LayerNamespaces))]
        public void No_layer_depends_on_a_type_of_the_root_namespace(string layer)
        {
            // "Runway" is a prefix of every layer, so the root is named by its types (ModuleInitializer: PowerShell's entry).
            string[] rootTypes = Module.GetTypes().Where(t => t.Namespace == "Runway" && !t.Name.StartsWith('<')).Select(t => t.FullName).ToArray();
            Assert.NotEmpty(rootTypes);
            TestResult result = Types.InAssembly(Module).That().ResideInNamespace(layer)
                .ShouldNot().HaveDependencyOnAny(rootTypes).GetResult();
            string offenders = result.FailingTypeNames == null ? "" : string.Join(", ", result.FailingTypeNames);
            Assert.True(result.IsSuccessful, $"{layer} must not depend on the root namespace ({string.Join(", ", rootTypes)}); offending types: {offenders}");
        }

        [Fact]
        public void Every_type_lives_in_one_of_the_layers()
        {
            string[] layers = { Api, Models, Media, Tasks, Shell, Completion, Cmdlets };
            string[] stray = Module.GetTypes()
                .Where(t => t.Namespace != null && t.GetCustomAttribute<CompilerGeneratedAttribute>() == null && !t.Name.StartsWith('<'))
                .Where(t => t.Namespace != "Runway" && !layers.Contains(t.Namespace))
                // src/Polyfills: internal copies of the nullable flow attributes netstandard2.0 lacks, where the compiler looks for them.
                .Where(t => !(t.Namespace == "System.Diagnostics.CodeAnalysis" && !t.IsPublic && typeof(Attribute).IsAssignableFrom(t)))
                .Select(t => t.FullName).ToArray();
            Assert.Empty(stray);
        }

        [Fact]
        public void Cmdlets_holds_exactly_the_exported_cmdlets_a_file_each()
        {
            string root = RepositoryRoot();
            string manifest = File.ReadAllText(Path.Combine(root, "Runway.psd1"));
            string exportList = Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\(([^)]*)\)").Groups[1].Value;
            string[] exported = Regex.Matches(exportList, "'([^']+)'").Cast<Match>().Select(m => m.Groups[1].Value).OrderBy(n => n).ToArray();

            Type[] cmdletTypes = Module.GetTypes().Where(t => t.Namespace == Cmdlets && !t.IsNested && !t.Name.StartsWith('<')).ToArray();
            // Read as data: PowerShellStandard.Library is a reference assembly, its attributes cannot run here.
            string[] names = cmdletTypes.Select(t => t.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType.Name == nameof(CmdletAttribute)))
                .Select(a => a == null ? "(not a cmdlet)" : a.ConstructorArguments[0].Value + "-" + a.ConstructorArguments[1].Value).OrderBy(n => n).ToArray();
            Assert.Equal(exported, names);

            string[] files = Directory.GetFiles(Path.Combine(root, "src", "Runway", "Cmdlets"), "*.cs").Select(Path.GetFileNameWithoutExtension).OrderBy(n => n).ToArray();
            Assert.Equal(cmdletTypes.Select(t => t.Name).OrderBy(n => n).ToArray(), files);
            foreach (string file in Directory.GetFiles(Path.Combine(root, "src", "Runway", "Cmdlets"), "*.cs"))
                Assert.True(File.ReadAllLines(file).Length <= 200, $"{Path.GetFileName(file)} has more than 200 lines: move support code out of Cmdlets/.");
        }

        [Fact]
        public void The_lower_layers_never_see_a_PSObject_or_ErrorRecord()
        {
            // The cheap reflection view of the same rule, on public signatures (the IL check above covers bodies).
            foreach (Type type in Module.GetTypes().Where(t => new[] { Api, Models, Media, Tasks }.Contains(t.Namespace)))
                foreach (MemberInfo member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                {
                    Type[] used = member is MethodInfo m ? m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType).ToArray()
                        : member is PropertyInfo p2 ? new[] { p2.PropertyType } : Array.Empty<Type>();
                    Assert.DoesNotContain(used, t => t.Namespace == PowerShell);
                }
        }

        internal static string RepositoryRoot()
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "Runway.psd1"))) dir = Path.GetDirectoryName(dir);
            Assert.NotNull(dir);
            return dir;
        }
    }
}
