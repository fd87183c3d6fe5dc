using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Runway.Shell
{
    /// <summary>
    /// Runs queued actions (a cmdlet's Write* calls) on the thread that pumps, until the awaited work completes.
    /// The work's completion wakes the pump at once: a call never waits out the idle timeout after its last write.
    /// </summary>
    internal sealed class PipelinePump : IDisposable
    {
        private static readonly Action Wake = () => { };
        private readonly BlockingCollection<Action> queue = new BlockingCollection<Action>();
        private readonly int idleTimeoutMs;

        /// <param name="idleTimeoutMs">How long one wait for work may block before the pump looks at the task again (a safety net only).</param>
        public PipelinePump(int idleTimeoutMs = 250)
        {
            this.idleTimeoutMs = idleTimeoutMs;
        }

        /// <summary>Queues an action; safe from any thread.</summary>
        public void Post(Action action)
        {
            try
            {
                if (!queue.IsAddingCompleted) queue.Add(action);
            }
            catch (InvalidOperationException)
            {
                // Posted once the command has ended (a download winding down after Ctrl+C): nothing reads the queue
                // any more. ObjectDisposedException is an InvalidOperationException.
            }
        }

        /// <summary>Runs queued actions on this thread until <paramref name="task"/> has completed and the queue is empty.</summary>
        public void Pump(Task task)
        {
            // The continuation posts a no-op after the task completes, so a blocked Take returns then.
            task.ContinueWith(_ => Post(Wake), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            while (true)
            {
                if (task.IsCompleted)
                {
                    while (queue.TryTake(out Action rest)) rest();
                    return;
                }
                if (queue.TryTake(out Action action, idleTimeoutMs))
                    action();
            }
        }

        /// <summary>Refuses later posts (see <see cref="Post"/>), then frees the queue's wait handles; a second call does nothing.</summary>
        public void Dispose()
        {
            try
            {
                queue.CompleteAdding();
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            queue.Dispose();
        }
    }
}
