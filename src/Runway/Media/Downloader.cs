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
            : base($"'{path}' already exists. Use -Force to overwrite it, or choose another name.")
        {
            Path = path;
        }

        public string Path { get; }
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
        public async Task<string> DownloadAsync(string url, Func<string, string> choosePath, bool force, Action<long, long?> progress, CancellationToken cancellation)
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
                                return (false, null);
                            string target = choosePath(response.Content.Headers.ContentType?.MediaType);
                            if (!force && File.Exists(target))
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
                        return (false, null);
                    }
                }
            }, (last, retryNote) =>
            {
                string why = last.Outcome == AttemptOutcome.Response ? $"HTTP {last.Status}" : last.Failure?.GetBaseException().Message;
                return new RunwayApiException($"Download of {Display(url)} failed ({why}{retryNote}).", "GET", Display(url),
                    last.Outcome == AttemptOutcome.Response ? last.Status : 0, null, null, last.Outcome, false, last.Failure);
            }, cancellation).ConfigureAwait(false);
        }

        private static async Task WriteAtomicallyAsync(Stream body, string target, bool force, long? total, Action<long, long?> progress,
            StallWatchdog watchdog, CancellationToken cancellation)
        {
            string directory = Path.GetDirectoryName(target);
            string temp = Path.Combine(directory, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
            var throttled = new ThrottledProgress(total, progress ?? ((d, t) => { }));
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
                if (File.Exists(target))
                {
                    if (!force) throw new RunwayFileExistsException(target);
                    File.Replace(temp, target, null);
                }
                else
                {
                    File.Move(temp, target);
                }
            }
            finally
            {
                TryDelete(temp);
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                if (File.Exists(path)) File.Delete(path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
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
