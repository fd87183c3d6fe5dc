using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Runway.Api
{
    /// <summary>One page of a list endpoint: <c>{ data: [...], nextCursor }</c>.</summary>
    public sealed class CursorPage
    {
        public CursorPage(IReadOnlyList<JsonElement> items, string? nextCursor)
        {
            Items = items;
            NextCursor = string.IsNullOrEmpty(nextCursor) ? null : nextCursor;
        }

        public IReadOnlyList<JsonElement> Items { get; }
        /// <summary>Null on the last page (the API may send null, "" or nothing: all mean the end, as for the SDK).</summary>
        public string? NextCursor { get; }
    }

    /// <summary>
    /// Walks a cursor-paged list one page at a time, so that a caller can output items as they come and stop
    /// early (-First) without the whole list ever being held.
    /// </summary>
    public static class CursorPages
    {
        /// <summary>The API's largest page; asked for when many items are wanted.</summary>
        public const int MaxPageSize = 100;

        /// <summary>
        /// Fetches pages of <paramref name="path"/> (with <paramref name="query"/>) and hands each item to
        /// <paramref name="take"/> until it returns false or the list ends. <paramref name="wanted"/> (skip + first)
        /// sizes the pages so that a small -First asks for little.
        /// </summary>
        public static Task ForEachAsync(RunwayClient client, string path, IDictionary<string, string>? query, long? wanted,
            Func<JsonElement, bool> take, CancellationToken cancellation) =>
            WalkAsync(client, path, query, wanted, null, null, take, cancellation);

        /// <summary>
        /// <see cref="ForEachAsync"/> from <paramref name="startCursor"/> (null: the first page), asking for
        /// <paramref name="pageSize"/> items per page when given. Returns where a caller can resume when
        /// <paramref name="take"/> stopped the walk before the list's end, else null. A page with no items ends the
        /// list even when it carries a nextCursor, as the SDK's CursorPage does (hasNextPage is false on an empty page).
        /// </summary>
        public static async Task<ListPosition?> WalkAsync(RunwayClient client, string path, IDictionary<string, string>? query, long? wanted,
            string? startCursor, int? pageSize, Func<JsonElement, bool> take, CancellationToken cancellation)
        {
            string? cursor = string.IsNullOrEmpty(startCursor) ? null : startCursor;
            long seen = 0;
            do
            {
                int limit = pageSize ?? (int)Math.Min(MaxPageSize, Math.Max(1, wanted.HasValue ? wanted.Value - seen : MaxPageSize));
                var parameters = new List<KeyValuePair<string, string>>(query ?? new Dictionary<string, string>())
                {
                    new KeyValuePair<string, string>("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                };
                if (cursor != null) parameters.Add(new KeyValuePair<string, string>("cursor", cursor));
                string url = path + "?" + string.Join("&", parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
                CursorPage page = Read(await client.GetAsync(url, cancellation).ConfigureAwait(false), path);
                if (page.Items.Count == 0) return null;
                for (int i = 0; i < page.Items.Count; i++)
                {
                    seen++;
                    if (take(page.Items[i])) continue;
                    if (i + 1 < page.Items.Count) return new ListPosition(cursor, i + 1);
                    return page.NextCursor == null ? null : new ListPosition(page.NextCursor, 0);
                }
                cursor = page.NextCursor;
            }
            while (cursor != null);
            return null;
        }

        public static CursorPage Read(JsonElement json, string path)
        {
            if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("data", out JsonElement data) || data.ValueKind != JsonValueKind.Array)
                throw new RunwayApiException($"Runway API: the response to GET /{path} was not a page ({{ data, nextCursor }}).", "GET", "/" + path, 200, null, null, AttemptOutcome.Response, false);
            string? next = json.TryGetProperty("nextCursor", out JsonElement cursor) && cursor.ValueKind == JsonValueKind.String ? cursor.GetString() : null;
            // Clone: each item outlives the page's JSON document.
            return new CursorPage(data.EnumerateArray().Select(e => e.Clone()).ToArray(), next);
        }
    }

    /// <summary>
    /// Where a listing stopped early: the page's cursor (null for the first page) and how many of that page's items
    /// were already output. A later listing with -Cursor (and -Skip when Skip is not 0) goes on from there.
    /// </summary>
    public sealed class ListPosition
    {
        public ListPosition(string? cursor, int skip)
        {
            Cursor = cursor;
            Skip = skip;
        }

        public string? Cursor { get; }
        public int Skip { get; }

        /// <summary>The parameters that resume the listing, as the user would type them.</summary>
        public string Parameters =>
            string.Join(" ", new string?[]
            {
                Cursor == null ? null : "-Cursor '" + Cursor.Replace("'", "''") + "'",
                Skip == 0 ? null : "-Skip " + Skip.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }.Where(p => p != null));

        public override string ToString() => "More items: continue with " + Parameters;
    }
}
