using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using PermissionAnalyzer.Engine;

namespace PermissionAnalyzer.Rules;

/// <summary>
/// What PA0012 and PA0013 ask of a member: the members it overrides or implements (its contracts), the scopes
/// it declares itself, and whether other assemblies can call it.
/// </summary>
internal static class MemberContracts
{
    /// <summary>The members an accessor or method overrides (the nearest one) or implements, explicitly or implicitly.</summary>
    public static IEnumerable<IMethodSymbol> ContractsOf(IMethodSymbol method, IReadOnlyDictionary<IMethodSymbol, List<IMethodSymbol>> implicitImplementations)
    {
        if (method.OverriddenMethod is { } overridden)
        {
            yield return overridden;
        }

        foreach (var implemented in method.ExplicitInterfaceImplementations)
        {
            yield return implemented;
        }

        if (implicitImplementations.TryGetValue(method, out var interfaceMembers))
        {
            foreach (var interfaceMember in interfaceMembers)
            {
                yield return interfaceMember;
            }
        }
    }

    /// <summary>
    /// For each method of <paramref name="type"/> (accessors included), the interface members it implements
    /// implicitly, static abstract and virtual members included.
    /// </summary>
    public static IReadOnlyDictionary<IMethodSymbol, List<IMethodSymbol>> ImplicitImplementations(INamedTypeSymbol type)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.AllInterfaces.IsEmpty)
        {
            return new Dictionary<IMethodSymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
        }

        var map = new Dictionary<IMethodSymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var interfaceMember in @interface.GetMembers())
            {
                if (interfaceMember is not IMethodSymbol interfaceMethod
                    || interfaceMethod.IsSealed
                    || (interfaceMethod.IsStatic && !interfaceMethod.IsAbstract && !interfaceMethod.IsVirtual)
                    || interfaceMethod.DeclaredAccessibility == Accessibility.Private)
                {
                    continue;
                }

                if (type.FindImplementationForInterfaceMember(interfaceMethod) is IMethodSymbol implementation
                    && implementation.ExplicitInterfaceImplementations.IsEmpty
                    && SymbolEqualityComparer.Default.Equals(implementation.ContainingType?.OriginalDefinition, type.OriginalDefinition))
                {
                    var key = implementation.OriginalDefinition;
                    if (!map.TryGetValue(key, out var list))
                    {
                        map[key] = list = new List<IMethodSymbol>();
                    }

                    list.Add(interfaceMethod);
                }
            }
        }

        return map;
    }

    /// <summary>The scopes a method declares itself: its own <c>[RequiresScope]</c> and its property's or event's.</summary>
    public static ImmutableArray<string> OwnDeclaration(IMethodSymbol method)
    {
        var scopes = ImmutableArray.CreateBuilder<string>();
        AddDeclared(method, scopes);
        if (method.AssociatedSymbol is { } associated)
        {
            AddDeclared(associated, scopes);
        }

        return scopes.ToImmutable();
    }

    private static void AddDeclared(ISymbol symbol, ImmutableArray<string>.Builder scopes)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            var kind = AttributeNames.Classify(attribute);
            if (kind is not (ScopeAttributeKind.RequiresScope or ScopeAttributeKind.RequiresAnyScope))
            {
                continue;
            }

            // A [RequiresAnyScope] is one term of alternatives, keyed as the engine keys it (Term).
            var target = kind == ScopeAttributeKind.RequiresScope ? scopes : ImmutableArray.CreateBuilder<string>();
            foreach (var argument in attribute.ConstructorArguments)
            {
                if (argument.Kind == TypedConstantKind.Array)
                {
                    if (!argument.IsNull)
                    {
                        target.AddRange(argument.Values.Select(v => v.Value).OfType<string>().Where(s => !string.IsNullOrWhiteSpace(s)));
                    }
                }
                else if (argument.Value is string scope && !string.IsNullOrWhiteSpace(scope))
                {
                    target.Add(scope);
                }
            }

            if (kind == ScopeAttributeKind.RequiresAnyScope && Term.Of(target) is { } term)
            {
                scopes.Add(term);
            }
        }
    }

    /// <summary>Whether code of another assembly can name the symbol: public, or protected in a type it can derive from, all the way out.</summary>
    public static bool IsVisibleOutside(ISymbol symbol)
    {
        for (var current = symbol; current is not null; current = current.ContainingType)
        {
            switch (current.DeclaredAccessibility)
            {
                case Accessibility.Public:
                    break;
                case Accessibility.Protected or Accessibility.ProtectedOrInternal:
                    if (current.ContainingType is { IsSealed: true } or { IsStatic: true })
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
