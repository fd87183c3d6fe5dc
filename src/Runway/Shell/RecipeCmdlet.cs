using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Runway.Completion;
using Runway.Models;

namespace Runway.Shell
{
    /// <summary>What the recipe cmdlets (POST /v1/recipes/{name}) share beyond <see cref="GenerationCmdlet"/>: -Version and media lists.</summary>
    public abstract class RecipeCmdlet : GenerationCmdlet
    {
        /// <summary>The recipe's workflow version; default: the newest dated version this module knows (never unsafe-latest).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RecipeChoiceCompleter))]
        [BlankAsNull]
        [TextInput]
        public string? Version { get; set; }

        /// <summary>True when the parameter was given (typed or bound from a piped record).</summary>
        protected bool Bound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);

        /// <summary>A switch as the API's optional boolean: null when not given, so the API's default applies.</summary>
        protected bool? Flag(string parameter, SwitchParameter value) => Bound(parameter) ? value.IsPresent : (bool?)null;

        /// <summary>Each item of a media list, classified (paths resolved through the provider).</summary>
        protected List<IMediaInput?> MediaList(object[]? items, string parameter, MediaKind kind) =>
            (items ?? System.Array.Empty<object>()).Select(item => (IMediaInput?)Media(item, parameter, kind)).ToList();

        private static readonly string[] ViewKeys = { "View" };

        /// <summary>New product images: each a path, URL, FileInfo or task, or @{ Uri = ...; View = 'front' }.</summary>
        protected List<ViewImage> ViewImages(object[] items, string parameter, string recipe)
        {
            var images = new List<ViewImage>();
            foreach (object item in items ?? System.Array.Empty<object>())
            {
                object? value = InputBinder.Unwrap(item);
                string? view = null;
                if (value is IDictionary || (value is PSObject record && record.BaseObject is PSCustomObject))
                {
                    IEnumerable<string> keys = value is IDictionary table ? table.Keys.Cast<object>().Select(k => k.ToString()) : ((PSObject)value).Properties.Select(p => p.Name);
                    RecordKeys.Check(keys, RecordKeys.MediaKeys.Concat(ViewKeys), parameter, $"a {recipe} product image");
                    view = InputBinder.PropertyValue(value, "View")?.ToString();
                }
                images.Add(new ViewImage { Source = Media(value, parameter, ViewKeys, MediaKind.Image), View = string.IsNullOrWhiteSpace(view) ? null : view });
            }
            return images;
        }

        /// <summary>The shots of -Shot (named by <paramref name="parameter"/>) as plain dictionaries (hashtables, custom objects, CSV rows).</summary>
        protected static List<IDictionary<string, object?>?>? Shots(object[]? shots, string parameter, string recipe)
        {
            if (shots == null) return null;
            var list = new List<IDictionary<string, object?>?>();
            foreach (object shot in shots)
            {
                if (Plain(shot) is IDictionary<string, object?> fields) list.Add(fields);
                else throw new RunwayInputException($"-{parameter} takes records such as @{{ Duration = 5; Prompt = '...' }}; '{shot}' is not one ({recipe}).", parameter, "Runway.InvalidShot", shot);
            }
            return list;
        }
    }
}
