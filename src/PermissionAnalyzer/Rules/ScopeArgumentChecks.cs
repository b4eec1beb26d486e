using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PermissionAnalyzer.Engine;

namespace PermissionAnalyzer.Rules;

/// <summary>
/// PA0008 on declarations that are not principals': the scope arguments of <c>[RequiresScope]</c> and
/// <c>[RequiresAnyScope]</c>, and of the catalog's <c>[ScopeImplies]</c> and <c>[DestructiveScope]</c>; and the
/// words of every PA0008 reason. The engine reads the arguments and says why one is invalid; the text is the rule's.
/// </summary>
internal static class ScopeArgumentChecks
{
    /// <summary>
    /// Validates the scope arguments of a <c>[RequiresScope]</c> or <c>[RequiresAnyScope]</c> written in source,
    /// or, with <paramref name="catalog"/>, of a <c>[ScopeImplies]</c> or <c>[DestructiveScope]</c> (PA0008 only).
    /// </summary>
    public static ImmutableArray<InvalidArgument> ValidateRequirements(ScopeIndex index, ImmutableArray<AttributeData> attributes, System.Threading.CancellationToken cancellationToken, bool catalog = false)
    {
        ImmutableArray<InvalidArgument>.Builder? invalid = null;
        foreach (var attribute in attributes)
        {
            var kind = AttributeNames.Classify(attribute);
            if (!(catalog
                    ? kind is ScopeAttributeKind.ScopeImplies or ScopeAttributeKind.DestructiveScope
                    : kind is ScopeAttributeKind.RequiresScope or ScopeAttributeKind.RequiresAnyScope)
                || attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax { ArgumentList: { } argumentList } syntax)
            {
                continue;
            }

            invalid ??= ImmutableArray.CreateBuilder<InvalidArgument>();
            var reader = new PrincipalDeclaration.ArgumentReader(index.GetSemanticModel(syntax.SyntaxTree), kind, invalid, cancellationToken);
            var positional = 0;
            foreach (var argument in argumentList.Arguments)
            {
                positional += argument.NameEquals is null ? 1 : 0;
            }

            foreach (var argument in argumentList.Arguments)
            {
                if (argument.NameEquals is null)
                {
                    foreach (var _ in reader.Read(argument.Expression, isOnlyArgument: positional == 1))
                    {
                    }
                }
            }
        }

        return invalid?.ToImmutable() ?? ImmutableArray<InvalidArgument>.Empty;
    }

    /// <summary>The reason as PA0008's second message argument words it.</summary>
    public static string Text(InvalidScopeReason reason) => reason switch
    {
        InvalidScopeReason.Null => Descriptors.InvalidReasons.Null,
        InvalidScopeReason.Empty => Descriptors.InvalidReasons.Empty,
        InvalidScopeReason.NotConstant => Descriptors.InvalidReasons.NotConstant,
        InvalidScopeReason.WildcardNeed => Descriptors.InvalidReasons.WildcardNeed,
        _ => Descriptors.InvalidReasons.WildcardInCatalog,
    };

    /// <summary>The PA0008 diagnostic of an invalid argument.</summary>
    public static Diagnostic Report(DiagnosticDescriptor descriptor, InvalidArgument invalid) =>
        Diagnostic.Create(descriptor, invalid.Syntax.GetLocation(), AttributeNames.ShortName(invalid.Attribute), Text(invalid.Reason));
}
