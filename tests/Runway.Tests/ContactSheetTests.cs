using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Runway.Api;
using Runway.Media;
using Runway.Tasks;
using Xunit;

namespace Runway.Tests
{
    /// <summary>The contact sheet's page (Export-RunwayContactSheet) without PowerShell: content, encoding, links, order, totals; and the atomic write.</summary>
    public sealed class ContactSheetTests : IDisposable
    {
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
        private readonly string root = Path.Combine(Path.GetTempPath(), "runway-sheet-" + Guid.NewGuid().ToString("N")[..8]);

        public ContactSheetTests() => Directory.CreateDirectory(root);

        public void Dispose() => Directory.Delete(root, true);

        private ContactSheetOptions Options(Action<ContactSheetOptions> change = null)
        {
            var options = new ContactSheetOptions { PagePath = Path.Combine(root, "review.html"), TimeZone = TimeZoneInfo.Utc, GeneratedAt = T0.AddHours(1) };
            change?.Invoke(options);
            return options;
        }

        private static RunwayTask Task(string id, string status = RunwayTask.Succeeded, string model = "gen4.5", int minutes = 0, decimal? credits = 10,
            string prompt = "a lighthouse", string[] output = null, string[] saved = null, string[] inputs = null) => new RunwayTask
        {
            Id = id, Status = status, Model = model, CreatedAt = T0.AddMinutes(minutes), Credits = credits, Prompt = prompt,
            Output = output ?? new[] { $"https://sim.example/_outputs/{id}/0.png?exp=1&sig=abc" },
            SavedTo = saved ?? Array.Empty<string>(), Inputs = inputs ?? Array.Empty<string>(),
        };

        private string File(string relative, byte[] content)
        {
            string path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path));
            System.IO.File.WriteAllBytes(path, content);
            return path;
        }

        private static byte[] Png(int extra = 0) =>
            new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }.Concat(new byte[16 + extra]).ToArray();

        private static byte[] Wav(double seconds)
        {
            int data = (int)(16000 * 2 * seconds);
            var stream = new MemoryStream();
            var w = new BinaryWriter(stream);
            w.Write(Encoding.ASCII.GetBytes("RIFF")); w.Write(36 + data); w.Write(Encoding.ASCII.GetBytes("WAVEfmt "));
            w.Write(16); w.Write((short)1); w.Write((short)1); w.Write(16000); w.Write(32000); w.Write((short)2); w.Write((short)16);
            w.Write(Encoding.ASCII.GetBytes("data")); w.Write(data); w.Write(new byte[data]);
            return stream.ToArray();
        }

        private static string Build(ContactSheetOptions options, params ContactSheetEntry[] entries) => ContactSheetPage.Build(entries, options);

        private static string Build(ContactSheetOptions options, params RunwayTask[] tasks) =>
            ContactSheetPage.Build(tasks.Select(t => new ContactSheetEntry(t)), options);

        private static string[] CardIds(string html) => Regex.Matches(html, "<article [^>]*data-id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();

        [Fact]
        public void Every_text_is_encoded_and_the_page_has_no_script()
        {
            RunwayTask task = Task("t1", RunwayTask.Failed, model: "gen4.5\"><b>", prompt: "<script>alert('x')</script> & \"quotes\"", credits: 0);
            task.Failure = "<img src=x onerror=alert(1)>";
            task.FailureCode = "SAFETY.<INPUT>";
            string html = Build(Options(o => o.Title = "Review </title><script>"), task);

            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html);
            Assert.DoesNotContain("<b>", html.Replace("<b>Failed: </b>", string.Empty));
            Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;", html);
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
            Assert.Contains("<code>SAFETY.&lt;INPUT&gt;</code>", html);
            Assert.Contains("<title>Review &lt;/title&gt;&lt;script&gt;</title>", html);
            Assert.Contains("Content-Security-Policy", html);
        }

        [Fact]
        public void Saved_files_are_linked_relative_to_the_page_and_small_images_embedded_when_asked()
        {
            string beside = File("shots/fox 1#.png", Png());
            string sibling = File("../" + Path.GetFileName(root) + "-other/clip.png", Png(4096));
            try
            {
                RunwayTask a = Task("a", saved: new[] { beside });
                RunwayTask b = Task("b", minutes: 1, saved: new[] { sibling });
                string linked = Build(Options(), a, b);
                Assert.Contains("<img src=\"shots/fox%201%23.png\"", linked);
                Assert.Contains($"<img src=\"../{Path.GetFileName(root)}-other/clip.png\"", linked);
                Assert.DoesNotContain("data:image", linked);
                // Saved files are shown instead of the (expiring) output URLs.
                Assert.DoesNotContain("sim.example", linked);

                string embedded = Build(Options(o => o.EmbedImagesUpTo = 1024), a, b);
                Assert.Contains("<img src=\"data:image/png;base64," + Convert.ToBase64String(Png()) + "\"", embedded);
                Assert.DoesNotContain("href=\"data:", embedded);
                Assert.Contains($"../{Path.GetFileName(root)}-other/clip.png", embedded);
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(sibling), true);
            }
        }

        [Fact]
        public void An_output_not_saved_is_a_link_with_its_expiry_never_a_source()
        {
            RunwayTask task = Task("u");
            string html = Build(Options(), task);
            Assert.Contains("<a href=\"https://sim.example/_outputs/u/0.png?exp=1&amp;sig=abc\" rel=\"noreferrer noopener\" target=\"_blank\">open output 1.png</a>", html);
            Assert.Contains(ContactSheetPage.ExpiryNote, html);
            Assert.Contains("id=\"unsaved-note\"", html);
            Assert.DoesNotMatch("src=\"https?:", html);
        }

        [Fact]
        public void No_source_or_link_points_outside_the_page_except_the_links_to_unsaved_outputs()
        {
            string image = File("out/a.png", Png());
            string video = File("out/b.mp4", Encoding.ASCII.GetBytes("\0\0\0\x18" + "ftypisom\0\0\0\0isomavc1"));
            string audio = File("out/c.wav", Wav(2));
            string input = File("in/frame.png", Png());
            var tasks = new[]
            {
                Task("a", saved: new[] { image }, inputs: new[] { input + " -> data:image/png;base64,…(40 chars)", "https://cdn.example/ref.jpg?token=1" }),
                Task("b", minutes: 1, saved: new[] { video }, inputs: new[] { "runway://ephemeral/x/talk.wav" }),
                Task("c", minutes: 2, saved: new[] { audio }),
                Task("d", minutes: 3),
                Task("e", RunwayTask.Failed, minutes: 4, output: Array.Empty<string>(), credits: 0),
            };
            string html = Build(Options(o => o.EmbedImagesUpTo = 10), tasks);
            var allowedLinks = new HashSet<string>(tasks.Where(t => t.SavedTo.Length == 0).SelectMany(t => t.Output));
            var sources = Regex.Matches(html, "\\s(src|href)=\"([^\"]*)\"").Select(m => (Attribute: m.Groups[1].Value, Url: System.Net.WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
            Assert.Contains(sources, s => s.Attribute == "src" && s.Url.StartsWith("out/b.mp4", StringComparison.Ordinal));
            foreach (var (attribute, url) in sources)
            {
                bool local = url.StartsWith("data:", StringComparison.Ordinal) || !Regex.IsMatch(url, "^[a-zA-Z][a-zA-Z0-9+.-]*:") && !url.StartsWith("//", StringComparison.Ordinal);
                Assert.True(local || (attribute == "href" && allowedLinks.Contains(url)), $"{attribute}=\"{url}\" points outside the page");
            }
            Assert.DoesNotMatch("url\\(", html);
            Assert.DoesNotContain("cdn.example/ref.jpg?token", html);
            Assert.Contains("cdn.example/…/ref.jpg", html);
            Assert.Contains("<video controls preload=\"metadata\" src=\"out/b.mp4\">", html);
            Assert.Contains("<audio controls preload=\"metadata\" src=\"out/c.wav\">", html);
            Assert.Contains("<img class=\"thumb\" src=\"in/frame.png\"", html);
            Assert.Contains(">upload talk.wav<", html);
        }

        [Fact]
        public void Inputs_that_are_gone_and_saved_files_that_moved_are_said_so()
        {
            string gone = Path.Combine(root, "moved.png");
            string html = Build(Options(), Task("m", saved: new[] { gone }, inputs: new[] { Path.Combine(root, "cat.png") + " -> data:image/png;base64,…(8 chars)" }));
            Assert.Contains("Saved as moved.png, no longer there", html);
            Assert.Contains("cat.png (no longer there)", html);
            // The URL is offered again when the saved file is gone.
            Assert.Contains("open output 1.png", html);
        }

        [Fact]
        public void Failures_show_their_reason_and_code_and_the_refund()
        {
            RunwayTask task = Task("f", RunwayTask.Failed, output: Array.Empty<string>(), credits: 0);
            task.Failure = "The prompt was flagged.";
            task.FailureCode = "SAFETY.INPUT.TEXT";
            string html = Build(Options(), task);
            Assert.Contains("<p class=\"failure\"><b>Failed: </b>The prompt was flagged. <code>SAFETY.INPUT.TEXT</code></p>", html);
            Assert.Contains("Failed: no output", html);
            Assert.Contains("<dt>Credits</dt><dd>0 (refunded)</dd>", html);
            Assert.Contains("class=\"card failed\"", html);
        }

        [Fact]
        public void Totals_count_statuses_and_keep_charges_estimates_and_unknown_prices_apart()
        {
            RunwayTask running = Task("r", RunwayTask.Running, credits: null, output: Array.Empty<string>());
            running.EstimatedCredits = 25;
            var tasks = new[]
            {
                Task("s1", credits: 12), Task("s2", credits: 8),
                Task("f", RunwayTask.Failed, credits: 0, output: Array.Empty<string>()),
                Task("c", RunwayTask.Cancelled, credits: 0, output: Array.Empty<string>()),
                running,
                Task("u", credits: null),
            };
            ContactSheetTotals totals = ContactSheetTotals.Of(tasks.Select(t => new ContactSheetEntry(t)));
            Assert.Equal((6, 3, 1, 1, 1), (totals.Tasks, totals.Succeeded, totals.Failed, totals.Cancelled, totals.Other));
            Assert.Equal((20m, 25m, 1), (totals.Charged, totals.Estimated, totals.UnknownCost));
            string html = Build(Options(), tasks);
            Assert.Contains("data-total=\"tasks\"><dt>Tasks</dt><dd>6</dd>", html);
            Assert.Contains("data-total=\"succeeded\"><dt>Succeeded</dt><dd>3</dd>", html);
            Assert.Contains("data-total=\"failed\"><dt>Failed</dt><dd>1</dd>", html);
            Assert.Contains("<dd>20 charged + ≈ 25 estimated, 1 task of unknown price</dd>", html);
            Assert.Contains("<dt>Credits</dt><dd>≈ 25 (estimate)</dd>", html);
            Assert.Contains("<dt>Credits</dt><dd>unknown</dd>", html);
        }

        [Fact]
        public void Cards_are_sorted_as_asked_with_ties_in_creation_order()
        {
            var tasks = new[] { Task("a", minutes: 2, credits: 5), Task("b", minutes: 0, credits: 20), Task("c", minutes: 1, credits: 5) };
            Assert.Equal(new[] { "b", "c", "a" }, CardIds(Build(Options(), tasks)));
            Assert.Equal(new[] { "a", "c", "b" }, CardIds(Build(Options(o => o.Descending = true), tasks)));
            Assert.Equal(new[] { "c", "a", "b" }, CardIds(Build(Options(o => o.SortBy = ContactSheetOrder.Credits), tasks)));
            Assert.Equal(new[] { "b", "a", "c" }, CardIds(Build(Options(o => { o.SortBy = ContactSheetOrder.Credits; o.Descending = true; }), tasks)));
        }

        [Fact]
        public void Sections_group_by_model_status_or_day_each_with_its_own_count()
        {
            var tasks = new[]
            {
                Task("a", model: "gen4.5", minutes: 0), Task("b", RunwayTask.Failed, model: "veo3.1", minutes: 1, credits: 0),
                Task("c", model: "gen4.5", minutes: 60 * 24), Task("d", RunwayTask.Cancelled, model: "aleph2", minutes: 3, credits: 0),
            };
            string Groups(string html) => string.Join(",", Regex.Matches(html, "<section data-group=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
            string byModel = Build(Options(o => o.GroupBy = ContactSheetGrouping.Model), tasks);
            Assert.Equal("aleph2,gen4.5,veo3.1", Groups(byModel));
            Assert.Contains("<h2>gen4.5 <span class=\"count\">2 tasks, 20 charged</span></h2>", byModel);
            Assert.Equal("SUCCEEDED,FAILED,CANCELLED", Groups(Build(Options(o => o.GroupBy = ContactSheetGrouping.Status), tasks)));
            Assert.Equal("2026-12-01,2026-12-02", Groups(Build(Options(o => o.GroupBy = ContactSheetGrouping.Date), tasks)));
            Assert.Equal("2026-12-02,2026-12-01", Groups(Build(Options(o => { o.GroupBy = ContactSheetGrouping.Date; o.Descending = true; }), tasks)));
            Assert.Contains("grouped by date, newest first", Build(Options(o => { o.GroupBy = ContactSheetGrouping.Date; o.Descending = true; }), tasks));
        }

        [Fact]
        public void Duration_seed_and_ratio_come_from_the_journal_and_a_files_header_when_the_request_named_none()
        {
            var record = new JournalRecord { Id = "v", Duration = "8", Seed = "42", Ratio = "1280:720" };
            string asked = Build(Options(), new ContactSheetEntry(Task("v"), record));
            Assert.Contains("<dt>Duration</dt><dd>8 s</dd>", asked);
            Assert.Contains("<dt>Seed</dt><dd>42</dd>", asked);
            Assert.Contains("<dt>Ratio</dt><dd>1280:720</dd>", asked);

            string wav = File("speech.wav", Wav(2.5));
            string probed = Build(Options(), Task("w", saved: new[] { wav }));
            Assert.Contains("<dt>Duration</dt><dd>2.5 s</dd>", probed);
            Assert.Contains("<dd title=\"No seed was sent: the API chose one and does not report it.\">not set</dd>", probed);
            Assert.DoesNotContain("<dt>Ratio</dt>", probed);
        }

        [Fact]
        public void A_task_saved_twice_shows_its_latest_files_once()
        {
            string first = File("old/a.png", Png()), second = File("new/a.png", Png());
            string html = Build(Options(), Task("t", saved: new[] { first, second, first, second }));
            Assert.Single(Regex.Matches(html, "<img src="));
            Assert.Contains("<img src=\"new/a.png\"", html);
        }

        [Fact]
        public void A_piped_task_is_completed_from_its_journal_record_without_changing_it()
        {
            var piped = new RunwayTask { Id = "p", Status = RunwayTask.Succeeded, Output = new[] { "https://x/0.png" }, SavedTo = new[] { "/b.png" } };
            var record = new JournalRecord { Id = "p", Model = "gen4_image", Prompt = "a fox", Inputs = new[] { "/in.png -> data:…" }, Seed = "7", CreatedAt = T0 };
            record.SavedTo.Add("/a.png");
            ContactSheetEntry entry = ContactSheetEntry.Merge(piped, record);
            Assert.Equal(("gen4_image", "a fox", "7"), (entry.Task.Model, entry.Task.Prompt, entry.Seed));
            Assert.Equal(new[] { "/a.png", "/b.png" }, entry.Task.SavedTo);
            Assert.Equal(T0, entry.Task.CreatedAt);
            Assert.Null(piped.Model);
            Assert.Equal(new[] { "/b.png" }, piped.SavedTo);
        }

        [Fact]
        public void An_empty_sheet_says_so()
        {
            string html = ContactSheetPage.Build(Array.Empty<ContactSheetEntry>(), Options());
            Assert.Contains("<p class=\"empty\">No tasks.</p>", html);
            Assert.Contains("<dd>0 charged</dd>", html);
        }

        [Fact]
        public void The_page_is_written_whole_and_never_over_a_file_without_force()
        {
            string page = Path.Combine(root, "page.html");
            AtomicFile.Write(page, false, s => s.Write(Encoding.UTF8.GetBytes("one")));
            Assert.Equal("one", System.IO.File.ReadAllText(page));
            var exists = Assert.Throws<RunwayFileExistsException>(() => AtomicFile.Write(page, false, s => s.Write(Encoding.UTF8.GetBytes("two"))));
            Assert.Equal(page, exists.Path);
            Assert.Equal("one", System.IO.File.ReadAllText(page));
            Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(page, true, s => { s.Write(new byte[10]); throw new InvalidOperationException("half"); }));
            Assert.Equal("one", System.IO.File.ReadAllText(page));
            AtomicFile.Write(page, true, s => s.Write(Encoding.UTF8.GetBytes("three")));
            Assert.Equal("three", System.IO.File.ReadAllText(page));
            Assert.Equal(new[] { "page.html" }, Directory.GetFiles(root).Select(Path.GetFileName));
        }

        [Theory]
        [InlineData("/data/page", "/data/page/a.png", "a.png")]
        [InlineData("/data/page", "/data/page/shots/a b.png", "shots/a%20b.png")]
        [InlineData("/data/page", "/data/other/x:y.png", "../other/x%3Ay.png")]
        [InlineData("/data/page/deep", "/data/a.png", "../../a.png")]
        public void Relative_urls_escape_each_name(string from, string file, string expected)
        {
            if (Path.DirectorySeparatorChar != '/') return;
            Assert.Equal(expected, ContactSheet.RelativeUrl(file, from));
        }
    }
}
