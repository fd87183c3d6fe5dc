using System.Text.RegularExpressions;
using Runway.Simulator.Validation;

namespace Runway.Simulator;

/// <summary>
/// Tasks, credits and usage. Task state advances with time, evaluated lazily on every access by replaying
/// the events (a task becoming eligible, a run ending) in time order, so concurrency accounting is exact:
/// a task goes RUNNING only while fewer than MaxConcurrent tasks of its model are RUNNING.
/// </summary>
public sealed partial class TaskStore(SimulatorState state)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimTask> _tasks = new(StringComparer.Ordinal);
    private readonly List<SimTask> _active = [];
    private readonly Dictionary<(DateOnly Day, string Model), int> _generations = [];
    private readonly Dictionary<(DateOnly Day, string Model), long> _usedCredits = [];
    private readonly Dictionary<(DateOnly Day, string KeyId), long> _usedCreditsByKey = [];
    private readonly Dictionary<string, int> _maxRunning = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _maxInFlight = new(StringComparer.Ordinal);
    private long _balance = state.Current.CreditBalance;
    private long _seq;
    private long _tasksCreated;

    [GeneratedRegex(@"\[fail:([A-Za-z0-9_.\-]+)\]")]
    private static partial Regex FailMarker();

    public static string? FailureCodeOf(string? promptText) =>
        promptText is not null && FailMarker().Match(promptText) is { Success: true } m ? m.Groups[1].Value : null;

    public (CreateOutcome Outcome, string? TaskId) Create(CreateRequest request, DateTimeOffset now, string? apiKeyId = null)
    {
        lock (_gate)
        {
            Advance(now);
            var settings = state.Current;
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var key = (today, request.Model);
            if (settings.DailyLimitOf(request.Model) is { } daily && _generations.GetValueOrDefault(key) >= daily) return (CreateOutcome.DailyLimit, null);
            if (_balance < request.Credits) return (CreateOutcome.InsufficientCredits, null);
            _balance -= request.Credits;
            _generations[key] = _generations.GetValueOrDefault(key) + 1;
            _usedCredits[key] = _usedCredits.GetValueOrDefault(key) + request.Credits;
            if (apiKeyId is not null) _usedCreditsByKey[(today, apiKeyId)] = _usedCreditsByKey.GetValueOrDefault((today, apiKeyId)) + request.Credits;
            var task = NewTask(request.Model, request.Credits, request.Outputs, FailureCodeOf(request.PromptText), now, pinned: false,
                request.FinalCredits, apiKeyId);
            return (CreateOutcome.Created, task.Id);
        }
    }

    /// <summary>A task made through the control API: no auth, no charge; optionally pinned to a status.</summary>
    public string CreateControlTask(string model, string? promptText, SimTaskStatus? pinnedStatus, DateTimeOffset now, string? reportedStatus = null)
    {
        if (reportedStatus is not null) pinnedStatus = SimTaskStatus.CANCELLED;
        var output = DefaultOutput(model, promptText);
        var failureCode = FailureCodeOf(promptText) ?? (pinnedStatus == SimTaskStatus.FAILED ? "INTERNAL.BAD_OUTPUT" : null);
        lock (_gate)
        {
            Advance(now);
            var task = NewTask(model, 0, [output], failureCode, now, pinned: pinnedStatus is not null);
            if (pinnedStatus is { } pinned)
            {
                task.Status = pinned;
                task.ReportedStatus = reportedStatus;
                task.RunStart = now;
                task.RunEnd = now;
            }
            return task.Id;
        }
    }

    private SimTask NewTask(string model, long credits, IReadOnlyList<OutputSpec> outputs, string? failureCode, DateTimeOffset now, bool pinned,
        long? finalCredits = null, string? apiKeyId = null)
    {
        var task = new SimTask
        {
            Id = Guid.NewGuid().ToString(),
            Seq = ++_seq,
            Model = model,
            CreatedAt = now,
            Credits = credits,
            FinalCredits = finalCredits,
            Outputs = outputs,
            ApiKeyId = apiKeyId,
            FailureCode = failureCode,
            Pinned = pinned,
            Status = SimTaskStatus.PENDING,
            EligibleAt = now.AddMilliseconds(state.Current.PendingMs),
        };
        _tasks[task.Id] = task;
        _tasksCreated++;
        if (!pinned)
        {
            _active.Add(task);
            var inFlight = _active.Count(t => t.Model == model);
            _maxInFlight[model] = Math.Max(_maxInFlight.GetValueOrDefault(model), inFlight);
            Advance(now); // a zero PendingMs makes the task eligible at once
        }
        return task;
    }

    public TaskView? Get(string id, DateTimeOffset now)
    {
        lock (_gate)
        {
            Advance(now);
            return _tasks.TryGetValue(id, out var t) ? View(t, now) : null;
        }
    }

    /// <summary>DELETE semantics: an unfinished task is cancelled (and refunded); a finished one is deleted.</summary>
    public bool CancelOrDelete(string id, DateTimeOffset now)
    {
        lock (_gate)
        {
            Advance(now);
            if (!_tasks.TryGetValue(id, out var task)) return false;
            if (task.Unfinished)
            {
                var wasRunning = task.Status == SimTaskStatus.RUNNING;
                task.Status = SimTaskStatus.CANCELLED;
                task.RunEnd = now;
                Refund(task);
                _active.Remove(task);
                if (wasRunning && !task.Pinned) StartQueued(task.Model, now);
            }
            else
            {
                _tasks.Remove(id);
            }
            return true;
        }
    }

    public bool ExpireOutputs(string id, long throughExp)
    {
        lock (_gate)
        {
            if (!_tasks.TryGetValue(id, out var task)) return false;
            task.ExpiredThroughExp = Math.Max(task.ExpiredThroughExp, throughExp);
            return true;
        }
    }

    public long Balance { get { lock (_gate) { Advance(DateTimeOffset.UtcNow); return _balance; } } }

    public void SetBalance(long balance) { lock (_gate) _balance = balance; }

    /// <summary>Re-evaluates queues after a settings change (e.g. a higher MaxConcurrent frees slots now).</summary>
    public void Reconcile(DateTimeOffset now)
    {
        lock (_gate)
        {
            Advance(now);
            foreach (var model in _active.Select(t => t.Model).Distinct().ToArray()) StartQueued(model, now);
            Advance(now);
        }
    }

    /// <summary>Net credits per day and API key id, for every day in [start, before) (days without usage included).</summary>
    public IReadOnlyList<(DateOnly Day, IReadOnlyList<(string KeyId, long Amount)> Used)> UsageByKey(DateOnly start, DateOnly before, DateTimeOffset now)
    {
        lock (_gate)
        {
            Advance(now);
            var rows = new List<(DateOnly, IReadOnlyList<(string, long)>)>();
            for (var day = start; day < before; day = day.AddDays(1))
            {
                var used = _usedCreditsByKey.Where(kv => kv.Key.Day == day && kv.Value != 0)
                    .OrderBy(kv => kv.Key.KeyId, StringComparer.Ordinal)
                    .Select(kv => (kv.Key.KeyId, kv.Value)).ToList();
                rows.Add((day, used));
            }
            return rows;
        }
    }

    public IReadOnlyDictionary<string, int> GenerationsOn(DateOnly day)
    {
        lock (_gate)
            return Catalog.TierModels.ToDictionary(m => m, m => _generations.GetValueOrDefault((day, m)));
    }

    /// <summary>Net credits (charges minus refunds) per day and model, for every day in [start, before).</summary>
    public IReadOnlyList<(DateOnly Day, IReadOnlyList<(string Model, long Amount)> Used)> Usage(DateOnly start, DateOnly before, DateTimeOffset now)
    {
        lock (_gate)
        {
            Advance(now);
            var rows = new List<(DateOnly, IReadOnlyList<(string, long)>)>();
            for (var day = start; day < before; day = day.AddDays(1))
            {
                var used = Catalog.TierModels
                    .Select(m => (m, _usedCredits.GetValueOrDefault((day, m))))
                    .Where(x => x.Item2 != 0)
                    .ToList();
                rows.Add((day, used));
            }
            return rows;
        }
    }

    public object Stats(DateTimeOffset now)
    {
        lock (_gate)
        {
            Advance(now);
            return new
            {
                tasksCreated = _tasksCreated,
                maxRunning = new SortedDictionary<string, int>(_maxRunning, StringComparer.Ordinal),
                maxInFlight = new SortedDictionary<string, int>(_maxInFlight, StringComparer.Ordinal),
                running = _active.Where(t => t.Status == SimTaskStatus.RUNNING).GroupBy(t => t.Model).ToDictionary(g => g.Key, g => g.Count()),
                inFlight = _active.GroupBy(t => t.Model).ToDictionary(g => g.Key, g => g.Count()),
            };
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _tasks.Clear();
            _active.Clear();
            _generations.Clear();
            _usedCredits.Clear();
            _usedCreditsByKey.Clear();
            _maxRunning.Clear();
            _maxInFlight.Clear();
            _tasksCreated = 0;
            _balance = state.Current.CreditBalance;
        }
    }

    /// <summary>Replays every event up to <paramref name="now"/> in time order: run ends first, then tasks becoming eligible.</summary>
    private void Advance(DateTimeOffset now)
    {
        while (true)
        {
            SimTask? next = null;
            foreach (var t in _active)
            {
                if (EventTime(t) is not { } at || at > now) continue;
                if (next is null || Earlier(t, at, next, EventTime(next)!.Value)) next = t;
            }
            if (next is null) return;

            if (next.Status == SimTaskStatus.RUNNING)
            {
                var at = next.RunEnd;
                Finish(next);
                StartQueued(next.Model, at);
            }
            else
            {
                next.Status = SimTaskStatus.THROTTLED;
                next.QueuedAt = next.EligibleAt;
                StartQueued(next.Model, next.EligibleAt);
            }
        }

        static DateTimeOffset? EventTime(SimTask t) => t.Status switch
        {
            SimTaskStatus.PENDING => t.EligibleAt,
            SimTaskStatus.RUNNING => t.RunEnd,
            _ => null,
        };

        static bool Earlier(SimTask a, DateTimeOffset atA, SimTask b, DateTimeOffset atB)
        {
            if (atA != atB) return atA < atB;
            var rankA = a.Status == SimTaskStatus.RUNNING ? 0 : 1;
            var rankB = b.Status == SimTaskStatus.RUNNING ? 0 : 1;
            return rankA != rankB ? rankA < rankB : a.Seq < b.Seq;
        }
    }

    /// <summary>Starts queued (THROTTLED) tasks of a model, oldest first, while slots are free.</summary>
    private void StartQueued(string model, DateTimeOffset at)
    {
        var max = state.Current.ConcurrencyLimitOf(model) ?? int.MaxValue;
        var running = _active.Count(t => t.Model == model && t.Status == SimTaskStatus.RUNNING);
        while (running < max)
        {
            var queued = _active
                .Where(t => t.Model == model && t.Status == SimTaskStatus.THROTTLED)
                .OrderBy(t => t.QueuedAt).ThenBy(t => t.Seq)
                .FirstOrDefault();
            if (queued is null) break;
            queued.Status = SimTaskStatus.RUNNING;
            queued.RunStart = at;
            queued.RunEnd = at.AddMilliseconds(state.Current.RunMs);
            running++;
            _maxRunning[model] = Math.Max(_maxRunning.GetValueOrDefault(model), running);
        }
    }

    private void Finish(SimTask task)
    {
        _active.Remove(task);
        if (task.FailureCode is null)
        {
            task.Status = SimTaskStatus.SUCCEEDED;
            // A duration of "auto" was billed at the maximum; the unused credits return now.
            if (task.FinalCredits is { } final && final < task.Credits) Return(task, task.Credits - final);
        }
        else
        {
            task.Status = SimTaskStatus.FAILED;
            Refund(task);
        }
    }

    private void Refund(SimTask task) => Return(task, task.Credits);

    private void Return(SimTask task, long credits)
    {
        if (credits == 0) return;
        _balance += credits;
        var day = DateOnly.FromDateTime(task.CreatedAt.UtcDateTime);
        _usedCredits[(day, task.Model)] = _usedCredits.GetValueOrDefault((day, task.Model)) - credits;
        if (task.ApiKeyId is { } keyId) _usedCreditsByKey[(day, keyId)] = _usedCreditsByKey.GetValueOrDefault((day, keyId)) - credits;
    }

    private static TaskView View(SimTask t, DateTimeOffset now)
    {
        double? progress = t.Status switch
        {
            SimTaskStatus.RUNNING when t.Pinned => 0.5,
            SimTaskStatus.RUNNING => Math.Round(Math.Clamp((now - t.RunStart) / (t.RunEnd - t.RunStart is { TotalMilliseconds: > 0 } span ? span : TimeSpan.FromMilliseconds(1)), 0, 1), 3),
            _ => null,
        };
        var failed = t.Status == SimTaskStatus.FAILED;
        long? estimate = t.Unfinished ? t.Credits : null;
        long? cost = t.Status switch
        {
            SimTaskStatus.SUCCEEDED => Math.Min(t.Credits, t.FinalCredits ?? t.Credits),
            SimTaskStatus.FAILED or SimTaskStatus.CANCELLED => 0, // fully refunded
            _ => null,
        };
        return new TaskView(t.Id, t.Status, t.CreatedAt, progress,
            failed ? FailureMessage(t.FailureCode!) : null, failed ? t.FailureCode : null, t.Outputs, t.ExpiredThroughExp, estimate, cost, t.ReportedStatus);
    }

    public static string FailureMessage(string code) => code switch
    {
        _ when code.StartsWith("SAFETY.INPUT", StringComparison.Ordinal) => "The input was flagged by our content moderation system.",
        _ when code.StartsWith("SAFETY.OUTPUT", StringComparison.Ordinal) => "The output was flagged by our content moderation system.",
        _ when code.StartsWith("SAFETY", StringComparison.Ordinal) => "The task was flagged by our content moderation system.",
        _ when code.StartsWith("ASSET", StringComparison.Ordinal) => "An input asset could not be used. Check that it is a valid, supported file.",
        _ when code.StartsWith("INPUT_PREPROCESSING", StringComparison.Ordinal) => "An input could not be processed.",
        _ => "An unexpected error occurred while generating. Please try again.",
    };

    /// <summary>The output of a control-API task: a 1280:720 video, a 1024:1024 image, or speech/audio of a plausible length.</summary>
    public static OutputSpec DefaultOutput(string model, string? promptText) => model switch
    {
        "gen4_turbo" => OutputSpec.Mp4("1280:720", 10),
        "veo3.1" or "veo3.1_fast" => OutputSpec.Mp4("1280:720", 8),
        "eleven_multilingual_v2" or "eleven_v3" => OutputSpec.Wav(Math.Max(1, Math.Round((promptText?.Length ?? 15) / 15.0, 1))),
        "eleven_text_to_sound_v2" => OutputSpec.Wav(5),
        _ => Catalog.EndpointKindOf(model) switch
        {
            "video" => OutputSpec.Mp4("1280:720", 5),
            "image" => OutputSpec.Png("1024:1024"),
            _ => OutputSpec.Wav(Rules.DefaultAudioSeconds),
        },
    };
}
