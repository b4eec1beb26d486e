using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PermissionAnalyzer.Rules;

namespace PermissionAnalyzer.Benchmarks;

/// <summary>The analyzer sets measured against each other.</summary>
public enum AnalyzerKind
{
    /// <summary>An analyzer that registers nothing: what the driver costs by itself.</summary>
    Floor,

    /// <summary>Both analyzers of the package: PrincipalAnalyzer and AssemblyPrincipalAnalyzer.</summary>
    PermissionAnalyzer,

    /// <summary>Microsoft.CodeAnalysis.BannedApiAnalyzers 3.3.4, banning the same annotated APIs.</summary>
    BannedApiAnalyzers,
}

public static class AnalyzerSets
{
    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> Peer = new(LoadBannedApiAnalyzers);

    public static ImmutableArray<DiagnosticAnalyzer> For(AnalyzerKind kind) => kind switch
    {
        AnalyzerKind.Floor => ImmutableArray.Create<DiagnosticAnalyzer>(new FloorAnalyzer()),
        // PA_BENCH_ALL_ANALYZERS=1: every analyzer of the package (the boundary rules and the catalog's too), as a build runs them.
        AnalyzerKind.PermissionAnalyzer when Environment.GetEnvironmentVariable("PA_BENCH_ALL_ANALYZERS") == "1" =>
            ImmutableArray.Create<DiagnosticAnalyzer>(new PrincipalAnalyzer(), new AssemblyPrincipalAnalyzer(), new DeclaredRequirementAnalyzer(), new ScopeCatalogAnalyzer()),
        AnalyzerKind.PermissionAnalyzer => ImmutableArray.Create<DiagnosticAnalyzer>(new PrincipalAnalyzer(), new AssemblyPrincipalAnalyzer()),
        AnalyzerKind.BannedApiAnalyzers => Peer.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// The peer's C# analyzers, loaded from its package folder (recorded at build time) the way a host loads
    /// an analyzer reference.
    /// </summary>
    private static ImmutableArray<DiagnosticAnalyzer> LoadBannedApiAnalyzers()
    {
        var packagePath = typeof(AnalyzerSets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "BannedApiAnalyzersPath").Value;
        var folder = Path.Combine(packagePath ?? string.Empty, "analyzers", "dotnet", "cs");
        var loader = new DefaultLoader();
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var file in Directory.GetFiles(folder, "*.dll").OrderBy(f => f, StringComparer.Ordinal))
        {
            loader.AddDependencyLocation(file);
        }

        foreach (var file in Directory.GetFiles(folder, "*.dll").OrderBy(f => f, StringComparer.Ordinal))
        {
            analyzers.AddRange(new AnalyzerFileReference(file, loader).GetAnalyzers(LanguageNames.CSharp));
        }

        if (analyzers.Count == 0)
        {
            throw new InvalidOperationException($"No BannedApiAnalyzers found in {folder}");
        }

        return analyzers.ToImmutable();
    }

    private sealed class DefaultLoader : IAnalyzerAssemblyLoader
    {
        private readonly ConcurrentDictionary<string, string> byName = new(StringComparer.OrdinalIgnoreCase);

        public DefaultLoader()
        {
            AppDomain.CurrentDomain.AssemblyResolve += (_, args) =>
                byName.TryGetValue(new AssemblyName(args.Name).Name ?? string.Empty, out var path) ? Assembly.LoadFrom(path) : null;
        }

        public void AddDependencyLocation(string fullPath) => byName[Path.GetFileNameWithoutExtension(fullPath)] = fullPath;

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}

/// <summary>Registers nothing: the cost of running the analyzer driver over the compilation at all.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("FLOOR0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
    }
}

/// <summary>
/// Answers whether <see cref="Compilation.GetSemanticModel(SyntaxTree, bool)"/> inside the driver returns the
/// driver's own (cached) model: compares it with the model the driver hands a semantic-model action.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SemanticModelProbe : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("PROBE0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private int same;
    private int different;
    private int stable;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public int Same => same;

    public int Different => different;

    /// <summary>Two calls of GetSemanticModel for one tree returned one instance.</summary>
    public int Stable => stable;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSemanticModelAction(c =>
        {
#pragma warning disable RS1030 // The probe measures exactly this call.
            var model = c.SemanticModel.Compilation.GetSemanticModel(c.SemanticModel.SyntaxTree);
            var again = c.SemanticModel.Compilation.GetSemanticModel(c.SemanticModel.SyntaxTree);
#pragma warning restore RS1030
            Interlocked.Increment(ref ReferenceEquals(model, c.SemanticModel) ? ref same : ref different);
            if (ReferenceEquals(model, again))
            {
                Interlocked.Increment(ref stable);
            }
        });
    }
}
