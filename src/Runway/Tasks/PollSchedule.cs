using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;
using Runway.Models;

namespace Runway.Tasks
{
    /// <summary>
    /// The per-task poll plan that <see cref="TaskWaiter"/> and <see cref="ConcurrencyGate"/> share: each task
    /// has its own next look (<see cref="PollPlanner"/>); a step sleeps until the earliest, fetches every task due
    /// then (a few at a time), reports those that ended, and plans the others again. THROTTLED tasks of a model
    /// whose slot count is known are planned by the queue: a slot frees only when a running task ends.
    /// </summary>
    internal sealed partial class PollSchedule
    {
        private readonly Func<string?, CancellationToken, Task<RunwayTask>> fetch;
        private readonly Func<DateTimeOffset> clock;
        private readonly Func<TimeSpan, CancellationToken, Task> delay;
        private readonly WaitOptions options;
        private readonly Func<double> random;
        private readonly List<Entry> entries = new List<Entry>();
        private readonly Dictionary<string, int?> slots = new Dictionary<string, int?>(StringComparer.OrdinalIgnoreCase);
        private readonly Func<string, CancellationToken, Task<int?>>? slotsLookup;
        private readonly Dictionary<string, List<DateTimeOffset>> freed = new Dictionary<string, List<DateTimeOffset>>(StringComparer.OrdinalIgnoreCase);
        private readonly TaskSightings sightings;
        private int pollRequests;

        public PollSchedule(RunwayApi api, WaitOptions options, Func<double> random, Func<string, CancellationToken, Task<int?>>? slotsLookup)
            : this((id, token) => api.GetTaskAsync(id, token), () => DateTimeOffset.UtcNow, (span, token) => System.Threading.Tasks.Task.Delay(span, token),
                options, random, slotsLookup, TaskSightings.Shared)
        {
        }

        /// <summary>
        /// A schedule over any fetch and clock (tests play whole waits in simulated time with it). It continues the
        /// plans of <paramref name="sightings"/> and keeps its own there (null: sightings of its own, shared with no one).
        /// </summary>
        public PollSchedule(Func<string?, CancellationToken, Task<RunwayTask>> fetch, Func<DateTimeOffset> clock, Func<TimeSpan, CancellationToken, Task> delay,
            WaitOptions options, Func<double> random, Func<string, CancellationToken, Task<int?>>? slotsLookup, TaskSightings? sightings = null)
        {
            this.fetch = fetch;
            this.clock = clock;
            this.delay = delay;
            this.options = options;
            this.random = random;
            this.slotsLookup = slotsLookup;
            this.sightings = sightings ?? new TaskSightings(4096);
            Planner = new PollPlanner(options.PollInterval);
        }

        public PollPlanner Planner { get; }

        public DateTimeOffset Now => clock();

        public int PollRequests => pollRequests;

        /// <summary>Whether the last step was woken by its wake-by time rather than by a look falling due.</summary>
        public bool WokeBy { get; private set; }

        public int Count => entries.Count;

        public IReadOnlyList<RunwayTask> Tasks => entries.Select(e => e.Task).ToList().AsReadOnly();

        public int CountOf(string model) => entries.Count(e => string.Equals(e.Task.Model, model, StringComparison.OrdinalIgnoreCase)
            || (e.Task.Router != null && string.Equals(RoutedInput.GateKey(e.Task.Router), model, StringComparison.OrdinalIgnoreCase)));

        /// <summary>The model's slot count (the tier's maxConcurrentGenerations), when known: the queue model needs it.</summary>
        public void SetSlots(string model, int? count) => slots[model] = count;

        private sealed class Entry
        {
            public RunwayTask Task = null!;
            public DateTimeOffset? CreatedAt;
            public PollPlanner.Observation? Previous;
            public PollPlanner.Observation? Last;
            public DateTimeOffset Due;
            public DateTimeOffset? ExpectedEnd;
            public int EarlyLooks;
            public bool Throttled;
            public bool Scout;
            /// <summary>Null until decided: whether its first look comes before its expected end (<see cref="TaskTimes.TakeProbe"/>).</summary>
            public bool? Probe;
            /// <summary>Why its latest status request failed (transient), or null after an answer.</summary>
            public Exception? Failure;
            public string? Model => Task.Model;
        }

        /// <summary>Why the latest status request of a task still waited for failed, or null.</summary>
        public Exception? FailureOf(string? id)
        {
            foreach (Entry entry in entries)
                if (string.Equals(entry.Task.Id, id, StringComparison.OrdinalIgnoreCase)) return entry.Failure;
            return null;
        }

        /// <summary>
        /// Adds a task (a repeated id is ignored) and plans its first look; a task this process has seen (created, looked
        /// at by another schedule, read by Get-RunwayTask) continues that plan, so handing it over costs no extra look.
        /// </summary>
        public void Add(RunwayTask task) => Add(task, clock());

        public void Add(RunwayTask task, DateTimeOffset now)
        {
            if (entries.Any(e => string.Equals(e.Task.Id, task.Id, StringComparison.OrdinalIgnoreCase))) return;
            var entry = new Entry { Task = task, CreatedAt = task.CreatedAt, Throttled = task.Status == RunwayTask.Throttled };
            TaskSighting? seen = sightings.Find(task.Id);
            if (seen != null && !seen.Finished && seen.NotOlderThan(task)) Continue(entry, seen, now);
            else PlanFirst(entry, now);
            entries.Add(entry);
            Remember(entry);
        }

        private void PlanFirst(Entry entry, DateTimeOffset now)
        {
            PlanFirstLook(entry, now);
            Remember(entry);
        }

        private void PlanFirstLook(Entry entry, DateTimeOffset now)
        {
            PollPlanner.Times times = TaskTimes.For(entry.Model);
            // One new task per model whose times are unknown scouts for the others.
            entry.Scout = !times.Known && entry.Model != null && entry.Task.Status == RunwayTask.Pending &&
                          !entries.Any(e => e != entry && e.Scout && string.Equals(e.Model, entry.Model, StringComparison.OrdinalIgnoreCase));
            entry.Due = Planner.First(entry.Task, now, random(), times, entry.Scout);
            entry.ExpectedEnd = ExpectedEnd(entry, times);
            if (entry.Scout || !times.Known || entry.Last != null || entry.Task.Status != RunwayTask.Pending || !entry.ExpectedEnd.HasValue) return;
            if (!entry.Probe.HasValue) entry.Probe = TaskTimes.TakeProbe(entry.Model);
            if (entry.Probe.Value)
            {
                // An eighth of its time early: a RUNNING look re-learns the pending time, a finished one caps the times.
                TimeSpan lead = TimeSpan.FromTicks(Math.Max(Planner.EndMargin.Ticks * 2, times.Total.Ticks / 8));
                DateTimeOffset due = entry.ExpectedEnd.Value - lead;
                // Never later than the plan's own first look (which keeps the bound for long tasks).
                if (due < entry.Due) entry.Due = due > now ? due : now;
            }
        }

        private static DateTimeOffset? ExpectedEnd(Entry entry, PollPlanner.Times times)
        {
            if (entry.Last != null && entry.Last.Status == RunwayTask.Running)
                return PollPlanner.EstimateEnd(entry.Previous, entry.Last, entry.CreatedAt, times.Run);
            if (entry.Task.Status == RunwayTask.Pending && entry.CreatedAt.HasValue && times.Known)
                return entry.CreatedAt.Value + times.Total;
            return null;
        }

        /// <summary>
        /// Sleeps until the earliest look is due (or <paramref name="wakeBy"/>), then looks at every task due
        /// (every task, when <paramref name="pollAllAtWake"/> and woken by <paramref name="wakeBy"/>).
        /// False when it was woken by <paramref name="wakeBy"/>.
        /// </summary>
        public async Task<bool> StepAsync(IWaitObserver observer, DateTimeOffset? wakeBy, bool pollAllAtWake, CancellationToken cancellation)
        {
            if (entries.Count == 0 && !wakeBy.HasValue) return false;
            DateTimeOffset wake = entries.Count > 0 ? entries.Min(e => e.Due) : DateTimeOffset.MaxValue;
            bool byDeadline = wakeBy.HasValue && wake >= wakeBy.Value;
            if (byDeadline) wake = wakeBy.GetValueOrDefault();
            WokeBy = byDeadline;
            TimeSpan sleep = wake - clock();
            if (sleep > TimeSpan.Zero)
                await delay(sleep, cancellation).ConfigureAwait(false);
            if (byDeadline && !pollAllAtWake) return false;

            DateTimeOffset now = clock();
            // Looks due this close together go out in one batch (half the margin: a look pulled forward still comes after the end).
            TimeSpan coalesce = TimeSpan.FromTicks(Planner.EndMargin.Ticks / 2);
            Entry[] due = byDeadline ? entries.ToArray() : entries.Where(e => e.Due <= now + coalesce).ToArray();
            if (due.Length == 0) return !byDeadline;
            var results = await PollAsync(due.Select(e => e.Task).ToArray(), cancellation).ConfigureAwait(false);
            var relearned = new HashSet<string?>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < due.Length; i++)
            {
                Entry entry = due[i];
                (RunwayTask? latest, Exception? error, DateTimeOffset at) = results[i];
                if (error != null)
                {
                    if (IsPermanent(error) || PastDeadline(error))
                    {
                        entries.Remove(entry);
                        observer.Ended(PastDeadline(error) ? RunwayTaskException.RetryAfterPastTimeout(entry.Task, (RunwayApiException)error) : RunwayTaskException.Lost(entry.Task, error));
                    }
                    else
                    {
                        entry.Due = Planner.Next(null, null, null, at, random());
                        Remember(entry);
                        // Not silent for the whole timeout: the observer says the API stopped answering, once per spell.
                        bool first = entry.Failure == null;
                        entry.Failure = error;
                        if (first) (observer as IPollTroubleObserver)?.PollFailing(entry.Task, error);
                    }
                    continue;
                }
                // PollAsync gives each task an answer or an error.
                if (latest == null) continue;
                entry.Failure = null;
                latest.KeepKnown(entry.Task);
                if (ReportIfFinished(latest, observer))
                {
                    entries.Remove(entry);
                    // Whoever is handed this task next (a Wait-RunwayTask down the pipeline) reports it without a request.
                    sightings.Record(new TaskSighting(latest, latest.RetrievedAt > at ? latest.RetrievedAt : at, entry.CreatedAt ?? latest.CreatedAt,
                        entry.Last, PollPlanner.Observation.Of(latest, at), null, null, 0, entry.Throttled, false, entry.Probe));
                    if (entry.Probe == true && entry.Last == null && entry.CreatedAt.HasValue && latest.Status == RunwayTask.Succeeded)
                    {
                        TaskTimes.Cap(entry.Model, at - entry.CreatedAt.Value);
                        relearned.Add(entry.Model);
                    }
                    if (entry.Model != null)
                    {
                        // Its slot freed at its estimated end (or, unknown, as early as just after the last look).
                        DateTimeOffset lastUnfinished = entry.Last?.At ?? DateTimeOffset.MinValue;
                        DateTimeOffset freed = entry.ExpectedEnd.HasValue && entry.ExpectedEnd.Value <= at
                            ? (entry.ExpectedEnd.Value > lastUnfinished ? entry.ExpectedEnd.Value : lastUnfinished)
                            : entry.Last?.At ?? at;
                        if (!this.freed.TryGetValue(entry.Model, out List<DateTimeOffset>? list)) this.freed[entry.Model] = list = new List<DateTimeOffset>();
                        list.Insert(0, freed);
                        if (list.Count > 64) list.RemoveAt(list.Count - 1);
                    }
                    continue;
                }
                var seen = PollPlanner.Observation.Of(latest, at);
                entry.CreatedAt = entry.CreatedAt ?? latest.CreatedAt;
                entry.Throttled |= latest.Status == RunwayTask.Throttled;
                entry.EarlyLooks = entry.ExpectedEnd.HasValue && at >= entry.ExpectedEnd.Value ? entry.EarlyLooks + 1 : 0;
                entry.Previous = entry.Last;
                entry.Last = seen;
                entry.Task = latest;
                PollPlanner.Times? learned = PollPlanner.Learn(entry.Previous, seen, entry.CreatedAt, entry.Throttled)
                    ?? PollPlanner.LearnPending(seen, entry.CreatedAt, entry.Throttled, TaskTimes.For(entry.Model).Run);
                if (TaskTimes.Learn(entry.Model, learned))
                    relearned.Add(entry.Model);
                Plan(entry, at);
            }
            // A scout that ended (or was found past its start) before teaching the times hands over to the next new task.
            foreach (var group in entries.Where(e => e.Model != null).GroupBy(e => e.Model ?? string.Empty, StringComparer.OrdinalIgnoreCase).ToArray())
            {
                if (TaskTimes.For(group.Key).Known || group.Any(e => e.Scout && (e.Last == null || e.Last.Status != RunwayTask.Running || e.Previous == null))) continue;
                Entry next = group.Where(e => e.Last == null && e.Task.Status == RunwayTask.Pending).OrderBy(e => e.CreatedAt ?? DateTimeOffset.MaxValue).FirstOrDefault();
                if (next == null) continue;
                foreach (Entry e in group) e.Scout = false;
                next.Scout = true;
                next.Due = Planner.First(next.Task, now, random(), TaskTimes.For(next.Model), true);
                Remember(next);
            }
            foreach (string? model in relearned)
                foreach (Entry entry in entries.Where(e => string.Equals(e.Model, model, StringComparison.OrdinalIgnoreCase)))
                {
                    if (entry.Last == null) PlanFirst(entry, now);
                    else Plan(entry, entry.Last.At);
                }
            await PlanQueuesAsync(clock(), cancellation).ConfigureAwait(false);
            return true;
        }

        private void Plan(Entry entry, DateTimeOffset at)
        {
            PollPlanner.Times times = TaskTimes.For(entry.Model);
            entry.ExpectedEnd = ExpectedEnd(entry, times);
            entry.Due = Planner.Next(entry.Previous, entry.Last, entry.CreatedAt, at, random(), times, entry.EarlyLooks);
            Remember(entry);
        }

        /// <summary>Plans the THROTTLED tasks (and the PENDING ones queued behind them) of each model by its queue.</summary>
        private async Task PlanQueuesAsync(DateTimeOffset now, CancellationToken cancellation)
        {
            foreach (var group in entries.Where(e => e.Model != null).GroupBy(e => e.Model ?? string.Empty, StringComparer.OrdinalIgnoreCase))
            {
                // Waiting: seen PENDING or THROTTLED, or never looked at (a new task); in the server's order, by creation.
                Entry[] waiting = group.Where(e => e.Last == null ? e.Task.Status == RunwayTask.Pending || e.Task.Status == RunwayTask.Throttled
                        : e.Last.Status == RunwayTask.Throttled || e.Last.Status == RunwayTask.Pending)
                    .OrderBy(e => e.CreatedAt ?? DateTimeOffset.MaxValue).ToArray();
                bool throttled = group.Any(e => (e.Last?.Status ?? e.Task.Status) == RunwayTask.Throttled);
                if (!slots.TryGetValue(group.Key, out int? count))
                {
                    // The tier is read only once a task is seen queued (a wait on running tasks sends nothing more).
                    if (!throttled) continue;
                    count = slotsLookup == null ? null : await slotsLookup(group.Key, cancellation).ConfigureAwait(false);
                    slots[group.Key] = count;
                }
                // No queue while every task fits in the slots (a concurrency gate's tasks): the per-task plans stand.
                if (!count.HasValue || (!throttled && group.Count() <= count.Value)) continue;
                PollPlanner.Times times = TaskTimes.For(group.Key);
                DateTimeOffset?[] ends = group.Where(e => (e.Last?.Status ?? e.Task.Status) == RunwayTask.Running)
                    .Select(e => e.Last == null ? (DateTimeOffset?)null : PollPlanner.EstimateEnd(e.Previous, e.Last, e.CreatedAt, times.Run)).ToArray();
                DateTimeOffset[] readyAt = waiting.Select(e => ReadyAt(e, times)).ToArray();
                IReadOnlyList<DateTimeOffset> freedAt = freed.TryGetValue(group.Key, out List<DateTimeOffset>? list) ? list : (IReadOnlyList<DateTimeOffset>)Array.Empty<DateTimeOffset>();
                DateTimeOffset[]? starts = PollPlanner.EarliestStarts(count.Value, ends, freedAt, readyAt, times.Run);
                if (starts == null) continue;
                for (int i = 0; i < waiting.Length; i++)
                {
                    waiting[i].Due = Planner.AfterStart(starts[i], now, random(), times);
                    // Its end frees the next slot: the next in line is planned from it, so lateness does not add up along the queue.
                    waiting[i].ExpectedEnd = times.Run.HasValue ? starts[i] + times.Run.Value : (DateTimeOffset?)null;
                    Remember(waiting[i]);
                }
            }
        }

        /// <summary>The earliest a waiting task can start: after the last look that saw it waiting, and not before its pending time is over.</summary>
        private static DateTimeOffset ReadyAt(Entry entry, PollPlanner.Times times)
        {
            DateTimeOffset seen = entry.Last?.At ?? entry.CreatedAt ?? DateTimeOffset.MinValue;
            if ((entry.Last?.Status ?? entry.Task.Status) == RunwayTask.Pending && entry.CreatedAt.HasValue && times.Pending.HasValue && entry.CreatedAt.Value + times.Pending.Value > seen)
                return entry.CreatedAt.Value + times.Pending.Value;
            return seen;
        }

        /// <summary>
        /// A task no longer PENDING, THROTTLED or RUNNING goes to the observer: succeeded as output, failed or cancelled
        /// as an error, any other status (one this module does not know) as an error naming it, never as a success.
        /// </summary>
        internal static bool ReportIfFinished(RunwayTask latest, IWaitObserver observer)
        {
            if (RunwayTask.IsActiveStatus(latest.Status)) return false;
            if (latest.Status == RunwayTask.Succeeded) observer.Finished(latest);
            else if (latest.Status == RunwayTask.Failed) observer.Ended(RunwayTaskException.Failed(latest));
            else if (latest.Status == RunwayTask.Cancelled) observer.Ended(RunwayTaskException.Cancelled(latest));
            else observer.Ended(RunwayTaskException.UnknownStatus(latest));
            return true;
        }

        internal async Task<(RunwayTask?, Exception?, DateTimeOffset)[]> PollAsync(RunwayTask[] round, CancellationToken cancellation)
        {
            var results = new (RunwayTask?, Exception?, DateTimeOffset)[round.Length];
            using (var gate = new SemaphoreSlim(Math.Max(1, options.MaxParallelPolls)))
            {
                await System.Threading.Tasks.Task.WhenAll(round.Select(async (task, i) =>
                {
                    await gate.WaitAsync(cancellation).ConfigureAwait(false);
                    try
                    {
                        Interlocked.Increment(ref pollRequests);
                        DateTimeOffset sent = clock();
                        RunwayTask latest = await fetch(task.Id, cancellation).ConfigureAwait(false);
                        // The server saw the task somewhere between the send and the answer: the middle errs least
                        // (a slow first call, cold code on one side, would otherwise skew the learned times).
                        DateTimeOffset answered = clock();
                        results[i] = (latest, null, sent + TimeSpan.FromTicks((answered - sent).Ticks / 2));
                    }
                    catch (RunwayApiException ex)
                    {
                        results[i] = (null, ex, clock());
                    }
                    finally
                    {
                        gate.Release();
                    }
                })).ConfigureAwait(false);
            }
            return results;
        }

        /// <summary>The server asked for a wait (Retry-After) that ends after the wait's own deadline: looking again later cannot help.</summary>
        internal static bool PastDeadline(Exception error) => error is RunwayApiException api && api.RetryAfterPastDeadline.HasValue;

        /// <summary>A task that is gone or unreadable stays so; a transient failure (already retried by the client) is tried again later.</summary>
        internal static bool IsPermanent(Exception error) =>
            error is RunwayApiException api && (api.StatusCode == 400 || api.StatusCode == 401 || api.StatusCode == 403 || api.StatusCode == 404);
    }
}
