using System;
using System.Linq;
using Runway.Api;

namespace Runway.Tasks
{
    /// <summary>How a schedule hands its plans on and takes them over, through <see cref="TaskSightings"/>.</summary>
    internal sealed partial class PollSchedule
    {
        /// <summary>The task as this process recently saw it finished (reported without a request), or null.</summary>
        public RunwayTask? FinishedAlready(RunwayTask task) => sightings.FinishedSince(task, clock());

        /// <summary>Takes over a sighting's plan: its looks, what they taught, and its next look (never past this schedule's bound).</summary>
        private void Continue(Entry entry, TaskSighting seen, DateTimeOffset now)
        {
            if (!ReferenceEquals(seen.Task, entry.Task))
            {
                RunwayTask latest = seen.Task.Copy();
                latest.KeepKnown(entry.Task);
                entry.Task = latest;
            }
            entry.CreatedAt = seen.CreatedAt ?? entry.CreatedAt;
            entry.Previous = seen.Previous;
            entry.Last = seen.Last;
            entry.EarlyLooks = seen.EarlyLooks;
            entry.Throttled |= seen.Throttled;
            entry.Probe = seen.Probe;
            entry.Scout = seen.Scout && !entries.Any(e => e.Scout && string.Equals(e.Model, entry.Model, StringComparison.OrdinalIgnoreCase));
            if (!seen.Due.HasValue)
            {
                // Seen outside a plan: planned from that look, as if this schedule had made it.
                if (entry.Last == null) PlanFirst(entry, now);
                else Plan(entry, entry.Last.At);
                return;
            }
            entry.ExpectedEnd = seen.ExpectedEnd;
            DateTimeOffset bound = (entry.Last != null && entry.Last.At > now ? entry.Last.At : now) + Planner.MaxGap;
            entry.Due = seen.Due.Value < bound ? seen.Due.Value : bound;
        }

        /// <summary>Keeps the entry's plan in the sightings, for whichever schedule is handed the task next.</summary>
        private void Remember(Entry entry)
        {
            // Seen at its last look (the middle of the request) or, when later, when its answer was read: the task object
            // handed on carries that time, and a sighting is continued only when not older than the object.
            DateTimeOffset at = entry.Task.RetrievedAt != default ? entry.Task.RetrievedAt : entry.CreatedAt ?? clock();
            if (entry.Last != null && entry.Last.At > at) at = entry.Last.At;
            sightings.Record(new TaskSighting(entry.Task, at, entry.CreatedAt, entry.Previous, entry.Last, entry.Due, entry.ExpectedEnd,
                entry.EarlyLooks, entry.Throttled, entry.Scout, entry.Probe));
        }
    }
}
