using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace PermissionAnalyzer.Engine;

// Cycle summaries: what each member with a body reaches transitively, by strongly connected components of the call graph, each summarized once.
internal sealed partial class ScopeIndex
{
    private readonly ConcurrentDictionary<ISymbol, UseSummary> summaries = new(SymbolEqualityComparer.Default);
    private readonly object summaryWalk = new();

    /// <summary>
    /// The transitive summary of a member with a body. Strongly connected components of the call graph are
    /// found with an iterative Tarjan walk (so chains of any depth cannot overflow the stack) and summarized
    /// bottom-up: each component once, its members' shortest chains by a breadth-first relaxation inside it.
    /// Summaries depend only on the call graph, so they are the same whichever callback computes them.
    /// </summary>
    public UseSummary SummaryOf(ISymbol member, CancellationToken cancellationToken)
    {
        member = member.OriginalDefinition;
        if (!HasBody(member))
        {
            return UseSummary.Empty;
        }

        if (summaries.TryGetValue(member, out var known))
        {
            return known;
        }

        // One walk at a time: concurrent walks into the same unsummarized region (many principals entering one
        // deep chain) would each redo it to its end, since components are stored bottom-up only when a walk
        // finishes them. Serialized, every member is walked once; a waiting caller then finds its summary.
        // A cancelled walk stops between members and leaves only finished components stored: nothing half-done is kept.
        Memo<UseSummary>.Enter(summaryWalk, cancellationToken);
        try
        {
            if (!summaries.ContainsKey(member))
            {
                SummarizeFrom(member, cancellationToken);
            }
        }
        finally
        {
            Monitor.Exit(summaryWalk);
        }

        return summaries[member];
    }

    private sealed class Frame
    {
        public Frame(ISymbol node, ImmutableArray<ISymbol> successors)
        {
            Node = node;
            Successors = successors;
        }

        public ISymbol Node { get; }

        public ImmutableArray<ISymbol> Successors { get; }

        public int Next { get; set; }
    }

    private void SummarizeFrom(ISymbol root, CancellationToken cancellationToken)
    {
        var comparer = SymbolEqualityComparer.Default;
        var order = new Dictionary<ISymbol, int>(comparer);
        var low = new Dictionary<ISymbol, int>(comparer);
        var componentStack = new List<ISymbol>();
        var onStack = new HashSet<ISymbol>(comparer);
        var frames = new Stack<Frame>();

        void Enter(ISymbol node)
        {
            order[node] = low[node] = order.Count;
            componentStack.Add(node);
            onStack.Add(node);
            frames.Push(new Frame(node, SuccessorsOf(node, cancellationToken)));
        }

        Enter(root);
        while (frames.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var frame = frames.Peek();
            if (frame.Next < frame.Successors.Length)
            {
                var next = frame.Successors[frame.Next++];
                if (summaries.ContainsKey(next))
                {
                    continue;
                }

                if (!order.TryGetValue(next, out var nextOrder))
                {
                    Enter(next);
                }
                else if (onStack.Contains(next) && nextOrder < low[frame.Node])
                {
                    low[frame.Node] = nextOrder;
                }

                continue;
            }

            frames.Pop();
            if (frames.Count > 0)
            {
                var parent = frames.Peek().Node;
                if (low[frame.Node] < low[parent])
                {
                    low[parent] = low[frame.Node];
                }
            }

            if (low[frame.Node] == order[frame.Node])
            {
                var start = componentStack.Count - 1;
                while (!comparer.Equals(componentStack[start], frame.Node))
                {
                    start--;
                }

                var component = componentStack.GetRange(start, componentStack.Count - start);
                componentStack.RemoveRange(start, componentStack.Count - start);
                foreach (var node in component)
                {
                    onStack.Remove(node);
                }

                SummarizeComponent(component);
            }
        }
    }

    private ImmutableArray<ISymbol> SuccessorsOf(ISymbol node, CancellationToken cancellationToken)
    {
        var builder = ImmutableArray.CreateBuilder<ISymbol>();
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var site in SitesOf(node, cancellationToken))
        {
            foreach (var target in site.Targets)
            {
                if (Follows(target) && seen.Add(target.Symbol))
                {
                    builder.Add(target.Symbol);
                }
            }
        }

        return builder.ToImmutable();
    }

    private void SummarizeComponent(List<ISymbol> component)
    {
        var comparer = SymbolEqualityComparer.Default;
        var inComponent = new HashSet<ISymbol>(component, comparer);
        var distances = new Dictionary<ISymbol, Dictionary<string, int>>(comparer);

        // Distances through declared requirements and through members outside the component (already final).
        foreach (var node in component)
        {
            var distance = new Dictionary<string, int>();
            foreach (var site in SitesOf(node, CancellationToken.None))
            {
                if (site.IsDynamic)
                {
                    Relax(distance, Undetermined, 0);
                }

                foreach (var siteTarget in site.Targets)
                {
                    var target = siteTarget.Symbol;
                    foreach (var scope in RequirementOf(target))
                    {
                        Relax(distance, scope, 1);
                    }

                    if (Follows(siteTarget) && !inComponent.Contains(target))
                    {
                        foreach (var entry in summaries[target].Entries)
                        {
                            Relax(distance, entry.Key, entry.Value.Distance + 1);
                        }
                    }
                }
            }

            distances[node] = distance;
        }

        if (component.Count > 1)
        {
            RelaxInside(component, inComponent, distances);
        }

        // Each scope's hop is the first target in source order that achieves its shortest distance.
        foreach (var node in component)
        {
            var distance = distances[node];
            var entries = new Dictionary<string, ShortestChain>(distance.Count);
            foreach (var site in SitesOf(node, CancellationToken.None))
            {
                if (site.IsDynamic && distance.TryGetValue(Undetermined, out var own) && own == 0)
                {
                    entries[Undetermined] = new ShortestChain(0, null);
                }

                foreach (var siteTarget in site.Targets)
                {
                    var target = siteTarget.Symbol;
                    foreach (var scope in RequirementOf(target))
                    {
                        TryChoose(entries, distance, scope, 1, target);
                    }

                    if (!Follows(siteTarget))
                    {
                        continue;
                    }

                    if (inComponent.Contains(target))
                    {
                        foreach (var entry in distances[target])
                        {
                            TryChoose(entries, distance, entry.Key, entry.Value + 1, target);
                        }
                    }
                    else
                    {
                        foreach (var entry in summaries[target].Entries)
                        {
                            TryChoose(entries, distance, entry.Key, entry.Value.Distance + 1, target);
                        }
                    }
                }
            }

            summaries.TryAdd(node, entries.Count == 0 ? UseSummary.Empty : new UseSummary(entries));
        }
    }

    /// <summary>Shortest distances inside a cycle: a bucketed breadth-first relaxation along reversed edges.</summary>
    private void RelaxInside(List<ISymbol> component, HashSet<ISymbol> inComponent, Dictionary<ISymbol, Dictionary<string, int>> distances)
    {
        var comparer = SymbolEqualityComparer.Default;
        var callers = new Dictionary<ISymbol, List<ISymbol>>(comparer);
        foreach (var node in component)
        {
            foreach (var successor in SuccessorsOf(node, CancellationToken.None))
            {
                if (inComponent.Contains(successor) && !comparer.Equals(successor, node))
                {
                    if (!callers.TryGetValue(successor, out var list))
                    {
                        callers[successor] = list = new List<ISymbol>();
                    }

                    list.Add(node);
                }
            }
        }

        var buckets = new List<List<(ISymbol Node, string Scope)>>();
        void Enqueue(int distance, ISymbol node, string scope)
        {
            while (buckets.Count <= distance)
            {
                buckets.Add(new List<(ISymbol, string)>());
            }

            buckets[distance].Add((node, scope));
        }

        foreach (var node in component)
        {
            foreach (var entry in distances[node])
            {
                Enqueue(entry.Value, node, entry.Key);
            }
        }

        for (var d = 0; d < buckets.Count; d++)
        {
            foreach (var (node, scope) in buckets[d])
            {
                if (distances[node][scope] != d || !callers.TryGetValue(node, out var nodeCallers))
                {
                    continue;
                }

                foreach (var caller in nodeCallers)
                {
                    var callerDistance = distances[caller];
                    if (!callerDistance.TryGetValue(scope, out var current) || current > d + 1)
                    {
                        callerDistance[scope] = d + 1;
                        Enqueue(d + 1, caller, scope);
                    }
                }
            }
        }
    }

    private static void Relax(Dictionary<string, int> distance, string scope, int candidate)
    {
        if (!distance.TryGetValue(scope, out var current) || candidate < current)
        {
            distance[scope] = candidate;
        }
    }

    private static void TryChoose(Dictionary<string, ShortestChain> entries, Dictionary<string, int> distance, string scope, int candidate, ISymbol hop)
    {
        if (!entries.ContainsKey(scope) && distance.TryGetValue(scope, out var best) && best == candidate)
        {
            entries[scope] = new ShortestChain(candidate, hop);
        }
    }
}
