using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Runway
{
    /// <summary>
    /// Windows PowerShell 5.1 (.NET Framework) has no binding redirects for a module's private dependencies:
    /// System.Text.Json and the packages under it ask for versions of System.Memory, Unsafe and friends that
    /// differ from the ones shipped side by side. Resolve those names to the files in the module's folder.
    /// On PowerShell 7 the runtime unifies versions itself and nothing is hooked.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location);
        private static bool hooked;

        public void OnImport()
        {
            // Only .NET Framework needs work here; the export members (Shell.ExportMembers) are in the shipped types file.
            if (hooked || !RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal)) return;
            HookFramework();
        }

        // A method of its own, so that compiling OnImport on PowerShell 7 never loads System.Net.Requests for
        // ServicePointManager (an assembly the import would otherwise load for nothing).
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void HookFramework()
        {
            AppDomain.CurrentDomain.AssemblyResolve += ResolveShipped;
            // .NET Framework without SchUseStrongCrypto offers only SSL 3 / TLS 1.0, which the API refuses.
            System.Net.ServicePointManager.SecurityProtocol |= System.Net.SecurityProtocolType.Tls12;
            hooked = true;
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (!hooked) return;
            AppDomain.CurrentDomain.AssemblyResolve -= ResolveShipped;
            hooked = false;
        }

        private static Assembly? ResolveShipped(object? sender, ResolveEventArgs args)
        {
            string name = new AssemblyName(args.Name).Name;
            string candidate = Path.Combine(ModuleFolder, name + ".dll");
            return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
        }
    }
}
