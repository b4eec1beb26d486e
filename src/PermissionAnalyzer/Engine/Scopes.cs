using System;
using System.Collections.Generic;

namespace PermissionAnalyzer.Engine;

/// <summary>Scope string semantics of DESIGN.md: opaque tokens, ordinal match, trailing-star wildcards.</summary>
internal static class Scopes
{
    public static bool IsWildcard(string scope) => scope.Length > 0 && scope[scope.Length - 1] == '*';

    /// <summary>Whether a grant covers a scope: equal, or a wildcard whose prefix the scope starts with.</summary>
    public static bool Covers(string grant, string scope)
    {
        if (IsWildcard(grant))
        {
            return scope.StartsWith(grant.Substring(0, grant.Length - 1), StringComparison.Ordinal);
        }

        return string.Equals(grant, scope, StringComparison.Ordinal);
    }

    public static bool AnyCovers(IEnumerable<string> grants, string scope)
    {
        foreach (var grant in grants)
        {
            if (Covers(grant, scope))
            {
                return true;
            }
        }

        return false;
    }
}
