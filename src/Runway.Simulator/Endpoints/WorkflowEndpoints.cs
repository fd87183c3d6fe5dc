using System.Text.Json;
using System.Text.RegularExpressions;
using Runway.Simulator.Validation;

namespace Runway.Simulator;

/// <summary>/v1/workflows (list, retrieve, run) and /v1/workflow_invocations/{id} (SDK 4.20.1 workflows.d.ts, workflow-invocations.d.ts).</summary>
public static partial class WorkflowEndpoints
{
    [GeneratedRegex(@"\[fail:([A-Za-z0-9_.\-]+)\]")]
    private static partial Regex NodeFailMarker();

    [GeneratedRegex(@"\[fail-invocation:([A-Za-z0-9_.\-]+)\]")]
    private static partial Regex InvocationFailMarker();

    /// <summary>[report-status:WORD]: the run ends with a status no SDK declares (clients meet a future status).</summary>
    [GeneratedRegex(@"\[report-status:([A-Z][A-Z_]{1,31})\]")]
    private static partial Regex ReportStatusMarker();

    public static void Map(WebApplication app)
    {
        app.MapGet("/v1/workflows", (HttpContext ctx, WorkflowStore store) =>
        {
            if (ctx.Request.Query.Count > 0) return Http.Error(400, $"Unrecognized query parameter '{ctx.Request.Query.Keys.First()}'");
            var groups = store.All.GroupBy(w => w.Name).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new
            {
                name = g.Key,
                versions = g.OrderByDescending(w => w.Version).Select(w => new { id = w.Id, createdAt = Http.IsoTime(w.CreatedAt), version = w.Version }),
            });
            return Results.Json(new { data = groups });
        });
        app.MapGet("/v1/workflows/{id}", (string id, WorkflowStore store) =>
            store.Find(id) is { } w ? Results.Json(w.ToJson()) : Http.Error(404, "Workflow not found."));
        app.MapPost("/v1/workflows/{id}", RunAsync);
        app.MapGet("/v1/workflow_invocations/{id}", (HttpContext ctx, string id, WorkflowStore store, OutputSigner signer, SimulatorState state) =>
        {
            EndpointRoutes.SetLoggedTaskId(ctx, id);
            return store.Invocation(id) is { } inv ? Results.Json(InvocationJson(inv, ctx.Request, signer, state.Current, DateTimeOffset.UtcNow))
                : Http.Error(404, "Workflow invocation not found.");
        });
        app.MapMethods("/_workflow_outputs/{invocationId}/{nodeId}/{file}", ["GET", "HEAD"], DownloadAsync);
        app.MapPost("/_sim/workflows", AddAsync);
    }

    private static async Task<IResult> RunAsync(HttpContext ctx, string id, WorkflowStore store, UploadStore uploads, OutputSigner signer, SimulatorState state)
    {
        var (body, error) = await Http.ReadJsonObjectAsync(ctx, allowEmpty: true);
        if (error is not null) return error;
        if (store.Find(id) is not { } workflow) return Http.Error(404, "Workflow not found.");
        var v = new ValidationContext(uploads, signer);
        var r = new ObjectReader(body, [], v, ["nodeOutputs"]);
        var given = new Dictionary<(string Node, string Key), JsonElement>();
        if (r.Get("nodeOutputs", false, "object") is { } map)
        {
            if (map.ValueKind != JsonValueKind.Object) v.Add(["nodeOutputs"], $"Expected object, received {JsonTypes.Name(map)}");
            else foreach (var nodeProperty in map.EnumerateObject())
            {
                object[] nodePath = ["nodeOutputs", nodeProperty.Name];
                var node = workflow.Nodes.FirstOrDefault(n => n.Id == nodeProperty.Name);
                if (node is null) { v.Add(nodePath, $"Unknown node id '{nodeProperty.Name}'"); continue; }
                if (node.Type != "input")
                {
                    // The SDK takes any node id of the graph, each output a typed value; only input nodes declare their keys.
                    if (nodeProperty.Value.ValueKind != JsonValueKind.Object) { v.Add(nodePath, $"Expected object, received {JsonTypes.Name(nodeProperty.Value)}"); continue; }
                    foreach (var output in nodeProperty.Value.EnumerateObject()) ReadValue(output.Value, [.. nodePath, output.Name], null, v);
                    continue;
                }
                var outputs = ObjectReader.Element(nodeProperty.Value, nodePath, v, [.. node.Outputs.Keys]);
                if (outputs is null) continue;
                foreach (var output in nodeProperty.Value.EnumerateObject())
                    if (node.Outputs.TryGetValue(output.Name, out var declared) && ReadValue(output.Value, [.. nodePath, output.Name], declared, v))
                        given[(node.Id, output.Name)] = output.Value;
            }
        }
        foreach (var node in workflow.Nodes.Where(n => n.Type == "input"))
            foreach (var (key, declared) in node.Outputs)
                if (declared.Required && !given.ContainsKey((node.Id, key)) && !v.Issues.Any(i => i.Path.Count > 2 && Equals(i.Path[1], node.Id)))
                    v.Add(["nodeOutputs", node.Id, key], $"Required: input '{key}' of node '{node.Name}' has no default");
        if (v.Failed) return Http.ValidationError(v.Issues);

        // A primitive string holding [fail:CODE] makes every generation node reading its node fail with that code.
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        string? invocationFailure = null;
        string? reportedStatus = null;
        foreach (var ((nodeId, _), value) in given)
        {
            if (value.TryGetProperty("value", out var primitive) && primitive.ValueKind == JsonValueKind.String)
            {
                var text = primitive.GetString()!;
                if (InvocationFailMarker().Match(text) is { Success: true } all) invocationFailure = all.Groups[1].Value;
                if (ReportStatusMarker().Match(text) is { Success: true } reported) reportedStatus = reported.Groups[1].Value;
                if (NodeFailMarker().Match(text) is { Success: true } m)
                    foreach (var reader in Downstream(workflow, nodeId)) failures.TryAdd(reader, m.Groups[1].Value);
            }
        }
        foreach (var node in workflow.Nodes.Where(n => n.FailureCode is not null)) failures.TryAdd(node.Id, node.FailureCode!);

        var settings = state.Current;
        var invocation = new WorkflowInvocation(Guid.NewGuid().ToString(), workflow, DateTimeOffset.UtcNow, settings.PendingMs, settings.RunMs, failures, invocationFailure, reportedStatus);
        store.AddInvocation(invocation);
        EndpointRoutes.SetLoggedTaskId(ctx, invocation.Id);
        return Results.Json(new { id = invocation.Id });
    }

    /// <summary>The generation nodes that read <paramref name="nodeId"/>, directly or through other generation nodes.</summary>
    private static IEnumerable<string> Downstream(PublishedWorkflow workflow, string nodeId)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var frontier = new Queue<string>([nodeId]);
        while (frontier.TryDequeue(out var current))
            foreach (var reader in workflow.Nodes.Where(n => n.Reads.Contains(current)))
                if (found.Add(reader.Id)) frontier.Enqueue(reader.Id);
        return found;
    }

    /// <summary>Checks one typed value (<c>{type:"primitive", value}</c> or <c>{type:"image"|"video"|"audio", uri}</c>) against its declaration.</summary>
    private static bool ReadValue(JsonElement value, object[] path, WorkflowInput? declared, ValidationContext v)
    {
        var before = v.Issues.Count;
        if (value.ValueKind != JsonValueKind.Object) { v.Add(path, $"Expected object, received {JsonTypes.Name(value)}"); return false; }
        if (!value.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.String || t.GetString() is not ("primitive" or "image" or "video" or "audio"))
        {
            v.Add([.. path, "type"], "Invalid discriminator value. Expected 'primitive' | 'image' | 'video' | 'audio'");
            return false;
        }
        var type = t.GetString()!;
        if (declared is not null && type != declared.Type)
        {
            v.Add([.. path, "type"], $"This input takes a '{declared.Type}' value, received '{type}'");
            return false;
        }
        if (type == "primitive")
        {
            var r = new ObjectReader(value, path, v, ["type", "value"]);
            if (r.Get("value", true, declared?.ValueType ?? "string | number | boolean") is { } p)
            {
                var actual = p.ValueKind switch { JsonValueKind.String => "string", JsonValueKind.Number => "number", JsonValueKind.True or JsonValueKind.False => "boolean", _ => null };
                if (actual is null) v.Add([.. path, "value"], $"Expected string | number | boolean, received {JsonTypes.Name(p)}");
                else if (declared?.ValueType is { } want && want != actual) v.Add([.. path, "value"], $"Expected {want}, received {actual}");
            }
        }
        else
        {
            var r = new ObjectReader(value, path, v, ["type", "uri"]);
            r.Media("uri", true, Enum.Parse<MediaKind>(type, ignoreCase: true));
        }
        return v.Issues.Count == before;
    }

    /// <summary>Status at <paramref name="now"/>: PENDING, then RUNNING while the generation nodes finish one after another.</summary>
    public static Dictionary<string, object> InvocationJson(WorkflowInvocation inv, HttpRequest request, OutputSigner signer, SimulatorSettings settings, DateTimeOffset now)
    {
        var json = new Dictionary<string, object> { ["id"] = inv.Id, ["createdAt"] = Http.IsoTime(inv.CreatedAt) };
        var generation = inv.Workflow.Nodes.Where(n => n.Type == "generation").ToList();
        var runStart = inv.CreatedAt.AddMilliseconds(inv.PendingMs);
        var runEnd = runStart.AddMilliseconds(inv.RunMs);
        if (now < runStart) { json["status"] = "PENDING"; return json; }
        var fraction = inv.RunMs <= 0 || now >= runEnd ? 1 : (now - runStart).TotalMilliseconds / inv.RunMs;
        var done = generation.Take(fraction >= 1 ? generation.Count : (int)Math.Floor(fraction * generation.Count)).ToList();
        if (fraction >= 1 && inv.ReportedStatus is { } reportedStatus)
        {
            json["status"] = reportedStatus;
            return json;
        }
        if (fraction >= 1 && inv.InvocationFailure is { } code)
        {
            json["status"] = "FAILED";
            json["failure"] = TaskStore.FailureMessage(code);
            json["failureCode"] = code;
        }
        else
        {
            json["status"] = fraction >= 1 ? "SUCCEEDED" : "RUNNING";
            if (fraction < 1) json["progress"] = Math.Round(fraction, 3);
            var exp = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + settings.OutputTtlSeconds;
            json["output"] = done.Where(n => !inv.NodeFailures.ContainsKey(n.Id)).ToDictionary(n => n.Id,
                n => Enumerable.Range(0, n.Count).Select(i => signer.Url(Http.BaseUrl(request), OutputPath(inv.Id, n, i), exp)).ToArray());
        }
        var errors = done.Where(n => inv.NodeFailures.ContainsKey(n.Id)).ToDictionary(n => n.Id, n => (object)new
        {
            message = TaskStore.FailureMessage(inv.NodeFailures[n.Id]), failureCode = inv.NodeFailures[n.Id], nodeName = n.Name,
        });
        if (errors.Count > 0) json["nodeErrors"] = errors;
        return json;
    }

    public static OutputSpec NodeOutput(WorkflowNode node) => node.Produces switch
    {
        "image" => OutputSpec.Png("1024:1024"),
        "video" => OutputSpec.Mp4("1280:720", 5),
        _ => OutputSpec.Wav(5),
    };

    private static string OutputPath(string invocationId, WorkflowNode node, int index) =>
        $"/_workflow_outputs/{invocationId}/{node.Id}/{index}.{NodeOutput(node).Format}";

    private static async Task DownloadAsync(HttpContext ctx, string invocationId, string nodeId, string file, WorkflowStore store, OutputSigner signer, SimulatorState state)
    {
        var request = ctx.Request;
        if (!signer.Verify(request.Path.Value!, request.Query["exp"], request.Query["sig"], out var exp))
        {
            await Http.Error(403, "Invalid signature.").ExecuteAsync(ctx);
            return;
        }
        if (exp < DateTimeOffset.UtcNow.ToUnixTimeSeconds())
        {
            await Http.Error(403, "This URL has expired.").ExecuteAsync(ctx);
            return;
        }
        var node = store.Invocation(invocationId)?.Workflow.Nodes.FirstOrDefault(n => n.Id == nodeId);
        if (node is null || OutputFiles.IndexOf(file, Enumerable.Repeat(NodeOutput(node), node.Count).ToArray()) < 0)
        {
            await Http.Error(404, "Not found.").ExecuteAsync(ctx);
            return;
        }
        await Outputs.WriteAsync(ctx.Response, NodeOutput(node), HttpMethods.IsHead(request.Method));
    }

    /// <summary>POST /_sim/workflows: publish a workflow (a new version when the name exists) in the graph format GET /v1/workflows/{id} shows.</summary>
    private static async Task<IResult> AddAsync(HttpContext ctx, WorkflowStore store, UploadStore uploads)
    {
        var (body, error) = await Http.ReadJsonObjectAsync(ctx);
        if (error is not null) return error;
        var v = new ValidationContext(uploads);
        var r = new ObjectReader(body, [], v, ["name", "description", "nodes"]);
        var name = r.String("name", true, 1, 200);
        var description = r.String("description", false, 0, 2000);
        var nodes = new List<WorkflowNode>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (item, path) in r.Array("nodes", true, 1, 50) ?? [])
        {
            var n = ObjectReader.Element(item, path, v, "name", "type", "outputs", "produces", "count", "reads", "failureCode");
            if (n is null) continue;
            var nodeName = n.String("name", true, 1, 200);
            var type = n.Enum("type", true, ["input", "generation"]);
            var id = WorkflowSeeds.StableId($"{name}/{Guid.NewGuid()}");
            if (nodeName is null || type is null) continue;
            if (!names.TryAdd(nodeName, id)) { v.Add(n.PathOf("name"), $"Duplicate node name '{nodeName}'"); continue; }
            if (type == "input")
            {
                var outputs = new Dictionary<string, WorkflowInput>();
                var declaredOutputs = n.Get("outputs", true, "object") ?? default;
                if (declaredOutputs.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined))
                    v.Add(n.PathOf("outputs"), $"Expected object, received {JsonTypes.Name(declaredOutputs)}");
                else if (declaredOutputs.ValueKind == JsonValueKind.Object)
                    foreach (var o in declaredOutputs.EnumerateObject())
                    {
                        var decl = ObjectReader.Element(o.Value, [.. n.PathOf("outputs"), o.Name], v, "type", "valueType", "required", "default");
                        if (decl?.Enum("type", true, ["primitive", "image", "video", "audio"]) is not { } kind) continue;
                        var valueType = kind == "primitive" ? decl.Enum("valueType", true, ["string", "number", "boolean"]) : null;
                        var required = decl.Bool("required") ?? false;
                        JsonElement? fallback = kind == "primitive" && decl.Get("default", false, valueType ?? "string") is { } dv ? dv.Clone() : null;
                        outputs[o.Name] = new WorkflowInput(kind, valueType, required && fallback is null, fallback);
                    }
                nodes.Add(new WorkflowNode(id, nodeName, "input", outputs, null, 0, [], null));
            }
            else
            {
                var produces = n.Enum("produces", true, ["image", "video", "audio"]);
                var count = (int)(n.Number("count", false, 1, 4, integer: true) ?? 1);
                var reads = new List<string>();
                foreach (var (readItem, readPath) in n.Array("reads", false, 0, 50) ?? [])
                {
                    if (readItem.ValueKind == JsonValueKind.String && names.TryGetValue(readItem.GetString()!, out var readId)) reads.Add(readId);
                    else v.Add(readPath, "reads lists the names of nodes defined earlier in nodes");
                }
                var failureCode = n.String("failureCode", false, 1, 100);
                nodes.Add(new WorkflowNode(id, nodeName, "generation", new Dictionary<string, WorkflowInput>(), produces, count, reads, failureCode));
            }
        }
        if (v.Failed) return Http.ValidationError(v.Issues);
        return Results.Json(store.Publish(name!, description, nodes, DateTimeOffset.UtcNow).ToJson());
    }
}
