using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using PermissionAnalyzer.CodeFixes.Editing;
using PermissionAnalyzer.CodeFixes.Planning;

namespace PermissionAnalyzer.CodeFixes;

/// <summary>
/// Fix All for the scope fixes. A batch fixer merging text changes would conflict when several scopes of one
/// attribute go at once (each single fix rewrites the same argument list); here every diagnostic's plan is
/// computed on the original solution, duplicates are dropped (one Narrow per principal, one edit per file
/// when the file is linked into several targets) and the edits are applied one after the other in diagnostic
/// order, as single fixes applied in turn would be.
/// Bulk application never grants: an action without an equivalence key ("Grant 'x'") is never applied here,
/// whatever key the host passes, and without a key (a host asking for "the" fix) a diagnostic whose first
/// action is such an action is left alone rather than fixed with its second.
/// </summary>
internal sealed class ScopeFixAllProvider : FixAllProvider
{
    private readonly ScopeFixProvider provider;

    public ScopeFixAllProvider(ScopeFixProvider provider)
    {
        this.provider = provider;
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override IEnumerable<string> GetSupportedFixAllDiagnosticIds(CodeFixProvider originalCodeFixProvider) =>
        provider.FixAllDiagnosticIds;

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var cancellationToken = fixAllContext.CancellationToken;
        var key = fixAllContext.CodeActionEquivalenceKey;
        var edits = new List<ScopeEdit>();
        string? title = null;

        foreach (var (document, diagnostic) in await DiagnosticsInScopeAsync(fixAllContext).ConfigureAwait(false))
        {
            var plans = await provider.PlanAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);

            // Without a key of this fixer (a host that asks for "the" fix, as `dotnet format` does when the first
            // action it saw has no key) each diagnostic gets its first action, unless that one is single-only.
            var plan = key is null || !provider.Offers(key) ? plans.FirstOrDefault() : plans.FirstOrDefault(p => p.EquivalenceKey == key);
            if (plan is null || !plan.AppliesInBulk)
            {
                continue;
            }

            title ??= plan.Title;
            edits.AddRange(plan.Edits);
        }

        if (edits.Count == 0)
        {
            return null;
        }

        var solution = fixAllContext.Solution;
        var distinct = ScopeEditor.Distinct(edits);
        return CodeAction.Create(title!, ct => ScopeEditor.ApplyAsync(solution, distinct, ct), key);
    }

    /// <summary>
    /// The provider's diagnostics in the Fix All scope, in the order single fixes are applied: by file, then position.
    /// A diagnostic computed on another version of its document (a host that fixed something in between) is skipped.
    /// </summary>
    private async Task<IReadOnlyList<(Document Document, Diagnostic Diagnostic)>> DiagnosticsInScopeAsync(FixAllContext context)
    {
        var ids = new HashSet<string>(provider.FixableDiagnosticIds.Where(context.DiagnosticIds.Contains), StringComparer.Ordinal);
        var documents = context.Scope switch
        {
            FixAllScope.Document when context.Document is not null => new[] { context.Document },
            FixAllScope.Project => context.Project.Documents,
            FixAllScope.Solution => context.Solution.Projects.SelectMany(p => p.Documents),
            _ => Enumerable.Empty<Document>(),
        };

        var found = new List<(Document, Diagnostic)>();
        foreach (var document in documents)
        {
            if (!document.SupportsSyntaxTree)
            {
                continue;
            }

            var tree = await document.GetSyntaxTreeAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false))
            {
                if (ids.Contains(diagnostic.Id) && diagnostic.Location.IsInSource && diagnostic.Location.SourceTree == tree)
                {
                    found.Add((document, diagnostic));
                }
            }
        }

        return found
            .OrderBy(f => f.Item1.FilePath ?? f.Item1.Name, StringComparer.Ordinal)
            .ThenBy(f => f.Item2.Location.SourceSpan.Start)
            .ThenBy(f => f.Item2.Id, StringComparer.Ordinal)
            .ToList();
    }
}
