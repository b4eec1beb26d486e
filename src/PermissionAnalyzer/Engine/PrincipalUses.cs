using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace PermissionAnalyzer.Engine;

/// <summary>
/// One use of a scope at a site in a principal's own code: the last hop inside the principal that leads to
/// an API requiring the scope.
/// </summary>
internal readonly struct ScopeUse
{
    public ScopeUse(SyntaxNode site, ISymbol member, ISymbol? firstHop)
    {
        Site = site;
        Member = member;
        FirstHop = firstHop;
    }

    public SyntaxNode Site { get; }

    /// <summary>The principal's own member whose code holds the site.</summary>
    public ISymbol Member { get; }

    /// <summary>The member the site reaches first; null for a dynamic call at the site itself.</summary>
    public ISymbol? FirstHop { get; }
}

/// <summary>U of a principal: each used scope with every site that uses it, once per site and scope.</summary>
internal sealed class PrincipalUses
{
    private readonly Dictionary<string, List<ScopeUse>> byScope;

    private PrincipalUses(Dictionary<string, List<ScopeUse>> byScope)
    {
        this.byScope = byScope;
    }

    public IReadOnlyDictionary<string, List<ScopeUse>> ByScope => byScope;

    /// <summary>The used scopes (without the undetermined marker), in ordinal order.</summary>
    public IEnumerable<string> UsedScopes => byScope.Keys.Where(s => s != ScopeIndex.Undetermined).OrderBy(s => s, System.StringComparer.Ordinal);

    public bool Uses(string scope) => byScope.ContainsKey(scope);

    /// <summary>
    /// Collects the uses of the code of <paramref name="ownTypes"/>, owned by <paramref name="principal"/>.
    /// Calls into the principal's own members count only their declared requirements: their bodies are
    /// own code, whose sites are collected themselves.
    /// </summary>
    public static PrincipalUses Find(ScopeIndex index, ISymbol principal, IEnumerable<INamedTypeSymbol> ownTypes, System.Threading.CancellationToken cancellationToken)
    {
        var byScope = new Dictionary<string, List<ScopeUse>>();
        var reported = new HashSet<(SyntaxNode, string)>();
        var best = new Dictionary<string, (int Distance, ISymbol? FirstHop)>();

        foreach (var type in ownTypes)
        {
            foreach (var member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is INamedTypeSymbol or IFieldSymbol { AssociatedSymbol: not null })
                {
                    // Nested types are listed in ownTypes; a backing field's initializer is its property's.
                    continue;
                }

                var isConstructor = member is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor };
                foreach (var site in index.SitesOf(member, cancellationToken))
                {
                    if (isConstructor && site.FromInitializer)
                    {
                        // Reported once, as the code of the field or property that declares the initializer.
                        continue;
                    }

                    best.Clear();
                    if (site.IsDynamic)
                    {
                        best[ScopeIndex.Undetermined] = (0, null);
                    }

                    foreach (var siteTarget in site.Targets)
                    {
                        var target = siteTarget.Symbol;
                        foreach (var scope in index.RequirementOf(target))
                        {
                            Consider(best, scope, 1, target);
                        }

                        if (index.Follows(siteTarget) && !SymbolEqualityComparer.Default.Equals(index.OwnerOf(target), principal))
                        {
                            foreach (var entry in index.SummaryOf(target, cancellationToken).Entries)
                            {
                                Consider(best, entry.Key, entry.Value.Distance + 1, target);
                            }
                        }
                    }

                    foreach (var entry in best.OrderBy(e => e.Key, System.StringComparer.Ordinal))
                    {
                        if ((entry.Value.Distance > 1 && ReentersOwnCode(index, principal, entry.Value.FirstHop!, entry.Key, cancellationToken))
                            || !reported.Add((site.Node, entry.Key)))
                        {
                            continue;
                        }

                        if (!byScope.TryGetValue(entry.Key, out var uses))
                        {
                            byScope[entry.Key] = uses = new List<ScopeUse>();
                        }

                        uses.Add(new ScopeUse(site.Node, member, entry.Value.FirstHop));
                    }
                }
            }
        }

        return new PrincipalUses(byScope);
    }

    /// <summary>The types whose code a principal owns: itself and, recursively, nested types that are not principals.</summary>
    public static IEnumerable<INamedTypeSymbol> OwnTypes(ScopeIndex index, INamedTypeSymbol root)
    {
        var stack = new Stack<INamedTypeSymbol>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var type = stack.Pop();
            yield return type;
            var nested = type.GetTypeMembers();
            for (var i = nested.Length - 1; i >= 0; i--)
            {
                if (!index.IsPrincipal(nested[i]))
                {
                    stack.Push(nested[i]);
                }
            }
        }
    }

    /// <summary>
    /// Whether the chain from a site leaves the principal and comes back into its own code before the API:
    /// then the last hop inside the principal is a site of that own member, which is reported itself.
    /// </summary>
    private static bool ReentersOwnCode(ScopeIndex index, ISymbol principal, ISymbol firstHop, string scope, System.Threading.CancellationToken cancellationToken) =>
        index.PrincipalsAlongChain(firstHop, scope, cancellationToken).Contains(principal);

    private static void Consider(Dictionary<string, (int Distance, ISymbol? FirstHop)> best, string scope, int distance, ISymbol hop)
    {
        if (!best.TryGetValue(scope, out var current) || distance < current.Distance)
        {
            best[scope] = (distance, hop);
        }
    }
}
