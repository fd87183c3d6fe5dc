using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using Runway.Api;
using Runway.Models;

namespace Runway.Completion
{
    /// <summary>
    /// Completes -Router with the slugs of the user's Model Routers: the list (free) read page by page with a short
    /// timeout and kept for a minute; any failure just offers nothing.
    /// </summary>
    public sealed class RouterSlugCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(3);
        private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);
        private static readonly object Gate = new object();
        private static List<RunwayRouter> known = new List<RunwayRouter>();
        private static string? knownFor;
        private static DateTimeOffset knownAt;
        private static int knownChanges = -1;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            List<RunwayRouter> routers = Routers();
            return CompletionContext.Offer(routers.Select(r => r.Slug).OfType<string>().Where(s => s.Length > 0), wordToComplete, slug =>
            {
                RunwayRouter router = routers.First(r => r.Slug == slug);
                return $"{router.Name} (optimizes for {router.OptimizeFor ?? "cost"}" + (router.Description != null ? "; " + router.Description : string.Empty) + ")";
            });
        }

        internal static List<RunwayRouter> Routers()
        {
            string? session = RunwaySession.Current?.BaseUri?.ToString();
            lock (Gate)
                if (knownFor == session && knownChanges == RouterApi.Changes && DateTimeOffset.UtcNow - knownAt < KeepFor) return known;
            int changes = RouterApi.Changes;
            var routers = new List<RunwayRouter>();
            try
            {
                using (var timeout = new CancellationTokenSource(FetchTimeout))
                {
                    var client = new RunwayClient(RunwaySession.Current, null);
                    CursorPages.ForEachAsync(client, RouterApi.ListPath, null, null, item =>
                    {
                        routers.Add(RunwayRouter.FromJson(item));
                        return true;
                    }, timeout.Token).GetAwaiter().GetResult();
                }
            }
            catch (Exception)
            {
                // Completion never fails: no key, no network or a slow API offers what was read.
            }
            lock (Gate)
            {
                known = routers;
                knownFor = session;
                knownAt = DateTimeOffset.UtcNow;
                knownChanges = changes;
            }
            return routers;
        }
    }

    /// <summary>Completes the routed inputs' fixed values (-AspectRatio, -Resolution, -Type) from <see cref="RoutedInput"/>.</summary>
    public sealed class RoutedValueCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            bool image = commandName.IndexOf("Image", StringComparison.OrdinalIgnoreCase) >= 0;
            switch (parameterName.ToLowerInvariant())
            {
                case "aspectratio": return CompletionContext.Offer(image ? RoutedInput.ImageAspectRatios : RoutedInput.VideoAspectRatios, wordToComplete);
                case "resolution": return CompletionContext.Offer(image ? RoutedInput.ImageResolutions : RoutedInput.VideoResolutions, wordToComplete);
                case "type": return CompletionContext.Offer(RoutedInput.AudioTypes, wordToComplete);
                default: return Enumerable.Empty<CompletionResult>();
            }
        }
    }
}
