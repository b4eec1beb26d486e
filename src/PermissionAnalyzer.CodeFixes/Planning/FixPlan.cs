using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using PermissionAnalyzer.CodeFixes.Editing;

namespace PermissionAnalyzer.CodeFixes.Planning;

/// <summary>
/// One code action a diagnostic offers: its title, its equivalence key and the edits it makes. An action
/// without an equivalence key ("Grant 'x'") is a deliberate single action: Fix All never applies it, and
/// hosts offer no "Fix all occurrences" for it.
/// </summary>
internal sealed class FixPlan
{
    public FixPlan(string title, string? equivalenceKey, ImmutableArray<ScopeEdit> edits)
    {
        Title = title;
        EquivalenceKey = equivalenceKey;
        Edits = edits;
    }

    public string Title { get; }

    public string? EquivalenceKey { get; }

    /// <summary>Whether Fix All may apply this action (it has an equivalence key).</summary>
    public bool AppliesInBulk => EquivalenceKey is not null;

    public ImmutableArray<ScopeEdit> Edits { get; }
}

/// <summary>Reads what the analyzer put in <see cref="Diagnostic.Properties"/> (keys of <see cref="DiagnosticProperties"/>).</summary>
internal static class DiagnosticData
{
    public static string? Get(Diagnostic diagnostic, string key) =>
        diagnostic.Properties.TryGetValue(key, out var value) ? value : null;

    public static ImmutableArray<string> List(Diagnostic diagnostic, string key) =>
        Get(diagnostic, key) is { Length: > 0 } value
            ? value.Split(DiagnosticProperties.Separator).Where(s => s.Length > 0).ToImmutableArray()
            : ImmutableArray<string>.Empty;

    /// <summary>The <see cref="DiagnosticProperties.Replacements"/> of a grant diagnostic: broader granted scope → what replaces it.</summary>
    public static ImmutableDictionary<string, ImmutableArray<string>> Replacements(Diagnostic diagnostic)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var entry in List(diagnostic, DiagnosticProperties.Replacements))
        {
            var parts = entry.Split(DiagnosticProperties.PairSeparator);
            builder[parts[0]] = parts.Skip(1).ToImmutableArray();
        }

        return builder.ToImmutable();
    }

    public static bool IsUsed(Diagnostic diagnostic) =>
        string.Equals(Get(diagnostic, DiagnosticProperties.IsUsed), "true", StringComparison.Ordinal);

    public static bool HasUndeterminedUse(Diagnostic diagnostic) =>
        string.Equals(Get(diagnostic, DiagnosticProperties.HasUndeterminedUse), "true", StringComparison.Ordinal);
}
