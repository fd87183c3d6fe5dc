using System;
using System.Globalization;

namespace Runway.Models
{
    /// <summary>
    /// The rules of timed keyframes on a source video, one place for every cmdlet that sends them (New-RunwayVideo's
    /// aleph2, and New-RunwayRoutedVideo, whose keyframes reach the same restyle models): the count, Seconds (0 or more,
    /// inside the clip when its length is known here) or At (a fraction 0–1), and an optional edit window in whole
    /// seconds that contains the keyframe, set on every keyframe or none.
    /// </summary>
    public static class KeyframeRules
    {
        /// <summary>"Up to 5 keyframes" (aleph2's declaration; the routed input states no limit, and its keyframes go to such a model).</summary>
        public const int MaxKeyframes = 5;

        public static void CheckCount(int count, int max, string parameter, string who)
        {
            if (count < 1 || count > max)
                throw Invalid(parameter, "Runway.InvalidKeyframeCount", $"{who} takes 1–{max} keyframes; {count} given.", count);
        }

        /// <param name="clipSeconds">The source video's length when known locally (a local file), else null.</param>
        public static void CheckPosition(double? seconds, double? at, double? clipSeconds, string parameter)
        {
            if (seconds.HasValue)
            {
                double s = seconds.Value;
                if (double.IsNaN(s) || double.IsInfinity(s) || s < 0)
                    throw Invalid(parameter, "Runway.InvalidKeyframe", $"A -{parameter}'s Seconds must be a number of seconds, 0 or more; {Format(s)} is not.", s);
                if (clipSeconds.HasValue && s >= clipSeconds.Value)
                    throw Invalid(parameter, "Runway.KeyframePastClip", $"A -{parameter} at {Format(s)} s is past the end of the source video ({Format(clipSeconds.Value)} s long).", s);
            }
            else if (at.HasValue)
            {
                double a = at.Value;
                if (double.IsNaN(a) || a < 0 || a > 1)
                    throw Invalid(parameter, "Runway.InvalidKeyframe", $"A -{parameter}'s At is a fraction of the video, 0–1; {Format(a)} is not.", a);
            }
        }

        /// <summary>An edit window: whole seconds, Start before End (exclusive), holding a keyframe given in Seconds, inside the clip when known.</summary>
        public static void CheckWindow(double start, double end, double? seconds, double? clipSeconds, string parameter, object target)
        {
            if (start != Math.Floor(start) || end != Math.Floor(end) || start < 0 || end <= start)
                throw Invalid(parameter, "Runway.InvalidKeyframe", $"A -{parameter}'s edit window needs Start and End in whole seconds, Start < End; {Format(start)} to {Format(end)} was given.", target);
            if (seconds.HasValue && (seconds.Value < start || seconds.Value >= end))
                throw Invalid(parameter, "Runway.InvalidKeyframe", $"A keyframe at {Format(seconds.Value)} s is outside its window {Format(start)}–{Format(end)} s (End exclusive).", target);
            if (clipSeconds.HasValue && start >= clipSeconds.Value)
                throw Invalid(parameter, "Runway.KeyframePastClip", $"A -{parameter}'s edit window starts at {Format(start)} s, past the end of the source video ({Format(clipSeconds.Value)} s long).", target);
        }

        public static void CheckAllOrNone(int withWindow, int count, string parameter, object? target)
        {
            if (withWindow != 0 && withWindow != count)
                throw Invalid(parameter, "Runway.InvalidKeyframe", $"Either every -{parameter} sets an edit window, or none does.", target);
        }

        private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

        private static RunwayInputException Invalid(string parameter, string errorId, string message, object? target) =>
            new RunwayInputException(message, parameter, errorId, target);
    }
}
