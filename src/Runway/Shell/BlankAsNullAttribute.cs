using System.Management.Automation;

namespace Runway.Shell
{
    /// <summary>
    /// An empty or blank string becomes null, so an empty CSV cell (Import-Csv | New-RunwayVideo) means
    /// "not given" instead of 0 or "".
    /// </summary>
    public sealed class BlankAsNullAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject ps ? ps.BaseObject : inputData;
            return value is string text && string.IsNullOrWhiteSpace(text) ? null : inputData;
        }
    }
}
