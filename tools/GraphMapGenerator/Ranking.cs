using System;
using System.Collections.Generic;
using System.Linq;

namespace GraphMapGenerator;

/// <summary>
/// Orders the permissions that accept one request, least privileged first, per request (verb and path), not per
/// path set: the data's <c>least</c> mark sits on path sets that may cover several verbs (<c>Mail.ReadWrite</c> is
/// marked least for <c>GET /me/messages</c> because its set also holds <c>POST</c>). Order: full before restricted;
/// fewer of the other accepted permissions implied (<c>Mail.Read</c> before <c>Mail.ReadWrite</c>: what the broader
/// one grants, the narrower one accepts); marked least on a path set of this verb alone; marked least on a set of
/// several verbs; reading before writing (<c>Read</c>, <c>ReadWrite</c>, <c>Manage</c>, <c>FullControl</c>); the data's
/// privilege level; name.
/// </summary>
internal sealed class Ranking(PermissionData data, Catalog catalog)
{
    /// <summary>
    /// Whether a permission only returns part of a resource (<c>Mail.ReadBasic</c> omits the body,
    /// <c>User.ReadBasic.All</c> most profile properties): accepted, never what the analyzer suggests while a full
    /// permission is accepted too, so it is ranked after every full one.
    /// </summary>
    public static bool IsRestricted(string permission) =>
        permission.Split('.').Skip(1).Any(part => part.EndsWith("Basic", StringComparison.Ordinal));

    private static int AccessRank(string permission)
    {
        var parts = permission.Split('.');
        return parts.Length < 2 ? 1 : parts[1] switch
        {
            "Read" or "ReadBasic" => 0,
            "Manage" => 2,
            "FullControl" => 3,
            _ => 1,
        };
    }

    public IReadOnlyList<string> Order(IEnumerable<Grant> grants, Scheme scheme)
    {
        var candidates = grants.Where(g => g.Scheme == scheme).GroupBy(g => g.Permission, StringComparer.Ordinal)
            .Select(g => (Permission: g.Key, Least: g.Any(x => x.Least), LeastForVerb: g.Any(x => x.Least && x.SetVerbs == 1)))
            .ToList();
        var names = candidates.Select(c => c.Permission).ToHashSet(StringComparer.Ordinal);
        return candidates
            .OrderBy(c => IsRestricted(c.Permission))
            .ThenBy(c => catalog.ImpliedBy(c.Permission, scheme).Count(names.Contains))
            .ThenBy(c => !c.LeastForVerb)
            .ThenBy(c => !c.Least)
            .ThenBy(c => AccessRank(c.Permission))
            .ThenBy(c => data.Levels.GetValueOrDefault((c.Permission, scheme), 5))
            .ThenBy(c => c.Permission, StringComparer.Ordinal)
            .Select(c => c.Permission)
            .ToList();
    }
}

/// <summary>
/// The implications the map states, per scheme, from the names Microsoft gives its permissions: <c>ReadWrite</c>
/// grants <c>Read</c> (and <c>Manage</c> <c>ReadWrite</c>, <c>FullControl</c> <c>Manage</c>), <c>.All</c> grants the
/// same permission without it and its <c>.Shared</c> variant, <c>.Shared</c> the plain one. None is stated into a
/// restricted permission (<see cref="Ranking.IsRestricted"/>): the least cover would then prefer it to the full one.
/// </summary>
internal sealed class Catalog
{
    private static readonly string[] Ladder = ["Read", "ReadWrite", "Manage", "FullControl"];

    private readonly Dictionary<Scheme, List<(string Scope, string Implied)>> implications = [];
    private readonly Dictionary<(string, Scheme), HashSet<string>> implied = [];

    public Catalog(PermissionData data)
    {
        foreach (var scheme in new[] { Scheme.Delegated, Scheme.Application })
        {
            var names = data.Permissions(scheme).ToHashSet(StringComparer.Ordinal);
            var pairs = new List<(string, string)>();
            foreach (var name in names.OrderBy(n => n, StringComparer.Ordinal))
            {
                foreach (var target in Direct(name).Where(names.Contains).Where(t => !Ranking.IsRestricted(t)))
                {
                    pairs.Add((name, target));
                }
            }

            implications[scheme] = pairs;
            foreach (var name in names)
            {
                implied[(name, scheme)] = Closure(name, pairs);
            }
        }
    }

    public IReadOnlyList<(string Scope, string Implied)> Implications(Scheme scheme) => implications[scheme];

    /// <summary>Every permission <paramref name="permission"/> implies, transitively.</summary>
    public IReadOnlyCollection<string> ImpliedBy(string permission, Scheme scheme) =>
        implied.TryGetValue((permission, scheme), out var set) ? set : [];

    private static IEnumerable<string> Direct(string name)
    {
        var parts = name.Split('.');
        if (parts.Length < 2)
        {
            yield break;
        }

        var rank = Array.IndexOf(Ladder, parts[1]);
        if (rank > 0)
        {
            yield return string.Join('.', [parts[0], Ladder[rank - 1], .. parts[2..]]);
        }

        if (parts[^1] == "All" && parts.Length > 2)
        {
            yield return string.Join('.', parts[..^1]);
            yield return string.Join('.', [.. parts[..^1], "Shared"]);
        }

        if (parts[^1] == "Shared" && parts.Length > 2)
        {
            yield return string.Join('.', parts[..^1]);
        }
    }

    private static HashSet<string> Closure(string name, List<(string Scope, string Implied)> pairs)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([name]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var (_, target) in pairs.Where(p => p.Scope == current))
            {
                if (result.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        return result;
    }
}
