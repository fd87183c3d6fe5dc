using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Deletes knowledge documents; the API also takes each one off every avatar that used it.</summary>
    [Cmdlet(VerbsCommon.Remove, "RunwayDocument", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High,
        HelpUri = RunwayCmdlet.HelpUriBase + "Remove-RunwayDocument.md")]
    [OutputType(typeof(void))]
    public sealed class RemoveRunwayDocumentCommand : DestructiveCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [Alias("DocumentId")]
        [ArgumentCompleter(typeof(DocumentIdCompleter))]
        [ResourceIdInput("document", typeof(RunwayDocument))]
        public string[] Id { get; set; } = null!;

        protected override void OnRecord()
        {
            foreach (string id in ValidIds(Id, "knowledge document"))
            {
                string? name = Seen.Documents.Find(id)?.Name;
                if (!ShouldDestroy(name == null ? $"knowledge document {id}" : $"knowledge document {id} ('{name}')", "Delete (and detach from every avatar)"))
                    continue;
                if (RunForItem(id, token => Api.DeleteAsync(AvatarApi.Documents, id, token)))
                    Seen.Documents.Forget(id);
            }
        }
    }
}
