using System;
using System.Management.Automation;
using Runway.Api;

namespace Runway.Shell
{
    /// <summary>An avatar that failed is an error (with the avatar as target); any other is output.</summary>
    public static class AvatarOutput
    {
        public static void Write(Cmdlet cmdlet, RunwayAvatar avatar)
        {
            if (avatar.Status == RunwayAvatar.Failed)
                cmdlet.WriteError(new ErrorRecord(new InvalidOperationException(ErrorPolicy.Sentence($"Avatar {avatar.Id} ('{avatar.Name}') failed: {avatar.FailureReason}")),
                    "Runway.AvatarFailed", ErrorCategory.InvalidResult, avatar));
            else
                cmdlet.WriteObject(avatar);
        }
    }
}
