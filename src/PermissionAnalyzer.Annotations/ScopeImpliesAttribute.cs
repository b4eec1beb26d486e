using System;

namespace PermissionAnalyzer;

/// <summary>
/// States, for the scope catalog of every assembly that references this one, that holding
/// <see cref="Scope"/> also grants each scope of <see cref="Implied"/>. Implication is transitive:
/// <c>Mail.ReadWrite</c> implying <c>Mail.Read</c>, and <c>Mail.Read</c> implying <c>Mail.ReadBasic</c>, make
/// <c>Mail.ReadWrite</c> imply <c>Mail.ReadBasic</c>. A grant or a feature need covers a requirement it implies.
/// </summary>
/// <example>
/// <code>
/// [assembly: ScopeImplies("Mail.ReadWrite", "Mail.Read")]
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class ScopeImpliesAttribute : Attribute
{
    /// <summary>States that holding <paramref name="scope"/> grants every scope of <paramref name="implied"/>.</summary>
    /// <param name="scope">The broader scope.</param>
    /// <param name="implied">The scopes it includes.</param>
    public ScopeImpliesAttribute(string scope, params string[] implied)
    {
        Scope = scope;
        Implied = implied;
    }

    /// <summary>The broader scope.</summary>
    public string Scope { get; }

    /// <summary>The scopes that holding <see cref="Scope"/> also grants.</summary>
    public string[] Implied { get; }
}
