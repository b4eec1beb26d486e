using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PermissionAnalyzer.Engine;

/// <summary>How members and chains are named in messages: <c>Helper.Fetch → MessagesApi.ReadThread</c>.</summary>
internal static class SymbolNames
{
    /// <summary>Chains longer than this show their first and last halves around a count of the hops left out.</summary>
    internal const int MaxShownHops = 10;

    public static string Member(ISymbol symbol)
    {
        if (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction, ContainingSymbol: { } enclosing })
        {
            return Member(enclosing) + " (lambda)";
        }

        var member = symbol is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : symbol;
        var type = member.ContainingType;
        if (member is IMethodSymbol { Name: WellKnownMemberNames.TopLevelStatementsEntryPointMethodName })
        {
            return "top-level statements";
        }

        var name = member switch
        {
            IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } => type?.Name ?? member.Name,
            IMethodSymbol { MethodKind: MethodKind.Destructor } => "~" + (type?.Name ?? member.Name),
            IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator } op => "operator " + SyntaxFacts.GetText(SyntaxFacts.GetOperatorKind(op.MetadataName)),
            IMethodSymbol { MethodKind: MethodKind.Conversion } conversion =>
                (conversion.Name == WellKnownMemberNames.ImplicitConversionName ? "implicit" : "explicit") + " operator " + conversion.ReturnType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
            IPropertySymbol { IsIndexer: true } => "this[]",
            IMethodSymbol { ExplicitInterfaceImplementations: { Length: > 0 } implemented } => implemented[0].Name,
            IPropertySymbol { ExplicitInterfaceImplementations: { Length: > 0 } implemented } => implemented[0].Name,
            IEventSymbol { ExplicitInterfaceImplementations: { Length: > 0 } implemented } => implemented[0].Name,
            _ => member.Name,
        };

        return type is null ? name : type.Name + "." + name;
    }

    public static string Chain(IReadOnlyList<ISymbol> chain, bool endsInDynamicCall)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < chain.Count; i++)
        {
            if (chain.Count > MaxShownHops && i == MaxShownHops / 2)
            {
                var skipped = chain.Count - MaxShownHops;
                builder.Append(" → … ").Append(skipped).Append(" more …");
                i += skipped - 1;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(" → ");
            }

            builder.Append(Member(chain[i]));
        }

        if (endsInDynamicCall)
        {
            builder.Append(builder.Length > 0 ? " → a dynamic call" : "a dynamic call");
        }

        return builder.ToString();
    }
}
