using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PermissionAnalyzer.Engine;

/// <summary>
/// Walks the operations of one body and records its use sites: every kind of use DESIGN.md lists,
/// including the closed list of the compiler's implicit calls. Iterative, so deep expressions cannot
/// overflow the stack. <c>nameof</c> is not use; attributes and doc comments are not in the operation tree.
/// </summary>
internal sealed class UseCollector
{
    private readonly ScopeIndex index;
    private readonly List<Site> sites;
    private readonly bool fromInitializer;
    private readonly List<SiteTarget> targets = new();

    public UseCollector(ScopeIndex index, List<Site> sites, bool fromInitializer)
    {
        this.index = index;
        this.sites = sites;
        this.fromInitializer = fromInitializer;
    }

    public void Collect(IOperation root)
    {
        var stack = new Stack<IOperation>();
        stack.Push(root);
        var children = new List<IOperation>();
        while (stack.Count > 0)
        {
            var operation = stack.Pop();
            if (operation is INameOfOperation)
            {
                continue;
            }

            Visit(operation);

            children.Clear();
            foreach (var child in operation.ChildOperations)
            {
                children.Add(child);
            }

            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }

    /// <summary>Records the implicit call of a base constructor, reported at the base type in the class declaration.</summary>
    public void AddImplicitBaseConstructorCall(SyntaxNode node, IMethodSymbol baseConstructor)
    {
        AddTarget(baseConstructor, receiverType: null);
        Flush(node);
    }

    private void Visit(IOperation operation)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                if (invocation.TargetMethod.MethodKind == MethodKind.LocalFunction)
                {
                    // Its body is walked inline as this member's code; only its own [RequiresScope] is added here.
                    AddDistinct(invocation.TargetMethod.OriginalDefinition, followsBody: false);
                    Flush(invocation.Syntax);
                }
                else if (!IsImplicitBaseConstructorCall(invocation))
                {
                    AddTarget(invocation.TargetMethod, invocation.Instance?.Type);
                    Flush(invocation.Syntax);
                }

                break;

            case IObjectCreationOperation creation when creation.Constructor is not null:
                AddTarget(creation.Constructor, receiverType: null);
                Flush(creation.Syntax);
                break;

            case IPropertyReferenceOperation propertyReference:
                AddAccessors(propertyReference.Property, propertyReference.Instance?.Type, AccessKind(propertyReference));
                Flush(propertyReference.Syntax);
                break;

            case IImplicitIndexerReferenceOperation implicitIndexer:
                AddImplicitIndexer(implicitIndexer);
                Flush(implicitIndexer.Syntax);
                break;

            case IListPatternOperation listPattern:
                AddAccessors(listPattern.LengthSymbol, listPattern.InputType, (true, false));
                AddAccessors(listPattern.IndexerSymbol, listPattern.InputType, (true, false));
                Flush(listPattern.Syntax);
                break;

            case ISlicePatternOperation { SliceSymbol: { } slice } slicePattern:
                AddAccessors(slice, (slicePattern.Parent as IListPatternOperation)?.InputType, (true, false));
                Flush(slicePattern.Syntax);
                break;

            case IEventReferenceOperation eventReference:
                if (eventReference.Parent is IEventAssignmentOperation assignment && assignment.EventReference == eventReference)
                {
                    var accessor = assignment.Adds ? eventReference.Event.AddMethod : eventReference.Event.RemoveMethod;
                    if (accessor is not null)
                    {
                        AddTarget(accessor, eventReference.Instance?.Type);
                    }
                }

                Flush(eventReference.Syntax);
                break;

            case IFieldReferenceOperation fieldReference:
                if (!fieldReference.Field.IsConst)
                {
                    // A constant (const field, enum member) is inlined: reading it runs nothing.
                    AddTarget(fieldReference.Field, receiverType: null);
                    Flush(fieldReference.Syntax);
                }

                break;

            case IMethodReferenceOperation methodReference when (index.Faults & EngineFaults.IgnoreMethodGroups) == 0:
                if (methodReference.Method.MethodKind == MethodKind.LocalFunction)
                {
                    AddDistinct(methodReference.Method.OriginalDefinition, followsBody: false);
                }
                else
                {
                    AddTarget(methodReference.Method, methodReference.Instance?.Type);
                }

                Flush(methodReference.Syntax);
                break;

            case IBinaryOperation { OperatorMethod: { } method } binary:
                AddTarget(method, receiverType: null);
                if (binary.OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr)
                {
                    // `x && y` with a user-defined `&` first asks `operator false(x)` (`||` asks `operator true`), declared with it.
                    var name = binary.OperatorKind == BinaryOperatorKind.ConditionalAnd ? WellKnownMemberNames.FalseOperatorName : WellKnownMemberNames.TrueOperatorName;
                    AddOperators(method.ContainingType, name, parameterCount: 1);
                }

                Flush(binary.Syntax);
                break;

            case ITupleBinaryOperation tupleBinary:
                AddTupleEquality(tupleBinary.LeftOperand.Type, tupleBinary.RightOperand.Type, tupleBinary.OperatorKind);
                Flush(tupleBinary.Syntax);
                break;

            case IUnaryOperation { OperatorMethod: { } method } unary:
                AddTarget(method, receiverType: null);
                Flush(unary.Syntax);
                break;

            case ICompoundAssignmentOperation compound:
                AddOperator(compound.OperatorMethod);
                AddOperator(compound.InConversion.MethodSymbol);
                AddOperator(compound.OutConversion.MethodSymbol);
                Flush(compound.Syntax);
                break;

            case IArgumentOperation argument:
                AddOperator(argument.InConversion.MethodSymbol);
                AddOperator(argument.OutConversion.MethodSymbol);
                Flush(argument.Syntax);
                break;

            case ICoalesceOperation coalesce:
                AddOperator(coalesce.ValueConversion.MethodSymbol);
                Flush(coalesce.Syntax);
                break;

            case IWithOperation with:
                AddWith(with);
                Flush(with.Syntax);
                break;

            case IIncrementOrDecrementOperation { OperatorMethod: { } method } increment:
                AddTarget(method, receiverType: null);
                Flush(increment.Syntax);
                break;

            case IConversionOperation { OperatorMethod: { } method } conversion:
                AddTarget(method, receiverType: null);
                Flush(conversion.Syntax);
                break;

            case IForEachLoopOperation forEach:
                AddForEach(forEach);
                break;

            case IUsingOperation usingOperation:
                AddDispose(usingOperation.Resources, usingOperation.IsAsynchronous);
                break;

            case IUsingDeclarationOperation usingDeclaration:
                AddDispose(usingDeclaration.DeclarationGroup, usingDeclaration.IsAsynchronous);
                break;

            case IAwaitOperation await when await.Syntax is AwaitExpressionSyntax awaitSyntax && await.SemanticModel is { } model:
                var awaitInfo = model.GetAwaitExpressionInfo(awaitSyntax);
                if (awaitInfo.GetAwaiterMethod is { } getAwaiter)
                {
                    AddTarget(getAwaiter, await.Operation.Type);
                }

                if (awaitInfo.IsCompletedProperty?.GetMethod is { } isCompleted)
                {
                    AddTarget(isCompleted, awaitInfo.GetAwaiterMethod?.ReturnType);
                }

                if (awaitInfo.GetResultMethod is { } getResult)
                {
                    AddTarget(getResult, awaitInfo.GetAwaiterMethod?.ReturnType);
                }

                Flush(await.Syntax);
                break;

            case IDeconstructionAssignmentOperation deconstruction when deconstruction.SemanticModel is { } model:
                if (deconstruction.Syntax is AssignmentExpressionSyntax assignmentSyntax)
                {
                    AddDeconstruction(model.GetDeconstructionInfo(assignmentSyntax), deconstruction.Value.Type);
                    Flush(deconstruction.Syntax);
                }

                break;

            case IRecursivePatternOperation { DeconstructSymbol: IMethodSymbol deconstruct } pattern:
                AddTarget(deconstruct, pattern.InputType);
                Flush(pattern.Syntax);
                break;

            case IDynamicInvocationOperation:
            case IDynamicMemberReferenceOperation:
            case IDynamicObjectCreationOperation:
            case IDynamicIndexerAccessOperation:
                AddDynamic(operation);
                break;

            case { Kind: OperationKind.None, Syntax: CollectionExpressionSyntax collection }:
                AddCollectionExpression(collection, operation.SemanticModel);
                break;

            case { Kind: OperationKind.None, Syntax: FixedStatementSyntax fixedStatement }:
                AddFixed(fixedStatement, operation.SemanticModel);
                break;
        }
    }

    /// <summary>A property's, indexer's or event's accessors as the access runs them; a method (<c>Slice</c>) is called.</summary>
    private void AddAccessors(ISymbol? member, ITypeSymbol? receiverType, (bool Reads, bool Writes) access)
    {
        switch (member)
        {
            case IPropertySymbol property:
                if (access.Reads && property.GetMethod is { } getter)
                {
                    AddTarget(getter, receiverType);
                }

                if (access.Writes && property.SetMethod is { } setter)
                {
                    AddTarget(setter, receiverType);
                }

                break;

            case IMethodSymbol method:
                AddTarget(method, receiverType);
                break;
        }
    }

    /// <summary><c>x[^1]</c>, <c>x[1..]</c>: the length and the int indexer (or <c>Slice</c>) the compiler calls instead.</summary>
    private void AddImplicitIndexer(IImplicitIndexerReferenceOperation reference)
    {
        var receiverType = reference.Instance.Type;
        AddAccessors(reference.LengthSymbol, receiverType, (true, false));
        AddAccessors(reference.IndexerSymbol, receiverType, AccessKind(reference));
    }

    private (bool Reads, bool Writes) AccessKind(IOperation reference)
    {
        switch (reference.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                return (false, true);
            case ICompoundAssignmentOperation compound when compound.Target == reference:
            case ICoalesceAssignmentOperation coalesce when coalesce.Target == reference:
            case IIncrementOrDecrementOperation increment when increment.Target == reference:
                return (true, true);
            case ITupleOperation when IsDeconstructionTarget(reference):
                // The test-only fault reads the target as the getter (the trust tests' differential check must notice it).
                return (index.Faults & EngineFaults.ReadDeconstructionTargets) == 0 ? (false, true) : (true, false);
            default:
                return (true, false);
        }
    }

    /// <summary>Whether the operation is an element of the (possibly nested) target tuple of a deconstructing assignment.</summary>
    private static bool IsDeconstructionTarget(IOperation operation)
    {
        var current = operation;
        while (current.Parent is ITupleOperation tuple)
        {
            current = tuple;
        }

        return current.Parent is IDeconstructionAssignmentOperation assignment && assignment.Target == current;
    }

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
    /// A call through <c>dynamic</c> is reported once, at its outermost dynamic operation. When the compiler knows the
    /// candidate members (a static method group, a receiver of a known type, a constructor), each one counts as used.
    /// </summary>
    private void AddDynamic(IOperation operation)
    {
        var inside = IsInsideDynamic(operation);
        if (!(operation is IDynamicMemberReferenceOperation && operation.Parent is IDynamicInvocationOperation invocation && invocation.Operation == operation))
        {
            ITypeSymbol? receiverType = operation switch
            {
                IDynamicInvocationOperation { Operation: IDynamicMemberReferenceOperation member } => member.Instance?.Type,
                IDynamicMemberReferenceOperation member => member.Instance?.Type,
                IDynamicIndexerAccessOperation indexer => indexer.Operation.Type,
                _ => null,
            };

            if (receiverType is { TypeKind: TypeKind.Dynamic })
            {
                receiverType = null;
            }

            if (operation is IDynamicObjectCreationOperation { Type: INamedTypeSymbol created })
            {
                foreach (var constructor in created.InstanceConstructors)
                {
                    AddTarget(constructor, receiverType: null);
                }
            }
            else if (operation.SemanticModel is { } model)
            {
                var info = model.GetSymbolInfo(operation.Syntax);
                if (info.CandidateReason == CandidateReason.LateBound)
                {
                    foreach (var candidate in info.CandidateSymbols)
                    {
                        AddAccessors(candidate, receiverType, AccessKind(operation));
                    }
                }
            }
        }

        if (!inside)
        {
            sites.Add(new Site(operation.Syntax, targets.ToImmutableArray(), isDynamic: true, fromInitializer));
            targets.Clear();
        }
        else
        {
            Flush(operation.Syntax);
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

        if (model.GetTypeInfo(syntax).ConvertedType is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } type)
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
                AddEnumeration(model.GetTypeInfo(spread.Expression).Type);
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
                && model.GetTypeInfo(value).Type is { TypeKind: not (TypeKind.Array or TypeKind.Pointer), SpecialType: SpecialType.None } type
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
        var collectionType = model.GetTypeInfo(syntax.Expression).Type;
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
        if (disposeMethod is not null && !resourceType.IsRefLikeType && Implements(resourceType, disposeMethod.ContainingType))
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

    /// <summary>
    /// Adds the member the compiler binds and, when the receiver's static type is a class or struct,
    /// that type's implementation of it. Behind an interface-typed or abstract receiver nothing is guessed.
    /// </summary>
    private void AddTarget(ISymbol member, ITypeSymbol? receiverType)
    {
        var implementation = receiverType is null ? null : ScopeIndex.ImplementationOn(receiverType, member);

        // The bound member's declared requirement counts; its body only when it is the code that runs on this receiver.
        AddDistinct(member.OriginalDefinition, followsBody: implementation is null);
        if (implementation is not null)
        {
            AddDistinct(implementation.OriginalDefinition, followsBody: true);
        }
    }

    private void AddDistinct(ISymbol symbol, bool followsBody)
    {
        for (var i = 0; i < targets.Count; i++)
        {
            if (SymbolEqualityComparer.Default.Equals(targets[i].Symbol, symbol))
            {
                if (followsBody && !targets[i].FollowsBody)
                {
                    targets[i] = new SiteTarget(symbol, followsBody: true);
                }

                return;
            }
        }

        targets.Add(new SiteTarget(symbol, followsBody));
    }

    private void Flush(SyntaxNode node)
    {
        if (targets.Count == 0)
        {
            return;
        }

        sites.Add(new Site(node, targets.ToImmutableArray(), isDynamic: false, fromInitializer));
        targets.Clear();
    }

    /// <summary>
    /// The implicit <c>: base()</c> of a constructor declared without an initializer: its syntax is the whole
    /// declaration, so it is not recorded here but once, at the base type (<see cref="AddImplicitBaseConstructorCall"/>).
    /// </summary>
    private static bool IsImplicitBaseConstructorCall(IInvocationOperation invocation) =>
        invocation.IsImplicit
        && invocation.TargetMethod.MethodKind == MethodKind.Constructor
        && invocation.Syntax is ConstructorDeclarationSyntax;

    private static bool IsInsideDynamic(IOperation operation) => operation.Parent switch
    {
        // `d.A.B()` is one dynamic use, reported once at the outermost dynamic operation.
        IDynamicInvocationOperation invocation => invocation.Operation == operation,
        IDynamicMemberReferenceOperation member => member.Instance == operation,
        IDynamicIndexerAccessOperation indexer => indexer.Operation == operation,
        _ => false,
    };
}
