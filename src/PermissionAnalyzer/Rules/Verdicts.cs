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
    /// <summary>PA0008, PA0007, PA0002, PA0001, PA0003 on grants, PA0006 on needs: one verdict per granted scope.</summary>
    public static void ReportDeclaration(
        PrincipalDeclaration declaration,
        PrincipalUses uses,
        DestructiveWords destructiveWords,
        DescriptorSet descriptors,
        string principalKind,
        Action<Diagnostic> report)
    {
        foreach (var invalid in declaration.Invalid)
        {
            report(Diagnostic.Create(descriptors.InvalidScope, invalid.Syntax.GetLocation(), AttributeNames.ShortName(invalid.Attribute), invalid.Reason));
        }

        var needed = new HashSet<string>(declaration.Needs.Select(n => n.Scope), StringComparer.Ordinal);
        var usedScopes = string.Join(DiagnosticProperties.Separator.ToString(), uses.UsedScopes);
        var features = string.Join(DiagnosticProperties.Separator.ToString(), declaration.Features);
        var hasFeatures = declaration.DeclaresFeatures;
        var hasUndeterminedUse = uses.ByScope.ContainsKey(ScopeIndex.Undetermined) ? "true" : "false";

        foreach (var grant in declaration.Grants)
        {
            var scope = grant.Scope;
            var used = uses.Uses(scope);
            var properties = ImmutableDictionary.CreateRange(new[]
            {
                new KeyValuePair<string, string?>(DiagnosticProperties.Scope, scope),
                new KeyValuePair<string, string?>(DiagnosticProperties.IsUsed, used ? "true" : "false"),
                new KeyValuePair<string, string?>(DiagnosticProperties.UsedScopes, usedScopes),
                new KeyValuePair<string, string?>(DiagnosticProperties.Features, features),
                new KeyValuePair<string, string?>(DiagnosticProperties.HasUndeterminedUse, hasUndeterminedUse),
                new KeyValuePair<string, string?>(DiagnosticProperties.PrincipalKind, principalKind),
            });
            var location = grant.Syntax.GetLocation();

            if (Scopes.IsWildcard(scope))
            {
                report(Diagnostic.Create(descriptors.WildcardGrant, location, properties, declaration.Name, scope));
                continue;
            }

            var isNeeded = needed.Contains(scope);
            if (destructiveWords.IsDestructive(scope) && ((hasFeatures && !isNeeded) || !used))
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

        var grants = declaration.Grants.Select(g => g.Scope).ToImmutableArray();
        foreach (var need in declaration.Needs)
        {
            if (!Scopes.AnyCovers(grants, need.Scope))
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
        Action<Diagnostic> report)
    {
        var grants = declaration.Grants.Select(g => g.Scope).ToImmutableArray();
        var needed = new HashSet<string>(declaration.Needs.Select(n => n.Scope), StringComparer.Ordinal);
        var features = string.Join(DiagnosticProperties.Separator.ToString(), declaration.Features);

        foreach (var entry in uses.ByScope)
        {
            var scope = entry.Key;
            if (scope == ScopeIndex.Undetermined)
            {
                foreach (var use in entry.Value)
                {
                    var chain = use.FirstHop is null ? Array.Empty<ISymbol>() : index.ChainFrom(use.FirstHop, scope);
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

            var granted = Scopes.AnyCovers(grants, scope);
            var coveredByFeature = !declaration.DeclaresFeatures || needed.Contains(scope);
            if (granted && coveredByFeature)
            {
                continue;
            }

            var properties = ImmutableDictionary.CreateRange(new[]
            {
                new KeyValuePair<string, string?>(DiagnosticProperties.Scope, scope),
                new KeyValuePair<string, string?>(DiagnosticProperties.Features, features),
                new KeyValuePair<string, string?>(DiagnosticProperties.PrincipalKind, principalKind),
            });

            foreach (var use in entry.Value)
            {
                var chain = SymbolNames.Chain(index.ChainFrom(use.FirstHop!, scope), endsInDynamicCall: false);
                var member = SymbolNames.Member(use.Member);
                var location = use.Site.GetLocation();
                if (!granted)
                {
                    report(Diagnostic.Create(Descriptors.Live.ScopeUsedButNotGranted, location, properties, member, scope, chain, declaration.Name));
                }

                if (!coveredByFeature)
                {
                    report(Diagnostic.Create(Descriptors.Live.UseNotCoveredByFeature, location, properties, member, scope, chain, declaration.Name));
                }
            }
        }
    }
}
