using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PermissionAnalyzer.CodeFixes.Editing;

/// <summary>
/// Line layout read from trivia, so edits keep the user's formatting: whether a node starts its line, its
/// indentation, and the comment lines above it that must survive when it goes.
/// </summary>
internal static class Trivia
{
    /// <summary>An end of line, or structured trivia that ends its line (doc comment, directive).</summary>
    public static bool IsLineBreak(SyntaxTrivia trivia) =>
        trivia.IsKind(SyntaxKind.EndOfLineTrivia)
        || (trivia.HasStructure && trivia.ToFullString().EndsWith("\n", System.StringComparison.Ordinal));

    public static bool HasLineBreak(SyntaxTriviaList trivia) => trivia.Any(IsLineBreak);

    /// <summary>Anything but whitespace and ends of line: comments, doc comments, directives.</summary>
    public static bool HasComment(SyntaxTriviaList trivia) =>
        trivia.Any(t => !t.IsKind(SyntaxKind.WhitespaceTrivia) && !t.IsKind(SyntaxKind.EndOfLineTrivia));

    /// <summary>The comments of a trailing trivia list, with the spaces before each, without the end of line.</summary>
    public static SyntaxTriviaList Comments(SyntaxTriviaList trailing)
    {
        var end = trailing.Count;
        while (end > 0 && (trailing[end - 1].IsKind(SyntaxKind.EndOfLineTrivia) || trailing[end - 1].IsKind(SyntaxKind.WhitespaceTrivia)))
        {
            end--;
        }

        return HasComment(SyntaxFactory.TriviaList(trailing.Take(end))) ? SyntaxFactory.TriviaList(trailing.Take(end)) : default;
    }

    /// <summary>
    /// The trailing trivia of the token that ends the line <paramref name="token"/> is on, changed: its
    /// comments dropped if <paramref name="drop"/>, then <paramref name="comment"/> put before its end of line.
    /// </summary>
    public static SyntaxNode EditLineEnd(SyntaxNode root, SyntaxToken token, bool drop, SyntaxTriviaList comment)
    {
        var last = token;
        while (!HasLineBreak(last.TrailingTrivia))
        {
            var next = last.GetNextToken(includeZeroWidth: true);
            if (next.IsKind(SyntaxKind.None) || next.IsKind(SyntaxKind.EndOfFileToken) || HasLineBreak(next.LeadingTrivia))
            {
                break;
            }

            last = next;
        }

        var trailing = last.TrailingTrivia;
        var lineBreak = trailing.Count;
        for (var i = 0; i < trailing.Count; i++)
        {
            if (IsLineBreak(trailing[i]))
            {
                lineBreak = i;
                break;
            }
        }

        var before = SyntaxFactory.TriviaList(trailing.Take(lineBreak));
        var after = SyntaxFactory.TriviaList(trailing.Skip(lineBreak));
        if (drop)
        {
            before = default;
        }

        return root.ReplaceToken(last, last.WithTrailingTrivia(before.AddRange(comment).AddRange(after)));
    }

    /// <summary>Whether the node is the first thing on its line.</summary>
    public static bool StartsLine(SyntaxNode node)
    {
        var first = node.GetFirstToken(includeZeroWidth: true);
        if (HasLineBreak(first.LeadingTrivia))
        {
            return true;
        }

        var previous = first.GetPreviousToken(includeZeroWidth: true);
        return previous.IsKind(SyntaxKind.None) || HasLineBreak(previous.TrailingTrivia);
    }

    /// <summary>The whitespace before the node on its line when it starts the line; else nothing.</summary>
    public static SyntaxTriviaList Indentation(SyntaxNode node)
    {
        if (!StartsLine(node))
        {
            return default;
        }

        var leading = node.GetLeadingTrivia();
        var start = LastLineBreak(leading) + 1;
        return SyntaxFactory.TriviaList(leading.Skip(start).Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));
    }

    /// <summary>
    /// The whole lines of a leading trivia list (comment lines, blank lines, doc comments, directives above
    /// the node), without the indentation of the node's own line.
    /// </summary>
    public static SyntaxTriviaList Detached(SyntaxTriviaList leading)
    {
        var last = LastLineBreak(leading);
        return last < 0 ? default : SyntaxFactory.TriviaList(leading.Take(last + 1));
    }

    /// <summary>Whether the list begins with an empty line (only whitespace before its first end of line).</summary>
    public static bool StartsWithBlankLine(SyntaxTriviaList trivia)
    {
        foreach (var t in trivia)
        {
            if (t.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return true;
            }

            if (!t.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The document's own end of line, so inserted lines match it.</summary>
    public static SyntaxTrivia EndOfLine(SyntaxNode root)
    {
        foreach (var trivia in root.DescendantTrivia(descendIntoTrivia: false))
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.LineFeed;
    }

    private static int LastLineBreak(SyntaxTriviaList trivia)
    {
        for (var i = trivia.Count - 1; i >= 0; i--)
        {
            if (IsLineBreak(trivia[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
