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

// Requirement inheritance through interfaces: which interface members a method implements without naming them.
internal sealed partial class ScopeIndex
{
    private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableDictionary<ISymbol, ImmutableArray<ISymbol>>> interfaceImplementations = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// The interface members a method of a class or struct implements without naming them: instance members that
    /// are not sealed, and static abstract or virtual ones (an explicit implementation is listed too).
    /// </summary>
    public ImmutableArray<ISymbol> ImplicitlyImplemented(IMethodSymbol method) =>
        method.ContainingType is { TypeKind: TypeKind.Class or TypeKind.Struct } containing
        && ImplicitImplementations(containing).TryGetValue(method.OriginalDefinition, out var interfaceMembers)
            ? interfaceMembers
            : ImmutableArray<ISymbol>.Empty;

    /// <summary>For each member of <paramref name="type"/>, the interface members it implicitly implements.</summary>
    private ImmutableDictionary<ISymbol, ImmutableArray<ISymbol>> ImplicitImplementations(INamedTypeSymbol type) =>
        interfaceImplementations.GetOrAdd(type.OriginalDefinition, t =>
        {
            var map = new Dictionary<ISymbol, List<ISymbol>>(SymbolEqualityComparer.Default);
            foreach (var @interface in t.AllInterfaces)
            {
                foreach (var interfaceMember in @interface.GetMembers())
                {
                    // Instance members that are not sealed, and static abstract or virtual members, are implemented.
                    if (interfaceMember is not IMethodSymbol method
                        || interfaceMember.IsSealed
                        || (method.IsStatic && !(method.IsAbstract || method.IsVirtual)))
                    {
                        continue;
                    }

                    if (t.FindImplementationForInterfaceMember(interfaceMember) is { } implementation
                        && SymbolEqualityComparer.Default.Equals(implementation.ContainingType?.OriginalDefinition, t))
                    {
                        var key = implementation.OriginalDefinition;
                        if (!map.TryGetValue(key, out var list))
                        {
                            map[key] = list = new List<ISymbol>();
                        }

                        list.Add(interfaceMember.OriginalDefinition);
                    }
                }
            }

            return map.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableArray(), SymbolEqualityComparer.Default);
        });
}
