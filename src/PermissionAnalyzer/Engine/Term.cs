using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;

namespace PermissionAnalyzer.Engine;

/// <summary>
/// A requirement term (DESIGN.md, "Alternatives") as one string key, so the engine's summaries, chains and
/// ownership, all keyed by scope, carry terms unchanged: a term of one alternative is the scope itself; a
/// term of several is <see cref="Marker"/> followed by its alternatives in declared order (least privileged
/// first), without duplicates, joined by <see cref="Separator"/>. Neither character can be typed in a scope
/// that means anything, and a key never equals a scope.
/// </summary>
internal static class Term
{
    public const char Marker = '\u0001';
    public const char Separator = '\u001F';

    /// <summary>The key of the term whose alternatives are <paramref name="alternatives"/>; null when none is left.</summary>
    public static string? Of(IEnumerable<string> alternatives)
    {
        var distinct = new List<string>();
        foreach (var alternative in alternatives)
        {
            if (!distinct.Contains(alternative))
            {
                distinct.Add(alternative);
            }
        }

        return distinct.Count switch
        {
            0 => null,
            1 => distinct[0],
            _ => Marker + string.Join(Separator.ToString(), distinct),
        };
    }

    public static bool HasAlternatives(string key) => key.Length > 0 && key[0] == Marker;

    /// <summary>The alternatives of a term key, in declared order; a plain scope is its own only alternative.</summary>
    public static ImmutableArray<string> Alternatives(string key) =>
        HasAlternatives(key)
            ? ImmutableArray.Create(key.Substring(1).Split(Separator))
            : ImmutableArray.Create(key);

    /// <summary>
    /// The term as a message shows it between the quotes of <c>'{n}'</c>: <c>a</c>, <c>a' or 'b</c>,
    /// <c>a', 'b' or 'c</c>.
    /// </summary>
    public static string Display(string key)
    {
        if (!HasAlternatives(key))
        {
            return key;
        }

        var alternatives = Alternatives(key);
        var text = new StringBuilder();
        for (var i = 0; i < alternatives.Length; i++)
        {
            if (i > 0)
            {
                text.Append(i == alternatives.Length - 1 ? "' or '" : "', '");
            }

            text.Append(alternatives[i]);
        }

        return text.ToString();
    }

    /// <summary>Scopes as a message lists them, each quoted: <c>'a'</c>, <c>'a' and 'b'</c>, <c>'a', 'b' and 'c'</c>.</summary>
    public static string QuotedList(IReadOnlyList<string> scopes)
    {
        var text = new StringBuilder();
        for (var i = 0; i < scopes.Count; i++)
        {
            if (i > 0)
            {
                text.Append(i == scopes.Count - 1 ? " and " : ", ");
            }

            text.Append('\'').Append(scopes[i]).Append('\'');
        }

        return text.ToString();
    }
}
