using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using PermissionAnalyzer.Engine;
using PermissionAnalyzer.Rules;

namespace PermissionAnalyzer.CodeFixes.Planning;

/// <summary>
/// What a principal's code uses in every target its source is compiled for. A multi-targeted project
/// (<c>&lt;TargetFrameworks&gt;net8.0;net48&lt;/TargetFrameworks&gt;</c>) is one project per target in the IDE and
/// in <c>dotnet format</c>, and each shared file is a linked document in each; code under <c>#if</c> may use a
/// scope in one target only. The diagnostic carries U of its own target; the principal's uses in the other
/// targets (the projects of the documents linked to the principal's declarations) are computed here, so a fix
/// offered in one target never removes a scope another target uses.
/// </summary>
internal sealed class UsageAcrossTargets
{
    private UsageAcrossTargets(ImmutableSortedSet<string> scopes, bool hasUndeterminedUse)
    {
        Scopes = scopes;
        HasUndeterminedUse = hasUndeterminedUse;
    }

    /// <summary>The union of the principal's used scopes over its targets, in ordinal order.</summary>
    public ImmutableSortedSet<string> Scopes { get; }

    /// <summary>Whether the principal has a use that cannot be determined (PA0009) in some target: U may be incomplete.</summary>
    public bool HasUndeterminedUse { get; }

    /// <summary>Whether a fix may remove scopes the principal is granted: U is known in every target.</summary>
    public bool AllowsRemoval => !HasUndeterminedUse;

    public bool Uses(string scope) => Scopes.Contains(scope);

    public static async Task<UsageAcrossTargets> OfAsync(Document document, Diagnostic diagnostic, PrincipalContext principal, CancellationToken cancellationToken)
    {
        var scopes = ImmutableSortedSet.CreateBuilder<string>(StringComparer.Ordinal);
        scopes.UnionWith(DiagnosticData.List(diagnostic, DiagnosticProperties.UsedScopes));
        var undetermined = DiagnosticData.HasUndeterminedUse(diagnostic);

        foreach (var project in OtherTargets(document, principal))
        {
            if (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation
                || !ScopeIndex.AnalysisNeeded(compilation, project.AnalyzerOptions))
            {
                continue;
            }

            // With the target's scope maps: a use that only a map declares must keep its scope too.
            var index = ScopeIndex.For(compilation, project.AnalyzerOptions);
            if (UsesIn(index, principal.Principal, cancellationToken) is not { } uses)
            {
                continue;
            }

            scopes.UnionWith(uses.UsedScopes);
            undetermined |= uses.ByScope.ContainsKey(ScopeIndex.Undetermined);
        }

        return new UsageAcrossTargets(scopes.ToImmutable(), undetermined);
    }

    /// <summary>
    /// The projects, other than the document's own, that compile a file declaring the principal (or, for an
    /// assembly principal, the file of the diagnostic or of one of its grants): the principal's other targets.
    /// </summary>
    private static IEnumerable<Project> OtherTargets(Document document, PrincipalContext principal)
    {
        var solution = document.Project.Solution;
        var trees = principal.Principal is IAssemblySymbol
            ? principal.Declaration.Grants.Select(g => g.Syntax.SyntaxTree)
            : principal.Principal.DeclaringSyntaxReferences.Select(r => r.SyntaxTree);

        var documents = new HashSet<DocumentId> { document.Id };
        foreach (var tree in trees)
        {
            if (solution.GetDocumentId(tree) is { } id)
            {
                documents.Add(id);
            }
        }

        var projects = new HashSet<ProjectId>();
        foreach (var id in documents)
        {
            if (solution.GetDocument(id) is not { } declaring)
            {
                continue;
            }

            foreach (var linked in declaring.GetLinkedDocumentIds())
            {
                if (linked.ProjectId != document.Project.Id && projects.Add(linked.ProjectId) && solution.GetProject(linked.ProjectId) is { } project)
                {
                    yield return project;
                }
            }
        }
    }

    /// <summary>The uses of the same principal in another target's compilation; null when it is not a principal there.</summary>
    private static PrincipalUses? UsesIn(ScopeIndex index, ISymbol principal, CancellationToken cancellationToken)
    {
        var compilation = index.Compilation;
        if (principal is IAssemblySymbol)
        {
            return index.IsAssemblyPrincipal
                ? PrincipalUses.Find(index, compilation.Assembly, AssemblyPrincipalAnalyzer.AssemblyOwnedTypes(index, compilation.Assembly.GlobalNamespace), cancellationToken)
                : null;
        }

        if (DocumentationCommentId.CreateDeclarationId(principal) is not { } id
            || DocumentationCommentId.GetFirstSymbolForDeclarationId(id, compilation) is not INamedTypeSymbol type
            || !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly)
            || !index.IsPrincipal(type))
        {
            return null;
        }

        return PrincipalUses.Find(index, type, PrincipalUses.OwnTypes(index, type), cancellationToken);
    }
}
