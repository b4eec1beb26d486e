using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PermissionAnalyzer.Engine;

/// <summary>A problem of a map entry (PA0011), where it is written and, for a duplicate, where the first one is.</summary>
internal readonly struct MapProblem
{
    public MapProblem(MapSpan span, string reason, MapSpan? first = null)
    {
        Span = span;
        Reason = reason;
        First = first;
    }

    public MapSpan Span { get; }

    public string Reason { get; }

    public MapSpan? First { get; }
}

/// <summary>
/// The scope maps of a compilation merged (files in ordinal order of path, lines in order): each symbol's terms
/// by documentation-comment ID, the implications and destructive scopes for the catalog, and the problems
/// found while merging (parse errors, duplicates). IDs are resolved by the compilation's index, once.
/// </summary>
internal sealed class ScopeMapSet
{
    public static readonly ScopeMapSet Empty = new(ImmutableArray<(string, ScopeMapFile)>.Empty);

    private readonly Dictionary<string, (ImmutableArray<string> Terms, MapSpan Span)> symbols = new(StringComparer.Ordinal);
    private readonly List<MapProblem> problems = new();
    private readonly List<(string Scope, string Implied, MapSpan Span)> implications = new();
    private readonly List<(string Scope, MapSpan Span)> destructive = new();

    private ScopeMapSet(ImmutableArray<(string Path, ScopeMapFile File)> files)
    {
        Files = files;
        var seenScopeEntries = new Dictionary<string, MapSpan>(StringComparer.Ordinal);
        foreach (var (path, file) in files)
        {
            foreach (var error in file.Errors)
            {
                problems.Add(new MapProblem(file.SpanOf(path, error.Span), error.Reason));
            }

            foreach (var entry in file.Entries)
            {
                var span = file.SpanOf(path, entry.Span);
                if (entry.Kind == ScopeMapEntryKind.Symbol)
                {
                    if (symbols.TryGetValue(entry.Key, out var existing))
                    {
                        problems.Add(new MapProblem(span, $"'{entry.Key}' is mapped already at {existing.Span.Display()}", existing.Span));
                    }
                    else
                    {
                        symbols[entry.Key] = (entry.Values, span);
                    }

                    continue;
                }

                var key = (entry.Kind == ScopeMapEntryKind.Implies ? "implies " : "destructive ") + entry.Key;
                if (seenScopeEntries.TryGetValue(key, out var first))
                {
                    problems.Add(new MapProblem(span, $"'scope {entry.Key} {(entry.Kind == ScopeMapEntryKind.Implies ? "implies" : "destructive")}' is stated already at {first.Display()}", first));
                    continue;
                }

                seenScopeEntries[key] = span;
                if (entry.Kind == ScopeMapEntryKind.Implies)
                {
                    foreach (var implied in entry.Values)
                    {
                        implications.Add((entry.Key, implied, span));
                    }
                }
                else
                {
                    destructive.Add((entry.Key, span));
                }
            }
        }
    }

    public ImmutableArray<(string Path, ScopeMapFile File)> Files { get; }

    public bool IsEmpty => Files.IsEmpty;

    /// <summary>Parse errors and duplicates, in file and line order.</summary>
    public IReadOnlyList<MapProblem> Problems => problems;

    public IReadOnlyList<(string Scope, string Implied, MapSpan Span)> Implications => implications;

    public IReadOnlyList<(string Scope, MapSpan Span)> Destructive => destructive;

    /// <summary>The symbol entries: ID, terms, and where each is written.</summary>
    public IEnumerable<KeyValuePair<string, (ImmutableArray<string> Terms, MapSpan Span)>> Symbols => symbols;

    /// <summary>The scope maps among the additional files, in ordinal order of path.</summary>
    public static ImmutableArray<(string Path, ScopeMapFile File)> FilesOf(AnalyzerOptions? options, System.Threading.CancellationToken cancellationToken)
    {
        if (options is null || options.AdditionalFiles.IsEmpty)
        {
            return ImmutableArray<(string, ScopeMapFile)>.Empty;
        }

        var files = ImmutableArray.CreateBuilder<(string, ScopeMapFile)>();
        foreach (var file in options.AdditionalFiles.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (ScopeMapFile.IsMapPath(file.Path) && file.GetText(cancellationToken) is { } text)
            {
                files.Add((file.Path, ScopeMapFile.Of(text)));
            }
        }

        return files.ToImmutable();
    }

    public static bool HasMapFiles(AnalyzerOptions? options) =>
        options is not null && options.AdditionalFiles.Any(f => ScopeMapFile.IsMapPath(f.Path));

    /// <summary>
    /// The merged set of <paramref name="files"/>. The last set made is reused while the files are the same (same paths,
    /// same texts: <see cref="IsFrom"/>), as they are for the compilations of successive edits of code: a set is a function
    /// of its files alone (IDs are resolved against a compilation by the index, not here), so reusing it is safe.
    /// </summary>
    public static ScopeMapSet Create(ImmutableArray<(string Path, ScopeMapFile File)> files)
    {
        if (files.IsEmpty)
        {
            return Empty;
        }

        if (System.Threading.Volatile.Read(ref lastMade) is { } last && last.IsFrom(files))
        {
            return last;
        }

        var made = new ScopeMapSet(files);
        System.Threading.Volatile.Write(ref lastMade, made);
        return made;
    }

    private static ScopeMapSet? lastMade;

    /// <summary>Whether this set was made from the same files (same paths, same parsed texts).</summary>
    public bool IsFrom(ImmutableArray<(string Path, ScopeMapFile File)> files)
    {
        if (files.Length != Files.Length)
        {
            return false;
        }

        for (var i = 0; i < files.Length; i++)
        {
            if (files[i].Path != Files[i].Path
                || (!ReferenceEquals(files[i].File, Files[i].File) && !files[i].File.Text.ContentEquals(Files[i].File.Text)))
            {
                return false;
            }
        }

        return true;
    }
}
