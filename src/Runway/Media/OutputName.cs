using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Runway.Api;
using Runway.Models;

namespace Runway.Media
{
    /// <summary>What an output's file name can be made of: the task (or run, or URL) it came from.</summary>
    public sealed class OutputNameFields
    {
        public string? Id { get; set; }
        /// <summary>The first input file's name without its extension; null for a task made from text only.</summary>
        public string? InputName { get; set; }
        public string? Model { get; set; }
        public DateTimeOffset? Date { get; set; }

        public static OutputNameFields Of(RunwayTask task) => new OutputNameFields
        {
            Id = task.Id,
            InputName = task.InputName,
            Model = task.Model,
            Date = task.CreatedAt,
        };
    }

    /// <summary>
    /// A file name template (-NameTemplate '{InputName}_{Model}'): placeholders from a small fixed set, checked
    /// before anything is sent or downloaded; the extension follows the served content type unless the template ends in one.
    /// </summary>
    public sealed class NameTemplate
    {
        /// <summary>The placeholders, as the help lists them.</summary>
        public static readonly IReadOnlyList<string> Placeholders = new[] { "Id", "InputName", "Model", "Index", "Date" };
        private static readonly char[] Unportable = { '/', '\\', ':', '*', '?', '"', '<', '>', '|' };
        private static readonly Regex Part = new Regex(@"\{([^{}]*)\}|[{}]");
        private readonly string text;

        private static readonly Regex TrailingExtension = new Regex(@"\.[A-Za-z0-9]{2,5}$");
        private readonly string stemText;

        private NameTemplate(string text, bool hasIndex)
        {
            this.text = text;
            HasIndex = hasIndex;
            // A template that ends in a media extension ('{Id}.png') gives the extension itself: it is not added twice.
            string ending = TrailingExtension.Match(text).Value;
            if (ending.Length > 0 && ending.Length < text.Length && (MediaProbe.FromExtension(ending) != null || ending.Equals(".zip", StringComparison.OrdinalIgnoreCase)))
                Extension = ending;
            stemText = Extension == null ? text : text.Substring(0, text.Length - Extension.Length);
        }

        /// <summary>
        /// The extension the template ends with ('{Id}.png': .png), or null. It is kept even when the served type
        /// differs (as a named -OutFile is), and the save warns then.
        /// </summary>
        public string? Extension { get; }

        /// <summary>True when the template numbers the outputs itself ({Index}): no _1, _2 suffix is added.</summary>
        public bool HasIndex { get; }

        public override string ToString() => text;

        /// <summary>The template, or a <see cref="RunwayInputException"/> naming what is wrong and what is allowed.</summary>
        public static NameTemplate Parse(string template, string parameter)
        {
            if (string.IsNullOrWhiteSpace(template))
                throw Invalid($"-{parameter} is empty; give a file name such as '{{InputName}}' or '{{Id}}_{{Index}}'.", parameter, template);
            bool hasIndex = false;
            foreach (Match match in Part.Matches(template))
            {
                if (!match.Groups[1].Success)
                    throw Invalid($"-{parameter} '{template}' has an unpaired brace; placeholders are written {{Name}}, one of {List()}.", parameter, template);
                string name = Placeholders.FirstOrDefault(p => p.Equals(match.Groups[1].Value, StringComparison.OrdinalIgnoreCase));
                if (name == null)
                    throw Invalid($"-{parameter} '{template}' has the unknown placeholder {match.Value}; the placeholders are {List()}.", parameter, template);
                if (name == "Index") hasIndex = true;
            }
            string literal = Part.Replace(template, string.Empty);
            int at = literal.IndexOfAny(literal.Where(char.IsControl).Concat(Unportable).Concat(Path.GetInvalidFileNameChars()).ToArray());
            char bad = at >= 0 ? literal[at] : 'x';
            if (at >= 0)
                throw Invalid($"-{parameter} '{template}' contains '{Printable(bad)}', which is not allowed in a file name; a template names a file in the output folder, without folders or characters such as \\ / : * ? \" < > |.", parameter, template);
            if (template.EndsWith(".", StringComparison.Ordinal) || template.EndsWith(" ", StringComparison.Ordinal) || template.StartsWith(" ", StringComparison.Ordinal))
                throw Invalid($"-{parameter} '{template}' starts with a space or ends with a dot or a space, which some file systems drop; the extension is added from the downloaded file's type.", parameter, template);
            return new NameTemplate(template, hasIndex);
        }

        /// <summary>The file name without extension for output <paramref name="index"/> (0-based) of <paramref name="count"/>.</summary>
        public string Expand(OutputNameFields fields, int index, int count)
        {
            string stem = Part.Replace(stemText, match =>
            {
                switch (match.Groups[1].Value.ToLowerInvariant())
                {
                    case "id": return OutputTarget.SafeName(fields.Id ?? "output");
                    case "inputname": return OutputTarget.SafeName(fields.InputName ?? fields.Id ?? "output");
                    case "model": return OutputTarget.SafeName(fields.Model ?? "unknown-model");
                    case "index": return (index + 1).ToString(CultureInfo.InvariantCulture);
                    default: return (fields.Date ?? DateTimeOffset.Now).ToLocalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }
            });
            return count > 1 && !HasIndex ? stem + "_" + (index + 1).ToString(CultureInfo.InvariantCulture) : stem;
        }

        private static string List() => string.Join(", ", Placeholders.Select(p => "{" + p + "}"));

        private static string Printable(char c) => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString();

        private static RunwayInputException Invalid(string message, string parameter, string template) =>
            new RunwayInputException(message, parameter, "Runway.InvalidNameTemplate", template);
    }
}
