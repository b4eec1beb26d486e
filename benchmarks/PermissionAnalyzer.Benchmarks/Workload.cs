using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace PermissionAnalyzer.Benchmarks;

/// <summary>What a shape at a size contains, as the report gives it.</summary>
public sealed record WorkloadCounts(int Files, int Lines, int Calls, int AnnotatedApis, int Principals);

/// <summary>
/// One synthetic compilation, parsed once. <see cref="FreshCompilation"/> hands out a clone per run: a clone
/// shares the syntax trees and the referenced assemblies' symbols (as the IDE and a build do) but none of the
/// source symbols or bound bodies, so every analyzer run binds from scratch.
/// </summary>
public sealed class Workload
{
    private static readonly ConcurrentDictionary<(Shape, int), Workload> Cache = new();

    private static readonly System.Lazy<ImmutableArray<MetadataReference>> Net80References = new(LoadNet80References);

    private readonly CSharpCompilation compilation;

    private Workload(Shape shape, int files)
    {
        Shape = shape;
        var code = CodeGenerator.Generate(shape, files);
        ExpectsDiagnostics = code.ExpectsDiagnostics;
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = code.Files
            .Select(f => CSharpSyntaxTree.ParseText(SourceText.From(f.Text, Encoding.UTF8), parseOptions, f.Path))
            .ToImmutableArray();

        var references = Net80References.Value
            .Add(MetadataReference.CreateFromFile(typeof(GrantedScopesAttribute).Assembly.Location));
        compilation = CSharpCompilation.Create(
            $"Bench{shape}{files}",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        if (errors.Count > 0)
        {
            throw new System.InvalidOperationException($"Generated {shape} code does not compile: {string.Join("; ", errors)}");
        }

        var annotated = AnnotatedApis(compilation);
        if (code.ScopeMap is { } map)
        {
            // The map stands for the attributes: the peer bans the mapped APIs instead.
            annotated.AddRange(map.Split('\n').Where(l => l.StartsWith("M:", System.StringComparison.Ordinal)).Select(l => l.Substring(0, l.IndexOf(';'))));
            annotated.Sort(System.StringComparer.Ordinal);
        }

        var bannedSymbols = new StringBuilder();
        foreach (var api in annotated)
        {
            bannedSymbols.Append(api).Append(";Requires a scope\n");
        }

        var additionalFiles = ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("BannedSymbols.txt", bannedSymbols.ToString()));
        if (code.ScopeMap is { } scopeMap)
        {
            // One text for every run, as a host keeps an unchanged file: its parse is cached, its IDs resolved per compilation.
            additionalFiles = additionalFiles.Add(new InMemoryAdditionalText("ScopeMap.txt", scopeMap));
            ScopeMapLines = scopeMap.Count(c => c == '\n');
        }

        Options = new AnalyzerOptions(additionalFiles);
        Counts = new WorkloadCounts(
            trees.Length,
            trees.Sum(t => t.GetText().Lines.Count),
            trees.Sum(t => t.GetRoot().DescendantNodes().Count(n => n is InvocationExpressionSyntax)),
            annotated.Count,
            code.Principals);
    }

    public Shape Shape { get; }

    /// <summary>The parsed files, in generation order.</summary>
    public ImmutableArray<SyntaxTree> Trees => compilation.SyntaxTrees;

    /// <summary>The .NET 8 reference assemblies and the package's attributes.</summary>
    public ImmutableArray<MetadataReference> References => compilation.References.ToImmutableArray();

    public WorkloadCounts Counts { get; }

    /// <summary>Whether both analyzers must report on this shape (all shapes but the unannotated one).</summary>
    public bool ExpectsDiagnostics { get; }

    /// <summary>The lines of the shape's <c>ScopeMap.txt</c>, 0 without one.</summary>
    public int ScopeMapLines { get; }

    /// <summary>
    /// The options every analyzer gets: <c>BannedSymbols.txt</c> bans exactly the annotated (or mapped) APIs, and
    /// <c>ScopeMap.txt</c> comes with the shapes that have one.
    /// </summary>
    public AnalyzerOptions Options { get; }

    public static Workload Get(Shape shape, int files) => Cache.GetOrAdd((shape, files), k => new Workload(k.Item1, k.Item2));

    public Compilation FreshCompilation() => compilation.Clone();

    /// <summary>Runs the analyzers over a fresh compilation, as a build does (concurrent), and returns what they report.</summary>
    public ImmutableArray<Diagnostic> Analyze(ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken = default)
    {
        var withAnalyzers = FreshCompilation().WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(Options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        return withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>
    /// <see cref="Analyze"/> with the driver's execution-time log on, as a build with <c>-p:ReportAnalyzer=true</c> runs
    /// it: returns the diagnostics and the analyzers' own execution time (the sum of
    /// <see cref="AnalyzerTelemetryInfo.ExecutionTime"/> over the set, what the build's analyzer report prints).
    /// </summary>
    public (ImmutableArray<Diagnostic> Diagnostics, System.TimeSpan Own) AnalyzeWithTelemetry(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var withAnalyzers = FreshCompilation().WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(Options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        var own = System.TimeSpan.Zero;
        foreach (var analyzer in analyzers)
        {
            own += withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
        }

        return (diagnostics, own);
    }

    /// <summary>The documentation IDs (<c>M:Ns.Type.Method(System.String)</c>) of every method that declares <c>[RequiresScope]</c>.</summary>
    private static List<string> AnnotatedApis(Compilation compilation)
    {
        var ids = new List<string>();
        var namespaces = new Stack<INamespaceSymbol>();
        namespaces.Push(compilation.Assembly.GlobalNamespace);
        while (namespaces.Count > 0)
        {
            foreach (var member in namespaces.Pop().GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    namespaces.Push(ns);
                    continue;
                }

                foreach (var method in ((INamedTypeSymbol)member).GetMembers().OfType<IMethodSymbol>())
                {
                    if (method.GetAttributes().Any(a => a.AttributeClass?.Name == nameof(RequiresScopeAttribute))
                        && DocumentationCommentId.CreateDeclarationId(method) is { } id)
                    {
                        ids.Add(id);
                    }
                }
            }
        }

        ids.Sort(System.StringComparer.Ordinal);
        return ids;
    }

    /// <summary>
    /// The .NET 8 reference assemblies Basic.Reference.Assemblies.Net80 embeds. Only its resources are read: its
    /// code is built against a newer Roslyn than the one pinned here, so none of it runs.
    /// </summary>
    private static ImmutableArray<MetadataReference> LoadNet80References()
    {
        var assembly = System.Reflection.Assembly.LoadFrom(System.IO.Path.Combine(System.AppContext.BaseDirectory, "Basic.Reference.Assemblies.Net80.dll"));
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("net80.", System.StringComparison.Ordinal)).OrderBy(n => n, System.StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            references.Add(MetadataReference.CreateFromStream(stream, filePath: name));
        }

        if (references.Count < 100)
        {
            throw new System.InvalidOperationException($"Expected the .NET 8 reference assemblies, found {references.Count} in {assembly.Location}");
        }

        return references.ToImmutable();
    }

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText text;

        public InMemoryAdditionalText(string path, string content)
        {
            Path = path;
            text = SourceText.From(content, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}
