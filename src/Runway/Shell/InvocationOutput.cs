using System.Collections.Generic;
using System.Linq;
using Runway.Api;
using Runway.Tasks;

namespace Runway.Shell
{
    /// <summary>
    /// Waits for workflow runs and reports each as it ends: a full success is output (or saved), a partial run is
    /// output (or saved) and also reported as the error Runway.WorkflowPartialRun, anything else is an error that
    /// keeps the run. One progress bar, as for tasks.
    /// </summary>
    internal static class InvocationOutput
    {
        public static void Wait(RunwayCmdlet cmdlet, IReadOnlyList<RunwayWorkflowInvocation> runs, WaitOptions options, OutputDestination? destination)
        {
            if (runs.Count == 0) return;
            var bar = new WaitProgressBar(cmdlet.OnPipeline, cmdlet.WriteProgress);
            OutputSaver? saver = destination?.Saver(cmdlet, cmdlet.Api);
            try
            {
                cmdlet.Run(async token =>
                {
                    await new InvocationWaiter(cmdlet.Api, options).WaitAsync(runs, (run, error) =>
                    {
                        if (error == null || run.IsPartial)
                        {
                            if (saver != null) saver.Start(run, cmdlet.Cancellation);
                            else cmdlet.OnPipeline(() => cmdlet.WriteObject(run));
                        }
                        if (error != null) cmdlet.OnPipeline(() => cmdlet.WriteError(ErrorPolicy.FromException(error, run)));
                    }, bar.Update, token, warning => cmdlet.OnPipeline(() => cmdlet.WriteWarning(warning))).ConfigureAwait(false);
                    if (saver != null) await saver.CompleteAsync().ConfigureAwait(false);
                });
            }
            catch (RunwayApiException ex)
            {
                cmdlet.WriteError(ErrorPolicy.FromException(ex, runs.Select(r => r.Id).ToArray()));
            }
            finally
            {
                bar.Complete();
            }
        }
    }
}
