using Runway.Api;

namespace Runway.Api
{
    /// <summary>
    /// What kind of failure an error is, named as PowerShell's ErrorCategory names it; the layers below the
    /// cmdlets use this so that they carry no PowerShell types (the cmdlets map it by name).
    /// </summary>
    public enum ErrorKind
    {
        NotSpecified,
        ConnectionError,
        InvalidArgument,
        InvalidData,
        InvalidOperation,
        InvalidResult,
        InvalidType,
        LimitsExceeded,
        ObjectNotFound,
        OperationStopped,
        OperationTimeout,
        PermissionDenied,
        ReadError,
        ResourceExists,
        ResourceUnavailable,
        SecurityError,
        WriteError,
    }
}
