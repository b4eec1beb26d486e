using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PermissionAnalyzer.Engine;
using PermissionAnalyzer.Tests.Infrastructure;
using PermissionAnalyzer.Rules;
using Xunit;

namespace PermissionAnalyzer.Tests.Engine;

/// <summary>
/// The IDE abandons an analysis at every keystroke: the token it cancels reaches the engine's walks (facts, summaries,
/// chains), they stop promptly, and a cancelled walk leaves nothing behind that would break the next request.
/// </summary>
public class CancellationTests
{
    private const int ChainClasses = 1_500;
    private const int StepsPerClass = 10;

    [Fact]
    public async Task AnAlreadyCancelledToken_StopsTheWalk_AndALaterRequestGetsTheWholeSummary()
    {
        var compilation = await LongChainAsync();
        var index = ScopeIndex.For(compilation);
        var entry = EntryOf(compilation);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => index.SummaryOf(entry, cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => index.SitesOf(compilation.GetTypeByMetadataName("C9")!.GetMembers("S3").Single(), cancelled.Token));

        // Nothing cancelled was remembered: the next request computes the chain to its end.
        var summary = index.SummaryOf(entry, CancellationToken.None);
        Assert.Equal(ChainClasses * StepsPerClass, summary.Entries["chain:read"].Distance);
    }

    [Fact]
    public async Task CancellingDuringTheWalkOfALongChain_StopsItPromptly_AndTheNextRequestFinishesIt()
    {
        var compilation = await LongChainAsync();
        var index = ScopeIndex.For(compilation);
        var entry = EntryOf(compilation);
        using var source = new CancellationTokenSource();

        // Binding 15,000 bodies outside the driver takes seconds; cancel once the walk is under way.
        var walk = Task.Run(() => index.SummaryOf(entry, source.Token));
        await Task.Delay(200);
        var watch = Stopwatch.StartNew();
        source.Cancel();
        var exception = await Record.ExceptionAsync(() => walk);
        watch.Stop();

        if (exception is null)
        {
            // The walk finished before the cancellation (a very fast machine): nothing to measure, but the result must be whole.
            Assert.Equal(ChainClasses * StepsPerClass, (await walk).Entries["chain:read"].Distance);
            return;
        }

        Assert.IsAssignableFrom<OperationCanceledException>(exception);

        // One member's body at most is bound after the cancellation; a generous bound for a loaded machine.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"the walk stopped {watch.ElapsedMilliseconds} ms after the cancellation");

        var summary = index.SummaryOf(entry, CancellationToken.None);
        Assert.Equal(ChainClasses * StepsPerClass, summary.Entries["chain:read"].Distance);
        Assert.Equal((ChainClasses * StepsPerClass) + 1, index.ChainFrom(entry, "chain:read", CancellationToken.None).Count);
    }

    [Fact]
    public async Task CancellingTheAnalyzersOfALargeProgram_EndsTheAnalysisWithOperationCanceled()
    {
        var compilation = await LongChainAsync();
        var analyzers = System.Collections.Immutable.ImmutableArray.Create<DiagnosticAnalyzer>(new PrincipalAnalyzer(), new DeclaredRequirementAnalyzer());
        using var source = new CancellationTokenSource();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(default), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));

        var analysis = withAnalyzers.GetAnalyzerDiagnosticsAsync(source.Token);
        await Task.Delay(200);
        var watch = Stopwatch.StartNew();
        source.Cancel();
        var exception = await Record.ExceptionAsync(() => analysis);
        watch.Stop();

        if (exception is not null)
        {
            Assert.IsAssignableFrom<OperationCanceledException>(exception);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"the analysis stopped {watch.ElapsedMilliseconds} ms after the cancellation");
        }
    }

    /// <summary>A chain of 15,000 helpers ending in an annotated API, entered by a principal at its head.</summary>
    private static async Task<Compilation> LongChainAsync()
    {
        var trees = new List<SyntaxTree>();
        for (var c = 0; c < ChainClasses; c++)
        {
            var code = new StringBuilder();
            code.Append("public static class C").Append(c).Append(" {\n");
            for (var s = 0; s < StepsPerClass; s++)
            {
                var next = s + 1 < StepsPerClass ? $"S{s + 1}(y)" : c + 1 < ChainClasses ? $"C{c + 1}.S0(y)" : "Api.Read(y)";
                code.Append("    public static int S").Append(s).Append("(int x) { var y = x * 2 + 1; return ").Append(next).Append("; }\n");
            }

            code.Append("}\n");
            trees.Add(CSharpSyntaxTree.ParseText(code.ToString(), path: $"C{c}.cs"));
        }

        trees.Add(CSharpSyntaxTree.ParseText(
            """
            using PermissionAnalyzer;

            public static class Api
            {
                [RequiresScope("chain:read")] public static int Read(int x) => x;
            }

            [GrantedScopes("chain:write")]
            public sealed class Caller
            {
                public int Run(int x) => C0.S0(x);
            }
            """,
            path: "Caller.cs"));

        var references = (await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).Add(Infrastructure.AnalyzerTest.AnnotationsReference);
        return CSharpCompilation.Create("LongChain", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    private static ISymbol EntryOf(Compilation compilation) =>
        compilation.GetTypeByMetadataName("C0")!.GetMembers("S0").Single();
}
