using System;
using System.IO;
using System.Runtime.InteropServices;
using Runway.Api;

namespace Runway.Tasks
{
    /// <summary>Where the journal and the files beside it live.</summary>
    public static class JournalPaths
    {
        public const string PathVariable = "RUNWAY_JOURNAL";

        /// <summary>The journal file, or null when RUNWAY_JOURNAL=off.</summary>
        public static string? Journal
        {
            get
            {
                string? configured = Environment.GetEnvironmentVariable(PathVariable);
                if (string.Equals(configured?.Trim(), "off", StringComparison.OrdinalIgnoreCase)) return null;
                if (!Strings.IsBlank(configured))
                    return Directory.Exists(configured) ? Path.Combine(configured, "journal.jsonl") : Path.GetFullPath(configured);
                return Path.Combine(DataFolder(), "Runway", "journal.jsonl");
            }
        }

        /// <summary>Where compactions move the tasks they take out of the journal: nothing is ever deleted.</summary>
        public static string Archive(string journalPath) =>
            Path.Combine(Path.GetDirectoryName(journalPath) ?? ".", Path.GetFileNameWithoutExtension(journalPath) + ".archive.jsonl");

        /// <summary>The id index beside a journal: a cache, rebuilt from the journal when missing or stale.</summary>
        public static string Index(string journalPath) => journalPath + ".idx";

        /// <summary>The lock file appends take turns through.</summary>
        public static string Lock(string journalPath) => journalPath + ".lock";

        /// <summary>The lock file compactions take turns through (appends never take it).</summary>
        public static string CompactLock(string journalPath) => journalPath + ".compact.lock";

        /// <summary>The new journal a compaction writes before it renames it over the old one.</summary>
        public static string Compacting(string journalPath) => journalPath + ".compacting";

        private static string DataFolder()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                return Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            string xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
            if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)) return xdg;
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }
    }
}
