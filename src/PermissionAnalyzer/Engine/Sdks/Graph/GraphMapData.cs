using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace PermissionAnalyzer.Engine.Sdks.Graph;

/// <summary>
/// The parsed Microsoft Graph map (format in docs/sdks/microsoft-graph.md and in the file's header). Builder lines
/// are kept as text and a method's terms parsed on first use: most of the 11,000 builders are never called.
/// </summary>
internal sealed class GraphMapData
{
    public const string ResourceName = "PermissionAnalyzer.Engine.Sdks.Graph.graph-map.txt.gz";
    public const string WithUrl = "WithUrl";

    public static readonly ImmutableArray<string> UndeterminedTerms = ImmutableArray.Create(ScopeIndex.Undetermined);

    private readonly List<ImmutableArray<string>> alternatives = new();
    private readonly Dictionary<string, string> builders = new(StringComparer.Ordinal);
    private readonly List<(string, string)>[] implications = { new(), new() };
    private readonly List<string>[] destructive = { new(), new() };
    private readonly ConcurrentDictionary<(string Type, string Method, bool Application), ImmutableArray<string>?> parsed = new();

    private GraphMapData()
    {
    }

    /// <summary>The number of builders the map lists (for measurements).</summary>
    public int BuilderCount => builders.Count;

    /// <summary>The map embedded in the analyzer; an empty map (every builder undetermined) if it cannot be read.</summary>
    public static GraphMapData LoadEmbedded()
    {
        try
        {
            using var stream = typeof(GraphMapData).Assembly.GetManifestResourceStream(ResourceName);
            return stream is null ? new GraphMapData() : Load(stream);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or OverflowException)
        {
            return new GraphMapData();
        }
    }

    public static GraphMapData Load(Stream compressed)
    {
        var data = new GraphMapData();
        using var reader = new StreamReader(new GZipStream(compressed, CompressionMode.Decompress), Encoding.UTF8);
        var ns = string.Empty;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length < 2 || line[0] == '#')
            {
                continue;
            }

            if (line[1] != '\t')
            {
                var tab = line.IndexOf('\t');
                if (tab > 0)
                {
                    data.builders[ns + "." + line.Substring(0, tab)] = line.Substring(tab + 1);
                }

                continue;
            }

            var fields = line.Split('\t');
            switch (line[0])
            {
                case 'n':
                    ns = fields[1];
                    break;
                case 'a':
                    data.alternatives.Add(TermsOfAlternatives(fields[1]));
                    break;
                case 'i' when fields.Length == 4:
                    data.implications[fields[1] == "a" ? 1 : 0].Add((fields[2], fields[3]));
                    break;
                case 'x' when fields.Length == 3:
                    data.destructive[fields[1] == "a" ? 1 : 0].Add(fields[2]);
                    break;
            }
        }

        return data;
    }

    public bool Knows(string typeName) => builders.ContainsKey(typeName);

    public IEnumerable<(string Scope, string Implied)> Implications(bool application) => implications[application ? 1 : 0];

    public IEnumerable<string> Destructive(bool application) => destructive[application ? 1 : 0];

    /// <summary>
    /// The terms of a builder's method: one term of ranked alternatives, <see cref="UndeterminedTerms"/> when the map
    /// could not resolve it, empty when the builder lists no such method (it sends nothing); null for an unknown builder.
    /// </summary>
    public ImmutableArray<string>? TermsOf(string typeName, string method, bool application)
    {
        if (!builders.TryGetValue(typeName, out var line))
        {
            return null;
        }

        return parsed.GetOrAdd((typeName, method, application), key => Parse(line, key.Method, key.Application));
    }

    private ImmutableArray<string> Parse(string line, string method, bool application)
    {
        foreach (var entry in line.Split('\t'))
        {
            var equals = entry.IndexOf('=');
            if (equals != method.Length || string.CompareOrdinal(entry, 0, method, 0, method.Length) != 0)
            {
                continue;
            }

            var schemes = entry.Substring(equals + 1).Split('/');
            var value = schemes.Length == 2 ? schemes[application ? 1 : 0] : "?";
            return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                && index < alternatives.Count
                ? alternatives[index]
                : UndeterminedTerms;
        }

        return ImmutableArray<string>.Empty;
    }

    private static ImmutableArray<string> TermsOfAlternatives(string text) =>
        Term.Of(text.Split(' ')) is { } key ? ImmutableArray.Create(key) : ImmutableArray<string>.Empty;
}
