using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using Runway.Api;

namespace Runway.Shell
{
    /// <summary>
    /// A task's lists as PowerShell shows them: still a list for the pipeline and indexing, but written as
    /// "a; b" where a value becomes text (Export-Csv, ConvertTo-Csv) instead of System.String[].
    /// </summary>
    public sealed class TextList : ReadOnlyCollection<string>
    {
        public TextList(IList<string>? items) : base(items ?? Array.Empty<string>()) { }

        /// <summary>As an array has it, for scripts that ask for the Length.</summary>
        public int Length => Count;

        public override string ToString() => string.Join("; ", this);
    }

    /// <summary>
    /// The CodeProperties of Runway.Types.ps1xml for RunwayTask: Id and Status first (Format-List * leads with them,
    /// since extended members come before the type's own), Output and SavedTo as <see cref="TextList"/>.
    /// </summary>
    public static class TaskMembers
    {
        public static string? Id(PSObject task) => Of(task)?.Id;

        public static void SetId(PSObject task, string? value) => Task(task).Id = value;

        public static string? Status(PSObject task) => Of(task)?.Status;

        public static void SetStatus(PSObject task, string? value) => Task(task).Status = value;

        public static object Output(PSObject task) => new TextList(Of(task)?.Output);

        public static void SetOutput(PSObject task, object? value) => Task(task).Output = Strings(value);

        public static object SavedTo(PSObject task) => new TextList(Of(task)?.SavedTo);

        public static void SetSavedTo(PSObject task, object? value) => Task(task).SavedTo = Strings(value);

        // Declared here, after Id and Status, so that ExportMembers (which leaves a types file's members alone) keeps their order.
        public static object? Inputs(PSObject task) => ExportMembers.Get(task, nameof(RunwayTask.Inputs));

        public static void SetInputs(PSObject task, object value) => ExportMembers.Set(task, nameof(RunwayTask.Inputs), value);

        public static object? Routing(PSObject task) => ExportMembers.Get(task, nameof(RunwayTask.Routing));

        public static void SetRouting(PSObject task, object value) => ExportMembers.Set(task, nameof(RunwayTask.Routing), value);

        private static string[] Strings(object? value) =>
            value == null ? Array.Empty<string>() : LanguagePrimitives.ConvertTo<string[]>(value);

        private static RunwayTask? Of(PSObject task) => task?.BaseObject as RunwayTask;

        // The types file sets these members on RunwayTask only.
        private static RunwayTask Task(PSObject task) => Of(task) ?? throw new ArgumentException("Not a RunwayTask.", nameof(task));
    }
}
