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

// The reflection list: framework methods whose target cannot be determined, which require the undetermined pseudo-scope.
internal sealed partial class ScopeIndex
{
    private static bool IsReflectionEntryPoint(IMethodSymbol method)
    {
        // Names first: most methods are none of these, and the namespace is then not looked at.
        var typeName = method.ContainingType?.Name;
        return (typeName, method.Name) switch
        {
            ("MethodBase" or "MethodInfo" or "ConstructorInfo", "Invoke") => IsNamespace(method.ContainingType!.ContainingNamespace, "System", "Reflection"),
            ("Activator", "CreateInstance") => IsNamespace(method.ContainingType!.ContainingNamespace, "System"),
            ("Type", "InvokeMember") => IsNamespace(method.ContainingType!.ContainingNamespace, "System"),
            _ => false,
        };
    }

    /// <summary>Whether <paramref name="ns"/> is exactly the namespace named by <paramref name="parts"/>, outermost first.</summary>
    private static bool IsNamespace(INamespaceSymbol? ns, params string[] parts)
    {
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            if (ns is null || ns.IsGlobalNamespace || ns.Name != parts[i])
            {
                return false;
            }

            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: true };
    }
}
