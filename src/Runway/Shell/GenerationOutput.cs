using System.Collections.Generic;
using System.Linq;
using Runway.Api;
using Runway.Models;
using Runway.Tasks;

namespace Runway.Shell
{
    /// <summary>
    /// What a generation cmdlet does with its tasks: outputs them at once, or (with -Wait, -OutFile or
    /// -OutDirectory) reports each id, waits for all of them in one loop, and outputs or saves each as it ends.
    /// </summary>
    public sealed class GenerationOutput
    {
        private readonly RunwayCmdlet cmdlet;
        private readonly OutputDestination? destination;
        private readonly BatchSummary summary;
        private readonly WaitOptions options;
        private OutputSaver? saver;

        public GenerationOutput(RunwayCmdlet cmdlet, OutputDestination? destination, bool wait, WaitOptions options, BatchSummary summary)
        {
            this.cmdlet = cmdlet;
            this.destination = destination;
            this.options = options;
            this.summary = summary;
            Waiting = wait || destination != null;
            Reporter = new WaitReporter(cmdlet, Finished, _ => { lock (summary) summary.Failed++; }, report: Waiting);
        }

        public bool Waiting { get; }
        /// <summary>Told of tasks that end, while waiting for a free slot and while waiting for the batch.</summary>
        public WaitReporter Reporter { get; }

        /// <summary>Before a task is paid for: the output folder must exist and be writable.</summary>
        public void Prepare()
        {
            if (destination != null) saver = destination.Saver(cmdlet, cmdlet.Api);
        }

        public void Created(Created<RunwayTask> result, GenerationRequest request)
        {
            RunwayTask task = result.Value;
            if (result.JournalError != null)
                cmdlet.WriteWarning($"Task {task.Id} was created but could not be written to the task journal {TaskJournal.FilePath} ({result.JournalError.Trim().TrimEnd('.')}). " +
                    $"Keep its id: Get-RunwayTask -Id {task.Id}, Wait-RunwayTask -Id {task.Id} and Save-RunwayOutput -Id {task.Id} -Path <folder> recover it. " +
                    "This session writes the line at its next journal write that succeeds, and refuses further creates until the journal can take them.");
            cmdlet.WriteVerbose($"Created task {task.Id} ({request.Summary}, {request.CostText}).");
            // While waiting, a task is output only when it ends: report its id now (tag Runway.TaskCreated), so
            // that a wait stopped by Ctrl+C or a timeout never loses track of a paid task.
            if (Waiting) cmdlet.WriteInformation(task, InformationTags.TaskCreated);
            else cmdlet.WriteObject(task);
        }

        /// <summary>Waits for the tasks not yet seen to end, then for their downloads.</summary>
        public void WaitFor(IReadOnlyList<RunwayTask> unfinished)
        {
            if (!Waiting) return;
            RunwayTask[] tasks = unfinished.ToArray();
            try
            {
                cmdlet.Run(async token =>
                {
                    if (tasks.Length > 0)
                        await new TaskWaiter(cmdlet.Api, options).WaitAsync(tasks, Reporter, token).ConfigureAwait(false);
                    if (saver != null) await saver.CompleteAsync().ConfigureAwait(false);
                });
            }
            catch (RunwayApiException ex)
            {
                cmdlet.WriteError(ErrorPolicy.FromException(ex, tasks.Select(t => t.Id).ToArray()));
            }
            finally
            {
                Reporter.Complete();
            }
        }

        /// <summary>A task that succeeded: saved when outputs go to disk, else output (called on the waiter's thread).</summary>
        private void Finished(RunwayTask task)
        {
            lock (summary) summary.Succeeded++;
            if (saver != null) saver.Start(task, cmdlet.Cancellation);
            else cmdlet.OnPipeline(() => cmdlet.WriteObject(task));
        }
    }
}
