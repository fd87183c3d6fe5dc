namespace Runway.Simulator;

/// <summary>
/// The request pipeline in front of every endpoint: the request log, queued faults, then (for <c>/v1/</c>)
/// authentication and the version header. <c>/_sim/</c> control requests bypass all of it.
/// </summary>
public static class Pipeline
{
    public static async Task HandleAsync(HttpContext ctx, RequestDelegate next)
    {
        var request = ctx.Request;
        var path = request.Path.Value ?? "/";
        if (path.StartsWith("/_sim/", StringComparison.Ordinal) || path == "/_sim")
        {
            await next(ctx);
            await JsonStatusBodyAsync(ctx);
            return;
        }

        var services = ctx.RequestServices;
        var log = services.GetRequiredService<RequestLog>();
        var state = services.GetRequiredService<SimulatorState>();
        var started = DateTimeOffset.UtcNow;
        var isApi = path.StartsWith("/v1/", StringComparison.Ordinal);
        var entry = new RequestLogEntry
        {
            Time = started,
            Method = request.Method,
            Path = path,
            Query = request.QueryString.HasValue ? request.QueryString.Value : null,
            HasAuthorization = request.Headers.Authorization.Count > 0,
            UserAgent = request.Headers.UserAgent.Count > 0 ? request.Headers.UserAgent.ToString() : null,
            Version = request.Headers.TryGetValue("X-Runway-Version", out var v) ? v.ToString() : null,
            ContentType = request.ContentType,
        };
        entry.Authorized = entry.HasAuthorization && Api.AuthenticationError(request, state.Current) is null;
        ctx.Items[typeof(RequestLogEntry)] = entry;

        // API bodies are read up front so the log shows them even when a fault answers instead of the handler.
        if (isApi && !Http.IsMultipart(request) && (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0))
        {
            var text = await Http.ReadBodyTextAsync(request);
            ctx.Items[Http.BodyTextItem] = text;
            entry.Body = text is null ? "(body larger than 32 MB)" : RequestLog.PrepareBody(text);
        }

        var fault = services.GetRequiredService<FaultQueue>().Take(request.Method, path);
        entry.Fault = fault is null ? null : Fault.KindName(fault.Kind);
        try
        {
            switch (fault?.Kind)
            {
                case FaultKind.Drop:
                    // Nothing is handled: the connection is cut before any side effect.
                    ctx.Abort();
                    return;
                case FaultKind.Status:
                    if (fault.RetryAfter is not null) ctx.Response.Headers.RetryAfter = fault.RetryAfter;
                    if (fault.RetryAfterMs is not null) ctx.Response.Headers["retry-after-ms"] = fault.RetryAfterMs;
                    if (fault.ShouldRetry is { } retry) ctx.Response.Headers["x-should-retry"] = retry ? "true" : "false";
                    await Http.Error(fault.Status, fault.Error).ExecuteAsync(ctx);
                    entry.Status = fault.Status;
                    return;
                case FaultKind.Delay:
                    await Task.Delay(fault.DelayMs, ctx.RequestAborted);
                    break;
                case FaultKind.EmptyPage:
                    // A list page with no items that still names a next page: the SDK's CursorPage stops there.
                    await Results.Json(new { data = Array.Empty<object>(), nextCursor = "sim-empty-page" }).ExecuteAsync(ctx);
                    entry.Status = 200;
                    return;
            }

            if (fault?.Kind == FaultKind.Stall)
            {
                // Send the headers and half the body, then go silent (delayMs, default 60 s) and cut the connection.
                var realBody = ctx.Response.Body;
                ctx.Response.Body = new StallingStream(realBody, ctx, TimeSpan.FromMilliseconds(fault.DelayMs > 0 ? fault.DelayMs : 60000));
                try { await HandleAsync(ctx, next, isApi, state); }
                finally { ctx.Response.Body = realBody; }
                entry.Status = ctx.Response.StatusCode;
                return;
            }

            if (fault?.Kind == FaultKind.DropAfter)
            {
                // Handle fully (e.g. create the task) into a buffer that is never sent, then cut the connection.
                var realBody = ctx.Response.Body;
                ctx.Response.Body = Stream.Null;
                try { await HandleAsync(ctx, next, isApi, state); }
                finally { ctx.Response.Body = realBody; }
                entry.Status = ctx.Response.StatusCode;
                ctx.Abort();
                return;
            }

            await HandleAsync(ctx, next, isApi, state);
            entry.Status = ctx.Response.StatusCode;
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The client went away; status stays null.
        }
        finally
        {
            entry.DurationMs = Math.Round((DateTimeOffset.UtcNow - started).TotalMilliseconds, 1);
            log.Add(entry);
        }
    }

    private static async Task HandleAsync(HttpContext ctx, RequestDelegate next, bool isApi, SimulatorState state)
    {
        if (isApi)
        {
            if (Api.AuthenticationError(ctx.Request, state.Current) is { } authError)
            {
                await Http.Error(401, authError).ExecuteAsync(ctx);
                return;
            }
            if (Api.VersionError(ctx.Request) is { } versionError)
            {
                await Http.Error(400, versionError).ExecuteAsync(ctx);
                return;
            }
        }
        await next(ctx);
        await JsonStatusBodyAsync(ctx);
    }

    /// <summary>Gives bodiless 404/405 answers from routing the same JSON error shape as everything else.</summary>
    private static async Task JsonStatusBodyAsync(HttpContext ctx)
    {
        var response = ctx.Response;
        if (response.HasStarted || response.ContentLength is not null || response.ContentType is not null) return;
        if (response.StatusCode == 404) await Http.Error(404, "Not found.").ExecuteAsync(ctx);
        else if (response.StatusCode == 405) await Http.Error(405, "Method not allowed.").ExecuteAsync(ctx);
    }
}
