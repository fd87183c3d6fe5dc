using System.Management.Automation;

namespace Runway.Shell
{
    /// <summary>
    /// The id rule of the common brief for the ids this branch's cmdlets put in a path (blank, '.', '..', '/', '\',
    /// control characters are refused before any request). Runway.Api.ResourceId replaces it once main has it.
    /// </summary>
    internal static class IdCheck
    {
        /// <summary>True when <paramref name="id"/> can be one segment of a path; else writes Runway.InvalidId for it.</summary>
        public static bool Valid(Cmdlet cmdlet, string id, string what)
        {
            string problem = Problem(id);
            if (problem == null) return true;
            cmdlet.WriteError(ErrorPolicy.InvalidArgument("Runway.InvalidId", $"'{id}' is not a valid {what} id ({problem}); nothing was sent.", id));
            return false;
        }

        internal static string Problem(string id)
        {
            if (id == null || id.Trim().Length == 0) return "an id cannot be empty";
            if (id == "." || id == "..") return "'.' and '..' are path steps, not ids";
            foreach (char c in id)
            {
                if (c == '/' || c == '\\') return "an id cannot contain '/' or '\\'";
                if (char.IsControl(c)) return "an id cannot contain control characters";
            }
            return null;
        }
    }
}
