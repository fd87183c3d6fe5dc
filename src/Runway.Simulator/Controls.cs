using System.Text.Json;
using Runway.Simulator.Validation;

namespace Runway.Simulator;

/// <summary>The test control endpoints under <c>/_sim/</c>: no auth, not logged.</summary>
public static class Controls
{
    public static void Map(WebApplication app)
    {
        var sim = app.MapGroup("/_sim");

        sim.MapGet("/requests", (RequestLog log, string? path, string? method) => Results.Json(log.List(path, method)));
        sim.MapDelete("/requests", (RequestLog log) => { log.Clear(); return Results.StatusCode(204); });

        sim.MapGet("/faults", (FaultQueue faults) => Results.Json(faults.List()));
        sim.MapPost("/faults", async (HttpContext ctx, FaultQueue faults) =>
        {
            var (body, error) = await Http.ReadJsonObjectAsync(ctx);
            if (error is not null) return error;
            var (fault, problem) = faults.Add(body);
            return fault is null ? Http.Error(400, problem!) : Results.Json(fault.ToJson());
        });
        sim.MapDelete("/faults", (FaultQueue faults) => { faults.Clear(); return Results.StatusCode(204); });

        sim.MapGet("/config", (SimulatorState state) => Results.Json(state.Current.ToJson()));
        sim.MapPost("/config", async (HttpContext ctx, SimulatorState state, TaskStore store) =>
        {
            var (body, error) = await Http.ReadJsonObjectAsync(ctx);
            if (error is not null) return error;
            var problem = SimulatorSettings.TryApply(state.Current, body, out var updated);
            if (problem is not null) return Http.Error(400, problem);
            state.Set(updated);
            // Setting creditBalance at run time sets the current balance too.
            if (body.TryGetProperty("creditBalance", out _)) store.SetBalance(updated.CreditBalance);
            store.Reconcile(DateTimeOffset.UtcNow);
            return Results.Json(updated.ToJson());
        });

        sim.MapPost("/reset", (HttpContext ctx, SimulatorState state, TaskStore store, UploadStore uploads, RequestLog log, FaultQueue faults, Resources.CharacterStore characters) =>
        {
            characters.Reset();
            EndpointRoutes.Reset(ctx.RequestServices);
            state.Reset();
            store.Reset();
            uploads.Clear();
            log.Clear();
            faults.Clear();
            return Results.StatusCode(204);
        });

        sim.MapPost("/tasks", async (HttpContext ctx, TaskStore store) =>
        {
            var (body, error) = await Http.ReadJsonObjectAsync(ctx, allowEmpty: true);
            if (error is not null) return error;
            string model = "gen4_turbo";
            string? promptText = null;
            SimTaskStatus? status = null;
            string? reportStatus = null;
            foreach (var p in body.EnumerateObject())
            {
                if (p.Value.ValueKind != JsonValueKind.String) return Http.Error(400, $"{p.Name} must be a string");
                var value = p.Value.GetString()!;
                switch (p.Name)
                {
                    case "model":
                        if (!Catalog.AllModels.Contains(value)) return Http.Error(400, $"Unknown model '{value}'");
                        model = value;
                        break;
                    case "promptText": promptText = value; break;
                    case "status":
                        // Every status the SDK declares (tasks.d.ts), so a client can be shown each one.
                        if (value is not ("SUCCEEDED" or "FAILED" or "RUNNING" or "PENDING" or "THROTTLED" or "CANCELLED"))
                            return Http.Error(400, "status must be one of SUCCEEDED, FAILED, RUNNING, PENDING, THROTTLED, CANCELLED");
                        status = Enum.Parse<SimTaskStatus>(value);
                        break;
                    case "reportStatus":
                        // A status newer than the SDK (e.g. EXPIRED): upper-case words only, never one the SDK declares.
                        if (!System.Text.RegularExpressions.Regex.IsMatch(value, "^[A-Z][A-Z_]{1,31}$") || Enum.TryParse<SimTaskStatus>(value, out _))
                            return Http.Error(400, "reportStatus must be an upper-case status (A-Z and _, 2-32 characters) that the SDK does not declare");
                        reportStatus = value;
                        break;
                    default: return Http.Error(400, $"Unknown field '{p.Name}'");
                }
            }
            if (status is not null && reportStatus is not null) return Http.Error(400, "status and reportStatus cannot be combined");
            var id = store.CreateControlTask(model, promptText, status, DateTimeOffset.UtcNow, reportStatus);
            return Results.Json(new { id });
        });

        sim.MapPost("/tasks/{id}/expire", (string id, bool? permanent, TaskStore store, SimulatorState state) =>
        {
            // Every URL issued so far carries exp <= now + TTL; those are now expired. Later URLs get a larger exp,
            // unless the output itself is gone (?permanent=true: retention over), when every URL is refused.
            var through = permanent == true ? long.MaxValue : DateTimeOffset.UtcNow.ToUnixTimeSeconds() + state.Current.OutputTtlSeconds;
            return store.ExpireOutputs(id, through) ? Results.StatusCode(204) : Http.Error(404, "Task not found.");
        });

        sim.MapGet("/uploads", (UploadStore uploads) => Results.Json(uploads.All.Select(u => new
        {
            id = u.Id, filename = u.Filename, completed = u.Completed, size = u.Size, metadata = u.Metadata,
        })));

        sim.MapGet("/stats", (TaskStore store) => Results.Json(store.Stats(DateTimeOffset.UtcNow)));

        sim.MapGet("/blob/{bytes:long}", async (HttpContext ctx, long bytes) =>
        {
            if (bytes < 0) { await Http.Error(400, "bytes must be >= 0").ExecuteAsync(ctx); return; }
            ctx.Response.ContentType = "application/octet-stream";
            ctx.Response.ContentLength = bytes;
            var chunk = new byte[65536];
            for (var i = 0; i < chunk.Length; i++) chunk[i] = (byte)(i * 31 + 7);
            var remaining = bytes;
            while (remaining > 0)
            {
                var n = (int)Math.Min(chunk.Length, remaining);
                await ctx.Response.Body.WriteAsync(chunk.AsMemory(0, n), ctx.RequestAborted);
                remaining -= n;
            }
        });

        sim.MapPost("/shutdown", (IHostApplicationLifetime lifetime) =>
        {
            lifetime.StopApplication();
            return Results.StatusCode(202);
        });
    }
}
