using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Runway.Simulator;

// A local, strict stand-in for the Runway API. See docs/simulator.md.
var builder = WebApplication.CreateBuilder(args);

// stdout carries exactly one line (the listening address); framework logs go to stderr, warnings and up.
builder.Logging.ClearProviders();
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
    builder.WebHost.UseUrls("http://127.0.0.1:0");
// Bodies are capped per endpoint (JSON 32 MB, uploads 200 MB) by the handlers themselves.
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);

var settings = SimulatorSettings.FromConfiguration(builder.Configuration);
builder.Services.AddSingleton(new SimulatorState(settings));
builder.Services.AddSingleton<TaskStore>();
builder.Services.AddSingleton<UploadStore>();
builder.Services.AddSingleton<OutputSigner>();
builder.Services.AddSingleton<RequestLog>();
builder.Services.AddSingleton<FaultQueue>();
builder.Services.AddSingleton<Runway.Simulator.Resources.CharacterStore>();
builder.Services.AddEndpointStores();

var app = builder.Build();

app.Use(Pipeline.HandleAsync);
Api.Map(app);
Controls.Map(app);
Runway.Simulator.Resources.CharacterApi.Map(app);
EndpointRoutes.Map(app);

await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.Out.WriteLine($"Runway simulator listening on {address}");
Console.Out.Flush();

// Exit with the parent (e.g. a test runner) when --Simulator:ParentPid is given, so no simulator is orphaned.
if (builder.Configuration.GetValue<int?>("Simulator:ParentPid") is int parentPid and > 0)
    _ = Task.Run(async () =>
    {
        try
        {
            using var parent = Process.GetProcessById(parentPid);
            await parent.WaitForExitAsync(app.Lifetime.ApplicationStopping);
            app.Lifetime.StopApplication();
        }
        catch (ArgumentException) { app.Lifetime.StopApplication(); }
        catch (OperationCanceledException) { }
    });

await app.WaitForShutdownAsync();
app.Services.GetRequiredService<UploadStore>().Dispose();
