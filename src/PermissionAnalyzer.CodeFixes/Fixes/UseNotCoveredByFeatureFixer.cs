using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PermissionAnalyzer.CodeFixes.Planning;

namespace PermissionAnalyzer.CodeFixes.Fixes;

/// <summary>PA0005 (use not covered by a declared feature): "Declare 'x' in feature 'f'", one action per declared feature.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseNotCoveredByFeatureFixer)), Shared]
public sealed class UseNotCoveredByFeatureFixer : ScopeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UseNotCoveredByFeature);

    internal override bool Offers(string equivalenceKey) =>
        equivalenceKey.StartsWith(EquivalenceKeys.DeclareInFeaturePrefix, System.StringComparison.Ordinal);

    internal override async Task<ImmutableArray<FixPlan>> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (DiagnosticData.Get(diagnostic, DiagnosticProperties.Scope) is not { } scope
            || await NodeOfAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } site
            || await PrincipalContext.OfUseAsync(document, site, DiagnosticData.Get(diagnostic, DiagnosticProperties.PrincipalKind), cancellationToken).ConfigureAwait(false) is not { } principal)
        {
            return ImmutableArray<FixPlan>.Empty;
        }

        var plans = ImmutableArray.CreateBuilder<FixPlan>();
        foreach (var feature in DiagnosticData.List(diagnostic, DiagnosticProperties.Features))
        {
            if (principal.DeclareEdit(scope, feature, cancellationToken) is { } declare)
            {
                plans.Add(new FixPlan(Titles.DeclareInFeature(scope, feature), EquivalenceKeys.DeclareInFeature(feature), ImmutableArray.Create(declare)));
            }
        }

        return plans.ToImmutable();
    }
}
