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
/// PA0004 (scope used but not granted) and PA0006 (feature needs an ungranted scope): "Grant 'x'", appended to
/// the principal's last <c>[GrantedScopes]</c> (or a new one before its first <c>[FeatureNeeds]</c>);
/// on PA0006 also "Remove 'x' from feature 'f'".
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UngrantedScopeFixer)), Shared]
public sealed class UngrantedScopeFixer : ScopeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIdentifiers.ScopeUsedButNotGranted,
        RuleIdentifiers.FeatureNeedsUngrantedScope);

    internal override bool Offers(string equivalenceKey) =>
        equivalenceKey is EquivalenceKeys.GrantScope or EquivalenceKeys.RemoveNeed;

    internal override async Task<ImmutableArray<FixPlan>> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (DiagnosticData.Get(diagnostic, DiagnosticProperties.Scope) is not { } scope
            || await NodeOfAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } node)
        {
            return ImmutableArray<FixPlan>.Empty;
        }

        var isNeed = diagnostic.Id == RuleIdentifiers.FeatureNeedsUngrantedScope;
        var principal = isNeed
            ? await PrincipalContext.OfAttributeAsync(document, node, cancellationToken).ConfigureAwait(false)
            : await PrincipalContext.OfUseAsync(document, node, DiagnosticData.Get(diagnostic, DiagnosticProperties.PrincipalKind), cancellationToken).ConfigureAwait(false);
        if (principal is null)
        {
            return ImmutableArray<FixPlan>.Empty;
        }

        var plans = ImmutableArray.CreateBuilder<FixPlan>();
        if (principal.GrantEdit(scope, cancellationToken) is { } grant)
        {
            plans.Add(new FixPlan(Titles.GrantScope(scope), EquivalenceKeys.GrantScope, ImmutableArray.Create(grant)));
        }

        if (isNeed && DiagnosticData.Get(diagnostic, DiagnosticProperties.Feature) is { } feature)
        {
            plans.Add(new FixPlan(
                Titles.RemoveNeed(scope, feature),
                EquivalenceKeys.RemoveNeed,
                ImmutableArray.Create<ScopeEdit>(new RemoveScopeEdit(document.Id, node, ScopeAttributeKind.FeatureNeeds))));
        }

        return plans.ToImmutable();
    }
}
