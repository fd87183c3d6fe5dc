using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;
using Runway.Api;

namespace Runway.Shell
{
    /// <summary>A list cmdlet that can start at a cursor and choose its page size (-Cursor, -PageSize).</summary>
    public interface IResumableList
    {
        /// <summary>The API's cursor to start at; null for the first page.</summary>
        string? Cursor { get; }
        /// <summary>Items per request; 0 when the cmdlet sizes pages itself.</summary>
        int PageSize { get; }
    }

    /// <summary>
    /// A list cmdlet's output with PowerShell's paging parameters (SupportsPaging: -First, -Skip,
    /// -IncludeTotalCount): pages are fetched as the output goes, and no more than -Skip + -First items are read.
    /// A cmdlet that is an <see cref="IResumableList"/> starts at its -Cursor and asks for -PageSize items a page;
    /// when -First stops the listing before its end, where to go on is written to the information stream
    /// (tag Runway.NextCursor, a <see cref="ListPosition"/>).
    /// </summary>
    public static class PagedOutput
    {
        public const string NextCursorTag = "Runway.NextCursor";

        /// <summary>
        /// Writes the list at <paramref name="path"/>; a failure (401, 5xx, a dropped connection) is reported like an -Id form's,
        /// a Runway.* error whose target is <paramref name="target"/> (default: the list's path).
        /// </summary>
        public static void Write<T>(RunwayCmdlet cmdlet, string path, IDictionary<string, string>? query, Func<JsonElement, T> convert, object? target = null)
        {
            PagingParameters paging = cmdlet.PagingParameters;
            ulong skip = paging?.Skip ?? 0;
            ulong first = paging?.First ?? ulong.MaxValue;
            long? wanted = first == ulong.MaxValue ? (long?)null : (long)Math.Min((ulong)long.MaxValue / 2, skip + first);
            var resumable = cmdlet as IResumableList;
            int? pageSize = resumable != null && resumable.PageSize > 0 ? resumable.PageSize : (int?)null;
            ulong index = 0, written = 0;
            if (first == 0) return;
            ListPosition? next;
            try
            {
                next = cmdlet.Run(token => CursorPages.WalkAsync(cmdlet.Api.Client, path, query, wanted, resumable?.Cursor, pageSize, item =>
                {
                    if (index++ < skip) return true;
                    T value = convert(item);
                    cmdlet.OnPipeline(() => cmdlet.WriteObject(value));
                    return ++written < first;
                }, token));
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException) && RunwayCmdlet.Reportable(ex))
            {
                cmdlet.Report(ex, target ?? path);
                return;
            }
            if (next != null)
                cmdlet.WriteInformation(new InformationRecord(next, cmdlet.MyInvocation.MyCommand.Name) { Tags = { NextCursorTag } });
            if (paging != null && paging.IncludeTotalCount)
                // Exact when the list ended; when -First stopped the walk, the rest was never read.
                cmdlet.WriteObject(paging.NewTotalCount(index, written < first ? 1.0 : 0.0));
        }
    }
}
