using System;
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

        /// <summary>How far after the estimated end the last look goes, so that it finds the task finished.</summary>
        public TimeSpan EndMargin => TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(20).Ticks, interval.Ticks / 50));

        /// <summary>When to look at a task handed to the waiter first. <paramref name="random"/> is in [0, 1).</summary>
        public DateTimeOffset First(RunwayTask task, DateTimeOffset now, double random)
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
        public DateTimeOffset Next(Observation previous, Observation latest, DateTimeOffset? createdAt, DateTimeOffset now, double random)
        {
            DateTimeOffset? end = EstimateEnd(previous, latest, createdAt);
            if (!end.HasValue)
                return now + Scale(interval, 0.75 + 0.5 * Clamp(random));

            TimeSpan remaining = end.Value - now;
            if (remaining <= TimeSpan.Zero)
                return now + MinGap;
            // The fewest looks that keep every gap within the bound, evenly spaced; the last just after the end.
            long looks = (long)Math.Ceiling((double)(remaining + EndMargin).Ticks / MaxGap.Ticks);
            TimeSpan gap = looks <= 1 ? remaining + EndMargin : TimeSpan.FromTicks(remaining.Ticks / looks);
            if (gap < MinGap) gap = MinGap;
            if (gap > MaxGap) gap = MaxGap;
            return now + gap;
        }

        /// <summary>
        /// The estimated end of a RUNNING task whose progress rose between two looks (or since its creation,
        /// read as progress 0), by a straight line through them; null when there is nothing to go on.
        /// </summary>
        public static DateTimeOffset? EstimateEnd(Observation previous, Observation latest, DateTimeOffset? createdAt)
        {
            if (latest == null || latest.Status != RunwayTask.Running || !latest.Progress.HasValue) return null;
            double p1 = latest.Progress.Value;
            if (p1 <= 0) return null;
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

        private static double Clamp(double random) => Math.Max(0, Math.Min(1, random));

        private static TimeSpan Scale(TimeSpan span, double factor) => TimeSpan.FromTicks((long)(span.Ticks * factor));

        /// <summary>What one look at a task showed, and when.</summary>
        public sealed class Observation
        {
            public Observation(DateTimeOffset at, string status, double? progress)
            {
                At = at;
                Status = status;
                Progress = progress;
            }

            public DateTimeOffset At { get; }
            public string Status { get; }
            public double? Progress { get; }

            public static Observation Of(RunwayTask task, DateTimeOffset at) => new Observation(at, task.Status, task.Progress);
        }
    }
}
