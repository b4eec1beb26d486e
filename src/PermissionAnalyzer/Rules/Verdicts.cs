using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using PermissionAnalyzer.Engine;

namespace PermissionAnalyzer.Rules;

/// <summary>
/// The rules proper: each compares two of the sets G (granted), N (needed) and U (used) and reports the
/// difference where DESIGN.md says. The engine computes the sets; nothing here binds code.
/// </summary>
internal static class Verdicts
{
    /// <summary>
    /// PA0008, then per granted scope PA0007, PA0002, PA0010, PA0001, PA0003 (the first that matches), PA0006 on
    /// needs. "Used" means in the least cover L (DESIGN.md), which is U when no alternative or implication is stated.
    /// </summary>
    public static void ReportDeclaration(
        PrincipalDeclaration declaration,
        PrincipalUses uses,
        ScopeCatalog catalog,
        DestructiveWords destructiveWords,
        DescriptorSet descriptors,
        string principalKind,
        Action<Diagnostic> report)
    {
        foreach (var invalid in declaration.Invalid)
        {
            report(ScopeArgumentChecks.Report(descriptors.InvalidScope, invalid));
        }

        var grants = declaration.Grants.Select(g => g.Scope).ToImmutableArray();
        var judge = new GrantJudge(grants, uses.UsedScopes.ToImmutableArray(), catalog);
        var usedScopes = string.Join(DiagnosticProperties.Separator.ToString(), judge.UsedScopes);
        var features = string.Join(DiagnosticProperties.Separator.ToString(), declaration.Features);
        var replacements = judge.Replacements();
        var hasFeatures = declaration.DeclaresFeatures;
        var hasUndeterminedUse = uses.ByScope.ContainsKey(ScopeIndex.Undetermined) ? "true" : "false";

        foreach (var grant in declaration.Grants)
        {
            var scope = grant.Scope;
            var verdict = Scopes.IsWildcard(scope) ? default : judge.Judge(scope);
            var used = verdict.Used;
            var builder = ImmutableDictionary.CreateBuilder<string, string?>();
            builder.Add(DiagnosticProperties.Scope, scope);
            builder.Add(DiagnosticProperties.IsUsed, used || verdict.Broader ? "true" : "false");
            builder.Add(DiagnosticProperties.UsedScopes, usedScopes);
            builder.Add(DiagnosticProperties.Features, features);
            builder.Add(DiagnosticProperties.HasUndeterminedUse, hasUndeterminedUse);
            builder.Add(DiagnosticProperties.PrincipalKind, principalKind);
            if (!verdict.Replacement.IsDefaultOrEmpty)
            {
                builder.Add(DiagnosticProperties.Replacement, string.Join(DiagnosticProperties.Separator.ToString(), verdict.Replacement));
            }

            if (replacements.Length > 0)
            {
                builder.Add(DiagnosticProperties.Replacements, replacements);
            }

            var properties = builder.ToImmutable();
            var location = grant.Syntax.GetLocation();

            if (Scopes.IsWildcard(scope))
            {
                report(Diagnostic.Create(descriptors.WildcardGrant, location, properties, declaration.Name, scope));
                continue;
            }

            var isNeeded = declaration.Needs.Any(n => n.Scope == scope || catalog.Implies(n.Scope, scope));
            var destructive = destructiveWords.IsDestructive(scope) || catalog.IsDestructive(scope);
            if (destructive && verdict.Broader)
            {
                report(Diagnostic.Create(descriptors.DeleteAccessCreep, location, properties, declaration.Name, scope, verdict.Reason));
            }
            else if (verdict.RedundantBy is not null || verdict.Broader)
            {
                report(Diagnostic.Create(descriptors.GrantBroaderThanNeeded, location, properties, declaration.Name, scope, verdict.Reason));
            }
            else if (destructive && ((hasFeatures && !isNeeded) || !used))
            {
                var reason = hasFeatures && !isNeeded
                    ? (used ? Descriptors.CreepReasons.NotNeeded : Descriptors.CreepReasons.NeitherNeededNorUsed)
                    : Descriptors.CreepReasons.NotUsed;
                report(Diagnostic.Create(descriptors.DeleteAccessCreep, location, properties, declaration.Name, scope, reason));
            }
            else if (hasFeatures && !isNeeded && !used)
            {
                report(Diagnostic.Create(descriptors.GrantExceedsNeeds, location, properties, declaration.Name, scope));
            }
            else if (!used)
            {
                report(Diagnostic.Create(descriptors.GrantedScopeNeverUsed, location, properties, declaration.Name, scope));
            }
        }

        foreach (var need in declaration.Needs)
        {
            if (!catalog.AnyCovers(grants, need.Scope))
            {
                var properties = ImmutableDictionary.CreateRange(new[]
                {
                    new KeyValuePair<string, string?>(DiagnosticProperties.Scope, need.Scope),
                    new KeyValuePair<string, string?>(DiagnosticProperties.Feature, need.Feature),
                    new KeyValuePair<string, string?>(DiagnosticProperties.PrincipalKind, principalKind),
                });
                report(Diagnostic.Create(descriptors.FeatureNeedsUngrantedScope, need.Syntax.GetLocation(), properties, need.Feature, declaration.Name, need.Scope));
            }
        }
    }

    /// <summary>PA0004, PA0005 and PA0009 at each site in the principal's own code, once per site and scope.</summary>
    public static void ReportUses(
        ScopeIndex index,
        PrincipalDeclaration declaration,
        PrincipalUses uses,
        string principalKind,
        Action<Diagnostic> report,
        System.Threading.CancellationToken cancellationToken)
    {
        var grants = declaration.Grants.Select(g => g.Scope).ToImmutableArray();
        var needs = declaration.Needs.Select(n => n.Scope).ToImmutableArray();
        var features = string.Join(DiagnosticProperties.Separator.ToString(), declaration.Features);
        var catalog = index.CatalogOf(cancellationToken);

        foreach (var entry in uses.ByScope)
        {
            var scope = entry.Key;
            if (scope == ScopeIndex.Undetermined)
            {
                foreach (var use in entry.Value)
                {
                    var chain = use.FirstHop is null ? Array.Empty<ISymbol>() : index.ChainFrom(use.FirstHop, scope, cancellationToken);
                    var endsInDynamicCall = chain.Count == 0 || !index.RequirementOf(chain[chain.Count - 1]).Contains(scope);
                    report(Diagnostic.Create(
                        Descriptors.Live.UseCannotBeDetermined,
                        use.Site.GetLocation(),
                        SymbolNames.Member(use.Member),
                        SymbolNames.Chain(chain, endsInDynamicCall),
                        declaration.Name));
                }

                continue;
            }

            var granted = catalog.AnyCovers(grants, scope);
            var coveredByFeature = !declaration.DeclaresFeatures || catalog.AnyCovers(needs, scope);
            if (granted && coveredByFeature)
            {
                continue;
            }

            var properties = ImmutableDictionary.CreateRange(new[]
            {
                new KeyValuePair<string, string?>(DiagnosticProperties.Scope, LeastCover.Choose(scope, grants, catalog)),
                new KeyValuePair<string, string?>(DiagnosticProperties.Features, features),
                new KeyValuePair<string, string?>(DiagnosticProperties.PrincipalKind, principalKind),
            });

            var shown = Term.Display(scope);
            foreach (var use in entry.Value)
            {
                var chain = SymbolNames.Chain(index.ChainFrom(use.FirstHop!, scope, cancellationToken), endsInDynamicCall: false);
                var member = SymbolNames.Member(use.Member);
                var location = use.Site.GetLocation();
                if (!granted)
                {
                    report(Diagnostic.Create(Descriptors.Live.ScopeUsedButNotGranted, location, properties, member, shown, chain, declaration.Name));
                }

                if (!coveredByFeature)
                {
                    report(Diagnostic.Create(Descriptors.Live.UseNotCoveredByFeature, location, properties, member, shown, chain, declaration.Name));
                }
            }
        }
    }
}
