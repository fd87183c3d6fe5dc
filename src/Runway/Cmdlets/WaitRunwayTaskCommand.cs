using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Runway.Api;
using Runway.Models;
using Runway.Tasks;

using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>
    /// Waits for tasks to finish, all of them in one polling loop. Emits each finished task as soon as it
    /// succeeds; a failed, cancelled, vanished or timed-out task is a non-terminating error that keeps its id.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "RunwayTask", DefaultParameterSetName = TaskSet, HelpUri = RunwayCmdlet.HelpUriBase + "Wait-RunwayTask.md")]
    [OutputType(typeof(RunwayTask))]
    public sealed class WaitRunwayTaskCommand : RunwayCmdlet
    {
        private const string TaskSet = "Task";
        private const string IdSet = "Id";
        private readonly List<RunwayTask> tasks = new List<RunwayTask>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = TaskSet)]
        [ValidateNotNull]
        public RunwayTask[] InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
        [ValidateNotNullOrEmpty]
        [Alias("TaskId")]
        [ArgumentCompleter(typeof(Completion.TaskIdCompleter))]
        public string[] Id { get; set; }

        /// <summary>Give up waiting after this many seconds (the tasks go on). 0 waits without limit. Default 600, like the SDKs.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int TimeoutSec { get; set; } = (int)WaitOptions.DefaultTimeout.TotalSeconds;

        /// <summary>Seconds between status checks, varied by ±25 % so that many waiters spread out. Default 6, like the SDKs.</summary>
        [Parameter]
        [ValidateRange(0.05, 3600)]
        public double PollIntervalSec { get; set; } = WaitOptions.DefaultPollInterval.TotalSeconds;

        protected override void ProcessRecord()
        {
            if (ParameterSetName == TaskSet)
                tasks.AddRange(InputObject.Where(t => t != null && !string.IsNullOrEmpty(t.Id) && IsTaskId(t.Id)));
            else
                tasks.AddRange(Id.Where(IsTaskId).Select(id => new RunwayTask { Id = id }));
        }

        protected override void EndProcessing()
        {
            if (tasks.Count == 0) return;
            WaitOptions options = WaitOptions.FromSeconds(PollIntervalSec, TimeoutSec);
            var progress = WaitReporter.Output(this);
            try
            {
                RunForItem(tasks.Count == 1 ? (object)tasks[0].Id : tasks.Select(t => t.Id).ToArray(),
                    token => new TaskWaiter(Api, options).WaitAsync(tasks, progress, token));
            }
            finally
            {
                progress.Complete();
            }
        }
    }
}
