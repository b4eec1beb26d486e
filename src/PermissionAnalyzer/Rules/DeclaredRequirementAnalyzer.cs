using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PermissionAnalyzer.Engine;

namespace PermissionAnalyzer.Rules;

/// <summary>
/// PA0012 and PA0013: requirements that stop at a boundary. Callers in other assemblies, and calls through a
/// base or interface member, see declarations only; a scope a member's code uses without the declaration the
/// caller sees is lost to them. Symbol-level: each type's members are judged at the end of the type.
/// </summary>
/// <remarks>
/// PA0012 applies to members with no contract of their own (no overridden or implemented member); an
/// override or implementation is judged against its contract by PA0013 instead, so one use is reported once.
/// PA0013 also reports a scope the implementation declares itself (on the member, its property or event) that
/// its contract lacks: calls through the contract do not see that attribute either. A <c>[RequiresScope]</c>
/// on the implementing type is not counted as the member's own declaration (it would flag every override of
/// <c>object.ToString</c> in the type); the scopes the member's code uses are.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclaredRequirementAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.Live.UndeclaredRequirement,
        Descriptors.Live.ImplementationExceedsContract);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (!ScopeIndex.BoundaryAnalysisNeeded(start.Compilation))
            {
                return;
            }

            var index = ScopeIndex.For(start.Compilation, start.Options);

            // Only a library's public members are a contract with other assemblies; an application's are not.
            var isLibrary = start.Compilation.Options.OutputKind == OutputKind.DynamicallyLinkedLibrary;

            // At the end of the type, as the live analyzer does: the driver has bound the members' bodies by then.
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    var type = (INamedTypeSymbol)symbolStart.Symbol;
                    if (isLibrary && index.OwnerOf(type) is null && MemberContracts.IsVisibleOutside(type))
                    {
                        // Its public members' summaries start from these bodies: let the driver bind them in its models
                        // (driver time) rather than the walk inside this analyzer's callback (as PrincipalAnalyzer does).
                        symbolStart.RegisterOperationBlockAction(static _ => { });
                    }

                    symbolStart.RegisterSymbolEndAction(c => AnalyzeType(index, type, isLibrary, c.ReportDiagnostic, c.CancellationToken));
                },
                SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(ScopeIndex index, INamedTypeSymbol type, bool isLibrary, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        var judgePublicApi = isLibrary && index.OwnerOf(type) is null && MemberContracts.IsVisibleOutside(type);

        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var accessors = CodeOf(member);
            if (accessors.IsEmpty)
            {
                continue;
            }

            var location = LocationOf(member, type);
            if (location is null)
            {
                continue;
            }

            // An override whose base does not bind (broken code) still has a contract: it is not a new public API.
            var hasContract = member.IsOverride;
            var reported = new HashSet<(ISymbol Contract, string Scope)>(ContractKeyComparer.Instance);
            foreach (var accessor in accessors)
            {
                foreach (var contract in MemberContracts.ContractsOf(index, accessor))
                {
                    hasContract = true;

                    // A contract nobody can annotate (IDisposable.Dispose, object.ToString) would be reported with no
                    // fix; its callers are the framework. Calls through it are the documented interface limit.
                    if (index.MayDeclareRequirements(contract))
                    {
                        ReportBeyondContract(index, member, accessor, contract, location, reported, report, cancellationToken);
                    }
                }
            }

            if (!hasContract && judgePublicApi && MemberContracts.IsVisibleOutside(member))
            {
                ReportUndeclared(index, member, accessors, location, report, cancellationToken);
            }
        }
    }

    /// <summary>PA0012: scopes the member's code uses that its declaration does not state.</summary>
    private static void ReportUndeclared(ScopeIndex index, ISymbol member, ImmutableArray<IMethodSymbol> accessors, Location location, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        // Per scope, the first visible accessor (get before set, add before remove) that uses it undeclared.
        var undeclared = new SortedDictionary<string, (IMethodSymbol Accessor, ISymbol Hop)>(StringComparer.Ordinal);
        foreach (var accessor in accessors)
        {
            if (!MemberContracts.IsVisibleOutside(accessor))
            {
                continue;
            }

            var declared = index.RequirementOf(accessor);
            foreach (var entry in index.SummaryOf(accessor, cancellationToken).Entries)
            {
                if (entry.Key != ScopeIndex.Undetermined && entry.Value.FirstHop is { } hop && !declared.Contains(entry.Key) && !undeclared.ContainsKey(entry.Key))
                {
                    undeclared[entry.Key] = (accessor, hop);
                }
            }
        }

        foreach (var entry in undeclared)
        {
            var chain = SymbolNames.Chain(index.ChainFrom(entry.Value.Hop, entry.Key, cancellationToken), endsInDynamicCall: false);
            var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Scope, entry.Key);
            report(Diagnostic.Create(Descriptors.Live.UndeclaredRequirement, location, properties, SymbolNames.Member(member), Term.Display(entry.Key), chain));
        }
    }

    /// <summary>PA0013: scopes an implementation uses or declares that the member it overrides or implements does not declare.</summary>
    private static void ReportBeyondContract(
        ScopeIndex index,
        ISymbol member,
        IMethodSymbol accessor,
        IMethodSymbol contract,
        Location location,
        HashSet<(ISymbol Contract, string Scope)> reported,
        Action<Diagnostic> report,
        CancellationToken cancellationToken)
    {
        var contractMember = (contract.AssociatedSymbol ?? contract).OriginalDefinition;
        var declaredByContract = index.RequirementOf(contract);
        var used = index.SummaryOf(accessor, cancellationToken).Entries;
        var own = MemberContracts.OwnDeclaration(accessor);

        var scopes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in used)
        {
            if (entry.Key != ScopeIndex.Undetermined && entry.Value.FirstHop is not null)
            {
                scopes.Add(entry.Key);
            }
        }

        scopes.UnionWith(own);
        foreach (var scope in scopes)
        {
            if (declaredByContract.Contains(scope) || !reported.Add((contractMember, scope)))
            {
                continue;
            }

            var reason = used.TryGetValue(scope, out var reach) && reach.FirstHop is { } hop
                ? Descriptors.ContractReasons.ViaPrefix + SymbolNames.Chain(index.ChainFrom(hop, scope, cancellationToken), endsInDynamicCall: false)
                : Descriptors.ContractReasons.OwnDeclaration;
            var contractName = SymbolNames.Member(contractMember);
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.Scope, scope)
                .Add(DiagnosticProperties.BaseMember, DocumentationCommentId.CreateDeclarationId(contractMember))
                .Add(DiagnosticProperties.BaseMemberName, contractName);
            report(Diagnostic.Create(Descriptors.Live.ImplementationExceedsContract, location, properties, SymbolNames.Member(member), Term.Display(scope), reason, contractName));
        }
    }

    /// <summary>
    /// The methods whose code is the member's: the method itself, or a property's or event's accessors (get before
    /// set, add before remove). Members no caller names (static constructors, finalizers, compiler-synthesized
    /// members other than constructors) have none.
    /// </summary>
    private static ImmutableArray<IMethodSymbol> CodeOf(ISymbol member)
    {
        switch (member)
        {
            case IMethodSymbol { MethodKind: MethodKind.Constructor } constructor:
                // An implicit constructor runs the field initializers: its code is real.
                return ImmutableArray.Create(constructor);

            case IMethodSymbol { IsImplicitlyDeclared: false, MethodKind: MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation or MethodKind.UserDefinedOperator or MethodKind.Conversion } method:
                return ImmutableArray.Create(method);

            case IPropertySymbol { IsImplicitlyDeclared: false } property:
                return Accessors(property.GetMethod, property.SetMethod);

            case IEventSymbol { IsImplicitlyDeclared: false } @event:
                return Accessors(@event.AddMethod, @event.RemoveMethod);

            default:
                return ImmutableArray<IMethodSymbol>.Empty;
        }
    }

    private static ImmutableArray<IMethodSymbol> Accessors(IMethodSymbol? first, IMethodSymbol? second)
    {
        var builder = ImmutableArray.CreateBuilder<IMethodSymbol>(2);
        if (first is not null)
        {
            builder.Add(first);
        }

        if (second is not null)
        {
            builder.Add(second);
        }

        return builder.ToImmutable();
    }

    /// <summary>The member's name; for a constructor without syntax of its own, the type's.</summary>
    private static Location? LocationOf(ISymbol member, INamedTypeSymbol type)
    {
        if (!member.IsImplicitlyDeclared)
        {
            foreach (var location in member.Locations)
            {
                if (location.IsInSource)
                {
                    return location;
                }
            }
        }

        foreach (var location in type.Locations)
        {
            if (location.IsInSource)
            {
                return location;
            }
        }

        return null;
    }

    private sealed class ContractKeyComparer : IEqualityComparer<(ISymbol Contract, string Scope)>
    {
        public static readonly ContractKeyComparer Instance = new();

        public bool Equals((ISymbol Contract, string Scope) x, (ISymbol Contract, string Scope) y) =>
            SymbolEqualityComparer.Default.Equals(x.Contract, y.Contract) && string.Equals(x.Scope, y.Scope, StringComparison.Ordinal);

        public int GetHashCode((ISymbol Contract, string Scope) key) =>
            (SymbolEqualityComparer.Default.GetHashCode(key.Contract) * 31) + StringComparer.Ordinal.GetHashCode(key.Scope);
    }
}
