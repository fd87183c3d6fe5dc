using System;
using Runway.Shell;
using Xunit;

namespace Runway.Tests
{
    /// <summary>
    /// PowerShell disposes an IDisposable cmdlet once its pipeline has ended, without waiting for a StopProcessing that
    /// is on its way (PipelineProcessor.DisposeCommands): a stop after the dispose must not throw, and what the command
    /// owns is disposed with it.
    /// </summary>
    public class CmdletDisposalTests
    {
        private sealed class Probe : RunwayCmdlet
        {
            public void Stop() => StopProcessing();
            public bool Stopped => Cancellation.IsCancellationRequested;
        }

        private sealed class Resource : IDisposable
        {
            public int Disposed { get; private set; }
            public void Dispose() => Disposed++;
        }

        [Fact]
        public void A_stop_cancels_the_command_and_a_stop_after_the_dispose_is_no_error()
        {
            var cmdlet = new Probe();
            cmdlet.Stop();
            Assert.True(cmdlet.Stopped);
            cmdlet.Dispose();
            Assert.Null(Record.Exception(cmdlet.Stop));
        }

        [Fact]
        public void What_the_command_owns_is_disposed_once_with_it()
        {
            var cmdlet = new Probe();
            var resource = cmdlet.Own(new Resource());
            cmdlet.Dispose();
            cmdlet.Dispose();
            Assert.Equal(1, resource.Disposed);
        }
    }
}
