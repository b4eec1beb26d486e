using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace PermissionAnalyzer.Benchmarks;

/// <summary>Where an edit types, relative to the principal whose file is open.</summary>
public enum EditKind
{
    /// <summary>Inside a method body of the open principal.</summary>
    PrincipalBody,

    /// <summary>Inside a method body of a file the principal does not reach.</summary>
    UnrelatedFile,

    /// <summary>Inside a helper the principal reaches.</summary>
    ReachedHelper,
}

/// <summary>One analyzer set's latencies and allocations for one kind of edit.</summary>
public sealed record EditResult(AnalyzerKind Analyzer, EditKind Edit, double MedianMs, double P95Ms, double AllocatedMbPerEdit, int Diagnostics);

/// <summary>
/// What the IDE does while a principal's file is open: an <see cref="AdhocWorkspace"/> holds the generated project;
/// each edit changes one document's text (the workspace reparses it incrementally and makes the next compilation
/// from the previous one by replacing that tree, as the IDE's compilation tracker does); after each edit a new
/// <see cref="CompilationWithAnalyzers"/> runs the document-scoped analysis the IDE runs for an open file: the syntax
/// diagnostics of its tree and the semantic diagnostics of its semantic model (the whole document's span). Nothing of
/// a previous compilation's analysis survives except what the analyzers themselves keep across compilations.
/// </summary>
public static class EditorLatency
{
    /// <summary><c>--editor Shape Files [EditsPerKind] [Analyzer|all]</c>: prints one row per analyzer set and kind of edit.</summary>
    public static int Run(string[] args)
    {
        var shape = Enum.Parse<Shape>(args[0], ignoreCase: true);
        var files = int.Parse(args[1], CultureInfo.InvariantCulture);
        var edits = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        var kinds = args.Length > 3 && args[3] != "all"
            ? new[] { Enum.Parse<AnalyzerKind>(args[3], ignoreCase: true) }
            : new[] { AnalyzerKind.PermissionAnalyzer, AnalyzerKind.BannedApiAnalyzers, AnalyzerKind.Floor };
        var session = new EditorSession(Workload.Get(shape, files));
        Console.WriteLine($"{shape} {files}: {session.Workload.Counts}; open: {session.OpenPath}; unrelated: {session.UnrelatedPath}; reached helper: {session.HelperPath}");
        Console.WriteLine("| Analyzer | Edit | Median | p95 | Allocated per edit | Diagnostics in the open file |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var kind in kinds)
        {
            foreach (var result in session.Measure(kind, edits))
            {
                Console.WriteLine(Row(result));
            }
        }

        return 0;
    }

    /// <summary>
    /// <c>--editor-burst Shape Files [Keystrokes] [IntervalMs] [Analyzer]</c>: typing in the principal's body, a keystroke
    /// every interval, each cancelling the analysis of the previous one as the IDE does. Reports the latency after the
    /// last keystroke, how long the abandoned analyses kept running, and the process's CPU time for the burst.
    /// </summary>
    public static int Burst(string[] args)
    {
        var shape = Enum.Parse<Shape>(args[0], ignoreCase: true);
        var files = int.Parse(args[1], CultureInfo.InvariantCulture);
        var keystrokes = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var interval = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200;
        var kinds = args.Length > 4
            ? new[] { Enum.Parse<AnalyzerKind>(args[4], ignoreCase: true) }
            : new[] { AnalyzerKind.PermissionAnalyzer, AnalyzerKind.BannedApiAnalyzers };
        var session = new EditorSession(Workload.Get(shape, files));
        Console.WriteLine($"{shape} {files}: {session.Workload.Counts}; open: {session.OpenPath}; {keystrokes} keystrokes {interval} ms apart");
        Console.WriteLine("| Analyzer | Latency after the last keystroke | Abandoned analyses still running after it | CPU time of the burst | Cancelled |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var kind in kinds)
        {
            for (var run = 0; run < 3; run++)
            {
                var r = session.MeasureBurst(kind, keystrokes, interval);
                Console.WriteLine(FormattableString.Invariant($"| {kind} | {r.LatencyMs:F0} ms | {r.AbandonedMs:F0} ms | {r.CpuMs:F0} ms | {r.Cancelled} of {keystrokes - 1} |"));
            }
        }

        return 0;
    }

    public static string Row(EditResult r) =>
        FormattableString.Invariant($"| {r.Analyzer} | {r.Edit} | {r.MedianMs:F1} ms | {r.P95Ms:F1} ms | {r.AllocatedMbPerEdit:F1} MB | {r.Diagnostics} |");
}

/// <summary>A workspace with one project of generated code and one open principal file.</summary>
public sealed class EditorSession
{
    private readonly ProjectId projectId;
    private readonly DocumentId openDocument;
    private readonly (DocumentId Document, string Type, string Method) principalBody;
    private readonly (DocumentId Document, string Type, string Method) unrelated;
    private readonly (DocumentId Document, string Type, string Method) helper;
    private readonly Solution initial;

    public EditorSession(Workload workload)
    {
        Workload = workload;
        var workspace = new AdhocWorkspace();
        projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "Bench",
            "Bench",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
            metadataReferences: workload.References));

        var byPath = new Dictionary<string, DocumentId>(StringComparer.Ordinal);
        foreach (var tree in workload.Trees)
        {
            var id = DocumentId.CreateNewId(projectId, tree.FilePath);
            solution = solution.AddDocument(id, tree.FilePath, tree.GetText(), filePath: tree.FilePath);
            byPath[tree.FilePath] = id;
        }

        foreach (var additional in workload.Options.AdditionalFiles)
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId, additional.Path), additional.Path, additional.GetText()!, filePath: additional.Path);
        }

        initial = solution;
        var targets = EditTargets.For(workload);
        OpenPath = targets.Open;
        UnrelatedPath = targets.Unrelated.Path;
        HelperPath = targets.Helper.Path;
        openDocument = byPath[targets.Open];
        principalBody = (openDocument, targets.OpenType, targets.OpenMethod);
        unrelated = (byPath[targets.Unrelated.Path], targets.Unrelated.Type, targets.Unrelated.Method);
        helper = (byPath[targets.Helper.Path], targets.Helper.Type, targets.Helper.Method);
    }

    public Workload Workload { get; }

    public string OpenPath { get; }

    public string UnrelatedPath { get; }

    public string HelperPath { get; }

    /// <summary>Opens the file (one untimed analysis), then times <paramref name="edits"/> edits of each kind, in order.</summary>
    public IReadOnlyList<EditResult> Measure(AnalyzerKind kind, int edits)
    {
        var analyzers = AnalyzerSets.For(kind);
        var solution = initial;
        AnalyzeOpenDocument(solution, analyzers);
        var results = new List<EditResult>();
        foreach (var edit in (EditKind[])Enum.GetValues(typeof(EditKind)))
        {
            var target = edit switch
            {
                EditKind.PrincipalBody => principalBody,
                EditKind.UnrelatedFile => unrelated,
                _ => helper,
            };

            var times = new List<double>();
            long allocated = 0;
            var diagnostics = 0;
            for (var i = 0; i < edits; i++)
            {
                solution = Type(solution, target, i);
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                diagnostics = AnalyzeOpenDocument(solution, analyzers).Length;
                watch.Stop();
                allocated += GC.GetTotalAllocatedBytes(precise: true) - before;
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            results.Add(new EditResult(
                kind,
                edit,
                times[times.Count / 2],
                times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)],
                allocated / 1048576.0 / edits,
                diagnostics));
        }

        return results;
    }

    /// <summary>One burst of typing in the principal's body; see <see cref="EditorLatency.Burst"/>.</summary>
    public (double LatencyMs, double AbandonedMs, double CpuMs, int Cancelled) MeasureBurst(AnalyzerKind kind, int keystrokes, int intervalMs)
    {
        var analyzers = AnalyzerSets.For(kind);
        var solution = initial;
        AnalyzeOpenDocument(solution, analyzers);
        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var analyses = new List<Task<ImmutableArray<Diagnostic>>>();
        var ended = new double[keystrokes];
        CancellationTokenSource? previous = null;
        for (var i = 0; i < keystrokes; i++)
        {
            solution = Type(solution, principalBody, 1000 + i);
            previous?.Cancel();
            var source = new CancellationTokenSource();
            previous = source;
            var snapshot = solution;
            var index = i;
            analyses.Add(Task.Run(async () =>
            {
                try
                {
                    return await AnalyzeOpenDocumentAsync(snapshot, analyzers, source.Token).ConfigureAwait(false);
                }
                finally
                {
                    ended[index] = clock.Elapsed.TotalMilliseconds;
                }
            }));

            if (i < keystrokes - 1)
            {
                Thread.Sleep(intervalMs);
            }
        }

        var lastKeystroke = clock.Elapsed.TotalMilliseconds;
        var cancelled = 0;
        foreach (var analysis in analyses)
        {
            try
            {
                analysis.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                cancelled++;
            }
        }

        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var abandoned = 0.0;
        for (var i = 0; i < keystrokes - 1; i++)
        {
            abandoned = Math.Max(abandoned, ended[i] - lastKeystroke);
        }

        return (ended[keystrokes - 1] - lastKeystroke, Math.Max(0, abandoned), cpu, cancelled);
    }

    /// <summary>
    /// What the IDE computes for the open document after an edit: the project's next compilation (from the workspace),
    /// then the analyzers' syntax and semantic diagnostics of that document.
    /// </summary>
    public ImmutableArray<Diagnostic> AnalyzeOpenDocument(Solution solution, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken = default) =>
        AnalyzeOpenDocumentAsync(solution, analyzers, cancellationToken).GetAwaiter().GetResult();

    private async Task<ImmutableArray<Diagnostic>> AnalyzeOpenDocumentAsync(Solution solution, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken)
    {
        var project = solution.GetProject(projectId)!;
        var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var tree = (await project.GetDocument(openDocument)!.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false))!;
        var model = withAnalyzers.Compilation.GetSemanticModel(tree);
        var syntax = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, cancellationToken).ConfigureAwait(false);
        var semantic = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, cancellationToken).ConfigureAwait(false);
        return syntax.AddRange(semantic);
    }

    /// <summary>One edit: a statement typed at the start of the method's body (or a term before its expression body).</summary>
    private static Solution Type(Solution solution, (DocumentId Document, string Type, string Method) target, int n)
    {
        var document = solution.GetDocument(target.Document)!;
        var root = (CompilationUnitSyntax)document.GetSyntaxRootAsync().GetAwaiter().GetResult()!;
        var method = root.DescendantNodes().OfType<MethodDeclarationSyntax>()
            .First(m => m.Identifier.ValueText == target.Method && m.Parent is TypeDeclarationSyntax type && type.Identifier.ValueText == target.Type);
        var change = method.Body is { } body
            ? new TextChange(new TextSpan(body.OpenBraceToken.Span.End, 0), FormattableString.Invariant($"\n        _ = {n};"))
            : new TextChange(new TextSpan(method.ExpressionBody!.Expression.SpanStart, 0), FormattableString.Invariant($"{n} * 0 + "));
        var text = document.GetTextAsync().GetAwaiter().GetResult();
        return solution.WithDocumentText(target.Document, text.WithChanges(change));
    }
}

/// <summary>Which file is open and where each kind of edit types, per shape.</summary>
public sealed record EditTargets(
    string Open,
    string OpenType,
    string OpenMethod,
    (string Path, string Type, string Method) Unrelated,
    (string Path, string Type, string Method) Helper)
{
    public static EditTargets For(Workload workload)
    {
        var files = workload.Trees.Length;
        switch (workload.Shape)
        {
            case Shape.Annotated:
            case Shape.AnnotatedByMap:
            {
                // The middle principal; another principal's file is unrelated; its API class is what it reaches.
                var apis = Math.Max(10, files / 10);
                var p = (files - apis) / 2;
                var other = p + 1;
                return new EditTargets(
                    $"Partners/Partner{p}.cs", $"Partner{p}", "Sync",
                    ($"Partners/Partner{other}.cs", $"Partner{other}", "Sync"),
                    ($"Apis/Api{p % apis}.cs", $"Api{p % apis}", "Write"));
            }

            case Shape.DeepChain:
            {
                // The middle principal reaches the second half of the chain; the file before its own is not reached.
                var f = (files - 1) / 2 / 10 * 10;
                return new EditTargets(
                    $"Chain/Chain{f}.cs", $"Caller{f}", "Run",
                    ($"Chain/Chain{f - 1}.cs", $"Chain{f - 1}", "Step0"),
                    ($"Chain/Chain{f + 5}.cs", $"Chain{f + 5}", "Step3"));
            }

            case Shape.RealLike:
            {
                // The middle principal; another principal's file is unrelated (principals do not call each other);
                // the node its first entry calls is reached.
                const int p = CodeGenerator.RealLikePrincipals / 2;
                var nodes = files - CodeGenerator.RealLikePrincipals;
                var kind = (p % 3) switch { 0 => "Reader", 1 => "Writer", _ => "Converter" };
                var otherKind = ((p + 1) % 3) switch { 0 => "Reader", 1 => "Writer", _ => "Converter" };
                var target = nodes - 1 - ((p * 13) % Math.Max(1, nodes / 3));
                return new EditTargets(
                    $"Principals/{kind}{p}.cs", $"{kind}{p}", "Run1",
                    ($"Principals/{otherKind}{p + 1}.cs", $"{otherKind}{p + 1}", "Run1"),
                    ($"Lib/Node{target}.cs", $"Node{target}", "M0"));
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(workload), $"No editor scenario for {workload.Shape}: use Annotated, DeepChain or RealLike.");
        }
    }
}
