using System.Collections.ObjectModel;
using System.Management.Automation;
using Runway.Api;
using Runway.Models;

namespace Runway.Shell
{
    /// <summary>Paths as PowerShell's file cmdlets read them: through the current provider, relative to the current location.</summary>
    public static class ProviderPaths
    {
        /// <summary>One file system path; wildcards are allowed when they match exactly one file, and a path that does not exist stays as typed.</summary>
        public static string ResolveOne(PSCmdlet cmdlet, string path)
        {
            ProviderInfo provider;
            Collection<string> paths;
            try
            {
                paths = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
            }
            catch (ItemNotFoundException)
            {
                return cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            }
            if (provider.ImplementingType != typeof(Microsoft.PowerShell.Commands.FileSystemProvider))
                throw new RunwayInputException($"'{path}' is not a file system path.", null, "Runway.NotAFile", path, ErrorKind.InvalidArgument);
            if (paths.Count != 1)
                throw new RunwayInputException($"'{path}' matches {paths.Count} files; pass one, or pipe them: Get-ChildItem '{path}' | {cmdlet.MyInvocation.MyCommand.Name} ...",
                    null, "Runway.AmbiguousPath", path, ErrorKind.InvalidArgument);
            return paths[0];
        }
    }
}
