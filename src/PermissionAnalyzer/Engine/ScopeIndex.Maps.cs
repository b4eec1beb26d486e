using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PermissionAnalyzer.Engine.Sdks;

namespace PermissionAnalyzer.Engine;

// Scope maps, built-in SDK maps and the scope catalog this index reads requirements and implications from.
internal sealed partial class ScopeIndex
{
    private readonly Memo<ScopeCatalog> catalog = new();
    private MappedSymbols? mappedSymbols;

    /// <summary>The scope maps (additional files) this index was built with.</summary>
    public ScopeMapSet Maps { get; }

    /// <summary>The built-in SDK maps that apply to this compilation (its references), with the settings in force.</summary>
    public SdkMapSet Sdks { get; }

    /// <summary>Which scopes imply which, and which are destructive beyond the word rule.</summary>
    public ScopeCatalog Catalog => CatalogOf(CancellationToken.None);

    /// <summary><see cref="Catalog"/>, built by the first caller; a cancelled build is not remembered.</summary>
    public ScopeCatalog CatalogOf(CancellationToken cancellationToken) =>
        catalog.Get((index, token) => ScopeCatalog.Build(index.Compilation, index.Maps, index.Sdks, token).WithFaults(index.Faults), this, cancellationToken);

    /// <summary>The map IDs that match no symbol of the compilation or its references (PA0011).</summary>
    public IReadOnlyCollection<string> UnresolvedMapIds => Mapped.Unresolved;

    /// <summary>
    /// Whether a scope map or a built-in SDK map gives the member, its property or event, or a type containing it,
    /// a requirement.
    /// </summary>
    public bool IsMapped(ISymbol member)
    {
        if (!Sdks.IsEmpty && (!Sdks.TermsOf(member).IsEmpty || (member is IMethodSymbol { AssociatedSymbol: { } owner } && !Sdks.TermsOf(owner).IsEmpty)))
        {
            return true;
        }

        if (Maps.IsEmpty)
        {
            return false;
        }

        if (!MappedTermsOf(member).IsEmpty || (member is IMethodSymbol { AssociatedSymbol: { } associated } && !MappedTermsOf(associated).IsEmpty))
        {
            return true;
        }

        for (var type = member.ContainingType; type is not null; type = type.ContainingType)
        {
            if (!MappedTermsOf(type).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The terms the maps give <paramref name="symbol"/> itself (not its type's), or empty.</summary>
    private ImmutableArray<string> MappedTermsOf(ISymbol symbol) =>
        Maps.IsEmpty || !Mapped.Terms.TryGetValue(symbol.OriginalDefinition, out var terms) ? ImmutableArray<string>.Empty : terms;

    /// <summary>
    /// The map's IDs resolved once, as BannedApiAnalyzers does (<see cref="DocumentationCommentId.GetSymbolsForDeclarationId"/>):
    /// computing an ID from a symbol is not its inverse (it may append a return type).
    /// </summary>
    private MappedSymbols Mapped => LazyInitializer.EnsureInitialized(ref mappedSymbols, () =>
    {
        var terms = new Dictionary<ISymbol, ImmutableArray<string>>(SymbolEqualityComparer.Default);
        var unresolved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Maps.Symbols)
        {
            var symbols = DocumentationCommentId.GetSymbolsForDeclarationId(entry.Key, Compilation);
            if (symbols.IsEmpty)
            {
                unresolved.Add(entry.Key);
            }

            foreach (var symbol in symbols)
            {
                var key = symbol.OriginalDefinition;
                terms[key] = terms.TryGetValue(key, out var existing) ? existing.AddRange(entry.Value.Terms) : entry.Value.Terms;
            }
        }

        return new MappedSymbols(terms, unresolved);
    })!;

    private sealed class MappedSymbols
    {
        public MappedSymbols(Dictionary<ISymbol, ImmutableArray<string>> terms, HashSet<string> unresolved)
        {
            Terms = terms;
            Unresolved = unresolved;
        }

        public Dictionary<ISymbol, ImmutableArray<string>> Terms { get; }

        public HashSet<string> Unresolved { get; }
    }
}
