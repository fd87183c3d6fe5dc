using Runway.Simulator.Validation;

namespace Runway.Simulator;

/// <summary>What the Model Router needs to know about the task store: which models are at their concurrency limit.</summary>
public sealed partial class TaskStore
{
    /// <summary>The models among <paramref name="models"/> that already have MaxConcurrent tasks RUNNING.</summary>
    public IReadOnlySet<string> AtConcurrencyLimit(IEnumerable<string> models, DateTimeOffset now)
    {
        lock (_gate)
        {
            Advance(now);
            var max = state.Current.MaxConcurrent;
            return models.Where(m => _active.Count(t => t.Model == m && t.Status == SimTaskStatus.RUNNING) >= max).ToHashSet(StringComparer.Ordinal);
        }
    }

    /// <summary>The output spec of a task (for reading the size of a simulator output used as an input).</summary>
    public OutputSpec? OutputOf(string id)
    {
        lock (_gate) return _tasks.TryGetValue(id, out var t) ? t.Output : null;
    }
}
