using System;
using System.Collections.Generic;

namespace Runway.Tasks
{
    /// <summary>
    /// What this process has learned of each model's task times (pending, run), from the progress of the tasks it
    /// watched; shared by every wait and every concurrency gate, so that a batch's first task teaches the rest.
    /// An estimate only ever moves a look earlier than the bound, or to just after an expected end.
    /// </summary>
    internal static class TaskTimes
    {
        private static readonly Dictionary<string, PollPlanner.Times> Known = new Dictionary<string, PollPlanner.Times>(StringComparer.OrdinalIgnoreCase);

        public static PollPlanner.Times For(string? model)
        {
            if (model == null) return PollPlanner.Times.Unknown;
            lock (Known) return Known.TryGetValue(model, out PollPlanner.Times? times) ? times : PollPlanner.Times.Unknown;
        }

        /// <summary>Keeps what was learned; true when it changed the model's times by more than a few percent.</summary>
        public static bool Learn(string? model, PollPlanner.Times? learned)
        {
            if (model == null || learned == null) return false;
            lock (Known)
            {
                PollPlanner.Times old = Known.TryGetValue(model, out PollPlanner.Times? known) ? known : PollPlanner.Times.Unknown;
                PollPlanner.Times merged = old.With(learned);
                Known[model] = merged;
                return Moved(old.Pending, merged.Pending) || Moved(old.Run, merged.Run);
            }
        }

        private static readonly Dictionary<string, int> Probes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        /// <summary>How often a task with known times is looked at before its expected end, so that times learned too long get corrected.</summary>
        public const int ProbeEvery = 8;

        /// <summary>
        /// Whether the next new task of the model is a probe: a look just after the expected end that finds a task
        /// finished tells nothing of how long it took, so an estimate that errs late would never be corrected;
        /// every <see cref="ProbeEvery"/>th task (and the next one after a probe that came too late) is looked at earlier.
        /// </summary>
        public static bool TakeProbe(string? model)
        {
            if (model == null) return false;
            lock (Known)
            {
                Probes.TryGetValue(model, out int count);
                Probes[model] = count + 1;
                return count % ProbeEvery == ProbeEvery - 1 || count < 0;
            }
        }

        /// <summary>A probe found its task finished: the task took at most <paramref name="total"/> from creation, and the next task probes too.</summary>
        public static void Cap(string? model, TimeSpan total)
        {
            if (model == null) return;
            lock (Known)
            {
                Probes[model] = -1;
                if (!Known.TryGetValue(model, out PollPlanner.Times? times) || !times.Known || times.Total <= total) return;
                Known[model] = total >= times.Run.GetValueOrDefault()
                    ? new PollPlanner.Times(total - times.Run.GetValueOrDefault(), times.Run)
                    : new PollPlanner.Times(TimeSpan.Zero, total > TimeSpan.Zero ? total : TimeSpan.FromMilliseconds(1));
            }
        }

        private static bool Moved(TimeSpan? old, TimeSpan? now) =>
            old.HasValue != now.HasValue || (old.HasValue && Math.Abs((now.GetValueOrDefault() - old.Value).Ticks) > Math.Max(old.Value.Ticks / 20, TimeSpan.FromMilliseconds(5).Ticks));

        internal static void Forget()
        {
            lock (Known)
            {
                Known.Clear();
                Probes.Clear();
            }
        }
    }
}
