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
    public static IEnumerable<IMethodSymbol> ContractsOf(ScopeIndex index, IMethodSymbol method)
    {
        if (method.OverriddenMethod is { } overridden)
        {
            yield return overridden;
        }

        foreach (var implemented in method.ExplicitInterfaceImplementations)
        {
            yield return implemented;
        }

        // An explicit implementation implements only the members it names, listed above.
        if (method.ExplicitInterfaceImplementations.IsEmpty)
        {
            foreach (var interfaceMember in index.ImplicitlyImplemented(method))
            {
                yield return (IMethodSymbol)interfaceMember;
            }
        }
    }

    /// <summary>The terms a method declares itself: its own attributes and its property's or event's.</summary>
    public static ImmutableArray<string> OwnDeclaration(IMethodSymbol method) =>
        method.AssociatedSymbol is { } associated
            ? ScopeIndex.AttributeTermsOf(method).AddRange(ScopeIndex.AttributeTermsOf(associated))
            : ScopeIndex.AttributeTermsOf(method);

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
