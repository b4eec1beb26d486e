using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace GraphMapGenerator;

/// <summary>How a request builder's path was found in the data, best first.</summary>
public enum MatchRule
{
    /// <summary>Equal after Kibali's lenient cleaning (lower case, no quotes, no <c>/(...)</c>, every parameter <c>{id}</c>).</summary>
    Exact,

    /// <summary>Equal after also dropping OData call syntax: <c>delta()</c> is <c>delta</c>; a cast <c>graph.x</c> is <c>microsoft.graph.x</c>.</summary>
    Syntax,

    /// <summary>The signed-in user's path: <c>/me/...</c> is <c>/users/{id}/...</c> and the other way round.</summary>
    Me,

    /// <summary>A data path with <c>/.../</c> (any number of segments, e.g. nested mail folders).</summary>
    Wildcard,

    /// <summary>
    /// A navigation path reduced to its canonical tail: the SDK's root (<c>/users/{id}</c>) followed by the longest
    /// tail the data lists under it (<c>/users/{id}/mailfolders/{id}/messages/{id}</c> is <c>/users/{id}/messages/{id}</c>),
    /// or the longest tail every data path ending with it agrees on (same permissions).
    /// </summary>
    Tail,

    /// <summary>
    /// A path inside a subtree the data lists only in part (<c>/workbook/...</c>): the deepest named segment of the
    /// path under which the data lists requests of the verb, when all of them (at least three) agree.
    /// </summary>
    Subtree,

    /// <summary><c>.../$count</c> needs what listing the collection needs, <c>.../$value</c> what its entity needs.</summary>
    Count,

    /// <summary>A type cast segment (<c>/microsoft.graph.device</c>) filters what its parent path returns: the parent's permissions.</summary>
    Cast,
}

/// <summary>
/// Finds the data paths that describe an SDK URL template, the way Microsoft's Kibali matches request URLs (its
/// lenient cleaning, then an exact look-up) and then by the rules of <see cref="MatchRule"/>, in that order.
/// </summary>
public sealed class PathMatcher
{
    private static readonly Regex RemoveBetweenParentheses = new(@"\/\(.*?\)", RegexOptions.Compiled);
    private static readonly Regex Braces = new(@"\{.*?\}", RegexOptions.Compiled);
    private static readonly Regex EmptyCall = new(@"\(\)", RegexOptions.Compiled);
    private static readonly Regex GraphNamespace = new(@"(?<=/)(microsoft\.)?graph\.", RegexOptions.Compiled);
    private static readonly Regex CastSegment = new(@"/microsoft\.graph\.[^/]*", RegexOptions.Compiled);

    private readonly Dictionary<string, List<string>> exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> syntax = new(StringComparer.Ordinal);
    private readonly List<(Regex Pattern, string Path)> wildcards = [];
    private readonly Dictionary<string, List<(string Normal, string Path)>> byLastSegment = new(StringComparer.Ordinal);

    private readonly Dictionary<string, string[]> entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> under = new(StringComparer.Ordinal);

    /// <param name="paths">The data's paths.</param>
    /// <param name="templates">
    /// The SDK's URL templates: their parameter names (<c>{message%2Did}</c>, <c>{chatMessage%2Did}</c>) say which entity a
    /// key selects, so a tail is only taken where it selects the same entities (a chat message is no mail message).
    /// </param>
    public PathMatcher(IEnumerable<string> paths, IEnumerable<string>? templates = null)
    {
        foreach (var template in templates ?? [])
        {
            var path = TemplatePath(template);
            entities[Normalize(path)] = Parameters(path);
        }

        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            Add(exact, Clean(path), path);
            var normal = Normalize(path);
            Add(syntax, normal, path);
            var last = normal[(normal.LastIndexOf('/') + 1)..];
            if (!byLastSegment.TryGetValue(last, out var sameEnd))
            {
                byLastSegment[last] = sameEnd = [];
            }

            sameEnd.Add((normal, path));
            foreach (var key in SubtreeKeys(normal).Distinct())
            {
                Add(under, key.Key, path);
            }
            if (normal.Contains("/.../", StringComparison.Ordinal))
            {
                var pattern = "^" + string.Join("(/[^/]+)*", normal.Split("/...").Select(Regex.Escape)) + "$";
                wildcards.Add((new Regex(pattern, RegexOptions.Compiled), path));
            }
        }
    }

    /// <summary>Kibali's lenient cleaning (AuthZChecker.CleanRequestUrl) of a request URL or a data path.</summary>
    public static string Clean(string path)
    {
        var quotesRemoved = path.Replace("'", string.Empty, StringComparison.Ordinal);
        var parensRemoved = RemoveBetweenParentheses.Replace(quotesRemoved.ToLowerInvariant(), string.Empty).Replace("//", "/", StringComparison.Ordinal);
        return Braces.Replace(parensRemoved, "{id}");
    }

    /// <summary><see cref="Clean"/>, then OData call syntax dropped (<see cref="MatchRule.Syntax"/>).</summary>
    public static string Normalize(string path) => GraphNamespace.Replace(EmptyCall.Replace(Clean(path), string.Empty), "microsoft.graph.");

    /// <summary>The path of an SDK URL template: without <c>{+baseurl}</c> and the query template <c>{?...}</c>.</summary>
    public static string TemplatePath(string template)
    {
        var path = template.StartsWith("{+baseurl}", StringComparison.Ordinal) ? template["{+baseurl}".Length..] : template;
        var query = path.IndexOfAny(['?', '{'], path.LastIndexOf('/') + 1);
        while (query >= 0 && path[query] == '{' && query + 1 < path.Length && path[query + 1] is not ('?' or '&'))
        {
            query = path.IndexOfAny(['?', '{'], query + 1);
        }

        return query < 0 ? path : path[..query];
    }

    /// <summary>
    /// The data paths for a template path, by the first rule that finds any for which <paramref name="accepts"/>
    /// holds (the data lists the verb there); for <see cref="MatchRule.Tail"/> candidates from several roots,
    /// <paramref name="agree"/> must hold for all of them.
    /// </summary>
    public (MatchRule Rule, IReadOnlyList<string> Paths)? Match(string templatePath, Func<string, bool> accepts, Func<IReadOnlyList<string>, bool> agree)
    {
        var path = TemplatePath(templatePath);
        if (Found(exact, Clean(path), accepts) is { } e)
        {
            return (MatchRule.Exact, e);
        }

        var normal = Normalize(path);
        var ours = Parameters(path);
        if (MatchNormal(normal, ours, accepts, agree) is { } found)
        {
            return found;
        }

        if ((normal.EndsWith("/$count", StringComparison.Ordinal) || normal.EndsWith("/$value", StringComparison.Ordinal))
            && MatchNormal(normal[..^"/$count".Length], ours, accepts, agree) is { } count)
        {
            return (MatchRule.Count, count.Paths);
        }

        var uncast = CastSegment.Replace(normal, string.Empty);
        if (uncast != normal && uncast.Length > 0)
        {
            if (uncast.EndsWith("/$count", StringComparison.Ordinal))
            {
                uncast = uncast[..^"/$count".Length];
            }

            if (MatchNormal(uncast, ours, accepts, agree) is { } cast)
            {
                return (MatchRule.Cast, cast.Paths);
            }
        }

        return Subtree(normal, accepts, agree);
    }

    private (MatchRule Rule, IReadOnlyList<string> Paths)? MatchNormal(string normal, string[] ours, Func<string, bool> accepts, Func<IReadOnlyList<string>, bool> agree)
    {
        if (Found(syntax, normal, accepts) is { } s)
        {
            return (MatchRule.Syntax, s);
        }

        if (OtherOwner(normal) is { } other && Found(syntax, other, accepts) is { } m)
        {
            return (MatchRule.Me, m);
        }

        foreach (var candidate in Owners(normal))
        {
            var wild = wildcards.Where(w => w.Pattern.IsMatch(candidate) && accepts(w.Path)).Select(w => w.Path).ToList();
            if (wild.Count > 0)
            {
                return (MatchRule.Wildcard, wild);
            }
        }

        if (Tail(normal, ours, accepts, agree) is { } t)
        {
            return (MatchRule.Tail, t);
        }

        return null;
    }

    /// <summary>
    /// The <see cref="MatchRule.Subtree"/> rule: the deepest subtree of the path (a named segment with something below
    /// it, keyed with the named segment above it: <c>items/workbook</c>) under which the data lists requests of the verb.
    /// </summary>
    private (MatchRule Rule, IReadOnlyList<string> Paths)? Subtree(string normal, Func<string, bool> accepts, Func<IReadOnlyList<string>, bool> agree)
    {
        foreach (var (key, _) in SubtreeKeys(normal).OrderByDescending(k => k.Depth))
        {
            if (under.TryGetValue(key, out var inside) && inside.Where(accepts).Distinct().ToList() is { Count: > 0 } found)
            {
                return found.Count >= 3 && agree(found) ? (MatchRule.Subtree, found) : null;
            }
        }

        return null;
    }

    private static IEnumerable<(string Key, int Depth)> SubtreeKeys(string normal)
    {
        var segments = normal.TrimStart('/').Split('/');
        string? above = null;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (segments[i] == "{id}")
            {
                continue;
            }

            if (above is not null)
            {
                yield return (above + "/" + segments[i], i);
            }

            above = segments[i];
        }
    }

    private static string[] Parameters(string path) =>
        Braces.Matches(path).Select(m => m.Value.Split('%')[0].Trim('{', '}').ToLowerInvariant()).ToArray();

    /// <summary>Whether the SDK's template for <paramref name="candidate"/> selects the same entities in its last keys as ours.</summary>
    private bool SameEntities(string[] ours, string tail, string candidate)
    {
        var keys = tail.Split('/').Count(s => s == "{id}");
        if (keys == 0 || ours.Length < keys || !entities.TryGetValue(candidate, out var theirs))
        {
            return true;
        }

        return theirs.Length >= keys && ours[^keys..].SequenceEqual(theirs[^keys..], StringComparer.Ordinal);
    }

    private List<string>? Tail(string normal, string[] ours, Func<string, bool> accepts, Func<IReadOnlyList<string>, bool> agree)
    {
        var segments = normal.TrimStart('/').Split('/');
        if (segments.Length < 3)
        {
            return null;
        }

        // The longest tail first; a tail starts with a name (a navigation property, an entity set, a function), not
        // a key, and leaves at least the first segment as a root.
        for (var start = 1; start <= segments.Length - 2; start++)
        {
            if (segments[start] == "{id}")
            {
                continue;
            }

            var tail = "/" + string.Join('/', segments[start..]);
            foreach (var owner in Owners(normal))
            {
                var ownerSegments = owner.TrimStart('/').Split('/');
                for (var root = Math.Min(start, ownerSegments.Length - (segments.Length - start)) - 1; root >= 1; root--)
                {
                    var rooted = "/" + string.Join('/', ownerSegments[..root]) + tail;
                    if (rooted != owner && SameEntities(ours, tail, rooted) && Found(syntax, rooted, accepts) is { } r)
                    {
                        return r;
                    }
                }
            }

            if (!byLastSegment.TryGetValue(segments[^1], out var sameEnd))
            {
                continue;
            }

            var ending = sameEnd.Where(p => p.Normal.EndsWith(tail, StringComparison.Ordinal) && p.Normal != tail && accepts(p.Path) && SameEntities(ours, tail, p.Normal))
                .Select(p => p.Path).Distinct().ToList();
            if (ending.Count > 0 && agree(ending))
            {
                return ending;
            }
        }

        return null;
    }

    /// <summary>The path and, for the signed-in user's paths, its <c>/users/{id}</c> twin (or the other way round).</summary>
    private static IEnumerable<string> Owners(string normal)
    {
        yield return normal;
        if (OtherOwner(normal) is { } other)
        {
            yield return other;
        }
    }

    private static string? OtherOwner(string normal) =>
        normal == "/me" || normal.StartsWith("/me/", StringComparison.Ordinal) ? "/users/{id}" + normal[3..]
        : normal.StartsWith("/users/{id}", StringComparison.Ordinal) && (normal.Length == 11 || normal[11] == '/') ? "/me" + normal[11..]
        : null;

    private static List<string>? Found(Dictionary<string, List<string>> index, string key, Func<string, bool> accepts) =>
        index.TryGetValue(key, out var paths) && paths.Where(accepts).ToList() is { Count: > 0 } found ? found : null;

    private static void Add(Dictionary<string, List<string>> index, string key, string path)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(path);
    }
}
