using System;
using System.Management.Automation;

namespace Runway.Shell
{
    /// <summary>The one shape of an upload's or download's progress bar: bytes done of total, completed when all are there.</summary>
    public static class TransferProgress
    {
        public const int UploadActivityId = 0x52574155;
        public const int DownloadActivityId = 0x52574144;

        public static ProgressRecord Record(int activityId, string activity, long done, long? total) =>
            new ProgressRecord(activityId, activity, total.HasValue ? $"{done:N0} of {total.Value:N0} bytes" : $"{done:N0} bytes")
            {
                PercentComplete = total.HasValue && total.Value > 0 ? (int)Math.Min(100, 100 * done / total.Value) : -1,
                RecordType = total.HasValue && done >= total.Value ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };

        public static ProgressRecord Done(int activityId, string activity) =>
            new ProgressRecord(activityId, activity, "Done") { RecordType = ProgressRecordType.Completed };

        /// <summary>Progress of uploading local files (name, done, total), as a callback that writes on the pipeline thread.</summary>
        public static Action<string, long, long?> Upload(RunwayCmdlet cmdlet) =>
            (name, done, total) => cmdlet.OnPipeline(() => cmdlet.WriteProgress(Record(UploadActivityId, "Uploading " + name, done, total)));

        /// <summary>Progress of uploading one local file, as an upload callback that writes on the pipeline thread.</summary>
        public static Action<long, long?> Upload(RunwayCmdlet cmdlet, string name) =>
            (done, total) => cmdlet.OnPipeline(() => cmdlet.WriteProgress(Record(UploadActivityId, "Uploading " + name, done, total)));
    }
}
