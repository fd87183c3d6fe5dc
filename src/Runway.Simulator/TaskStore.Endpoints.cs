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
            var settings = state.Current;
            return models.Where(m => settings.ConcurrencyLimitOf(m) is { } max && _active.Count(t => t.Model == m && t.Status == SimTaskStatus.RUNNING) >= max)
                .ToHashSet(StringComparer.Ordinal);
        }
    }

    /// <summary>The spec of a task's output file (for reading the size of a simulator output used as an input).</summary>
    public OutputSpec? OutputOf(string id, string file)
    {
        lock (_gate)
            return _tasks.TryGetValue(id, out var t) && OutputFiles.IndexOf(file, t.Outputs) is var i and >= 0 ? t.Outputs[i] : null;
    }
}
