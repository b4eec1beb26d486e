using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace PermissionAnalyzer.Engine;

/// <summary>
/// L of DESIGN.md ("Least cover"): the least set of scopes that covers every used term, preferring what the
/// grant already holds. Per used term, in ordinal order of keys: its minimal alternatives (those implying no
/// other alternative of the term; all of them when a cycle leaves none), the first one the grant names, else
/// the first one the grant covers, else the first; then the chosen scopes implied by another chosen scope are
/// dropped. Without alternatives and implications, L is U.
/// </summary>
internal sealed class LeastCover
{
    private LeastCover(ImmutableArray<string> scopes, ImmutableDictionary<string, string> choices)
    {
        Scopes = scopes;
        Choices = choices;
    }

    /// <summary>The scopes of L, in ordinal order.</summary>
    public ImmutableArray<string> Scopes { get; }

    /// <summary>For each used term, the alternative chosen for it (before implied choices are dropped).</summary>
    public ImmutableDictionary<string, string> Choices { get; }

    public bool Contains(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);

    public static LeastCover Compute(IEnumerable<string> usedTerms, IReadOnlyCollection<string> grants, ScopeCatalog catalog)
    {
        var choices = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var chosen = new List<string>();
        foreach (var term in usedTerms.OrderBy(t => t, StringComparer.Ordinal))
        {
            var choice = Choose(term, grants, catalog);
            choices[term] = choice;
            if (!chosen.Contains(choice))
            {
                chosen.Add(choice);
            }
        }

        var scopes = chosen
            .Where(s => !chosen.Any(other => Supersedes(other, s, catalog)))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToImmutableArray();
        return new LeastCover(scopes, choices.ToImmutable());
    }

    /// <summary>The alternative L takes for <paramref name="term"/> given the grant.</summary>
    public static string Choose(string term, IReadOnlyCollection<string> grants, ScopeCatalog catalog)
    {
        var minimal = MinimalAlternatives(term, catalog);
        foreach (var alternative in minimal)
        {
            if (grants.Contains(alternative, StringComparer.Ordinal))
            {
                return alternative;
            }
        }

        foreach (var alternative in minimal)
        {
            if (catalog.AnyCovers(grants, alternative))
            {
                return alternative;
            }
        }

        return minimal[0];
    }

    /// <summary>The alternatives of a term that imply no other alternative of it; all of them when none is.</summary>
    public static ImmutableArray<string> MinimalAlternatives(string term, ScopeCatalog catalog)
    {
        var alternatives = Term.Alternatives(term);
        if (alternatives.Length == 1)
        {
            return alternatives;
        }

        var minimal = alternatives.Where(a => !alternatives.Any(other => catalog.Implies(a, other))).ToImmutableArray();
        return minimal.IsEmpty ? alternatives : minimal;
    }

    /// <summary>Whether <paramref name="other"/> makes <paramref name="scope"/> unnecessary in L: it implies it, and on a cycle the ordinal first stays.</summary>
    private static bool Supersedes(string other, string scope, ScopeCatalog catalog) =>
        catalog.Implies(other, scope) && !(catalog.Implies(scope, other) && string.CompareOrdinal(scope, other) < 0);
}
