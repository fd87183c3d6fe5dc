using System;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;

namespace Runway.Tasks
{
    /// <summary>
    /// The money path every paid create takes (task creates and workflow runs alike): the spending cap and
    /// -AllowUnknownPrice checked and the most it can cost reserved before it is sent; sent once; the spend
    /// committed; and, when the answer is lost, an UNCONFIRMED journal entry, because it may exist and be charged.
    /// </summary>
    public static class PaidCreate
    {
        /// <summary>Refuses (RunwayBudgetException) a create the cap would not allow, before anything is read or sent.</summary>
        public static void Check(decimal credits, string what, bool priceKnown) => SpendingGuard.Check(credits, what, priceKnown);

        /// <param name="credits">The most it can cost (0 when the price is unknown).</param>
        /// <param name="journalUnconfirmed">Writes the entry of a create whose answer was lost, with the reason.</param>
        /// <param name="idOf">The created thing's id and the API's own estimate, if it gave one.</param>
        public static async Task<T> SendAsync<T>(decimal credits, string what, bool priceKnown, Func<CancellationToken, Task<T>> send,
            Func<string, bool> journalUnconfirmed, Func<T, (string? Id, decimal? Reported)> idOf, CancellationToken cancellation)
        {
            SpendingGuard.Reserve(credits, what, priceKnown);
            T created;
            try
            {
                created = await send(cancellation).ConfigureAwait(false);
            }
            catch (RunwayApiException ex) when (!ex.TaskMayExist)
            {
                SpendingGuard.Release(credits);
                throw;
            }
            catch (Exception ex)
            {
                // Cancelled or lost mid-request: it may exist, so its cost counts, and the attempt is journaled.
                SpendingGuard.Commit(credits);
                journalUnconfirmed(ex is OperationCanceledException ? "Stopped while the create was being sent; the task may exist." : ex.Message);
                throw;
            }
            (string? id, decimal? reported) = idOf(created);
            SpendingGuard.Commit(credits, id, reported);
            return created;
        }
    }
}
