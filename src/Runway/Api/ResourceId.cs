using System;

namespace Runway.Api
{
    /// <summary>
    /// The one rule for an id that becomes part of a request path: every path built from an id goes through
    /// <see cref="Path"/>, so an id such as '..' or 'a/b' can never reach another resource's path ('v1/avatars/..' is
    /// 'v1/' once the URL is normalised). The API states no id format for most resources, so the rule refuses
    /// only what cannot be one segment of a path, and escapes the rest.
    /// </summary>
    public static class ResourceId
    {
        /// <summary>Why <paramref name="id"/> cannot be an id, or null when it can.</summary>
        public static string? Problem(string? id)
        {
            if (id == null || id.Trim().Length == 0) return "an id cannot be empty";
            if (id == "." || id == "..") return "'.' and '..' are path steps, not ids";
            if (id.Trim().Length != id.Length) return "an id has no leading or trailing spaces";
            foreach (char c in id)
            {
                if (c == '/' || c == '\\') return "an id cannot contain '/' or '\\'";
                if (char.IsControl(c)) return "an id cannot contain control characters";
            }
            return null;
        }

        /// <summary>Throws <see cref="RunwayInvalidIdException"/> when <paramref name="id"/> cannot be an id of <paramref name="what"/>.</summary>
        public static void Check(string? id, string what) => Checked(id, what);

        /// <summary><paramref name="id"/> once <see cref="Check"/> has accepted it.</summary>
        public static string Checked(string? id, string what)
        {
            string? problem = Problem(id);
            if (problem != null || id == null) throw new RunwayInvalidIdException(id, what, problem ?? "an id cannot be empty");
            return id;
        }

        /// <summary><paramref name="collection"/>/&lt;id&gt;, the id checked and escaped; what the id names is read from the collection.</summary>
        public static string Path(string collection, string? id) =>
            collection + "/" + Uri.EscapeDataString(Checked(id, Noun(collection)));

        /// <summary>'v1/avatar_conversations' → 'avatar conversation': what one item of a collection is called.</summary>
        public static string Noun(string collection)
        {
            string last = collection.Substring(collection.LastIndexOf('/') + 1).Replace('_', ' ');
            return last.EndsWith("s", StringComparison.Ordinal) ? last.Substring(0, last.Length - 1) : last;
        }
    }

    /// <summary>An id refused by <see cref="ResourceId"/> before anything was sent.</summary>
    public sealed class RunwayInvalidIdException : ArgumentException
    {
        public RunwayInvalidIdException(string? id, string what, string problem)
            : base($"'{id}' is not a valid {what} id ({problem}); nothing was sent.")
        {
            Id = id;
            What = what;
        }

        public string? Id { get; }
        public string What { get; }
    }
}
