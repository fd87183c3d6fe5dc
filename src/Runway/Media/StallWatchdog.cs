using System;
using System.Diagnostics;
using System.Threading;

namespace Runway.Media
{
    /// <summary>
    /// Cancels a transfer that makes no progress for <see cref="Limit"/> (a server or proxy that hangs
    /// mid-body), while letting a slow but moving transfer of any size run as long as it needs.
    /// </summary>
    internal sealed class StallWatchdog : IDisposable
    {
        private readonly CancellationTokenSource source;
        private readonly Timer timer;
        private long lastProgress;

        public StallWatchdog(TimeSpan limit, CancellationToken outer)
        {
            Limit = limit;
            source = CancellationTokenSource.CreateLinkedTokenSource(outer);
            Kick();
            TimeSpan period = TimeSpan.FromMilliseconds(Math.Max(50, Math.Min(1000, limit.TotalMilliseconds / 4)));
            timer = new Timer(_ => Check(), null, period, period);
        }

        public TimeSpan Limit { get; }
        public CancellationToken Token => source.Token;
        /// <summary>True once the watchdog (not the user) cancelled the transfer.</summary>
        public bool Stalled { get; private set; }

        public void Kick() => Interlocked.Exchange(ref lastProgress, Stopwatch.GetTimestamp());

        private void Check()
        {
            double idle = (Stopwatch.GetTimestamp() - Interlocked.Read(ref lastProgress)) / (double)Stopwatch.Frequency;
            if (idle < Limit.TotalSeconds || source.IsCancellationRequested) return;
            Stalled = true;
            try { source.Cancel(); } catch (ObjectDisposedException) { }
        }

        public void Dispose()
        {
            timer.Dispose();
            source.Dispose();
        }
    }
}
