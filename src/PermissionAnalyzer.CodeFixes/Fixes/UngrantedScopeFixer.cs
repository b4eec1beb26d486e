using System.Collections.Generic;
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
/// Granting is always a deliberate, single action: "Grant 'x'" has no equivalence key, so hosts offer no
/// "Fix all occurrences" for it (none at all for PA0004, whose only action it is), and Fix All, with or
/// without a key (<c>dotnet format</c>), never applies it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UngrantedScopeFixer)), Shared]
public sealed class UngrantedScopeFixer : ScopeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIdentifiers.ScopeUsedButNotGranted,
        RuleIdentifiers.FeatureNeedsUngrantedScope);

    internal override bool Offers(string equivalenceKey) => equivalenceKey == EquivalenceKeys.RemoveNeed;

    /// <summary>PA0004 offers only "Grant 'x'", which is never applied in bulk.</summary>
    internal override IEnumerable<string> FixAllDiagnosticIds => new[] { RuleIdentifiers.FeatureNeedsUngrantedScope };

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
            plans.Add(new FixPlan(Titles.GrantScope(scope), equivalenceKey: null, ImmutableArray.Create(grant)));
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
