using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;
using Runway.Models;

namespace Runway.Shell
{
    /// <summary>
    /// What every cmdlet that talks to the API shares: a cancellation token cancelled by Ctrl+C
    /// (StopProcessing), and a pump that runs async work while executing its writes on the pipeline thread.
    /// PowerShell disposes the command once its pipeline has ended (completed, stopped or failed).
    /// </summary>
    public abstract class RunwayCmdlet : PSCmdlet, IRunwayLog, IDisposable
    {
        /// <summary>
        /// The project's home: the one setting every published URI derives from (the manifest's ProjectUri and
        /// LicenseUri, which build.ps1 checks against it, and every cmdlet's HelpUri).
        /// </summary>
        public const string ProjectUri = "https://github.com/runway-powershell/Runway";

        /// <summary>The manifest's LicenseUri: the LICENSE file at the repository's root.</summary>
        public const string LicenseUri = ProjectUri + "/blob/main/LICENSE";

        /// <summary>Where each cmdlet's help is online (Get-Help -Online): its page in the repository's docs, &lt;base&gt;&lt;Verb-Noun&gt;.md.</summary>
        public const string HelpUriBase = ProjectUri + "/blob/main/docs/en-US/";

        private readonly CancellationTokenSource stopping = new CancellationTokenSource();
        private readonly PipelinePump pump = new PipelinePump();
        private readonly List<IDisposable> owned = new List<IDisposable>();
        /// <summary>Taken by StopProcessing and Dispose: PowerShell does not wait for a stop before it disposes the command.</summary>
        private readonly object stopLock = new object();
        private bool disposed;
        private RunwayApi? api;

        protected internal CancellationToken Cancellation => stopping.Token;

        /// <summary>
        /// The API as configured right now (Connect-Runway, else the environment). A bad configuration throws
        /// <see cref="RunwayConfigurationException"/>, which the Run helpers turn into a terminating error.
        /// </summary>
        protected internal RunwayApi Api => api ?? (api = new RunwayApi(new RunwayClient(RunwaySession.Current, this))
        {
            TaskSeen = task =>
            {
                Tasks.TaskJournal.RecordSighting(task);
                Tasks.SpendingGuard.Saw(task);
                // A wait this task is handed to later continues from this look instead of repeating it.
                Tasks.TaskSightings.Shared.Saw(task);
            },
        });

        /// <summary>
        /// Refuses an integer parameter given a fraction (see <see cref="WholeNumberAttribute"/>) before the cmdlet's own
        /// <see cref="OnBegin"/>: a command-line value ends the command, nothing having been read or sent.
        /// </summary>
        protected sealed override void BeginProcessing()
        {
            // The views and export members are loaded by the first command of a session, not by the import (SessionViews).
            SessionViews.EnsureLoaded();
            if (Refused(out ErrorRecord? refusal) || BlankOnCommandLine(out refusal)) ThrowTerminatingError(refusal);
            OnBegin();
        }

        /// <summary>
        /// A value bound from the pipeline given a fraction for an integer refuses that item only, and so does a piped
        /// object that bound what is not meant for it (<see cref="PipedObjectAccepted"/>): every cmdlet, before its own code.
        /// </summary>
        protected sealed override void ProcessRecord()
        {
            // A blank cell bound from the pipeline means "not given" (Import-Csv), as BlankAsNull says.
            BlankAsNullAttribute.TakeBlank();
            bool refused = Refused(out ErrorRecord? refusal);
            // Every note left now came from this record's binding (commands later in the pipeline bind after this).
            WholeNumberAttribute.DiscardPending();
            if (ChecksPipelineValues)
            {
                OnRecord();
                return;
            }
            if (refused)
            {
                WriteError(refusal);
                return;
            }
            if (PipedObjectAccepted()) OnRecord();
        }

        /// <summary>
        /// True for a cmdlet that reads each piped record itself (GenerationCmdlet, through RecordBinding: "Input N: -Seed '4.5'
        /// is not a whole number", a hashtable bound by key, the module's objects checked), so what was bound from the pipeline
        /// is left to it; command-line values are refused here all the same.
        /// </summary>
        protected virtual bool ChecksPipelineValues => false;

        /// <summary>The cmdlet's BeginProcessing, run once its integer parameters are known to be whole.</summary>
        protected virtual void OnBegin()
        {
        }

        /// <summary>The cmdlet's ProcessRecord, run once its integer parameters are known to be whole.</summary>
        protected virtual void OnRecord()
        {
        }

        private bool Refused([NotNullWhen(true)] out ErrorRecord? refusal)
        {
            refusal = null;
            {
                foreach (var property in GetType().GetProperties())
                {
                    if (!Attribute.IsDefined(property, typeof(WholeNumberAttribute))) continue;
                    if (!MyInvocation.BoundParameters.TryGetValue(property.Name, out object bound)) continue;
                    WholeNumberAttribute.Inexact? found = WholeNumberAttribute.Take(bound);
                    if (found == null) continue;
                    string given = System.Convert.ToString(found.Given, System.Globalization.CultureInfo.InvariantCulture);
                    refusal = ErrorPolicy.InvalidArgument("Runway.NotAWholeNumber",
                        $"-{property.Name} takes a whole number; {given} was given (PowerShell would round it to {found.Bound}). Nothing was sent.", found.Given);
                    return true;
                }
                return Blank(out refusal);
            }
        }

        /// <summary>A [BlankAsNull] parameter typed on the command line as only spaces (bound as null): a mistake, refused.</summary>
        private bool BlankOnCommandLine([NotNullWhen(true)] out ErrorRecord? refusal)
        {
            refusal = null;
            if (!BlankAsNullAttribute.BlankPending) return false;
            foreach (var property in GetType().GetProperties())
            {
                if (!Attribute.IsDefined(property, typeof(BlankAsNullAttribute))) continue;
                if (!MyInvocation.BoundParameters.TryGetValue(property.Name, out object bound) || bound != null) continue;
                BlankAsNullAttribute.TakeBlank();
                refusal = ErrorPolicy.InvalidArgument("Runway.BlankText", $"-{property.Name} is only spaces; give it a value or leave it out. Nothing was sent.", property.Name);
                return true;
            }
            return false;
        }

        private bool IsIdParameter(string name)
        {
            if (name == "Id" || name.EndsWith("Id", StringComparison.Ordinal)) return true;
            var property = GetType().GetProperty(name);
            var alias = property == null ? null : (AliasAttribute)Attribute.GetCustomAttribute(property, typeof(AliasAttribute));
            return alias != null && System.Linq.Enumerable.Any(alias.AliasNames, a => a.EndsWith("Id", StringComparison.Ordinal));
        }

        /// <summary>Verbs that make or change something: a text of only spaces given to one of them would be sent (and maybe paid for) meaning nothing.</summary>
        internal static bool MakesOrChanges(string verb) => verb == VerbsCommon.New || verb == VerbsLifecycle.Invoke || verb == VerbsCommon.Set;

        private bool Blank([NotNullWhen(true)] out ErrorRecord? refusal)
        {
            refusal = null;
            var attribute = (CmdletAttribute)Attribute.GetCustomAttribute(GetType(), typeof(CmdletAttribute));
            if (attribute == null || !MakesOrChanges(attribute.VerbName)) return false;
            foreach (var pair in MyInvocation.BoundParameters)
            {
                // An id of only spaces is Runway.InvalidId, with the id as its target (the id rule, checked by the cmdlet).
                if (IsIdParameter(pair.Key)) continue;
                string? text = pair.Value is string one ? one
                    : pair.Value is string[] many ? System.Linq.Enumerable.FirstOrDefault(many, t => t != null && t.Length > 0 && t.Trim().Length == 0)
                    : null;
                if (text == null || text.Length == 0 || text.Trim().Length > 0) continue;
                // A prompt of only spaces keeps the id a blank prompt always had.
                string id = pair.Key.IndexOf("Prompt", StringComparison.Ordinal) >= 0 || pair.Key == "Text" ? "Runway.MissingPrompt" : "Runway.BlankText";
                refusal = ErrorPolicy.InvalidArgument(id, $"-{pair.Key} is only spaces; give it some text or leave it out. Nothing was sent.", pair.Key);
                return true;
            }
            return false;
        }

        protected override void StopProcessing()
        {
            lock (stopLock)
                if (!disposed) stopping.Cancel();
        }

        /// <summary>Something made for this command alone (an output saver), disposed with it.</summary>
        internal T Own<T>(T resource) where T : IDisposable
        {
            lock (owned) owned.Add(resource);
            return resource;
        }

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            lock (stopLock)
            {
                if (disposed) return;
                disposed = true;
            }
            if (!disposing) return;
            IDisposable[] resources;
            lock (owned) resources = owned.ToArray();
            foreach (IDisposable resource in resources) resource.Dispose();
            pump.Dispose();
            stopping.Dispose();
        }

        /// <summary>True when verbose output would be shown, so that costly verbose text is built only then.</summary>
        protected bool VerboseEnabled =>
            MyInvocation.BoundParameters.TryGetValue("Verbose", out object verbose)
                ? ((SwitchParameter)verbose).IsPresent
                : GetVariableValue("VerbosePreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;

        /// <summary>Queues an action (a Write*) to run on the pipeline thread; safe from any thread.</summary>
        protected internal void OnPipeline(Action action) => pump.Post(action);

        void IRunwayLog.Verbose(string message) => OnPipeline(() => WriteVerbose(message));

        /// <summary>Runs async work to completion, executing queued writes on this (the pipeline) thread meanwhile.</summary>
        protected internal T Run<T>(Func<CancellationToken, Task<T>> work)
        {
            Task<T> task;
            try
            {
                task = work(stopping.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            pump.Pump(task);
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        protected internal void Run(Func<CancellationToken, Task> work) =>
            Run<bool>(async token =>
            {
                await work(token).ConfigureAwait(false);
                return true;
            });

        /// <summary>Runs one item's work; a failure becomes a non-terminating error for that item (see <see cref="Report"/>).</summary>
        protected internal bool RunForItem(object? target, Func<CancellationToken, Task> work, ErrorPhase phase = ErrorPhase.Other)
        {
            try
            {
                Run(work);
                return true;
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException) && Reportable(ex))
            {
                Report(ex, target, phase);
                return false;
            }
        }

        /// <summary>
        /// A task, or a journaled workflow run read as a task (the API cannot list runs; the journal knows which ids are
        /// runs). With no <paramref name="endpoint"/> (a bare id), a task id the API does not know is looked up in the
        /// journal, and what the journal recorded (prompt, model, inputs, saved files, routing) completes the API's
        /// answer, so an id gives the object the journal listing gives; a task the journal does not know stays as read.
        /// </summary>
        protected internal async Task<RunwayTask> ReadTaskOrRunAsync(string? id, string? endpoint, CancellationToken token)
        {
            if (endpoint != null) return await Api.GetTaskOrRunAsync(id, endpoint, token).ConfigureAwait(false);
            RunwayTask task;
            try
            {
                task = await Api.GetTaskAsync(id, token).ConfigureAwait(false);
            }
            catch (RunwayApiException ex) when (ex.StatusCode == 404 && WorkflowApi.IsRun(Journaled(id)?.Endpoint))
            {
                task = await Api.GetTaskOrRunAsync(id, WorkflowApi.RunEndpoint, token).ConfigureAwait(false);
            }
            // Read after the API's answer: its sighting is in the journal by then (saved files, final charge).
            task.KeepKnown(Journaled(task.Id)?.ToTask());
            return task;
        }

        private static Tasks.JournalRecord? Journaled(string? id)
        {
            try { return Tasks.TaskJournal.Find(id); }
            catch (System.IO.IOException) { return null; }
        }

        /// <summary>True when <paramref name="id"/> can be a task id; otherwise writes the error for that item (nothing is sent).</summary>
        protected bool IsTaskId(string? id)
        {
            if (RunwayTask.IsTaskId(id)) return true;
            WriteError(ErrorPolicy.NotATaskId(id));
            return false;
        }

        /// <summary>
        /// The ids of <paramref name="ids"/> that can name a <paramref name="what"/> (<see cref="ResourceId"/>); each other one is
        /// written as a Runway.InvalidId error before any confirmation or request.
        /// </summary>
        protected System.Collections.Generic.IEnumerable<string> ValidIds(System.Collections.Generic.IEnumerable<string>? ids, string what)
        {
            foreach (string id in ids ?? System.Array.Empty<string>())
                if (IsValidId(id, what)) yield return id;
        }

        /// <summary>
        /// False (after writing the error) when the object piped for this record is a hashtable (only a cmdlet that reads records
        /// itself binds one by key; here it would arrive whole, or converted into whatever type takes it), or one of the module's
        /// objects that bound a parameter by property name not meant for it (see <see cref="RecordBinding.CheckModuleObject"/>).
        /// </summary>
        private bool PipedObjectAccepted()
        {
            object? piped = RecordBinding.CurrentObjectOf(this);
            if (piped is System.Collections.IDictionary record)
            {
                WriteError(ErrorPolicy.FromException(new RunwayInputException(
                    $"A hashtable piped to {MyInvocation.MyCommand.Name} cannot give its parameters: pipe [pscustomobject]@{{ ... }} (bound by property name) or give them directly. Nothing was sent for this input.",
                    "InputObject", "Runway.InvalidPipelineValue", record), record));
                return false;
            }
            if (piped == null || piped.GetType().Assembly != typeof(RunwayCmdlet).Assembly) return true;
            try
            {
                RecordBinding.CheckModuleObject(this, piped);
                return true;
            }
            catch (RunwayInputException ex)
            {
                WriteError(ErrorPolicy.FromException(ex, piped));
                return false;
            }
        }

        /// <summary>True when <paramref name="id"/> can name a <paramref name="what"/>; otherwise writes Runway.InvalidId (nothing is sent).</summary>
        protected bool IsValidId(string id, string what)
        {
            if (ResourceId.Problem(id) == null) return true;
            WriteError(ErrorPolicy.InvalidId(id, what));
            return false;
        }

        /// <summary>The failures an item can have that are the module's own to report (anything else is a bug and surfaces as is).</summary>
        protected internal static bool Reportable(Exception ex) =>
            ex is RunwayApiException || ex is RunwayInvalidIdException || ex is RunwayConfigurationException || ex is Models.RunwayInputException || ex is Tasks.RunwayTaskException
            || ex is Tasks.RunwayBudgetException || ex is Tasks.RunwaySettingException || ex is Tasks.RunwayJournalException || ex is System.IO.IOException || ex is UnauthorizedAccessException || ex is TimeoutException
            || ex is Media.RunwayOutputExpiredException;

        /// <summary>
        /// The one error ladder: a failure that would repeat for every item (bad configuration, 401) ends the
        /// command; any other is written as a non-terminating error, relabelled by <paramref name="label"/> if given.
        /// </summary>
        protected internal void Report(Exception ex, object? target, ErrorPhase phase = ErrorPhase.Other, Func<ErrorRecord, ErrorRecord>? label = null)
        {
            ErrorRecord record = ErrorPolicy.FromException(ex, target, phase);
            if (ErrorPolicy.IsTerminating(ex)) ThrowTerminatingError(record);
            WriteError(label == null ? record : label(record));
        }
    }
}
