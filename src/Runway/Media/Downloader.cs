using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;

namespace Runway.Media
{
    /// <summary>An output URL that no longer serves the file (signed URLs expire after 24–48 h; deleted tasks lose theirs).</summary>
    public sealed class RunwayOutputExpiredException : Exception
    {
        public RunwayOutputExpiredException(string message, string url, int status) : base(message)
        {
            Url = url;
            StatusCode = status;
        }

        public string Url { get; }
        public int StatusCode { get; }
    }

    /// <summary>The file is there already and -Force was not given.</summary>
    public sealed class RunwayFileExistsException : IOException
    {
        public RunwayFileExistsException(string path)
            : this(path, Directory.Exists(path)
                ? $"'{path}' is a folder, so the output cannot be saved under that name. Choose another name or folder."
                : $"'{path}' already exists. Use -Force to overwrite it, or choose another name.")
        {
        }

        public RunwayFileExistsException(string path, string message) : base(message)
        {
            Path = path;
        }

        public string Path { get; }
    }

    /// <summary>
    /// The output file could not be written (permissions, a full disk, a bad name): the message names the file the
    /// user asked for, never the temporary file beside it, and says that nothing partial was left.
    /// </summary>
    public sealed class RunwayWriteException : IOException
    {
        public RunwayWriteException(string path, string reason, bool denied, Exception inner)
            : base($"'{path}' could not be written: {reason} No partial file was left.", inner)
        {
            Path = path;
            Denied = denied;
        }

        public string Path { get; }
        /// <summary>The file system refused permission (a read-only folder), rather than failing the write.</summary>
        public bool Denied { get; }

        /// <summary>The exception of a failed write, told in the target's name (the temporary file's name is left out).</summary>
        public static RunwayWriteException From(Exception ex, string target, string temp)
        {
            const int DiskFullWindows = unchecked((int)0x80070070), HandleDiskFull = unchecked((int)0x80070027), NoSpaceUnix = 28;
            switch (ex)
            {
                case UnauthorizedAccessException _:
                    return new RunwayWriteException(target, "permission denied (the folder is read-only or belongs to someone else).", true, ex);
                case PathTooLongException _:
                    return new RunwayWriteException(target, "the path is too long for the file system.", false, ex);
                case DirectoryNotFoundException _:
                    return new RunwayWriteException(target, "its folder does not exist (any more).", false, ex);
                case IOException io when io.HResult == DiskFullWindows || io.HResult == HandleDiskFull || io.HResult == NoSpaceUnix
                                         || io.Message.IndexOf("No space left", StringComparison.OrdinalIgnoreCase) >= 0:
                    return new RunwayWriteException(target, "the disk is full.", false, ex);
                default:
                    string reason = ex.Message.Replace(temp, target).Replace(System.IO.Path.GetFileName(temp), System.IO.Path.GetFileName(target)).Trim();
                    return new RunwayWriteException(target, reason.EndsWith(".", StringComparison.Ordinal) ? reason : reason + ".", false, ex);
            }
        }
    }

    /// <summary>
    /// Streams an output URL to disk: into a temporary file beside the target, renamed into place only when
    /// complete, so a failure or Ctrl+C never leaves a partial or clobbered file. Output URLs are signed:
    /// the API key is never sent to them.
    /// </summary>
    public sealed class Downloader
    {
        private readonly int maxRetries;
        private readonly TimeSpan stallLimit;
        private readonly IRunwayLog log;

        /// <summary>Retries as configured; a transfer with no progress for the request timeout counts as lost.</summary>
        public Downloader(RunwayConfiguration configuration, IRunwayLog log)
        {
            maxRetries = configuration.MaxRetries;
            stallLimit = configuration.RequestTimeout;
            this.log = log;
        }

        /// <param name="choosePath">Given the response's media type, returns the target file path.</param>
        public async Task<string> DownloadAsync(string url, Func<string?, string> choosePath, bool force, Action<long, long?>? progress, CancellationToken cancellation)
        {
            return await RetryLoop.RunAsync(RequestKind.Idempotent, maxRetries, log, $"Download of {Display(url)}", async (retries, attempt) =>
            {
                log?.Verbose($"GET {Display(url)} (download, no API key){(retries > 0 ? $" (retry {retries})" : "")}");
                using (var watchdog = new StallWatchdog(stallLimit, cancellation))
                {
                    try
                    {
                        using (var request = new HttpRequestMessage(HttpMethod.Get, url))
                        using (HttpResponseMessage response = await RunwayClient.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, watchdog.Token).ConfigureAwait(false))
                        {
                            watchdog.Kick();
                            attempt.Read(response);
                            int status = attempt.Status;
                            if (status == 403 || status == 404 || status == 410)
                                throw new RunwayOutputExpiredException(
                                    $"The output at {Display(url)} is no longer available (HTTP {status}): output URLs expire 24–48 hours after the task finishes, and a deleted task's outputs go with it. Run the task again to get a new output.",
                                    url, status);
                            if (!response.IsSuccessStatusCode)
                                return (false, string.Empty);
                            string target = choosePath(response.Content.Headers.ContentType?.MediaType);
                            if ((!force && File.Exists(target)) || Directory.Exists(target))
                                throw new RunwayFileExistsException(target);
                            long? total = response.Content.Headers.ContentLength;
                            using (Stream body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                                await WriteAtomicallyAsync(body, target, force, total, progress, watchdog, cancellation).ConfigureAwait(false);
                            return (true, target);
                        }
                    }
                    catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (Exception ex) when ((ex is OperationCanceledException && watchdog.Stalled) || ex is DownloadInterruptedException || ex is HttpRequestException)
                    {
                        if (watchdog.Stalled)
                            attempt.Fail(AttemptOutcome.TimedOut, new TimeoutException($"no data for {watchdog.Limit.TotalSeconds:0.#} s"));
                        else if (ex is DownloadInterruptedException interrupted)
                            attempt.Fail(AttemptOutcome.ConnectionLost, interrupted.InnerException);
                        else
                            attempt.Fail(RunwayClient.Classify(ex), ex);
                        return (false, string.Empty);
                    }
                }
            }, (last, retryNote) =>
            {
                string? why = last.Outcome == AttemptOutcome.Response ? $"HTTP {last.Status}" : last.Failure?.GetBaseException().Message;
                return new RunwayApiException($"Download of {Display(url)} failed ({why}{retryNote}).", "GET", Display(url),
                    last.Outcome == AttemptOutcome.Response ? last.Status : 0, null, null, last.Outcome, false, last.Failure);
            }, cancellation).ConfigureAwait(false);
        }

        private static async Task WriteAtomicallyAsync(Stream body, string target, bool force, long? total, Action<long, long?>? progress,
            StallWatchdog watchdog, CancellationToken cancellation)
        {
            string temp = AtomicFile.TempPathFor(target);
            var throttled = new ThrottledProgress(total, progress ?? ((d, t) => { }));
            try
            {
                await WriteTempAsync(body, temp, target, total, throttled, watchdog, cancellation).ConfigureAwait(false);
                AtomicFile.Commit(temp, target, force);
            }
            finally
            {
                AtomicFile.TryDelete(temp);
            }
        }

        /// <summary>The body into the temporary file; a failure of the disk (not of the transfer) is told in the target's name.</summary>
        private static async Task WriteTempAsync(Stream body, string temp, string target, long? total, ThrottledProgress throttled,
            StallWatchdog watchdog, CancellationToken cancellation)
        {
            try
            {
                using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                {
                    var buffer = new byte[81920];
                    long done = 0;
                    while (true)
                    {
                        int read;
                        try
                        {
                            read = await body.ReadAsync(buffer, 0, buffer.Length, watchdog.Token).ConfigureAwait(false);
                        }
                        catch (Exception ex) when (ex is IOException || ex is HttpRequestException
                                                   || (ex is OperationCanceledException && watchdog.Stalled && !cancellation.IsCancellationRequested))
                        {
                            throw new DownloadInterruptedException(ex);
                        }
                        watchdog.Kick();
                        if (read == 0) break;
                        await file.WriteAsync(buffer, 0, read, cancellation).ConfigureAwait(false);
                        done += read;
                        throttled.Report(done);
                    }
                    if (total.HasValue && done != total.Value)
                        throw new DownloadInterruptedException(new IOException($"the server sent {done:N0} of {total.Value:N0} bytes"));
                    await file.FlushAsync(cancellation).ConfigureAwait(false);
                    throttled.Report(total ?? done);
                }
            }
            catch (Exception ex) when ((ex is IOException || ex is UnauthorizedAccessException) && !(ex is DownloadInterruptedException))
            {
                throw RunwayWriteException.From(ex, target, temp);
            }
        }

        /// <summary>The URL without its query: signatures stay out of messages.</summary>
        public static string Display(string url) =>
            Uri.TryCreate(url, UriKind.Absolute, out Uri uri) ? uri.GetLeftPart(UriPartial.Path) : url;

        private sealed class DownloadInterruptedException : Exception
        {
            public DownloadInterruptedException(Exception inner) : base(inner.Message, inner) { }
        }
    }
}
