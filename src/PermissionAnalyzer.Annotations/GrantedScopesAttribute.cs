using System;

namespace PermissionAnalyzer;

/// <summary>
/// Declares the scopes a principal (a partner integration, an app, a service) is granted.
/// On a class or struct the grant covers that type and its nested types that are not principals
/// themselves; on an assembly it covers all code of the assembly outside type-level principals.
/// A scope of <c>*</c>, or one ending in <c>*</c> (<c>messages:*</c>), covers every scope with that prefix.
/// Not inherited: a derived class is a principal only if it says so itself.
/// </summary>
/// <example>
/// <code>
/// [GrantedScopes("messages:send")]
/// public sealed class SpotifyIntegration { ... }
/// </code>
/// </example>
[AttributeUsage(
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Assembly,
    AllowMultiple = true,
    Inherited = false)]
public sealed class GrantedScopesAttribute : Attribute
{
    /// <summary>Grants every scope in <paramref name="scopes"/> to the annotated principal.</summary>
    /// <param name="scopes">Opaque scope tokens, or wildcards ending in <c>*</c>.</param>
    public GrantedScopesAttribute(params string[] scopes)
    {
        Scopes = scopes;
    }

    /// <summary>The granted scopes.</summary>
    public string[] Scopes { get; }
}
