using System;
using System.Management.Automation;
using System.Security;
using Runway.Api;
using Runway.Models;
using Runway.Tasks;

using Runway.Shell;

namespace Runway.Cmdlets
{
    /// <summary>
    /// Sets the key, base URI and retry settings for this PowerShell process, overriding the environment,
    /// and checks them with one free request.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "Runway", DefaultParameterSetName = KeySet, HelpUri = RunwayCmdlet.HelpUriBase + "Connect-Runway.md")]
    [OutputType(typeof(RunwayConnection))]
    public sealed class ConnectRunwayCommand : RunwayCmdlet
    {
        private const string KeySet = "ApiKey";
        private const string VaultSet = "Vault";
        private const string SecretModule = "Microsoft.PowerShell.SecretManagement";

        /// <summary>The key: a SecureString, or a plain string (converted at once).</summary>
        [Parameter(Position = 0, ParameterSetName = KeySet)]
        [SecureStringArgument]
        public SecureString? ApiKey { get; set; }

        /// <summary>Read the key from this SecretManagement vault.</summary>
        [Parameter(Mandatory = true, ParameterSetName = VaultSet)]
        [ValidateNotNullOrEmpty]
        public string? Vault { get; set; }

        /// <summary>The secret's name in the vault.</summary>
        [Parameter(ParameterSetName = VaultSet)]
        [ValidateNotNullOrEmpty]
        public string SecretName { get; set; } = RunwayConfiguration.ApiKeyVariable;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? BaseUri { get; set; }

        [Parameter]
        [ValidateRange(0, 10)]
        [WholeNumber]
        public int MaxRetries { get; set; } = RunwayConfiguration.DefaultMaxRetries;

        [Parameter]
        [ValidateRange(1, 3600)]
        [WholeNumber]
        public int RequestTimeoutSec { get; set; } = (int)RunwayConfiguration.DefaultRequestTimeout.TotalSeconds;

        /// <summary>Spending cap for this session, in credits: a create whose estimate would pass it is refused before sending.</summary>
        [Parameter]
        [ValidateRange(0, 100000000)]
        public decimal MaxCredits { get; set; }

        /// <summary>Under -MaxCredits, also send tasks whose price Runway does not publish (counted from the API's own estimate).</summary>
        [Parameter]
        public SwitchParameter AllowUnknownPrice { get; set; }

        /// <summary>Do not check the key against the API now.</summary>
        [Parameter]
        public SwitchParameter SkipValidation { get; set; }

        protected override void EndProcessing()
        {
            // -BaseUri replaces $env:RUNWAYML_BASE_URL entirely, so a bad variable cannot block the way around it.
            string baseText = BaseUri ?? Environment.GetEnvironmentVariable(RunwayConfiguration.BaseUriVariable);
            Uri baseUri;
            try
            {
                baseUri = RunwayConfiguration.ParseBaseUri(string.IsNullOrWhiteSpace(baseText) ? RunwayConfiguration.DefaultBaseUri : baseText.Trim());
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorPolicy.InvalidArgument("Runway.InvalidBaseUri", ex.Message, baseText));
                return;
            }

            if (Vault != null)
                ApiKey = ReadFromVault();
            string environmentKey = Environment.GetEnvironmentVariable(RunwayConfiguration.ApiKeyVariable);
            SecureString? key = ApiKey ?? (string.IsNullOrWhiteSpace(environmentKey) ? null : RunwayConfiguration.ToSecureString(environmentKey.Trim()));
            string source = Vault != null ? $"vault {Vault}" : ApiKey != null ? "Connect-Runway" : "$env:" + RunwayConfiguration.ApiKeyVariable;
            if (key == null || key.Length == 0)
            {
                ThrowTerminatingError(new ErrorRecord(new RunwayConfigurationException(
                        $"No API key: pass -ApiKey (for example -ApiKey (Read-Host -AsSecureString 'Runway API key')) or set ${RunwayConfiguration.ApiKeyVariable}."),
                    "Runway.MissingApiKey", ErrorCategory.AuthenticationError, RunwayConfiguration.ApiKeyVariable));
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
                ThrowTerminatingError(ErrorPolicy.InvalidArgument("Runway.InvalidApiKey",
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
                    ThrowTerminatingError(ErrorPolicy.FromException(ex, baseUri));
                }
            }

            RunwaySession.Connect(configuration);
            TierLimits.Forget();
            SpendingGuard.SetCap(MyInvocation.BoundParameters.ContainsKey(nameof(MaxCredits)) ? MaxCredits : (decimal?)null);
            SpendingGuard.AllowUnknownPrice = AllowUnknownPrice.IsPresent;
            decimal? cap = SpendingGuard.CapForReport(out string? capProblem);
            if (capProblem != null) WriteWarning(capProblem);
            WriteObject(new RunwayConnection
            {
                BaseUri = baseUri,
                ApiKeyHint = configuration.KeyHint,
                KeySource = source,
                MaxRetries = MaxRetries,
                RequestTimeoutSec = RequestTimeoutSec,
                CreditBalance = balance,
                MaxCredits = cap,
            });
        }

        /// <summary>Gets the key through Microsoft.PowerShell.SecretManagement, or explains how to set that up.</summary>
        private SecureString? ReadFromVault()
        {
            var available = InvokeCommand.InvokeScript($"Get-Module -ListAvailable -Name '{SecretModule}'");
            if (available.Count == 0)
            {
                ThrowTerminatingError(new ErrorRecord(new RunwayConfigurationException(
                        $"-Vault needs the {SecretModule} module, which is not installed. Install it and a vault, then store the key once:" +
                        $" Install-PSResource {SecretModule}, Microsoft.PowerShell.SecretStore;" +
                        $" Register-SecretVault -Name {Vault} -ModuleName Microsoft.PowerShell.SecretStore;" +
                        $" Set-Secret -Vault {Vault} -Name {SecretName} -Secret (Read-Host -AsSecureString 'Runway API key')."),
                    "Runway.SecretManagementMissing", ErrorCategory.NotInstalled, Vault));
            }
            System.Collections.ObjectModel.Collection<PSObject> secret;
            try
            {
                secret = InvokeCommand.InvokeScript(false,
                    ScriptBlock.Create($"param($name, $vault) Import-Module {SecretModule} -ErrorAction Stop; {SecretModule}\\Get-Secret -Name $name -Vault $vault -ErrorAction Stop"),
                    null, SecretName, Vault);
            }
            catch (RuntimeException ex)
            {
                ThrowTerminatingError(new ErrorRecord(new RunwayConfigurationException(
                        $"Could not read secret '{SecretName}' from vault '{Vault}': {ErrorPolicy.Sentence(ex.Message)}"),
                    "Runway.SecretNotFound", ErrorCategory.ObjectNotFound, Vault));
                return null;
            }
            object? value = secret.Count > 0 ? secret[0]?.BaseObject : null;
            switch (value)
            {
                case SecureString secure:
                    return secure;
                case string text when !string.IsNullOrEmpty(text):
                    return RunwayConfiguration.ToSecureString(text);
                default:
                    ThrowTerminatingError(new ErrorRecord(new RunwayConfigurationException(
                            $"Secret '{SecretName}' in vault '{Vault}' is not a string or SecureString."),
                        "Runway.SecretNotFound", ErrorCategory.InvalidData, Vault));
                    return null;
            }
        }

        private static bool HasInvalidCharacters(string? key)
        {
            foreach (char c in key ?? string.Empty)
                if (char.IsWhiteSpace(c) || char.IsControl(c)) return true;
            return false;
        }
    }
}
