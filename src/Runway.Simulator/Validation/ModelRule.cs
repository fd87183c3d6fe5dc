using System.Text.Json;

namespace Runway.Simulator.Validation;

/// <summary>
/// A model (on an existing endpoint, or on a task endpoint of its own) added in one file: its endpoints, its
/// SIMULATED price and its validation. The simulator finds every subclass by reflection, and the model list
/// (<see cref="Catalog.ModelsByEndpoint"/>: an endpoint new there is routed by Api.Map like the others), the price
/// table (<see cref="Prices.Simulated"/>) and the dispatch (<see cref="Rules.Validate"/>) include it with no other edit.
/// A published price does not belong here: it goes in <see cref="Prices.Published"/>, where the cross-check reads it.
/// </summary>
public abstract class ModelRule
{
    /// <summary>The model's name (the body's <c>model</c>).</summary>
    public abstract string Model { get; }

    /// <summary>The endpoints (paths below /v1/) that serve it.</summary>
    public abstract string[] Endpoints { get; }

    /// <summary>The simulator's made-up price (docs/simulator.md lists simulated prices).</summary>
    public abstract SimulatedPrice Price { get; }

    /// <summary>The request checked as the declarations state it; null (with the issues in <paramref name="ctx"/>) when refused.</summary>
    public abstract CreateRequest? Validate(string endpoint, JsonElement body, ValidationContext ctx);

    /// <summary>Every rule of this assembly, in a stable order.</summary>
    public static readonly IReadOnlyList<ModelRule> All = [.. typeof(ModelRule).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(ModelRule)) && !t.IsAbstract)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (ModelRule)Activator.CreateInstance(t)!)];

    public static ModelRule? Find(string endpoint, string model) =>
        All.FirstOrDefault(r => r.Model == model && r.Endpoints.Contains(endpoint));

    /// <summary>A table of models by endpoint with every rule's model added to its endpoints.</summary>
    internal static Dictionary<string, string[]> AddTo(Dictionary<string, string[]> table)
    {
        foreach (var rule in All)
            foreach (var endpoint in rule.Endpoints)
                table[endpoint] = [.. table.GetValueOrDefault(endpoint) ?? [], rule.Model];
        return table;
    }

    /// <summary>A price table with every rule's price added.</summary>
    internal static Dictionary<string, SimulatedPrice> AddTo(Dictionary<string, SimulatedPrice> table)
    {
        foreach (var rule in All) table[rule.Model] = rule.Price;
        return table;
    }
}
