using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PermissionAnalyzer.Engine;

namespace PermissionAnalyzer.Rules;

/// <summary>
/// Grant and declaration verdicts of an assembly principal. Its U is the union over all code of the
/// assembly outside type principals, so it needs the whole compilation: a compilation-end analyzer of its
/// own, kept apart so the live analyzer is not treated as compilation-end as a whole.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AssemblyPrincipalAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.CompilationEnd.GrantExceedsNeeds,
        Descriptors.CompilationEnd.DeleteAccessCreep,
        Descriptors.CompilationEnd.GrantedScopeNeverUsed,
        Descriptors.CompilationEnd.FeatureNeedsUngrantedScope,
        Descriptors.CompilationEnd.WildcardGrant,
        Descriptors.CompilationEnd.InvalidScope,
        Descriptors.CompilationEnd.GrantBroaderThanNeeded);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
#pragma warning disable RS1013 // Deliberate: a compilation action makes the driver bind the whole compilation even when it has no assembly principal; a start action registers the end action only when one is declared.
        context.RegisterCompilationStartAction(start =>
        {
            // Registering a compilation-end action makes the driver bind the whole compilation: only an
            // assembly principal needs it.
            if (!ScopeIndex.AnalysisNeeded(start.Compilation, start.Options))
            {
                return;
            }

            var index = ScopeIndex.For(start.Compilation, start.Options);
            if (index.IsAssemblyPrincipal)
            {
                start.RegisterCompilationEndAction(end => Analyze(index, end));
            }
        });
#pragma warning restore RS1013
    }

    private static void Analyze(ScopeIndex index, CompilationAnalysisContext context)
    {
        var assembly = index.Compilation.Assembly;
        var attributes = assembly.GetAttributes();
        var declaration = index.AssemblyDeclaration(context.CancellationToken);
        var uses = PrincipalUses.Find(index, assembly, AssemblyOwnedTypes(index, assembly.GlobalNamespace), context.CancellationToken);

        var references = new List<SyntaxReference>();
        foreach (var attribute in attributes)
        {
            if (attribute.ApplicationSyntaxReference is { } reference)
            {
                references.Add(reference);
            }
        }

        var words = Options.DestructiveWordsFor(context.Options, references);
        Verdicts.ReportDeclaration(declaration, uses, index.CatalogOf(context.CancellationToken), words, DescriptorSet.CompilationEnd, "Assembly", context.ReportDiagnostic);
    }

    /// <summary>The types whose code the assembly principal owns: every type outside type principals (the code fixes read it too).</summary>
    internal static IEnumerable<INamedTypeSymbol> AssemblyOwnedTypes(ScopeIndex index, INamespaceSymbol root)
    {
        var namespaces = new Stack<INamespaceSymbol>();
        namespaces.Push(root);
        while (namespaces.Count > 0)
        {
            var ns = namespaces.Pop();
            foreach (var member in ns.GetMembers())
            {
                if (member is INamespaceSymbol child)
                {
                    namespaces.Push(child);
                }
                else if (member is INamedTypeSymbol type && !index.IsPrincipal(type))
                {
                    foreach (var owned in PrincipalUses.OwnTypes(index, type))
                    {
                        yield return owned;
                    }
                }
            }
        }
    }
}
