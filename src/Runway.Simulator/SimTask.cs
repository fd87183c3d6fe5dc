using Runway.Simulator.Validation;

namespace Runway.Simulator;

public enum SimTaskStatus { PENDING, THROTTLED, RUNNING, SUCCEEDED, FAILED, CANCELLED }

/// <summary>One generation task. Mutated only under the store's lock.</summary>
public sealed class SimTask
{
    public required string Id { get; init; }
    public required long Seq { get; init; }
    public required string Model { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>The credits charged at creation: the estimatedCost of the create response and of the unfinished task.</summary>
    public required long Credits { get; init; }
    /// <summary>The final charge when lower than <see cref="Credits"/> (the rest returns on success).</summary>
    public long? FinalCredits { get; init; }
    public required IReadOnlyList<OutputSpec> Outputs { get; init; }
    /// <summary>The id of the API key that created the task (usage by API key); null for control tasks.</summary>
    public string? ApiKeyId { get; init; }
    public string? FailureCode { get; init; }
    /// <summary>Pinned tasks (from <c>/_sim/tasks</c> with a status) never advance and stay out of the concurrency accounting.</summary>
    public bool Pinned { get; init; }
    public SimTaskStatus Status { get; set; }
    /// <summary>A status no SDK declares, reported instead of <see cref="Status"/> (a pinned CANCELLED task): clients meet a future status.</summary>
    public string? ReportedStatus { get; set; }
    public DateTimeOffset EligibleAt { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset RunStart { get; set; }
    public DateTimeOffset RunEnd { get; set; }
    public long ExpiredThroughExp { get; set; }
    public bool Unfinished => Status is SimTaskStatus.PENDING or SimTaskStatus.THROTTLED or SimTaskStatus.RUNNING;
}

/// <summary>An immutable snapshot of a task for responses: an unfinished task's estimate, a finished one's charge.</summary>
public sealed record TaskView(
    string Id, SimTaskStatus Status, DateTimeOffset CreatedAt, double? Progress,
    string? Failure, string? FailureCode, IReadOnlyList<OutputSpec> Outputs, long ExpiredThroughExp,
    long? EstimatedCredits, long? CostCredits, string? ReportedStatus = null);

public enum CreateOutcome { Created, DailyLimit, InsufficientCredits }
