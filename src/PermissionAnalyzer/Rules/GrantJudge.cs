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
    private readonly LeastCover least;
    private readonly Dictionary<string, GrantVerdict> verdicts = new(StringComparer.Ordinal);

    /// <summary>
    /// Judges every granted scope at once, so that what the fixes keep covers every use the grant covers, even
    /// when several scopes outside L cover the same use. Three steps:
    /// 1. what "Narrow grant" keeps for sure: the granted scopes of L, and the scopes of L each wildcard covers;
    /// 2. per other granted scope, in declaration order: already granted by a granted scope of L; else broader
    ///    than needed when it implies scopes of L, its replacement being those scopes when they and what is kept
    ///    cover every use it covers (then they are kept; else the scope itself is);
    /// 3. per used term the grant covers and the kept scopes do not, in ordinal order, the first granted scope
    ///    that covers it is used, and kept.
    /// </summary>
    public GrantJudge(ImmutableArray<string> grants, ImmutableArray<string> usedTerms, ScopeCatalog catalog)
    {
        this.grants = grants;
        least = LeastCover.Compute(usedTerms, grants, catalog);

        var kept = new List<string>();
        foreach (var grant in grants)
        {
            if (Scopes.IsWildcard(grant))
            {
                kept.AddRange(least.Scopes.Where(l => Scopes.Covers(grant, l)));
            }
            else if (least.Contains(grant))
            {
                kept.Add(grant);
            }
        }

        foreach (var scope in grants.Distinct(StringComparer.Ordinal))
        {
            if (Scopes.IsWildcard(scope) || least.Contains(scope))
            {
                continue;
            }

            if (least.Scopes.FirstOrDefault(l => grants.Contains(l, StringComparer.Ordinal) && catalog.Implies(l, scope)) is { } grantedBy)
            {
                verdicts[scope] = new GrantVerdict(used: false, broader: false, grantedBy, default, Descriptors.CreepReasons.Redundant(grantedBy));
                continue;
            }

            var covered = usedTerms.Where(t => catalog.Covers(scope, t)).ToList();
            var suffices = least.Scopes.Where(l => catalog.Implies(scope, l)).ToImmutableArray();
            if (covered.Count == 0 || suffices.IsEmpty)
            {
                continue;
            }

            var replaces = covered.All(t => catalog.AnyCovers(kept.Concat(suffices), t));
            kept.AddRange(replaces ? suffices : ImmutableArray.Create(scope));
            verdicts[scope] = new GrantVerdict(
                used: false,
                broader: true,
                null,
                replaces ? suffices : default,
                Descriptors.CreepReasons.Broader(Term.QuotedList(suffices), suffices.Length));
        }

        var alone = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in usedTerms.OrderBy(t => t, StringComparer.Ordinal))
        {
            if (catalog.AnyCovers(kept, term))
            {
                continue;
            }

            var first = grants.FirstOrDefault(g => !Scopes.IsWildcard(g) && catalog.Covers(g, term));
            if (first is not null && alone.Add(first))
            {
                kept.Add(first);
            }
        }

        foreach (var scope in grants)
        {
            if (!Scopes.IsWildcard(scope) && !verdicts.ContainsKey(scope))
            {
                var used = least.Contains(scope) || alone.Contains(scope);
                verdicts[scope] = new GrantVerdict(used, broader: false, null, default, null);
            }
        }

        UsedScopes = least.Scopes
            .Concat(grants.Where(g => !Scopes.IsWildcard(g) && !least.Contains(g) && Judge(g) is { Used: true } or { Broader: true, Replacement.IsDefaultOrEmpty: true }))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    public LeastCover Least => least;

    /// <summary>
    /// The scopes a narrowed grant keeps: L, the granted scopes that alone cover a use, and the broader ones no
    /// replacement can stand in for. Ordinal order.
    /// </summary>
    public ImmutableArray<string> UsedScopes { get; }

    /// <summary>The verdict on a granted, non-wildcard scope.</summary>
    public GrantVerdict Judge(string scope) => verdicts.TryGetValue(scope, out var verdict) ? verdict : default;

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
}
