using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PermissionAnalyzer.Engine;

internal enum ScopeMapEntryKind
{
    /// <summary><c>M:N.T.Member(...); terms</c>: the symbol requires the terms.</summary>
    Symbol,

    /// <summary><c>scope a implies b, c</c>.</summary>
    Implies,

    /// <summary><c>scope a destructive</c>.</summary>
    Destructive,
}

/// <summary>Where a map entry or error is written: a span of one line of a map file.</summary>
internal readonly struct MapSpan
{
    public MapSpan(string path, TextSpan span, LinePositionSpan lineSpan)
    {
        Path = path;
        Span = span;
        LineSpan = lineSpan;
    }

    public string Path { get; }

    public TextSpan Span { get; }

    public LinePositionSpan LineSpan { get; }

    public Location ToLocation() => Location.Create(Path, Span, LineSpan);

    /// <summary>As a build prints it: <c>ScopeMap.txt(12,1)</c>.</summary>
    public string Display() => $"{System.IO.Path.GetFileName(Path)}({LineSpan.Start.Line + 1},{LineSpan.Start.Character + 1})";
}

/// <summary>One valid line of a map file.</summary>
internal sealed class ScopeMapEntry
{
    public ScopeMapEntry(ScopeMapEntryKind kind, string key, ImmutableArray<string> values, TextSpan span)
    {
        Kind = kind;
        Key = key;
        Values = values;
        Span = span;
    }

    public ScopeMapEntryKind Kind { get; }

    /// <summary>The documentation-comment ID (<see cref="ScopeMapEntryKind.Symbol"/>) or the scope.</summary>
    public string Key { get; }

    /// <summary>Term keys (<see cref="Term"/>) of a symbol entry; implied scopes of an implication; empty otherwise.</summary>
    public ImmutableArray<string> Values { get; }

    /// <summary>The entry's text on its line, without surrounding blanks and comment.</summary>
    public TextSpan Span { get; }
}

/// <summary>A line of a map file that is not a valid entry (PA0011), with the reason.</summary>
internal readonly struct ScopeMapError
{
    public ScopeMapError(TextSpan span, string reason)
    {
        Span = span;
        Reason = reason;
    }

    public TextSpan Span { get; }

    public string Reason { get; }
}

/// <summary>
/// One parsed scope map (DESIGN.md, "Maps"): <c>ID; terms</c> lines, terms separated by <c>,</c> and
/// alternatives by <c>|</c>; <c>scope a implies b, c</c>; <c>scope a destructive</c>; <c>#</c> comments.
/// A text is parsed once, whichever compilation or analyzer asks (the host keeps the text while it is current).
/// </summary>
internal sealed class ScopeMapFile
{
    private static readonly ConditionalWeakTable<SourceText, ScopeMapFile> Parsed = new();

    private ScopeMapFile(SourceText text, ImmutableArray<ScopeMapEntry> entries, ImmutableArray<ScopeMapError> errors)
    {
        Text = text;
        Entries = entries;
        Errors = errors;
    }

    public SourceText Text { get; }

    public ImmutableArray<ScopeMapEntry> Entries { get; }

    public ImmutableArray<ScopeMapError> Errors { get; }

    /// <summary>Whether an additional file is a scope map: <c>ScopeMap.txt</c> or <c>ScopeMap.*.txt</c>.</summary>
    public static bool IsMapPath(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("ScopeMap.", StringComparison.OrdinalIgnoreCase)
            && name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
            && (name.Length == "ScopeMap.txt".Length || name.Length > "ScopeMap..txt".Length);
    }

    public static ScopeMapFile Of(SourceText text) => Parsed.GetValue(text, Parse);

    public MapSpan SpanOf(string path, TextSpan span) => new(path, span, Text.Lines.GetLinePositionSpan(span));

    /// <summary>
    /// Where the line's comment starts: a <c>#</c> at the start of the line or after white space. A documentation
    /// ID contains no white space but may contain <c>#</c> (<c>M:Contoso.MailClient.#ctor</c>), so that one is kept.
    /// </summary>
    private static int CommentStart(string content)
    {
        for (var i = content.IndexOf('#'); i >= 0; i = content.IndexOf('#', i + 1))
        {
            if (i == 0 || char.IsWhiteSpace(content[i - 1]))
            {
                return i;
            }
        }

        return content.Length;
    }

    private static ScopeMapFile Parse(SourceText text)
    {
        var entries = ImmutableArray.CreateBuilder<ScopeMapEntry>();
        var errors = ImmutableArray.CreateBuilder<ScopeMapError>();
        foreach (var line in text.Lines)
        {
            var content = text.ToString(line.Span);
            var end = CommentStart(content);
            var start = 0;
            while (start < end && char.IsWhiteSpace(content[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(content[end - 1]))
            {
                end--;
            }

            if (start == end)
            {
                continue;
            }

            var span = new TextSpan(line.Start + start, end - start);
            var entryText = content.Substring(start, end - start);
            if (ParseEntry(entryText, span, out var reason) is { } entry)
            {
                entries.Add(entry);
            }
            else
            {
                errors.Add(new ScopeMapError(span, reason!));
            }
        }

        return new ScopeMapFile(text, entries.ToImmutable(), errors.ToImmutable());
    }

    private const string Expected =
        "expected '<documentation ID>; <scopes>', 'scope <scope> implies <scopes>' or 'scope <scope> destructive'";

    private static ScopeMapEntry? ParseEntry(string text, TextSpan span, out string? reason)
    {
        reason = null;
        if (StartsWithWord(text, "scope"))
        {
            var rest = text.Substring("scope".Length).TrimStart();
            var nameEnd = IndexOfWhiteSpace(rest);
            if (nameEnd < 0)
            {
                reason = Expected;
                return null;
            }

            var scope = rest.Substring(0, nameEnd);
            var verb = rest.Substring(nameEnd).Trim();
            if (InvalidScope(scope) is { } invalidName)
            {
                reason = invalidName;
                return null;
            }

            if (verb == "destructive")
            {
                return new ScopeMapEntry(ScopeMapEntryKind.Destructive, scope, ImmutableArray<string>.Empty, span);
            }

            if (!StartsWithWord(verb, "implies"))
            {
                reason = Expected;
                return null;
            }

            var implied = ImmutableArray.CreateBuilder<string>();
            foreach (var part in verb.Substring("implies".Length).Split(','))
            {
                var item = part.Trim();
                if (InvalidScope(item) is { } invalidImplied)
                {
                    reason = invalidImplied;
                    return null;
                }

                implied.Add(item);
            }

            return new ScopeMapEntry(ScopeMapEntryKind.Implies, scope, implied.ToImmutable(), span);
        }

        var separator = text.IndexOf(';');
        var id = separator < 0 ? string.Empty : text.Substring(0, separator).Trim();
        if (separator < 0 || !IsDocumentationId(id))
        {
            reason = Expected;
            return null;
        }

        var terms = ImmutableArray.CreateBuilder<string>();
        foreach (var part in text.Substring(separator + 1).Split(','))
        {
            var alternatives = new List<string>();
            foreach (var alternative in part.Split('|'))
            {
                var item = alternative.Trim();
                if (InvalidScope(item) is { } invalid)
                {
                    reason = invalid;
                    return null;
                }

                alternatives.Add(item);
            }

            terms.Add(Term.Of(alternatives)!);
        }

        return new ScopeMapEntry(ScopeMapEntryKind.Symbol, id, terms.ToImmutable(), span);
    }

    /// <summary>Why a scope written in a map is invalid, or null: empty, blanks inside, a wildcard, a control character.</summary>
    private static string? InvalidScope(string scope)
    {
        if (scope.Length == 0)
        {
            return "a scope is empty";
        }

        foreach (var c in scope)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return $"'{scope}' is not a valid scope";
            }
        }

        return Scopes.IsWildcard(scope) ? $"'{scope}' is a wildcard; a map names concrete scopes" : null;
    }

    private static bool IsDocumentationId(string id) =>
        id.Length > 2 && id[1] == ':' && id[0] is 'M' or 'T' or 'P' or 'E' or 'F' && IndexOfWhiteSpace(id) < 0;

    private static bool StartsWithWord(string text, string word) =>
        text.StartsWith(word, StringComparison.Ordinal) && text.Length > word.Length && char.IsWhiteSpace(text[word.Length]);

    private static int IndexOfWhiteSpace(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
