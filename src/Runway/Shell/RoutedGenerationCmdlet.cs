using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using Runway.Api;
using Runway.Completion;
using Runway.Models;

namespace Runway.Shell
{
    /// <summary>
    /// What the routed generation cmdlets (POST /v1/generate/*) share: -Router, media records with roles and
    /// keyframes, and the router's price ceiling, read once per command from the router list (a free read, made
    /// only after the input passed every local check).
    /// </summary>
    public abstract class RoutedGenerationCmdlet : GenerationCmdlet
    {
        private readonly Dictionary<string, RunwayRouter> routers = new Dictionary<string, RunwayRouter>(StringComparer.Ordinal);

        /// <summary>The slug of the Model Router that picks the model (Get-RunwayRouter lists them).</summary>
        [Parameter(Mandatory = true)]
        [Alias("ConfigId")]
        [ArgumentCompleter(typeof(RouterSlugCompleter))]
        public string Router { get; set; } = null!;

        /// <summary>The validated request with the router's ceiling (when it sets one) as the most it can cost.</summary>
        protected GenerationRequest Priced(GenerationRequest request, Func<RunwayRouter, decimal?> ceiling, object source)
        {
            // The builder always names the router.
            string slug = (request.Body["configId"] ?? throw new InvalidOperationException("A routed request names its router (configId).")).GetValue<string>();
            RunwayRouter? router = Find(slug);
            // A router named by its id is sent by its slug, the only name the generate endpoints take.
            if (router?.Slug != null) request.Body["configId"] = router.Slug;
            RoutedRequestBuilder.ApplyCeiling(request, router == null ? null : ceiling(router), router?.Id);
            request.Source = source;
            return request;
        }

        /// <summary>One media value, or a record carrying its Uri and Role (@{ Uri = 'b.png'; Role = 'last' }).</summary>
        protected RoutedMedia WithRole(object item, string parameter, MediaKind kind, string? role)
        {
            object? value = InputBinder.Unwrap(item);
            if ((value is IDictionary || (value is PSObject record && record.BaseObject is PSCustomObject)) && InputBinder.HasProperty(value, "Role"))
                role = InputBinder.PropertyValue(value, "Role")?.ToString();
            return new RoutedMedia(Media(value, parameter, RoleKeys, kind), role, parameter);
        }

        private static readonly string[] RoleKeys = { "Role" };
        private static readonly string[] KeyframeImageKeys = { "Image", "Uri", "Url", "Path", "FullName" };
        private static readonly string[] KeyframeKeys = { "Seconds", "At", "Image", "Uri", "Url", "Path", "FullName", "StartSeconds", "EndSeconds" };

        protected IEnumerable<IMediaInput?> MediaList(object[]? items, string parameter, MediaKind kind) =>
            (items ?? System.Array.Empty<object>()).Select(item => (IMediaInput?)Media(item, parameter, kind == MediaKind.Audio ? new[] { MediaKind.Audio, MediaKind.Video } : new[] { kind }));

        /// <summary>A -Keyframe record: @{ Seconds = 2; Image = 'frame.png'; StartSeconds = 1; EndSeconds = 3 } (At instead of Seconds).</summary>
        protected RoutedKeyframe KeyframeFrom(object item)
        {
            object? value = InputBinder.Unwrap(item);
            if (!(value is IDictionary) && !(value is PSObject))
                throw new RunwayInputException("Each -Keyframe is a record: @{ Seconds = 2; Image = 'frame.png' } (At instead of Seconds; StartSeconds and EndSeconds for a range).", "Keyframe", "Runway.InvalidKeyframe", value);
            RecordKeys.Check(value, "Keyframe", "a keyframe", KeyframeKeys);
            object? image = KeyframeImageKeys.Where(k => InputBinder.HasProperty(value, k)).Select(k => InputBinder.PropertyValue(value, k)).FirstOrDefault();
            return new RoutedKeyframe
            {
                Seconds = Number(value, "Seconds"),
                At = Number(value, "At"),
                Image = image == null ? null : Media(image, "Keyframe", MediaKind.Image),
                RangeStart = Number(value, "StartSeconds"),
                RangeEnd = Number(value, "EndSeconds"),
            };
        }

        private static double? Number(object record, string name)
        {
            if (!InputBinder.HasProperty(record, name)) return null;
            object? value = InputBinder.Unwrap(InputBinder.PropertyValue(record, name));
            try
            {
                return value == null ? (double?)null : Convert.ToDouble(value, CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is FormatException || ex is InvalidCastException)
            {
                throw new RunwayInputException($"A -Keyframe's {name} must be a number of seconds; '{value}' is not.", "Keyframe", "Runway.InvalidKeyframe", value);
            }
        }

        /// <summary>The router with this slug, read from the list once per command; null (with a warning) when the list cannot be read.</summary>
        private RunwayRouter? Find(string slug)
        {
            if (routers.TryGetValue(slug, out RunwayRouter? known)) return known;
            RunwayRouter? found = null;
            try
            {
                Run(async token => found = await Api.FindRouterAsync(slug, token).ConfigureAwait(false));
            }
            catch (RunwayApiException ex)
            {
                // The create itself reports what is wrong (a bad key, the API down); a free read only prices it.
                WriteWarning($"Could not read the router '{slug}' ({ex.Message}); its price ceiling is unknown, so the price is unknown until the API answers.");
                return null;
            }
            if (found == null)
                throw new RunwayInputException(
                    $"No Model Router has the slug or id '{slug}'. Get-RunwayRouter lists the routers; New-RunwayRouter -Slug '{slug}' makes one.",
                    nameof(Router), "Runway.RouterNotFound", slug, ErrorKind.ObjectNotFound);
            routers[slug] = found;
            return found;
        }
    }
}
