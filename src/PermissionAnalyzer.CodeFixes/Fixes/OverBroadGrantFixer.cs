using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PermissionAnalyzer.CodeFixes.Editing;
using PermissionAnalyzer.CodeFixes.Planning;
using PermissionAnalyzer.Engine;

namespace PermissionAnalyzer.CodeFixes.Fixes;

/// <summary>
/// PA0001 (grant exceeds declared needs), PA0002 (delete-access creep), PA0003 (granted scope never used):
/// "Remove scope 'x'" when no code uses it, "Narrow grant to what is used" (G ∩ U), and on a destructive
/// scope that code uses but no feature declares, "Declare 'x' in feature 'f'" for each feature.
/// A scope that code uses, in any target the file is compiled for, is never removed; while the principal
/// has a use that cannot be determined (PA0009) U may be incomplete, and no scope is removed at all.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(OverBroadGrantFixer)), Shared]
public sealed class OverBroadGrantFixer : ScopeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIdentifiers.GrantExceedsNeeds,
        RuleIdentifiers.DeleteAccessCreep,
        RuleIdentifiers.GrantedScopeNeverUsed);

    internal override bool Offers(string equivalenceKey) =>
        equivalenceKey is EquivalenceKeys.RemoveScope or EquivalenceKeys.NarrowGrant or EquivalenceKeys.ReplaceScope
        || equivalenceKey.StartsWith(EquivalenceKeys.DeclareInFeaturePrefix, System.StringComparison.Ordinal);

    internal override async Task<ImmutableArray<FixPlan>> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (DiagnosticData.Get(diagnostic, DiagnosticProperties.Scope) is not { } scope
            || await NodeOfAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } node
            || await PrincipalContext.OfGrantAsync(document, node, cancellationToken).ConfigureAwait(false) is not { } principal)
        {
            return ImmutableArray<FixPlan>.Empty;
        }

        var plans = ImmutableArray.CreateBuilder<FixPlan>();
        var isUsed = DiagnosticData.IsUsed(diagnostic);
        var usage = await UsageAcrossTargets.OfAsync(document, diagnostic, principal, cancellationToken).ConfigureAwait(false);
        if (usage.AllowsRemoval)
        {
            if (!isUsed && !usage.Uses(scope) && principal.CanRemove(node))
            {
                plans.Add(new FixPlan(
                    Titles.RemoveScope(scope),
                    EquivalenceKeys.RemoveScope,
                    ImmutableArray.Create(principal.RemoveGrantEdit(document.Id, node))));
            }

            // First among the actions of a used scope, so a host that takes the first action narrows rather than declares.
            if (BroaderGrantFixer.ReplacePlan(document, diagnostic, node, scope, principal) is { } replace)
            {
                plans.Add(replace);
            }

            var narrow = principal.NarrowEdits(usage.Scopes, DiagnosticData.Replacements(diagnostic));
            if (!narrow.IsEmpty)
            {
                plans.Add(new FixPlan(Titles.NarrowGrant, EquivalenceKeys.NarrowGrant, narrow));
            }
        }

        if (isUsed && diagnostic.Id == RuleIdentifiers.DeleteAccessCreep)
        {
            foreach (var feature in DiagnosticData.List(diagnostic, DiagnosticProperties.Features))
            {
                if (principal.DeclareEdit(scope, feature, cancellationToken) is { } declare)
                {
                    plans.Add(new FixPlan(Titles.DeclareInFeature(scope, feature), EquivalenceKeys.DeclareInFeature(feature), ImmutableArray.Create(declare)));
                }
            }
        }

        return plans.ToImmutable();
    }
}
