using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace PermissionAnalyzer.Engine;

/// <summary>A token request read as a grant, with the principal it grants to.</summary>
internal sealed class GrantRequest
{
    public GrantRequest(ISymbol owner, RequestedScopes scopes)
    {
        Owner = owner;
        Scopes = scopes;
    }

    /// <summary>The principal granted: a type, or the assembly for a request in top-level statements.</summary>
    public ISymbol Owner { get; }

    public RequestedScopes Scopes { get; }
}

/// <summary>
/// Every grant request of a compilation (DESIGN.md, "Grant requests in code"), found once: only trees whose text
/// writes a request's name are bound. A request is a grant of the principal that owns its code: the innermost type
/// principal that encloses it, else the assembly if it is a declared principal. Code no principal owns makes the
/// innermost class or struct that writes the request a principal, as if it said <c>[GrantedScopes]</c>; in
/// top-level statements, the assembly.
/// </summary>
internal sealed class GrantRequests
{
    public static readonly GrantRequests None = new(ImmutableArray<GrantRequest>.Empty);

    private readonly ImmutableArray<GrantRequest> all;
    private readonly HashSet<INamedTypeSymbol> principalTypes = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<(SyntaxTree, TextSpan), HashSet<ISymbol>> ownersByElement = new();

    private GrantRequests(ImmutableArray<GrantRequest> all)
    {
        this.all = all;
        foreach (var request in all)
        {
            if (request.Owner is INamedTypeSymbol type)
            {
                principalTypes.Add(type);
            }
            else
            {
                HasAssemblyRequests = true;
            }

            foreach (var (_, element) in request.Scopes.Scopes)
            {
                var key = (element.SyntaxTree, element.Span);
                if (!ownersByElement.TryGetValue(key, out var owners))
                {
                    ownersByElement[key] = owners = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                }

                owners.Add(request.Owner);
            }
        }
    }

    /// <summary>Whether top-level statements request scopes outside every type principal: the assembly is then a principal.</summary>
    public bool HasAssemblyRequests { get; }

    /// <summary>
    /// The requests of the compilation, each with the principal it grants to. <paramref name="assemblyIsPrincipal"/>:
    /// the assembly declares grants or features (the index knows it already), so it owns requests outside type principals.
    /// </summary>
    public static GrantRequests Find(Compilation compilation, bool assemblyIsPrincipal, Func<SyntaxTree, SemanticModel> models, CancellationToken cancellationToken)
    {
        if (!GrantRequestReader.RequestApisVisible(compilation))
        {
            // No SDK that requests tokens is referenced (or declared): no tree is searched.
            return None;
        }

        ImmutableArray<GrantRequest>.Builder? found = null;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!GrantRequestReader.MayBeWritten(tree, cancellationToken))
            {
                continue;
            }

            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (GrantRequestReader.Read(node, models, cancellationToken) is { } scopes
                    && OwnerOf(compilation, assemblyIsPrincipal, models(tree), node, cancellationToken) is { } owner)
                {
                    (found ??= ImmutableArray.CreateBuilder<GrantRequest>()).Add(new GrantRequest(owner, scopes));
                }
            }
        }

        return found is null ? None : new GrantRequests(found.ToImmutable());
    }

    /// <summary>Whether <paramref name="type"/> is a principal because it writes a request (and no enclosing type is one).</summary>
    public bool IsRequestPrincipal(INamedTypeSymbol type) => principalTypes.Count > 0 && principalTypes.Contains(type.OriginalDefinition);

    /// <summary>The requests that grant to <paramref name="principal"/>, in source order.</summary>
    public IEnumerable<GrantRequest> RequestsOf(ISymbol principal) =>
        all.Where(r => SymbolEqualityComparer.Default.Equals(r.Owner, principal.OriginalDefinition));

    /// <summary>The scopes requested for <paramref name="principal"/>, each element once (two requests may read one field).</summary>
    public ImmutableArray<ScopeArgument> GrantsOf(ISymbol principal)
    {
        if (all.IsEmpty)
        {
            return ImmutableArray<ScopeArgument>.Empty;
        }

        var seen = new HashSet<(SyntaxTree, TextSpan)>();
        var grants = ImmutableArray.CreateBuilder<ScopeArgument>();
        foreach (var request in RequestsOf(principal))
        {
            foreach (var (scope, element) in request.Scopes.Scopes)
            {
                if (seen.Add((element.SyntaxTree, element.Span)))
                {
                    grants.Add(new ScopeArgument(scope, element, feature: null));
                }
            }
        }

        return grants.ToImmutable();
    }

    /// <summary>The principals whose requests read the scope written at <paramref name="span"/>.</summary>
    public IReadOnlyCollection<ISymbol> OwnersOf(SyntaxTree tree, TextSpan span) =>
        ownersByElement.TryGetValue((tree, span), out var owners) ? owners : (IReadOnlyCollection<ISymbol>)Array.Empty<ISymbol>();

    /// <summary>
    /// The principal that owns the request's code: the innermost type principal, else the assembly when it declares
    /// itself one (<c>[assembly: GrantedScopes]</c>, <c>[assembly: FeatureNeeds]</c>). Code no principal owns makes its
    /// innermost class or struct a principal, or, in top-level statements, the assembly.
    /// </summary>
    private static ISymbol? OwnerOf(Compilation compilation, bool assemblyIsPrincipal, SemanticModel model, SyntaxNode request, CancellationToken cancellationToken)
    {
        INamedTypeSymbol? innermost = null;
        foreach (var ancestor in request.Ancestors())
        {
            if (ancestor is not (ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax)
                || model.GetDeclaredSymbol(ancestor, cancellationToken) is not INamedTypeSymbol type)
            {
                continue;
            }

            if (DeclaresPrincipal(type))
            {
                return type.OriginalDefinition;
            }

            innermost ??= type.OriginalDefinition;
        }

        if (assemblyIsPrincipal)
        {
            return compilation.Assembly;
        }

        if (innermost is not null)
        {
            return innermost;
        }

        if (request.FirstAncestorOrSelf<GlobalStatementSyntax>() is null)
        {
            return null;
        }

        // Top-level statements are the code of the program's type: its principal if a partial declaration makes it one.
        return model.GetEnclosingSymbol(request.SpanStart, cancellationToken)?.ContainingType is { } program && DeclaresPrincipal(program)
            ? program.OriginalDefinition
            : compilation.Assembly;
    }

    /// <summary>Whether the type's attributes make it a principal (the requests are not looked at here).</summary>
    private static bool DeclaresPrincipal(INamedTypeSymbol type) =>
        type.GetAttributes().Any(a => AttributeNames.Classify(a) is ScopeAttributeKind.GrantedScopes or ScopeAttributeKind.FeatureNeeds);
}
