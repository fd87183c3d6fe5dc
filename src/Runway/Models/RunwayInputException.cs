using System;
using Runway.Api;

namespace Runway.Models
{
    /// <summary>Input the API would reject (or that cannot be read), caught before anything is sent.</summary>
    public sealed class RunwayInputException : ArgumentException
    {
        public RunwayInputException(string message, string? cmdletParameter, string errorId, object? target,
            ErrorKind category = ErrorKind.InvalidArgument, Exception? inner = null)
            : base(message, inner)
        {
            // A parameter of the cmdlet, not of the method that throws: ArgumentException.ParamName stays unset (Message would quote it).
            Parameter = cmdletParameter;
            ErrorId = errorId;
            Target = target;
            Category = category;
        }

        /// <summary>The cmdlet parameter at fault (without the dash).</summary>
        public string? Parameter { get; }
        public string ErrorId { get; }
        public object? Target { get; }
        public ErrorKind Category { get; }
        public override string Message => base.Message;

        /// <summary>
        /// Refuses an id that cannot name a <paramref name="what"/> (the rule of <see cref="ResourceId"/>), as Runway.InvalidId:
        /// ids sent in a body are checked like ids in a path.
        /// </summary>
        public static void CheckId(string? id, string parameter, string what)
        {
            string? problem = ResourceId.Problem(id);
            if (problem != null)
                throw new RunwayInputException($"-{parameter} '{id}' is not a valid {what} id ({problem}); nothing was sent.", parameter, "Runway.InvalidId", id);
        }
    }
}
