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
    public static SeparatedSyntaxList<T> RemoveAt<T>(SeparatedSyntaxList<T> list, int index)
        where T : SyntaxNode
    {
        var nodes = list.ToList();
        var separators = list.GetSeparators().ToList();
        var removed = nodes[index];

        if (index < separators.Count)
        {
            // The element and the comma after it go; the next element takes its place on the line.
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
        }
        else
        {
            // The last element and the comma before it go; what followed the element (a line break before
            // the closing token) now follows the previous one. Comments on the way are kept.
            var previous = nodes[index - 1];
            var separator = separators[index - 1];
            var trailing = previous.GetTrailingTrivia();
            var detached = Trivia.Detached(removed.GetLeadingTrivia());
            if (Trivia.HasComment(separator.TrailingTrivia) || Trivia.HasComment(detached))
            {
                trailing = trailing.AddRange(separator.TrailingTrivia).AddRange(detached);
                if (removed.GetTrailingTrivia().Count == 0)
                {
                    trailing = trailing.AddRange(Trivia.Indentation(removed));
                }
            }

            nodes[index - 1] = previous.WithTrailingTrivia(trailing.AddRange(removed.GetTrailingTrivia()));
            nodes.RemoveAt(index);
            separators.RemoveAt(index - 1);
        }

        return SyntaxFactory.SeparatedList(nodes, separators);
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

    private static SyntaxToken Comma(SyntaxTriviaList trailing) =>
        SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(trailing);
}
