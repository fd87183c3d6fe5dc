using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;
using Runway.Models;

namespace Runway.Media
{
    /// <summary>
    /// Ephemeral uploads: POST /v1/uploads for a slot, then a multipart POST of the slot's fields and the file
    /// (streamed, never buffered) to storage, without the API key.
    /// </summary>
    public sealed class Uploader
    {
        private readonly RunwayClient client;
        private readonly IRunwayLog log;

        public Uploader(RunwayClient client, IRunwayLog log)
        {
            this.client = client;
            this.log = log;
        }

        /// <summary>
        /// Uploads <paramref name="path"/>. <paramref name="metadata"/> (the SDK's fileMetadata) is sent as the form's
        /// 'metadata' field, after the slot's fields and before the file, as the SDK sends it; null sends none.
        /// </summary>
        public async Task<RunwayUpload> UploadAsync(string path, MediaFormat format, Action<long, long?>? progress, CancellationToken cancellation, string? metadata = null)
        {
            var file = new FileInfo(path);
            var request = new JsonObject { ["filename"] = file.Name, ["type"] = "ephemeral" };
            JsonElement slot = await client.PostAsync("v1/uploads", request, RequestKind.Safe, cancellation).ConfigureAwait(false);
            string? uploadUrl = RunwayTask.StringOf(slot, "uploadUrl");
            string? runwayUri = RunwayTask.StringOf(slot, "runwayUri");
            if (Strings.IsEmpty(uploadUrl) || Strings.IsEmpty(runwayUri))
                throw new RunwayApiException("Runway API: POST /v1/uploads answered without uploadUrl or runwayUri.", "POST", "/v1/uploads", 200, null, null, AttemptOutcome.Response, false);
            var fields = new List<KeyValuePair<string, string>>();
            if (slot.TryGetProperty("fields", out JsonElement fieldObject) && fieldObject.ValueKind == JsonValueKind.Object)
                foreach (JsonProperty field in fieldObject.EnumerateObject())
                    fields.Add(new KeyValuePair<string, string>(field.Name, field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString() ?? string.Empty : field.Value.ToString()));

            string display = new Uri(uploadUrl).GetLeftPart(UriPartial.Path);
            var throttled = new ThrottledProgress(file.Length, progress ?? ((d, t) => { }));
            await RetryLoop.RunAsync(RequestKind.Safe, client.Configuration.MaxRetries, log, $"Upload of {file.Name}", async (retries, attempt) =>
            {
                log?.Verbose($"POST {display} (storage, {file.Length:N0} bytes, no API key){(retries > 0 ? $" (retry {retries})" : "")}");
                using (var watchdog = new StallWatchdog(client.Configuration.RequestTimeout, cancellation))
                using (var stream = new ProgressStream(new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true),
                           done => { watchdog.Kick(); throttled.Report(done); }))
                using (var content = new MultipartFormDataContent())
                using (var message = new HttpRequestMessage(HttpMethod.Post, uploadUrl))
                {
                    foreach (KeyValuePair<string, string> field in fields)
                        content.Add(new StringContent(field.Value), field.Key);
                    if (metadata != null) content.Add(new StringContent(metadata), "metadata");
                    var filePart = new StreamContent(stream, 81920);
                    filePart.Headers.ContentType = new MediaTypeHeaderValue(format.MediaType);
                    content.Add(filePart, "file", file.Name);
                    message.Content = content;
                    try
                    {
                        using (HttpResponseMessage response = await RunwayClient.Http.SendAsync(message, HttpCompletionOption.ResponseContentRead, watchdog.Token).ConfigureAwait(false))
                        {
                            attempt.Read(response);
                            attempt.Body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                        }
                    }
                    catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (Exception ex) when (ex is HttpRequestException || ex is IOException || ex is OperationCanceledException)
                    {
                        attempt.Fail(RunwayClient.Classify(ex), watchdog.Stalled ? new TimeoutException($"no progress for {watchdog.Limit.TotalSeconds:0.#} s") : ex);
                    }
                }
                return (attempt.Outcome == AttemptOutcome.Response && attempt.Status >= 200 && attempt.Status < 300, true);
            }, (last, retryNote) =>
            {
                string? why = last.Outcome == AttemptOutcome.Response
                    ? $"HTTP {last.Status}{(Strings.IsBlank(last.Body) ? "" : ": " + Trim(last.Body))}"
                    : last.Failure?.GetBaseException().Message;
                return new RunwayApiException($"Upload of '{file.Name}' to storage failed ({why}{retryNote}).", "POST", display,
                    last.Outcome == AttemptOutcome.Response ? last.Status : 0, last.Body, null, last.Outcome, false, last.Failure);
            }, cancellation).ConfigureAwait(false);

            return new RunwayUpload
            {
                Uri = runwayUri,
                Name = file.Name,
                Path = file.FullName,
                Length = file.Length,
                MediaType = format.MediaType,
                UploadedAt = DateTimeOffset.Now,
                Metadata = metadata,
            };
        }

        private static string Trim(string text)
        {
            text = text.Trim();
            return text.Length > 300 ? text.Substring(0, 300) + "…" : text;
        }
    }
}
