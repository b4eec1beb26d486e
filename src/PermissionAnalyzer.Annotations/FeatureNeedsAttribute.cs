using System;

namespace PermissionAnalyzer;

/// <summary>
/// Declares one feature a principal offers and the concrete scopes that feature needs: the documented
/// agreement against which grants and uses are compared. Wildcards are not allowed here.
/// Not inherited: a derived class is a principal only if it says so itself.
/// </summary>
/// <example>
/// <code>
/// [FeatureNeeds("Share a song with a friend", "messages:send")]
/// public sealed class SpotifyIntegration { ... }
/// </code>
/// </example>
[AttributeUsage(
    AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Assembly,
    AllowMultiple = true,
    Inherited = false)]
public sealed class FeatureNeedsAttribute : Attribute
{
    /// <summary>Declares that <paramref name="feature"/> needs every scope in <paramref name="scopes"/>.</summary>
    /// <param name="feature">A short name of the feature, shown in diagnostics and code fixes.</param>
    /// <param name="scopes">The concrete scopes the feature needs.</param>
    public FeatureNeedsAttribute(string feature, params string[] scopes)
    {
        Feature = feature;
        Scopes = scopes;
    }

    /// <summary>The feature's name.</summary>
    public string Feature { get; }

    /// <summary>The scopes the feature needs.</summary>
    public string[] Scopes { get; }
}
