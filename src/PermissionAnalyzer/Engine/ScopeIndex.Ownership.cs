using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PermissionAnalyzer.Engine.Sdks;

namespace PermissionAnalyzer.Engine;

// Ownership: which principal (a type, or the assembly) owns a member's code, and the assembly principal's declaration.
internal sealed partial class ScopeIndex
{
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> principalTypes = new(SymbolEqualityComparer.Default);
    private readonly Memo<PrincipalDeclaration> assemblyDeclaration = new();

    private readonly bool declaresAssemblyPrincipal;

    /// <summary>
    /// The assembly declares grants or features, or its top-level statements request scopes: it owns all code
    /// outside type principals.
    /// </summary>
    public bool IsAssemblyPrincipal => declaresAssemblyPrincipal || Requests.HasAssemblyRequests;

    /// <summary>The assembly principal's declaration, read once per compilation (every top-level type it owns reports against it).</summary>
    public PrincipalDeclaration AssemblyDeclaration(CancellationToken cancellationToken) =>
        assemblyDeclaration.Get(
            (index, token) => PrincipalDeclaration.Read(index, index.Compilation.Assembly, index.Compilation.Assembly.GetAttributes(), token),
            this,
            cancellationToken);

    public bool IsPrincipal(INamedTypeSymbol type) =>
        principalTypes.GetOrAdd(type.OriginalDefinition, t => t.GetAttributes().Any(a => AttributeNames.Classify(a) is ScopeAttributeKind.GrantedScopes or ScopeAttributeKind.FeatureNeeds)
            || Requests.IsRequestPrincipal(t));

    /// <summary>
    /// The principal whose code the symbol is: the innermost enclosing type principal, else the assembly
    /// (as <see cref="IAssemblySymbol"/>) when it is a principal and the symbol is in source here, else null.
    /// </summary>
    public ISymbol? OwnerOf(ISymbol symbol)
    {
        for (var type = symbol as INamedTypeSymbol ?? symbol.ContainingType; type is not null; type = type.ContainingType)
        {
            if (IsPrincipal(type))
            {
                return type.OriginalDefinition;
            }
        }

        return IsAssemblyPrincipal && SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, Compilation.Assembly)
            ? Compilation.Assembly
            : null;
    }
}
