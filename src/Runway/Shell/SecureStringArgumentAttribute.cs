using System.Management.Automation;
using Runway.Api;

namespace Runway.Shell
{
    /// <summary>
    /// Lets a SecureString parameter take a plain string too: it is converted at binding, so the cmdlet only
    /// ever holds the SecureString and the text appears in no error message.
    /// </summary>
    public sealed class SecureStringArgumentAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject ps ? ps.BaseObject : inputData;
            return value is string text ? RunwayConfiguration.ToSecureString(text) : inputData;
        }
    }
}
