using System.Collections.Generic;
using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Gets knowledge documents by id (with their content), or lists them (without content), page by page.</summary>
    [Cmdlet(VerbsCommon.Get, "RunwayDocument", DefaultParameterSetName = ListSet, SupportsPaging = true,
        HelpUri = RunwayCmdlet.HelpUriBase + "Get-RunwayDocument.md")]
    [OutputType(typeof(RunwayDocument))]
    public sealed class GetRunwayDocumentCommand : RunwayCmdlet, IResumableList
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = IdSet)]
        [ValidateNotNullOrEmpty]
        [Alias("DocumentId")]
        [ArgumentCompleter(typeof(DocumentIdCompleter))]
        [ResourceIdInput("document", typeof(RunwayDocument))]
        public string[]? Id { get; set; }

        /// <summary>List in the order of creation or of the last change (the API needs one; default createdAt).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("createdAt", "updatedAt")]
        public string SortBy { get; set; } = "createdAt";

        /// <summary>Oldest first (default: newest first).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Ascending { get; set; }

        /// <summary>Start at this cursor (from an earlier listing stopped by -First: its information record tagged Runway.NextCursor).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? Cursor { get; set; }

        /// <summary>Items per request (the API's limit); by default as many as -Skip + -First need, at most 100.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, int.MaxValue)]
        [WholeNumber]
        public int PageSize { get; set; }

        protected override void OnRecord()
        {
            if (ParameterSetName == ListSet)
            {
                var query = new Dictionary<string, string> { ["order"] = Ascending ? "asc" : "desc", ["sort"] = SortBy };
                PagedOutput.Write(this, AvatarApi.Documents, query, AvatarApi.ReadDocument);
                Seen.Documents.Listed = true;
                return;
            }
            foreach (string id in ValidIds(Id, "knowledge document"))
                RunForItem(id, async token =>
                {
                    RunwayDocument document = await Api.GetAsync(AvatarApi.Documents, id, AvatarApi.ReadDocument, token).ConfigureAwait(false);
                    OnPipeline(() => WriteObject(document));
                });
        }
    }
}
