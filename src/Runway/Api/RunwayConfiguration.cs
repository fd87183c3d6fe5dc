using System;
using System.Runtime.InteropServices;
using System.Security;

namespace Runway.Api
{
    /// <summary>Where and how the module talks to the API: base URI, key, retry and timeout settings.</summary>
    public sealed class RunwayConfiguration
    {
        public const string DefaultBaseUri = "https://api.dev.runwayml.com";
        public const string ApiKeyVariable = "RUNWAYML_API_SECRET";
        public const string BaseUriVariable = "RUNWAYML_BASE_URL";
        public const int DefaultMaxRetries = 2;
        public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(60);

        public RunwayConfiguration(Uri baseUri, SecureString? apiKey, string keySource, int maxRetries, TimeSpan requestTimeout)
        {
            BaseUri = baseUri;
            ApiKey = apiKey;
            KeySource = keySource;
            MaxRetries = maxRetries;
            RequestTimeout = requestTimeout;
        }

        public Uri BaseUri { get; }
        public SecureString? ApiKey { get; }
        /// <summary>Where the key came from, for messages: the environment variable or Connect-Runway.</summary>
        public string KeySource { get; }
        public int MaxRetries { get; }
        public TimeSpan RequestTimeout { get; }

        public bool HasApiKey => ApiKey != null && ApiKey.Length > 0;

        /// <summary>A display form of the key that cannot be used to authenticate: key_…1a2b.</summary>
        public string KeyHint => HasApiKey ? MaskKey(ReadKey()) : "(none)";

        internal string? ReadKey()
        {
            if (ApiKey == null || ApiKey.Length == 0) return null;
            IntPtr pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(ApiKey);
                return Marshal.PtrToStringUni(pointer);
            }
            finally
            {
                if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        public static string MaskKey(string? key)
        {
            if (Strings.IsEmpty(key)) return "(none)";
            string prefix = key.StartsWith("key_", StringComparison.Ordinal) ? "key_" : string.Empty;
            string tail = key.Length >= 12 ? key.Substring(key.Length - 4) : string.Empty;
            return prefix + "…" + tail;
        }

        public static Uri ParseBaseUri(string value)
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out Uri uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                throw new ArgumentException($"'{value}' is not an absolute http(s) URI. Set {BaseUriVariable} to something like {DefaultBaseUri}.");
            if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
                throw new ArgumentException($"'{value}' would send your API key unencrypted. Use https, or http only for a local simulator on a loopback address.");
            string text = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
            return new Uri(text + "/");
        }

        public static SecureString ToSecureString(string value)
        {
            var secure = new SecureString();
            foreach (char c in value) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
