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

// Declared requirements: what using a member requires by its own attributes, map entries and SDK maps, and by what it inherits (property, containing and base types, overridden and implemented members).
internal sealed partial class ScopeIndex
{
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<string>> requirements = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IAssemblySymbol, bool> annotatableAssemblies = new(SymbolEqualityComparer.Default);
    private readonly Memo<HashSet<string>> attributeDefiners = new();

    /// <summary>
    /// The terms (<see cref="Term"/> keys, in ordinal order) using <paramref name="symbol"/> requires by
    /// declaration: its own <c>[RequiresScope]</c> and <c>[RequiresAnyScope]</c> and map entries, its
    /// property's or event's, its containing type's (and base classes', the attribute being inherited), and
    /// those of the members it overrides or implements. Reflection entry points require <see cref="Undetermined"/>.
    /// </summary>
    public ImmutableArray<string> RequirementOf(ISymbol symbol)
    {
        symbol = symbol.OriginalDefinition;
        if (requirements.TryGetValue(symbol, out var known))
        {
            return known;
        }

        if (ReusesMetadataRequirements && IsFromMetadata(symbol))
        {
            return requirements.GetOrAdd(symbol, MetadataRequirements.GetValue(symbol, s => new StrongBox<ImmutableArray<string>>(ComputeRequirement(s))).Value);
        }

        return requirements.GetOrAdd(symbol, ComputeRequirement);
    }

    /// <summary>
    /// Requirements of members read from metadata, shared by the compilations of successive edits. Safe to reuse: a
    /// metadata symbol is one instance only while its assembly and everything that assembly references bind to the same
    /// symbols (the compiler makes new instances otherwise), its attributes are immutable, and everything its requirement
    /// is computed from (its attributes, its property, containing and base types, overridden and implemented members,
    /// the reflection list) is metadata of that same closure. Only used while no scope map, built-in SDK map or test fault
    /// is in force, since those depend on the compilation's options rather than on the symbol.
    /// </summary>
    private static readonly ConditionalWeakTable<ISymbol, StrongBox<ImmutableArray<string>>> MetadataRequirements = new();

    private bool ReusesMetadataRequirements => Maps.IsEmpty && Sdks.IsEmpty && Faults == EngineFaults.None;

    private static bool IsFromMetadata(ISymbol symbol)
    {
        var locations = symbol.Locations;
        if (locations.IsEmpty)
        {
            return false;
        }

        foreach (var location in locations)
        {
            if (!location.IsInMetadata)
            {
                return false;
            }
        }

        return true;
    }

    private ImmutableArray<string> ComputeRequirement(ISymbol symbol)
    {
        SortedSet<string>? scopes = null;
        AddDeclared(symbol, ref scopes);

        if (symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction })
        {
            // A local function or lambda is no member of its type: only its own attributes apply.
            return scopes is null ? ImmutableArray<string>.Empty : scopes.ToImmutableArray();
        }

        if (symbol is IMethodSymbol method)
        {
            if (method.AssociatedSymbol is { } associated)
            {
                AddDeclared(associated, ref scopes);
            }

            if (method.OverriddenMethod is { } overridden && (Faults & EngineFaults.IgnoreOverriddenRequirements) == 0)
            {
                AddAll(RequirementOf(overridden), ref scopes);
            }

            foreach (var implemented in method.ExplicitInterfaceImplementations)
            {
                AddAll(RequirementOf(implemented), ref scopes);
            }

            foreach (var interfaceMember in ImplicitlyImplemented(method))
            {
                AddAll(RequirementOf(interfaceMember), ref scopes);
            }

            if (IsReflectionEntryPoint(method))
            {
                (scopes ??= new SortedSet<string>(StringComparer.Ordinal)).Add(Undetermined);
            }
        }

        for (var type = symbol.ContainingType; type is not null; type = type.TypeKind == TypeKind.Interface ? null : type.BaseType)
        {
            AddDeclared(type, ref scopes);
        }

        return scopes is null ? ImmutableArray<string>.Empty : scopes.ToImmutableArray();
    }

    private void AddDeclared(ISymbol symbol, ref SortedSet<string>? scopes)
    {
        AddAll(MappedTermsOf(symbol), ref scopes);
        AddAll(Sdks.TermsOf(symbol), ref scopes);
        AddAll(AttributeTermsOf(symbol), ref scopes);
    }

    /// <summary>
    /// The terms the symbol's own attributes declare: each valid scope of a <c>[RequiresScope]</c> is a term, each
    /// <c>[RequiresAnyScope]</c> one term of its valid scopes (<see cref="Term"/>). Scope maps are not read here.
    /// </summary>
    public static ImmutableArray<string> AttributeTermsOf(ISymbol symbol)
    {
        ImmutableArray<string>.Builder? terms = null;
        foreach (var attribute in symbol.GetAttributes())
        {
            var kind = AttributeNames.Classify(attribute);
            if (kind is not (ScopeAttributeKind.RequiresScope or ScopeAttributeKind.RequiresAnyScope))
            {
                continue;
            }

            var scopes = new List<string>();
            foreach (var argument in attribute.ConstructorArguments)
            {
                if (argument.Kind != TypedConstantKind.Array)
                {
                    AddValid(argument.Value as string, scopes);
                }
                else if (!argument.IsNull)
                {
                    foreach (var element in argument.Values)
                    {
                        AddValid(element.Value as string, scopes);
                    }
                }
            }

            terms ??= ImmutableArray.CreateBuilder<string>();
            if (kind == ScopeAttributeKind.RequiresScope)
            {
                terms.AddRange(scopes);
            }
            else if (Term.Of(scopes) is { } term)
            {
                terms.Add(term);
            }
        }

        return terms?.ToImmutable() ?? ImmutableArray<string>.Empty;
    }

    private static void AddValid(string? scope, List<string> scopes)
    {
        if (!string.IsNullOrWhiteSpace(scope))
        {
            scopes.Add(scope!);
        }
    }

    private static void AddAll(ImmutableArray<string> source, ref SortedSet<string>? scopes)
    {
        if (source.IsEmpty)
        {
            return;
        }

        scopes ??= new SortedSet<string>(StringComparer.Ordinal);
        scopes.UnionWith(source);
    }

    /// <summary>
    /// Whether a member could carry a declared requirement where its callers see it: it is this compilation's;
    /// or its assembly references an assembly that defines <c>RequiresScopeAttribute</c> or defines its own copy;
    /// or it is outside the framework's namespaces (<c>System</c>, <c>Microsoft</c>): a sibling project or a
    /// third-party library, which source or a scope map can annotate. Nobody annotates <c>IDisposable</c> or
    /// <c>object.ToString</c>.
    /// </summary>
    public bool MayDeclareRequirements(ISymbol member)
    {
        var assembly = member.ContainingAssembly;
        if (assembly is null || SymbolEqualityComparer.Default.Equals(assembly, Compilation.Assembly)
            || annotatableAssemblies.GetOrAdd(assembly, a => MayDeclareRequirements(a, attributeDefiners.Get((c, _) => AttributeDefiners(c), Compilation, CancellationToken.None)))
            || IsMapped(member))
        {
            return true;
        }

        var ns = member.ContainingNamespace;
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is null || ns.IsGlobalNamespace || ns.Name is not ("System" or "Microsoft");
    }

    private static bool MayDeclareRequirements(IAssemblySymbol assembly, HashSet<string> definers)
    {
        if (definers.Contains(assembly.Name) && assembly.Name != AttributeNames.AnnotationsAssemblyName)
        {
            return true;
        }

        foreach (var module in assembly.Modules)
        {
            foreach (var referenced in module.ReferencedAssemblies)
            {
                if (definers.Contains(referenced.Name))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
