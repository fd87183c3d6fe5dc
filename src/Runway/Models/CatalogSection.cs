using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Runway.Models
{
    /// <summary>
    /// The descriptor of an endpoint or a family of endpoints: its rows of the endpoint table (path, cmdlet, default
    /// model, selecting parameters) and its models (summary, price or <see cref="UnknownPrice"/>, the module's
    /// defaults). The catalog composes every section it finds in this assembly, by <see cref="Order"/>, so a new
    /// endpoint's descriptor file adds itself (its path constant goes in the partial <see cref="Endpoints"/>, its
    /// builder in the partial RequestBuilder, both in the same file).
    /// </summary>
    public abstract class CatalogSection
    {
        /// <summary>Where the section's rows and models stand: the selection order between endpoints of one cmdlet, and the listing order.</summary>
        public abstract int Order { get; }
        public abstract IEnumerable<EndpointInfo> EndpointRows { get; }
        public abstract IEnumerable<ModelInfo> Models { get; }

        /// <summary>Every section of the assembly, in order (a type PowerShell's assembly cannot load here is no section).</summary>
        internal static IReadOnlyList<CatalogSection> All()
        {
            Type[] types;
            try { types = typeof(CatalogSection).Assembly.GetTypes(); }
            catch (ReflectionTypeLoadException e) { types = e.Types.Where(t => t != null).ToArray(); }
            return types
                .Where(t => t.IsSubclassOf(typeof(CatalogSection)) && !t.IsAbstract)
                .Select(t => (CatalogSection)Activator.CreateInstance(t, nonPublic: true))
                .OrderBy(s => s.Order).ThenBy(s => s.GetType().FullName, StringComparer.Ordinal)
                .ToArray();
        }
    }

    /// <summary>
    /// The descriptor of one endpoint (every file of Models/Descriptors declares one): its one row of the endpoint table
    /// and the models only it serves (models several endpoints share sit in their family's table), at <see cref="Order"/>.
    /// </summary>
    public abstract class EndpointSection : CatalogSection
    {
        private readonly int order;
        private readonly EndpointInfo[] rows;
        private readonly ModelInfo[] models;

        private protected EndpointSection(int order, EndpointInfo row, params ModelInfo[] models)
        {
            this.order = order;
            rows = new[] { row };
            this.models = models;
        }

        public sealed override int Order => order;
        public sealed override IEnumerable<EndpointInfo> EndpointRows => rows;
        public sealed override IEnumerable<ModelInfo> Models => models;
    }
}
