using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using PermissionAnalyzer.CodeFixes.Editing;
using PermissionAnalyzer.CodeFixes.Planning;

namespace PermissionAnalyzer.CodeFixes;

/// <summary>
/// Base of the fixers: each plans, per diagnostic, the actions it offers as edits of the scope attributes
/// (<see cref="PlanAsync"/>). The lightbulb applies one plan; Fix All (<see cref="ScopeFixAllProvider"/>) merges
/// the plans of every diagnostic in scope that have the chosen key and applies them in one pass.
/// </summary>
public abstract class ScopeFixProvider : CodeFixProvider
{
    private FixAllProvider? fixAllProvider;

    public sealed override FixAllProvider GetFixAllProvider() => fixAllProvider ??= new ScopeFixAllProvider(this);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var solution = context.Document.Project.Solution;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!FixableDiagnosticIds.Contains(diagnostic.Id))
            {
                continue;
            }

            foreach (var plan in await PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false))
            {
                var edits = plan.Edits;
                context.RegisterCodeFix(
                    CodeAction.Create(plan.Title, cancellationToken => ScopeEditor.ApplyAsync(solution, edits, cancellationToken), plan.EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The actions <paramref name="diagnostic"/> offers, in the order the lightbulb shows them; none that would change nothing.</summary>
    internal abstract Task<ImmutableArray<FixPlan>> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken);

    /// <summary>Whether this fixer offers actions with <paramref name="equivalenceKey"/> (actions Fix All may apply).</summary>
    internal abstract bool Offers(string equivalenceKey);

    /// <summary>The diagnostics hosts may offer "Fix all occurrences" for: those with an action Fix All may apply.</summary>
    internal virtual IEnumerable<string> FixAllDiagnosticIds => FixableDiagnosticIds;

    /// <summary>The node a grant or need diagnostic is on: the scope argument or array element.</summary>
    internal static async Task<SyntaxNode?> NodeOfAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Location.IsInSource || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return null;
        }

        return root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
    }
}
