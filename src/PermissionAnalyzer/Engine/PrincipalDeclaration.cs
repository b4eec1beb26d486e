using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PermissionAnalyzer.Engine;

/// <summary>A valid scope argument of an attribute, with the syntax it was written as.</summary>
internal readonly struct ScopeArgument
{
    public ScopeArgument(string scope, SyntaxNode syntax, string? feature)
    {
        Scope = scope;
        Syntax = syntax;
        Feature = feature;
    }

    public string Scope { get; }

    public SyntaxNode Syntax { get; }

    /// <summary>The feature of a <c>FeatureNeeds</c> argument; null for grants.</summary>
    public string? Feature { get; }
}

/// <summary>Why an attribute argument is not a valid scope; the rules word it (PA0008).</summary>
internal enum InvalidScopeReason
{
    Null,
    Empty,
    NotConstant,
    WildcardNeed,
    WildcardInCatalog,
}

/// <summary>An argument that is not a valid scope, with the reason; the rules report it (PA0008).</summary>
internal readonly struct InvalidArgument
{
    public InvalidArgument(ScopeAttributeKind attribute, SyntaxNode syntax, InvalidScopeReason reason)
    {
        Attribute = attribute;
        Syntax = syntax;
        Reason = reason;
    }

    public ScopeAttributeKind Attribute { get; }

    public SyntaxNode Syntax { get; }

    public InvalidScopeReason Reason { get; }
}

/// <summary>
/// What a principal declares: its grants and its features' needs, read from the attributes' syntax so
/// each diagnostic lands on the argument that wrote the scope (literal, constant, or array element).
/// </summary>
internal sealed class PrincipalDeclaration
{
    private PrincipalDeclaration(
        string name,
        ImmutableArray<ScopeArgument> grants,
        ImmutableArray<ScopeArgument> needs,
        ImmutableArray<string> features,
        ImmutableArray<InvalidArgument> invalid)
    {
        Name = name;
        Grants = grants;
        Needs = needs;
        Features = features;
        Invalid = invalid;
    }

    public string Name { get; }

    public ImmutableArray<ScopeArgument> Grants { get; }

    public ImmutableArray<ScopeArgument> Needs { get; }

    /// <summary>Declared feature names, in declaration order, without duplicates.</summary>
    public ImmutableArray<string> Features { get; }

    public bool DeclaresFeatures => !Features.IsEmpty;

    public ImmutableArray<InvalidArgument> Invalid { get; }

    public static PrincipalDeclaration Read(ScopeIndex index, ISymbol principal, ImmutableArray<AttributeData> attributes, System.Threading.CancellationToken cancellationToken)
    {
        var grants = ImmutableArray.CreateBuilder<ScopeArgument>();
        var needs = ImmutableArray.CreateBuilder<ScopeArgument>();
        var features = new List<string>();
        var invalid = ImmutableArray.CreateBuilder<InvalidArgument>();

        foreach (var attribute in attributes)
        {
            var kind = AttributeNames.Classify(attribute);
            if (kind is not (ScopeAttributeKind.GrantedScopes or ScopeAttributeKind.FeatureNeeds)
                || attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
            {
                continue;
            }

            var model = index.GetSemanticModel(syntax.SyntaxTree);
            var reader = new ArgumentReader(model, kind, invalid, cancellationToken);
            var arguments = syntax.ArgumentList?.Arguments ?? default;
            string? feature = null;
            var scopeArguments = new List<AttributeArgumentSyntax>();
            for (var i = 0; i < arguments.Count; i++)
            {
                var argument = arguments[i];
                if (argument.NameEquals is not null)
                {
                    continue;
                }

                var isFeature = kind == ScopeAttributeKind.FeatureNeeds
                    && (argument.NameColon is { } nameColon ? nameColon.Name.Identifier.ValueText == "feature" : i == 0);
                if (isFeature)
                {
                    feature = ConstantOf(model, argument.Expression, cancellationToken) is { HasValue: true, Value: string name } ? name : null;
                }
                else
                {
                    scopeArguments.Add(argument);
                }
            }

            if (kind == ScopeAttributeKind.FeatureNeeds)
            {
                if (feature is null)
                {
                    continue;
                }

                if (!features.Contains(feature))
                {
                    features.Add(feature);
                }
            }

            foreach (var argument in scopeArguments)
            {
                foreach (var (scope, node) in reader.Read(argument.Expression, isOnlyArgument: scopeArguments.Count == 1))
                {
                    (kind == ScopeAttributeKind.GrantedScopes ? grants : needs).Add(new ScopeArgument(scope, node, feature));
                }
            }
        }

        // Scopes requested in code are granted too (GrantRequests).
        grants.AddRange(index.Requests.GrantsOf(principal));

        return new PrincipalDeclaration(
            DisplayName(principal),
            grants.ToImmutable(),
            needs.ToImmutable(),
            features.ToImmutableArray(),
            invalid.ToImmutable());
    }

    /// <summary>
    /// The constant value of an argument. A string literal's is its token's value, read without binding the
    /// attribute in a semantic model (the common case, and most of the cost of reading declarations).
    /// </summary>
    internal static Optional<object?> ConstantOf(SemanticModel model, ExpressionSyntax expression, System.Threading.CancellationToken cancellationToken) =>
        expression is LiteralExpressionSyntax literal && IsStringLiteral(literal)
            ? new Optional<object?>(literal.Token.ValueText)
            : model.GetConstantValue(expression, cancellationToken);

    private static bool IsStringLiteral(ExpressionSyntax expression) => expression.IsKind(SyntaxKind.StringLiteralExpression);

    public static string DisplayName(ISymbol principal) => principal switch
    {
        IAssemblySymbol assembly => assembly.Name,
        INamedTypeSymbol type => type.Name,
        _ => principal.Name,
    };

    /// <summary>Reads the scope arguments of one attribute of <c>kind</c>, recording each invalid one.</summary>
    internal sealed class ArgumentReader
    {
        private readonly SemanticModel model;
        private readonly ScopeAttributeKind kind;
        private readonly ImmutableArray<InvalidArgument>.Builder invalid;
        private readonly System.Threading.CancellationToken cancellationToken;

        public ArgumentReader(SemanticModel model, ScopeAttributeKind kind, ImmutableArray<InvalidArgument>.Builder invalid, System.Threading.CancellationToken cancellationToken)
        {
            this.model = model;
            this.kind = kind;
            this.invalid = invalid;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>The valid scopes an argument writes: itself, or the elements of an explicit array.</summary>
        public IEnumerable<(string Scope, SyntaxNode Node)> Read(ExpressionSyntax expression, bool isOnlyArgument)
        {
            var elements = ArrayElements(expression);
            if (elements is not null)
            {
                foreach (var element in elements)
                {
                    if (Validate(element) is { } scope)
                    {
                        yield return (scope, element);
                    }
                }

                yield break;
            }

            if (isOnlyArgument && IsNullArray(expression))
            {
                // `[GrantedScopes(null)]` passes a null array, not a null scope: still no valid scope.
                invalid.Add(new InvalidArgument(kind, expression, InvalidScopeReason.Null));
                yield break;
            }

            if (Validate(expression) is { } single)
            {
                yield return (single, expression);
            }
        }

        private static IEnumerable<ExpressionSyntax>? ArrayElements(ExpressionSyntax expression) => expression switch
        {
            ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
            ImplicitArrayCreationExpressionSyntax { Initializer: var initializer } => initializer.Expressions,
            CollectionExpressionSyntax collection => ElementsOf(collection),
            _ => null,
        };

        private static IEnumerable<ExpressionSyntax> ElementsOf(CollectionExpressionSyntax collection)
        {
            foreach (var element in collection.Elements)
            {
                if (element is ExpressionElementSyntax { Expression: var expression })
                {
                    yield return expression;
                }
            }
        }

        private bool IsNullArray(ExpressionSyntax expression) =>
            !IsStringLiteral(expression)
            && model.GetTypeInfo(expression, cancellationToken).ConvertedType is IArrayTypeSymbol
            && model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: null };

        private string? Validate(ExpressionSyntax expression)
        {
            var constant = ConstantOf(model, expression, cancellationToken);
            InvalidScopeReason? reason;
            string? scope = null;
            if (!constant.HasValue)
            {
                reason = InvalidScopeReason.NotConstant;
            }
            else if (constant.Value is null)
            {
                reason = InvalidScopeReason.Null;
            }
            else if (constant.Value is not string text)
            {
                // A constant of another type is a compiler error already.
                return null;
            }
            else if (string.IsNullOrWhiteSpace(text))
            {
                reason = InvalidScopeReason.Empty;
            }
            else if (kind == ScopeAttributeKind.FeatureNeeds && Scopes.IsWildcard(text))
            {
                reason = InvalidScopeReason.WildcardNeed;
            }
            else if (kind is ScopeAttributeKind.ScopeImplies or ScopeAttributeKind.DestructiveScope && Scopes.IsWildcard(text))
            {
                reason = InvalidScopeReason.WildcardInCatalog;
            }
            else
            {
                reason = null;
                scope = text;
            }

            if (reason is not null)
            {
                invalid.Add(new InvalidArgument(kind, expression, reason.Value));
            }

            return scope;
        }
    }
}
