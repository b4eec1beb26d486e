using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PermissionAnalyzer.CodeFixes.Editing;

/// <summary>
/// Removes, replaces and inserts elements of a comma-separated list (attribute arguments, array elements,
/// attributes of a list) so that what remains keeps its layout: an inline list stays inline, a list with one
/// element per line keeps one per line at the same indentation, and comment lines above a removed element stay.
/// Each edit reads the layout from the list as it is in its tree, so one edit is applied at a time.
/// </summary>
internal static class ListEdits
{
    /// <summary>
    /// Removes the element at <paramref name="index"/>. Removing the last element may also change the end of
    /// the line the list closes on (see <see cref="Removal{T}"/>), which the caller applies.
    /// </summary>
    public static Removal<T> RemoveAt<T>(SeparatedSyntaxList<T> list, int index)
        where T : SyntaxNode
    {
        var nodes = list.ToList();
        var separators = list.GetSeparators().ToList();
        var removed = nodes[index];

        if (index < separators.Count)
        {
            // The element goes with the comma after it (and the comment on its line); the next element takes
            // its place on the line, below the comment lines that were above the removed one.
            if (index + 1 < nodes.Count)
            {
                var next = nodes[index + 1];
                var removedStartsLine = Trivia.StartsLine(removed);
                var nextStartsLine = Trivia.HasLineBreak(separators[index].TrailingTrivia) || Trivia.HasLineBreak(next.GetLeadingTrivia());
                var leading = removedStartsLine == nextStartsLine
                    ? Trivia.Detached(removed.GetLeadingTrivia()).AddRange(next.GetLeadingTrivia())
                    : removed.GetLeadingTrivia();
                nodes[index + 1] = next.WithLeadingTrivia(leading);
            }

            nodes.RemoveAt(index);
            separators.RemoveAt(index);
            return new Removal<T>(SyntaxFactory.SeparatedList(nodes, separators), default, dropLineEndComment: false);
        }

        // The last element goes with the comma before it. The closing token keeps its place: on its own line
        // if it was, else right after the new last element. A comment the comma carried belongs to the line
        // of the new last element, which the closing token now ends: it moves to the end of that line.
        // A comment at the end of the removed element's own line belonged to it and goes.
        var previous = nodes[index - 1];
        var separator = separators[index - 1];
        var removedTrailing = removed.GetTrailingTrivia();
        var closingOnOwnLine = Trivia.HasLineBreak(removedTrailing);
        var previousLineComment = Trivia.HasLineBreak(separator.TrailingTrivia)
            ? Trivia.Comments(separator.TrailingTrivia)
            : default;

        var trailing = previous.GetTrailingTrivia();
        var detached = Trivia.Detached(removed.GetLeadingTrivia());
        if (Trivia.HasComment(detached))
        {
            // Comment lines above the removed element stay, above the closing token.
            trailing = trailing.AddRange(previousLineComment).Add(EndOfLineOf(separator)).AddRange(detached);
            trailing = closingOnOwnLine ? trailing : trailing.AddRange(Trivia.Indentation(removed));
            previousLineComment = default;
        }
        else if (closingOnOwnLine)
        {
            trailing = trailing.AddRange(previousLineComment);
            previousLineComment = default;
        }

        // What separated the removed element from the closing token (a space, a line break) stays; its comments go.
        trailing = closingOnOwnLine
            ? trailing.Add(removedTrailing.First(Trivia.IsLineBreak))
            : trailing.AddRange(removedTrailing.Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse());

        nodes[index - 1] = previous.WithTrailingTrivia(trailing);
        nodes.RemoveAt(index);
        separators.RemoveAt(index - 1);
        return new Removal<T>(
            SyntaxFactory.SeparatedList(nodes, separators),
            previousLineComment,
            dropLineEndComment: !closingOnOwnLine && Trivia.StartsLine(removed));
    }

    /// <summary>Replaces the element at <paramref name="index"/> by one or more elements, laid out like it.</summary>
    public static SeparatedSyntaxList<T> ReplaceAt<T>(SeparatedSyntaxList<T> list, int index, IReadOnlyList<T> replacements, SyntaxTrivia endOfLine)
        where T : SyntaxNode
    {
        var nodes = list.ToList();
        var separators = list.GetSeparators().ToList();
        var old = nodes[index];
        var (between, indentation) = Layout(old, endOfLine);

        var created = new List<T>(replacements.Count);
        for (var i = 0; i < replacements.Count; i++)
        {
            var node = replacements[i]
                .WithLeadingTrivia(i == 0 ? old.GetLeadingTrivia() : indentation)
                .WithTrailingTrivia(i == replacements.Count - 1 ? old.GetTrailingTrivia() : default);
            created.Add(node);
        }

        nodes.RemoveAt(index);
        nodes.InsertRange(index, created);
        separators.InsertRange(index, Enumerable.Range(0, replacements.Count - 1).Select(_ => Comma(between)));
        return SyntaxFactory.SeparatedList(nodes, separators);
    }

    /// <summary>Inserts elements after the element at <paramref name="index"/>, laid out like it.</summary>
    public static SeparatedSyntaxList<T> InsertAfter<T>(SeparatedSyntaxList<T> list, int index, IReadOnlyList<T> additions, SyntaxTrivia endOfLine)
        where T : SyntaxNode
    {
        var nodes = list.ToList();
        var separators = list.GetSeparators().ToList();
        var anchor = nodes[index];
        var (between, indentation) = Layout(anchor, endOfLine);
        var created = additions.Select(a => a.WithLeadingTrivia(indentation).WithTrailingTrivia(default(SyntaxTriviaList))).ToList();

        if (index >= separators.Count)
        {
            // After the last element: what followed it (a line break before the closing token) follows the new last one.
            nodes[index] = anchor.WithTrailingTrivia(default(SyntaxTriviaList));
            created[created.Count - 1] = created[created.Count - 1].WithTrailingTrivia(anchor.GetTrailingTrivia());
            nodes.AddRange(created);
            separators.AddRange(created.Select(_ => Comma(between)));
        }
        else if (index + 1 < nodes.Count)
        {
            // Between two elements.
            nodes.InsertRange(index + 1, created);
            separators.InsertRange(index + 1, created.Select(_ => Comma(between)));
        }
        else
        {
            // After the last element of a list with a trailing comma: the trailing comma stays last.
            var trailingComma = separators[index];
            separators[index] = trailingComma.WithTrailingTrivia(between);
            nodes.AddRange(created);
            for (var i = 0; i < created.Count; i++)
            {
                separators.Add(i == created.Count - 1 ? Comma(trailingComma.TrailingTrivia) : Comma(between));
            }
        }

        return SyntaxFactory.SeparatedList(nodes, separators);
    }

    /// <summary>A new list of elements separated by ", ".</summary>
    public static SeparatedSyntaxList<T> Inline<T>(IEnumerable<T> nodes)
        where T : SyntaxNode
    {
        var list = nodes.ToList();
        return SyntaxFactory.SeparatedList(list, Enumerable.Range(0, System.Math.Max(0, list.Count - 1)).Select(_ => Comma(SyntaxFactory.TriviaList(SyntaxFactory.Space))));
    }

    private static (SyntaxTriviaList Between, SyntaxTriviaList Indentation) Layout(SyntaxNode element, SyntaxTrivia endOfLine) =>
        Trivia.StartsLine(element)
            ? (SyntaxFactory.TriviaList(endOfLine), Trivia.Indentation(element))
            : (SyntaxFactory.TriviaList(SyntaxFactory.Space), default);

    private static SyntaxTrivia EndOfLineOf(SyntaxToken separator) =>
        separator.TrailingTrivia.FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } endOfLine
            ? endOfLine
            : SyntaxFactory.LineFeed;

    private static SyntaxToken Comma(SyntaxTriviaList trailing) =>
        SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(trailing);
}

/// <summary>
/// A list with one element removed, and what the removal changes at the end of the line on which the list
/// closes: the comment to drop (it was on the removed element's line) and the comment to move there.
/// </summary>
internal readonly struct Removal<T>
    where T : SyntaxNode
{
    public Removal(SeparatedSyntaxList<T> list, SyntaxTriviaList lineEndComment, bool dropLineEndComment)
    {
        List = list;
        LineEndComment = lineEndComment;
        DropLineEndComment = dropLineEndComment;
    }

    public SeparatedSyntaxList<T> List { get; }

    /// <summary>A comment (with the spaces before it) to put at the end of the closing line.</summary>
    public SyntaxTriviaList LineEndComment { get; }

    /// <summary>Whether the comment already at the end of the closing line goes.</summary>
    public bool DropLineEndComment { get; }

    public bool ChangesLineEnd => DropLineEndComment || LineEndComment.Count > 0;
}
