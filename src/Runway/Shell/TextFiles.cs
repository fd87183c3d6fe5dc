using System.IO;
using System.Management.Automation;
using Runway.Api;
using Runway.Models;

namespace Runway.Shell
{
    /// <summary>Reads a local text or Markdown file for a knowledge document (the API takes text, not files).</summary>
    public static class TextFiles
    {
        public static string Read(PSCmdlet cmdlet, object? path, out string fullPath)
        {
            object? value = InputBinder.Unwrap(path);
            // A record names its file under Path (or Uri, FullName), and nothing else.
            if (value is System.Collections.IDictionary) value = InputBinder.MediaValue(value, "Path", cmdlet);
            string? given = value is FileInfo file ? file.FullName : value?.ToString();
            if (Strings.IsBlank(given))
                throw new RunwayInputException("-Path is empty.", "Path", "Runway.MissingInput", path);
            fullPath = ProviderPaths.ResolveOne(cmdlet, given);
            if (!File.Exists(fullPath))
                throw new RunwayInputException($"-Path: file '{given}' does not exist.", "Path", "Runway.FileNotFound", given, ErrorKind.ObjectNotFound);
            string text;
            try
            {
                text = File.ReadAllText(fullPath);
            }
            catch (IOException ex)
            {
                throw new RunwayInputException($"-Path: cannot read '{given}': {ex.Message.Trim().TrimEnd('.')}.", "Path", "Runway.FileUnreadable", given, ErrorKind.ReadError, ex);
            }
            if (text.IndexOf('\0') >= 0)
                throw new RunwayInputException($"-Path: '{Path.GetFileName(fullPath)}' is not a text file; a document is plain text or Markdown (convert PDFs and other formats to text first).",
                    "Path", "Runway.NotText", given, ErrorKind.InvalidType);
            return text;
        }
    }
}
