using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Runway.Media
{
    /// <summary>A read-only pass-through stream that reports how many bytes have been read.</summary>
    internal sealed class ProgressStream : Stream
    {
        private readonly Stream inner;
        private readonly Action<long> report;
        private long position;

        public ProgressStream(Stream inner, Action<long> report)
        {
            this.inner = inner;
            this.report = report;
        }

        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set { inner.Position = value; position = value; }
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Count(await inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

        private int Count(int read)
        {
            position += read;
            report?.Invoke(position);
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) { long p = inner.Seek(offset, origin); position = p; return p; }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>Calls back at most every <see cref="Interval"/> (and always for the last value), so progress bars do not flood the host.</summary>
    public sealed class ThrottledProgress
    {
        public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
        private readonly Action<long, long?> report;
        private readonly long? total;
        private DateTime last = DateTime.MinValue;

        public ThrottledProgress(long? total, Action<long, long?> report)
        {
            this.total = total;
            this.report = report;
        }

        public void Report(long done)
        {
            DateTime now = DateTime.UtcNow;
            bool complete = total.HasValue && done >= total.Value;
            if (!complete && now - last < Interval) return;
            last = now;
            report(done, total);
        }
    }
}
