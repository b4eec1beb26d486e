using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PermissionAnalyzer.Report.Analysis;

/// <summary>Sees the compilation and options the analyzer driver hands the analyzers; reports nothing.</summary>
/// <remarks>
/// Runs only inside this tool's <see cref="CompilationWithAnalyzers"/>, never in a compiler or an IDE, so the
/// rules for shipped compiler extensions (RS1036, RS1038, RS1041, RS2008) do not apply, and its start action
/// registers nothing on purpose (RS1012).
/// </remarks>
#pragma warning disable RS1036, RS1038, RS1041, RS2008, RS1012
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class CompilationProbe : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "PAREPORT", "Compilation probe", "Never reported", "Report", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public Compilation? Compilation { get; private set; }

    public AnalyzerOptions? Options { get; private set; }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            Compilation = start.Compilation;
            Options = start.Options;
        });
    }
}
#pragma warning restore RS1036, RS1038, RS1041, RS2008, RS1012
