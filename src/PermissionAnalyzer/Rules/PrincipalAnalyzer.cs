using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PermissionAnalyzer.Engine;

namespace PermissionAnalyzer.Rules;

/// <summary>
/// The live analyzer: symbol-level analysis of each type principal (its grants, needs and uses), of the
/// code an assembly principal owns (its uses), and of <c>[RequiresScope]</c> arguments. Everything it
/// reports shows as the user types and can be fixed there; it has no compilation-end descriptor.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PrincipalAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.Live.GrantExceedsNeeds,
        Descriptors.Live.DeleteAccessCreep,
        Descriptors.Live.GrantedScopeNeverUsed,
        Descriptors.Live.ScopeUsedButNotGranted,
        Descriptors.Live.UseNotCoveredByFeature,
        Descriptors.Live.FeatureNeedsUngrantedScope,
        Descriptors.Live.WildcardGrant,
        Descriptors.Live.InvalidScope,
        Descriptors.Live.UseCannotBeDetermined,
        Descriptors.Live.GrantBroaderThanNeeded);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (!ScopeIndex.AnalysisNeeded(start.Compilation, start.Options))
            {
                return;
            }

            var index = ScopeIndex.For(start.Compilation, start.Options);

            // A type's analysis runs at the end of the type, after the compiler has bound its members' bodies for
            // the driver: their operations then come from the driver's cached models instead of being bound again.
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    var type = (INamedTypeSymbol)symbolStart.Symbol;
                    if (index.IsPrincipal(type) || (index.IsAssemblyPrincipal && type.ContainingType is null))
                    {
                        // Asking for the type's operation blocks makes the driver bind its members' bodies in its own
                        // semantic models (driver time), which the engine's walk at the symbol end then reads from those
                        // models instead of binding them inside this analyzer's callback. No body is bound more than
                        // before: these are the bodies the walk starts from.
                        symbolStart.RegisterOperationBlockAction(static _ => { });
                        symbolStart.RegisterSymbolEndAction(c => AnalyzeType(index, type, c.Options, c.ReportDiagnostic, c.CancellationToken));
                    }
                },
                SymbolKind.NamedType);
            start.RegisterSymbolAction(c => ValidateRequirements(index, c), SymbolKind.NamedType, SymbolKind.Method, SymbolKind.Property, SymbolKind.Event);
        });
    }

    private static void AnalyzeType(ScopeIndex index, INamedTypeSymbol type, AnalyzerOptions options, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
    {
        if (index.IsPrincipal(type))
        {
            var declaration = PrincipalDeclaration.Read(index, type, type.GetAttributes(), cancellationToken);
            var uses = PrincipalUses.Find(index, type, PrincipalUses.OwnTypes(index, type), cancellationToken);
            var words = Options.DestructiveWordsFor(options, type.DeclaringSyntaxReferences);
            Verdicts.ReportDeclaration(declaration, uses, index.CatalogOf(cancellationToken), words, DescriptorSet.Live, "Type", report);
            Verdicts.ReportUses(index, declaration, uses, "Type", report, cancellationToken);
        }
        else if (index.IsAssemblyPrincipal && type.ContainingType is null)
        {
            // Code owned by the assembly principal: its uses are reported live, type by type; the assembly's
            // grant verdicts need the whole compilation and come from AssemblyPrincipalAnalyzer.
            var assembly = index.Compilation.Assembly;
            var declaration = index.AssemblyDeclaration(cancellationToken);
            var uses = PrincipalUses.Find(index, assembly, PrincipalUses.OwnTypes(index, type), cancellationToken);
            Verdicts.ReportUses(index, declaration, uses, "Assembly", report, cancellationToken);
        }
    }

    private static void ValidateRequirements(ScopeIndex index, SymbolAnalysisContext context)
    {
        foreach (var invalid in ScopeArgumentChecks.ValidateRequirements(index, context.Symbol.GetAttributes(), context.CancellationToken))
        {
            context.ReportDiagnostic(ScopeArgumentChecks.Report(Descriptors.Live.InvalidScope, invalid));
        }
    }
}
