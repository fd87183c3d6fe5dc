namespace Runway.Shell
{
    /// <summary>The tags of the module's information records: one array each, since WriteInformation copies the tags it is given.</summary>
    internal static class InformationTags
    {
        /// <summary>A message about something the command made (Write-Information's "Runway" tag).</summary>
        public static readonly string[] Created = { "Runway" };
        public static readonly string[] TaskCreated = { "Runway.TaskCreated" };
        public static readonly string[] WorkflowStarted = { "Runway.WorkflowStarted" };
    }
}
