using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PermissionAnalyzer.CodeFixes.Editing;

namespace PermissionAnalyzer.CodeFixes.Declaring;

/// <summary>
/// Writes planned <see cref="RequirementDeclaration"/>s: one edit per member, whatever the number of scopes.
/// Single scopes are appended to the member's own <c>[RequiresScope]</c> when it passes only literals, else they
/// go into one new <c>[RequiresScope(...)]</c> list above the member, below its doc comment and attributes.
/// Nothing is reformatted: the new list copies the member's indentation and the document's end of line.
/// </summary>
internal static class RequirementEditor
{
    public const string RequiresScopeName = "RequiresScope";
    public const string RequiresAnyScopeName = "RequiresAnyScope";
    private const string Namespace = "PermissionAnalyzer";

    public static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<RequirementDeclaration> declarations, CancellationToken cancellationToken)
    {
        foreach (var group in declarations.GroupBy(d => d.Document))
        {
            var document = solution.GetDocument(group.Key);
            if (document is null || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                continue;
            }

            solution = solution.WithDocumentSyntaxRoot(group.Key, Apply(root, group.ToList()));
        }

        return solution;
    }

    private static SyntaxNode Apply(SyntaxNode root, List<RequirementDeclaration> declarations)
    {
        // Per member, in first-seen order: the terms to declare, without repeats.
        var members = new List<(MemberDeclarationSyntax Member, List<ImmutableArray<string>> Terms)>();
        var byMember = new Dictionary<MemberDeclarationSyntax, List<ImmutableArray<string>>>();
        foreach (var declaration in declarations)
        {
            if (FindMember(root, declaration) is not { } member)
            {
                continue;
            }

            if (!byMember.TryGetValue(member, out var terms))
            {
                byMember[member] = terms = new List<ImmutableArray<string>>();
                members.Add((member, terms));
            }

            if (!terms.Any(t => t.SequenceEqual(declaration.Alternatives, StringComparer.Ordinal)))
            {
                terms.Add(declaration.Alternatives);
            }
        }

        if (members.Count == 0)
        {
            return root;
        }

        var endOfLine = Trivia.EndOfLine(root);
        root = root.ReplaceNodes(members.Select(m => m.Member), (original, _) => Declare(original, byMember[original], endOfLine));

        return declarations.Any(d => d.NeedsImport) && !HasImport(root) ? AddImport(root, endOfLine) : root;
    }

    private static MemberDeclarationSyntax? FindMember(SyntaxNode root, RequirementDeclaration declaration) =>
        root.FullSpan.Contains(declaration.Member)
            ? root.FindNode(declaration.Member, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault(m => m.Span == declaration.Member)
            : null;

    /// <summary>
    /// The member with the terms declared, in the order given (Fix All gives them in diagnostic order, as single
    /// fixes applied in turn would append them).
    /// </summary>
    private static MemberDeclarationSyntax Declare(MemberDeclarationSyntax member, List<ImmutableArray<string>> terms, SyntaxTrivia endOfLine)
    {
        var scopes = terms.Where(t => t.Length == 1).Select(t => t[0]).ToList();
        var attributes = new List<AttributeSyntax>();

        if (scopes.Count > 0)
        {
            if (AppendableRequirement(member) is { } existing)
            {
                member = member.ReplaceNode(existing, Append(existing, scopes, endOfLine));
            }
            else
            {
                attributes.Add(NewAttribute(RequiresScopeName, scopes));
            }
        }

        attributes.AddRange(terms.Where(t => t.Length > 1).Select(t => NewAttribute(RequiresAnyScopeName, t)));
        foreach (var attribute in attributes)
        {
            member = AddAttributeList(member, attribute, endOfLine);
        }

        return member;
    }

    /// <summary>The member's own <c>[RequiresScope]</c> whose arguments are all positional string literals (or none).</summary>
    private static AttributeSyntax? AppendableRequirement(MemberDeclarationSyntax member)
    {
        foreach (var list in member.AttributeLists)
        {
            if (list.Target is not null && !list.Target.Identifier.IsKind(SyntaxKind.MethodKeyword) && !list.Target.Identifier.IsKind(SyntaxKind.PropertyKeyword) && !list.Target.Identifier.IsKind(SyntaxKind.EventKeyword))
            {
                continue;
            }

            foreach (var attribute in list.Attributes)
            {
                if (IsRequiresScope(attribute.Name)
                    && (attribute.ArgumentList is null
                        || attribute.ArgumentList.Arguments.All(a => a.NameEquals is null && a.NameColon is null && a.Expression.IsKind(SyntaxKind.StringLiteralExpression))))
                {
                    return attribute;
                }
            }
        }

        return null;
    }

    private static bool IsRequiresScope(NameSyntax name)
    {
        var identifier = name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => string.Empty,
        };

        return identifier is RequiresScopeName or RequiresScopeName + "Attribute";
    }

    private static AttributeSyntax Append(AttributeSyntax attribute, List<string> scopes, SyntaxTrivia endOfLine)
    {
        var added = scopes.Select(s => SyntaxFactory.AttributeArgument(Literal(s))).ToList();
        if (attribute.ArgumentList is not { Arguments.Count: > 0 } argumentList)
        {
            var list = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
            return attribute.WithArgumentList(list.WithArguments(ListEdits.Inline(added)));
        }

        return attribute.WithArgumentList(argumentList.WithArguments(
            ListEdits.InsertAfter(argumentList.Arguments, argumentList.Arguments.Count - 1, added, endOfLine)));
    }

    private static AttributeSyntax NewAttribute(string name, IEnumerable<string> scopes) =>
        SyntaxFactory.Attribute(
            SyntaxFactory.IdentifierName(name),
            SyntaxFactory.AttributeArgumentList(ListEdits.Inline(scopes.Select(s => SyntaxFactory.AttributeArgument(Literal(s))))));

    /// <summary>
    /// A new attribute list after the member's last one, or above the member below its doc comment: on its own
    /// line at the member's indentation when the member (or its last list) starts a line, else inline.
    /// </summary>
    private static MemberDeclarationSyntax AddAttributeList(MemberDeclarationSyntax member, AttributeSyntax attribute, SyntaxTrivia endOfLine)
    {
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute));
        if (member.AttributeLists.Count > 0)
        {
            var last = member.AttributeLists[member.AttributeLists.Count - 1];
            var lastEndsLine = Trivia.HasLineBreak(last.GetTrailingTrivia());
            list = lastEndsLine
                ? list.WithLeadingTrivia(IndentationOf(member.GetLeadingTrivia())).WithTrailingTrivia(endOfLine)
                : list.WithTrailingTrivia(SyntaxFactory.Space);
            return member.WithAttributeLists(member.AttributeLists.Add(list));
        }

        var leading = member.GetLeadingTrivia();
        var startsLine = Trivia.StartsLine(member);
        var indentation = IndentationOf(leading);
        list = startsLine
            ? list.WithLeadingTrivia(leading).WithTrailingTrivia(endOfLine)
            : list.WithLeadingTrivia(leading).WithTrailingTrivia(SyntaxFactory.Space);
        return member.WithLeadingTrivia(startsLine ? indentation : default).WithAttributeLists(SyntaxFactory.SingletonList(list));
    }

    /// <summary>The whitespace after the last line break of a leading trivia list: the indentation of the line it ends on.</summary>
    private static SyntaxTriviaList IndentationOf(SyntaxTriviaList leading)
    {
        var start = leading.Count;
        while (start > 0 && leading[start - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            start--;
        }

        return SyntaxFactory.TriviaList(leading.Skip(start));
    }

    // ---- using PermissionAnalyzer; ----------------------------------------------------------------

    private static bool HasImport(SyntaxNode root) =>
        root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<UsingDirectiveSyntax>()
            .Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == Namespace);

    /// <summary>
    /// <c>using PermissionAnalyzer;</c> where the file keeps its usings (the compilation unit, else the first
    /// namespace that has some), after the <c>System</c> ones and in order among the others; at the top if it has none.
    /// </summary>
    private static SyntaxNode AddImport(SyntaxNode root, SyntaxTrivia endOfLine)
    {
        if (root is not CompilationUnitSyntax unit)
        {
            return root;
        }

        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.IdentifierName(Namespace))
            .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
            .WithTrailingTrivia(endOfLine);

        if (unit.Usings.Count > 0)
        {
            return unit.WithUsings(Insert(unit.Usings, directive));
        }

        if (unit.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault(n => n.Usings.Count > 0) is { } ns)
        {
            var indentation = IndentationOf(ns.Usings[0].GetLeadingTrivia());
            return unit.ReplaceNode(ns, ns.WithUsings(Insert(ns.Usings, directive.WithLeadingTrivia(indentation))));
        }

        // No usings anywhere: the directive opens the file, a blank line before what was there.
        var first = unit.GetFirstToken(includeZeroWidth: true);
        unit = unit.ReplaceToken(first, first.WithLeadingTrivia(first.LeadingTrivia.Insert(0, endOfLine)));
        return unit.WithUsings(SyntaxFactory.SingletonList(directive));
    }

    private static SyntaxList<UsingDirectiveSyntax> Insert(SyntaxList<UsingDirectiveSyntax> usings, UsingDirectiveSyntax directive)
    {
        var index = usings.Count;
        for (var i = 0; i < usings.Count; i++)
        {
            var name = usings[i].Name?.ToString() ?? string.Empty;
            var isSystem = name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
            if (usings[i].Alias is null && usings[i].StaticKeyword.IsKind(SyntaxKind.None) && usings[i].GlobalKeyword.IsKind(SyntaxKind.None)
                && !isSystem && string.Compare(name, Namespace, StringComparison.OrdinalIgnoreCase) > 0)
            {
                index = i;
                break;
            }

            if (usings[i].Alias is not null || !usings[i].StaticKeyword.IsKind(SyntaxKind.None))
            {
                // Static and alias directives come after the namespace ones.
                index = i;
                break;
            }
        }

        if (index == 0)
        {
            // The first directive carries the file's header: the new one takes it over.
            var first = usings[0];
            var indentation = IndentationOf(first.GetLeadingTrivia());
            return usings.Replace(first, first.WithLeadingTrivia(indentation)).Insert(0, directive.WithLeadingTrivia(first.GetLeadingTrivia()));
        }

        var previous = usings[index - 1];
        return usings.Insert(index, directive.WithLeadingTrivia(IndentationOf(previous.GetLeadingTrivia())));
    }

    private static LiteralExpressionSyntax Literal(string scope) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(scope));
}
