using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Runway.Api;
using Runway.Models;

namespace Runway.Shell
{
    /// <summary>The one progress bar of a wait: tasks done, statuses, elapsed time; cleared when the wait ends.</summary>
    internal sealed class WaitProgressBar
    {
        private const int ActivityId = 0x52574157;
        private readonly Action<Action> onPipeline;
        private readonly Action<ProgressRecord> write;
        private bool shown;

        public WaitProgressBar(Action<Action> onPipeline, Action<ProgressRecord> write)
        {
            this.onPipeline = onPipeline;
            this.write = write;
        }

        /// <summary>Called from the waiter's thread; the write happens on the pipeline thread.</summary>
        public void Update(IReadOnlyList<RunwayTask> unfinished, int finishedCount, int total, TimeSpan elapsed)
        {
            if (unfinished.Count == 0) return;
            string status = string.Join(", ", unfinished.GroupBy(t => t.Status ?? "?").Select(g => $"{g.Count()} {g.Key}"));
            double running = unfinished.Sum(t => t.Progress ?? 0);
            int percent = (int)Math.Min(100, Math.Round(100.0 * (finishedCount + running) / Math.Max(1, total)));
            string activity = total == 1 ? $"Waiting for Runway task {unfinished[0].Id}" : $"Waiting for {total} Runway tasks";
            var record = new ProgressRecord(ActivityId, activity, $"{finishedCount} of {total} done; {status}; {elapsed.TotalSeconds:0} s")
            {
                PercentComplete = percent,
            };
            onPipeline(() =>
            {
                write(record);
                shown = true;
            });
        }

        /// <summary>Clears the bar; call on the pipeline thread.</summary>
        public void Complete()
        {
            if (shown)
                write(new ProgressRecord(ActivityId, "Waiting for Runway tasks", "Done") { RecordType = ProgressRecordType.Completed });
        }
    }
}
