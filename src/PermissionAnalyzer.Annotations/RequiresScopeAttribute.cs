using System;

namespace PermissionAnalyzer;

/// <summary>
/// Declares the scopes an API requires. On a method, constructor, property or event, calling or
/// accessing it requires every listed scope. On a class, struct or interface, every member of the type
/// requires them (member attributes add to the type's). Overrides and interface implementations inherit
/// the requirement of the member they override or implement.
/// </summary>
/// <example>
/// <code>
/// [RequiresScope("messages:delete")]
/// public void DeleteThread(string threadId) { ... }
/// </code>
/// </example>
[AttributeUsage(
    AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property | AttributeTargets.Event |
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface,
    AllowMultiple = true,
    Inherited = true)]
public sealed class RequiresScopeAttribute : Attribute
{
    /// <summary>Declares that using the annotated API requires every scope in <paramref name="scopes"/>.</summary>
    /// <param name="scopes">Opaque scope tokens such as <c>messages:read</c>, compared by exact ordinal match.</param>
    public RequiresScopeAttribute(params string[] scopes)
    {
        Scopes = scopes;
    }

    /// <summary>The scopes the annotated API requires.</summary>
    public string[] Scopes { get; }
}
