using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Runway.Api
{
    /// <summary>Where the client reports what it does; cmdlets forward it to the verbose stream.</summary>
    public interface IRunwayLog
    {
        void Verbose(string message);
    }

    /// <summary>
    /// The one HTTP path to the API: headers, JSON, error mapping and the retry policy. Shares one HttpClient
    /// (connection pool) across the process; the key is read from its SecureString only to build a header.
    /// </summary>
    public sealed class RunwayClient
    {
        public const string ApiVersion = "2024-11-06";
        private static readonly Lazy<HttpClient> SharedHttp = new Lazy<HttpClient>(CreateHttpClient);
        internal static HttpClient Http => SharedHttp.Value;

        /// <summary>Bodies are not embedded in HTML: keep '+' and non-ASCII literal instead of \u escapes (smaller data URIs).</summary>
        internal static readonly JsonSerializerOptions BodyOptions = new JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        private readonly RunwayConfiguration configuration;
        private readonly IRunwayLog? log;

        public RunwayClient(RunwayConfiguration? configuration, IRunwayLog? log)
        {
            this.configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
            this.log = log;
        }

        public RunwayConfiguration Configuration => configuration;

        public static string UserAgent { get; } = BuildUserAgent();

        public Task<JsonElement> GetAsync(string path, CancellationToken cancellation) =>
            SendAsync(HttpMethod.Get, path, null, RequestKind.Idempotent, cancellation);

        public Task<JsonElement> DeleteAsync(string path, CancellationToken cancellation) =>
            SendAsync(HttpMethod.Delete, path, null, RequestKind.Idempotent, cancellation);

        public Task<JsonElement> PostAsync(string path, JsonObject? body, RequestKind kind, CancellationToken cancellation) =>
            SendAsync(HttpMethod.Post, path, body, kind, cancellation);

        /// <summary>Sends one logical request, retrying as <see cref="RetryPolicy"/> allows. Returns the JSON body (Undefined when empty).</summary>
        public async Task<JsonElement> SendAsync(HttpMethod method, string path, JsonObject? body, RequestKind kind, CancellationToken cancellation)
        {
            string? key = configuration.ReadKey();
            if (Strings.IsEmpty(key))
                throw new RunwayConfigurationException(
                    $"No Runway API key is set. Set ${RunwayConfiguration.ApiKeyVariable} (for example `$env:{RunwayConfiguration.ApiKeyVariable} = 'key_…'`) " +
                    "or run `Connect-Runway -ApiKey (Read-Host -AsSecureString 'Runway API key')`. Nothing was sent.");
            Uri uri = new Uri(configuration.BaseUri, path.TrimStart('/'));
            string? json = body?.ToJsonString(BodyOptions);
            string displayPath = "/" + path.TrimStart('/');

            return await RetryLoop.RunAsync(kind, configuration.MaxRetries, log, $"{method.Method} {displayPath}", async (retries, attempt) =>
            {
                log?.Verbose($"{method.Method} {uri}{(retries > 0 ? $" (retry {retries})" : "")} [key {RunwayConfiguration.MaskKey(key)}]");
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
                using (var request = new HttpRequestMessage(method, uri))
                {
                    timeout.CancelAfter(configuration.RequestTimeout);
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                    request.Headers.Add("X-Runway-Version", ApiVersion);
                    request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                    if (json != null)
                        request.Content = new StringContent(json, Encoding.UTF8, "application/json");
                    try
                    {
                        using (HttpResponseMessage response = await Http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false))
                        {
                            attempt.Read(response);
                            attempt.Body = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                        }
                    }
                    catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (Exception ex) when (ex is OperationCanceledException || ex is HttpRequestException || ex is IOException)
                    {
                        attempt.Fail(Classify(ex), ex);
                    }
                }
                return attempt.Outcome == AttemptOutcome.Response && attempt.Status < 400
                    ? (true, ParseBody(attempt.Body, method.Method, displayPath, attempt.Status, kind))
                    : (false, default(JsonElement));
            }, (last, retryNote) =>
            {
                if (last.Outcome != AttemptOutcome.Response)
                    return RunwayApiException.FromNoResponse(method.Method, displayPath, last.Outcome, kind, retryNote, last.Failure);
                ReadError(last.Body, out string? apiMessage, out IReadOnlyList<string> issues);
                return RunwayApiException.FromResponse(method.Method, displayPath, last.Status, apiMessage, issues, retryNote, kind, last.RefusedWait);
            }, cancellation).ConfigureAwait(false);
        }

        /// <summary>What a failed try means: a timeout, a connection that was never made, or one lost on the way.</summary>
        internal static AttemptOutcome Classify(Exception exception) =>
            exception is OperationCanceledException || exception is TimeoutException ? AttemptOutcome.TimedOut
            : IsConnectFailure(exception) ? AttemptOutcome.NeverSent
            : AttemptOutcome.ConnectionLost;

        /// <summary>The JSON body of a success. A create whose answer cannot be read may still have started a task.</summary>
        private static JsonElement ParseBody(string? text, string method, string path, int status, RequestKind kind)
        {
            if (Strings.IsBlank(text))
                return default;
            try
            {
                using (JsonDocument document = JsonDocument.Parse(text))
                    return document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                bool mayExist = kind == RequestKind.CreateTask;
                throw new RunwayApiException($"Runway API: the response to {method} {path} was not valid JSON (HTTP {status})." +
                    (mayExist ? " A task may have been started and charged; check your recent tasks before retrying."
                        : kind == RequestKind.CreateResource ? " It may have been created; list them before creating it again." : string.Empty),
                    method, path, status, null, null, AttemptOutcome.Response, mayExist, ex);
            }
        }

        internal static void ReadError(string? text, out string? message, out IReadOnlyList<string> issues)
        {
            message = null;
            issues = Array.Empty<string>();
            if (Strings.IsBlank(text)) return;
            try
            {
                using (JsonDocument document = JsonDocument.Parse(text))
                {
                    JsonElement root = document.RootElement;
                    if (root.ValueKind != JsonValueKind.Object) return;
                    if (root.TryGetProperty("error", out JsonElement error))
                        message = error.ValueKind == JsonValueKind.String ? error.GetString() : error.ToString();
                    var details = new List<KeyValuePair<string, string>>();
                    if (root.TryGetProperty("issues", out JsonElement list) && list.ValueKind == JsonValueKind.Array)
                    {
                        foreach (JsonElement issue in list.EnumerateArray())
                        {
                            if (issue.ValueKind != JsonValueKind.Object) continue;
                            string field = string.Empty;
                            if (issue.TryGetProperty("path", out JsonElement p) && p.ValueKind == JsonValueKind.Array)
                            {
                                var parts = new List<string>();
                                foreach (JsonElement part in p.EnumerateArray()) parts.Add(part.ToString());
                                field = string.Join(".", parts);
                            }
                            string text2 = issue.TryGetProperty("message", out JsonElement m) ? m.ToString() : issue.ToString();
                            details.Add(new KeyValuePair<string, string>(field, text2));
                        }
                    }
                    issues = RunwayApiException.FormatIssues(details);
                }
            }
            catch (JsonException)
            {
                message = text.Length > 300 ? text.Substring(0, 300) + "…" : text;
            }
        }

        /// <summary>
        /// True only when the failure happened while connecting, so the server cannot have seen the request:
        /// refused, unreachable, or a name that does not resolve.
        /// </summary>
        internal static bool IsConnectFailure(Exception exception)
        {
            // .NET 8+ classifies the failure itself; read it by reflection because netstandard2.0 lacks the property.
            PropertyInfo? errorKind = exception.GetType().GetProperty("HttpRequestError");
            if (errorKind != null)
            {
                string? value = errorKind.GetValue(exception)?.ToString();
                if (value == "ConnectionError" || value == "NameResolutionError") return true;
                if (value != null && value != "Unknown") return false;
            }
            for (Exception? e = exception; e != null; e = e.InnerException)
            {
                if (e is SocketException socket)
                {
                    switch (socket.SocketErrorCode)
                    {
                        case SocketError.ConnectionRefused:
                        case SocketError.HostNotFound:
                        case SocketError.HostUnreachable:
                        case SocketError.NetworkUnreachable:
                        case SocketError.TryAgain:
                        case SocketError.NoData:
                        case SocketError.AddressNotAvailable:
                            return true;
                    }
                }
                if (e is WebException web && (web.Status == WebExceptionStatus.ConnectFailure || web.Status == WebExceptionStatus.NameResolutionFailure))
                    return true;
            }
            return false;
        }

        private static HttpClient CreateHttpClient()
        {
            var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
            if (handler.SupportsAutomaticDecompression)
                handler.AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate;
            return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        }

        private static string BuildUserAgent()
        {
            string version = typeof(RunwayClient).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            string runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
            return $"Runway-PowerShell/{version} ({runtime}; {System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()})";
        }
    }

    /// <summary>The module is not configured well enough to send anything (no key, bad base URI).</summary>
    public sealed class RunwayConfigurationException : Exception
    {
        public RunwayConfigurationException(string message, bool badBaseUri = false) : base(message)
        {
            BadBaseUri = badBaseUri;
        }

        /// <summary>The base URI is unusable (rather than the key missing).</summary>
        public bool BadBaseUri { get; }
    }
}
