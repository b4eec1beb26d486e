using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace PermissionAnalyzer.Engine;

// Chain memos: the chain from a use to the API requiring its scope, rebuilt from the summaries' hops, with per-member memos of chain ends and of the principals a chain passes through.
internal sealed partial class ScopeIndex
{
    private readonly ConcurrentDictionary<(ISymbol Member, string Scope), ChainEnd> chainEnds = new(ChainKeyComparer.Instance);
    private readonly ConcurrentDictionary<(ISymbol Member, string Scope), ImmutableHashSet<ISymbol>> chainPrincipals = new(ChainKeyComparer.Instance);

    /// <summary>
    /// The chain of members from a site's target to the API that requires the scope: the target itself
    /// when it requires the scope directly, else the target followed by its summary's hops. A chain longer
    /// than messages show is returned elided: its head is walked, its tail and length come from memos shared
    /// by every chain through the same member, so many sites reaching one deep chain cost its depth once.
    /// </summary>
    public IReadOnlyList<ISymbol> ChainFrom(ISymbol target, string scope, CancellationToken cancellationToken)
    {
        var head = new List<ISymbol>(SymbolNames.MaxShownHops + 1) { target };
        var current = target;
        while (head.Count <= SymbolNames.MaxShownHops && NextHop(current, scope, cancellationToken) is { } next)
        {
            head.Add(next);
            current = next;
        }

        if (head.Count <= SymbolNames.MaxShownHops)
        {
            return head;
        }

        var tail = ChainEndOf(target, scope, cancellationToken);
        return new PartlyWalkedChain(this, scope, head, tail.Length, tail.Last);
    }

    /// <summary>The member after <paramref name="current"/> in its chain to <paramref name="scope"/>; null at the chain's end.</summary>
    private ISymbol? NextHop(ISymbol current, string scope, CancellationToken cancellationToken) =>
        RequirementOf(current).Contains(scope) ? null
        : SummaryOf(current, cancellationToken).Entries.TryGetValue(scope, out var reach) ? reach.FirstHop
        : null;

    /// <summary>
    /// The principals owning a member of the chain from <paramref name="member"/> to the API requiring
    /// <paramref name="scope"/>, after <paramref name="member"/> and before the API. Memoized per chain suffix
    /// and computed iteratively, so chains of any depth cost their length once.
    /// </summary>
    public ImmutableHashSet<ISymbol> PrincipalsAlongChain(ISymbol member, string scope, CancellationToken cancellationToken)
    {
        var path = new List<ISymbol>();
        ImmutableHashSet<ISymbol>? owners = null;
        ISymbol? memoized = null;
        for (ISymbol? current = member; current is not null; current = NextHop(current, scope, cancellationToken))
        {
            if (chainPrincipals.TryGetValue((current, scope), out var known))
            {
                owners = known;
                memoized = current;
                break;
            }

            path.Add(current);
        }

        owners ??= ImmutableHashSet.Create<ISymbol>(SymbolEqualityComparer.Default);
        for (var i = path.Count - 1; i >= 0; i--)
        {
            // The member after path[i]; the API at the chain's end is not code the chain passes through.
            var next = i + 1 < path.Count ? path[i + 1] : memoized;
            if (next is not null
                && !(NextHop(next, scope, cancellationToken) is null && RequirementOf(next).Contains(scope))
                && OwnerOf(next) is { } owner)
            {
                owners = owners.Add(owner);
            }

            owners = chainPrincipals.GetOrAdd((path[i], scope), owners);
        }

        return owners;
    }

    private ChainEnd ChainEndOf(ISymbol member, string scope, CancellationToken cancellationToken)
    {
        var path = new List<ISymbol>();
        ChainEnd? suffix = null;
        for (ISymbol? current = member; current is not null; current = NextHop(current, scope, cancellationToken))
        {
            if (chainEnds.TryGetValue((current, scope), out var known))
            {
                suffix = known;
                break;
            }

            path.Add(current);
        }

        for (var i = path.Count - 1; i >= 0; i--)
        {
            var length = suffix is null ? 1 : suffix.Length + 1;
            ISymbol[] last;
            if (suffix is null)
            {
                last = new[] { path[i] };
            }
            else if (length <= ChainEnd.Size)
            {
                last = new ISymbol[suffix.Last.Length + 1];
                last[0] = path[i];
                suffix.Last.CopyTo(last, 1);
            }
            else
            {
                last = suffix.Last;
            }

            suffix = chainEnds.GetOrAdd((path[i], scope), new ChainEnd(length, last));
        }

        return suffix!;
    }

    /// <summary>The length of the chain from a member and its last members (all of them when it is short).</summary>
    private sealed class ChainEnd
    {
        public const int Size = SymbolNames.MaxShownHops / 2;

        public ChainEnd(int length, ISymbol[] last)
        {
            Length = length;
            Last = last;
        }

        public int Length { get; }

        public ISymbol[] Last { get; }
    }

    private sealed class ChainKeyComparer : IEqualityComparer<(ISymbol Member, string Scope)>
    {
        public static readonly ChainKeyComparer Instance = new();

        public bool Equals((ISymbol Member, string Scope) x, (ISymbol Member, string Scope) y) =>
            SymbolEqualityComparer.Default.Equals(x.Member, y.Member) && string.Equals(x.Scope, y.Scope, StringComparison.Ordinal);

        public int GetHashCode((ISymbol Member, string Scope) key) =>
            (SymbolEqualityComparer.Default.GetHashCode(key.Member) * 31) + StringComparer.Ordinal.GetHashCode(key.Scope);
    }

    /// <summary>
    /// A long chain: its head and tail (what messages show) are known, members in between are walked on demand.
    /// </summary>
    private sealed class PartlyWalkedChain : IReadOnlyList<ISymbol>
    {
        private readonly ScopeIndex index;
        private readonly string scope;
        private readonly List<ISymbol> head;
        private readonly ISymbol[] tail;

        public PartlyWalkedChain(ScopeIndex index, string scope, List<ISymbol> head, int count, ISymbol[] tail)
        {
            this.index = index;
            this.scope = scope;
            this.head = head;
            this.tail = tail;
            Count = count;
        }

        public int Count { get; }

        public ISymbol this[int i]
        {
            get
            {
                if (i < 0 || i >= Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(i));
                }

                if (i < head.Count)
                {
                    return head[i];
                }

                if (i >= Count - tail.Length)
                {
                    return tail[i - (Count - tail.Length)];
                }

                var current = head[head.Count - 1];
                for (var k = head.Count - 1; k < i; k++)
                {
                    current = index.NextHop(current, scope, CancellationToken.None)!;
                }

                return current;
            }
        }

        public IEnumerator<ISymbol> GetEnumerator()
        {
            for (ISymbol? current = head[0]; current is not null; current = index.NextHop(current, scope, CancellationToken.None))
            {
                yield return current;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
