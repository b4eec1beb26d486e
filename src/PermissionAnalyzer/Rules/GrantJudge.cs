using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using PermissionAnalyzer.Engine;

namespace PermissionAnalyzer.Rules;

/// <summary>What the least cover says about one granted scope.</summary>
internal readonly struct GrantVerdict
{
    public GrantVerdict(bool used, bool broader, string? redundantBy, ImmutableArray<string> replacement, string? reason)
    {
        Used = used;
        Broader = broader;
        RedundantBy = redundantBy;
        Replacement = replacement;
        Reason = reason;
    }

    /// <summary>In L, or the only grant that covers some used term (so removing it would lose a use).</summary>
    public bool Used { get; }

    /// <summary>Outside L, and it implies scopes of L that cover what it covers: PA0010, or PA0002 when destructive.</summary>
    public bool Broader { get; }

    /// <summary>The granted scope of L that implies it: PA0010 "already granted by".</summary>
    public string? RedundantBy { get; }

    /// <summary>For a broader scope: what replaces it with every use still covered; default when nothing does.</summary>
    public ImmutableArray<string> Replacement { get; }

    /// <summary>The third argument of PA0010 or PA0002 for a broader or redundant scope.</summary>
    public string? Reason { get; }
}

/// <summary>
/// Judges granted scopes against the least cover L of the used terms (DESIGN.md, "Least cover"). Without
/// alternatives and implications L is U, every scope is judged used exactly when U holds it, and nothing is
/// broader or redundant: the earlier rules keep their meaning.
/// </summary>
internal sealed class GrantJudge
{
    private readonly ImmutableArray<string> grants;
    private readonly ImmutableArray<string> usedTerms;
    private readonly ScopeCatalog catalog;
    private readonly LeastCover least;
    private readonly Dictionary<string, GrantVerdict> verdicts = new(StringComparer.Ordinal);

    public GrantJudge(ImmutableArray<string> grants, ImmutableArray<string> usedTerms, ScopeCatalog catalog)
    {
        this.grants = grants;
        this.usedTerms = usedTerms;
        this.catalog = catalog;
        least = LeastCover.Compute(usedTerms, grants, catalog);
        UsedScopes = least.Scopes
            .Concat(grants.Where(g => !Scopes.IsWildcard(g) && !least.Contains(g) && Judge(g).Used))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    public LeastCover Least => least;

    /// <summary>The scopes a narrowed grant keeps: L, and the granted scopes that alone cover a use. Ordinal order.</summary>
    public ImmutableArray<string> UsedScopes { get; }

    public GrantVerdict Judge(string scope)
    {
        if (!verdicts.TryGetValue(scope, out var verdict))
        {
            verdicts[scope] = verdict = Compute(scope);
        }

        return verdict;
    }

    /// <summary>The <see cref="DiagnosticProperties.Replacements"/> value: every broader granted scope with its replacement.</summary>
    public string Replacements()
    {
        var text = new StringBuilder();
        foreach (var grant in grants.Distinct(StringComparer.Ordinal))
        {
            if (!Scopes.IsWildcard(grant) && Judge(grant) is { Broader: true, Replacement.IsDefaultOrEmpty: false } verdict)
            {
                if (text.Length > 0)
                {
                    text.Append(DiagnosticProperties.Separator);
                }

                text.Append(grant);
                foreach (var replacement in verdict.Replacement)
                {
                    text.Append(DiagnosticProperties.PairSeparator).Append(replacement);
                }
            }
        }

        return text.ToString();
    }

    private GrantVerdict Compute(string scope)
    {
        if (least.Contains(scope))
        {
            return new GrantVerdict(used: true, broader: false, null, default, null);
        }

        foreach (var other in least.Scopes)
        {
            if (grants.Contains(other, StringComparer.Ordinal) && catalog.Implies(other, scope))
            {
                return new GrantVerdict(used: false, broader: false, other, default, Descriptors.CreepReasons.Redundant(other));
            }
        }

        var covered = usedTerms.Where(t => catalog.Covers(scope, t)).ToList();
        var suffices = least.Scopes.Where(l => catalog.Implies(scope, l)).ToImmutableArray();
        if (covered.Count > 0 && !suffices.IsEmpty)
        {
            var replaced = grants.Where(g => g != scope).Concat(suffices).ToList();
            var keepsCoverage = covered.All(t => catalog.AnyCovers(replaced, t));
            return new GrantVerdict(
                used: false,
                broader: true,
                null,
                keepsCoverage ? suffices : default,
                Descriptors.CreepReasons.Broader(Term.QuotedList(suffices), suffices.Length));
        }

        var alone = covered.Any(t => !grants.Any(g => g != scope && catalog.Covers(g, t)));
        return new GrantVerdict(used: alone, broader: false, null, default, null);
    }
}
