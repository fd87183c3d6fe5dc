using System;
using System.Collections.Generic;
using Runway.Api;
using Runway.Tasks;

namespace Runway.Shell
{
    /// <summary>
    /// The one wait reporter of Wait-RunwayTask and the generation cmdlets: a finished task goes to
    /// <c>finished</c>, a failed, cancelled, vanished or timed-out one becomes an error that keeps its id, and one
    /// progress bar shows the rest. Called from the waiter's thread; every write happens on the pipeline thread.
    /// </summary>
    public sealed class WaitReporter : IWaitObserver, IPollTroubleObserver
    {
        private readonly RunwayCmdlet cmdlet;
        private readonly Action<RunwayTask> finished;
        private readonly Action<RunwayTaskException>? ended;
        private readonly bool report;
        private readonly WaitProgressBar bar;

        /// <param name="finished">Takes a task that succeeded (on the waiter's thread).</param>
        /// <param name="ended">Also told of a task that ended without output, before its error is written.</param>
        /// <param name="report">False when the tasks were already output and a wait only frees slots: nothing is reported.</param>
        public WaitReporter(RunwayCmdlet cmdlet, Action<RunwayTask> finished, Action<RunwayTaskException>? ended = null, bool report = true)
        {
            this.cmdlet = cmdlet;
            this.finished = finished;
            this.ended = ended;
            this.report = report;
            bar = new WaitProgressBar(cmdlet.OnPipeline, cmdlet.WriteProgress);
        }

        /// <summary>A reporter that outputs each finished task.</summary>
        public static WaitReporter Output(RunwayCmdlet cmdlet) => new WaitReporter(cmdlet, task => cmdlet.OnPipeline(() => cmdlet.WriteObject(task)));

        public void Finished(RunwayTask task)
        {
            if (report) finished(task);
        }

        public void Ended(RunwayTaskException failure)
        {
            if (!report) return;
            ended?.Invoke(failure);
            cmdlet.OnPipeline(() => cmdlet.WriteError(ErrorPolicy.FromException(failure, failure.Task)));
        }

        public void Progress(IReadOnlyList<RunwayTask> unfinished, int finishedCount, int total, TimeSpan elapsed)
        {
            if (report) bar.Update(unfinished, finishedCount, total, elapsed);
        }

        /// <summary>The API stopped answering a task's status requests: said at once (the wait goes on until its timeout, which keeps the id).</summary>
        public void PollFailing(RunwayTask task, Exception cause) =>
            cmdlet.OnPipeline(() => cmdlet.WriteWarning(PollTrouble.Warning($"task {task.Id}", $"Wait-RunwayTask -Id {task.Id}", cause)));

        /// <summary>Clears the progress bar; call on the pipeline thread when the wait is over.</summary>
        public void Complete() => bar.Complete();
    }
}
