using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace Runway.Shell
{
    /// <summary>
    /// The module's format views and type members (the shipped <c>*.Format.ps1xml</c> and <c>Runway.Types.ps1xml</c>),
    /// loaded into a runspace by the first Runway command that runs there instead of by the manifest: PowerShell rebuilds
    /// its whole format and type tables for a module's first ps1xml file (about 75 ms), a cost every session importing the
    /// module would pay even if it never ran a command. Every object of this module comes from one of its commands, so
    /// its views and export members are in place before anything formats or exports it.
    /// </summary>
    internal static class SessionViews
    {
        private static readonly ConditionalWeakTable<Runspace, string> Loaded = new ConditionalWeakTable<Runspace, string>();
        private static readonly string Folder = Path.GetDirectoryName(typeof(SessionViews).Assembly.Location) ?? ".";

        /// <summary>The type file, then the format files, as the manifest would list them (sorted, so the order is the same everywhere).</summary>
        internal static string[] TypeFiles => Files("Runway.Types.ps1xml");

        // Runway.Format.ps1xml first: its RunwayTask table is the default view (Runway.RoutedGeneration's is the named Routing view).
        internal static string[] FormatFiles =>
            Files("*.Format.ps1xml").OrderBy(f => string.Equals(Path.GetFileName(f), "Runway.Format.ps1xml", StringComparison.OrdinalIgnoreCase) ? 0 : 1).ToArray();

        /// <summary>Loads the views into the current runspace once; never fails a command (a view is cosmetic).</summary>
        public static void EnsureLoaded()
        {
            Runspace runspace = Runspace.DefaultRunspace;
            if (runspace == null) return;
            lock (Loaded)
            {
                if (Loaded.TryGetValue(runspace, out _)) return;
                Loaded.Add(runspace, Folder);
            }
            try
            {
                // A nested pipeline on the command's own thread: the runspace's type and format tables are its own. Appended,
                // so the files keep their order among themselves and a view the user loaded for these types still wins.
                using (PowerShell shell = PowerShell.Create(RunspaceMode.CurrentRunspace))
                {
                    string[] types = TypeFiles, formats = FormatFiles;
                    if (types.Length > 0) shell.AddCommand("Microsoft.PowerShell.Utility\\Update-TypeData").AddParameter("AppendPath", types);
                    if (formats.Length > 0)
                    {
                        if (types.Length > 0) shell.AddStatement();
                        shell.AddCommand("Microsoft.PowerShell.Utility\\Update-FormatData").AddParameter("AppendPath", formats);
                    }
                    if (types.Length + formats.Length > 0) shell.Invoke();
                }
            }
            catch (Exception e) when (e is RuntimeException || e is InvalidOperationException)
            {
                // A runspace that cannot run them (a restricted session) shows PowerShell's default formatting instead.
            }
        }

        private static string[] Files(string pattern) =>
            Directory.Exists(Folder)
                ? Directory.GetFiles(Folder, pattern).OrderBy(f => Path.GetFileName(f), StringComparer.OrdinalIgnoreCase).ToArray()
                : Array.Empty<string>();
    }
}
