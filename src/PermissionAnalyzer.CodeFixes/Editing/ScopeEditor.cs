using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PermissionAnalyzer.Engine;

namespace PermissionAnalyzer.CodeFixes.Editing;

/// <summary>
/// Applies planned <see cref="ScopeEdit"/>s: per file, one edit after the other on the current tree
/// (targets are tracked by annotation), so several edits of one attribute compose exactly as single fixes
/// applied in turn would. Nothing is reformatted: edits carry the user's trivia.
/// A file compiled in several targets is one linked document per target: the edits planned in any of them
/// are applied to the document of the first, and every linked document gets the resulting text, so the
/// targets never disagree about the file (a host applying the solution writes one text).
/// </summary>
internal static class ScopeEditor
{
    public static async Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<ScopeEdit> edits, CancellationToken cancellationToken)
    {
        foreach (var group in Distinct(edits).GroupBy(e => e.File))
        {
            var id = group.First().Document;
            var document = solution.GetDocument(id);
            if (document is null || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                continue;
            }

            solution = solution.WithDocumentSyntaxRoot(id, Apply(root, group.ToList()));
            var text = await solution.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
            foreach (var linked in document.GetLinkedDocumentIds())
            {
                solution = solution.WithDocumentText(linked, text);
            }
        }

        return solution;
    }

    /// <summary>The edits without repeats, in their order: what Fix All applies.</summary>
    public static ImmutableArray<ScopeEdit> Distinct(IEnumerable<ScopeEdit> edits)
    {
        var seen = new HashSet<(string, string, int, int, string)>();
        return edits.Where(e => seen.Add(e.Identity)).ToImmutableArray();
    }

    private static SyntaxNode Apply(SyntaxNode root, List<ScopeEdit> edits)
    {
        // Targets are found again by position in the original tree, then tracked by annotation through the edits.
        var annotations = new Dictionary<(int, int, SyntaxKind), SyntaxAnnotation>();
        var targets = new Dictionary<SyntaxNode, SyntaxAnnotation>();
        foreach (var edit in edits)
        {
            var key = KeyOf(edit.Target);
            if (!annotations.ContainsKey(key)
                && root.FullSpan.Contains(edit.Target.Span)
                && root.FindNode(edit.Target.Span, getInnermostNodeForTie: true).AncestorsAndSelf().FirstOrDefault(n => KeyOf(n) == key) is { } node)
            {
                annotations[key] = new SyntaxAnnotation("PermissionAnalyzer.Target");
                targets[node] = annotations[key];
            }
        }

        root = root.ReplaceNodes(targets.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(targets[original]));

        // A principal without a grant gets one new [GrantedScopes] for all the scopes granted to it here.
        var created = new Dictionary<SyntaxAnnotation, SyntaxAnnotation>();
        foreach (var edit in edits)
        {
            if (!annotations.TryGetValue(KeyOf(edit.Target), out var annotation))
            {
                continue;
            }

            var target = root.GetAnnotatedNodes(annotation).FirstOrDefault();
            switch (edit)
            {
                case RemoveScopeEdit remove when target is not null:
                    root = RemoveScope(root, target, remove.Attribute, remove.KeepsAttribute);
                    break;
                case ReplaceScopeEdit replace when target is not null:
                    root = replace.Scopes.IsEmpty
                        ? RemoveScope(root, target, replace.Attribute, replace.KeepsAttribute)
                        : ReplaceScope(root, target, replace.Scopes);
                    break;
                case AddToRequestEdit add when target is ExpressionSyntax list:
                    root = AppendToArray(root, list, ImmutableArray.Create(add.Scope), Trivia.EndOfLine(root));
                    break;
                case AddScopeEdit add when target is AttributeSyntax attribute:
                    root = AddScopes(root, attribute, add.Kind, ImmutableArray.Create(add.Scope));
                    break;
                case AddGrantAttributeEdit grant:
                    if (created.TryGetValue(annotation, out var grantAnnotation)
                        && root.GetAnnotatedNodes(grantAnnotation).FirstOrDefault() is AttributeSyntax grantAttribute)
                    {
                        root = AddScopes(root, grantAttribute, ScopeAttributeKind.GrantedScopes, ImmutableArray.Create(grant.Scope));
                    }
                    else if (target is AttributeSyntax anchor)
                    {
                        grantAnnotation = new SyntaxAnnotation("PermissionAnalyzer.NewGrant");
                        created[annotation] = grantAnnotation;
                        root = CreateGrant(root, anchor, grant.Scope, grantAnnotation);
                    }

                    break;
            }
        }

        return root;
    }

    private static (int, int, SyntaxKind) KeyOf(SyntaxNode node) => (node.SpanStart, node.Span.Length, node.Kind());

    // ---- Removing ------------------------------------------------------------------------------------

    private static SyntaxNode RemoveScope(SyntaxNode root, SyntaxNode element, ScopeAttributeKind kind, bool keepAttribute)
    {
        switch (element.Parent)
        {
            case AttributeArgumentSyntax { Parent: AttributeArgumentListSyntax { Parent: AttributeSyntax attribute } argumentList } argument:
            {
                if (kind == ScopeAttributeKind.GrantedScopes && keepAttribute && argumentList.Arguments.Count == 1)
                {
                    // The principal's first grant stays, granting nothing: `[GrantedScopes]`.
                    return root.ReplaceNode(attribute, attribute.WithArgumentList(null).WithTrailingTrivia(argumentList.GetTrailingTrivia()));
                }

                var remainingPositional = argumentList.Arguments.Count(a => a != argument && a.NameEquals is null);
                if (argumentList.Arguments.Count == 1 || (kind == ScopeAttributeKind.GrantedScopes && !keepAttribute && remainingPositional == 0))
                {
                    // Another grant of the principal remains: an emptied one goes.
                    return RemoveAttribute(root, attribute);
                }

                var removal = ListEdits.RemoveAt(argumentList.Arguments, argumentList.Arguments.IndexOf(argument));
                return WithRemoval(root, argumentList, argumentList.WithArguments(removal.List), removal, l => l.CloseParenToken);
            }

            case InitializerExpressionSyntax initializer:
            {
                if (initializer.Expressions.Count == 1)
                {
                    // An attribute's array goes with its last scope; a grant request's list (kind None) keeps it: an
                    // empty list would ask for everything the app is registered for.
                    return kind != ScopeAttributeKind.None && initializer.Parent is ExpressionSyntax array ? RemoveScope(root, array, kind, keepAttribute) : root;
                }

                var removal = ListEdits.RemoveAt(initializer.Expressions, initializer.Expressions.IndexOf((ExpressionSyntax)element));
                return WithRemoval(root, initializer, initializer.WithExpressions(removal.List), removal, i => i.CloseBraceToken);
            }

            case ExpressionElementSyntax { Parent: CollectionExpressionSyntax collection } collectionElement:
            {
                if (collection.Elements.Count == 1)
                {
                    return kind != ScopeAttributeKind.None ? RemoveScope(root, collection, kind, keepAttribute) : root;
                }

                var removal = ListEdits.RemoveAt(collection.Elements, collection.Elements.IndexOf(collectionElement));
                return WithRemoval(root, collection, collection.WithElements(removal.List), removal, c => c.CloseBracketToken);
            }

            default:
                return root;
        }
    }

    /// <summary>Puts the list with an element removed in place, then edits the end of the line it closes on.</summary>
    private static SyntaxNode WithRemoval<TList, TElement>(SyntaxNode root, TList oldList, TList newList, Removal<TElement> removal, System.Func<TList, SyntaxToken> closingToken)
        where TList : SyntaxNode
        where TElement : SyntaxNode
    {
        if (!removal.ChangesLineEnd)
        {
            return root.ReplaceNode(oldList, newList);
        }

        var annotation = new SyntaxAnnotation();
        root = root.ReplaceNode(oldList, newList.WithAdditionalAnnotations(annotation));
        var closing = closingToken((TList)root.GetAnnotatedNodes(annotation).Single());
        return Trivia.EditLineEnd(root, closing, removal.DropLineEndComment, removal.LineEndComment);
    }

    private static SyntaxNode RemoveAttribute(SyntaxNode root, AttributeSyntax attribute)
    {
        if (attribute.Parent is not AttributeListSyntax list)
        {
            return root;
        }

        if (list.Attributes.Count > 1)
        {
            var removal = ListEdits.RemoveAt(list.Attributes, list.Attributes.IndexOf(attribute));
            return WithRemoval(root, list, list.WithAttributes(removal.List), removal, l => l.CloseBracketToken);
        }

        // The list goes with its line; the lines above it (doc comment, comments, directives) stay, on the next token.
        var next = list.GetLastToken(includeZeroWidth: true).GetNextToken(includeZeroWidth: true);
        var leading = list.GetLeadingTrivia();
        var detached = Trivia.Detached(leading);
        var listStartsLine = Trivia.StartsLine(list);
        var nextStartsLine = Trivia.HasLineBreak(list.GetTrailingTrivia()) || Trivia.HasLineBreak(next.LeadingTrivia);

        SyntaxTriviaList nextLeading;
        if (!nextStartsLine)
        {
            nextLeading = leading.AddRange(next.LeadingTrivia);
        }
        else if (!Trivia.HasComment(detached) && Trivia.StartsWithBlankLine(next.LeadingTrivia))
        {
            // Blank lines on both sides: keep one.
            nextLeading = next.LeadingTrivia;
        }
        else
        {
            nextLeading = detached.AddRange(next.LeadingTrivia);
        }

        var listAnnotation = new SyntaxAnnotation();
        root = root.ReplaceNode(list, list.WithAdditionalAnnotations(listAnnotation));
        next = root.GetAnnotatedNodes(listAnnotation).Single().GetLastToken(includeZeroWidth: true).GetNextToken(includeZeroWidth: true);
        var previous = root.GetAnnotatedNodes(listAnnotation).Single().GetFirstToken(includeZeroWidth: true).GetPreviousToken(includeZeroWidth: true);
        var trimPrevious = !listStartsLine && nextStartsLine && !previous.IsKind(SyntaxKind.None);

        root = root.ReplaceTokens(
            trimPrevious ? new[] { previous, next } : new[] { next },
            (original, _) => original == next
                ? next.WithLeadingTrivia(nextLeading)
                : previous.WithTrailingTrivia(TrimEnd(previous.TrailingTrivia)));

        var current = root.GetAnnotatedNodes(listAnnotation).Single();
        return root.RemoveNode(current, SyntaxRemoveOptions.KeepNoTrivia)!;
    }

    private static SyntaxTriviaList TrimEnd(SyntaxTriviaList trivia)
    {
        var count = trivia.Count;
        while (count > 0 && trivia[count - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            count--;
        }

        return SyntaxFactory.TriviaList(trivia.Take(count));
    }

    // ---- Replacing -----------------------------------------------------------------------------------

    private static SyntaxNode ReplaceScope(SyntaxNode root, SyntaxNode element, ImmutableArray<string> scopes)
    {
        var endOfLine = Trivia.EndOfLine(root);
        switch (element.Parent)
        {
            case AttributeArgumentSyntax { Parent: AttributeArgumentListSyntax argumentList } argument:
                if (scopes.Length == 1)
                {
                    return root.ReplaceNode(element, Literal(scopes[0]).WithTriviaFrom(element));
                }

                if (argument.NameColon is not null)
                {
                    // `scopes: "a:*"` takes one value: several become an explicit array.
                    return root.ReplaceNode(element, NewArray(scopes).WithTriviaFrom(element));
                }

                var arguments = ListEdits.ReplaceAt(
                    argumentList.Arguments,
                    argumentList.Arguments.IndexOf(argument),
                    scopes.Select(s => SyntaxFactory.AttributeArgument(Literal(s))).ToList(),
                    endOfLine);
                return root.ReplaceNode(argumentList, argumentList.WithArguments(arguments));

            case InitializerExpressionSyntax initializer:
                return root.ReplaceNode(initializer, initializer.WithExpressions(ListEdits.ReplaceAt(
                    initializer.Expressions,
                    initializer.Expressions.IndexOf((ExpressionSyntax)element),
                    scopes.Select(s => (ExpressionSyntax)Literal(s)).ToList(),
                    endOfLine)));

            case ExpressionElementSyntax { Parent: CollectionExpressionSyntax collection } collectionElement:
                return root.ReplaceNode(collection, collection.WithElements(ListEdits.ReplaceAt(
                    collection.Elements,
                    collection.Elements.IndexOf(collectionElement),
                    scopes.Select(s => (CollectionElementSyntax)SyntaxFactory.ExpressionElement(Literal(s))).ToList(),
                    endOfLine)));

            default:
                return root;
        }
    }

    // ---- Adding --------------------------------------------------------------------------------------

    /// <summary>
    /// Appends scopes to an attribute's scope arguments: into its explicit array if it passes one, else as
    /// new arguments after the last positional one, laid out like the arguments before them.
    /// </summary>
    private static SyntaxNode AddScopes(SyntaxNode root, AttributeSyntax attribute, ScopeAttributeKind kind, ImmutableArray<string> scopes)
    {
        var endOfLine = Trivia.EndOfLine(root);
        var newArguments = scopes.Select(s => SyntaxFactory.AttributeArgument(Literal(s))).ToList();
        if (attribute.ArgumentList is not { Arguments.Count: > 0 } argumentList)
        {
            var list = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
            return root.ReplaceNode(attribute, attribute.WithArgumentList(list.WithArguments(ListEdits.Inline(newArguments))));
        }

        var arguments = argumentList.Arguments;
        var featureIndex = kind == ScopeAttributeKind.FeatureNeeds ? FeatureArgumentIndex(arguments) : -1;
        var scopeArguments = arguments.Where((a, i) => a.NameEquals is null && i != featureIndex).ToList();

        if (scopeArguments.LastOrDefault(a => IsArray(a.Expression)) is { } arrayArgument)
        {
            return AppendToArray(root, arrayArgument.Expression, scopes, endOfLine);
        }

        if (scopeArguments.FirstOrDefault(a => a.NameColon is not null) is { } named)
        {
            // `scopes: "a"` takes one value: it becomes an explicit array.
            var elements = new[] { named.Expression.WithoutTrivia() }.Concat(scopes.Select(Literal));
            return root.ReplaceNode(named.Expression, NewArray(elements).WithTriviaFrom(named.Expression));
        }

        var lastPositional = -1;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].NameEquals is null)
            {
                lastPositional = i;
            }
        }

        if (lastPositional < 0)
        {
            var all = newArguments.Concat(arguments).ToList();
            return root.ReplaceNode(argumentList, argumentList.WithArguments(ListEdits.Inline(all)));
        }

        return root.ReplaceNode(argumentList, argumentList.WithArguments(ListEdits.InsertAfter(arguments, lastPositional, newArguments, endOfLine)));
    }

    private static SyntaxNode AppendToArray(SyntaxNode root, ExpressionSyntax array, ImmutableArray<string> scopes, SyntaxTrivia endOfLine)
    {
        switch (array)
        {
            case CollectionExpressionSyntax collection:
            {
                var added = scopes.Select(s => (CollectionElementSyntax)SyntaxFactory.ExpressionElement(Literal(s))).ToList();
                var elements = collection.Elements.Count == 0
                    ? ListEdits.Inline(added)
                    : ListEdits.InsertAfter(collection.Elements, collection.Elements.Count - 1, added, endOfLine);
                return root.ReplaceNode(collection, collection.WithElements(elements));
            }

            default:
            {
                var initializer = InitializerOf(array)!;
                var added = scopes.Select(s => (ExpressionSyntax)Literal(s)).ToList();
                var expressions = initializer.Expressions.Count == 0
                    ? ListEdits.Inline(added)
                    : ListEdits.InsertAfter(initializer.Expressions, initializer.Expressions.Count - 1, added, endOfLine);
                return root.ReplaceNode(initializer, initializer.WithExpressions(expressions));
            }
        }
    }

    private static bool IsArray(ExpressionSyntax expression) =>
        expression is CollectionExpressionSyntax || InitializerOf(expression) is not null;

    private static InitializerExpressionSyntax? InitializerOf(ExpressionSyntax expression) => expression switch
    {
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer,
        ImplicitArrayCreationExpressionSyntax { Initializer: var initializer } => initializer,
        ObjectCreationExpressionSyntax { Initializer: { } initializer } => initializer,
        InitializerExpressionSyntax initializer => initializer,
        _ => null,
    };

    private static int FeatureArgumentIndex(SeparatedSyntaxList<AttributeArgumentSyntax> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].NameColon?.Name.Identifier.ValueText == "feature")
            {
                return i;
            }
        }

        return arguments.Count > 0 && arguments[0].NameColon is null && arguments[0].NameEquals is null ? 0 : -1;
    }

    /// <summary>A new <c>[GrantedScopes("x")]</c> list right before the anchor's list, on its own line if the anchor's is.</summary>
    private static SyntaxNode CreateGrant(SyntaxNode root, AttributeSyntax anchor, string scope, SyntaxAnnotation annotation)
    {
        if (anchor.Parent is not AttributeListSyntax anchorList)
        {
            return root;
        }

        var startsLine = Trivia.StartsLine(anchorList);
        var attribute = SyntaxFactory.Attribute(
                GrantedScopesName(anchor.Name),
                SyntaxFactory.AttributeArgumentList(ListEdits.Inline(new[] { SyntaxFactory.AttributeArgument(Literal(scope)) })))
            .WithAdditionalAnnotations(annotation);
        var list = SyntaxFactory.AttributeList(anchorList.Target, SyntaxFactory.SingletonSeparatedList(attribute))
            .WithLeadingTrivia(anchorList.GetLeadingTrivia())
            .WithTrailingTrivia(startsLine ? SyntaxFactory.TriviaList(Trivia.EndOfLine(root)) : SyntaxFactory.TriviaList(SyntaxFactory.Space));

        var anchorAnnotation = new SyntaxAnnotation();
        var indentation = Trivia.Indentation(anchorList);
        root = root.ReplaceNode(anchorList, anchorList.WithLeadingTrivia(indentation).WithAdditionalAnnotations(anchorAnnotation));
        return root.InsertNodesBefore(root.GetAnnotatedNodes(anchorAnnotation).Single(), new[] { list });
    }

    /// <summary><c>GrantedScopes</c> written as the anchor's <c>FeatureNeeds</c> is (qualified, aliased, with or without the suffix).</summary>
    private static NameSyntax GrantedScopesName(NameSyntax featureNeeds)
    {
        var identifier = featureNeeds switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier,
            SimpleNameSyntax simple => simple.Identifier,
            _ => default,
        };

        if (identifier.ValueText.StartsWith("FeatureNeeds", System.StringComparison.Ordinal))
        {
            var text = "GrantedScopes" + identifier.ValueText.Substring("FeatureNeeds".Length);
            return featureNeeds.ReplaceToken(identifier, SyntaxFactory.Identifier(text).WithTriviaFrom(identifier)).WithoutTrivia();
        }

        return SyntaxFactory.ParseName("global::PermissionAnalyzer.GrantedScopes");
    }

    // ---- Building ------------------------------------------------------------------------------------

    private static LiteralExpressionSyntax Literal(string scope) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(scope));

    private static ExpressionSyntax NewArray(IEnumerable<string> scopes) => NewArray(scopes.Select(Literal));

    private static ExpressionSyntax NewArray(IEnumerable<ExpressionSyntax> elements) =>
        SyntaxFactory.ImplicitArrayCreationExpression(
            SyntaxFactory.Token(SyntaxKind.NewKeyword),
            SyntaxFactory.Token(SyntaxKind.OpenBracketToken),
            default,
            SyntaxFactory.Token(SyntaxKind.CloseBracketToken).WithTrailingTrivia(SyntaxFactory.Space),
            SyntaxFactory.InitializerExpression(
                SyntaxKind.ArrayInitializerExpression,
                SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(SyntaxFactory.Space),
                ListEdits.Inline(elements),
                SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Space)));
}
