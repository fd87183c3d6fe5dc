using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;
using Runway.Media;
using Runway.Models;

namespace Runway.Tasks
{
    /// <summary>
    /// Creates paid tasks for one command: a free slot within the tier's concurrency, local media inlined or
    /// uploaded, the spending cap reserved and committed, one create, and the journal entry written before the
    /// task is handed back. No PowerShell here: the cmdlet layer reports what it returns.
    /// </summary>
    public sealed class TaskCreator
    {
        private readonly RunwayApi api;
        private readonly ConcurrencyGate gate;
        private readonly MediaResolver resolver;
        private bool journalChecked;

        /// <param name="observer">Told of tasks that end while the creator waits for a free slot.</param>
        public TaskCreator(RunwayApi api, int? throttleLimit, WaitOptions options, IRunwayLog log, IWaitObserver observer)
        {
            this.api = api;
            gate = new ConcurrencyGate(api, throttleLimit, options, log, observer);
            resolver = new MediaResolver(new Uploader(api.Client, log));
        }

        /// <summary>Created tasks that have not been seen to end yet.</summary>
        public IReadOnlyList<RunwayTask> Unfinished => gate.Unfinished;

        /// <param name="uploadProgress">Bytes sent of a local file that is uploaded (its display name, done, total).</param>
        public async Task<Created<RunwayTask>> CreateAsync(GenerationRequest request, Action<string, long, long?>? uploadProgress, CancellationToken cancellation)
        {
            // Before anything is sent (a slot's polls, an upload, the create): a journal that cannot take the task's line
            // refuses it now, not after paying. Once per command, and again after an append failed (the disk filled).
            if (!journalChecked || TaskJournal.LastAppendFailed)
            {
                TaskJournal.EnsureWritable();
                journalChecked = true;
            }
            await gate.WaitForSlotAsync(request.Model.Name, cancellation).ConfigureAwait(false);
            await resolver.ResolveAsync(request, (source, done, total) => uploadProgress?.Invoke(source.Display, done, total), cancellation).ConfigureAwait(false);

            RunwayTask task = await PaidCreate.SendAsync(request.CreditsUpperBound, request.Summary, request.PriceKnown,
                token => api.CreateTaskAsync(request.Endpoint, request.Model.Name, request.Body, request.KnownEstimatedCredits, token),
                reason => TaskJournal.RecordUnconfirmed(request, reason),
                // The API's estimatedCost (a routed create's: the router's estimate for the model it chose) replaces the
                // module's; the final cost replaces it when the task is seen finished.
                created => (created.Id, created.EstimatedCredits), cancellation).ConfigureAwait(false);
            if (task.Routing != null && request.Model.Price is RouterCeilingPrice routedPrice) task.Routing.RouterId = routedPrice.RouterId;
            string? journalError = TaskJournal.RecordCreated(task, request) ? null : TaskJournal.LastError;
            task.Prompt = request.PromptText;
            task.Inputs = TaskJournal.InputsOf(request);
            gate.Track(task);
            return new Created<RunwayTask>(task, journalError);
        }
    }
}
