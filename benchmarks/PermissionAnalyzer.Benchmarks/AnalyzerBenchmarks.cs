using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PermissionAnalyzer.Benchmarks;

/// <summary>
/// <c>CompilationWithAnalyzers.GetAnalyzerDiagnosticsAsync</c> over a fresh clone of each shape and size:
/// the floor (an analyzer that registers nothing), PermissionAnalyzer, and BannedApiAnalyzers on the same APIs.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class AnalyzerBenchmarks
{
    private static readonly HashSet<(Shape, int)> Checked = new();

    private Workload workload = null!;
    private ImmutableArray<DiagnosticAnalyzer> floor;
    private ImmutableArray<DiagnosticAnalyzer> permissionAnalyzer;
    private ImmutableArray<DiagnosticAnalyzer> bannedApiAnalyzers;

    public static IEnumerable<Shape> Shapes => (Shape[])Enum.GetValues(typeof(Shape));

    [ParamsSource(nameof(Shapes))]
    public Shape Shape { get; set; }

    [Params(100, 1000, 5000)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        workload = Workload.Get(Shape, Files);
        floor = AnalyzerSets.For(AnalyzerKind.Floor);
        permissionAnalyzer = AnalyzerSets.For(AnalyzerKind.PermissionAnalyzer);
        bannedApiAnalyzers = AnalyzerSets.For(AnalyzerKind.BannedApiAnalyzers);
        Console.WriteLine($"// {Shape} {Files}: {workload.Counts}");

        // Once per workload, outside the timing: neither analyzer may be measured as a no-op on an annotated shape.
        if (workload.ExpectsDiagnostics && Checked.Add((Shape, Files)))
        {
            foreach (var (name, analyzers) in new[] { ("PermissionAnalyzer", permissionAnalyzer), ("BannedApiAnalyzers", bannedApiAnalyzers) })
            {
                var count = workload.Analyze(analyzers).Length;
                Console.WriteLine($"// {name} reports {count} diagnostics on {Shape} {Files}");
                if (count == 0)
                {
                    throw new InvalidOperationException($"{name} reported nothing on {Shape} {Files}: the measurement would be of a no-op.");
                }
            }
        }
    }

    [Benchmark(Baseline = true)]
    public int Floor() => workload.Analyze(floor).Length;

    [Benchmark]
    public int PermissionAnalyzer() => workload.Analyze(permissionAnalyzer).Length;

    [Benchmark]
    public int BannedApiAnalyzers() => workload.Analyze(bannedApiAnalyzers).Length;
}
