using System;
using System.Management.Automation;
using System.Security;
using Runway.Api;
using Runway.Models;
using Runway.Tasks;

namespace Runway.Cmdlets
{
    /// <summary>What Connect-Runway set up; the key shows only as a hint.</summary>
    public sealed class RunwayConnection
    {
        public Uri BaseUri { get; set; }
        public string ApiKeyHint { get; set; }
        public string KeySource { get; set; }
        public int MaxRetries { get; set; }
        public int RequestTimeoutSec { get; set; }
        public decimal? CreditBalance { get; set; }
        public decimal? MaxCredits { get; set; }
    }

    /// <summary>
    /// Sets the key, base URI and retry settings for this PowerShell process, overriding the environment,
    /// and checks them with one free request.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "Runway")]
    [OutputType(typeof(RunwayConnection))]
    public sealed class ConnectRunwayCommand : RunwayCmdlet
    {
        [Parameter(Position = 0)]
        public SecureString ApiKey { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string BaseUri { get; set; }

        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; } = RunwayConfiguration.DefaultMaxRetries;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int RequestTimeoutSec { get; set; } = (int)RunwayConfiguration.DefaultRequestTimeout.TotalSeconds;

        /// <summary>Spending cap for this session, in credits: a create whose estimate would pass it is refused before sending.</summary>
        [Parameter]
        [ValidateRange(0, 100000000)]
        public decimal MaxCredits { get; set; }

        /// <summary>Do not check the key against the API now.</summary>
        [Parameter]
        public SwitchParameter SkipValidation { get; set; }

        protected override void EndProcessing()
        {
            RunwayConfiguration environment;
            Uri baseUri;
            try
            {
                environment = RunwaySession.FromEnvironment();
                baseUri = BaseUri != null ? RunwayConfiguration.ParseBaseUri(BaseUri) : environment.BaseUri;
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(RunwayErrors.InvalidArgument("Runway.InvalidBaseUri", ex.Message, BaseUri));
                return;
            }

            SecureString key = ApiKey ?? environment.ApiKey;
            string source = ApiKey != null ? "Connect-Runway" : environment.KeySource;
            if (key == null || key.Length == 0)
            {
                ThrowTerminatingError(new ErrorRecord(new RunwayConfigurationException(
                        $"No API key: pass -ApiKey (for example -ApiKey (Read-Host -AsSecureString 'Runway API key')) or set ${RunwayConfiguration.ApiKeyVariable}."),
                    "Runway.MissingApiKey", ErrorCategory.AuthenticationError, null));
                return;
            }
            if (ApiKey != null)
            {
                key = ApiKey.Copy();
                key.MakeReadOnly();
            }

            var configuration = new RunwayConfiguration(baseUri, key, source, MaxRetries, TimeSpan.FromSeconds(RequestTimeoutSec));
            if (HasInvalidCharacters(configuration.ReadKey()))
            {
                ThrowTerminatingError(RunwayErrors.InvalidArgument("Runway.InvalidApiKey",
                    "The API key contains white space or control characters; copy it again from the Runway developer portal.", configuration.KeyHint));
                return;
            }

            decimal? balance = null;
            if (!SkipValidation)
            {
                var api = new RunwayApi(new RunwayClient(configuration, this));
                try
                {
                    balance = Run(token => api.GetOrganizationAsync(token)).CreditBalance;
                }
                catch (RunwayApiException ex)
                {
                    ThrowTerminatingError(RunwayErrors.FromException(ex, baseUri));
                }
            }

            RunwaySession.Connect(configuration);
            TierLimits.Forget();
            SpendingGuard.SetCap(MyInvocation.BoundParameters.ContainsKey(nameof(MaxCredits)) ? MaxCredits : (decimal?)null);
            WriteObject(new RunwayConnection
            {
                BaseUri = baseUri,
                ApiKeyHint = configuration.KeyHint,
                KeySource = source,
                MaxRetries = MaxRetries,
                RequestTimeoutSec = RequestTimeoutSec,
                CreditBalance = balance,
                MaxCredits = SpendingGuard.Cap,
            });
        }

        private static bool HasInvalidCharacters(string key)
        {
            foreach (char c in key)
                if (char.IsWhiteSpace(c) || char.IsControl(c)) return true;
            return false;
        }
    }

    /// <summary>Forgets what Connect-Runway set; the environment variables apply again.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Runway")]
    [OutputType(typeof(void))]
    public sealed class DisconnectRunwayCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            RunwaySession.Disconnect();
            TierLimits.Forget();
            SpendingGuard.SetCap(null);
        }
    }
}
