using System.IO;
using System.Management.Automation;
using Runway.Api;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Creates a knowledge document for avatars from text, Markdown or a local text file.</summary>
    [Cmdlet(VerbsCommon.New, "RunwayDocument", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low,
        HelpUri = RunwayCmdlet.HelpUriBase + "New-RunwayDocument.md")]
    [OutputType(typeof(RunwayDocument))]
    public sealed class NewRunwayDocumentCommand : ResourceCmdlet
    {
        /// <summary>The document's name; with -Path, the file name when left out.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [TextInput]
        public string? Name { get; set; }

        /// <summary>The knowledge: plain text or Markdown (give this or -Path).</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [TextInput]
        public string? Content { get; set; }

        /// <summary>A local text or Markdown file to read the content from.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        public object? Path { get; set; }

        protected override void OnRecord()
        {
            string? fullPath = null;
            ResourceRequest? request = Build(() =>
            {
                if ((Path == null) == (Content == null))
                    throw new RunwayInputException("Give the document's text with -Content, or a text or Markdown file with -Path (one of them).", "Content", "Runway.MissingInput", Name);
                string? content = Path != null ? TextFiles.Read(this, Path, out fullPath) : Content;
                string? name = string.IsNullOrWhiteSpace(Name) && fullPath != null ? System.IO.Path.GetFileName(fullPath) : Name;
                if (string.IsNullOrWhiteSpace(name))
                    throw new RunwayInputException("-Name is required with -Content.", "Name", "Runway.EmptyText", Content);
                return AvatarRequests.Document(name, content, fullPath == null ? null : System.IO.Path.GetFileName(fullPath));
            }, Name ?? Path);
            if (request == null) return;
            string? warning = AvatarRequests.KnowledgeWarning($"Document '{request.Body["name"]}'", (request.Body["content"]?.GetValue<string>() ?? string.Empty).Length);
            if (warning != null) WriteWarning(warning);
            if (!ShouldProcess(request.Summary, "Create knowledge document"))
                return;
            RunForItem(fullPath ?? Name, async token =>
            {
                string path = AvatarApi.Documents;
                var json = await Api.Client.PostAsync(path, request.Body, RequestKind.CreateResource, token).ConfigureAwait(false);
                RunwayDocument document = AvatarApi.ReadDocument(json);
                OnPipeline(() => WriteObject(document));
            });
        }
    }
}
