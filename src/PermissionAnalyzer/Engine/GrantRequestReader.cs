using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PermissionAnalyzer.Engine;

/// <summary>
/// The scopes one token request writes: the list expression that holds them (where a granted scope is appended)
/// and each scope with the element that writes it (where a verdict lands).
/// </summary>
internal sealed class RequestedScopes
{
    public RequestedScopes(SyntaxNode request, ExpressionSyntax list, ImmutableArray<(string Scope, ExpressionSyntax Element)> scopes)
    {
        Request = request;
        List = list;
        Scopes = scopes;
    }

    /// <summary>The call, creation or attribute that requests the token.</summary>
    public SyntaxNode Request { get; }

    /// <summary>The array, collection expression, collection initializer or field initializer whose elements are the scopes.</summary>
    public ExpressionSyntax List { get; }

    public ImmutableArray<(string Scope, ExpressionSyntax Element)> Scopes { get; }
}

/// <summary>
/// Recognizes where code requests its token with scope constants (DESIGN.md, "Grant requests in code") and
/// reads the constants. What it cannot read for sure (a scope computed at run time, a list built elsewhere or
/// changed after it is written, <c>.default</c>, which grants whatever the app registration holds) is no readable
/// grant: the request is then ignored, never guessed.
/// </summary>
internal static class GrantRequestReader
{
    /// <summary>The names a request is written with: a tree that contains none of them holds no request.</summary>
    public static readonly string[] Names = { "GraphServiceClient", "AcquireToken", "EnableTokenAcquisitionToCallDownstreamApi", "AuthorizeForScopes" };

    /// <summary>OpenID Connect scopes: they ask for sign-in and a refresh token, not for access to an API.</summary>
    private static readonly string[] ReservedScopes = { "openid", "profile", "offline_access", "email" };

    /// <summary>Graph's resource prefix: <c>https://graph.microsoft.com/Mail.Read</c> is <c>Mail.Read</c>.</summary>
    private const string GraphResource = "https://graph.microsoft.com/";

    /// <summary>How many fields or locals a list may be read through (<c>Scopes = Mail</c>, <c>Mail = new[] { ... }</c>).</summary>
    private const int MaxIndirections = 4;

    /// <summary>
    /// Whether the compilation sees an SDK whose requests are recognized: <c>Microsoft.Graph.GraphServiceClient</c>, or
    /// the namespace <c>Microsoft.Identity.Client</c> (MSAL) or <c>Microsoft.Identity.Web</c>. Namespaces and one type
    /// are looked up by name; nothing is bound.
    /// </summary>
    public static bool RequestApisVisible(Compilation compilation)
    {
        if (compilation.GetTypesByMetadataName("Microsoft.Graph.GraphServiceClient").Length > 0)
        {
            return true;
        }

        var identity = Namespace(Namespace(compilation.GlobalNamespace, "Microsoft"), "Identity");
        return Namespace(identity, "Client") is not null || Namespace(identity, "Web") is not null;
    }

    private static INamespaceSymbol? Namespace(INamespaceSymbol? parent, string name)
    {
        if (parent is null)
        {
            return null;
        }

        foreach (var member in parent.GetNamespaceMembers())
        {
            if (member.Name == name)
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the tree writes an identifier that starts with one of <see cref="Names"/> (escapes decoded): read
    /// from the parsed tokens, without copying the text into a string.
    /// </summary>
    public static bool MayBeWritten(SyntaxTree tree, CancellationToken cancellationToken)
    {
        foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                foreach (var name in Names)
                {
                    if (token.ValueText.StartsWith(name, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The scopes <paramref name="node"/> requests, or null when it is no request or its scopes cannot be read. A
    /// request is matched by its member's name and namespace and its parameter's name, checked on syntax first:
    /// <list type="bullet">
    /// <item><c>new Microsoft.Graph.GraphServiceClient(..., scopes, ...)</c>;</item>
    /// <item>MSAL's <c>AcquireToken*(scopes, ...)</c> (any method of <c>Microsoft.Identity.Client</c> so named);</item>
    /// <item>Microsoft.Identity.Web's <c>EnableTokenAcquisitionToCallDownstreamApi(initialScopes)</c>;</item>
    /// <item>Microsoft.Identity.Web's <c>[AuthorizeForScopes(Scopes = ...)]</c>.</item>
    /// </list>
    /// </summary>
    public static RequestedScopes? Read(SyntaxNode node, Func<SyntaxTree, SemanticModel> models, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case BaseObjectCreationExpressionSyntax { ArgumentList: { } arguments } creation
                when creation is not ObjectCreationExpressionSyntax { Type: var type } || RightmostName(type) == "GraphServiceClient":
            {
                var model = models(node.SyntaxTree);
                return model.GetSymbolInfo(creation, cancellationToken).Symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                    && IsIn(constructor.ContainingType, "GraphServiceClient", "Microsoft", "Graph")
                    && ArgumentFor(constructor, arguments, "scopes") is { } argument
                        ? ReadList(creation, argument.Expression, model, models, 0, cancellationToken)
                        : null;
            }

            case InvocationExpressionSyntax { Expression: var callee, ArgumentList: var arguments } invocation
                when InvokedName(callee) is { } name
                    && (name.StartsWith("AcquireToken", StringComparison.Ordinal) || name == "EnableTokenAcquisitionToCallDownstreamApi"):
            {
                var model = models(node.SyntaxTree);
                if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
                {
                    return null;
                }

                var argument = name == "EnableTokenAcquisitionToCallDownstreamApi"
                    ? (IsIn(method.ContainingType, null, "Microsoft", "Identity", "Web") ? ArgumentFor(method, arguments, "initialScopes") ?? ArgumentFor(method, arguments, "scopes") : null)
                    : (IsIn(method.ContainingType, null, "Microsoft", "Identity", "Client") ? ArgumentFor(method, arguments, "scopes") : null);
                return argument is null ? null : ReadList(invocation, argument.Expression, model, models, 0, cancellationToken);
            }

            case AttributeSyntax { ArgumentList: { } arguments } attribute
                when RightmostName(attribute.Name) is "AuthorizeForScopes" or "AuthorizeForScopesAttribute":
            {
                var model = models(node.SyntaxTree);
                if (model.GetSymbolInfo(attribute, cancellationToken).Symbol is not IMethodSymbol constructor
                    || !IsIn(constructor.ContainingType, "AuthorizeForScopesAttribute", "Microsoft", "Identity", "Web"))
                {
                    return null;
                }

                foreach (var argument in arguments.Arguments)
                {
                    if (argument.NameEquals?.Name.Identifier.ValueText == "Scopes")
                    {
                        return ReadList(attribute, argument.Expression, model, models, 0, cancellationToken);
                    }
                }

                return null;
            }

            default:
                return null;
        }
    }

    /// <summary>Whether <paramref name="type"/> (named <paramref name="name"/>, when given) is declared in exactly the namespace <paramref name="ns"/>, outermost first.</summary>
    private static bool IsIn(INamedTypeSymbol? type, string? name, params string[] ns)
    {
        if (type is null || (name is not null && (type.Name != name || type.ContainingType is not null)))
        {
            return false;
        }

        var current = type.ContainingNamespace;
        for (var i = ns.Length - 1; i >= 0; i--)
        {
            if (current is null || current.IsGlobalNamespace || current.Name != ns[i])
            {
                return false;
            }

            current = current.ContainingNamespace;
        }

        return current is { IsGlobalNamespace: true };
    }

    private static string? InvokedName(ExpressionSyntax callee) => callee switch
    {
        MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax memberBinding => memberBinding.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    private static string? RightmostName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The argument passed for the parameter named <paramref name="name"/>; null when it takes its default.</summary>
    private static ArgumentSyntax? ArgumentFor(IMethodSymbol method, ArgumentListSyntax arguments, string name)
    {
        var parameters = method.Parameters;
        for (var i = 0; i < arguments.Arguments.Count; i++)
        {
            var argument = arguments.Arguments[i];
            var parameter = argument.NameColon is { } nameColon
                ? nameColon.Name.Identifier.ValueText
                : i < parameters.Length ? parameters[i].Name : null;
            if (parameter == name)
            {
                return argument;
            }
        }

        return null;
    }

    private static RequestedScopes? ReadList(SyntaxNode request, ExpressionSyntax expression, SemanticModel model, Func<SyntaxTree, SemanticModel> models, int depth, CancellationToken cancellationToken)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        switch (expression)
        {
            case ArrayCreationExpressionSyntax { Initializer: { } initializer }:
                return ReadElements(request, expression, initializer.Expressions, model, cancellationToken);
            case ImplicitArrayCreationExpressionSyntax { Initializer: var initializer }:
                return ReadElements(request, expression, initializer.Expressions, model, cancellationToken);
            case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ArrayInitializerExpression):
                // `static readonly string[] Scopes = { ... };`
                return ReadElements(request, expression, initializer.Expressions, model, cancellationToken);
            case ObjectCreationExpressionSyntax { Initializer: { } initializer } creation
                when initializer.IsKind(SyntaxKind.CollectionInitializerExpression) && creation.ArgumentList is null or { Arguments.Count: 0 }:
                // `new List<string> { ... }`: each element one Add of one scope.
                return ReadElements(request, expression, initializer.Expressions, model, cancellationToken);
            case CollectionExpressionSyntax collection:
            {
                var elements = new List<ExpressionSyntax>();
                foreach (var element in collection.Elements)
                {
                    if (element is not ExpressionElementSyntax { Expression: var value })
                    {
                        // A spread (`..other`) adds what cannot be read here.
                        return null;
                    }

                    elements.Add(value);
                }

                return ReadElements(request, expression, elements, model, cancellationToken);
            }

            case IdentifierNameSyntax or MemberAccessExpressionSyntax when depth < MaxIndirections:
                return ReadThrough(request, expression, model, models, depth, cancellationToken);
            default:
                return null;
        }
    }

    /// <summary>A list read through a <c>readonly</c> field or a local that is never written after its declaration.</summary>
    private static RequestedScopes? ReadThrough(SyntaxNode request, ExpressionSyntax reference, SemanticModel model, Func<SyntaxTree, SemanticModel> models, int depth, CancellationToken cancellationToken)
    {
        var symbol = model.GetSymbolInfo(reference, cancellationToken).Symbol;
        if (symbol is not (IFieldSymbol { IsReadOnly: true } or ILocalSymbol)
            || symbol.DeclaringSyntaxReferences.Length != 1
            || symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } value } declarator)
        {
            return null;
        }

        if ((symbol is ILocalSymbol local && MayBeWritten(local, declarator))
            || (symbol is IFieldSymbol field && IsAssignedInConstructor(field, cancellationToken)))
        {
            return null;
        }

        return ReadList(request, value, models(value.SyntaxTree), models, depth + 1, cancellationToken);
    }

    /// <summary>A <c>readonly</c> field a constructor assigns again: its initializer is not what the request reads.</summary>
    private static bool IsAssignedInConstructor(IFieldSymbol field, CancellationToken cancellationToken)
    {
        foreach (var reference in field.ContainingType.DeclaringSyntaxReferences)
        {
            foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax { Left: var left }
                    && (left is IdentifierNameSyntax { Identifier.ValueText: var name } ? name
                        : left is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name.Identifier.ValueText: var member } ? member
                        : null) == field.Name)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether code in the local's scope may change it after its declaration: an assignment to it or to one of its
    /// elements, a <c>ref</c> or <c>out</c> use, or any method called on it (<c>scopes.Add(...)</c>). Decided by
    /// name, without binding: a same-named variable elsewhere in the scope makes it unreadable too.
    /// </summary>
    private static bool MayBeWritten(ILocalSymbol local, VariableDeclaratorSyntax declarator)
    {
        SyntaxNode? scope = declarator.FirstAncestorOrSelf<GlobalStatementSyntax>() is not null
            ? declarator.SyntaxTree.GetRoot()
            : declarator.FirstAncestorOrSelf<BlockSyntax>();
        if (scope is null)
        {
            return true;
        }

        foreach (var node in scope.DescendantNodes())
        {
            if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != local.Name)
            {
                continue;
            }

            var parent = identifier.Parent;
            switch (parent)
            {
                case AssignmentExpressionSyntax assignment when assignment.Left == identifier:
                case ArgumentSyntax { RefKindKeyword.RawKind: not 0 }:
                case PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax:
                case RefExpressionSyntax:
                case ElementAccessExpressionSyntax { Parent: AssignmentExpressionSyntax elementAssignment } elementAccess when elementAssignment.Left == elementAccess:
                case MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax } memberAccess when memberAccess.Expression == identifier:
                    return true;
            }
        }

        return false;
    }

    private static RequestedScopes? ReadElements(SyntaxNode request, ExpressionSyntax list, IEnumerable<ExpressionSyntax> elements, SemanticModel model, CancellationToken cancellationToken)
    {
        var scopes = ImmutableArray.CreateBuilder<(string, ExpressionSyntax)>();
        foreach (var element in elements)
        {
            var constant = PrincipalDeclaration.ConstantOf(model, element, cancellationToken);
            if (!constant.HasValue)
            {
                // A scope computed at run time: the grant cannot be read.
                return null;
            }

            if (constant.Value is not string text || string.IsNullOrWhiteSpace(text) || IsReserved(text))
            {
                continue;
            }

            if (text == ".default" || text.EndsWith("/.default", StringComparison.Ordinal))
            {
                // The app's whole registered grant: it lives in the tenant, not in code.
                return null;
            }

            scopes.Add((Normalized(text), element));
        }

        // An empty list asks for `.default` too (the SDK's fallback).
        return scopes.Count == 0 ? null : new RequestedScopes(request, list, scopes.ToImmutable());
    }

    private static bool IsReserved(string scope)
    {
        foreach (var reserved in ReservedScopes)
        {
            if (string.Equals(scope, reserved, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Normalized(string scope) =>
        scope.Length > GraphResource.Length && scope.StartsWith(GraphResource, StringComparison.OrdinalIgnoreCase)
            ? scope.Substring(GraphResource.Length)
            : scope;
}
