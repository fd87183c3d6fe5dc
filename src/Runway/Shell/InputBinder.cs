using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Management.Automation;
using Runway.Media;
using Runway.Models;

namespace Runway.Shell
{
    /// <summary>
    /// PowerShell binding work the layers below never see: unwrapping PSObjects and reading media out of piped
    /// records (CSV rows, hashtables, custom objects, objects with a Path/FullName property).
    /// </summary>
    public static class InputBinder
    {
        /// <summary>The object inside a PSObject; a PSCustomObject stays wrapped because its properties live on the wrapper.</summary>
        [return: NotNullIfNotNull("input")]
        public static object? Unwrap(object? input) => input is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : input;

        /// <summary>
        /// The media value inside what was bound to <paramref name="parameter"/>: the object itself when the media
        /// layer takes it as it is, else its property named like the parameter, or Uri, Url, Path, FullName.
        /// </summary>
        /// <param name="cmdlet">The command reading it: a hashtable piped whole may also carry its other parameters.</param>
        /// <param name="extraKeys">Keys the caller reads from the record itself (Role, View, Type...).</param>
        public static object? MediaValue(object? input, string parameter, PSCmdlet? cmdlet = null, IEnumerable<string>? extraKeys = null)
        {
            object? value = Unwrap(input);
            if (value == null || MediaSource.TakesDirectly(value)) return value;
            if (value is IDictionary record) RecordKeys.Check(record, parameter, $"the record given to -{parameter}", KnownKeys(record, parameter, cmdlet, extraKeys));
            string? property = UriProperty(value, parameter);
            if (property != null) return MediaValue(PropertyValue(value, property), parameter);
            string what = value is PSObject || value is IDictionary
                ? $"an object without {MediaSource.Article(parameter)} {parameter}, Uri or Path property"
                : $"{MediaSource.Article(value.GetType().Name)} {value.GetType().Name}";
            throw MediaSource.Unsupported(parameter, what, value);
        }

        /// <summary>The keys a media record may have: the parameter's name, the media keys, the caller's, and for a hashtable piped whole, every parameter of the command.</summary>
        public static IEnumerable<string> KnownKeys(object record, string parameter, PSCmdlet? cmdlet, IEnumerable<string>? extraKeys)
        {
            var keys = new List<string> { parameter };
            keys.AddRange(RecordKeys.MediaKeys);
            if (extraKeys != null) keys.AddRange(extraKeys);
            if (cmdlet != null && ReferenceEquals(Unwrap(RecordBinding.CurrentObjectOf(cmdlet)), record))
                foreach (ParameterMetadata p in cmdlet.MyInvocation.MyCommand.Parameters.Values)
                {
                    keys.Add(p.Name);
                    keys.AddRange(p.Aliases);
                }
            return keys;
        }

        /// <summary>
        /// True for a piped record (a CSV row, a hashtable) that has no media under the parameter's name (or Uri,
        /// Path) or only a blank one: such a row asks for the text-only form of the command.
        /// </summary>
        public static bool IsRecordWithoutMedia(object? input, string parameter, PSCmdlet cmdlet)
        {
            object? value = Unwrap(input);
            if (!(value is IDictionary) && !(value is PSObject)) return false;
            // A hashtable's keys are the media keys (or, piped whole, the command's parameters): no other key is dropped unseen.
            if (value is IDictionary record) RecordKeys.Check(record, parameter, $"the record given to -{parameter}", KnownKeys(record, parameter, cmdlet, null));
            string? property = UriProperty(value, parameter);
            return property == null || string.IsNullOrWhiteSpace(PropertyValue(value, property)?.ToString());
        }

        /// <summary>
        /// Name of the property holding a media URI on a hashtable or custom object, if any: first one named
        /// like the parameter (a CSV row's Image column for -Image), then Uri, Url, Path, FullName.
        /// </summary>
        public static string? UriProperty(object? value, string? parameter = null)
        {
            foreach (string? name in new[] { parameter, "Uri", "Url", "Path", "FullName" })
                if (name != null && HasProperty(value, name)) return name;
            return null;
        }

        public static bool HasProperty(object? value, string name)
        {
            if (value is IDictionary dictionary)
                return dictionary.Keys.Cast<object>().Any(k => string.Equals(k?.ToString(), name, StringComparison.OrdinalIgnoreCase));
            return PSObject.AsPSObject(value).Properties[name] != null;
        }

        public static object? PropertyValue(object? value, string name)
        {
            if (value is IDictionary dictionary)
            {
                foreach (object key in dictionary.Keys)
                    if (string.Equals(key?.ToString(), name, StringComparison.OrdinalIgnoreCase)) return dictionary[key];
                return null;
            }
            return PSObject.AsPSObject(value).Properties[name]?.Value;
        }
    }
}
