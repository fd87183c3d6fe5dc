using System.Text.Json;

namespace Runway.Simulator;

/// <summary>One declared output of an input node: what a run may set through nodeOutputs.</summary>
public sealed record WorkflowInput(string Type, string? ValueType, bool Required, JsonElement? Default);

/// <summary>
/// A node of the simulator's graph format (the SDK types nodes as unknown): an "input" node declares typed
/// outputs a run may override; a "generation" node produces Count files of a kind from the nodes it reads.
/// </summary>
public sealed record WorkflowNode(string Id, string Name, string Type, IReadOnlyDictionary<string, WorkflowInput> Outputs,
    string? Produces, int Count, IReadOnlyList<string> Reads, string? FailureCode);

public sealed record PublishedWorkflow(string Id, long Seq, string Name, string? Description, int Version, DateTimeOffset CreatedAt,
    IReadOnlyList<WorkflowNode> Nodes)
{
    public object GraphJson() => new
    {
        edges = Nodes.SelectMany(n => n.Reads.Select(source => new { source, target = n.Id })).ToArray(),
        nodes = Nodes.Select(n => (object)(n.Type == "input"
            ? new
            {
                id = n.Id, name = n.Name, type = n.Type,
                outputs = n.Outputs.ToDictionary(o => o.Key, o => (object)new Dictionary<string, object?>
                {
                    ["type"] = o.Value.Type, ["valueType"] = o.Value.ValueType, ["required"] = o.Value.Required, ["default"] = o.Value.Default,
                }.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value)),
            }
            : new { id = n.Id, name = n.Name, type = n.Type, produces = n.Produces, count = n.Count })).ToArray(),
        version = 1,
    };

    public object ToJson() => new
    {
        id = Id, createdAt = Http.IsoTime(CreatedAt), description = Description, graph = GraphJson(), name = Name,
        updatedAt = Http.IsoTime(CreatedAt), version = Version,
    };
}

public sealed record WorkflowInvocation(string Id, PublishedWorkflow Workflow, DateTimeOffset CreatedAt, int PendingMs, int RunMs,
    IReadOnlyDictionary<string, string> NodeFailures, string? InvocationFailure, string? ReportedStatus = null);

/// <summary>Published workflows (seeded, plus any added through /_sim/workflows) and their invocations.</summary>
public sealed class WorkflowStore
{
    private readonly Lock _gate = new();
    private readonly List<PublishedWorkflow> _workflows = [];
    private readonly Dictionary<string, WorkflowInvocation> _invocations = new(StringComparer.Ordinal);
    private long _seq;

    public WorkflowStore() => Reset();

    public IReadOnlyList<PublishedWorkflow> All { get { lock (_gate) return [.. _workflows]; } }
    public PublishedWorkflow? Find(string id) { lock (_gate) return _workflows.FirstOrDefault(w => w.Id == id); }
    public WorkflowInvocation? Invocation(string id) { lock (_gate) return _invocations.GetValueOrDefault(id); }
    public void AddInvocation(WorkflowInvocation invocation) { lock (_gate) _invocations[invocation.Id] = invocation; }

    /// <summary>Publishes a new version of the workflow called <paramref name="name"/>.</summary>
    public PublishedWorkflow Publish(string name, string? description, IReadOnlyList<WorkflowNode> nodes, DateTimeOffset at, string? id = null)
    {
        lock (_gate)
        {
            var version = _workflows.Where(w => w.Name == name).Select(w => w.Version).DefaultIfEmpty(0).Max() + 1;
            var workflow = new PublishedWorkflow(id ?? Guid.NewGuid().ToString(), ++_seq, name, description, version, at, nodes);
            _workflows.Add(workflow);
            return workflow;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _workflows.Clear();
            _invocations.Clear();
            _seq = 0;
            foreach (var (name, description, nodes, at) in WorkflowSeeds.All())
                Publish(name, description, nodes, at, WorkflowSeeds.StableId($"{name}#{_workflows.Count(w => w.Name == name) + 1}"));
        }
    }
}
