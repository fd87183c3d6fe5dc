// The flow attributes of nullable reference types, which netstandard2.0 lacks: the compiler recognises them by name,
// so internal copies let the module's own Try* and Is* methods tell it when a value is not null. Compiled into
// src/Runway from outside its layer folders (they must live in System.Diagnostics.CodeAnalysis).
namespace System.Diagnostics.CodeAnalysis
{
    /// <summary>The argument is not null when the method returns <see cref="ReturnValue"/>.</summary>
    [AttributeUsage(AttributeTargets.Parameter)]
    internal sealed class NotNullWhenAttribute : Attribute
    {
        public NotNullWhenAttribute(bool returnValue) => ReturnValue = returnValue;
        public bool ReturnValue { get; }
    }

    /// <summary>The out argument may be null when the method returns <see cref="ReturnValue"/>.</summary>
    [AttributeUsage(AttributeTargets.Parameter)]
    internal sealed class MaybeNullWhenAttribute : Attribute
    {
        public MaybeNullWhenAttribute(bool returnValue) => ReturnValue = returnValue;
        public bool ReturnValue { get; }
    }

    /// <summary>The return value is not null when the named parameter is not null.</summary>
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue, AllowMultiple = true)]
    internal sealed class NotNullIfNotNullAttribute : Attribute
    {
        public NotNullIfNotNullAttribute(string parameterName) => ParameterName = parameterName;
        public string ParameterName { get; }
    }

    /// <summary>The argument is not null once the method returns (a check that throws on null).</summary>
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.ReturnValue)]
    internal sealed class NotNullAttribute : Attribute
    {
    }

    /// <summary>The method never returns (it always throws).</summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    internal sealed class DoesNotReturnAttribute : Attribute
    {
    }
}
