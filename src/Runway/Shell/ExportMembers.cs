using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace Runway.Shell
{
    /// <summary>
    /// One rule for every public output type (the [OutputType] of every cmdlet, found by reflection at build): each
    /// property whose value is not already text (lists, dictionaries, nested objects, enums) gets an ETS ScriptProperty
    /// of the same name that reads as text in Export-Csv ("a; b", "key=value"), written into the shipped types file by
    /// build.ps1 (src/tools/Write-TypesFile.ps1). Members the source types file already defines (RunwayTask.Output,
    /// SavedTo) are left to it. ConvertTo-Json reads the .NET property itself, not this one, so an
    /// output type holds a kind as a string property (RunwayModel.Kind), never an enum: the contract test checks both.
    /// </summary>
    public static class ExportMembers
    {
        /// <summary>The property as the user sees it: enums by name; lists, dictionaries and nested objects as themselves, read as text.</summary>
        public static object? Get(object target, string name)
        {
            object instance = target is PSObject ps ? ps.BaseObject : target;
            PropertyInfo? property = instance?.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
            object? value = property?.GetValue(instance);
            switch (value)
            {
                case null: return null;
                case string s: return s;
                case Enum e: return e.ToString();
                default: return Readable(value);
            }
        }

        /// <summary>Setting the property back takes what Get gave (an enum name, a list) or the original type.</summary>
        public static void Set(object target, string name, object value)
        {
            object instance = target is PSObject ps ? ps.BaseObject : target;
            PropertyInfo property = instance.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            property.SetValue(instance, value == null ? null : LanguagePrimitives.ConvertTo(value, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
        }

        /// <summary>One value as text: its own ToString when it has one, else "Name=value, ..." of its simple properties.</summary>
        public static string Text(object value)
        {
            if (value is PSObject ps) value = ps.BaseObject;
            if (value == null) return string.Empty;
            if (value is string s) return s;
            // A list inside an entry joins with commas, so that "; " still separates the entries.
            if (value is IDictionary d) return string.Join("; ", d.Keys.Cast<object>().Select(k => Text(k) + "=" + (d[k] is IEnumerable inner && !(d[k] is string) ? string.Join(", ", inner.Cast<object>().Select(Text)) : Text(d[k]))));
            if (value is IEnumerable list) return string.Join("; ", list.Cast<object>().Select(Text));
            Type type = value.GetType();
            if (!IsModuleType(type) || OverridesToString(type)) return Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            return string.Join(", ", type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && IsSimple(p.PropertyType))
                .Select(p => new { p.Name, Value = p.GetValue(value) })
                .Where(p => p.Value != null && !(p.Value is string t && t.Length == 0))
                .Select(p => p.Name + "=" + Text(p.Value)));
        }

        /// <summary>
        /// The members the rule gives, type by type: build.ps1 writes them into the shipped Runway.Types.ps1xml (after the
        /// members the source types file declares itself, which it leaves alone), so the import reflects over nothing.
        /// </summary>
        public static IReadOnlyList<ExportMember> Members()
        {
            var members = new List<ExportMember>();
            foreach (Type type in OutputTypes())
            {
                foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.GetIndexParameters().Length > 0 || !NeedsText(property.PropertyType)) continue;
                    members.Add(new ExportMember(type.FullName!, property.Name, property.CanWrite && property.SetMethod!.IsPublic));
                }
            }
            return members;
        }

        /// <summary>Every module type a cmdlet of the module declares as output, and the module types nested in them.</summary>
        public static IReadOnlyList<Type> OutputTypes()
        {
            Assembly assembly = typeof(ExportMembers).Assembly;
            var found = new List<Type>();
            var pending = new Queue<Type>(assembly.GetTypes()
                .Where(t => t.IsPublic && typeof(Cmdlet).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(CmdletAttribute), false).Length > 0)
                .SelectMany(t => t.GetCustomAttributes(typeof(OutputTypeAttribute), true).Cast<OutputTypeAttribute>())
                .SelectMany(a => a.Type).Select(t => t.Type).Where(t => t != null && IsModuleType(t)));
            while (pending.Count > 0)
            {
                Type type = pending.Dequeue();
                if (found.Contains(type)) continue;
                found.Add(type);
                foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    Type element = ElementOf(property.PropertyType);
                    if (element != null && IsModuleType(element) && element.IsClass) pending.Enqueue(element);
                }
            }
            return found;
        }

        private static Type ElementOf(Type type)
        {
            if (type.IsArray) return type.GetElementType();
            if (type.IsGenericType) return type.GetGenericArguments().Last();
            return type;
        }

        private static bool NeedsText(Type type)
        {
            Type underlying = Nullable.GetUnderlyingType(type) ?? type;
            return underlying.IsEnum || !IsSimple(underlying);
        }

        private static bool IsSimple(Type type)
        {
            Type underlying = Nullable.GetUnderlyingType(type) ?? type;
            return underlying == typeof(string) || underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(decimal)
                || underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset) || underlying == typeof(TimeSpan)
                || underlying == typeof(Guid) || underlying == typeof(Uri);
        }

        private static bool IsModuleType(Type type) => type.Assembly == typeof(ExportMembers).Assembly;

        private static bool OverridesToString(Type type) =>
            type.GetMethod("ToString", Type.EmptyTypes)?.DeclaringType != typeof(object);

        // A list, dictionary or nested module object stays itself (indexing and members still work) with a ToString that
        // reads as text: PowerShell writes a CSV cell from the PSObject's ToString, which prefers this instance member.
        private static object Readable(object value)
        {
            Type type = value.GetType();
            if (!(value is IEnumerable) && (!IsModuleType(type) || OverridesToString(type))) return value;
            var wrapped = new PSObject(value);
            wrapped.Members.Add(new PSScriptMethod("ToString", ScriptBlock.Create("[Runway.Shell.ExportMembers]::Text($this)")));
            return wrapped;
        }
    }

    /// <summary>One ETS member of <see cref="ExportMembers"/>: a property of a type that reads as text.</summary>
    public sealed class ExportMember
    {
        public ExportMember(string typeName, string name, bool settable)
        {
            TypeName = typeName;
            Name = name;
            Settable = settable;
        }

        public string TypeName { get; }

        public string Name { get; }

        public bool Settable { get; }
    }
}
