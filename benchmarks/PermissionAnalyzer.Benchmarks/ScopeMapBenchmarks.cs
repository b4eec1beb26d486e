using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis.Text;
using PermissionAnalyzer.Engine;

namespace PermissionAnalyzer.Benchmarks;

/// <summary>
/// Reading a generated 10,000-line <c>ScopeMap.txt</c>: a cold parse (a text the engine has not seen), the parse
/// merged into the set the compilation's index resolves, and finding the cached parse of a text seen before.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class ScopeMapBenchmarks
{
    private string content = string.Empty;
    private SourceText seen = SourceText.From(string.Empty);

    [Params(10_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        content = CodeGenerator.ScopeMapOfLines(Lines);
        seen = SourceText.From(content, Encoding.UTF8);
        ScopeMapFile.Of(seen);
    }

    /// <summary>A new text each call, as after an edit: splitting it into lines is part of the cost.</summary>
    [Benchmark(Baseline = true)]
    public int ColdParse() => ScopeMapFile.Of(SourceText.From(content, Encoding.UTF8)).Entries.Length;

    /// <summary>The cold parse and the merge into a <c>ScopeMapSet</c> (duplicates, implications, symbol table).</summary>
    [Benchmark]
    public int ColdParseAndMerge()
    {
        var file = ScopeMapFile.Of(SourceText.From(content, Encoding.UTF8));
        return ScopeMapSet.Create(ImmutableArray.Create(("ScopeMap.txt", file))).Implications.Count;
    }

    /// <summary>The same text again: what every later analyzer and compilation pays.</summary>
    [Benchmark]
    public int CachedLookup() => ScopeMapFile.Of(seen).Entries.Length;
}
