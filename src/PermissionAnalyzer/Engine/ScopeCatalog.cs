using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PermissionAnalyzer.Engine;

/// <summary>One stated implication: holding <see cref="Scope"/> grants <see cref="Implied"/>, and where it is stated.</summary>
internal readonly struct Implication
{
    public Implication(string scope, string implied, SyntaxReference? attribute, int impliedIndex, MapSpan? map)
    {
        Scope = scope;
        Implied = implied;
        Attribute = attribute;
        ImpliedIndex = impliedIndex;
        Map = map;
    }

    public string Scope { get; }

    public string Implied { get; }

    /// <summary>The <c>[assembly: ScopeImplies]</c> in this compilation's source that states it, if any.</summary>
    public SyntaxReference? Attribute { get; }

    /// <summary>The position of <see cref="Implied"/> among the attribute's implied scopes.</summary>
    public int ImpliedIndex { get; }

    /// <summary>The map line that states it, if any.</summary>
    public MapSpan? Map { get; }
}

/// <summary>
/// The scope catalog of a compilation (DESIGN.md, "Catalog"): which scopes imply which, transitively, and
/// which are destructive beyond the word rule. Stated by <c>[assembly: ScopeImplies]</c> and
/// <c>[assembly: DestructiveScope]</c> of this assembly and of referenced annotated assemblies, and by scope
/// maps. Closures are computed on demand, by an iterative walk that terminates on cycles.
/// </summary>
internal sealed class ScopeCatalog
{
    public static readonly ScopeCatalog Empty = new(ImmutableArray<Implication>.Empty, ImmutableHashSet<string>.Empty);

    private readonly Dictionary<string, List<string>> direct = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ImmutableHashSet<string>> closures = new(StringComparer.Ordinal);
    private readonly ImmutableHashSet<string> destructive;

    private ScopeCatalog(ImmutableArray<Implication> implications, ImmutableHashSet<string> destructive)
    {
        Implications = implications;
        this.destructive = destructive;
        foreach (var implication in implications)
        {
            if (!direct.TryGetValue(implication.Scope, out var list))
            {
                direct[implication.Scope] = list = new List<string>();
            }

            if (!list.Contains(implication.Implied))
            {
                list.Add(implication.Implied);
            }
        }
    }

    public ImmutableArray<Implication> Implications { get; }

    /// <summary>A catalog of the given implications alone, stated nowhere in particular (property tests).</summary>
    public static ScopeCatalog FromImplications(IEnumerable<(string Scope, string Implied)> implications) =>
        new(implications.Select(i => new Implication(i.Scope, i.Implied, null, 0, null)).ToImmutableArray(), ImmutableHashSet<string>.Empty);

    public bool IsEmpty => Implications.IsEmpty && destructive.IsEmpty;

    /// <summary>Whether holding <paramref name="scope"/> grants a different scope <paramref name="implied"/>, transitively.</summary>
    public bool Implies(string scope, string implied) =>
        direct.Count > 0 && !string.Equals(scope, implied, StringComparison.Ordinal) && ClosureOf(scope).Contains(implied);

    /// <summary>Whether the catalog marks <paramref name="scope"/> destructive (the word rule is applied by the caller).</summary>
    public bool IsDestructive(string scope) => destructive.Contains(scope);

    /// <summary>Test-only: <see cref="EngineFaults.IgnoreImplications"/> is in force (coverage ignores implications).</summary>
    private bool ignoreImplications;

    /// <summary>This catalog, or (test-only faults) a copy whose coverage ignores implications.</summary>
    public ScopeCatalog WithFaults(EngineFaults faults) =>
        (faults & EngineFaults.IgnoreImplications) == 0 || IsEmpty ? this : new ScopeCatalog(Implications, destructive) { ignoreImplications = true };

    /// <summary>Whether a granted or needed scope covers a term: it equals, wildcard-covers or implies one of its alternatives.</summary>
    public bool Covers(string scope, string term)
    {
        foreach (var alternative in Term.Alternatives(term))
        {
            if (Scopes.Covers(scope, alternative) || (!ignoreImplications && Implies(scope, alternative)))
            {
                return true;
            }
        }

        return false;
    }

    public bool AnyCovers(IEnumerable<string> scopes, string term)
    {
        foreach (var scope in scopes)
        {
            if (Covers(scope, term))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The implications that lie on a cycle (the implied scope implies the scope back), each with the cycle as a
    /// message shows it: <c>'a' → 'b' → 'a'</c>.
    /// </summary>
    public IEnumerable<(Implication Implication, string Cycle)> Cycles()
    {
        foreach (var implication in Implications)
        {
            if (string.Equals(implication.Scope, implication.Implied, StringComparison.Ordinal))
            {
                yield return (implication, $"'{implication.Scope}' → '{implication.Scope}'");
            }
            else if (ClosureOf(implication.Implied).Contains(implication.Scope))
            {
                yield return (implication, $"'{implication.Scope}' → " + string.Join(" → ", PathBetween(implication.Implied, implication.Scope).Select(s => $"'{s}'")));
            }
        }
    }

    private ImmutableHashSet<string> ClosureOf(string scope) =>
        closures.GetOrAdd(scope, s =>
        {
            var reached = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            var pending = new Stack<string>();
            pending.Push(s);
            while (pending.Count > 0)
            {
                if (direct.TryGetValue(pending.Pop(), out var next))
                {
                    foreach (var implied in next)
                    {
                        if (reached.Add(implied))
                        {
                            pending.Push(implied);
                        }
                    }
                }
            }

            return reached.ToImmutable();
        });

    /// <summary>The shortest chain of direct implications from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    private List<string> PathBetween(string from, string to)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal) { [from] = from };
        var queue = new Queue<string>();
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (current == to)
            {
                break;
            }

            if (direct.TryGetValue(current, out var next))
            {
                foreach (var implied in next)
                {
                    if (!previous.ContainsKey(implied))
                    {
                        previous[implied] = current;
                        queue.Enqueue(implied);
                    }
                }
            }
        }

        var path = new List<string> { to };
        for (var current = to; current != from && previous.TryGetValue(current, out var before); current = before)
        {
            path.Add(before);
        }

        path.Reverse();
        return path;
    }

    /// <summary>
    /// Reads the catalog of a compilation: its own assembly attributes, those of referenced assemblies that may
    /// carry them (they reference the attributes' assembly or declare copies), and the maps.
    /// </summary>
    public static ScopeCatalog Build(Compilation compilation, ScopeMapSet maps, Sdks.SdkMapSet sdks, CancellationToken cancellationToken)
    {
        var implications = ImmutableArray.CreateBuilder<Implication>();
        var destructive = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);

        Read(compilation.Assembly, inSource: true, implications, destructive, cancellationToken);
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (MayDeclareCatalog(assembly))
            {
                Read(assembly, inSource: false, implications, destructive, cancellationToken);
            }
        }

        foreach (var (scope, implied, span) in maps.Implications)
        {
            implications.Add(new Implication(scope, implied, null, 0, span));
        }

        foreach (var (scope, _) in maps.Destructive)
        {
            destructive.Add(scope);
        }

        foreach (var sdk in sdks.Maps)
        {
            foreach (var (scope, implied) in sdk.Implications(sdks.Settings))
            {
                implications.Add(new Implication(scope, implied, null, 0, null));
            }

            destructive.UnionWith(sdk.DestructiveScopes(sdks.Settings));
        }

        return implications.Count == 0 && destructive.Count == 0 ? Empty : new ScopeCatalog(implications.ToImmutable(), destructive.ToImmutable());
    }

    private static bool MayDeclareCatalog(IAssemblySymbol assembly)
    {
        if (assembly.Name == AttributeNames.AnnotationsAssemblyName)
        {
            return false;
        }

        foreach (var module in assembly.Modules)
        {
            foreach (var referenced in module.ReferencedAssemblies)
            {
                if (referenced.Name == AttributeNames.AnnotationsAssemblyName)
                {
                    return true;
                }
            }
        }

        return assembly.GetTypeByMetadataName(AttributeNames.Namespace + "." + AttributeNames.ScopeImplies) is not null
            || assembly.GetTypeByMetadataName(AttributeNames.Namespace + "." + AttributeNames.DestructiveScope) is not null;
    }

    private static void Read(
        IAssemblySymbol assembly,
        bool inSource,
        ImmutableArray<Implication>.Builder implications,
        ImmutableHashSet<string>.Builder destructive,
        CancellationToken cancellationToken)
    {
        foreach (var attribute in assembly.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var kind = AttributeNames.Classify(attribute);
            if (kind == ScopeAttributeKind.DestructiveScope)
            {
                if (attribute.ConstructorArguments.Length == 1 && ValidScope(attribute.ConstructorArguments[0].Value) is { } scope)
                {
                    destructive.Add(scope);
                }
            }
            else if (kind == ScopeAttributeKind.ScopeImplies
                && attribute.ConstructorArguments.Length == 2
                && ValidScope(attribute.ConstructorArguments[0].Value) is { } scope
                && attribute.ConstructorArguments[1] is { Kind: TypedConstantKind.Array, IsNull: false } implied)
            {
                var reference = inSource ? attribute.ApplicationSyntaxReference : null;
                for (var i = 0; i < implied.Values.Length; i++)
                {
                    if (ValidScope(implied.Values[i].Value) is { } impliedScope)
                    {
                        implications.Add(new Implication(scope, impliedScope, reference, i, null));
                    }
                }
            }
        }
    }

    private static string? ValidScope(object? value) =>
        value is string scope && !string.IsNullOrWhiteSpace(scope) && !Scopes.IsWildcard(scope) ? scope : null;

    /// <summary>The argument of a <c>[ScopeImplies]</c> in source that writes its implied scope number <paramref name="index"/>.</summary>
    public static SyntaxNode? ImpliedArgument(SyntaxReference attribute, int index, CancellationToken cancellationToken)
    {
        if (attribute.GetSyntax(cancellationToken) is not AttributeSyntax { ArgumentList: { } list } syntax)
        {
            return null;
        }

        var positional = list.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
        if (positional.Count == 2 && positional[1].Expression is ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or CollectionExpressionSyntax)
        {
            var elements = positional[1].Expression switch
            {
                ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.ToList<SyntaxNode>(),
                ImplicitArrayCreationExpressionSyntax { Initializer: var initializer } => initializer.Expressions.ToList<SyntaxNode>(),
                CollectionExpressionSyntax collection => collection.Elements.ToList<SyntaxNode>(),
                _ => new List<SyntaxNode>(),
            };
            return index < elements.Count ? elements[index] : positional[1];
        }

        return index + 1 < positional.Count ? positional[index + 1].Expression : syntax;
    }
}
