using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using Runway.Api;
using Runway.Models;

namespace Runway.Shell
{
    /// <summary>
    /// Checks what PowerShell bound from one piped record (a CSV row, a custom object, a hashtable) against the
    /// record itself. PowerShell drops a property value that fails to convert and keeps the default, and converts
    /// loosely ('4,5' → 45, 4.5 → 4); here every non-blank value that names a parameter must bind exactly, or the
    /// input is refused before anything is sent. A hashtable, whose keys PowerShell does not bind, is bound here.
    /// </summary>
    public sealed class RecordBinding
    {
        // PowerShell keeps the object being bound in an internal property of every command (InternalCommand, the base of Cmdlet).
        private static readonly PropertyInfo? CurrentObject = FindCurrentObject();

        private readonly PSCmdlet cmdlet;
        private readonly ISet<string> typed;
        private readonly List<(PropertyInfo Property, object Value)> restore = new List<(PropertyInfo, object)>();

        public RecordBinding(PSCmdlet cmdlet, ISet<string> typed)
        {
            this.cmdlet = cmdlet;
            this.typed = typed;
        }

        /// <summary>The object PowerShell is binding for this ProcessRecord call, or null when there is none.</summary>
        public object? Current() => CurrentObjectOf(cmdlet);

        /// <summary>The object PowerShell is binding for the command's current ProcessRecord call, or null when there is none.</summary>
        public static object? CurrentObjectOf(PSCmdlet cmdlet)
        {
            if (!cmdlet.MyInvocation.ExpectingInput) return null;
            object? value = CurrentObject?.GetValue(cmdlet);
            return value is PSObject ps && ps.BaseObject is PSCustomObject ? ps : value is PSObject wrapped ? wrapped.BaseObject : value;
        }

        /// <summary>
        /// Checks (and for a hashtable, performs) the binding of the current record; throws
        /// <see cref="RunwayInputException"/> for a value that did not bind exactly. Call <see cref="Restore"/> after the record.
        /// </summary>
        public void Check()
        {
            object? record = Current();
            if (record != null && record.GetType().Assembly == typeof(RecordBinding).Assembly)
            {
                CheckModuleObject(cmdlet, record);
                return;
            }
            bool dictionary = record is IDictionary;
            if (!dictionary && !(record is PSObject)) return;
            Dictionary<string, object> bound = cmdlet.MyInvocation.BoundParameters;
            // A record bound whole (a CSV row as -Audio) is read by the cmdlet itself, which may take other columns from it.
            bool wholeRecordBound = bound.Values.Any(v => ReferenceEquals(v, record) || (v is PSObject p && ReferenceEquals(p.BaseObject, InputBinder.Unwrap(record))));
            foreach (ParameterMetadata parameter in cmdlet.MyInvocation.MyCommand.Parameters.Values)
            {
                if (!ByPropertyName(parameter, out bool inSet) || typed.Contains(parameter.Name)) continue;
                string name = new[] { parameter.Name }.Concat(parameter.Aliases).FirstOrDefault(n => InputBinder.HasProperty(record, n));
                if (name == null)
                {
                    if (dictionary && inSet && IsPipedWhole(parameter, record, bound)) Unbind(parameter, record);
                    continue;
                }
                object? value = InputBinder.PropertyValue(record, name);
                if (value is PSObject ps) value = ps.BaseObject;
                if (value == null || (value is string s && string.IsNullOrWhiteSpace(s))) continue;
                if (!inSet && wholeRecordBound) continue;
                if (!inSet)
                    throw Refused(parameter, value, $"does not apply to this form of {cmdlet.MyInvocation.MyCommand.Name} ({cmdlet.ParameterSetName}); leave the {name} column empty here");
                if (dictionary)
                {
                    Bind(parameter, value);
                    continue;
                }
                if (!bound.TryGetValue(parameter.Name, out object actual))
                    throw Refused(parameter, value, "is not " + (NotA(Underlying(parameter.ParameterType), value) ?? $"usable as {Readable(parameter.ParameterType)}"));
                string? problem = Exact(parameter.ParameterType, value, actual);
                if (problem != null) throw Refused(parameter, value, "is not " + problem);
            }
        }

        /// <summary>
        /// The rule for an object of this module on the pipeline (a task, a voice, a router): it may bind a parameter by
        /// property name only when that parameter declares the object's type as meant for it (<see cref="TextInputAttribute.From"/>),
        /// so that a task's Id never becomes an avatar, nor a conversation's Duration a video's. Throws
        /// <see cref="RunwayInputException"/> (Runway.InvalidPipelineValue) for the first binding that is not meant.
        /// </summary>
        public static void CheckModuleObject(PSCmdlet cmdlet, object piped)
        {
            Dictionary<string, object> bound = cmdlet.MyInvocation.BoundParameters;
            PSObject wrapped = PSObject.AsPSObject(piped);
            foreach (PropertyInfo property in cmdlet.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (!property.GetCustomAttributes<ParameterAttribute>().Any(a => a.ValueFromPipelineByPropertyName)) continue;
                if (!bound.TryGetValue(property.Name, out object actual)) continue;
                IEnumerable<string> names = new[] { property.Name }.Concat(property.GetCustomAttribute<AliasAttribute>()?.AliasNames ?? (IEnumerable<string>)Array.Empty<string>());
                PSPropertyInfo source = names.Select(n => wrapped.Properties[n]).FirstOrDefault(p => p != null);
                // Bound on the command line (the piped object's value differs), or not a property of the object at all.
                if (source == null || !SameValue(source.Value, actual)) continue;
                TextInputAttribute declared = property.GetCustomAttribute<TextInputAttribute>();
                if (declared != null && declared.From.Any(t => t.IsInstanceOfType(piped))) continue;
                // A task piped into a generation is its input: the properties that made it (Model, Prompt) count only when typed (GenerationCmdlet.TypedUnlessFromTask).
                if (piped is RunwayTask && cmdlet is GenerationCmdlet) continue;
                string name = cmdlet.MyInvocation.MyCommand.Name;
                throw new RunwayInputException(
                    $"A {piped.GetType().Name} piped to {name} would give its {source.Name} ('{source.Value}') as -{property.Name}, which is not what -{property.Name} means here; " +
                    $"give -{property.Name} yourself, or pipe what {name} takes. Nothing was sent for this input.",
                    property.Name, "Runway.InvalidPipelineValue", piped);
            }
        }

        private static bool SameValue(object source, object actual)
        {
            source = source is PSObject a ? a.BaseObject : source;
            actual = actual is PSObject b ? b.BaseObject : actual;
            if (source == null || actual == null) return false;
            if (Equals(source, actual)) return true;
            string Flat(object v) => v is IEnumerable list && !(v is string) ? string.Join("\n", list.Cast<object>()) : Convert.ToString(v, CultureInfo.InvariantCulture);
            return Flat(source) == Flat(actual);
        }

        private static PropertyInfo? FindCurrentObject()
        {
            for (Type type = typeof(Cmdlet); type != null; type = type.BaseType)
            {
                PropertyInfo property = type.GetProperty("CurrentPipelineObject", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly);
                if (property != null) return property;
            }
            return null;
        }

        /// <summary>Puts back the parameters bound from a hashtable, so the next record starts from the defaults.</summary>
        public void Restore()
        {
            foreach ((PropertyInfo property, object value) in restore) property.SetValue(cmdlet, value);
            restore.Clear();
        }

        private bool ByPropertyName(ParameterMetadata parameter, out bool inSet)
        {
            inSet = false;
            bool any = false;
            foreach (KeyValuePair<string, ParameterSetMetadata> set in parameter.ParameterSets)
            {
                if (!set.Value.ValueFromPipelineByPropertyName) continue;
                any = true;
                if (set.Key == ParameterAttribute.AllParameterSets || set.Key == cmdlet.ParameterSetName) inSet = true;
            }
            return any;
        }

        /// <summary>True when the whole hashtable was bound by value to a parameter it has no key for (a Prompt bound as "System.Collections.Hashtable").</summary>
        private static bool IsPipedWhole(ParameterMetadata parameter, object? record, Dictionary<string, object> bound) =>
            parameter.ParameterType == typeof(string) && bound.TryGetValue(parameter.Name, out object actual) &&
            string.Equals(actual as string, record?.ToString(), StringComparison.Ordinal);

        private static void Unbind(ParameterMetadata parameter, object? record)
        {
            throw new RunwayInputException(
                $"-{parameter.Name}: the piped hashtable has no {parameter.Name} key (its keys: {string.Join(", ", ((IDictionary?)record)?.Keys.Cast<object>() ?? Array.Empty<object>())}).",
                parameter.Name, "Runway.InvalidPipelineValue", record);
        }

        private void Bind(ParameterMetadata parameter, object value)
        {
            PropertyInfo property = cmdlet.GetType().GetProperty(parameter.Name);
            if (property == null) return;
            object converted = value;
            Type type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type != typeof(object))
            {
                string? problem = NotA(type, value);
                if (problem != null) throw Refused(parameter, value, "is not " + problem);
                try
                {
                    converted = type == typeof(SwitchParameter) ? new SwitchParameter((Truth(Text(value)) ?? false))
                        : type == typeof(string) ? Text(value)
                        : IsNumber(type) ? Convert.ChangeType(decimal.Parse(Text(value), NumberStyles.Float, CultureInfo.InvariantCulture), type, CultureInfo.InvariantCulture)
                        : LanguagePrimitives.ConvertTo(value, property.PropertyType, CultureInfo.InvariantCulture);
                }
                catch (Exception ex) when (ex is PSInvalidCastException || ex is OverflowException || ex is FormatException)
                {
                    throw Refused(parameter, value, $"is not usable as {Readable(type)}");
                }
            }
            restore.Add((property, property.GetValue(cmdlet)));
            property.SetValue(cmdlet, converted);
        }

        /// <summary>Null when the bound value is exactly the record's value read by invariant, strict rules; else what is wrong.</summary>
        private static string? Exact(Type parameterType, object value, object actual)
        {
            Type type = Nullable.GetUnderlyingType(parameterType) ?? parameterType;
            string? problem = NotA(type, value);
            if (problem != null) return problem;
            if (actual is PSObject ps) actual = ps.BaseObject;
            if (IsNumber(type) && actual != null)
            {
                decimal expected = decimal.Parse(Text(value), NumberStyles.Float, CultureInfo.InvariantCulture);
                if (Convert.ToDecimal(actual, CultureInfo.InvariantCulture) != expected) return $"{Readable(type)} (it became {actual})";
            }
            if ((type == typeof(bool) || type == typeof(SwitchParameter)) && actual != null &&
                LanguagePrimitives.IsTrue(actual) != (Truth(Text(value)) ?? false))
                return $"true or false as written (it became {actual})";
            return null;
        }

        /// <summary>What the text is not, for a number or truth type (null when it reads strictly as one).</summary>
        private static string? NotA(Type type, object? value = null)
        {
            if (value == null) return IsNumber(type) ? Readable(type) : null;
            string text = Text(value);
            if (IsNumber(type))
            {
                if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number)) return Readable(type);
                if (IsWhole(type) && number != decimal.Truncate(number)) return Readable(type);
                return null;
            }
            if (type == typeof(bool) || type == typeof(SwitchParameter))
                return Truth(text).HasValue ? null : "true or false";
            return null;
        }

        private static bool? Truth(string text)
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "true": case "1": case "$true": return true;
                case "false": case "0": case "$false": return false;
                default: return null;
            }
        }

        private static string Text(object value) =>
            value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value.ToString();

        private static bool IsWhole(Type type) =>
            type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) || type == typeof(uint) || type == typeof(ulong);

        private static bool IsNumber(Type type) => IsWhole(type) || type == typeof(double) || type == typeof(float) || type == typeof(decimal);

        private static string Readable(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (IsWhole(type)) return "a whole number";
            if (IsNumber(type)) return "a number (invariant: 4.5, not 4,5)";
            return type == typeof(string) ? "text" : "a " + type.Name;
        }

        private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

        private static RunwayInputException Refused(ParameterMetadata parameter, object value, string what) =>
            new RunwayInputException($"-{parameter.Name} '{Text(value)}' {what}; nothing was sent for this input.",
                parameter.Name, "Runway.InvalidPipelineValue", value);
    }
}
