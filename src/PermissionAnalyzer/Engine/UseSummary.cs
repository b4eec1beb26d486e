using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PermissionAnalyzer.Engine;

/// <summary>
/// What a member with a body reaches, transitively: for each scope, the length of the shortest chain
/// and its first hop. Chains are rebuilt by following hops, each of which strictly shortens the chain.
/// </summary>
internal sealed class UseSummary
{
    public static readonly UseSummary Empty = new(new Dictionary<string, Reach>());

    public UseSummary(Dictionary<string, Reach> entries)
    {
        Entries = entries;
    }

    public IReadOnlyDictionary<string, Reach> Entries { get; }
}

/// <summary>
/// A scope reached at <see cref="Distance"/> hops through <see cref="Hop"/>; distance 0 with no hop is a
/// dynamic call in the member's own body.
/// </summary>
internal readonly struct Reach
{
    public Reach(int distance, ISymbol? hop)
    {
        Distance = distance;
        Hop = hop;
    }

    public int Distance { get; }

    public ISymbol? Hop { get; }
}
