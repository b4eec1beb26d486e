using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PermissionAnalyzer.Engine;

namespace PermissionAnalyzer.Rules;

/// <summary>
/// Checks what states the scope catalog and the maps: PA0011 at each bad line of a scope map (parse errors,
/// invalid scopes, duplicates, IDs that match no symbol, implication cycles), and PA0008 on the arguments of
/// <c>[assembly: ScopeImplies]</c> and <c>[assembly: DestructiveScope]</c> written in source (invalid scopes,
/// cycles). Both show live: an additional-file action and a syntax-node action, no compilation end.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ScopeCatalogAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.Live.InvalidScopeMapEntry,
        Descriptors.Live.InvalidScope);

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
            if (!index.Maps.IsEmpty)
            {
                start.RegisterAdditionalFileAction(c => AnalyzeMap(index, c));
            }

            if (start.Compilation.Assembly.GetAttributes().Any(a => AttributeNames.Classify(a) is ScopeAttributeKind.ScopeImplies or ScopeAttributeKind.DestructiveScope))
            {
                start.RegisterSyntaxNodeAction(c => AnalyzeAssemblyAttributes(index, c), SyntaxKind.AttributeList);
            }
        });
    }

    private static void AnalyzeMap(ScopeIndex index, AdditionalFileAnalysisContext context)
    {
        var path = context.AdditionalFile.Path;
        if (!ScopeMapFile.IsMapPath(path))
        {
            return;
        }

        foreach (var problem in index.Maps.Problems)
        {
            if (problem.Span.Path == path)
            {
                var additional = problem.First is { } first ? new[] { first.ToLocation() } : null;
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.Live.InvalidScopeMapEntry, problem.Span.ToLocation(), additional, problem.Reason));
            }
        }

        foreach (var entry in index.Maps.Symbols)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (entry.Value.Span.Path == path && index.UnresolvedMapIds.Contains(entry.Key))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.Live.InvalidScopeMapEntry,
                    entry.Value.Span.ToLocation(),
                    $"'{entry.Key}' matches no symbol of the compilation or its references"));
            }
        }

        var reported = new System.Collections.Generic.HashSet<Microsoft.CodeAnalysis.Text.TextSpan>();
        foreach (var (implication, cycle) in index.Catalog.Cycles())
        {
            if (implication.Map is { } span && span.Path == path && reported.Add(span.Span))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.Live.InvalidScopeMapEntry, span.ToLocation(), Descriptors.InvalidReasons.Cycle(cycle)));
            }
        }
    }

    private static void AnalyzeAssemblyAttributes(ScopeIndex index, SyntaxNodeAnalysisContext context)
    {
        var list = (AttributeListSyntax)context.Node;
        if (list.Target?.Identifier.IsKind(SyntaxKind.AssemblyKeyword) != true)
        {
            return;
        }

        var attributes = index.Compilation.Assembly.GetAttributes()
            .Where(a => a.ApplicationSyntaxReference is { } reference && reference.SyntaxTree == list.SyntaxTree && list.Span.Contains(reference.Span))
            .ToImmutableArray();
        foreach (var invalid in ScopeArgumentChecks.ValidateRequirements(index, attributes, context.CancellationToken, catalog: true))
        {
            context.ReportDiagnostic(ScopeArgumentChecks.Report(Descriptors.Live.InvalidScope, invalid));
        }

        foreach (var (implication, cycle) in index.Catalog.Cycles())
        {
            if (implication.Attribute is { } reference
                && reference.SyntaxTree == list.SyntaxTree
                && list.Span.Contains(reference.Span)
                && ScopeCatalog.ImpliedArgument(reference, implication.ImpliedIndex, context.CancellationToken) is { } argument)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.Live.InvalidScope,
                    argument.GetLocation(),
                    AttributeNames.ShortName(ScopeAttributeKind.ScopeImplies),
                    Descriptors.InvalidReasons.Cycle(cycle)));
            }
        }
    }
}
