using System;
using System.Collections.Generic;
using System.Linq;
using Runway.Api;

namespace Runway.Tasks
{
    /// <summary>What the journal knows of one task, folded from all its lines.</summary>
    public sealed class JournalRecord
    {
        /// <summary>Never empty: a line without an id does not fold.</summary>
        public string Id { get; set; } = string.Empty;
        public string? Endpoint { get; set; }
        public string? Model { get; set; }
        public string? Prompt { get; set; }
        /// <summary>As the journal holds them: an element is null only where a hand-edited line has a JSON null.</summary>
        public string?[] Inputs { get; set; } = Array.Empty<string>();
        public decimal? EstimatedCredits { get; set; }
        /// <summary>The final charge (cost.credits) once the task was seen finished; 0 when refunded.</summary>
        public decimal? Credits { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public string? Status { get; set; }
        public string?[] Output { get; set; } = Array.Empty<string>();
        public string? Failure { get; set; }
        public string? FailureCode { get; set; }
        public DateTimeOffset LastSeen { get; set; }
        /// <summary>When the status was seen: lines can land out of order when several sessions append.</summary>
        public DateTimeOffset StatusTime { get; set; }
        /// <summary>The API answered 404 for it (deleted, or past retention): not asked about again.</summary>
        public bool Gone { get; set; }
        /// <summary>Deleted by this user (Stop-RunwayTask on a finished task): its outputs are gone, listings leave it out.</summary>
        public bool Deleted { get; set; }
        public List<string> SavedTo { get; } = new List<string>();
        /// <summary>The router's choice, for a routed generation.</summary>
        public RunwayRouting? Routing { get; set; }
        /// <summary>The request's duration as sent ("5", "auto"); null when the request named none (images, the model's default).</summary>
        public string? Duration { get; set; }
        /// <summary>The request's seed as sent; null when none was sent (the API then picks one it does not report).</summary>
        public string? Seed { get; set; }
        /// <summary>The request's ratio as sent ("1280:720"); null when none was sent.</summary>
        public string? Ratio { get; set; }

        public RunwayTask ToTask() => new RunwayTask
        {
            Id = Id,
            Status = Status,
            Output = Array.ConvertAll(Output, url => url ?? string.Empty),
            Failure = Failure,
            FailureCode = FailureCode,
            CreatedAt = CreatedAt,
            Model = Model,
            Endpoint = Endpoint,
            EstimatedCredits = EstimatedCredits,
            Credits = Credits,
            Prompt = Prompt,
            SavedTo = SavedTo.ToArray(),
            RetrievedAt = LastSeen,
            Inputs = Inputs ?? Array.Empty<string>(),
            Routing = Routing,
        };
    }
}
