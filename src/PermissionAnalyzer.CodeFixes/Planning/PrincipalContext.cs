using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PermissionAnalyzer.CodeFixes.Editing;
using PermissionAnalyzer.Engine;

namespace PermissionAnalyzer.CodeFixes.Planning;

/// <summary>
/// The principal a diagnostic is about, with what it declares (read by the engine's own reader, so the fixes
/// see the grants exactly as the analyzer did). What the principal's code uses comes from the diagnostic.
/// </summary>
internal sealed class PrincipalContext
{
    private readonly Solution solution;
    private readonly ImmutableArray<AttributeData> attributes;
    private readonly GrantRequests requests;

    private PrincipalContext(Solution solution, ISymbol principal, ImmutableArray<AttributeData> attributes, PrincipalDeclaration declaration, GrantRequests requests)
    {
        this.solution = solution;
        this.attributes = attributes;
        this.requests = requests;
        Principal = principal;
        Declaration = declaration;
    }

    public ISymbol Principal { get; }

    public PrincipalDeclaration Declaration { get; }

    /// <summary>The principal whose <c>[GrantedScopes]</c> or <c>[FeatureNeeds]</c> contains <paramref name="node"/>.</summary>
    public static async Task<PrincipalContext?> OfAttributeAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
    {
        if (node.FirstAncestorOrSelf<AttributeSyntax>()?.Parent is not AttributeListSyntax list
            || await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
        {
            return null;
        }

        ISymbol? principal = list.Parent switch
        {
            CompilationUnitSyntax when list.Target?.Identifier.IsKind(SyntaxKind.AssemblyKeyword) == true => compilation.Assembly,
            BaseTypeDeclarationSyntax type => compilation.GetSemanticModel(type.SyntaxTree).GetDeclaredSymbol(type, cancellationToken),
            _ => null,
        };

        return Create(document.Project, compilation, principal, cancellationToken);
    }

    /// <summary>
    /// The principal granted the scope written at <paramref name="node"/>: the principal of the enclosing
    /// <c>[GrantedScopes]</c>, else the one principal whose grant requests read it (GrantRequests). A scope that
    /// requests of several principals read (a shared field) has no single principal: no fix edits it.
    /// </summary>
    public static async Task<PrincipalContext?> OfGrantAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
    {
        if (await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
        {
            return null;
        }

        var owners = ScopeIndex.For(compilation, document.Project.AnalyzerOptions).Requests.OwnersOf(node.SyntaxTree, node.Span);
        if (owners.Count == 0)
        {
            return await OfAttributeAsync(document, node, cancellationToken).ConfigureAwait(false);
        }

        return owners.Count == 1 ? Create(document.Project, compilation, owners.First(), cancellationToken) : null;
    }

    /// <summary>The principal that owns the code at <paramref name="site"/> (a use diagnostic's location).</summary>
    public static async Task<PrincipalContext?> OfUseAsync(Document document, SyntaxNode site, string? principalKind, CancellationToken cancellationToken)
    {
        if (await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
        {
            return null;
        }

        ISymbol? principal;
        if (principalKind == "Assembly")
        {
            principal = compilation.Assembly;
        }
        else
        {
            var model = compilation.GetSemanticModel(site.SyntaxTree);
            var code = site.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>() is { } type
                ? model.GetDeclaredSymbol(type, cancellationToken)
                : model.GetEnclosingSymbol(site.SpanStart, cancellationToken);
            principal = code is null ? null : ScopeIndex.For(compilation, document.Project.AnalyzerOptions).OwnerOf(code);
        }

        return Create(document.Project, compilation, principal, cancellationToken);
    }

    private static PrincipalContext? Create(Project project, Compilation compilation, ISymbol? principal, CancellationToken cancellationToken)
    {
        if (principal is null)
        {
            return null;
        }

        // The index with the project's scope maps, as the analyzers built it (or an equal one, when they ran elsewhere).
        var attributes = principal.GetAttributes();
        var index = ScopeIndex.For(compilation, project.AnalyzerOptions);
        var declaration = PrincipalDeclaration.Read(index, principal, attributes, cancellationToken);
        return new PrincipalContext(project.Solution, principal, attributes, declaration, index.Requests);
    }

    public DocumentId? DocumentOf(SyntaxNode node) => solution.GetDocumentId(node.SyntaxTree);

    /// <summary>
    /// What each granted wildcard becomes so that every used scope stays covered and none is granted twice:
    /// each used scope that no concrete grant names goes to the first wildcard (in declaration order) that
    /// covers it. The same rule decides for one wildcard, for all, and after some were already replaced, so
    /// replacing them one by one or all at once ends the same.
    /// </summary>
    public ImmutableArray<(ScopeArgument Grant, ImmutableArray<string> Replacement)> WildcardReplacements(IReadOnlyCollection<string> used)
    {
        var grants = Declaration.Grants;
        var named = new HashSet<string>(grants.Where(g => !Scopes.IsWildcard(g.Scope)).Select(g => g.Scope), StringComparer.Ordinal);
        var assigned = grants.Select(_ => new List<string>()).ToArray();
        foreach (var scope in used.OrderBy(s => s, StringComparer.Ordinal))
        {
            if (named.Contains(scope))
            {
                continue;
            }

            for (var i = 0; i < grants.Length; i++)
            {
                if (Scopes.IsWildcard(grants[i].Scope) && Scopes.Covers(grants[i].Scope, scope))
                {
                    assigned[i].Add(scope);
                    break;
                }
            }
        }

        return grants
            .Select((g, i) => (g, assigned[i].ToImmutableArray()))
            .Where(e => Scopes.IsWildcard(e.g.Scope))
            .ToImmutableArray();
    }

    /// <summary>The replacement of the granted wildcard written at <paramref name="node"/>.</summary>
    public ImmutableArray<string>? WildcardReplacement(SyntaxNode node, IReadOnlyCollection<string> used)
    {
        foreach (var (grant, replacement) in WildcardReplacements(used))
        {
            if (grant.Syntax.SyntaxTree == node.SyntaxTree && grant.Syntax.Span == node.Span)
            {
                return replacement;
            }
        }

        return null;
    }

    /// <summary>
    /// The edits that make the grant G ∩ U: every concrete scope no code uses goes, every wildcard becomes
    /// the used scopes it is the first to cover, and a scope broader than needed (a key of
    /// <paramref name="replacements"/>) becomes the scopes of the least cover that suffice and are not granted
    /// yet. A used scope is never removed.
    /// </summary>
    public ImmutableArray<ScopeEdit> NarrowEdits(IReadOnlyCollection<string> used, IReadOnlyDictionary<string, ImmutableArray<string>>? replacements = null)
    {
        var kept = new HashSet<string>(Declaration.Grants.Select(g => g.Scope).Where(s => used.Contains(s)), StringComparer.Ordinal);
        var usedSet = new HashSet<string>(used, StringComparer.Ordinal);
        var wildcards = WildcardReplacements(used);
        var edits = ImmutableArray.CreateBuilder<ScopeEdit>();
        var wildcard = 0;
        var removedFromList = new Dictionary<SyntaxNode, int>();
        foreach (var grant in Declaration.Grants)
        {
            var replacement = Scopes.IsWildcard(grant.Scope) ? wildcards[wildcard++].Replacement : default;
            if (DocumentOf(grant.Syntax) is not { } document || !IsOwnGrant(grant.Syntax))
            {
                continue;
            }

            ImmutableArray<string> becomes;
            if (Scopes.IsWildcard(grant.Scope))
            {
                becomes = replacement;
            }
            else if (!usedSet.Contains(grant.Scope))
            {
                becomes = replacements is not null && replacements.TryGetValue(grant.Scope, out var suffices)
                    ? suffices.Where(kept.Add).ToImmutableArray()
                    : ImmutableArray<string>.Empty;
            }
            else
            {
                continue;
            }

            if (becomes.IsEmpty && RequestList(grant.Syntax) is { } list)
            {
                // A request's list never becomes empty (an empty list asks for everything the app is registered for).
                removedFromList.TryGetValue(list, out var removed);
                if (removed + 1 >= ElementCount(list))
                {
                    continue;
                }

                removedFromList[list] = removed + 1;
            }

            edits.Add(becomes.IsEmpty && !Scopes.IsWildcard(grant.Scope)
                ? RemoveGrantEdit(document, grant.Syntax)
                : ReplaceGrantEdit(document, grant.Syntax, becomes));
        }

        return edits.ToImmutable();
    }

    /// <summary>
    /// What replaces a granted scope broader than needed: its <paramref name="suffices"/> that the grant does not
    /// name yet (empty: removing it is enough).
    /// </summary>
    public ImmutableArray<string> NotYetGranted(ImmutableArray<string> suffices)
    {
        var named = new HashSet<string>(Declaration.Grants.Select(g => g.Scope), StringComparer.Ordinal);
        return suffices.Where(s => !named.Contains(s)).ToImmutableArray();
    }

    /// <summary>
    /// Whether a fix may edit the granted scope written at <paramref name="element"/>: it is in an attribute, or
    /// only this principal's requests read it (a field that requests of other principals read stays as it is).
    /// </summary>
    public bool IsOwnGrant(SyntaxNode element) =>
        requests.OwnersOf(element.SyntaxTree, element.Span) is var owners
        && (owners.Count == 0 || (owners.Count == 1 && SymbolEqualityComparer.Default.Equals(owners.First(), Principal.OriginalDefinition)));

    /// <summary>Whether <paramref name="element"/> is a scope of a grant request (not of a <c>[GrantedScopes]</c>).</summary>
    private bool IsRequested(SyntaxNode element) => requests.OwnersOf(element.SyntaxTree, element.Span).Count > 0;

    /// <summary>
    /// Whether the granted scope written at <paramref name="element"/> may be removed: a request's last scope may not
    /// (the SDK would then ask for <c>.default</c>, whatever the app registration holds).
    /// </summary>
    public bool CanRemove(SyntaxNode element) =>
        IsOwnGrant(element) && (RequestList(element) is not { } list || ElementCount(list) > 1);

    /// <summary>The list of a grant request that <paramref name="element"/> is a scope of; null for an attribute argument.</summary>
    private SyntaxNode? RequestList(SyntaxNode element)
    {
        if (!IsRequested(element))
        {
            return null;
        }

        return element.Parent switch
        {
            InitializerExpressionSyntax initializer => initializer,
            ExpressionElementSyntax { Parent: CollectionExpressionSyntax collection } => collection,
            _ => null,
        };
    }

    private static int ElementCount(SyntaxNode list) => list switch
    {
        InitializerExpressionSyntax initializer => initializer.Expressions.Count,
        CollectionExpressionSyntax collection => collection.Elements.Count,
        _ => 0,
    };

    /// <summary>Removes the granted scope written at <paramref name="element"/>; see <see cref="KeepsGrantAttribute"/>.</summary>
    public ScopeEdit RemoveGrantEdit(DocumentId document, SyntaxNode element) =>
        new RemoveScopeEdit(document, element, GrantKind(element), KeepsGrantAttribute(element));

    /// <summary>
    /// <c>GrantedScopes</c> for a scope of the attribute; <c>None</c> for a scope of a request, whose list the editor
    /// never empties or removes (an empty list asks for <c>.default</c>).
    /// </summary>
    private ScopeAttributeKind GrantKind(SyntaxNode element) => IsRequested(element) ? ScopeAttributeKind.None : ScopeAttributeKind.GrantedScopes;

    /// <summary>Replaces the granted wildcard written at <paramref name="element"/>; see <see cref="KeepsGrantAttribute"/>.</summary>
    public ScopeEdit ReplaceGrantEdit(DocumentId document, SyntaxNode element, ImmutableArray<string> scopes) =>
        new ReplaceScopeEdit(document, element, GrantKind(element), scopes, KeepsGrantAttribute(element));

    /// <summary>
    /// Whether the <c>[GrantedScopes]</c> holding <paramref name="element"/> stays, as <c>[GrantedScopes]</c>
    /// with no argument, when its last scope goes: the principal's first grant attribute (by file path, then
    /// position) always stays, so a principal whose every scope is removed still grants nothing rather than
    /// stopping being a principal (its code would then belong to an enclosing principal or the assembly).
    /// Any other grant attribute goes with its last scope. Which one stays depends only on the declarations,
    /// never on the order fixes are applied in.
    /// </summary>
    public bool KeepsGrantAttribute(SyntaxNode element) =>
        FirstGrantAttribute() is { } first
        && element.FirstAncestorOrSelf<AttributeSyntax>() is { } attribute
        && attribute.SyntaxTree == first.SyntaxTree
        && attribute.Span == first.Span;

    private AttributeSyntax? FirstGrantAttribute()
    {
        AttributeSyntax? first = null;
        foreach (var attribute in attributes)
        {
            if (AttributeNames.Classify(attribute) == ScopeAttributeKind.GrantedScopes
                && attribute.ApplicationSyntaxReference?.GetSyntax() is AttributeSyntax syntax
                && (first is null
                    || string.CompareOrdinal(syntax.SyntaxTree.FilePath, first.SyntaxTree.FilePath) < 0
                    || (syntax.SyntaxTree == first.SyntaxTree && syntax.SpanStart < first.SpanStart)))
            {
                first = syntax;
            }
        }

        return first;
    }

    /// <summary>
    /// Grants a scope: appended to the principal's last grant attribute, else to the list of its last grant request
    /// that no other principal reads, else a new grant before its first feature.
    /// </summary>
    public ScopeEdit? GrantEdit(string scope, CancellationToken cancellationToken)
    {
        if (LastAttribute(ScopeAttributeKind.GrantedScopes, feature: null, cancellationToken) is { } grant && DocumentOf(grant) is { } grantDocument)
        {
            return new AddScopeEdit(grantDocument, grant, ScopeAttributeKind.GrantedScopes, scope);
        }

        foreach (var request in requests.RequestsOf(Principal).Reverse())
        {
            if (request.Scopes.Scopes.All(s => IsOwnGrant(s.Element)) && DocumentOf(request.Scopes.List) is { } listDocument)
            {
                return new AddToRequestEdit(listDocument, request.Scopes.List, scope);
            }
        }

        foreach (var attribute in attributes)
        {
            if (AttributeNames.Classify(attribute) == ScopeAttributeKind.FeatureNeeds
                && attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax anchor
                && DocumentOf(anchor) is { } anchorDocument)
            {
                return new AddGrantAttributeEdit(anchorDocument, anchor, scope);
            }
        }

        return null;
    }

    /// <summary>Declares a scope in a feature: appended to the feature's last <c>[FeatureNeeds]</c>.</summary>
    public ScopeEdit? DeclareEdit(string scope, string feature, CancellationToken cancellationToken) =>
        LastAttribute(ScopeAttributeKind.FeatureNeeds, feature, cancellationToken) is { } attribute && DocumentOf(attribute) is { } document
            ? new AddScopeEdit(document, attribute, ScopeAttributeKind.FeatureNeeds, scope)
            : null;

    private AttributeSyntax? LastAttribute(ScopeAttributeKind kind, string? feature, CancellationToken cancellationToken)
    {
        AttributeSyntax? last = null;
        foreach (var attribute in attributes)
        {
            if (AttributeNames.Classify(attribute) == kind
                && (feature is null || FeatureOf(attribute) == feature)
                && attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax)
            {
                last = syntax;
            }
        }

        return last;
    }

    private static string? FeatureOf(AttributeData attribute) =>
        attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string feature ? feature : null;
}
