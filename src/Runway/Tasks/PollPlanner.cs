using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Runway.Api;
using Runway.Models;

namespace Runway.Tasks
{
    /// <summary>
    /// Decides when each waited-on task is looked at next. The rule it never breaks: a task is never left
    /// unlooked-at longer than <see cref="MaxGap"/> (the poll interval plus 25 %, which is also the longest
    /// wait of the official SDKs' jittered 6 s loop), so a finished task is never reported later than
    /// the SDK could report it. Within that bound it spends as few requests as it can:
    /// <list type="bullet">
    /// <item>a task this process has just created is first looked at one interval (±25 %, the SDK's first
    /// wait) after its creation, not at once: it has only just started;</item>
    /// <item>a RUNNING task whose progress rises gives an estimate of its end (from the last two looks, or
    /// from its creation and one look); the looks are then spread evenly, each gap within the bound, so that
    /// the last one lands just after the estimated end;</item>
    /// <item>without an estimate (PENDING, THROTTLED, no progress) it polls every interval ±25 %.</item>
    /// </list>
    /// </summary>
    public sealed class PollPlanner
    {
        private readonly TimeSpan interval;

        public PollPlanner(TimeSpan interval)
        {
            this.interval = interval > TimeSpan.Zero ? interval : TimeSpan.FromMilliseconds(1);
        }

        /// <summary>The longest a task is left between two looks.</summary>
        public TimeSpan MaxGap => TimeSpan.FromTicks(interval.Ticks + interval.Ticks / 4);

        /// <summary>The shortest gap between two looks at one task (guards against an estimate that keeps saying "any moment now").</summary>
        public TimeSpan MinGap => TimeSpan.FromTicks(interval.Ticks / 8);

        /// <summary>
        /// How far after the estimated end the last look goes, so that it finds the task finished. Small: a look
        /// that comes too early costs one quick look more (see <see cref="Next(Observation, Observation, DateTimeOffset?, DateTimeOffset, double, Times, int)"/>),
        /// a large margin would delay every report (and, in a full concurrency gate, every next create): learned
        /// times put the end within a few milliseconds, so 5 ms (of a 6 s interval) is enough.
        /// </summary>
        public TimeSpan EndMargin => TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(5).Ticks, interval.Ticks / 1200));

        /// <summary>When to look at a task handed to the waiter first. <paramref name="random"/> is in [0, 1).</summary>
        public DateTimeOffset First(RunwayTask task, DateTimeOffset now, double random) => First(task, now, random, null, false);

        /// <summary>
        /// When to look at a task handed to the waiter first, knowing how long this model's tasks took here
        /// (<paramref name="times"/>, may be null). A task last seen RUNNING (by the concurrency gate, say)
        /// continues its plan from that look; a new task is looked at just after its expected end (within the
        /// bound); a <paramref name="scout"/> (the first new task of a model whose times are unknown) is looked at
        /// after an eighth of the interval, so that its progress teaches the times to the rest.
        /// </summary>
        public DateTimeOffset First(RunwayTask task, DateTimeOffset now, double random, Times? times, bool scout)
        {
            times = times ?? Times.Unknown;
            if (times.Run.HasValue && task.Status == RunwayTask.Running && task.Progress > 0 && task.RetrievedAt != default)
            {
                DateTimeOffset next = Next(null, new Observation(task.RetrievedAt, task.Status, task.Progress), task.CreatedAt, task.RetrievedAt, random, times, 0);
                return next > now ? next : now;
            }
            if (task.Status == RunwayTask.Pending && task.CreatedAt.HasValue && (times.Known || scout))
            {
                DateTimeOffset created = task.CreatedAt.Value;
                DateTimeOffset due = times.Known ? Toward(created + times.Total, created, 0) : created + MinGap;
                return due > now ? due : now;
            }
            return FirstWithoutTimes(task, now, random);
        }

        private DateTimeOffset FirstWithoutTimes(RunwayTask task, DateTimeOffset now, double random)
        {
            // Only a task known to be new (this process created it moments ago, nothing seen since) is left alone.
            if (task.Status != RunwayTask.Pending || !task.CreatedAt.HasValue)
                return now;
            DateTimeOffset first = task.CreatedAt.Value + Scale(interval, 0.75 + 0.5 * Clamp(random));
            if (first <= now) return now;
            return first - now > MaxGap ? now + MaxGap : first;
        }

        /// <summary>
        /// When to look at an unfinished task next, given what the last look (<paramref name="latest"/>, at
        /// <paramref name="now"/>) and the one before (<paramref name="previous"/>, may be null) showed.
        /// </summary>
        public DateTimeOffset Next(Observation? previous, Observation? latest, DateTimeOffset? createdAt, DateTimeOffset now, double random)
        {
            DateTimeOffset? end = EstimateEnd(previous, latest, createdAt);
            if (!end.HasValue)
                return now + Scale(interval, 0.75 + 0.5 * Clamp(random));
            return Toward(end.Value, now, int.MaxValue);
        }

        /// <summary>
        /// As <see cref="Next(Observation, Observation, DateTimeOffset?, DateTimeOffset, double)"/>, knowing this
        /// model's <paramref name="times"/> (may be null) and how many looks in a row (<paramref name="earlyLooks"/>)
        /// found the task still unfinished after its estimated end:
        /// <list type="bullet">
        /// <item>one look at a RUNNING task is enough for an estimate when the run time is known;</item>
        /// <item>a RUNNING task seen once, with the run time unknown, is looked at again soon (the second look gives
        /// the rate, and the times of every other task of the model);</item>
        /// <item>a PENDING task is expected to end its learned pending + run time after its creation;</item>
        /// <item>a look that came too early is repeated after the margin, four times longer at each further miss, up to an
        /// eighth of the interval (an estimate that keeps saying "any moment now" costs a few looks, not many).</item>
        /// </list>
        /// </summary>
        public DateTimeOffset Next(Observation? previous, Observation? latest, DateTimeOffset? createdAt, DateTimeOffset now, double random, Times times, int earlyLooks)
        {
            times = times ?? Times.Unknown;
            DateTimeOffset? end = EstimateEnd(previous, latest, createdAt, times.Run);
            if (end.HasValue)
            {
                bool oneLookWithoutRate = !times.Run.HasValue && !HasRate(previous, latest);
                if (oneLookWithoutRate)
                {
                    // The estimate from the creation time errs late: look again soon for the rate, not at the estimate.
                    TimeSpan part = TimeSpan.FromTicks(Math.Max(0, (end.Value - now).Ticks / 3));
                    return now + Clamp(part, EndMargin, MinGap);
                }
                return Toward(end.Value, now, earlyLooks);
            }
            if (latest != null && latest.Status == RunwayTask.Pending && createdAt.HasValue && times.Known)
            {
                DateTimeOffset expected = createdAt.Value + times.Total;
                if (expected > now) return Toward(expected, now, earlyLooks);
            }
            return now + Scale(interval, 0.75 + 0.5 * Clamp(random));
        }

        /// <summary>
        /// The next look at a task expected to end at <paramref name="end"/>: the fewest looks that keep every gap
        /// within the bound, evenly spaced, the last just after the end.
        /// </summary>
        private DateTimeOffset Toward(DateTimeOffset end, DateTimeOffset now, int earlyLooks)
        {
            // The first look that found the task unfinished after its estimated end re-estimates it from its progress
            // (close to the end, exact to a few ms): the next waits the margin; each further miss four times longer, up to MinGap.
            TimeSpan floor = earlyLooks <= 1 ? EndMargin
                : earlyLooks >= 9 ? MinGap
                : Clamp(TimeSpan.FromTicks(EndMargin.Ticks << (2 * (earlyLooks - 1))), EndMargin, MinGap);
            TimeSpan remaining = end - now;
            if (remaining <= TimeSpan.Zero)
                return now + floor;
            long looks = (long)Math.Ceiling((double)(remaining + EndMargin).Ticks / MaxGap.Ticks);
            TimeSpan gap = looks <= 1 ? remaining + EndMargin : TimeSpan.FromTicks(remaining.Ticks / looks);
            if (gap < floor) gap = floor;
            if (gap > MaxGap) gap = MaxGap;
            return now + gap;
        }

        /// <summary>
        /// The earliest each waiting (PENDING or THROTTLED) task of one model can start, when the model has
        /// <paramref name="slots"/> slots and a slot frees only when a running task ends (one slot per end):
        /// the waiting tasks, in queue order, take the slots as they free, each running for <paramref name="run"/>
        /// (or ending at once, when unknown). A running task whose end is unknown may end at any moment.
        /// Everything errs early (a slot this process cannot see counts as free), so a task is looked at too
        /// early rather than too late. Null when the queue cannot be modelled (more running than slots).
        /// </summary>
        /// <param name="runningEnds">The estimated end of each RUNNING task of the model (null: unknown).</param>
        /// <param name="readyAt">Each waiting task in queue order: the earliest it can join the queue (now for THROTTLED).</param>
        public static DateTimeOffset[]? EarliestStarts(int slots, IReadOnlyList<DateTimeOffset?> runningEnds, IReadOnlyList<DateTimeOffset> readyAt, DateTimeOffset now, TimeSpan? run)
        {
            DateTimeOffset?[] ends = runningEnds.Select(e => e.HasValue && e.Value > now ? e : now).ToArray();
            DateTimeOffset[]? starts = EarliestStarts(slots, ends, Array.Empty<DateTimeOffset>(), readyAt, run);
            return starts?.Select(s => s < now ? now : s).ToArray();
        }

        /// <summary>
        /// As above, where the slots no running task holds became free at <paramref name="freedAt"/> (the estimated
        /// ends of the tasks that ended last, newest first; older free slots count as free for ever), and each waiting
        /// task cannot start before its <paramref name="readyAt"/> (its last look that saw it waiting, or its
        /// expected end of PENDING): a queue head that started before the look that found it running is planned
        /// from that start, so errors do not add up along the queue.
        /// </summary>
        public static DateTimeOffset[]? EarliestStarts(int slots, IReadOnlyList<DateTimeOffset?> runningEnds, IReadOnlyList<DateTimeOffset> freedAt, IReadOnlyList<DateTimeOffset> readyAt, TimeSpan? run)
        {
            if (slots < 1 || runningEnds.Count > slots) return null;
            var free = new List<DateTimeOffset>(slots);
            foreach (DateTimeOffset? end in runningEnds) free.Add(end ?? DateTimeOffset.MinValue);
            foreach (DateTimeOffset freed in freedAt.Take(slots - free.Count).ToArray()) free.Add(freed);
            while (free.Count < slots) free.Add(DateTimeOffset.MinValue);
            var starts = new DateTimeOffset[readyAt.Count];
            for (int i = 0; i < readyAt.Count; i++)
            {
                int earliest = 0;
                for (int j = 1; j < free.Count; j++) if (free[j] < free[earliest]) earliest = j;
                DateTimeOffset start = free[earliest];
                if (readyAt[i] > start) start = readyAt[i];
                starts[i] = start;
                free[earliest] = start + (run ?? TimeSpan.Zero);
            }
            return starts;
        }

        /// <summary>
        /// When to look at a waiting task that cannot start before <paramref name="start"/>: just after it would
        /// end with the learned run time, and never later than the bound after that start (a task cannot end
        /// before it starts, so the bound counts from there).
        /// </summary>
        public DateTimeOffset AfterStart(DateTimeOffset start, DateTimeOffset now, double random, Times times)
        {
            TimeSpan wait = times?.Run is TimeSpan run ? run + EndMargin : Scale(interval, 0.75 + 0.5 * Clamp(random));
            DateTimeOffset due = start + (wait > MaxGap ? MaxGap : wait);
            return due > now ? due : now;
        }

        /// <summary>
        /// The estimated end of a RUNNING task whose progress rose between two looks (or since its creation,
        /// read as progress 0), by a straight line through them; null when there is nothing to go on.
        /// </summary>
        public static DateTimeOffset? EstimateEnd(Observation? previous, Observation? latest, DateTimeOffset? createdAt) => EstimateEnd(previous, latest, createdAt, null);

        /// <summary>
        /// As <see cref="EstimateEnd(Observation, Observation, DateTimeOffset?)"/>; with one look, a known
        /// <paramref name="run"/> time (how long this model's tasks run here) beats the line from the creation time.
        /// </summary>
        public static DateTimeOffset? EstimateEnd(Observation? previous, Observation? latest, DateTimeOffset? createdAt, TimeSpan? run)
        {
            if (latest == null || latest.Status != RunwayTask.Running || !latest.Progress.HasValue) return null;
            double p1 = latest.Progress.Value;
            if (p1 <= 0) return null;
            if (run.HasValue && !HasRate(previous, latest))
                return latest.At + TimeSpan.FromTicks((long)(run.Value.Ticks * Math.Max(0, 1 - p1)));
            DateTimeOffset t0;
            double p0;
            if (previous != null && previous.Status == RunwayTask.Running && previous.Progress.HasValue && previous.Progress.Value < p1)
            {
                t0 = previous.At;
                p0 = previous.Progress.Value;
            }
            else if (createdAt.HasValue && createdAt.Value < latest.At)
            {
                // It cannot have started before it was created: this errs towards a later end.
                t0 = createdAt.Value;
                p0 = 0;
            }
            else
            {
                return null;
            }
            double seconds = (latest.At - t0).TotalSeconds;
            if (seconds <= 0) return null;
            double rate = (p1 - p0) / seconds;
            if (rate <= 0) return null;
            double left = Math.Max(0, 1 - p1) / rate;
            if (double.IsNaN(left) || double.IsInfinity(left) || left > TimeSpan.FromDays(1).TotalSeconds) return null;
            return latest.At + TimeSpan.FromSeconds(left);
        }

        /// <summary>True when two RUNNING looks with rising progress give a rate.</summary>
        public static bool HasRate([NotNullWhen(true)] Observation? previous, [NotNullWhen(true)] Observation? latest) =>
            previous != null && latest != null && previous.Status == RunwayTask.Running && latest.Status == RunwayTask.Running &&
            previous.Progress.HasValue && latest.Progress.HasValue && previous.Progress.Value < latest.Progress.Value && previous.At < latest.At;

        /// <summary>
        /// What two RUNNING looks tell of the model's times: the run time (from the rate) and, for a task never seen
        /// THROTTLED, the pending time (creation to the start the line gives). Null when they tell nothing.
        /// </summary>
        public static Times? Learn(Observation? previous, Observation? latest, DateTimeOffset? createdAt, bool wasThrottled)
        {
            if (!HasRate(previous, latest)) return null;
            double rate = (latest.Progress.GetValueOrDefault() - previous.Progress.GetValueOrDefault()) / (latest.At - previous.At).TotalSeconds;
            if (rate <= 0 || double.IsInfinity(rate) || 1 / rate > TimeSpan.FromDays(1).TotalSeconds) return null;
            TimeSpan run = TimeSpan.FromSeconds(1 / rate);
            TimeSpan? pending = null;
            if (createdAt.HasValue && !wasThrottled)
            {
                DateTimeOffset start = latest.At - TimeSpan.FromSeconds(latest.Progress.GetValueOrDefault() / rate);
                pending = start > createdAt.Value ? start - createdAt.Value : TimeSpan.Zero;
            }
            return new Times(pending, run);
        }

        /// <summary>
        /// What one RUNNING look tells when the run time is known: when the task started, so its pending time
        /// (a single slow first create would otherwise skew every later expectation), or, when that start would
        /// come before its creation, a shorter run time. Null when it tells nothing.
        /// </summary>
        public static Times? LearnPending(Observation? latest, DateTimeOffset? createdAt, bool wasThrottled, TimeSpan? run)
        {
            if (!run.HasValue || wasThrottled || !createdAt.HasValue || latest == null || latest.Status != RunwayTask.Running || !(latest.Progress > 0)) return null;
            double progress = Math.Min(1, latest.Progress.Value);
            DateTimeOffset start = latest.At - TimeSpan.FromTicks((long)(run.Value.Ticks * progress));
            if (start >= createdAt.Value) return new Times(start - createdAt.Value, null);
            // It got this far since its creation: the known run time is too long (a misled scout), and this bounds it.
            return new Times(TimeSpan.Zero, TimeSpan.FromTicks((long)((latest.At - createdAt.Value).Ticks / progress)));
        }

        private static double Clamp(double random) => Math.Max(0, Math.Min(1, random));

        private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;

        private static TimeSpan Scale(TimeSpan span, double factor) => TimeSpan.FromTicks((long)(span.Ticks * factor));

        /// <summary>What this process learned of one model's tasks; either may be unknown.</summary>
        public sealed class Times
        {
            public static readonly Times Unknown = new Times(null, null);

            public Times(TimeSpan? pending, TimeSpan? run)
            {
                Pending = pending;
                Run = run;
            }

            /// <summary>From creation to RUNNING, seen on a task that was never THROTTLED.</summary>
            public TimeSpan? Pending { get; }
            /// <summary>From RUNNING to the end, from the progress rate.</summary>
            public TimeSpan? Run { get; }
            public bool Known => Pending.HasValue && Run.HasValue;
            /// <summary>Pending plus run time: the expected time from creation to the end, when <see cref="Known"/>.</summary>
            public TimeSpan Total => Pending.GetValueOrDefault() + Run.GetValueOrDefault();

            /// <summary>These times, with what <paramref name="newer"/> knows replacing them.</summary>
            public Times With(Times? newer) => newer == null ? this : new Times(newer.Pending ?? Pending, newer.Run ?? Run);
        }

        /// <summary>What one look at a task showed, and when.</summary>
        public sealed class Observation
        {
            public Observation(DateTimeOffset at, string? status, double? progress)
            {
                At = at;
                Status = status;
                Progress = progress;
            }

            public DateTimeOffset At { get; }
            public string? Status { get; }
            public double? Progress { get; }

            public static Observation Of(RunwayTask task, DateTimeOffset at) => new Observation(at, task.Status, task.Progress);
        }
    }
}
