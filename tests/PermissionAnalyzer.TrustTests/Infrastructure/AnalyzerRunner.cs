using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using PermissionAnalyzer.Rules;

namespace PermissionAnalyzer.TrustTests.Infrastructure;

/// <summary>What one analyzer run produced: the compiler's diagnostics, the analyzers', and every analyzer exception.</summary>
public sealed class AnalysisResult
{
    public AnalysisResult(ImmutableArray<Diagnostic> compiler, ImmutableArray<Diagnostic> analyzer, IReadOnlyList<string> exceptions, AnalyzerTelemetryInfo? telemetry, TimeSpan elapsed)
    {
        Compiler = compiler;
        Analyzer = analyzer;
        Exceptions = exceptions;
        Telemetry = telemetry;
        Elapsed = elapsed;
    }

    public ImmutableArray<Diagnostic> Compiler { get; }

    /// <summary>The package's diagnostics (PA*), sorted by location then ID then message.</summary>
    public ImmutableArray<Diagnostic> Analyzer { get; }

    /// <summary>Analyzer exceptions, from <c>onAnalyzerException</c> and AD0001 diagnostics.</summary>
    public IReadOnlyList<string> Exceptions { get; }

    /// <summary>Telemetry of <see cref="PrincipalAnalyzer"/>: which actions ran.</summary>
    public AnalyzerTelemetryInfo? Telemetry { get; }

    public TimeSpan Elapsed { get; }

    public IEnumerable<Diagnostic> Errors => Compiler.Where(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>
/// Drives both analyzers of the package directly through <see cref="CompilationWithAnalyzers"/>: far faster
/// than the test harness, which matters when thousands of generated programs are checked.
/// </summary>
public static class AnalyzerRunner
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() => LoadReferences(IsFrameworkAssembly));

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyMinimalReferences = new(() => LoadReferences(name =>
        name is "System.Private.CoreLib" or "System.Runtime" or "netstandard" or "Microsoft.CSharp" or "System.Linq.Expressions" or "System.Core"));

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>Every analyzer of the package (found by reflection, so a new one is driven too), <see cref="PrincipalAnalyzer"/> first.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() =>
        typeof(PrincipalAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0)
            .OrderBy(t => t == typeof(PrincipalAnalyzer) ? 0 : 1)
            .ThenBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>The rule IDs the package's analyzers declare.</summary>
    public static IReadOnlySet<string> SupportedIds { get; } =
        CreateAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>The runtime's trusted platform assemblies and the package's attributes.</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>What generated programs need (dynamic included): far fewer references to bind makes each compilation cheaper.</summary>
    public static ImmutableArray<MetadataReference> MinimalReferences => LazyMinimalReferences.Value;

    private static ImmutableArray<MetadataReference> LoadReferences(Func<string, bool> include)
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => include(Path.GetFileNameWithoutExtension(p)))
            .OrderBy(p => p, StringComparer.Ordinal);
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(GrantedScopesAttribute).Assembly.Location))
            .ToImmutableArray();
    }

    private static bool IsFrameworkAssembly(string name) =>
        name is "netstandard" or "mscorlib"
        || ((name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.CSharp", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal))
            && !name.Contains("Private.", StringComparison.Ordinal)
            && !name.Contains("Xml.Linq", StringComparison.Ordinal))
        || name == "System.Private.CoreLib";

    /// <summary>An additional file (a scope map) with the given path and text.</summary>
    public static AdditionalText AdditionalFile(string path, string text) => new InMemoryText(path, text);

    public static SyntaxTree Parse(string source, string path = "Test0.cs") =>
        CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees, IEnumerable<MetadataReference>? extraReferences = null, string assemblyName = "Gen", bool minimal = false) =>
        CSharpCompilation.Create(
            assemblyName,
            trees,
            (minimal ? MinimalReferences : References).Concat(extraReferences ?? Array.Empty<MetadataReference>()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false));

    /// <summary>Compiles a library and emits it, so its <c>[RequiresScope]</c> are seen only through metadata.</summary>
    public static MetadataReference EmitLibrary(string source, string assemblyName)
    {
        var compilation = Compile(new[] { Parse(source, assemblyName + ".cs") }, assemblyName: assemblyName, minimal: true);
        using var stream = new MemoryStream();
        // Metadata only: the analyzer never sees a referenced assembly's bodies, and it is several times faster.
        var emitted = compilation.Emit(stream, options: new Microsoft.CodeAnalysis.Emit.EmitOptions(metadataOnly: true));
        if (!emitted.Success)
        {
            throw new InvalidOperationException("The library does not compile:\n" + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) + "\n" + source);
        }

        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    public static AnalysisResult Run(string source, IEnumerable<MetadataReference>? extraReferences = null, bool concurrent = false, bool withDeclaredRequirementRules = false) =>
        Run(Compile(new[] { Parse(source) }, extraReferences), concurrent, withDeclaredRequirementRules: withDeclaredRequirementRules);

    /// <summary>
    /// Runs the grant and use analyzers (every other analyzer of the package too); with <paramref name="withDeclaredRequirementRules"/>
    /// also the PA0012/PA0013 analyzer (the robustness checks, the differential check and the regression programs).
    /// </summary>
    public static AnalysisResult Run(Compilation compilation, bool concurrent = false, CancellationToken cancellationToken = default, bool withDeclaredRequirementRules = false, IEnumerable<AdditionalText>? additionalFiles = null)
    {
        var exceptions = new ConcurrentQueue<string>();
        var analyzers = withDeclaredRequirementRules
            ? CreateAnalyzers()
            : CreateAnalyzers().Where(a => a is not DeclaredRequirementAnalyzer).ToImmutableArray();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles?.ToImmutableArray() ?? ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception),
            concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        var all = withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();
        var telemetry = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzers[0], cancellationToken).GetAwaiter().GetResult();
        watch.Stop();

        foreach (var diagnostic in all.Where(d => d.Id == "AD0001"))
        {
            exceptions.Enqueue(diagnostic.ToString());
        }

        var analyzerDiagnostics = all.Where(d => d.Id.StartsWith("PA", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Location.SourceSpan.End)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.GetMessage(), StringComparer.Ordinal)
            .ToImmutableArray();
        var compilerDiagnostics = all.Where(d => !d.Id.StartsWith("PA", StringComparison.Ordinal) && d.Id != "AD0001").ToImmutableArray();
        return new AnalysisResult(compilerDiagnostics, analyzerDiagnostics, exceptions.ToArray(), telemetry, watch.Elapsed);
    }
}

/// <summary>An <see cref="AdditionalText"/> held in memory.</summary>
internal sealed class InMemoryText : AdditionalText
{
    private readonly Microsoft.CodeAnalysis.Text.SourceText text;

    public InMemoryText(string path, string text)
    {
        Path = path;
        this.text = Microsoft.CodeAnalysis.Text.SourceText.From(text, System.Text.Encoding.UTF8);
    }

    public override string Path { get; }

    public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => text;
}
