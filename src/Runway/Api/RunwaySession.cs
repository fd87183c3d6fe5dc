using System;
using System.Security;

namespace Runway.Api
{
    /// <summary>
    /// The configuration in force: what Connect-Runway set for this process, else the environment,
    /// read at every call so that a changed $env:RUNWAYML_API_SECRET takes effect at once.
    /// </summary>
    public static class RunwaySession
    {
        private static readonly object Gate = new object();
        private static RunwayConfiguration? connected;

        public static RunwayConfiguration Current
        {
            get
            {
                lock (Gate)
                {
                    return connected ?? FromEnvironment();
                }
            }
        }

        public static bool IsConnected
        {
            get { lock (Gate) return connected != null; }
        }

        public static void Connect(RunwayConfiguration configuration)
        {
            lock (Gate) connected = configuration;
        }

        public static void Disconnect()
        {
            lock (Gate) connected = null;
        }

        public static RunwayConfiguration FromEnvironment()
        {
            string? key = Environment.GetEnvironmentVariable(RunwayConfiguration.ApiKeyVariable);
            string? baseUri = Environment.GetEnvironmentVariable(RunwayConfiguration.BaseUriVariable);
            SecureString? secure = string.IsNullOrWhiteSpace(key) ? null : RunwayConfiguration.ToSecureString(key.Trim());
            Uri uri;
            try
            {
                uri = RunwayConfiguration.ParseBaseUri(string.IsNullOrWhiteSpace(baseUri) ? RunwayConfiguration.DefaultBaseUri : baseUri.Trim());
            }
            catch (ArgumentException ex)
            {
                throw new RunwayConfigurationException($"${RunwayConfiguration.BaseUriVariable}: {ex.Message.Trim().TrimEnd('.')}.", badBaseUri: true);
            }
            return new RunwayConfiguration(uri, secure, "$env:" + RunwayConfiguration.ApiKeyVariable,
                RunwayConfiguration.DefaultMaxRetries, RunwayConfiguration.DefaultRequestTimeout);
        }
    }
}
