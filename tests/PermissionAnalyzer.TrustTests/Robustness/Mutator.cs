using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PermissionAnalyzer.TrustTests.Robustness;

/// <summary>
/// Damages a source the way an editor does mid-typing: tokens deleted, duplicated or swapped, the text cut
/// off, stray attributes with null or empty arguments, string arguments replaced. Token edits leave the
/// <c>using</c> directives and attribute lists alone, so the annotations survive and the analyzer has work.
/// </summary>
public static class Mutator
{
    public static readonly string[] StrayAttributes =
    {
        "[GrantedScopes(null)]", "[RequiresScope(\"\")]", "[FeatureNeeds()]", "[FeatureNeeds(null)]", "[FeatureNeeds(\"\", null)]",
        "[GrantedScopes(new string[] { null })]", "[RequiresScope(null, \" \")]", "[FeatureNeeds(\"f\", \"*\")]", "[GrantedScopes(\"*\")]",
        "[RequiresScope(nameof(System.String))]", "[RequiresScope(1)]", "[GrantedScopes(Missing.Name)]", "[GrantedScopes(\"a\", null, \"\")]",
        "[assembly: GrantedScopes(null)]", "[assembly: FeatureNeeds()]", "[RequiresScope]", "[GrantedScopes(new[] { \"x\", 1 })]",
        "[FeatureNeeds(feature: null, scopes: null)]", "[GrantedScopes(scopes: \"msg:delete\")]", "[RequiresScope(\"msg:read\")]",
    };

    private static readonly string[] Replacements =
    {
        "null", "\"\"", "\" \"", "\"*\"", "string.Empty", "1", "nameof(System.String)", "\"a\" + \"b\"", "$\"a{1}\"", "default", "(string)null",
        "new string[0]", "\"msg:delete\"",
    };

    public static readonly string[] Kinds = { "delete token", "duplicate token", "swap tokens", "truncate", "stray attribute", "replace string", "delete line" };

    public static (string Kind, string Source) Mutate(string source, Random random)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var tokens = root.DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToList();
        var free = tokens.Where(t => !Protected(t)).ToList();
        var kind = Kinds[random.Next(Kinds.Length)];
        if (free.Count < 2 || source.Length < 2)
        {
            kind = "truncate";
        }

        switch (kind)
        {
            case "delete token":
            {
                var token = free[random.Next(free.Count)];
                return (kind, source.Remove(token.SpanStart, token.Span.Length));
            }

            case "duplicate token":
            {
                var token = free[random.Next(free.Count)];
                return (kind, source.Insert(token.Span.End, " " + token.Text));
            }

            case "swap tokens":
            {
                var first = free[random.Next(free.Count - 1)];
                var index = tokens.IndexOf(first);
                var second = tokens[Math.Min(index + 1, tokens.Count - 1)];
                if (second.SpanStart <= first.SpanStart)
                {
                    return (kind, source);
                }

                var between = source[first.Span.End..second.SpanStart];
                return (kind, source[..first.SpanStart] + second.Text + between + first.Text + source[second.Span.End..]);
            }

            case "stray attribute":
            {
                var attribute = StrayAttributes[random.Next(StrayAttributes.Length)];
                var declarations = root.DescendantNodes().OfType<MemberDeclarationSyntax>().Where(d => d is not NamespaceDeclarationSyntax and not FileScopedNamespaceDeclarationSyntax).ToList();
                var position = declarations.Count > 0 && random.Next(4) != 0
                    ? declarations[random.Next(declarations.Count)].SpanStart
                    : tokens[random.Next(tokens.Count)].SpanStart;
                return (kind, source.Insert(position, attribute + " "));
            }

            case "replace string":
            {
                var strings = tokens.Where(t => t.IsKind(SyntaxKind.StringLiteralToken)).ToList();
                if (strings.Count == 0)
                {
                    return ("truncate", source[..random.Next(1, source.Length)]);
                }

                var token = strings[random.Next(strings.Count)];
                return (kind, source.Remove(token.SpanStart, token.Span.Length).Insert(token.SpanStart, Replacements[random.Next(Replacements.Length)]));
            }

            case "delete line":
            {
                var lines = source.Split('\n').ToList();
                var line = random.Next(lines.Count);
                if (lines[line].Contains("using PermissionAnalyzer", StringComparison.Ordinal))
                {
                    return (kind, source);
                }

                lines.RemoveAt(line);
                return (kind, string.Join('\n', lines));
            }

            default:
                return ("truncate", source[..random.Next(1, source.Length)]);
        }
    }

    private static bool Protected(SyntaxToken token) =>
        token.Parent?.AncestorsAndSelf().Any(n => n is UsingDirectiveSyntax or AttributeListSyntax) == true;
}
