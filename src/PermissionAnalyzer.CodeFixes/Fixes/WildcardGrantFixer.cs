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
/// PA0007 (wildcard grant): "Replace wildcard with used scopes". The wildcard becomes the used scopes it
/// covers that no other grant names (a wildcard covering nothing used goes), so every use stays granted,
/// in every target the file is compiled for. Not offered while the principal has a use that cannot be
/// determined (PA0009): the wildcard may cover a scope that use needs.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WildcardGrantFixer)), Shared]
public sealed class WildcardGrantFixer : ScopeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.WildcardGrant);

    internal override bool Offers(string equivalenceKey) => equivalenceKey == EquivalenceKeys.ReplaceWildcard;

    internal override async Task<ImmutableArray<FixPlan>> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (await NodeOfAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } node
            || await PrincipalContext.OfGrantAsync(document, node, cancellationToken).ConfigureAwait(false) is not { } principal)
        {
            return ImmutableArray<FixPlan>.Empty;
        }

        var usage = await UsageAcrossTargets.OfAsync(document, diagnostic, principal, cancellationToken).ConfigureAwait(false);
        if (!usage.AllowsRemoval
            || principal.WildcardReplacement(node, usage.Scopes) is not { } replacement
            || (replacement.IsEmpty && !principal.CanRemove(node)))
        {
            return ImmutableArray<FixPlan>.Empty;
        }

        return ImmutableArray.Create(new FixPlan(
            Titles.ReplaceWildcard,
            EquivalenceKeys.ReplaceWildcard,
            ImmutableArray.Create(principal.ReplaceGrantEdit(document.Id, node, replacement))));
    }
}
