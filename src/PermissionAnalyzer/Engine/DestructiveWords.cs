using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace PermissionAnalyzer.Engine;

/// <summary>
/// Decides whether a scope is destructive: one of its word parts (split on <c>: . _ - /</c> and on a
/// lower-to-upper case change) equals a destructive word, ignoring case.
/// </summary>
internal sealed class DestructiveWords
{
    public const string OptionKey = "permission_analyzer.destructive_words";

    public static readonly DestructiveWords Default = new(ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "delete", "remove", "purge", "destroy", "erase", "wipe", "admin"));

    private readonly ImmutableHashSet<string> words;

    private DestructiveWords(ImmutableHashSet<string> words)
    {
        this.words = words;
    }

    /// <summary>Parses the comma-separated option value; a missing value means the defaults.</summary>
    public static DestructiveWords Parse(string? optionValue)
    {
        if (optionValue is null)
        {
            return Default;
        }

        var builder = ImmutableHashSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in optionValue.Split(','))
        {
            var word = part.Trim();
            if (word.Length > 0)
            {
                builder.Add(word);
            }
        }

        return new DestructiveWords(builder.ToImmutable());
    }

    public bool IsDestructive(string scope)
    {
        foreach (var part in SplitWords(scope))
        {
            if (words.Contains(part))
            {
                return true;
            }
        }

        return false;
    }

    public static IEnumerable<string> SplitWords(string scope)
    {
        var start = 0;
        for (var i = 0; i <= scope.Length; i++)
        {
            if (i == scope.Length || IsSeparator(scope[i]))
            {
                if (i > start)
                {
                    yield return scope.Substring(start, i - start);
                }

                start = i + 1;
            }
            else if (i > start && char.IsLower(scope[i - 1]) && char.IsUpper(scope[i]))
            {
                yield return scope.Substring(start, i - start);
                start = i;
            }
        }
    }

    private static bool IsSeparator(char c) => c is ':' or '.' or '_' or '-' or '/';
}
