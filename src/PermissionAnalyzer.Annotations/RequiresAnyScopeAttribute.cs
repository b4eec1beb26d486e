using System;

namespace PermissionAnalyzer;

/// <summary>
/// Declares that an API requires at least one of several scopes, listed least privileged first. On a
/// method, constructor, property or event, calling or accessing it requires one of the listed scopes; on a
/// class, struct or interface, every member of the type does. Each attribute is one requirement (a term);
/// several attributes, and <see cref="RequiresScopeAttribute"/> next to them, are all required. Overrides and
/// interface implementations inherit the requirement of the member they override or implement.
/// </summary>
/// <example>
/// <code>
/// [RequiresAnyScope("Mail.Read", "Mail.ReadWrite")]
/// public Message[] ListMessages() { ... }
/// </code>
/// </example>
[AttributeUsage(
    AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property | AttributeTargets.Event |
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface,
    AllowMultiple = true,
    Inherited = true)]
public sealed class RequiresAnyScopeAttribute : Attribute
{
    /// <summary>Declares that using the annotated API requires at least one scope of <paramref name="scopes"/>.</summary>
    /// <param name="scopes">The alternatives, least privileged first, compared by exact ordinal match.</param>
    public RequiresAnyScopeAttribute(params string[] scopes)
    {
        Scopes = scopes;
    }

    /// <summary>The alternatives, least privileged first.</summary>
    public string[] Scopes { get; }
}
