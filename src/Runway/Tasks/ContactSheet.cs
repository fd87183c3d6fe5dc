using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Runway.Api;
using Runway.Media;
using Runway.Models;

namespace Runway.Tasks
{
    /// <summary>How the cards of a contact sheet are grouped into sections.</summary>
    public enum ContactSheetGrouping { None, Model, Status, Date }

    /// <summary>The order of the cards within a section.</summary>
    public enum ContactSheetOrder { Created, Model, Status, Credits, Prompt }

    /// <summary>One task on a contact sheet, with the request settings the journal kept for it.</summary>
    public sealed class ContactSheetEntry
    {
        public ContactSheetEntry(RunwayTask task, JournalRecord? record = null)
        {
            Task = task ?? throw new ArgumentNullException(nameof(task));
            Duration = record?.Duration;
            Seed = record?.Seed;
            Ratio = record?.Ratio;
        }

        /// <summary>
        /// A task piped in, completed from its journal record (prompt, inputs, model, settings, saved files) without
        /// changing the caller's object.
        /// </summary>
        public static ContactSheetEntry Merge(RunwayTask piped, JournalRecord? record)
        {
            if (record == null) return new ContactSheetEntry(piped);
            RunwayTask known = record.ToTask();
            var task = new RunwayTask
            {
                Id = piped.Id, Status = piped.Status, Progress = piped.Progress, Output = piped.Output, Failure = piped.Failure,
                FailureCode = piped.FailureCode, CreatedAt = piped.CreatedAt ?? known.CreatedAt, Model = piped.Model, Endpoint = piped.Endpoint,
                EstimatedCredits = piped.EstimatedCredits, Credits = piped.Credits, Prompt = piped.Prompt, RetrievedAt = piped.RetrievedAt,
                Inputs = piped.Inputs, Routing = piped.Routing,
                // Files saved after the task was read (Save-RunwayOutput in another command) are in the journal only.
                SavedTo = known.SavedTo.Concat(piped.SavedTo ?? Array.Empty<string>()).ToArray(),
            };
            if (task.Output == null || task.Output.Length == 0) task.Output = known.Output;
            task.KeepKnown(known);
            return new ContactSheetEntry(task, record);
        }

        public RunwayTask Task { get; }
        /// <summary>The duration the request asked for ("5", "auto"), when the journal knows it.</summary>
        public string? Duration { get; set; }
        /// <summary>The seed the request sent, when it sent one.</summary>
        public string? Seed { get; set; }
        public string? Ratio { get; set; }

        /// <summary>The credits the task counts for: the final charge when reported, else the estimate; null when neither is known.</summary>
        public decimal? CreditsForTotals => Task.Credits ?? (Task.EstimatedCredits > 0 ? Task.EstimatedCredits : null);
    }

    public sealed class ContactSheetOptions
    {
        /// <summary>The page's full path: saved files are linked relative to its folder.</summary>
        public string? PagePath { get; set; }
        public ContactSheetGrouping GroupBy { get; set; }
        public ContactSheetOrder SortBy { get; set; }
        public bool Descending { get; set; }
        /// <summary>Images (outputs and inputs) of at most this many bytes are embedded as data URIs; 0 embeds none.</summary>
        public long EmbedImagesUpTo { get; set; }
        public string Title { get; set; } = "Runway contact sheet";
        public DateTimeOffset GeneratedAt { get; set; } = DateTimeOffset.Now;
        /// <summary>Dates and times are shown in this zone (the local one by default).</summary>
        public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Local;
    }

    /// <summary>The counts at the top of a contact sheet.</summary>
    public sealed class ContactSheetTotals
    {
        public int Tasks { get; set; }
        public int Succeeded { get; set; }
        public int Failed { get; set; }
        public int Cancelled { get; set; }
        /// <summary>Not finished, unconfirmed, or a status newer than this module.</summary>
        public int Other { get; set; }
        /// <summary>Final charges the API reported (0 for refunded tasks).</summary>
        public decimal Charged { get; set; }
        /// <summary>Estimates of tasks whose final charge is not known (yet).</summary>
        public decimal Estimated { get; set; }
        /// <summary>Tasks with neither a charge nor an estimate (a price Runway does not publish).</summary>
        public int UnknownCost { get; set; }

        public static ContactSheetTotals Of(IEnumerable<ContactSheetEntry> entries)
        {
            var totals = new ContactSheetTotals();
            foreach (ContactSheetEntry entry in entries)
            {
                RunwayTask task = entry.Task;
                totals.Tasks++;
                if (task.Status == RunwayTask.Succeeded) totals.Succeeded++;
                else if (task.Status == RunwayTask.Failed) totals.Failed++;
                else if (task.Status == RunwayTask.Cancelled) totals.Cancelled++;
                else totals.Other++;
                if (task.Credits.HasValue) totals.Charged += task.Credits.Value;
                else if (task.EstimatedCredits > 0) totals.Estimated += task.EstimatedCredits.Value;
                else totals.UnknownCost++;
            }
            return totals;
        }
    }

    /// <summary>
    /// What a contact sheet shows for one file (an output or an input): where the page finds it, of which kind.
    /// Never a remote URL as a source: a page that loads nothing from elsewhere works offline and leaks nothing.
    /// </summary>
    public sealed class SheetMedia
    {
        /// <summary>A data URI or a URL relative to the page (file: only when no relative path exists, another drive); null when only a link is known.</summary>
        public string? Source { get; set; }
        public MediaKind? Kind { get; set; }
        public string? Name { get; set; }
        /// <summary>The output URL of an output that was not saved: shown as a link, never loaded.</summary>
        public string? RemoteLink { get; set; }
        /// <summary>The local path, for a title (and when the file is missing).</summary>
        public string? LocalPath { get; set; }
        public bool Missing { get; set; }
        /// <summary>The duration the file's header gives (video, audio), in seconds.</summary>
        public double? Seconds { get; set; }
    }

    /// <summary>Arranges tasks for a contact sheet and finds their files; the HTML is <see cref="ContactSheetPage"/>'s.</summary>
    public static class ContactSheet
    {
        private static readonly char[] DataUriTypeEnd = { ';', ',' };
        private static readonly string[] StatusOrder = { RunwayTask.Succeeded, RunwayTask.Failed, RunwayTask.Cancelled };

        /// <summary>The sections (a single one, keyed "", without grouping) in order, each with its cards sorted.</summary>
        public static IReadOnlyList<KeyValuePair<string, List<ContactSheetEntry>>> Arrange(IEnumerable<ContactSheetEntry> entries, ContactSheetOptions options)
        {
            List<ContactSheetEntry> sorted = Sort(entries, options.SortBy, options.Descending);
            if (options.GroupBy == ContactSheetGrouping.None)
                return new[] { new KeyValuePair<string, List<ContactSheetEntry>>(string.Empty, sorted) };
            var groups = sorted.GroupBy(e => GroupKey(e, options), StringComparer.OrdinalIgnoreCase)
                .Select(g => new KeyValuePair<string, List<ContactSheetEntry>>(g.Key, g.ToList()));
            switch (options.GroupBy)
            {
                case ContactSheetGrouping.Date:
                    // Days follow the cards' direction: oldest first unless -Descending.
                    return (options.Descending ? groups.OrderByDescending(g => g.Key, StringComparer.Ordinal) : groups.OrderBy(g => g.Key, StringComparer.Ordinal)).ToList();
                case ContactSheetGrouping.Status:
                    return groups.OrderBy(g => Array.IndexOf(StatusOrder, g.Key) is int i && i >= 0 ? i : StatusOrder.Length)
                        .ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase).ToList();
                default:
                    return groups.OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase).ToList();
            }
        }

        private static string GroupKey(ContactSheetEntry entry, ContactSheetOptions options)
        {
            RunwayTask task = entry.Task;
            switch (options.GroupBy)
            {
                case ContactSheetGrouping.Model: return task.Model ?? "model unknown";
                case ContactSheetGrouping.Status: return task.Status ?? "status unknown";
                case ContactSheetGrouping.Date: return task.CreatedAt.HasValue ? Local(task.CreatedAt.Value, options).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "date unknown";
                default: return string.Empty;
            }
        }

        private static List<ContactSheetEntry> Sort(IEnumerable<ContactSheetEntry> entries, ContactSheetOrder order, bool descending)
        {
            // Ties (and the Created order itself) go by creation time, then id, so the page is the same every time.
            var list = entries.ToList();
            Comparison<ContactSheetEntry> byKey;
            switch (order)
            {
                case ContactSheetOrder.Model: byKey = (a, b) => string.Compare(a.Task.Model, b.Task.Model, StringComparison.OrdinalIgnoreCase); break;
                case ContactSheetOrder.Status: byKey = (a, b) => string.Compare(a.Task.Status, b.Task.Status, StringComparison.OrdinalIgnoreCase); break;
                case ContactSheetOrder.Credits: byKey = (a, b) => Nullable.Compare(a.CreditsForTotals, b.CreditsForTotals); break;
                case ContactSheetOrder.Prompt: byKey = (a, b) => string.Compare(a.Task.Prompt, b.Task.Prompt, StringComparison.OrdinalIgnoreCase); break;
                default: byKey = (a, b) => 0; break;
            }
            Comparison<ContactSheetEntry> full = (a, b) =>
            {
                int c = byKey(a, b);
                if (c == 0) c = Nullable.Compare(a.Task.CreatedAt, b.Task.CreatedAt);
                if (c == 0) c = string.CompareOrdinal(a.Task.Id, b.Task.Id);
                return descending ? -c : c;
            };
            // A stable sort: List.Sort is not.
            return list.Select((e, i) => (e, i)).OrderBy(p => p, Comparer<(ContactSheetEntry e, int i)>.Create((x, y) =>
            {
                int c = full(x.e, y.e);
                return c != 0 ? c : x.i.CompareTo(y.i);
            })).Select(p => p.e).ToList();
        }

        internal static DateTimeOffset Local(DateTimeOffset time, ContactSheetOptions options) =>
            TimeZoneInfo.ConvertTime(time, options.TimeZone ?? TimeZoneInfo.Local);

        /// <summary>
        /// The outputs to show: the task's saved files that still exist (the latest save of each output when it was
        /// saved more than once), else its output URLs as links; files saved but since moved are reported missing.
        /// </summary>
        public static IReadOnlyList<SheetMedia> Outputs(RunwayTask task, ContactSheetOptions options)
        {
            string[] urls = task.Output ?? Array.Empty<string>();
            List<string> saved = (task.SavedTo ?? Array.Empty<string>()).Where(p => !string.IsNullOrWhiteSpace(p))
                .Reverse().Distinct(PathComparer).Reverse().ToList();
            var present = saved.Where(File.Exists).ToList();
            if (urls.Length > 0 && present.Count > urls.Length) present = present.Skip(present.Count - urls.Length).ToList();
            var shown = present.Select(p => LocalFile(p, options)).ToList();
            if (shown.Count == 0)
            {
                shown.AddRange(urls.Select((url, i) => new SheetMedia
                {
                    RemoteLink = url,
                    Kind = MediaProbe.FromExtension(Path.GetExtension(Downloader.Display(url)))?.Kind,
                    Name = $"output {i + 1}{Path.GetExtension(Downloader.Display(url))}",
                }));
                shown.AddRange(saved.Select(p => new SheetMedia { LocalPath = p, Name = Path.GetFileName(p), Missing = true }));
            }
            return shown;
        }

        /// <summary>The inputs a task was made from: local files that still exist as thumbnails or links, anything else as words.</summary>
        public static IReadOnlyList<SheetMedia> Inputs(RunwayTask task, ContactSheetOptions options)
        {
            var inputs = new List<SheetMedia>();
            foreach (string? input in task.Inputs ?? Array.Empty<string>())
            {
                if (Strings.IsEmpty(input)) continue;
                int arrow = input.IndexOf(" -> ", StringComparison.Ordinal);
                string given = arrow >= 0 ? input.Substring(0, arrow) : input;
                if (arrow >= 0 && IsLocalPath(given))
                {
                    inputs.Add(File.Exists(given) ? LocalFile(given, options) : new SheetMedia { LocalPath = given, Name = Path.GetFileName(given), Missing = true });
                    continue;
                }
                // A URL the user gave, an upload or an inline data URI: named, never loaded.
                inputs.Add(new SheetMedia { Name = Describe(given) });
            }
            return inputs;
        }

        private static bool IsLocalPath(string value) =>
            !string.IsNullOrEmpty(value) && Path.IsPathRooted(value) && !value.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
            && !(Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) && !uri.IsFile);

        private static string Describe(string input)
        {
            if (input.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                int end = input.IndexOfAny(DataUriTypeEnd);
                return "inline " + (end > 5 ? input.Substring(5, end - 5) : "data");
            }
            if (Uri.TryCreate(input, UriKind.Absolute, out Uri? uri))
            {
                if (uri.Scheme == "runway") return "upload " + Uri.UnescapeDataString(uri.Segments.LastOrDefault() ?? string.Empty);
                return uri.Host + "/…/" + Uri.UnescapeDataString(uri.Segments.LastOrDefault() ?? string.Empty);
            }
            return input;
        }

        private static SheetMedia LocalFile(string path, ContactSheetOptions options)
        {
            MediaFormat? format = null;
            long length = 0;
            try
            {
                format = MediaProbe.Sniff(path) ?? MediaProbe.FromExtension(Path.GetExtension(path));
                length = new FileInfo(path).Length;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                format = MediaProbe.FromExtension(Path.GetExtension(path));
            }
            var media = new SheetMedia { LocalPath = path, Name = Path.GetFileName(path), Kind = format?.Kind };
            if (format != null && format.Kind != MediaKind.Image) media.Seconds = MediaProbe.ReadDuration(path, format);
            if (format?.Kind == MediaKind.Image && length > 0 && length <= options.EmbedImagesUpTo)
            {
                try
                {
                    media.Source = "data:" + format.MediaType + ";base64," + Convert.ToBase64String(File.ReadAllBytes(path));
                    return media;
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    // Unreadable now: linked instead, as a larger image would be.
                }
            }
            media.Source = RelativeUrl(path, Path.GetDirectoryName(options.PagePath));
            return media;
        }

        private static StringComparer PathComparer => Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        /// <summary>
        /// A URL for <paramref name="file"/> relative to the folder <paramref name="from"/> (each name escaped, '/'
        /// between them), or a file: URL when no relative path exists (another drive).
        /// </summary>
        public static string RelativeUrl(string file, string from)
        {
            string[] Split(string p) => Path.GetFullPath(p).Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);
            string full = Path.GetFullPath(file);
            if (!string.Equals(Path.GetPathRoot(full), Path.GetPathRoot(Path.GetFullPath(from)), StringComparison.OrdinalIgnoreCase))
                return new Uri(full).AbsoluteUri;
            string[] target = Split(full), folder = Split(from);
            int common = 0;
            while (common < folder.Length && common < target.Length - 1 && PathComparer.Equals(folder[common], target[common])) common++;
            var parts = Enumerable.Repeat("..", folder.Length - common).Concat(target.Skip(common).Select(Uri.EscapeDataString));
            return string.Join("/", parts);
        }
    }
}
