using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;
using Runway.Models;

namespace Runway.Tasks
{
    /// <summary>The organization's per-model concurrency, read once per key and base URI for the life of the process.</summary>
    internal static class TierLimits
    {
        private static readonly Dictionary<string, RunwayCredit> Cache = new Dictionary<string, RunwayCredit>();

        public static async Task<int?> MaxConcurrentAsync(RunwayApi api, string model, CancellationToken cancellation)
        {
            RunwayConfiguration configuration = api.Client.Configuration;
            string key = configuration.BaseUri + "|" + KeyFingerprint(configuration.ReadKey());
            RunwayCredit organization;
            lock (Cache) Cache.TryGetValue(key, out organization);
            if (organization == null)
            {
                organization = await api.GetOrganizationAsync(cancellation).ConfigureAwait(false);
                lock (Cache) Cache[key] = organization;
            }
            foreach (RunwayModelLimit limit in organization.Models)
                if (string.Equals(limit.Model, model, StringComparison.OrdinalIgnoreCase))
                    return limit.MaxConcurrentGenerations;
            return null;
        }

        private static string KeyFingerprint(string? key)
        {
            using (var sha = System.Security.Cryptography.SHA256.Create())
                return Convert.ToBase64String(sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(key ?? string.Empty)));
        }

        internal static void Forget()
        {
            lock (Cache) Cache.Clear();
        }
    }
}
