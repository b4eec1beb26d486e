using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using PermissionAnalyzer.Engine;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests.Engine;

/// <summary>
/// What the engine reuses across the compilations of successive edits: the requirements of metadata members (while no
/// map is in force) and the merged scope maps (while their texts are the same). Neither may leak into a compilation
/// where it would be wrong.
/// </summary>
[Collection(StaticCaches.Name)]
public class CrossCompilationReuseTests
{
    private const string Library = """
        using PermissionAnalyzer;

        public static class Lib
        {
            [RequiresScope("lib:read")] public static int Read() => 1;
            public static int Plain() => 2;
        }
        """;

    [Fact]
    public async Task MetadataRequirementsComputedWithoutMaps_DoNotLeakIntoACompilationWithAMap()
    {
        var library = await CompiledLibrary.FromSourceAsync(Library, "ReuseLib");
        var references = (await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).Add(AnalyzerTest.AnnotationsReference).Add(library);
        var first = CSharpCompilation.Create("App", new[] { CSharpSyntaxTree.ParseText("class A { int M() => Lib.Plain() + Lib.Read(); }") }, references);
        var next = first.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }"));
        var plain = first.GetTypeByMetadataName("Lib")!.GetMembers("Plain").Single();

        // The precondition of the reuse: an edit's compilation shares the metadata symbols of the previous one.
        Assert.Same(plain, next.GetTypeByMetadataName("Lib")!.GetMembers("Plain").Single());

        Assert.Empty(ScopeIndex.For(first).RequirementOf(plain));
        Assert.Equal(new[] { "lib:read" }, ScopeIndex.For(first).RequirementOf(first.GetTypeByMetadataName("Lib")!.GetMembers("Read").Single()));

        var withMap = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new MapText("M:Lib.Plain; lib:write\n")));
        Assert.Equal(new[] { "lib:write" }, ScopeIndex.For(next, withMap).RequirementOf(plain));

        var third = next.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class C { }"));
        Assert.Empty(ScopeIndex.For(third).RequirementOf(plain));
        Assert.Equal(new[] { "lib:read" }, ScopeIndex.For(third).RequirementOf(third.GetTypeByMetadataName("Lib")!.GetMembers("Read").Single()));
    }

    [Fact]
    public void TheMergedMapIsReusedForTheSameTexts_AndRemadeWhenATextChanges()
    {
        var one = ScopeMapSet.Create(ImmutableArray.Create(("ScopeMap.txt", ScopeMapFile.Of(SourceText.From("M:Lib.Plain; lib:write\n", Encoding.UTF8)))));
        var same = ScopeMapSet.Create(ImmutableArray.Create(("ScopeMap.txt", ScopeMapFile.Of(SourceText.From("M:Lib.Plain; lib:write\n", Encoding.UTF8)))));
        var changed = ScopeMapSet.Create(ImmutableArray.Create(("ScopeMap.txt", ScopeMapFile.Of(SourceText.From("M:Lib.Plain; lib:delete\n", Encoding.UTF8)))));

        Assert.Same(one, same);
        Assert.NotSame(one, changed);
        Assert.Equal("lib:delete", changed.Symbols.Single().Value.Terms.Single());
    }

    private sealed class MapText : AdditionalText
    {
        private readonly SourceText text;

        public MapText(string content) => text = SourceText.From(content, Encoding.UTF8);

        public override string Path => "ScopeMap.txt";

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}

/// <summary>Tests of process-wide caches run alone, so another test cannot replace a cached entry between two calls.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StaticCaches
{
    public const string Name = "Static caches";
}
