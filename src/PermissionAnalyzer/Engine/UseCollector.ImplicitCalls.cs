using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PermissionAnalyzer.Engine;

/// <summary>
/// The compiler's implicit calls: what foreach, using, await, deconstruction, operators and conversions,
/// collection expressions, <c>with</c> and <c>fixed</c> run without naming it, found from the semantic model's
/// information or, where the operation tree has none, by the pattern the compiler follows.
/// </summary>
internal sealed partial class UseCollector
{
    private void AddOperator(IMethodSymbol? method)
    {
        if (method is not null)
        {
            AddTarget(method, receiverType: null);
        }
    }

    private void AddOperators(ITypeSymbol? type, string name, int parameterCount)
    {
        if (type is null)
        {
            return;
        }

        foreach (var member in type.GetMembers(name))
        {
            if (member is IMethodSymbol { IsStatic: true } method && method.Parameters.Length == parameterCount)
            {
                AddTarget(method, receiverType: null);
            }
        }
    }

    /// <summary>
    /// Tuple <c>==</c>/<c>!=</c> compares element by element, with the elements' user-defined operators when they
    /// have some. The operation does not say which: every <c>==</c> (or <c>!=</c>) declared by an element type counts.
    /// </summary>
    private void AddTupleEquality(ITypeSymbol? left, ITypeSymbol? right, BinaryOperatorKind kind)
    {
        var name = kind == BinaryOperatorKind.NotEquals ? WellKnownMemberNames.InequalityOperatorName : WellKnownMemberNames.EqualityOperatorName;
        var pending = new Stack<(ITypeSymbol? Left, ITypeSymbol? Right)>();
        pending.Push((left, right));
        while (pending.Count > 0)
        {
            var (l, r) = pending.Pop();
            if (l is INamedTypeSymbol { IsTupleType: true } leftTuple && r is INamedTypeSymbol { IsTupleType: true } rightTuple
                && leftTuple.TupleElements.Length == rightTuple.TupleElements.Length)
            {
                for (var i = 0; i < leftTuple.TupleElements.Length; i++)
                {
                    pending.Push((leftTuple.TupleElements[i].Type, rightTuple.TupleElements[i].Type));
                }

                continue;
            }

            foreach (var side in new[] { l, r })
            {
                for (var type = UnwrapNullable(side); type is not null && type.SpecialType == SpecialType.None; type = type.BaseType)
                {
                    AddOperators(type, name, parameterCount: 2);
                }
            }
        }
    }

    /// <summary>A conversion between tuple types converts element by element, with user-defined conversions the tree does not show.</summary>
    private void AddTupleElementConversions(INamedTypeSymbol from, INamedTypeSymbol to)
    {
        var pending = new Stack<(ITypeSymbol From, ITypeSymbol To)>();
        pending.Push((from, to));
        while (pending.Count > 0)
        {
            var (source, destination) = pending.Pop();
            if (source is INamedTypeSymbol { IsTupleType: true } sourceTuple && destination is INamedTypeSymbol { IsTupleType: true } destinationTuple)
            {
                if (sourceTuple.TupleElements.Length == destinationTuple.TupleElements.Length)
                {
                    for (var i = 0; i < sourceTuple.TupleElements.Length; i++)
                    {
                        pending.Push((sourceTuple.TupleElements[i].Type, destinationTuple.TupleElements[i].Type));
                    }
                }

                continue;
            }

            if (!SymbolEqualityComparer.Default.Equals(source, destination))
            {
                AddOperator(index.Compilation.ClassifyCommonConversion(source, destination).MethodSymbol);
            }
        }
    }

    /// <summary><c>r with { ... }</c> calls the record's clone method, which runs the copy constructor written for it.</summary>
    private void AddWith(IWithOperation with)
    {
        if (with.CloneMethod is null)
        {
            return;
        }

        AddTarget(with.CloneMethod, with.Operand.Type);
        for (var type = with.Operand.Type as INamedTypeSymbol; type is not null && type.IsRecord; type = type.BaseType)
        {
            foreach (var constructor in type.InstanceConstructors)
            {
                if (constructor.Parameters.Length == 1
                    && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type)
                    && !constructor.IsImplicitlyDeclared)
                {
                    AddTarget(constructor, receiverType: null);
                    return;
                }
            }
        }
    }

    /// <summary>
    /// A C# 12 collection expression (an operation of no kind in this Roslyn): the builder method of a
    /// <c>[CollectionBuilder]</c> type, or the constructor and <c>Add</c> of a collection class; spreads enumerate.
    /// </summary>
    private void AddCollectionExpression(CollectionExpressionSyntax syntax, SemanticModel? model)
    {
        if (model is null)
        {
            return;
        }

        if (model.GetTypeInfo(syntax, cancellationToken).ConvertedType is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } type)
        {
            if (CollectionBuilder(type) is { } builder)
            {
                foreach (var member in builder.Type.GetMembers(builder.Method))
                {
                    if (member is IMethodSymbol { IsStatic: true } create)
                    {
                        AddTarget(create, receiverType: null);
                    }
                }
            }
            else if (!type.IsRefLikeType && type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable))
            {
                foreach (var constructor in type.InstanceConstructors)
                {
                    if (constructor.Parameters.All(p => p.IsOptional || p.IsParams))
                    {
                        AddTarget(constructor, receiverType: null);
                    }
                }

                for (var current = (ITypeSymbol?)type; current is not null; current = current.BaseType)
                {
                    foreach (var member in current.GetMembers("Add"))
                    {
                        if (member is IMethodSymbol { IsStatic: false } add && add.Parameters.Length >= 1)
                        {
                            AddTarget(add, type);
                        }
                    }
                }
            }
        }

        foreach (var element in syntax.Elements)
        {
            if (element is SpreadElementSyntax spread)
            {
                AddEnumeration(model.GetTypeInfo(spread.Expression, cancellationToken).Type);
            }
        }

        Flush(syntax);
    }

    private static (ITypeSymbol Type, string Method)? CollectionBuilder(INamedTypeSymbol type)
    {
        foreach (var attribute in type.OriginalDefinition.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "CollectionBuilderAttribute" }
                && attribute.ConstructorArguments.Length == 2
                && attribute.ConstructorArguments[0].Value is ITypeSymbol builderType
                && attribute.ConstructorArguments[1].Value is string method)
            {
                return (builderType, method);
            }
        }

        return null;
    }

    /// <summary>What <c>foreach</c> calls on a value of <paramref name="type"/>, found by the pattern (used where no statement info exists).</summary>
    private void AddEnumeration(ITypeSymbol? type)
    {
        if (type is null || type.TypeKind == TypeKind.Array || PatternMethod(type, "GetEnumerator") is not { } getEnumerator)
        {
            return;
        }

        AddTarget(getEnumerator, type);
        var enumerator = getEnumerator.ReturnType;
        if (PatternMethod(enumerator, "MoveNext") is { } moveNext)
        {
            AddTarget(moveNext, enumerator);
        }

        foreach (var member in enumerator.GetMembers("Current"))
        {
            AddAccessors(member, enumerator, (true, false));
        }

        AddDisposeOf(enumerator, isAsynchronous: false);
    }

    /// <summary><c>fixed (int* p = pinnable)</c> calls the value's <c>GetPinnableReference</c> (an operation of no kind in this Roslyn).</summary>
    private void AddFixed(FixedStatementSyntax syntax, SemanticModel? model)
    {
        if (model is null)
        {
            return;
        }

        foreach (var variable in syntax.Declaration.Variables)
        {
            if (variable.Initializer?.Value is { } value
                && model.GetTypeInfo(value, cancellationToken).Type is { TypeKind: not (TypeKind.Array or TypeKind.Pointer), SpecialType: SpecialType.None } type
                && PatternMethod(type, "GetPinnableReference") is { } pin)
            {
                AddTarget(pin, type);
                Flush(value);
            }
        }
    }

    /// <summary>
    /// The instance method the compiler finds by name for a pattern (GetEnumerator, Dispose, DisposeAsync, GetAwaiter,
    /// GetPinnableReference): the nearest callable with no argument, on the type or its bases (or its interfaces).
    /// </summary>
    private static IMethodSymbol? PatternMethod(ITypeSymbol type, string name)
    {
        var types = new List<ITypeSymbol>();
        for (var current = type; current is not null; current = current.BaseType)
        {
            types.Add(current);
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            types.AddRange(type.AllInterfaces);
        }

        foreach (var candidateType in types)
        {
            foreach (var member in candidateType.GetMembers(name))
            {
                if (member is IMethodSymbol { IsStatic: false, MethodKind: MethodKind.Ordinary } method
                    && method.Parameters.All(p => p.IsOptional || p.IsParams))
                {
                    return method;
                }
            }
        }

        return null;
    }

    /// <summary>What awaiting a value of <paramref name="type"/> calls, found by the pattern (used where no await syntax exists).</summary>
    private void AddAwaitPattern(ITypeSymbol? type)
    {
        if (type is null || PatternMethod(type, "GetAwaiter") is not { } getAwaiter)
        {
            return;
        }

        AddTarget(getAwaiter, type);
        var awaiter = getAwaiter.ReturnType;
        foreach (var member in awaiter.GetMembers("IsCompleted"))
        {
            AddAccessors(member, awaiter, (true, false));
        }

        if (PatternMethod(awaiter, "GetResult") is { } getResult)
        {
            AddTarget(getResult, awaiter);
        }
    }

    private static ITypeSymbol? UnwrapNullable(ITypeSymbol? type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: { Length: 1 } arguments } ? arguments[0] : type;

    private void AddForEach(IForEachLoopOperation forEach)
    {
        if (forEach.Syntax is not CommonForEachStatementSyntax syntax || forEach.SemanticModel is not { } model)
        {
            return;
        }

        var info = model.GetForEachStatementInfo(syntax);
        var collectionType = model.GetTypeInfo(syntax.Expression, cancellationToken).Type;
        if (info.GetEnumeratorMethod is { } getEnumerator)
        {
            AddTarget(getEnumerator, collectionType);
        }

        var enumeratorType = info.GetEnumeratorMethod?.ReturnType;
        if (info.MoveNextMethod is { } moveNext)
        {
            AddTarget(moveNext, enumeratorType);
        }

        if (info.CurrentProperty?.GetMethod is { } current)
        {
            AddTarget(current, enumeratorType);
        }

        if (info.DisposeMethod is { } dispose)
        {
            AddTarget(dispose, enumeratorType);
        }
        else if (info.IsAsynchronous && enumeratorType is not null && PatternMethod(enumeratorType, "DisposeAsync") is { } disposeAsync)
        {
            AddTarget(disposeAsync, enumeratorType);
        }

        if (info.IsAsynchronous)
        {
            AddAwaitPattern(info.MoveNextMethod?.ReturnType);
        }

        AddOperator(info.CurrentConversion.MethodSymbol);
        AddOperator(info.ElementConversion.MethodSymbol);

        if (syntax is ForEachVariableStatementSyntax deconstructing)
        {
            AddDeconstruction(model.GetDeconstructionInfo(deconstructing), info.ElementType);
        }

        Flush(syntax.Expression);
    }

    private void AddDispose(IOperation resources, bool isAsynchronous)
    {
        if (resources is IVariableDeclarationGroupOperation group)
        {
            foreach (var declaration in group.Declarations)
            {
                foreach (var declarator in declaration.Declarators)
                {
                    AddDisposeOf(declarator.Symbol.Type, isAsynchronous);
                    Flush(declarator.Syntax);
                }
            }
        }
        else
        {
            AddDisposeOf(resources.Type, isAsynchronous);
            Flush(resources.Syntax);
        }
    }

    private void AddDisposeOf(ITypeSymbol? resourceType, bool isAsynchronous)
    {
        // A nullable struct resource is disposed through its underlying type.
        resourceType = UnwrapNullable(resourceType);
        if (resourceType is null)
        {
            return;
        }

        var disposeMethod = isAsynchronous ? index.AsyncDisposeMethod : index.DisposeMethod;
        if (disposeMethod is not null && !resourceType.IsRefLikeType && (!isAsynchronous || Implements(resourceType, disposeMethod.ContainingType)))
        {
            AddTarget(disposeMethod, resourceType);
        }
        else if ((isAsynchronous || resourceType.IsRefLikeType) && PatternMethod(resourceType, isAsynchronous ? "DisposeAsync" : "Dispose") is { } pattern)
        {
            // Pattern-based disposal (`await using` on any type, `using` on a ref struct): the method found by name.
            AddTarget(pattern, resourceType);
            if (isAsynchronous)
            {
                AddAwaitPattern(pattern.ReturnType);
            }
        }
    }

    private static bool Implements(ITypeSymbol type, INamedTypeSymbol @interface) =>
        SymbolEqualityComparer.Default.Equals(type, @interface)
        || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, @interface));

    private void AddDeconstruction(DeconstructionInfo info, ITypeSymbol? valueType)
    {
        var pending = new Stack<(DeconstructionInfo Info, ITypeSymbol? ValueType)>();
        pending.Push((info, valueType));
        while (pending.Count > 0)
        {
            var (current, type) = pending.Pop();
            if (current.Method is { } method)
            {
                AddTarget(method, type);
            }

            AddOperator(current.Conversion?.MethodSymbol);
            foreach (var nested in current.Nested)
            {
                pending.Push((nested, null));
            }
        }
    }
}
