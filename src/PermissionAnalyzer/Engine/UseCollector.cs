using System.Collections.Generic;
using System.Collections.Immutable;
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
    private readonly List<ISymbol> targets = new();

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
                if (invocation.TargetMethod.MethodKind != MethodKind.LocalFunction && !IsImplicitBaseConstructorCall(invocation))
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
                AddPropertyAccessors(propertyReference);
                Flush(propertyReference.Syntax);
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
                AddTarget(fieldReference.Field, receiverType: null);
                Flush(fieldReference.Syntax);
                break;

            case IMethodReferenceOperation methodReference when (index.Faults & EngineFaults.IgnoreMethodGroups) == 0:
                if (methodReference.Method.MethodKind != MethodKind.LocalFunction)
                {
                    AddTarget(methodReference.Method, methodReference.Instance?.Type);
                    Flush(methodReference.Syntax);
                }

                break;

            case IBinaryOperation { OperatorMethod: { } method } binary:
                AddTarget(method, receiverType: null);
                Flush(binary.Syntax);
                break;

            case IUnaryOperation { OperatorMethod: { } method } unary:
                AddTarget(method, receiverType: null);
                Flush(unary.Syntax);
                break;

            case ICompoundAssignmentOperation { OperatorMethod: { } method } compound:
                AddTarget(method, receiverType: null);
                Flush(compound.Syntax);
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
                if (!IsInsideDynamic(operation))
                {
                    sites.Add(new Site(operation.Syntax, ImmutableArray<ISymbol>.Empty, isDynamic: true, fromInitializer));
                }

                break;
        }
    }

    private void AddPropertyAccessors(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        var receiverType = reference.Instance?.Type;
        var (reads, writes) = AccessKind(reference);
        if (reads && property.GetMethod is { } getter)
        {
            AddTarget(getter, receiverType);
        }

        if (writes && property.SetMethod is { } setter)
        {
            AddTarget(setter, receiverType);
        }
    }

    private static (bool Reads, bool Writes) AccessKind(IOperation reference)
    {
        switch (reference.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                return (false, true);
            case ICompoundAssignmentOperation compound when compound.Target == reference:
            case ICoalesceAssignmentOperation coalesce when coalesce.Target == reference:
            case IIncrementOrDecrementOperation:
                return (true, true);
            default:
                return (true, false);
        }
    }

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
        if (resourceType is null)
        {
            return;
        }

        var disposeMethod = isAsynchronous ? index.AsyncDisposeMethod : index.DisposeMethod;
        if (disposeMethod is null)
        {
            return;
        }

        if (resourceType.IsRefLikeType)
        {
            // Pattern-based Dispose of ref structs: the instance method the compiler looks up by name.
            foreach (var member in resourceType.GetMembers(disposeMethod.Name))
            {
                if (member is IMethodSymbol { IsStatic: false, Parameters.Length: 0 } candidate)
                {
                    AddTarget(candidate, receiverType: null);
                    return;
                }
            }

            return;
        }

        AddTarget(disposeMethod, resourceType);
    }

    private void AddDeconstruction(DeconstructionInfo info, ITypeSymbol? valueType)
    {
        if (info.Method is { } method)
        {
            AddTarget(method, valueType);
        }

        foreach (var nested in info.Nested)
        {
            AddDeconstruction(nested, valueType: null);
        }
    }

    /// <summary>
    /// Adds the member the compiler binds and, when the receiver's static type is a class or struct,
    /// that type's implementation of it. Behind an interface-typed or abstract receiver nothing is guessed.
    /// </summary>
    private void AddTarget(ISymbol member, ITypeSymbol? receiverType)
    {
        var bound = member.OriginalDefinition;
        AddDistinct(bound);
        if (receiverType is not null && ScopeIndex.ImplementationOn(receiverType, member) is { } implementation)
        {
            AddDistinct(implementation.OriginalDefinition);
        }
    }

    private void AddDistinct(ISymbol symbol)
    {
        foreach (var existing in targets)
        {
            if (SymbolEqualityComparer.Default.Equals(existing, symbol))
            {
                return;
            }
        }

        targets.Add(symbol);
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
