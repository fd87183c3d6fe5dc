using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using Runway.Api;
using Runway.Completion;
using Runway.Models;
using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>Lists avatar conversations (newest first, page by page), or gets them by id with their transcripts.</summary>
    [Cmdlet(VerbsCommon.Get, "RunwayAvatarConversation", DefaultParameterSetName = ListSet, SupportsPaging = true,
        HelpUri = RunwayCmdlet.HelpUriBase + "Get-RunwayAvatarConversation.md")]
    [OutputType(typeof(RunwayAvatarConversation))]
    [OutputType(typeof(RunwayConversationTurn))]
    public sealed class GetRunwayAvatarConversationCommand : RunwayCmdlet, IResumableList
    {
        private const string ListSet = "List";
        private const string IdSet = "Id";

        /// <summary>Conversation ids (a realtime session's id is its conversation's id).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = IdSet)]
        [ValidateNotNullOrEmpty]
        [Alias("ConversationId", "SessionId")]
        [ResourceIdInput("conversation", typeof(RunwayAvatarConversation), typeof(RunwayRealtimeSession))]
        [ArgumentCompleter(typeof(ConversationIdCompleter))]
        public string[]? Id { get; set; }

        /// <summary>Output the transcript's entries instead of the conversation.</summary>
        [Parameter(ParameterSetName = IdSet)]
        public SwitchParameter Transcript { get; set; }

        /// <summary>Only conversations with this custom avatar.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CustomAvatarCompleter))]
        public string? Avatar { get; set; }

        /// <summary>Only conversations created at or after this time.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTime Start { get; set; }

        /// <summary>Only conversations created before this time.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public DateTime End { get; set; }

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
                bool hasStart = MyInvocation.BoundParameters.ContainsKey(nameof(Start)), hasEnd = MyInvocation.BoundParameters.ContainsKey(nameof(End));
                if (hasStart && hasEnd && End <= Start)
                {
                    WriteError(ErrorPolicy.InvalidArgument("Runway.InvalidDateRange", $"-End ({End:u}) must be after -Start ({Start:u}).", End));
                    return;
                }
                // The API filters by custom avatar only: a preset's name would match nothing, without a word.
                if (Avatar != null && AvatarFacts.FindAvatarPreset(Avatar.Trim()) is string preset)
                {
                    WriteError(ErrorPolicy.FromException(new RunwayInputException(
                        $"-Avatar filters by custom avatar id (the API cannot filter by preset); '{Avatar}' is the preset avatar '{preset}'. " +
                        $"List them all and filter: Get-RunwayAvatarConversation | Where-Object AvatarId -eq '{preset}'. Nothing was sent.",
                        nameof(Avatar), "Runway.PresetAvatarFilter", Avatar), Avatar));
                    return;
                }
                if (Avatar != null && !IsValidId(Avatar.Trim(), "avatar")) return;
                var query = new Dictionary<string, string>();
                if (Avatar != null) query["avatar"] = Avatar.Trim();
                if (hasStart) query["startDate"] = Iso(Start);
                if (hasEnd) query["endDate"] = Iso(End);
                PagedOutput.Write(this, AvatarApi.Conversations, query, AvatarApi.ReadConversation);
                return;
            }
            foreach (string id in ValidIds(Id, "avatar conversation"))
                RunForItem(id, async token =>
                {
                    RunwayAvatarConversation conversation = await Api.GetAsync(AvatarApi.Conversations, id, AvatarApi.ReadConversation, token).ConfigureAwait(false);
                    OnPipeline(() =>
                    {
                        if (Transcript) WriteObject(conversation.Transcript, enumerateCollection: true);
                        else WriteObject(conversation);
                    });
                });
        }

        internal static string Iso(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
