using System;
using Runway.Api;

namespace Runway.Models
{
    /// <summary>Input the API would reject (or that cannot be read), caught before anything is sent.</summary>
    public sealed class RunwayInputException : ArgumentException
    {
        public RunwayInputException(string message, string parameterName, string errorId, object target,
            ErrorKind category = ErrorKind.InvalidArgument, Exception inner = null)
            : base(message, inner)
        {
            Parameter = parameterName;
            ErrorId = errorId;
            Target = target;
            Category = category;
        }

        /// <summary>The cmdlet parameter at fault (without the dash).</summary>
        public string Parameter { get; }
        public string ErrorId { get; }
        public object Target { get; }
        public ErrorKind Category { get; }
        public override string Message => base.Message;
    }
}
