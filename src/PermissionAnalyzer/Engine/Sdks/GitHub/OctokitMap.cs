using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace PermissionAnalyzer.Engine.Sdks.GitHub;

/// <summary>How the GitHub map sees one Octokit member (docs/sdks/github.md).</summary>
internal enum OctokitMemberKind
{
    /// <summary>No API call: a model, a property, a helper that returns no task.</summary>
    NotApiCall,

    /// <summary>An API call whose route GitHub's data joins to a permission.</summary>
    Mapped,

    /// <summary>An API call whose route needs only <c>metadata:read</c>, which every GitHub App holds.</summary>
    MetadataOnly,

    /// <summary>An API call with no <c>[ManualRoute]</c> (nor an implementation that has one): undetermined.</summary>
    NoRoute,

    /// <summary>An API call whose route GitHub's data does not list: undetermined.</summary>
    RouteNotInData,
}

/// <summary>
/// Octokit (GitHub's .NET client): each client method's <c>Octokit.ManualRouteAttribute(verb, path)</c>, read from
/// metadata by name, joined with GitHub's published permission data (<see cref="GitHubRouteTable"/>). A call
/// through an Octokit interface (<c>IRepositoriesClient.Delete</c>) counts the route of the Octokit class that
/// implements it. No Octokit version is assumed: only names are read.
/// </summary>
internal sealed class OctokitMap : SdkMap
{
    private const string RouteAttributeName = "ManualRouteAttribute";
    private const string OctokitNamespace = "Octokit";

    private static readonly Lazy<GitHubRouteTable> Table = new(GitHubRouteTable.LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Per Octokit assembly, the classes that implement each of its interfaces, found once.</summary>
    private static readonly ConditionalWeakTable<IAssemblySymbol, Implementations> ImplementationsByAssembly = new();

    private static readonly ImmutableArray<string> UndeterminedUse = ImmutableArray.Create(ScopeIndex.Undetermined);

    public override string AssemblyName => "Octokit";

    public override ImmutableArray<string> TermsOf(ISymbol member, SdkSettings settings)
    {
        var kind = Classify(member, out var terms);
        return kind switch
        {
            OctokitMemberKind.Mapped => terms,
            OctokitMemberKind.NoRoute or OctokitMemberKind.RouteNotInData => UndeterminedUse,
            _ => ImmutableArray<string>.Empty,
        };
    }

    public override IEnumerable<(string Scope, string Implied)> Implications(SdkSettings settings) => Table.Value.Implications;

    public override IEnumerable<string> DestructiveScopes(SdkSettings settings) => Table.Value.Destructive;

    /// <summary>
    /// What <paramref name="member"/> is to the map, and, when <see cref="OctokitMemberKind.Mapped"/>, the terms
    /// calling it requires (one per distinct route of its implementations, usually one).
    /// </summary>
    public static OctokitMemberKind Classify(ISymbol member, out ImmutableArray<string> terms)
    {
        terms = ImmutableArray<string>.Empty;
        if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public } method
            || method.ContainingType is not { } type
            || !ReturnsTask(method)
            || !IsClientType(type))
        {
            return OctokitMemberKind.NotApiCall;
        }

        var routes = new List<(string Verb, string Path)>();
        AddRoutes(method, routes);
        if (routes.Count == 0 && type.TypeKind == TypeKind.Interface)
        {
            foreach (var implementation in ImplementationsOf(type))
            {
                if (implementation.FindImplementationForInterfaceMember(method) is IMethodSymbol implemented)
                {
                    AddRoutes(implemented, routes);
                }
            }
        }

        if (routes.Count == 0)
        {
            return OctokitMemberKind.NoRoute;
        }

        var table = Table.Value;
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (verb, path) in routes)
        {
            if (GitHubRoute.Normalize(verb, path) is not { } normalized || !table.TryGetTerm(normalized, out var term))
            {
                return OctokitMemberKind.RouteNotInData;
            }

            if (term is not null)
            {
                found.Add(term);
            }
        }

        if (found.Count == 0)
        {
            return OctokitMemberKind.MetadataOnly;
        }

        terms = found.ToImmutableArray();
        return OctokitMemberKind.Mapped;
    }

    /// <summary>
    /// Whether a type's public methods are API calls: Octokit's clients (<c>IssuesClient</c> and its
    /// <c>IIssuesClient</c>, every <c>ApiClient</c>) and its raw connections (<c>IConnection</c>,
    /// <c>IApiConnection</c>), whose calls have no route to join.
    /// </summary>
    public static bool IsClientType(INamedTypeSymbol type)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Interface))
        {
            return false;
        }

        if (type.Name.EndsWith("Client", StringComparison.Ordinal)
            || type.Name is "Connection" or "IConnection" or "ApiConnection" or "IApiConnection")
        {
            return true;
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == "ApiClient" && current.ContainingNamespace?.Name == OctokitNamespace)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Octokit's API calls return a task (<c>Task</c>, <c>Task&lt;T&gt;</c>); its helpers do not.</summary>
    private static bool ReturnsTask(IMethodSymbol method) =>
        method.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask" } returned
        && returned.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";

    private static void AddRoutes(IMethodSymbol method, List<(string Verb, string Path)> routes)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == RouteAttributeName
                && attribute.ConstructorArguments.Length == 2
                && attribute.ConstructorArguments[0].Value is string verb
                && attribute.ConstructorArguments[1].Value is string path)
            {
                routes.Add((verb, path));
            }
        }
    }

    private static ImmutableArray<INamedTypeSymbol> ImplementationsOf(INamedTypeSymbol contract) =>
        contract.ContainingAssembly is { } assembly
            ? ImplementationsByAssembly.GetValue(assembly, a => new Implementations(a)).Of(contract)
            : ImmutableArray<INamedTypeSymbol>.Empty;

    /// <summary>The public classes of one assembly by the interfaces they implement, indexed on first use.</summary>
    private sealed class Implementations
    {
        private readonly Lazy<ImmutableDictionary<INamedTypeSymbol, ImmutableArray<INamedTypeSymbol>>> byInterface;

        public Implementations(IAssemblySymbol assembly) =>
            byInterface = new(() => Index(assembly), LazyThreadSafetyMode.ExecutionAndPublication);

        public ImmutableArray<INamedTypeSymbol> Of(INamedTypeSymbol contract) =>
            byInterface.Value.TryGetValue(contract.OriginalDefinition, out var classes) ? classes : ImmutableArray<INamedTypeSymbol>.Empty;

        private static ImmutableDictionary<INamedTypeSymbol, ImmutableArray<INamedTypeSymbol>> Index(IAssemblySymbol assembly)
        {
            var found = new Dictionary<INamedTypeSymbol, ImmutableArray<INamedTypeSymbol>.Builder>(SymbolEqualityComparer.Default);
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(assembly.GlobalNamespace);
            while (pending.Count > 0)
            {
                foreach (var child in pending.Pop().GetMembers())
                {
                    if (child is INamespaceSymbol ns)
                    {
                        pending.Push(ns);
                    }
                    else if (child is INamedTypeSymbol type)
                    {
                        pending.Push(type);
                        if (type is { TypeKind: TypeKind.Class, IsAbstract: false, DeclaredAccessibility: Accessibility.Public })
                        {
                            foreach (var contract in type.AllInterfaces)
                            {
                                var key = contract.OriginalDefinition;
                                if (!found.TryGetValue(key, out var classes))
                                {
                                    found[key] = classes = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
                                }

                                classes.Add(type);
                            }
                        }
                    }
                }
            }

            var result = ImmutableDictionary.CreateBuilder<INamedTypeSymbol, ImmutableArray<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
            foreach (var entry in found)
            {
                result.Add(entry.Key, entry.Value.ToImmutable());
            }

            return result.ToImmutable();
        }
    }
}
