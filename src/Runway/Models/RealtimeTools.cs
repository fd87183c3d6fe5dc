using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Runway.Models
{
    /// <summary>The documented limits of a realtime session's tools (Runway's docs; the SDK declares the shapes).</summary>
    public static class RealtimeTools
    {
        public const int MaxTools = 20;
        public const int MaxParameters = 20;
        public const int MaxNameLength = 64;
        public const int MaxDescriptionLength = 1024;
        private static readonly Regex NamePattern = new Regex("^[a-zA-Z_][a-zA-Z0-9_]*$");
        private static readonly string[] ToolTypes = { "client_event", "backend_rpc" };

        public static void Check(JsonArray tools)
        {
            if (tools.Count > MaxTools)
                throw Invalid($"{tools.Count} tools were given; a session takes at most {MaxTools}.", tools.Count);
            var names = new HashSet<string>();
            foreach (JsonNode node in tools)
            {
                if (!(node is JsonObject tool))
                    throw Invalid("Each tool is a hashtable: @{ type = 'client_event'; name = 'show_map'; description = '…'; parameters = @(…) }.", node?.ToJsonString());
                string type = Text(tool, "type");
                string name = Text(tool, "name");
                if (!ToolTypes.Contains(type))
                    throw Invalid($"Tool '{name}': type is client_event or backend_rpc; '{type}' was given.", name);
                CheckName(name, "Tool");
                if (!names.Add(name))
                    throw Invalid($"Two tools are named '{name}'; tool names are unique in a session.", name);
                CheckDescription(Text(tool, "description"), $"Tool '{name}'");
                if (tool["timeoutSeconds"] is JsonNode timeout)
                {
                    if (type != "backend_rpc")
                        throw Invalid($"Tool '{name}': timeoutSeconds applies to backend_rpc tools only.", name);
                    if (!(timeout is JsonValue) || !double.TryParse(timeout.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double seconds) || seconds < 1 || seconds > 8)
                        throw Invalid($"Tool '{name}': timeoutSeconds is 1–8 seconds.", name);
                }
                if (tool["parameters"] is JsonArray parameters)
                {
                    if (parameters.Count > MaxParameters)
                        throw Invalid($"Tool '{name}' has {parameters.Count} parameters; a tool takes at most {MaxParameters}.", name);
                    foreach (JsonObject parameter in parameters.OfType<JsonObject>())
                    {
                        CheckName(Text(parameter, "name"), $"Tool '{name}': a parameter");
                        CheckDescription(Text(parameter, "description"), $"Tool '{name}', parameter '{Text(parameter, "name")}'");
                    }
                }
            }
        }

        private static void CheckName(string name, string what)
        {
            if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || !NamePattern.IsMatch(name))
                throw Invalid($"{what} name '{name}' is not valid: 1–{MaxNameLength} letters, digits or underscores, not starting with a digit.", name);
        }

        private static void CheckDescription(string description, string what)
        {
            if (string.IsNullOrEmpty(description) || description.Length > MaxDescriptionLength)
                throw Invalid($"{what} needs a description of 1–{MaxDescriptionLength} characters.", description);
        }

        private static string Text(JsonObject json, string name) =>
            json[name] is JsonValue value && value.TryGetValue(out string text) ? text : null;

        private static RunwayInputException Invalid(string message, object target) =>
            new RunwayInputException(message, "Tool", "Runway.InvalidTool", target);
    }
}
