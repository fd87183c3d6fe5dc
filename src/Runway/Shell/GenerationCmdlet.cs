using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Runway.Api;
using Runway.Media;
using Runway.Models;
using Runway.Tasks;

namespace Runway.Shell
{
    /// <summary>
    /// What every generation cmdlet shares, as the three PowerShell steps: Begin checks where outputs go; Process
    /// validates and prices each input and asks about it (<see cref="BatchConfirmation"/>); creating goes through
    /// <see cref="TaskCreator"/>, waiting through <see cref="TaskWaiter"/> and one <see cref="WaitReporter"/>.
    /// </summary>
    [PaidCreate]
    public abstract class GenerationCmdlet : RunwayCmdlet
    {
        private readonly List<RunwayTask> created = new List<RunwayTask>();
        private readonly BatchSummary summary = new BatchSummary();
        private int inputNumber;
        // Set by BeginProcessing, before any record is processed.
        private HashSet<string> commandLineParameters = null!;
        private BatchConfirmation batch = null!;
        private GenerationOutput output = null!;
        private RecordBinding records = null!;
        private OutputDestination? destination;
        private TaskCreator? creator;

        /// <summary>Piped records' raw values are checked by <see cref="RecordBinding"/>, which names the input.</summary>
        protected override bool ChecksPipelineValues => true;

        /// <summary>Wait until the task finishes and output the finished task.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>Wait, then save the output to this file (implies -Wait); outputs FileInfo.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutFile { get; set; }

        /// <summary>Wait, then save outputs into this directory, named after the task id (implies -Wait); outputs FileInfo.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutDirectory { get; set; }

        /// <summary>With -OutDirectory: how the files are named, from {Id}, {InputName}, {Model}, {Index} and {Date}; the extension follows the served type.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NameTemplate { get; set; }

        /// <summary>With -OutFile or -OutDirectory: output each saved task (SavedTo lists its files) instead of the files.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Overwrite existing files with -OutFile or -OutDirectory.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Stop waiting after this many seconds (the task goes on; its id is in the error). 0 waits without limit.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        [WholeNumber]
        public int TimeoutSec { get; set; } = (int)WaitOptions.DefaultTimeout.TotalSeconds;

        /// <summary>Seconds between status checks while waiting (±25 % jitter).</summary>
        [Parameter]
        [ValidateRange(0.05, 3600)]
        public double PollIntervalSec { get; set; } = WaitOptions.DefaultPollInterval.TotalSeconds;

        /// <summary>Most unfinished tasks of one model at a time; never more than the organization's tier allows.</summary>
        [Parameter]
        [ValidateRange(1, 1000)]
        [WholeNumber]
        public int ThrottleLimit { get; set; }

        private WaitOptions WaitOptions => WaitOptions.FromSeconds(PollIntervalSec, TimeoutSec);

        /// <summary>Builds the request for the current pipeline object; throws <see cref="RunwayInputException"/> for bad input.</summary>
        protected abstract GenerationRequest BuildRequest();

        /// <summary>True when the user typed this parameter (rather than it being bound from a pipeline object's property).</summary>
        protected bool OnCommandLine(string parameter) => commandLineParameters.Contains(parameter);

        /// <summary>The -Model to use: a piped task binds the Model that made it, which counts only when typed.</summary>
        protected string? ModelFor(object? input, string? model) => TypedUnlessFromTask(input, "Model", model);

        /// <summary>
        /// A finished task piped in binds its own properties by name (Model, Prompt: those that made it), which
        /// describe the input, not the new task: such a value counts only when the user typed the parameter.
        /// </summary>
        protected T? TypedUnlessFromTask<T>(object? input, string parameter, T value) =>
            InputBinder.Unwrap(input) is RunwayTask && !OnCommandLine(parameter) ? default : value;

        /// <summary>How the request builder classifies a media value it finds in a list, a record or -Option (paths resolve here).</summary>
        protected Func<object, string, MediaKind, IMediaInput?> MediaResolver =>
            (value, parameter, kind) => Media(value, parameter, kind == MediaKind.Audio ? new[] { MediaKind.Audio, MediaKind.Video } : new[] { kind });

        /// <summary>A PowerShell value as plain data for the request builder: records become dictionaries, switches booleans.</summary>
        protected static object? Plain(object? value)
        {
            value = InputBinder.Unwrap(value);
            switch (value)
            {
                case null: return null;
                case SwitchParameter flag: return flag.IsPresent;
                case PSObject record when record.BaseObject is PSCustomObject:
                    var fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (PSPropertyInfo property in record.Properties) fields[property.Name] = Plain(property.Value);
                    return fields;
                case System.Collections.IDictionary table:
                    var copy = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (System.Collections.DictionaryEntry entry in table) copy[entry.Key.ToString()] = entry.Value is string || entry.Key.ToString().Equals("Uri", StringComparison.OrdinalIgnoreCase) ? InputBinder.Unwrap(entry.Value) : Plain(entry.Value);
                    return copy;
                case string text: return text;
                case System.Collections.IEnumerable list: return list.Cast<object>().Select(Plain).ToList();
                default: return value;
            }
        }

        /// <summary>True for the word 'auto' (a length the model chooses).</summary>
        protected static bool IsAuto(object? value) => Plain(value) is string word && word.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase);

        /// <summary>Puts the given parameters (as plain data) into a spec's values; those not given stay out.</summary>
        protected static void AddValues(IDictionary<string, object> into, params (string Name, object? Value)[] values)
        {
            foreach ((string name, object? value) in values)
                if (Plain(value) is object plain) into[name] = plain;
        }

        /// <summary>Copies -Option @{ jsonName = value } into a spec's options, as plain data.</summary>
        protected static void AddOptions(System.Collections.Hashtable? options, IDictionary<string, object?> into)
        {
            if (options == null) return;
            foreach (System.Collections.DictionaryEntry entry in options) into[entry.Key.ToString()] = Plain(entry.Value);
        }

        /// <summary>Says, once per request, that a model the catalog does not know goes out unchecked.</summary>
        protected GenerationRequest WarnIfUnvalidated(GenerationRequest request)
        {
            if (request.Model.Unvalidated)
                WriteWarning($"{request.Model.Name} is not in this module's catalog: the request is sent without local validation, and its price is unknown (the API's estimate is shown once it answers).");
            return request;
        }

        protected MediaSource? Media(object? input, string parameter, params MediaKind[] accepted) => Media(input, parameter, null, accepted);

        /// <param name="extraKeys">Keys of a record the caller reads itself (Role, View, Type): the record's other keys are refused.</param>
        protected MediaSource? Media(object? input, string parameter, IEnumerable<string>? extraKeys, params MediaKind[] accepted)
        {
            if (input == null) return null;
            object? value = InputBinder.MediaValue(input, parameter, this, extraKeys);
            try
            {
                return MediaSource.From(value, parameter, path => ProviderPaths.ResolveOne(this, path), accepted);
            }
            catch (RunwayInputException ex) when (ex.ErrorId == "Runway.FileNotFound" && value is string text && !LooksLikePath(text))
            {
                // A sentence piped or typed where a file is expected binds to the media parameter: say so, and where text goes.
                string textParameter = TextParameter();
                throw new RunwayInputException(
                    $"'{text}' was bound to -{parameter}, but it is not an existing file, an https URL or a runway:// or data: URI." +
                    (textParameter == null ? string.Empty : $" To use it as text, pass it as -{textParameter}: {MyInvocation.MyCommand.Name} -{textParameter} '{text}'."),
                    parameter, ex.ErrorId, ex.Target, ex.Category, ex);
            }
        }

        private static readonly char[] Separators = { '/', '\\' };
        private static readonly string[] TextParameters = { "Prompt", "Text" };

        /// <summary>A missing file's name (a separator, or an extension) rather than a sentence.</summary>
        private static bool LooksLikePath(string text) =>
            text.IndexOfAny(Separators) >= 0 || System.Text.RegularExpressions.Regex.IsMatch(text.Trim(), @"\.[A-Za-z0-9]{1,5}$");

        /// <summary>The command's text parameter (-Prompt, -Text), for errors about text given where media was expected.</summary>
        private string TextParameter() =>
            TextParameters.FirstOrDefault(name => MyInvocation.MyCommand.Parameters.ContainsKey(name));

        protected override void OnBegin()
        {
            commandLineParameters = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
            records = new RecordBinding(this, commandLineParameters);
            batch = new BatchConfirmation(this);
            destination = OutputDestination.FromOutParameters(this, OutFile, OutDirectory, Force, NameTemplate, PassThru);
            output = new GenerationOutput(this, destination, Wait, WaitOptions, summary);
        }

        protected override void OnRecord()
        {
            int number = ++inputNumber;
            summary.Requested++;
            GenerationRequest? request = null;
            string capNote;
            try
            {
                records.Check();
                request = BuildRequest();
                if (destination != null && !destination.TryClaim())
                {
                    Refuse(destination.OneFileForManyTasks($"Not sent: {request.Summary}.", request.Source), number);
                    return;
                }
                capNote = batch.CheckBudget(request);
            }
            catch (Exception ex) when (ex is RunwayInputException || ex is RunwayBudgetException || ex is RunwaySettingException)
            {
                if (ErrorPolicy.IsTerminating(ex)) ThrowTerminatingError(ErrorPolicy.FromException(ex, request?.Source));
                Refuse(ErrorPolicy.FromException(ex, request?.Source), number);
                return;
            }
            finally
            {
                records.Restore();
            }
            if (VerboseEnabled)
                WriteVerbose($"{request.Summary}: {request.CostText}. Body: {request.DescribeBody()}");
            if (batch.Offer(number, request, capNote))
                Create(number, request);
        }

        protected override void EndProcessing()
        {
            foreach ((int number, GenerationRequest request) in batch.ConfirmHeld())
                Create(number, request);
            batch.ShowWhatIfTotal();
            if (creator != null) output.WaitFor(creator.Unfinished);
            if (inputNumber > 1)
            {
                summary.Count(created);
                WriteVerbose(summary.ToString());
                WriteInformation(summary.ToRecord(MyInvocation.MyCommand.Name));
            }
        }

        private void Refuse(ErrorRecord record, int number)
        {
            summary.Refused++;
            WriteError(ErrorPolicy.ForInput(record, MyInvocation.ExpectingInput ? number : (int?)null));
        }

        private void Create(int number, GenerationRequest request)
        {
            output.Prepare();
            try
            {
                if (creator == null) creator = new TaskCreator(Api, ThrottleLimit > 0 ? ThrottleLimit : (int?)null, WaitOptions, this, output.Reporter);
                Created<RunwayTask> result = Run(token => creator.CreateAsync(request, TransferProgress.Upload(this), token));
                created.Add(result.Value);
                output.Created(result, request);
            }
            catch (RunwayJournalException ex) when (created.Count > 0)
            {
                // This command's tasks are paid for already: refuse this input, and go on to wait for them.
                Refuse(ErrorPolicy.FromException(ex, ex.Path), number);
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException) && Reportable(ex))
            {
                summary.Failed++;
                Report(ex, request.Source ?? request.Summary, ErrorPhase.Create, record => ErrorPolicy.ForInput(record, MyInvocation.ExpectingInput ? number : (int?)null));
            }
        }
    }
}
