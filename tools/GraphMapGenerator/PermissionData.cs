using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace GraphMapGenerator;

/// <summary>The two vocabularies the map keeps apart (DESIGN.md: delegated by default, application for app-only).</summary>
internal enum Scheme
{
    Delegated,
    Application,
}

/// <summary>
/// One fact of the data: <paramref name="Permission"/> grants <paramref name="Verb"/> on <paramref name="Path"/> in
/// <paramref name="Scheme"/>; <paramref name="Least"/> when the data marks it least privileged there, and
/// <paramref name="SetVerbs"/> how many verbs the path set carrying that mark covers (a mark on a set of several
/// verbs is not a per-verb judgement).
/// </summary>
internal sealed record Grant(string Permission, string Verb, string Path, Scheme Scheme, bool Least, int SetVerbs);

/// <summary>Microsoft Graph's published permissions (permissions.json, the schema Kibali reads), flattened to grants.</summary>
internal sealed class PermissionData
{
    private PermissionData(IReadOnlyList<Grant> grants, IReadOnlyDictionary<(string, Scheme), int> levels)
    {
        Grants = grants;
        Levels = levels;
    }

    public IReadOnlyList<Grant> Grants { get; }

    /// <summary>The data's <c>privilegeLevel</c> of a permission in a scheme (the highest of the delegated ones).</summary>
    public IReadOnlyDictionary<(string Permission, Scheme Scheme), int> Levels { get; }

    public IEnumerable<string> Permissions(Scheme scheme) => Levels.Keys.Where(k => k.Scheme == scheme).Select(k => k.Permission);

    public static Scheme? SchemeOf(string key) => key switch
    {
        "DelegatedWork" or "DelegatedPersonal" => Scheme.Delegated,
        "Application" => Scheme.Application,
        _ => null,
    };

    public static PermissionData Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var grants = new List<Grant>();
        var levels = new Dictionary<(string, Scheme), int>();
        foreach (var permission in document.RootElement.GetProperty("permissions").EnumerateObject())
        {
            foreach (var scheme in permission.Value.GetProperty("schemes").EnumerateObject())
            {
                if (SchemeOf(scheme.Name) is { } s)
                {
                    var level = scheme.Value.TryGetProperty("privilegeLevel", out var l) ? l.GetInt32() : 5;
                    levels[(permission.Name, s)] = Math.Max(level, levels.GetValueOrDefault((permission.Name, s)));
                }
            }

            if (!permission.Value.TryGetProperty("pathSets", out var pathSets))
            {
                continue;
            }

            foreach (var set in pathSets.EnumerateArray())
            {
                var schemes = set.GetProperty("schemeKeys").EnumerateArray().Select(k => k.GetString()!).ToList();
                var verbs = set.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Distinct().ToList();
                foreach (var entry in set.GetProperty("paths").EnumerateObject())
                {
                    var least = LeastSchemes(entry.Value.GetString() ?? "");
                    foreach (var scheme in schemes.Select(k => (Key: k, Scheme: SchemeOf(k))).Where(k => k.Scheme is not null).GroupBy(k => k.Scheme!.Value))
                    {
                        var isLeast = scheme.Any(k => least.Contains(k.Key));
                        foreach (var verb in verbs)
                        {
                            grants.Add(new Grant(permission.Name, verb, entry.Name, scheme.Key, isLeast, verbs.Count));
                        }
                    }
                }
            }
        }

        return new PermissionData(grants, levels);
    }

    private static HashSet<string> LeastSchemes(string value)
    {
        foreach (var property in value.Split(';'))
        {
            var parts = property.Split('=', 2);
            if (parts.Length == 2 && parts[0].Trim() == "least")
            {
                return parts[1].Split(',').Select(p => p.Trim()).ToHashSet();
            }
        }

        return [];
    }
}
