using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;
using Runway.Models;

namespace Runway.Media
{
    /// <summary>
    /// Fills the media slots of a resource request (a voice sample, an avatar's face): a local file is inlined when its
    /// data URI fits the endpoint's inline limit, else uploaded.
    /// </summary>
    public static class SlotResolver
    {
        public static async Task ResolveAsync(IEnumerable<MediaSlot> slots, long maxDataUriLength, Uploader uploader,
            Action<string, long, long?> progress, CancellationToken cancellation)
        {
            foreach (MediaSlot slot in slots)
            {
                if (!(slot.Source is MediaSource source) || !source.IsLocal) continue;
                if (MediaLimits.DataUriLength(source.Length, source.ContentFormat.MediaType) <= maxDataUriLength)
                {
                    slot.Assign(await MediaResolver.DataUriAsync(source, cancellation).ConfigureAwait(false));
                    continue;
                }
                RunwayUpload upload = await uploader.UploadAsync(source.Value, source.ContentFormat,
                    (done, total) => progress?.Invoke(source.Display, done, total), cancellation).ConfigureAwait(false);
                slot.Assign(upload.Uri);
            }
        }
    }
}
