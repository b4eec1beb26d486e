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

// Receivers: the implementation a call runs when the receiver's static type overrides or implements the bound member.
internal sealed partial class ScopeIndex
{
    /// <summary>
    /// The receiver type's implementation of a bound member, when the receiver's static type is a class or
    /// struct: the override nearest to it for virtual members, its interface mapping for interface members.
    /// </summary>
    public static ISymbol? ImplementationOn(ITypeSymbol receiverType, ISymbol member)
    {
        if (receiverType.TypeKind is not (TypeKind.Class or TypeKind.Struct) || member.IsStatic)
        {
            return null;
        }

        if (member.ContainingType?.TypeKind == TypeKind.Interface)
        {
            var implementation = receiverType.FindImplementationForInterfaceMember(member);
            if (implementation is null || SymbolEqualityComparer.Default.Equals(implementation, member))
            {
                return null;
            }

            // A virtual implementation in a base class runs as the receiver type's override of it.
            return implementation.ContainingType?.TypeKind != TypeKind.Interface && ImplementationOn(receiverType, implementation) is { } overriding
                ? overriding
                : implementation;
        }

        if (!(member.IsVirtual || member.IsAbstract || member.IsOverride) || member is not IMethodSymbol method)
        {
            return null;
        }

        var target = method.OriginalDefinition;
        for (var type = receiverType as INamedTypeSymbol; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, target.ContainingType))
            {
                return null;
            }

            foreach (var candidate in type.GetMembers(method.Name))
            {
                if (candidate is IMethodSymbol { IsOverride: true } overriding && Overrides(overriding, target))
                {
                    return overriding;
                }
            }
        }

        return null;
    }

    private static bool Overrides(IMethodSymbol overriding, IMethodSymbol target)
    {
        for (var current = overriding.OverriddenMethod; current is not null; current = current.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
            {
                return true;
            }
        }

        return false;
    }
}
