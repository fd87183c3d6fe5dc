using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Runway.Api;
using Runway.Models;

namespace Runway.Media
{
    /// <summary>Fills a request's media slots: small local files become data URIs, larger ones are uploaded.</summary>
    public sealed class MediaResolver
    {
        private readonly Uploader uploader;

        public MediaResolver(Uploader uploader)
        {
            this.uploader = uploader;
        }

        public async Task ResolveAsync(GenerationRequest request, Action<MediaSource, long, long?> progress, CancellationToken cancellation)
        {
            foreach (MediaSlot slot in request.Media)
            {
                // Only local files need work; every other input is already in the body.
                if (!(slot.Source is MediaSource source) || !source.IsLocal) continue;
                bool overLimit = request.DataUriLimit is long limit && MediaLimits.DataUriLength(source.Length, source.ContentFormat.MediaType) > limit;
                if (!source.NeedsUpload && !overLimit)
                {
                    slot.Assign(await DataUriAsync(source, cancellation).ConfigureAwait(false));
                    continue;
                }
                RunwayUpload upload = await uploader.UploadAsync(source.Value, source.ContentFormat,
                    (done, total) => progress?.Invoke(source, done, total), cancellation).ConfigureAwait(false);
                slot.Assign(upload.Uri);
            }
        }

        public static async Task<string> DataUriAsync(MediaSource source, CancellationToken cancellation)
        {
            byte[] bytes;
            using (var stream = new FileStream(source.Value, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
            {
                bytes = new byte[stream.Length];
                int total = 0;
                while (total < bytes.Length)
                {
                    int read = await stream.ReadAsync(bytes, total, bytes.Length - total, cancellation).ConfigureAwait(false);
                    if (read == 0) throw new IOException($"'{source.Value}' changed while it was read.");
                    total += read;
                }
            }
            return "data:" + source.ContentFormat.MediaType + ";base64," + Convert.ToBase64String(bytes);
        }
    }
}
