using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace Runway.Shell
{
    /// <summary>
    /// The one rule for a text parameter that takes pipeline input: a string (or a number) binds, any other object is
    /// refused, so that a voice, a task or a hashtable never becomes a prompt, a slug or an id through its ToString().
    /// <see cref="From"/> names the module's object types whose property of the parameter's name is meant for it
    /// (Contract.Tests pipes every output type into every cmdlet and checks each binding against this list).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public class TextInputAttribute : ArgumentTransformationAttribute
    {
        public TextInputAttribute(params Type[] from)
        {
            From = from ?? Type.EmptyTypes;
        }

        /// <summary>The module's types that may bind this parameter (by property name or, for ids, as a whole).</summary>
        public Type[] From { get; }

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData) => Map(inputData);

        private object Map(object inputData)
        {
            object value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (value == null || IsText(value)) return inputData;
            // A piped hashtable is a record: GenerationCmdlet binds it by key (RecordBinding); other cmdlets refuse it (RunwayCmdlet.ProcessRecord).
            if (value is IDictionary && TakesRecords) return inputData;
            if (value is IList list && !(value is IDictionary))
            {
                var items = new object[list.Count];
                for (int i = 0; i < list.Count; i++) items[i] = Map(list[i]);
                return items;
            }
            object? mapped = FromObject(value, inputData as PSObject);
            if (mapped != null) return mapped;
            // Not thrown: PowerShell would stop there instead of trying the command's other parameters (a FileInfo
            // piped to Send-RunwayFile binds -LiteralPath); a value that cannot become text fails this one softly.
            return new NotText(Refusal(value));
        }

        /// <summary>What an object (not text) gives this parameter; null refuses it.</summary>
        protected virtual object? FromObject(object value, PSObject? wrapped) => null;

        protected virtual string Refusal(object value) =>
            $"A {Describe(value)} is not text: give the value itself (for example -{Noun} '...'), or pipe an object that has a property of the parameter's name.";

        protected virtual string Noun => "Prompt";

        /// <summary>True when a hashtable passes on to the cmdlet's own record binding.</summary>
        protected virtual bool TakesRecords => true;

        // A Guid is an id as written ([guid]::NewGuid() given to -Id), not an object of another kind.
        internal static bool IsText(object value) =>
            value is string || value is char || value is decimal || value is Guid || value.GetType().IsPrimitive;

        internal static string Describe(object value) =>
            value is PSCustomObject ? "custom object" : value is IDictionary ? "hashtable" : value.GetType().Name;
    }

    /// <summary>What a refused object becomes: it cannot be converted to text (its ToString throws, with the reason).</summary>
    public sealed class NotText
    {
        private readonly string reason;

        internal NotText(string reason)
        {
            this.reason = reason;
        }

        public override string ToString() => throw new InvalidCastException(reason);
    }

    /// <summary>
    /// An id parameter that takes pipeline input: a string, an object of the resource's own type (its Id), or an untyped
    /// record (Import-Csv, [pscustomobject]) carrying an Id; an object of another type is refused, so that a task piped to
    /// an avatar cmdlet never sends the task's id as the avatar's. Such a parameter takes the pipeline by value only:
    /// binding by the property name "Id" would accept every object that has one.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ResourceIdInputAttribute : TextInputAttribute
    {
        public ResourceIdInputAttribute(string what, params Type[] from) : base(from)
        {
            What = what;
        }

        /// <summary>What the id names, for the message ("avatar", "router").</summary>
        public string What { get; }

        /// <summary>The properties read from an object of a <see cref="TextInputAttribute.From"/> type, in order.</summary>
        public string[] Properties { get; set; } = { "Id" };

        protected override string Noun => "Id";

        protected override bool TakesRecords => false;

        protected override object? FromObject(object value, PSObject? wrapped)
        {
            if (From.Any(t => t.IsInstanceOfType(value)))
            {
                foreach (string name in Properties)
                {
                    PropertyInfo property = value.GetType().GetProperty(name);
                    if (property?.GetValue(value) is string id && id.Length > 0) return id;
                }
                return null;
            }
            if (value is PSCustomObject && wrapped != null)
            {
                // A record the user made: its Id (or a property named after the resource, like AvatarId) is meant as the id.
                string own = char.ToUpperInvariant(What[0]) + What.Substring(1).Replace(" ", string.Empty) + "Id";
                foreach (string name in new[] { own }.Concat(Properties))
                    if (wrapped.Properties[name]?.Value is object id && IsText(id is PSObject p ? p.BaseObject : id)) return id.ToString();
            }
            return null;
        }

        protected override string Refusal(object value)
        {
            string accepted = From.Length == 0 ? "a string" : string.Join(" or ", From.Select(t => t.Name));
            return $"A {Describe(value)} does not name {Article(What)} {What}: pipe {accepted}, a record with an Id, or give the {What} id (-Id '...').";
        }

        private static string Article(string word) => "aeiou".IndexOf(char.ToLowerInvariant(word[0])) >= 0 ? "an" : "a";
    }
}
