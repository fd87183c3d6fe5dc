using System.Threading;
using System.Threading.Tasks;
using Runway.Api;
using Runway.Models;

namespace Runway.Shell
{
    /// <summary>The one rule for naming a router: its id or its slug, wherever a router is named.</summary>
    public static class RouterNames
    {
        /// <summary>The id of the router <paramref name="idOrSlug"/> names; Runway.RouterNotFound (ObjectNotFound) when none has it.</summary>
        public static async Task<string> IdAsync(RunwayApi api, string idOrSlug, string parameter, CancellationToken cancellation) =>
            await api.RouterIdAsync(idOrSlug, cancellation).ConfigureAwait(false)
            ?? throw new RunwayInputException($"No Model Router has the id or slug '{idOrSlug}'. Get-RunwayRouter lists the routers.",
                parameter, "Runway.RouterNotFound", idOrSlug, ErrorKind.ObjectNotFound);
    }
}
