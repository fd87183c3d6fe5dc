using System;

namespace Runway.Shell
{
    /// <summary>
    /// A cmdlet that creates something that may cost credits: it goes through the money path (spending cap,
    /// -AllowUnknownPrice, a journal entry before it returns, an UNCONFIRMED entry when the answer is lost). Every
    /// New-*/Invoke-* cmdlet declares this or <see cref="FreeCreateAttribute"/> (a contract test checks).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = true)]
    public sealed class PaidCreateAttribute : Attribute
    {
    }

    /// <summary>
    /// A cmdlet that creates or changes something free (routers, voices, documents, avatars, realtime sessions): no cap,
    /// no journal, and a failure never says a task may have been charged (its POST is RequestKind.CreateResource).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, Inherited = true)]
    public sealed class FreeCreateAttribute : Attribute
    {
    }
}
