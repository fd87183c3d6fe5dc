using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Renames a knowledge document or replaces its content (from text or a local file).</summary>
    [Cmdlet(VerbsCommon.Set, "RunwayDocument", DefaultParameterSetName = TextSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = RunwayCmdlet.HelpUriBase + "Set-RunwayDocument.md")]
    [OutputType(typeof(RunwayDocument))]
    public sealed class SetRunwayDocumentCommand : ResourceCmdlet
    {
        private const string TextSet = "Text";
        private const string FileSet = "File";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [Alias("DocumentId")]
        [ArgumentCompleter(typeof(DocumentIdCompleter))]
        [ResourceIdInput("document", typeof(RunwayDocument))]
        public string Id { get; set; } = null!;

        [Parameter]
        public string? Name { get; set; }

        /// <summary>The new content (replaces the old).</summary>
        [Parameter(ParameterSetName = TextSet)]
        [AllowEmptyString]
        public string? Content { get; set; }

        /// <summary>A local text or Markdown file whose text replaces the content.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FileSet)]
        [ValidateNotNull]
        public object? Path { get; set; }

        /// <summary>Output the document as it is after the change (one more request: the API answers a change with no body).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void OnRecord()
        {
            if (!IsValidId(Id, "knowledge document")) return;
            ResourceRequest? request = Build(() => AvatarRequests.DocumentUpdate(Id, new UpdateSpec
            {
                Name = Name,
                Content = ParameterSetName == FileSet ? TextFiles.Read(this, Path, out _) : Content,
            }), Id);
            if (request == null) return;
            if (request.Body["content"] is System.Text.Json.Nodes.JsonNode content
                && AvatarRequests.KnowledgeWarning($"Document {Id}", content.GetValue<string>().Length) is string warning)
                WriteWarning(warning);
            if (!Confirm(request, "Update knowledge document"))
                return;
            RunForItem(Id, async token =>
            {
                await Api.UpdateAsync(AvatarApi.Documents, Id, request.Body, token).ConfigureAwait(false);
                if (!PassThru) return;
                RunwayDocument document = await Api.GetAsync(AvatarApi.Documents, Id, AvatarApi.ReadDocument, token).ConfigureAwait(false);
                OnPipeline(() => WriteObject(document));
            });
        }
    }
}
