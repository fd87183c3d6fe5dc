using System;
using System.Collections.ObjectModel;
using System.Management.Automation;
using Runway.Api;
using Runway.Models;

namespace Runway.Shell
{
    /// <summary>Paths as PowerShell's file cmdlets read them: through the current provider, relative to the current location.</summary>
    public static class ProviderPaths
    {
        /// <summary>One file system path: an existing file as typed first, else a wildcard that matches exactly one file; a path that does not exist stays as typed.</summary>
        public static string ResolveOne(PSCmdlet cmdlet, string? path)
        {
            ProviderInfo provider;
            Collection<string> paths;
            // A file whose name holds wildcard characters (wild[1]/a.png) is taken as it is, as -LiteralPath would.
            string? literal = Literal(cmdlet, path);
            if (literal != null) return literal;
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

        /// <summary>The path taken literally when it names an existing file system item, else null.</summary>
        private static string? Literal(PSCmdlet cmdlet, string? path)
        {
            try
            {
                string full = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out ProviderInfo provider, out PSDriveInfo _);
                if (provider.ImplementingType != typeof(Microsoft.PowerShell.Commands.FileSystemProvider)) return null;
                return System.IO.File.Exists(full) || System.IO.Directory.Exists(full) ? full : null;
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is DriveNotFoundException || ex is ProviderNotFoundException || ex is NotSupportedException || ex is ArgumentException)
            {
                return null;
            }
        }
    }
}
