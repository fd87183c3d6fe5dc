using System;
using System.Threading;

namespace Runway.Api
{
    /// <summary>
    /// The deadline of the operation a request belongs to (a wait's -TimeoutSec), seen by every request the operation
    /// sends, however deep: the retry rules obey a Retry-After only while it ends before this deadline.
    /// </summary>
    public static class OperationDeadline
    {
        private sealed class Scope
        {
            public DateTimeOffset? Deadline;
        }

        private static readonly AsyncLocal<Scope> Current = new AsyncLocal<Scope>();

        /// <summary>Requests sent until disposal belong to an operation that ends at <paramref name="deadline"/> (null: waits without limit).</summary>
        public static IDisposable Until(DateTimeOffset? deadline)
        {
            Scope previous = Current.Value;
            Current.Value = new Scope { Deadline = deadline };
            return new Restore(previous);
        }

        /// <summary>The deadline in force: the operation's own, or outside any operation now + <see cref="RetryPolicy.DefaultRetryAfterCeiling"/>.</summary>
        public static DateTimeOffset? For(DateTimeOffset now)
        {
            Scope scope = Current.Value;
            return scope != null ? scope.Deadline : now + RetryPolicy.DefaultRetryAfterCeiling;
        }

        private sealed class Restore : IDisposable
        {
            private readonly Scope previous;
            public Restore(Scope previous) => this.previous = previous;
            public void Dispose() => Current.Value = previous;
        }
    }
}
