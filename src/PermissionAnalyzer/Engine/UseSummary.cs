using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PermissionAnalyzer.Engine;

/// <summary>
/// What a member with a body reaches, transitively: for each scope, the length of the shortest chain
/// and its first hop. Chains are rebuilt by following hops, each of which strictly shortens the chain.
/// </summary>
internal sealed class UseSummary
{
    public static readonly UseSummary Empty = new(new Dictionary<string, ShortestChain>());

    public UseSummary(Dictionary<string, ShortestChain> entries)
    {
        Entries = entries;
    }

    public IReadOnlyDictionary<string, ShortestChain> Entries { get; }
}

/// <summary>
/// The shortest chain from a member to a scope: its length (<see cref="Distance"/>, in calls) and the member it passes
/// through first (<see cref="FirstHop"/>); distance 0 with no hop is a dynamic call in the member's own body.
/// </summary>
internal readonly struct ShortestChain
{
    public ShortestChain(int distance, ISymbol? firstHop)
    {
        Distance = distance;
        FirstHop = firstHop;
    }

    public int Distance { get; }

    public ISymbol? FirstHop { get; }
}
