using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PermissionAnalyzer.Engine;

// Member sites: the use sites of each member's own code (bodies, constructors with the initializers they run, initializers),
// read from the operations of the driver's semantic model, once per member, cancellably.
internal sealed partial class ScopeIndex
{
    private readonly ConcurrentDictionary<ISymbol, Memo<ImmutableArray<Site>>> memberSites = new(SymbolEqualityComparer.Default);

    /// <summary>Whether the symbol is a member of this compilation whose code the engine can follow.</summary>
    public bool HasBody(ISymbol symbol) =>
        symbol is IMethodSymbol { IsAbstract: false, IsExtern: false } method
        && method.MethodKind is not (MethodKind.LocalFunction or MethodKind.AnonymousFunction or MethodKind.DelegateInvoke)
        && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, Compilation.Assembly);

    /// <summary>Whether a site's target leads into a body the engine follows: its own code runs there, and it has a body here.</summary>
    public bool Follows(SiteTarget target) => target.FollowsBody && HasBody(target.Symbol);

    /// <summary>The use sites of one member's own code, in source order; computed once per compilation (a cancelled computation is not kept).</summary>
    public ImmutableArray<Site> SitesOf(ISymbol member, CancellationToken cancellationToken)
    {
        if (!HasBody(member) && member is not IFieldSymbol and not IPropertySymbol and not IEventSymbol)
        {
            return ImmutableArray<Site>.Empty;
        }

        // A memo, not a Lazy: a walk cancelled by one caller (or failing) is not remembered for the next.
        member = member.OriginalDefinition;
        return memberSites.GetOrAdd(member, _ => new Memo<ImmutableArray<Site>>())
            .Get(static (args, token) => args.Index.ComputeSites(args.Member, token), (Index: this, Member: member), cancellationToken);
    }

    private ImmutableArray<Site> ComputeSites(ISymbol member, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var sites = new List<Site>();
        switch (member)
        {
            case IFieldSymbol or IPropertySymbol or IEventSymbol:
                // A field's, property's or field-like event's initializer, as its own code (constructors fold it in too).
                AddInitializer(member, sites, fromInitializer: false, cancellationToken);
                break;

            case IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor:
                AddConstructor(constructor, sites, cancellationToken);
                break;

            case IMethodSymbol method:
                AddBodies(method.PartialImplementationPart ?? method, sites, cancellationToken);
                break;
        }

        return sites.ToImmutableArray();
    }

    private void AddBodies(IMethodSymbol method, List<Site> sites, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax(cancellationToken);
            if (node is CompilationUnitSyntax unit)
            {
                // Top-level statements: the synthesized entry point's body is the file's global statements.
                foreach (var member in unit.Members)
                {
                    if (member is GlobalStatementSyntax global)
                    {
                        CollectSitesOf(global.Statement, sites, fromInitializer: false, cancellationToken);
                    }
                }

                continue;
            }

            var body = node switch
            {
                BaseMethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody,
                AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody,
                ArrowExpressionClauseSyntax arrow => arrow,
                _ => null,
            };

            if (body is not null && node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax)
            {
                // The declaration's operation covers the body and, for a constructor, its explicit initializer.
                CollectSitesOf(node, sites, fromInitializer: false, cancellationToken);
            }
            else if (body is not null)
            {
                CollectSitesOf(body, sites, fromInitializer: false, cancellationToken);
            }
        }
    }

    private void AddConstructor(IMethodSymbol constructor, List<Site> sites, CancellationToken cancellationToken)
    {
        ConstructorInitializerSyntax? initializer = null;
        var declarations = new List<ConstructorDeclarationSyntax>();
        foreach (var reference in constructor.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is ConstructorDeclarationSyntax declaration)
            {
                declarations.Add(declaration);
                initializer = declaration.Initializer;
            }
        }

        // Sites in source order (the shortest chain's tie-break): the base type in the class declaration
        // comes before the constructor's body.
        var type = constructor.ContainingType;
        if (!constructor.IsStatic && type.TypeKind == TypeKind.Class)
        {
            if (PrimaryConstructorBase(type, cancellationToken) is { } primaryBase)
            {
                CollectSitesOf(primaryBase, sites, fromInitializer: false, cancellationToken);
            }
            else if ((declarations.Count == 0 || initializer is null) && ImplicitBaseConstructor(type) is { } baseConstructor && BaseTypeSyntax(type, cancellationToken) is { } baseTypeSyntax)
            {
                new UseCollector(this, sites, fromInitializer: false, cancellationToken).AddImplicitBaseConstructorCall(baseTypeSyntax, baseConstructor);
            }
        }

        foreach (var declaration in declarations)
        {
            CollectSitesOf(declaration, sites, fromInitializer: false, cancellationToken);
        }

        var chainsToThis = initializer is not null && initializer.IsKind(SyntaxKind.ThisConstructorInitializer);
        if (!chainsToThis)
        {
            foreach (var member in type.GetMembers())
            {
                if (member.IsStatic == constructor.IsStatic && member is IFieldSymbol or IPropertySymbol or IEventSymbol)
                {
                    AddInitializer(member, sites, fromInitializer: true, cancellationToken);
                }
            }
        }
    }

    private void AddInitializer(ISymbol member, List<Site> sites, bool fromInitializer, CancellationToken cancellationToken)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var initializer = reference.GetSyntax(cancellationToken) switch
            {
                VariableDeclaratorSyntax variable => variable.Initializer,
                PropertyDeclarationSyntax property => property.Initializer,
                _ => null,
            };

            if (initializer is not null)
            {
                CollectSitesOf(initializer, sites, fromInitializer, cancellationToken);
            }
        }
    }

    private void CollectSitesOf(SyntaxNode node, List<Site> sites, bool fromInitializer, CancellationToken cancellationToken)
    {
        var operation = GetSemanticModel(node.SyntaxTree).GetOperation(node, cancellationToken);
        if (operation is not null)
        {
            new UseCollector(this, sites, fromInitializer, cancellationToken).Walk(operation);
        }
    }

    /// <summary>The parameterless (or all-optional) base constructor an implicit <c>: base()</c> binds to.</summary>
    private static IMethodSymbol? ImplicitBaseConstructor(INamedTypeSymbol type)
    {
        var baseType = type.BaseType;
        if (baseType is null || baseType.SpecialType == SpecialType.System_Object)
        {
            return null;
        }

        IMethodSymbol? best = null;
        foreach (var candidate in baseType.InstanceConstructors)
        {
            var callable = true;
            foreach (var parameter in candidate.Parameters)
            {
                callable &= parameter.IsOptional || parameter.IsParams;
            }

            if (callable && (best is null || candidate.Parameters.Length < best.Parameters.Length))
            {
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>The base type in the class declaration: where a use with no syntax of its own is reported.</summary>
    private SyntaxNode? BaseTypeSyntax(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { BaseList.Types: { Count: > 0 } types })
            {
                var first = types[0];
                var model = GetSemanticModel(first.SyntaxTree);
                if (SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(first.Type, cancellationToken).Type?.OriginalDefinition, type.BaseType?.OriginalDefinition))
                {
                    return first.Type;
                }
            }
        }

        return null;
    }

    private static SyntaxNode? PrimaryConstructorBase(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { BaseList.Types: { Count: > 0 } types } && types[0] is PrimaryConstructorBaseTypeSyntax primary)
            {
                return primary;
            }
        }

        return null;
    }
}
