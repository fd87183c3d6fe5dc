using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using Runway.Api;
using Runway.Models;

namespace Runway.Tasks
{
    /// <summary>
    /// The HTML of a contact sheet: one self-contained page (inline style, no script, nothing loaded from
    /// elsewhere), a grid of cards, one per task. Every text is HTML-encoded: prompts may hold markup.
    /// </summary>
    public static class ContactSheetPage
    {
        /// <summary>The expiry of output URLs as the API documents it; the page repeats it beside every unsaved output.</summary>
        public const string ExpiryNote = "output links expire (the API keeps outputs 24–48 h)";

        // A second line of defence behind the encoding: no script runs, nothing but local files and data URIs loads.
        private const string Policy = "default-src 'none'; img-src 'self' data: file:; media-src 'self' data: file:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

        public static string Build(IEnumerable<ContactSheetEntry> entries, ContactSheetOptions options)
        {
            List<ContactSheetEntry> all = entries.ToList();
            ContactSheetTotals totals = ContactSheetTotals.Of(all);
            var cards = all.ToDictionary(e => e, e => (Outputs: ContactSheet.Outputs(e.Task, options), Inputs: ContactSheet.Inputs(e.Task, options)));
            int unsaved = cards.Values.Sum(c => c.Outputs.Count(o => o.RemoteLink != null));
            var html = new StringBuilder(16 * 1024 + all.Count * 2048);
            html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(H(Policy)).Append("\">\n")
                .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .Append("<meta name=\"generator\" content=\"Runway for PowerShell: Export-RunwayContactSheet\">\n")
                .Append("<title>").Append(H(options.Title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
            html.Append("<header>\n<h1>").Append(H(options.Title)).Append("</h1>\n<p class=\"sub\">")
                .Append(H($"Made {Time(options.GeneratedAt, options)} from {Plural(all.Count, "task")}; {Arrangement(options)}."))
                .Append("</p>\n");
            Totals(html, totals);
            if (unsaved > 0)
                html.Append("<p class=\"note\" id=\"unsaved-note\">")
                    .Append(H($"{Plural(unsaved, "output")} {(unsaved == 1 ? "was" : "were")} not saved and {(unsaved == 1 ? "is" : "are")} shown as a link: {ExpiryNote}. Save them with Save-RunwayOutput and export the sheet again to keep them here."))
                    .Append("</p>\n");
            html.Append("</header>\n<main>\n");
            if (all.Count == 0) html.Append("<p class=\"empty\">No tasks.</p>\n");
            foreach (var section in ContactSheet.Arrange(all, options))
            {
                html.Append("<section");
                if (options.GroupBy != ContactSheetGrouping.None)
                {
                    ContactSheetTotals sub = ContactSheetTotals.Of(section.Value);
                    html.Append(" data-group=\"").Append(H(section.Key)).Append("\">\n<h2>").Append(H(section.Key))
                        .Append(" <span class=\"count\">").Append(H($"{Plural(sub.Tasks, "task")}, {Credits(sub)}")).Append("</span></h2>\n");
                }
                else html.Append(">\n");
                html.Append("<div class=\"grid\">\n");
                foreach (ContactSheetEntry entry in section.Value) Card(html, entry, cards[entry].Outputs, cards[entry].Inputs, options);
                html.Append("</div>\n</section>\n");
            }
            html.Append("</main>\n</body>\n</html>\n");
            return html.ToString();
        }

        private static void Totals(StringBuilder html, ContactSheetTotals totals)
        {
            html.Append("<dl class=\"totals\">\n");
            void Stat(string name, string value, string kind) =>
                html.Append("<div class=\"stat ").Append(kind).Append(value == "0" ? " zero" : string.Empty).Append("\" data-total=\"").Append(kind).Append("\"><dt>").Append(H(name))
                    .Append("</dt><dd>").Append(H(value)).Append("</dd></div>\n");
            Stat("Tasks", N(totals.Tasks), "tasks");
            Stat("Succeeded", N(totals.Succeeded), "succeeded");
            Stat("Failed", N(totals.Failed), "failed");
            if (totals.Cancelled > 0) Stat("Cancelled", N(totals.Cancelled), "cancelled");
            if (totals.Other > 0) Stat("Not finished", N(totals.Other), "other");
            Stat("Credits", Credits(totals), "credits");
            html.Append("</dl>\n");
        }

        /// <summary>"12 charged", "12 charged + ≈ 8 estimated", "… , 2 of unknown price".</summary>
        private static string Credits(ContactSheetTotals totals)
        {
            var parts = new List<string> { $"{N(totals.Charged)} charged" };
            if (totals.Estimated > 0) parts.Add($"≈ {N(totals.Estimated)} estimated");
            string text = string.Join(" + ", parts);
            return totals.UnknownCost > 0 ? $"{text}, {Plural(totals.UnknownCost, "task")} of unknown price" : text;
        }

        private static void Card(StringBuilder html, ContactSheetEntry entry, IReadOnlyList<SheetMedia> outputs, IReadOnlyList<SheetMedia> inputs, ContactSheetOptions options)
        {
            RunwayTask task = entry.Task;
            string status = task.Status ?? "UNKNOWN";
            html.Append("<article class=\"card ").Append(StatusClass(status)).Append("\" id=\"task-").Append(H(task.Id)).Append("\" data-id=\"").Append(H(task.Id))
                .Append("\" data-status=\"").Append(H(status)).Append("\" data-model=\"").Append(H(task.Model ?? string.Empty)).Append("\">\n");
            foreach (SheetMedia output in outputs) Output(html, output);
            if (outputs.Count == 0) html.Append("<div class=\"media none\"><span>").Append(H(NoOutput(task))).Append("</span></div>\n");
            html.Append("<div class=\"body\">\n<div class=\"top\"><span class=\"badge\">").Append(H(status)).Append("</span> <span class=\"model\">")
                .Append(H(task.Model ?? "model unknown")).Append("</span></div>\n");
            html.Append(task.Prompt != null ? "<p class=\"prompt\">" + H(task.Prompt) + "</p>\n" : "<p class=\"prompt none\">(no prompt)</p>\n");
            if (task.Failure != null || task.FailureCode != null || task.Status == RunwayTask.Failed)
            {
                html.Append("<p class=\"failure\"><b>").Append(status == TaskJournal.Unconfirmed ? "Unconfirmed: " : "Failed: ").Append("</b>")
                    .Append(H(task.Failure ?? "no reason given"));
                if (task.FailureCode != null) html.Append(" <code>").Append(H(task.FailureCode)).Append("</code>");
                html.Append("</p>\n");
            }
            html.Append("<dl class=\"facts\">\n");
            // Images have no duration: the fact is left out unless the request named one or a file has one.
            string? duration = Duration(entry, outputs);
            if (duration != null || outputs.Any(o => o.Kind == MediaKind.Video || o.Kind == MediaKind.Audio)) Fact(html, "Duration", duration ?? "—", null);
            if (entry.Ratio != null) Fact(html, "Ratio", entry.Ratio, null);
            Fact(html, "Seed", entry.Seed ?? "not set", entry.Seed == null ? "No seed was sent: the API chose one and does not report it." : null);
            Fact(html, "Credits", TaskCredits(task), null);
            if (task.Router != null) Fact(html, "Router", task.Router, null);
            html.Append("</dl>\n");
            if (inputs.Count > 0)
            {
                html.Append("<div class=\"inputs\"><span class=\"label\">From</span>");
                foreach (SheetMedia input in inputs) Input(html, input);
                html.Append("</div>\n");
            }
            html.Append("<p class=\"id\">");
            if (task.CreatedAt.HasValue)
                html.Append("<time datetime=\"").Append(H(task.CreatedAt.Value.ToString("o", CultureInfo.InvariantCulture))).Append("\">")
                    .Append(H(Time(task.CreatedAt.Value, options))).Append("</time> ");
            html.Append("<span>").Append(H(task.Id)).Append("</span></p>\n</div>\n</article>\n");
        }

        private static void Output(StringBuilder html, SheetMedia output)
        {
            if (output.RemoteLink != null)
            {
                html.Append("<div class=\"media unsaved\"><span>Not saved</span><a href=\"").Append(H(output.RemoteLink))
                    .Append("\" rel=\"noreferrer noopener\" target=\"_blank\">open ").Append(H(output.Name)).Append("</a><small>")
                    .Append(H(ExpiryNote)).Append("</small></div>\n");
                return;
            }
            if (output.Missing)
            {
                html.Append("<div class=\"media missing\" title=\"").Append(H(output.LocalPath)).Append("\"><span>")
                    .Append(H($"Saved as {output.Name}, no longer there")).Append("</span></div>\n");
                return;
            }
            string src = H(output.Source), name = H(output.Name), title = H(output.LocalPath ?? output.Name);
            switch (output.Kind)
            {
                case MediaKind.Image:
                    // A linked file opens full size on a click; browsers refuse to open a data URI as a page, so an embedded one is not a link.
                    bool embedded = output.Source?.StartsWith("data:", StringComparison.Ordinal) == true;
                    html.Append(embedded ? "<div class=\"media image\"" : "<a class=\"media image\" href=\"" + src + "\"").Append(" title=\"").Append(title).Append("\"><img src=\"").Append(src)
                        .Append("\" alt=\"").Append(name).Append("\" loading=\"lazy\">").Append(embedded ? "</div>\n" : "</a>\n");
                    break;
                case MediaKind.Video:
                    html.Append("<div class=\"media video\" title=\"").Append(title).Append("\"><video controls preload=\"metadata\" src=\"").Append(src).Append("\"></video></div>\n");
                    break;
                case MediaKind.Audio:
                    html.Append("<div class=\"media audio\" title=\"").Append(title).Append("\"><span class=\"wave\">♪</span><span class=\"name\">").Append(name)
                        .Append("</span><audio controls preload=\"metadata\" src=\"").Append(src).Append("\"></audio></div>\n");
                    break;
                default:
                    html.Append("<div class=\"media file\" title=\"").Append(title).Append("\"><a href=\"").Append(src).Append("\">").Append(name).Append("</a></div>\n");
                    break;
            }
        }

        private static void Input(StringBuilder html, SheetMedia input)
        {
            string title = H(input.LocalPath ?? input.Name);
            if (input.Source != null && input.Kind == MediaKind.Image)
                html.Append("<img class=\"thumb\" src=\"").Append(H(input.Source)).Append("\" alt=\"").Append(H(input.Name)).Append("\" title=\"").Append(title).Append("\">");
            else if (input.Source != null)
                html.Append("<a class=\"chip\" href=\"").Append(H(input.Source)).Append("\" title=\"").Append(title).Append("\">").Append(H(input.Name)).Append("</a>");
            else
                html.Append("<span class=\"chip").Append(input.Missing ? " missing" : string.Empty).Append("\" title=\"").Append(title).Append("\">")
                    .Append(H(input.Missing ? input.Name + " (no longer there)" : input.Name)).Append("</span>");
        }

        private static void Fact(StringBuilder html, string name, string value, string? title)
        {
            html.Append("<div><dt>").Append(H(name)).Append("</dt><dd");
            if (title != null) html.Append(" title=\"").Append(H(title)).Append('"');
            html.Append('>').Append(H(value)).Append("</dd></div>\n");
        }

        private static string? Duration(ContactSheetEntry entry, IReadOnlyList<SheetMedia> outputs)
        {
            if (entry.Duration != null)
                return decimal.TryParse(entry.Duration, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal seconds) ? $"{N(seconds)} s" : entry.Duration;
            double? probed = outputs.Select(o => o.Seconds).FirstOrDefault(s => s.HasValue);
            return probed.HasValue ? $"{probed.Value.ToString("0.#", CultureInfo.InvariantCulture)} s" : null;
        }

        private static string TaskCredits(RunwayTask task)
        {
            if (task.Credits.HasValue)
                return task.Credits.Value == 0 && (task.Status == RunwayTask.Failed || task.Status == RunwayTask.Cancelled) ? "0 (refunded)" : N(task.Credits.Value);
            if (task.EstimatedCredits > 0) return $"≈ {N(task.EstimatedCredits.Value)} (estimate)";
            return "unknown";
        }

        private static string NoOutput(RunwayTask task)
        {
            switch (task.Status)
            {
                case RunwayTask.Failed: return "Failed: no output";
                case RunwayTask.Cancelled: return "Cancelled: no output";
                case RunwayTask.Succeeded: return "No output";
                case TaskJournal.Unconfirmed: return "Unconfirmed: the create's answer was lost";
                default: return $"No output yet ({task.Status ?? "status unknown"})";
            }
        }

        private static string StatusClass(string status)
        {
            switch (status)
            {
                case RunwayTask.Succeeded: return "succeeded";
                case RunwayTask.Failed: return "failed";
                case RunwayTask.Cancelled: return "cancelled";
                default: return "other";
            }
        }

        private static string Arrangement(ContactSheetOptions options)
        {
            string sort;
            switch (options.SortBy)
            {
                case ContactSheetOrder.Created: sort = options.Descending ? "newest first" : "oldest first"; break;
                case ContactSheetOrder.Credits: sort = "by credits, " + (options.Descending ? "most first" : "fewest first"); break;
                default: sort = "by " + options.SortBy.ToString().ToLowerInvariant() + (options.Descending ? ", descending" : string.Empty); break;
            }
            return options.GroupBy == ContactSheetGrouping.None ? sort : $"grouped by {options.GroupBy.ToString().ToLowerInvariant()}, {sort}";
        }

        private static string Time(DateTimeOffset time, ContactSheetOptions options) =>
            ContactSheet.Local(time, options).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        private static string N(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

        private static string N(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

        private static string Plural(int count, string noun) => $"{N(count)} {noun}{(count == 1 ? string.Empty : "s")}";

        private static string H(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

        private const string Style = @"
:root { color-scheme: light; --bg: #f3f4f6; --card: #fff; --ink: #1f2328; --muted: #6b7280; --line: #e5e7eb;
  --ok: #15803d; --bad: #b91c1c; --off: #6b7280; --wait: #b45309; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
header { padding: 20px 24px 8px; }
h1 { margin: 0 0 2px; font-size: 22px; }
.sub { margin: 0 0 12px; color: var(--muted); }
.totals { display: flex; flex-wrap: wrap; gap: 10px; margin: 0 0 12px; }
.stat { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 96px; }
.stat dt { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.stat dd { margin: 0; font-size: 20px; font-weight: 600; }
.stat.succeeded dd { color: var(--ok); } .stat.failed dd { color: var(--bad); } .stat.zero dd { color: var(--muted); } .stat.credits dd { font-size: 16px; padding-top: 3px; }
.note { background: #fff7ed; border: 1px solid #fed7aa; border-radius: 8px; padding: 8px 12px; margin: 0 0 8px; }
main { padding: 0 24px 32px; }
h2 { font-size: 17px; margin: 20px 0 10px; } h2 .count { color: var(--muted); font-weight: 400; font-size: 14px; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(290px, 1fr)); gap: 16px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; overflow: hidden; display: flex; flex-direction: column;
  box-shadow: 0 1px 2px rgba(0,0,0,.05); }
.card.failed { border-color: #fca5a5; box-shadow: inset 4px 0 0 var(--bad); }
.media { position: relative; display: flex; align-items: center; justify-content: center; flex-direction: column; gap: 6px;
  aspect-ratio: 16 / 9; min-height: 0; overflow: hidden; background: #111827; color: #e5e7eb; text-align: center;
  border-bottom: 1px solid var(--line); }
.media img, .media video { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; display: block; }
.media.audio { background: #1e293b; padding: 12px; }
.media.audio .wave { font-size: 44px; line-height: 1; color: #94a3b8; }
.media.audio .name { font-size: 12px; color: #94a3b8; max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.media.audio audio { width: 100%; }
.media.none, .media.missing, .media.unsaved, .media.file { padding: 12px; color: #cbd5e1; }
.card.failed .media.none { background: #7f1d1d; color: #fee2e2; }
.media.unsaved a, .media.file a { color: #93c5fd; } .media small { color: #94a3b8; }
.body { padding: 10px 12px 12px; display: flex; flex-direction: column; gap: 6px; flex: 1; }
.top { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px; }
.badge { font-size: 11px; font-weight: 700; letter-spacing: .04em; color: #fff; background: var(--wait); border-radius: 4px; padding: 1px 6px; }
.succeeded .badge { background: var(--ok); } .failed .badge { background: var(--bad); } .cancelled .badge { background: var(--off); }
.model { font-weight: 600; overflow-wrap: anywhere; }
.prompt { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; } .prompt.none { color: var(--muted); font-style: italic; }
.failure { margin: 0; color: var(--bad); background: #fef2f2; border-radius: 6px; padding: 6px 8px; overflow-wrap: anywhere; }
.failure code { font-size: 12px; }
.facts { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0; }
.facts dt { font-size: 11px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; } .facts dd { margin: 0; overflow-wrap: anywhere; }
.inputs { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; } .label { font-size: 11px; color: var(--muted); text-transform: uppercase; }
.thumb { width: 64px; height: 40px; object-fit: cover; border-radius: 4px; border: 1px solid var(--line); background: #111827; }
.chip { font-size: 12px; background: #f1f5f9; border: 1px solid var(--line); border-radius: 12px; padding: 1px 8px; color: var(--ink); text-decoration: none; }
.chip.missing { color: var(--muted); text-decoration: line-through; }
.id { margin: auto 0 0; font: 11px/1.3 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); overflow-wrap: anywhere; }
.id time { color: var(--ink); }
.empty { color: var(--muted); }
";
    }
}
