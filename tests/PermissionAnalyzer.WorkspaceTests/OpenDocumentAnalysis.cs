using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PermissionAnalyzer.EditorChecks;

namespace PermissionAnalyzer.WorkspaceTests;

/// <summary>
/// The analysis the IDE runs for an open document in its default mode: the document's semantic analysis
/// (syntax-node, operation, semantic-model and symbol actions for what the document declares), never the
/// compilation-end actions, which only full-solution analysis and the build run.
/// </summary>
internal sealed class OpenDocumentAnalysis
{
    private readonly CompilationWithAnalyzers withAnalyzers;
    private readonly ConcurrentQueue<string> exceptions = new();

    private OpenDocumentAnalysis(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options)
    {
        withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                options,
                onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer}: {exception}"),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));
    }

    public static async Task<OpenDocumentAnalysis> ForProjectAsync(Project project, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = await project.GetCompilationAsync() ?? throw new InvalidOperationException($"{project.Name} has no compilation");
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{project.Name} does not compile:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", errors)}");
        }

        return new OpenDocumentAnalysis(compilation, analyzers, project.AnalyzerOptions);
    }

    /// <summary>The document's PA diagnostics, sorted, and how long the analysis took.</summary>
    public async Task<(IReadOnlyList<ExpectedDiagnostic> Diagnostics, ImmutableArray<Diagnostic> Raw, TimeSpan Elapsed)> AnalyzeAsync(Document document)
    {
        var tree = await document.GetSyntaxTreeAsync() ?? throw new InvalidOperationException($"{document.FilePath} has no syntax tree");
        var watch = Stopwatch.StartNew();
        var model = withAnalyzers.Compilation.GetSemanticModel(tree);
        var raw = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None);
        watch.Stop();

        if (!exceptions.IsEmpty)
        {
            throw new InvalidOperationException($"an analyzer threw:{Environment.NewLine}{string.Join(Environment.NewLine, exceptions)}");
        }

        var file = Path.GetRelativePath(SampleExpectations.SampleDirectory, document.FilePath!).Replace('\\', '/');
        var diagnostics = raw
            .Where(d => d.Id.StartsWith("PA", StringComparison.Ordinal) || d.Id == "AD0001")
            .Select(d => ToExpected(file, d))
            .OrderBy(d => d.StartLine).ThenBy(d => d.StartCharacter).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        return (diagnostics, raw, watch.Elapsed);
    }

    public static ExpectedDiagnostic ToExpected(string file, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "info",
            _ => "hidden",
        };
        return new ExpectedDiagnostic(
            file, diagnostic.Id, severity,
            span.StartLinePosition.Line, span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character,
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
