using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Running;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PermissionAnalyzer.Engine;

namespace PermissionAnalyzer.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--smoke")
        {
            return Smoke();
        }

        if (args.Length > 0 && args[0] == "--counts")
        {
            return Counts(args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).DefaultIfEmpty(100).ToArray());
        }

        if (args.Length > 0 && args[0] == "--quick")
        {
            return Quick(args.Skip(1).ToArray());
        }

        if (args.Length == 4 && args[0] == "--write")
        {
            return Write(Enum.Parse<Shape>(args[1], ignoreCase: true), int.Parse(args[2], CultureInfo.InvariantCulture), args[3]);
        }

        if (args.Length > 0 && args[0] == "--graph-map")
        {
            return GraphMapCost();
        }

        if (args.Length > 0 && args[0] == "--editor-burst")
        {
            return EditorLatency.Burst(args.Skip(1).ToArray());
        }

        if (args.Length > 0 && args[0] == "--editor")
        {
            return EditorLatency.Run(args.Skip(1).ToArray());
        }

        BenchmarkSwitcher.FromTypes(new[] { typeof(AnalyzerBenchmarks), typeof(ScopeMapBenchmarks) }).Run(args);
        return 0;
    }

    /// <summary>
    /// The CI check: the smallest compilation of every shape, each analyzer run once; the annotated shapes must
    /// make both PermissionAnalyzer and BannedApiAnalyzers report, the floor never reports. Exit code 0 or 1.
    /// </summary>
    private static int Smoke()
    {
        var failures = new List<string>();
        var total = Stopwatch.StartNew();
        var permissionDiagnostics = new Dictionary<Shape, ImmutableArray<Diagnostic>>();
        foreach (var shape in (Shape[])Enum.GetValues(typeof(Shape)))
        {
            var workload = Workload.Get(shape, 100);
            Console.WriteLine($"{shape,-12} {workload.Counts}");
            foreach (var kind in (AnalyzerKind[])Enum.GetValues(typeof(AnalyzerKind)))
            {
                var watch = Stopwatch.StartNew();
                var diagnostics = workload.Analyze(AnalyzerSets.For(kind));
                watch.Stop();
                var ids = string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}"));
                Console.WriteLine($"  {kind,-20} {diagnostics.Length,6} diagnostics {watch.ElapsedMilliseconds,6} ms  {ids}");
                if (kind == AnalyzerKind.Floor ? diagnostics.Length != 0 : workload.ExpectsDiagnostics && diagnostics.Length == 0)
                {
                    failures.Add($"{kind} reported {diagnostics.Length} diagnostics on {shape}");
                }

                if (kind == AnalyzerKind.PermissionAnalyzer)
                {
                    permissionDiagnostics[shape] = diagnostics;
                }

                if (kind == AnalyzerKind.PermissionAnalyzer && shape == Shape.Unannotated && diagnostics.Length != 0)
                {
                    failures.Add($"{kind} reported on unannotated code");
                }
            }
        }

        // The map must stand for the attributes exactly: the same diagnostics on the principals (whose files are identical).
        var byAttributes = Describe(permissionDiagnostics[Shape.Annotated]);
        var byMap = Describe(permissionDiagnostics[Shape.AnnotatedByMap]);
        var differences = byAttributes.Except(byMap).Select(d => $"only with attributes: {d}")
            .Concat(byMap.Except(byAttributes).Select(d => $"only with the map: {d}")).Take(5).ToList();
        Console.WriteLine($"Annotated and AnnotatedByMap: {byAttributes.Count} and {byMap.Count} PermissionAnalyzer diagnostics, {(differences.Count == 0 ? "identical" : "different")}");
        failures.AddRange(differences);

        var mapWatch = Stopwatch.StartNew();
        var parsed = ScopeMapFile.Of(SourceText.From(CodeGenerator.ScopeMapOfLines(10_000), Encoding.UTF8));
        mapWatch.Stop();
        Console.WriteLine($"ScopeMap.txt of 10,000 lines: {parsed.Entries.Length} entries, {parsed.Errors.Length} errors, parsed in {mapWatch.ElapsedMilliseconds} ms");
        if (parsed.Entries.Length != 10_000 || parsed.Errors.Length != 0)
        {
            failures.Add("the generated 10,000-line scope map does not parse into 10,000 entries");
        }

        // The editor-latency scenario, small: one edit of each kind per shape; PermissionAnalyzer must report in the open file.
        foreach (var shape in new[] { Shape.Annotated, Shape.DeepChain, Shape.RealLike })
        {
            var session = new EditorSession(Workload.Get(shape, 100));
            Console.WriteLine($"Editor, {shape} 100: open {session.OpenPath}");
            foreach (var kind in new[] { AnalyzerKind.PermissionAnalyzer, AnalyzerKind.BannedApiAnalyzers })
            {
                foreach (var result in session.Measure(kind, edits: 1))
                {
                    Console.WriteLine("  " + EditorLatency.Row(result));
                    if (kind == AnalyzerKind.PermissionAnalyzer && result.Diagnostics == 0)
                    {
                        failures.Add($"PermissionAnalyzer reported nothing in the open file of {shape} after a {result.Edit} edit");
                    }
                }
            }
        }

        var probe = new SemanticModelProbe();
        Workload.Get(Shape.Annotated, 100).Analyze(ImmutableArray.Create<DiagnosticAnalyzer>(probe));
        Console.WriteLine($"Compilation.GetSemanticModel inside the driver: {probe.Same} trees got the driver's model, {probe.Different} another; {probe.Stable} stable across calls");

        total.Stop();
        foreach (var failure in failures)
        {
            Console.WriteLine($"FAILED: {failure}");
        }

        Console.WriteLine(failures.Count == 0 ? $"bench smoke passed in {total.Elapsed.TotalSeconds:F1} s" : "bench smoke failed");
        return failures.Count == 0 ? 0 : 1;
    }

    private static List<string> Describe(ImmutableArray<Diagnostic> diagnostics) => diagnostics
        .Select(d => FormattableString.Invariant($"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage(CultureInfo.InvariantCulture)}"))
        .OrderBy(d => d, StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// <c>--write Shape Files DIR</c>: the shape as a project on disk (DIR/Bench.csproj, referencing the attributes
    /// project of this repository), to time tools that load projects, such as permission-report (docs/report.md).
    /// </summary>
    private static int Write(Shape shape, int files, string directory)
    {
        var code = CodeGenerator.Generate(shape, files);
        var root = System.IO.Path.GetFullPath(System.IO.Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        var annotations = System.IO.Path.Combine(root, "src", "PermissionAnalyzer.Annotations", "PermissionAnalyzer.Annotations.csproj");
        System.IO.Directory.CreateDirectory(directory);
        foreach (var file in code.Files)
        {
            var path = System.IO.Path.Combine(directory, file.Path);
            System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllText(path, file.Text);
        }

        var additional = code.ScopeMap is null ? string.Empty : "    <AdditionalFiles Include=\"ScopeMap.txt\" />\n";
        if (code.ScopeMap is not null)
        {
            System.IO.File.WriteAllText(System.IO.Path.Combine(directory, "ScopeMap.txt"), code.ScopeMap);
        }

        System.IO.File.WriteAllText(System.IO.Path.Combine(directory, "Bench.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <OutputType>Library</OutputType>\n" +
            "    <Nullable>disable</Nullable>\n    <ImplicitUsings>disable</ImplicitUsings>\n    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>\n  </PropertyGroup>\n  <ItemGroup>\n" +
            $"    <ProjectReference Include=\"{annotations}\" />\n{additional}  </ItemGroup>\n</Project>\n");
        Console.WriteLine($"{shape} {files}: {code.Files.Count} files written to {directory}");
        return 0;
    }

    /// <summary>
    /// The built-in Microsoft Graph map's cost: its embedded size, the first load (decompress and index) in a fresh
    /// process, the memory it keeps, and a cold then warm look-up of one method's terms.
    /// </summary>
    private static int GraphMapCost()
    {
        using (var resource = typeof(PermissionAnalyzer.Engine.Sdks.Graph.GraphMapData).Assembly.GetManifestResourceStream(PermissionAnalyzer.Engine.Sdks.Graph.GraphMapData.ResourceName))
        {
            Console.WriteLine($"embedded resource: {resource?.Length ?? 0:N0} bytes (gzip)");
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var map = PermissionAnalyzer.Engine.Sdks.Graph.GraphMapData.LoadEmbedded();
        var load = watch.Elapsed;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        watch.Restart();
        var terms = map.TermsOf("Microsoft.Graph.Me.Messages.MessagesRequestBuilder", "GetAsync", application: false);
        var cold = watch.Elapsed;
        watch.Restart();
        for (var i = 0; i < 1000; i++)
        {
            map.TermsOf("Microsoft.Graph.Me.Messages.MessagesRequestBuilder", "GetAsync", application: false);
        }

        var warm = watch.Elapsed;
        Console.WriteLine($"builders: {map.BuilderCount:N0}; first load {load.TotalMilliseconds:F0} ms; retained {(after - before) / 1024.0 / 1024.0:F1} MB");
        Console.WriteLine($"first look-up {cold.TotalMilliseconds:F3} ms ({terms?.Length} term); cached look-up: 1,000 in {warm.TotalMilliseconds:F3} ms");
        GC.KeepAlive(map);
        return 0;
    }

    /// <summary>The table of what each shape contains, for docs/performance.md.</summary>
    private static int Counts(int[] sizes)
    {
        Console.WriteLine("| Shape | Files | Lines | Calls | Annotated APIs | Principals |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var shape in (Shape[])Enum.GetValues(typeof(Shape)))
        {
            foreach (var size in sizes)
            {
                var c = Workload.Get(shape, size).Counts;
                Console.WriteLine(FormattableString.Invariant($"| {shape} | {c.Files:N0} | {c.Lines:N0} | {c.Calls:N0} | {c.AnnotatedApis:N0} | {c.Principals:N0} |"));
            }
        }

        return 0;
    }

    /// <summary>
    /// For profiling between full runs: <c>--quick Shape Files Analyzer [runs]</c> times each run and reports
    /// what it allocated.
    /// </summary>
    private static int Quick(string[] args)
    {
        var shape = Enum.Parse<Shape>(args[0], ignoreCase: true);
        var files = int.Parse(args[1], CultureInfo.InvariantCulture);
        // "compile" measures the compiler's own diagnostics (all bodies bound once), for comparison.
        var kinds = args.Length > 2 && args[2] == "compile" ? new AnalyzerKind?[] { null }
            : args.Length > 2 && args[2] != "all" ? new AnalyzerKind?[] { Enum.Parse<AnalyzerKind>(args[2], ignoreCase: true) }
            : ((AnalyzerKind[])Enum.GetValues(typeof(AnalyzerKind))).Select(k => (AnalyzerKind?)k).ToArray();
        var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
        var workload = Workload.Get(shape, files);
        Console.WriteLine($"{shape} {files}: {workload.Counts}");
        foreach (var kind in kinds)
        {
            var analyzers = kind is { } k ? AnalyzerSets.For(k) : default;
            var times = new List<double>();
            var cpuTimes = new List<double>();
            var ownTimes = new List<double>();
            var process = Process.GetCurrentProcess();
            long allocated = 0;
            var count = 0;
            for (var i = 0; i < runs + 1; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var own = System.TimeSpan.Zero;
                if (kind is null)
                {
                    count = workload.FreshCompilation().GetDiagnostics().Length;
                }
                else
                {
                    (var diagnostics, own) = workload.AnalyzeWithTelemetry(analyzers);
                    count = diagnostics.Length;
                }

                watch.Stop();
                process.Refresh();
                var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
                if (i > 0)
                {
                    // The first run warms up (JIT, referenced assemblies' symbols).
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    cpuTimes.Add(cpu);
                    ownTimes.Add(own.TotalMilliseconds);
                    allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
                }
            }

            times.Sort();
            cpuTimes.Sort();
            ownTimes.Sort();

            // "own" is the analyzers' execution time as the compiler's telemetry reports it (ReportAnalyzer), in the same runs.
            Console.WriteLine(FormattableString.Invariant(
                $"  {kind?.ToString() ?? "Compile",-20} median {times[times.Count / 2],9:F1} ms  min {times[0],9:F1} ms  cpu {cpuTimes[cpuTimes.Count / 2],9:F1} ms  own {ownTimes[ownTimes.Count / 2],9:F1} ms  alloc {allocated / 1048576.0,8:F1} MB  {count} diagnostics"));
        }

        return 0;
    }
}
