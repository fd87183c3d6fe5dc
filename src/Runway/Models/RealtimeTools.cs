using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
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
        public const int MaxEnumValues = 20;
        public const int MaxEnumLength = 64;
        public const int MaxProperties = 20;
        private static readonly string[] ToolTypes = { "client_event", "backend_rpc" };
        // The keys the SDK declares for a tool, a tool parameter and an array parameter's items.
        private static readonly string[] ToolKeys = { "type", "name", "description", "parameters", "timeoutSeconds" };
        private static readonly string[] ParameterKeys = { "type", "name", "description", "required", "enum", "items", "properties" };
        private static readonly string[] ParameterTypes = { "string", "integer", "number", "boolean", "array", "object" };
        private static readonly string[] ItemTypes = { "string", "integer", "number", "boolean" };
        private static readonly string[] ItemKeys = { "type" };
        private static readonly string[] LiveKitKeys = { "type", "token", "roomName", "url", "agentIdentity" };
        private static readonly string[] ElevenLabsKeys = { "type", "signedUrl" };

        /// <summary>Checks the tools (keys in any case, spelt as declared afterwards) against the SDK's shapes and the documented limits.</summary>
        public static void Check(JsonArray tools)
        {
            if (tools.Count > MaxTools)
                throw Invalid($"{tools.Count} tools were given; a session takes at most {MaxTools}.", tools.Count);
            var names = new HashSet<string>();
            for (int i = 0; i < tools.Count; i++)
            {
                JsonNode? node = tools[i];
                if (!(node is JsonObject given))
                    throw Invalid("Each tool is a hashtable: @{ type = 'client_event'; name = 'show_map'; description = '…'; parameters = @(…) }.", node?.ToJsonString());
                JsonObject tool = RecordKeys.Canonical(given, "Tool", "a tool", ToolKeys);
                tools[i] = tool;
                string? type = Text(tool, "type");
                string? name = Text(tool, "name");
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
                if (tool["parameters"] is JsonNode list)
                {
                    if (!(list is JsonArray parameters))
                        throw Invalid($"Tool '{name}': parameters is a list of hashtables @{{ type = 'string'; name = '…'; description = '…' }}.", name);
                    if (parameters.Count > MaxParameters)
                        throw Invalid($"Tool '{name}' has {parameters.Count} parameters; a tool takes at most {MaxParameters}.", name);
                    for (int j = 0; j < parameters.Count; j++)
                        parameters[j] = CheckParameter(parameters[j], name);
                }
            }
        }

        /// <summary>One tool parameter, as the SDK declares it: a JSON-schema-like type; an array needs items, an object properties.</summary>
        private static JsonObject CheckParameter(JsonNode? node, string tool)
        {
            if (!(node is JsonObject given))
                throw Invalid($"Tool '{tool}': each parameter is a hashtable @{{ type = 'string'; name = '…'; description = '…' }}.", node?.ToJsonString());
            JsonObject parameter = RecordKeys.Canonical(given, "Tool", $"a parameter of tool '{tool}'", ParameterKeys);
            string? name = Text(parameter, "name");
            string what = $"Tool '{tool}', parameter '{name}'";
            CheckName(name, $"Tool '{tool}': a parameter");
            CheckDescription(Text(parameter, "description"), what);
            string? type = Text(parameter, "type");
            if (!ParameterTypes.Contains(type))
                throw Invalid($"{what}: type is one of {string.Join(", ", ParameterTypes)}; '{type}' was given.", name);
            if (parameter["required"] is JsonNode required && !(required is JsonValue flag && flag.TryGetValue(out bool _)))
                throw Invalid($"{what}: required is $true or $false.", name);
            Only(parameter, "enum", type == "string", what, "string");
            if (parameter["enum"] is JsonNode values)
            {
                if (!(values is JsonArray list) || list.Count > MaxEnumValues || list.Any(v => !(v is JsonValue e && e.TryGetValue(out string? text) && text.Length <= MaxEnumLength)))
                    throw Invalid($"{what}: enum is a list of at most {MaxEnumValues} strings of at most {MaxEnumLength} characters.", name);
            }
            Only(parameter, "items", type == "array", what, "array");
            if (type == "array")
            {
                // The SDK declares items required on an array parameter: { type: 'string' | 'integer' | 'number' | 'boolean' }.
                if (!(parameter["items"] is JsonObject items))
                    throw Invalid($"{what}: an array parameter needs items = @{{ type = '{string.Join("' | '", ItemTypes)}' }}.", name);
                items = RecordKeys.Canonical(items, "Tool", $"the items of {what}", ItemKeys);
                parameter["items"] = items;
                if (!ItemTypes.Contains(Text(items, "type")))
                    throw Invalid($"{what}: items' type is one of {string.Join(", ", ItemTypes)}; '{Text(items, "type")}' was given.", name);
            }
            Only(parameter, "properties", type == "object", what, "object");
            if (type == "object" && (!(parameter["properties"] is JsonArray properties) || properties.Count > MaxProperties))
                throw Invalid($"{what}: an object parameter needs properties, a list of at most {MaxProperties}.", name);
            return parameter;
        }

        private static void Only(JsonObject parameter, string key, bool allowed, string what, string type)
        {
            if (!allowed && parameter.ContainsKey(key))
                throw Invalid($"{what}: {key} applies to {type} parameters only.", Text(parameter, "name"));
        }

        /// <summary>
        /// -Integration as the SDK declares it: ElevenLabs { type, signedUrl } or LiveKit { type, token, roomName, url,
        /// agentIdentity? }, keys in any case; the URLs "must be a wss:// or https:// URL".
        /// </summary>
        public static JsonObject Integration(JsonObject given)
        {
            JsonObject probe = RecordKeys.Canonical(given.DeepClone().AsObject(), "Integration", "-Integration", LiveKitKeys.Concat(ElevenLabsKeys));
            string? type = Text(probe, "type");
            if (type != "livekit" && type != "elevenlabs")
                throw IntegrationError("-Integration needs type 'livekit' (@{ type = 'livekit'; url = 'wss://…'; roomName = '…'; token = '…' }) or 'elevenlabs' (@{ type = 'elevenlabs'; signedUrl = 'wss://…' }).", type);
            JsonObject integration = RecordKeys.Canonical(given, "Integration", $"a {type} integration", type == "livekit" ? LiveKitKeys : ElevenLabsKeys);
            string[] required = type == "livekit" ? new[] { "token", "roomName", "url" } : new[] { "signedUrl" };
            foreach (string key in required)
                if (string.IsNullOrEmpty(Text(integration, key)))
                    throw IntegrationError($"A {type} integration needs {key} (text).", key);
            if (integration["agentIdentity"] is JsonNode identity && string.IsNullOrEmpty(Text(integration, "agentIdentity")))
                throw IntegrationError("agentIdentity is non-empty text.", identity.ToJsonString());
            string urlKey = type == "livekit" ? "url" : "signedUrl";
            string? url = Text(integration, urlKey);
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != "wss" && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
                throw IntegrationError($"The {type} {urlKey} must be a wss:// or https:// URL; '{url}' is not.", url);
            return integration;
        }

        private static RunwayInputException IntegrationError(string message, object? target) =>
            new RunwayInputException(message, "Integration", "Runway.InvalidIntegration", target);

        private static void CheckName([NotNull] string? name, string what)
        {
            if (Api.Strings.IsEmpty(name) || name.Length > MaxNameLength || !NamePattern.IsMatch(name))
                throw Invalid($"{what} name '{name}' is not valid: 1–{MaxNameLength} letters, digits or underscores, not starting with a digit.", name);
        }

        private static void CheckDescription(string? description, string what)
        {
            if (Api.Strings.IsEmpty(description) || description.Length > MaxDescriptionLength)
                throw Invalid($"{what} needs a description of 1–{MaxDescriptionLength} characters.", description);
        }

        private static string? Text(JsonObject json, string name) =>
            json[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

        private static RunwayInputException Invalid(string message, object? target) =>
            new RunwayInputException(message, "Tool", "Runway.InvalidTool", target);
    }
}
