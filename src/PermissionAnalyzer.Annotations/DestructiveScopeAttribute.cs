using System;

namespace PermissionAnalyzer;

/// <summary>
/// Marks a scope destructive for the scope catalog of every assembly that references this one, in addition
/// to the word rule (a word part such as <c>delete</c> or <c>purge</c>): granting it without need is
/// delete-access creep (PA0002).
/// </summary>
/// <example>
/// <code>
/// [assembly: DestructiveScope("administration:write")]
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class DestructiveScopeAttribute : Attribute
{
    /// <summary>Marks <paramref name="scope"/> destructive.</summary>
    /// <param name="scope">The scope, compared by exact ordinal match.</param>
    public DestructiveScopeAttribute(string scope)
    {
        Scope = scope;
    }

    /// <summary>The destructive scope.</summary>
    public string Scope { get; }
}
