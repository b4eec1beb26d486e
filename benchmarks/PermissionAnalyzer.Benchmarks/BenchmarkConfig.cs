using System.IO;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace PermissionAnalyzer.Benchmarks;

/// <summary>
/// A short job (one launch, one warmup, three measured iterations, like BenchmarkDotNet's ShortRun), in process: the whole matrix fits in
/// about half an hour on two cores, and the Roslyn the benchmark pins is the one that runs (a generated
/// out-of-process project would resolve BenchmarkDotNet's newer Roslyn instead).
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddColumn(StatisticColumn.Median);
        AddLogger(ConsoleLogger.Default);
        AddExporter(MarkdownExporter.GitHub, CsvExporter.Default);
        WithArtifactsPath(Path.Combine("artifacts", "benchmarks"));
        WithOptions(ConfigOptions.JoinSummary);
    }
}
