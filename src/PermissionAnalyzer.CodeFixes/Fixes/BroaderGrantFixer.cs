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
/// PA0010 (grant broader than needed): "Replace 'x' with 'y'" on a scope broader than needed (the scopes of the
/// least cover that suffice, offered only when the analyzer found that every use stays covered), "Remove scope
/// 'x'" on a scope another granted scope already includes, and "Narrow grant to what is used".
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BroaderGrantFixer)), Shared]
public sealed class BroaderGrantFixer : ScopeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.GrantBroaderThanNeeded);

    internal override bool Offers(string equivalenceKey) =>
        equivalenceKey is EquivalenceKeys.ReplaceScope or EquivalenceKeys.RemoveScope or EquivalenceKeys.NarrowGrant;

    internal override async Task<ImmutableArray<FixPlan>> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (DiagnosticData.Get(diagnostic, DiagnosticProperties.Scope) is not { } scope
            || await NodeOfAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } node
            || await PrincipalContext.OfGrantAsync(document, node, cancellationToken).ConfigureAwait(false) is not { } principal)
        {
            return ImmutableArray<FixPlan>.Empty;
        }

        // Like every fix that takes a scope away: not while a use cannot be determined (PA0009), in any target.
        var usage = await UsageAcrossTargets.OfAsync(document, diagnostic, principal, cancellationToken).ConfigureAwait(false);
        if (!usage.AllowsRemoval)
        {
            return ImmutableArray<FixPlan>.Empty;
        }

        var plans = ImmutableArray.CreateBuilder<FixPlan>();
        if (ReplacePlan(document, diagnostic, node, scope, principal) is { } replace)
        {
            plans.Add(replace);
        }
        else if (!DiagnosticData.IsUsed(diagnostic) && !usage.Uses(scope) && principal.CanRemove(node))
        {
            plans.Add(new FixPlan(Titles.RemoveScope(scope), EquivalenceKeys.RemoveScope, ImmutableArray.Create(principal.RemoveGrantEdit(document.Id, node))));
        }

        var narrow = principal.NarrowEdits(usage.Scopes, DiagnosticData.Replacements(diagnostic));
        if (!narrow.IsEmpty)
        {
            plans.Add(new FixPlan(Titles.NarrowGrant, EquivalenceKeys.NarrowGrant, narrow));
        }

        return plans.ToImmutable();
    }

    /// <summary>"Replace 'x' with 'y'" for a granted scope broader than needed; null when the diagnostic carries no safe replacement.</summary>
    internal static FixPlan? ReplacePlan(Document document, Diagnostic diagnostic, SyntaxNode node, string scope, PrincipalContext principal)
    {
        var suffices = DiagnosticData.List(diagnostic, DiagnosticProperties.Replacement);
        if (suffices.IsEmpty)
        {
            return null;
        }

        var instead = principal.NotYetGranted(suffices);
        if (instead.IsEmpty && !principal.CanRemove(node))
        {
            return null;
        }

        var edit = instead.IsEmpty ? principal.RemoveGrantEdit(document.Id, node) : principal.ReplaceGrantEdit(document.Id, node, instead);
        return new FixPlan(Titles.ReplaceScope(scope, suffices), EquivalenceKeys.ReplaceScope, ImmutableArray.Create(edit));
    }
}
