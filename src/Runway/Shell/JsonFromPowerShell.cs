using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Text.Json.Nodes;
using Runway.Models;

namespace Runway.Shell
{
    /// <summary>Hashtables, custom objects, arrays and scalars as JSON (realtime session tools and integrations).</summary>
    public static class JsonFromPowerShell
    {
        public static JsonNode? Convert(object value, string parameter)
        {
            value = value is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : value;
            switch (value)
            {
                case null:
                    return null;
                case string text:
                    return JsonValue.Create(text);
                case bool flag:
                    return JsonValue.Create(flag);
                case SwitchParameter flag:
                    return JsonValue.Create(flag.IsPresent);
                case int _:
                case long _:
                case short _:
                case byte _:
                    return JsonValue.Create(System.Convert.ToInt64(value, CultureInfo.InvariantCulture));
                case double _:
                case float _:
                case decimal _:
                    return JsonValue.Create(System.Convert.ToDouble(value, CultureInfo.InvariantCulture));
                case IDictionary dictionary:
                    var json = new JsonObject();
                    foreach (DictionaryEntry entry in dictionary) json[entry.Key.ToString()] = Convert(entry.Value, parameter);
                    return json;
                case PSObject custom:
                    var fromObject = new JsonObject();
                    foreach (PSPropertyInfo property in custom.Properties) fromObject[property.Name] = Convert(property.Value, parameter);
                    return fromObject;
                case IEnumerable list:
                    var array = new JsonArray();
                    foreach (object item in list) array.Add(Convert(item, parameter));
                    return array;
            }
            throw new RunwayInputException($"-{parameter}: cannot send {value.GetType().Name} as JSON; use hashtables, arrays, strings, numbers and booleans.",
                parameter, "Runway.UnsupportedInput", value, Api.ErrorKind.InvalidType);
        }
    }
}
