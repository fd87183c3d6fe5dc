using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;

namespace Runway.Cmdlets
{
    /// <summary>
    /// What every cmdlet that talks to the API shares: a cancellation token cancelled by Ctrl+C
    /// (StopProcessing), and a pump that runs async work while executing its writes on the pipeline thread.
    /// </summary>
    public abstract class RunwayCmdlet : PSCmdlet, IRunwayLog
    {
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();
        private readonly PipelinePump pump = new PipelinePump();
        private RunwayApi api;

        protected CancellationToken Cancellation => stopping.Token;

        /// <summary>
        /// The API as configured right now (Connect-Runway, else the environment). A bad configuration throws
        /// <see cref="RunwayConfigurationException"/>, which the Run helpers turn into a terminating error.
        /// </summary>
        protected RunwayApi Api => api ?? (api = new RunwayApi(new RunwayClient(RunwaySession.Current, this)));

        protected override void StopProcessing()
        {
            stopping.Cancel();
        }

        /// <summary>True when verbose output would be shown, so that costly verbose text is built only then.</summary>
        protected bool VerboseEnabled =>
            MyInvocation.BoundParameters.TryGetValue("Verbose", out object verbose)
                ? ((SwitchParameter)verbose).IsPresent
                : GetVariableValue("VerbosePreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;

        /// <summary>Queues an action (a Write*) to run on the pipeline thread; safe from any thread.</summary>
        protected void OnPipeline(Action action) => pump.Post(action);

        void IRunwayLog.Verbose(string message) => OnPipeline(() => WriteVerbose(message));

        /// <summary>Runs async work to completion, executing queued writes on this (the pipeline) thread meanwhile.</summary>
        protected T Run<T>(Func<CancellationToken, Task<T>> work)
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

        protected void Run(Func<CancellationToken, Task> work) =>
            Run<bool>(async token =>
            {
                await work(token).ConfigureAwait(false);
                return true;
            });

        /// <summary>Runs one item's work; an API failure becomes a non-terminating error for that item.</summary>
        protected void RunForItem(object target, Func<CancellationToken, Task> work)
        {
            try
            {
                Run(work);
            }
            catch (PipelineStoppedException)
            {
                throw;
            }
            catch (RunwayConfigurationException ex)
            {
                ThrowTerminatingError(RunwayErrors.FromException(ex, target));
            }
            catch (RunwayApiException ex) when (ex.StatusCode == 401)
            {
                // A bad key fails every item alike: stop at the first instead of repeating it per item.
                ThrowTerminatingError(RunwayErrors.FromException(ex, target));
            }
            catch (RunwayApiException ex)
            {
                WriteError(RunwayErrors.FromException(ex, target));
            }
        }
    }
}
