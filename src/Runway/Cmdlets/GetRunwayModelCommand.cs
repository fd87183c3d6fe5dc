using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>
    /// Lists the models the module knows (endpoints, cmdlet, ratios, durations, price, fields), merged with the
    /// organization's tier: which ones this key can use, how many at once and per day, and today's use.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "RunwayModel", HelpUri = RunwayCmdlet.HelpUriBase + "Get-RunwayModel.md")]
    [OutputType(typeof(RunwayModel))]
    public sealed class GetRunwayModelCommand : RunwayCmdlet
    {
        private readonly List<string> names = new List<string>();
        private bool namesGiven;

        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Model")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CatalogModelCompleter))]
        [TextInput(typeof(RunwayModel), typeof(RunwayTask), typeof(RunwayUsageRecord), typeof(RunwayRouterRequest), typeof(RunwayVoicePreview))]
        public string[]? Name { get; set; }

        /// <summary>Only the models served on these endpoints (path below /v1/, e.g. text_to_image).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(EndpointCompleter))]
        public string[]? Endpoint { get; set; }

        /// <summary>Only the models these cmdlets use (New-RunwayVideo, New-RunwaySpeech...).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TaskCmdletCompleter))]
        public string[]? Cmdlet { get; set; }

        /// <summary>Only the models that make this kind of media.</summary>
        [Parameter]
        public MediaKind[]? Kind { get; set; }

        /// <summary>The catalog only: the organization is not asked (no request at all).</summary>
        [Parameter]
        public SwitchParameter Offline { get; set; }

        protected override void OnBegin()
        {
            // Unknown filter values are refused before anything is sent.
            Check(Endpoint, "Endpoint", ModelCatalog.EndpointTable.Select(e => e.Name).ToArray(), "Runway.UnknownEndpoint", "endpoint");
            Check(Cmdlet, "Cmdlet", ModelCatalog.EndpointTable.Select(e => e.Cmdlet).Distinct().ToArray(), "Runway.UnknownCmdlet", "cmdlet that creates tasks");
        }

        protected override void OnRecord()
        {
            if (Name == null) return;
            namesGiven = true;
            // A bad pattern is refused here, before the organization is read.
            foreach (string name in Name.Select(n => n.Trim()))
            {
                try
                {
                    NameFilter.Pattern(name, nameof(Name));
                    names.Add(name);
                }
                catch (RunwayInputException ex)
                {
                    WriteError(ErrorPolicy.FromException(ex, name));
                }
            }
        }

        protected override void EndProcessing()
        {
            if (namesGiven && names.Count == 0) return;
            RunwayCredit? organization = Offline ? null : ReadOrganization();
            IReadOnlyList<RunwayModel> all = ModelListing.Build(organization);
            var shown = new List<RunwayModel>();
            if (!namesGiven) shown.AddRange(all);
            foreach (string name in names)
            {
                WildcardPattern pattern = NameFilter.Pattern(name, nameof(Name));
                RunwayModel[] matches = all.Where(m => pattern.IsMatch(m.Name)).ToArray();
                if (matches.Length == 0 && ModelCatalog.Retired.ContainsKey(name)) matches = new[] { ModelListing.Retired(name) };
                if (matches.Length == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                    Report(new RunwayInputException(
                        $"No model named '{name}' in the module's catalog{(organization != null ? " or the organization's tier" : string.Empty)}. " +
                        "Get-RunwayModel without -Name lists them all.", "Name", "Runway.ModelNotFound", name, ErrorKind.ObjectNotFound), name);
                shown.AddRange(matches.Where(m => !shown.Any(s => s.Name == m.Name)));
            }
            foreach (RunwayModel model in shown.Where(Selected)) WriteObject(model);
        }

        private bool Selected(RunwayModel model) =>
            (Endpoint == null || model.Endpoints.Any(e => Endpoint.Contains(e, StringComparer.OrdinalIgnoreCase)))
            && (Cmdlet == null || model.Cmdlets.Any(c => Cmdlet.Contains(c, StringComparer.OrdinalIgnoreCase)))
            && (Kind == null || (model.Kind != null && Kind.Any(k => k.ToString() == model.Kind)));

        /// <summary>GET /v1/organization (free); without a key, or when it fails, the catalog alone is shown.</summary>
        private RunwayCredit? ReadOrganization()
        {
            RunwayCredit? organization = null;
            bool noKey = false;
            RunForItem("organization", async token =>
            {
                if (!RunwaySession.Current.HasApiKey) noKey = true;
                else organization = await Api.GetOrganizationAsync(token).ConfigureAwait(false);
            });
            if (noKey)
                WriteWarning($"No API key is set (Connect-Runway or ${RunwayConfiguration.ApiKeyVariable}), so the organization's tier was not read: showing the catalog only. Use -Offline to skip it without this warning.");
            return organization;
        }

        private void Check(string[]? values, string parameter, string[] allowed, string errorId, string what)
        {
            foreach (string value in values ?? Array.Empty<string>())
                if (!allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
                    ThrowTerminatingError(ErrorPolicy.FromException(new RunwayInputException(
                        $"'{value}' is not a {what} the module knows. Allowed: {string.Join(", ", allowed)}.", parameter, errorId, value), value));
        }
    }
}
