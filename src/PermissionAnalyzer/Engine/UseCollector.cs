using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
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
internal sealed partial class UseCollector
{
    private readonly ScopeIndex index;
    private readonly List<Site> sites;
    private readonly bool fromInitializer;
    private readonly List<SiteTarget> targets = new();
    private readonly CancellationToken cancellationToken;
    private readonly bool ignoreMethodGroups;

    public UseCollector(ScopeIndex index, List<Site> sites, bool fromInitializer, CancellationToken cancellationToken)
    {
        this.index = index;
        this.sites = sites;
        this.fromInitializer = fromInitializer;
        this.cancellationToken = cancellationToken;
        ignoreMethodGroups = (index.Faults & EngineFaults.IgnoreMethodGroups) != 0;
    }

    public void Walk(IOperation root)
    {
        var stack = new Stack<IOperation>();
        stack.Push(root);
        var children = new List<IOperation>();
        var visited = 0;
        while (stack.Count > 0)
        {
            if ((++visited & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

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

            case IMethodReferenceOperation methodReference when !ignoreMethodGroups:
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

            case IConversionOperation { Operand.Type: INamedTypeSymbol { IsTupleType: true } from, Type: INamedTypeSymbol { IsTupleType: true } to } conversion:
                AddTupleElementConversions(from, to);
                Flush(conversion.Syntax);
                break;

            case IAnonymousFunctionOperation { Symbol: { } lambda } function when !lambda.GetAttributes().IsEmpty:
                // Turned into a delegate here: a lambda may carry [RequiresScope] itself (its body is this member's code).
                AddDistinct(lambda, followsBody: false);
                Flush(function.Syntax);
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

            case IBinaryOperation or IUnaryOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation or IConversionOperation
                when IsDynamicOperator(operation):
                // An operator or conversion bound at run time may call the runtime type's user-defined one.
                sites.Add(new Site(operation.Syntax, ImmutableArray<SiteTarget>.Empty, isDynamic: true, fromInitializer));
                break;

            // Collection expressions and `fixed` have no operation kind of their own in Roslyn 4.8 (newer hosts add one for
            // collection expressions): they are read from the syntax, once, at the outermost operation of that syntax.
            case { Syntax: CollectionExpressionSyntax collection } when IsOutermostOperationOf(operation):
                AddCollectionExpression(collection, operation.SemanticModel);
                break;

            case { Syntax: FixedStatementSyntax fixedStatement } when IsOutermostOperationOf(operation):
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
                if (access.Reads && Accessor(property, getter: true) is { } getter)
                {
                    AddTarget(getter, receiverType);
                }

                if (access.Writes && Accessor(property, getter: false) is { } setter)
                {
                    AddTarget(setter, receiverType);
                }

                break;

            case IMethodSymbol method:
                AddTarget(method, receiverType);
                break;
        }
    }

    /// <summary>The accessor that runs: an override declaring only one accessor inherits the other from the property it overrides.</summary>
    private static IMethodSymbol? Accessor(IPropertySymbol property, bool getter)
    {
        for (var current = property; current is not null; current = current.OverriddenProperty)
        {
            if ((getter ? current.GetMethod : current.SetMethod) is { } accessor)
            {
                return accessor;
            }
        }

        return null;
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
                var info = model.GetSymbolInfo(operation.Syntax, cancellationToken);
                if (info.Symbol is { } single)
                {
                    AddAccessors(single, receiverType, AccessKind(operation));
                }
                else if (info.CandidateReason == CandidateReason.LateBound)
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

    /// <summary>
    /// An operator or conversion on a <c>dynamic</c> operand, bound at run time. Reported where its dynamic operand
    /// is a plain value: an operand that is itself a dynamic operation is reported there already.
    /// </summary>
    private static bool IsDynamicOperator(IOperation operation)
    {
        var operands = operation switch
        {
            IBinaryOperation { OperatorMethod: null } binary => new[] { binary.LeftOperand, binary.RightOperand },
            IUnaryOperation { OperatorMethod: null } unary => new[] { unary.Operand },
            ICompoundAssignmentOperation { OperatorMethod: null } compound => new[] { compound.Target, compound.Value },
            IIncrementOrDecrementOperation { OperatorMethod: null } increment => new[] { increment.Target },
            IConversionOperation { OperatorMethod: null, Type: { TypeKind: not TypeKind.Dynamic, SpecialType: not SpecialType.System_Object } } conversion => new[] { conversion.Operand },
            _ => System.Array.Empty<IOperation>(),
        };

        var dynamicOperand = false;
        foreach (var operand in operands)
        {
            if (operand.Type is { TypeKind: TypeKind.Dynamic })
            {
                // A dynamic operand produced by a dynamic operation or operator (not recursed into: chains may be deep).
                if (operand is IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IDynamicIndexerAccessOperation or IDynamicObjectCreationOperation
                    or IBinaryOperation or IUnaryOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation)
                {
                    return false;
                }

                dynamicOperand = true;
            }
        }

        return dynamicOperand;
    }

    private static bool IsOutermostOperationOf(IOperation operation) =>
        operation.Parent is null || operation.Parent.Syntax != operation.Syntax;

    private static bool IsInsideDynamic(IOperation operation) => operation.Parent switch
    {
        // `d.A.B()` is one dynamic use, reported once at the outermost dynamic operation.
        IDynamicInvocationOperation invocation => invocation.Operation == operation,
        IDynamicMemberReferenceOperation member => member.Instance == operation,
        IDynamicIndexerAccessOperation indexer => indexer.Operation == operation,
        _ => false,
    };
}
