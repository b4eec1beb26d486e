using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PermissionAnalyzer.Engine.Sdks;

namespace PermissionAnalyzer.Engine;

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

    /// <summary>
    /// The index of a compilation as the analyzers see it, with the scope maps among the additional files of
    /// <paramref name="options"/>. One index per compilation and set of maps: a host that changes a map keeps
    /// the compilation, so the maps (and the options that choose a built-in map's variant) are part of the key.
    /// </summary>
    public static ScopeIndex For(Compilation compilation, AnalyzerOptions? options)
    {
        var files = ScopeMapSet.FilesOf(options, CancellationToken.None);
        var settings = SdkSettings.From(options);
        var holder = Shared.GetValue(compilation, _ => new IndexHolder());
        lock (holder)
        {
            if (holder.Current is { } current && current.Maps.IsFrom(files) && current.Sdks.Settings.Equals(settings))
            {
                return current;
            }

            return holder.Current = new ScopeIndex(compilation, ScopeMapSet.Create(files), SdkMapSet.For(compilation, settings));
        }
    }

    /// <summary>
    /// The index the analyzers use for the compilation, or one without map files (built-in SDK maps with default
    /// settings) when none was made.
    /// </summary>
    public static ScopeIndex For(Compilation compilation)
    {
        var holder = Shared.GetValue(compilation, _ => new IndexHolder());
        lock (holder)
        {
            return holder.Current ??= new ScopeIndex(compilation, ScopeMapSet.Empty, SdkMapSet.For(compilation, SdkSettings.Default));
        }
    }

    /// <summary>
    /// <see cref="AnalysisNeeded(Compilation)"/>, or the attributes are visible and a scope map is among the
    /// additional files: a map alone can declare requirements.
    /// </summary>
    public static bool AnalysisNeeded(Compilation compilation, AnalyzerOptions? options) =>
        AnalysisNeeded(compilation) || (ScopeMapSet.HasMapFiles(options) && AnnotationsVisible(compilation));

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

    private sealed class IndexHolder
    {
        public ScopeIndex? Current { get; set; }
    }
}
