#nullable enable
using System;
using System.Collections.Generic;
using Runway.Api;

namespace Runway.Tasks
{
    /// <summary>
    /// What this process last saw of one task, and where its poll plan stood then. Immutable: a schedule that
    /// continues it copies what it needs.
    /// </summary>
    internal sealed class TaskSighting
    {
        public TaskSighting(RunwayTask task, DateTimeOffset at, DateTimeOffset? createdAt, PollPlanner.Observation? previous, PollPlanner.Observation? last,
            DateTimeOffset? due, DateTimeOffset? expectedEnd, int earlyLooks, bool throttled, bool scout, bool? probe)
        {
            Task = task;
            At = at;
            CreatedAt = createdAt;
            Previous = previous;
            Last = last;
            Due = due;
            ExpectedEnd = expectedEnd;
            EarlyLooks = earlyLooks;
            Throttled = throttled;
            Scout = scout;
            Probe = probe;
        }

        /// <summary>The task as last seen (or as created, before any look).</summary>
        public RunwayTask Task { get; }
        /// <summary>When it was seen: its last look, or its creation.</summary>
        public DateTimeOffset At { get; }
        public DateTimeOffset? CreatedAt { get; }
        public PollPlanner.Observation? Previous { get; }
        /// <summary>Its last look; null for a task not looked at since its creation.</summary>
        public PollPlanner.Observation? Last { get; }
        /// <summary>The next look its plan had set; null when it was seen outside any plan (Get-RunwayTask, say).</summary>
        public DateTimeOffset? Due { get; }
        public DateTimeOffset? ExpectedEnd { get; }
        public int EarlyLooks { get; }
        public bool Throttled { get; }
        public bool Scout { get; }
        public bool? Probe { get; }

        public bool Finished => !RunwayTask.IsActiveStatus(Task.Status);

        /// <summary>True when this sighting is not older than what <paramref name="task"/> itself says (a task object piped in may be newer).</summary>
        public bool NotOlderThan(RunwayTask task) => task.RetrievedAt == default || At >= task.RetrievedAt;
    }

    /// <summary>
    /// The last sighting of each task in this process: every status read (any cmdlet's, through
    /// <see cref="RunwayApi.TaskSeen"/>) and every plan of a <see cref="PollSchedule"/> (the creating command's
    /// concurrency gate, a waiter). A schedule handed a task continues from here instead of planning it anew, so
    /// <c>New-RunwayVideo | Wait-RunwayTask</c> (or <c>Get-RunwayTask | Wait-RunwayTask</c>) costs the requests of
    /// <c>New-RunwayVideo -Wait</c>: no task is looked at again sooner than its plan allows, and a task already seen
    /// finished is reported without another request. Kept in memory only (nothing here is exported or journaled),
    /// bounded: the sighting not updated for the longest is forgotten first.
    /// </summary>
    internal sealed class TaskSightings
    {
        /// <summary>The process's sightings (production schedules and the API hook share it).</summary>
        public static readonly TaskSightings Shared = new TaskSightings(8192);

        /// <summary>
        /// How long a task seen finished is reported from memory: output URLs are signed and expire after 24–48 h
        /// (contract-notes.md), so a wait on an older sighting reads the task again for fresh ones.
        /// </summary>
        public static readonly TimeSpan FinishedFor = TimeSpan.FromHours(1);

        private readonly int capacity;
        private readonly Dictionary<string, LinkedListNode<TaskSighting>> byId = new Dictionary<string, LinkedListNode<TaskSighting>>(StringComparer.OrdinalIgnoreCase);
        private readonly LinkedList<TaskSighting> order = new LinkedList<TaskSighting>();

        public TaskSightings(int capacity)
        {
            this.capacity = Math.Max(1, capacity);
        }

        public int Count
        {
            get { lock (byId) return byId.Count; }
        }

        public TaskSighting? Find(string? id)
        {
            if (id == null) return null;
            lock (byId) return byId.TryGetValue(id, out LinkedListNode<TaskSighting> node) ? node.Value : null;
        }

        /// <summary>A task read outside any plan: a look of its own, after the previous one (two RUNNING looks give its rate).</summary>
        public void Saw(RunwayTask task)
        {
            // A workflow run read as a task is polled at its own endpoint, never by a task schedule.
            if (task?.Id == null || task.Status == null || task.RetrievedAt == default || WorkflowApi.IsRun(task.Endpoint)) return;
            lock (byId)
            {
                TaskSighting? earlier = byId.TryGetValue(task.Id, out LinkedListNode<TaskSighting> node) ? node.Value : null;
                // A schedule may have recorded a later look already (its look's time is the middle of the request).
                if (earlier != null && earlier.At > task.RetrievedAt) return;
                var look = PollPlanner.Observation.Of(task, task.RetrievedAt);
                PollPlanner.Observation? previous = earlier?.Last != null && earlier.Last.At < look.At ? earlier.Last : earlier?.Previous;
                Put(new TaskSighting(task, look.At, task.CreatedAt ?? earlier?.CreatedAt, previous, look, null, null, earlier?.EarlyLooks ?? 0,
                    (earlier?.Throttled ?? false) || task.Status == RunwayTask.Throttled, false, earlier?.Probe));
            }
        }

        /// <summary>Drops what was seen of a task (stopped or deleted: its plan and its last state no longer hold).</summary>
        public void Forget(string id)
        {
            if (id == null) return;
            lock (byId)
            {
                if (!byId.TryGetValue(id, out LinkedListNode<TaskSighting> node)) return;
                order.Remove(node);
                byId.Remove(id);
            }
        }

        public void Record(TaskSighting sighting)
        {
            if (sighting.Task.Id == null) return;
            lock (byId) Put(sighting);
        }

        /// <summary>
        /// The task as this process saw it finished, when that sighting is recent and not older than
        /// <paramref name="task"/>: a copy that keeps what <paramref name="task"/> knew (prompt, inputs).
        /// </summary>
        public RunwayTask? FinishedSince(RunwayTask task, DateTimeOffset now)
        {
            TaskSighting? seen = Find(task.Id);
            if (seen == null || !seen.Finished || !seen.NotOlderThan(task) || now - seen.At > FinishedFor) return null;
            RunwayTask copy = seen.Task.Copy();
            copy.KeepKnown(task);
            return copy;
        }

        private void Put(TaskSighting sighting)
        {
            // Both callers keep out tasks without an id.
            if (!(sighting.Task.Id is string id)) return;
            if (byId.TryGetValue(id, out LinkedListNode<TaskSighting>? node)) order.Remove(node);
            byId[id] = order.AddLast(sighting);
            while (byId.Count > capacity && order.First is LinkedListNode<TaskSighting> oldest)
            {
                if (oldest.Value.Task.Id is string old) byId.Remove(old);
                order.RemoveFirst();
            }
        }
    }
}
