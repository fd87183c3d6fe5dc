using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;
using Runway.Media;
using Runway.Models;
using Runway.Tasks;

namespace Runway.Shell
{
    /// <summary>
    /// What the cmdlets of voices, documents, avatars and realtime sessions share: media inputs read through the
    /// provider, validation that writes an error and sends nothing, local files inlined or uploaded, and an optional
    /// wait (-Wait, -TimeoutSec, -PollIntervalSec) with one progress bar and Ctrl+C.
    /// </summary>
    [FreeCreate]
    public abstract class ResourceCmdlet : RunwayCmdlet
    {
        private const int ActivityId = 0x52575257;

        /// <summary>The default seconds between status checks of a resource (they change state within seconds).</summary>
        public const double DefaultPollSeconds = 2;

        protected MediaSource? MediaInput(object? input, string parameter, params MediaKind[] accepted) =>
            input == null ? null : MediaSource.From(InputBinder.MediaValue(input, parameter, this), parameter, path => ProviderPaths.ResolveOne(this, path), accepted);

        /// <summary>Runs <paramref name="build"/>; bad input becomes a non-terminating error (nothing is sent) and null.</summary>
        protected T? Build<T>(Func<T> build, object? target) where T : class
        {
            try
            {
                return build();
            }
            catch (RunwayInputException ex)
            {
                WriteError(ErrorPolicy.FromException(ex, ex.Target ?? target));
                return null;
            }
        }

        /// <summary>-WhatIf/-Confirm for a request; with -Verbose, its body (local files by name).</summary>
        protected bool Confirm(ResourceRequest request, string action)
        {
            if (VerboseEnabled) WriteVerbose($"{action} {request.Summary}. Body: {request.DescribeBody()}");
            return ShouldProcess(request.Summary, action);
        }

        /// <summary>
        /// Warns (never refuses: the tokenizer is not public) when the documents an avatar is given would likely pass
        /// the documented per-avatar knowledge limit. Reading them is free; one that cannot be read is left to the API.
        /// </summary>
        /// <summary>
        /// Reads the documents an avatar is to use (free GETs): one that does not exist refuses the create or update
        /// (Runway.DocumentNotFound) instead of making an avatar without it; a knowledge past the limit is a warning.
        /// </summary>
        protected bool CheckKnowledge(string[]? documentIds, string avatar)
        {
            if (documentIds == null || documentIds.Length == 0) return true;
            long characters = 0;
            var missing = new System.Collections.Generic.List<string>();
            bool read = RunForItem(avatar, async token =>
            {
                foreach (string id in documentIds)
                {
                    try
                    {
                        RunwayDocument document = await Api.GetAsync(AvatarApi.Documents, id, AvatarApi.ReadDocument, token).ConfigureAwait(false);
                        characters += document.Content?.Length ?? 0;
                    }
                    catch (RunwayApiException ex) when (ex.StatusCode == 404)
                    {
                        missing.Add(id);
                    }
                }
            });
            if (!read) return false;
            foreach (string id in missing)
                WriteError(new ErrorRecord(new ItemNotFoundException($"Not sent: document {id} does not exist (Get-RunwayDocument lists yours), so {avatar} would be made without it."),
                    "Runway.DocumentNotFound", ErrorCategory.ObjectNotFound, id));
            if (missing.Count > 0) return false;
            string? warning = AvatarRequests.KnowledgeWarning($"The knowledge of {avatar} ({documentIds.Length} document{(documentIds.Length == 1 ? "" : "s")})", characters);
            if (warning != null) WriteWarning(warning);
            return true;
        }

        protected Task ResolveMediaAsync(ResourceRequest request, CancellationToken cancellation) =>
            SlotResolver.ResolveAsync(request.Media, AvatarFacts.DataUriMaxLength, new Uploader(Api.Client, this), TransferProgress.Upload(this), cancellation);

        /// <summary>Polls until <paramref name="done"/>, with a progress bar; a timeout throws TimeoutException (the resource goes on).</summary>
        internal Task<T> WaitForAsync<T>(string what, Func<CancellationToken, Task<T>> fetch, Func<T, bool> done, Func<T, string?> status,
            double pollIntervalSec, int timeoutSec, CancellationToken cancellation) =>
            WaitAsync(what, fetch, done, status, pollIntervalSec, timeoutSec, cancellation);

        protected async Task<T> WaitAsync<T>(string what, Func<CancellationToken, Task<T>> fetch, Func<T, bool> done, Func<T, string?> status,
            double pollIntervalSec, int timeoutSec, CancellationToken cancellation)
        {
            bool shown = false;
            try
            {
                return await ResourceWaiter.WaitAsync(fetch, done, WaitOptions.FromSeconds(pollIntervalSec, timeoutSec), what,
                    (current, elapsed) =>
                    {
                        if (done(current)) return;
                        var record = new ProgressRecord(ActivityId, $"Waiting for {what}", $"{status(current)}; {elapsed.TotalSeconds:0} s");
                        OnPipeline(() =>
                        {
                            WriteProgress(record);
                            shown = true;
                        });
                    }, cancellation, warning => OnPipeline(() => WriteWarning(warning))).ConfigureAwait(false);
            }
            finally
            {
                OnPipeline(() =>
                {
                    if (shown) WriteProgress(new ProgressRecord(ActivityId, $"Waiting for {what}", "Done") { RecordType = ProgressRecordType.Completed });
                });
            }
        }
    }
}
