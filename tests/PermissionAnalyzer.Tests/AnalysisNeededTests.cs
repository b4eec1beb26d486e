using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using PermissionAnalyzer.Engine;
using PermissionAnalyzer.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.Tests;

/// <summary>
/// The analyzers register nothing when no source writes an attribute's name (so unannotated code costs
/// nothing); these are the ways source can apply an attribute without writing its usual spelling.
/// </summary>
public class AnalysisNeededTests
{
    [Fact]
    public async Task PrincipalThroughGlobalAliasInAnotherFile_IsStillAnalyzed()
    {
        const string aliases = """
            global using Grant = PermissionAnalyzer.GrantedScopesAttribute;
            """;
        const string principal = """
            [Grant({|#0:"messages:delete"|})]
            public sealed class Partner
            {
            }
            """;

        await Verify.AnalyzerAsync(
            new[] { principal, aliases },
            Verify.Diagnostic("PA0002").WithLocation(0).WithArguments("Partner", "messages:delete", "no code uses"));
    }

    [Fact]
    public async Task AttributeNameWithUnicodeEscape_IsStillAnalyzed()
    {
        const string source = """
            [PermissionAnalyzer.Gr\u0061ntedScopes({|#0:"messages:read"|})]
            public sealed class Partner
            {
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("PA0003").WithLocation(0).WithArguments("Partner", "messages:read"));
    }

    [Fact]
    public async Task CodeWithoutAttributes_ReportsNothing()
    {
        const string source = """
            using PermissionAnalyzer;

            public sealed class Service
            {
                public int Count() => System.Environment.ProcessorCount;
            }
            """;

        await Verify.AnalyzerAsync(source);
    }

    private const string HelperWithoutAttributes = """
        namespace Helpers;

        public static class Inbox
        {
            public static string Last(string thread) => Vendor.MessagesApi.Read(thread);
        }
        """;

    [Fact]
    public async Task LibraryWritingNoAttributeButReferencingAnAnnotatedAssembly_IsAnalyzed()
    {
        // A library of helpers over an annotated SDK writes no attribute itself, yet its public helpers must
        // declare what they use (PA0012): the references decide, still without binding anything. The rules of
        // principals need attributes written in source and stay off.
        var sdk = await CompiledLibrary.FromSourceAsync("""
            namespace Vendor;

            public static class MessagesApi
            {
                [PermissionAnalyzer.RequiresScope("messages:read")] public static string Read(string thread) => thread;
            }
            """);

        var compilation = await CompileAsync(HelperWithoutAttributes, sdk, AnalyzerTest.AnnotationsReference);
        Assert.True(ScopeIndex.BoundaryAnalysisNeeded(compilation));
        Assert.False(ScopeIndex.AnalysisNeeded(compilation));
    }

    [Fact]
    public async Task LibraryReferencingOnlyTheAttributesAssembly_IsNotAnalyzed()
    {
        const string source = """
            namespace Helpers;

            public static class Clock
            {
                public static long Now() => System.Environment.TickCount64;
            }
            """;

        Assert.False(ScopeIndex.BoundaryAnalysisNeeded(await CompileAsync(source, AnalyzerTest.AnnotationsReference)));
    }

    [Fact]
    public async Task ReferenceDeclaringItsOwnCopyOfTheAttributes_IsAnnotated()
    {
        var sdk = await CompiledLibrary.FromSourceAsync("""
            namespace PermissionAnalyzer
            {
                [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)]
                public sealed class RequiresScopeAttribute : System.Attribute
                {
                    public RequiresScopeAttribute(params string[] scopes) => Scopes = scopes;

                    public string[] Scopes { get; }
                }
            }

            namespace Vendor
            {
                public static class MessagesApi
                {
                    [PermissionAnalyzer.RequiresScope("messages:read")] public static string Read(string thread) => thread;
                }
            }
            """);

        Assert.True(ScopeIndex.BoundaryAnalysisNeeded(await CompileAsync(HelperWithoutAttributes, sdk)));
    }

    [Fact]
    public async Task SourceWritingOnlyAGrantRequest_IsAnalyzed_WhenTheAttributesAreVisible()
    {
        var source = Rules.GrantRequestTests.GraphStub + """

            public sealed class MailReader
            {
                public object Create(Azure.Core.TokenCredential credential) => new Microsoft.Graph.GraphServiceClient(credential, new[] { "Mail.Read" });
            }
            """;

        Assert.True(ScopeIndex.AnalysisNeeded(await CompileAsync(source, AnalyzerTest.AnnotationsReference)));
        Assert.False(ScopeIndex.AnalysisNeeded(await CompileAsync(source)));
    }

    private static async Task<Compilation> CompileAsync(string source, params MetadataReference[] references)
    {
        var framework = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return CSharpCompilation.Create(
            "Helpers",
            new[] { CSharpSyntaxTree.ParseText(source) },
            framework.AddRange(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    [Fact]
    public void ANameAcrossTheSearchsChunkBoundary_IsFound_AndAnEscapeAcrossItToo()
    {
        // The text is searched in chunks of 4,096 characters: place the name (and an escape) across every nearby offset.
        foreach (var name in new[] { "GrantedScopes", "FeatureNeeds", "RequiresAnyScope" })
        {
            for (var offset = 4_096 - name.Length - 2; offset <= 4_096 + 2; offset++)
            {
                var text = "//" + new string('x', offset - 2) + name + "\n";
                Assert.True(ScopeIndex.AnnotationsWrittenInSource(CSharpCompilation.Create("Gate", new[] { CSharpSyntaxTree.ParseText(text) })), $"{name} at {offset}");
                var plain = "//" + new string('x', offset - 2) + "Granted\n";
                Assert.False(ScopeIndex.AnnotationsWrittenInSource(CSharpCompilation.Create("Gate", new[] { CSharpSyntaxTree.ParseText(plain) })), $"no name at {offset}");
            }
        }

        for (var offset = 4_090; offset <= 4_100; offset++)
        {
            var escaped = new string(' ', offset) + "class Gr\\u0061ntedScopes { }";
            Assert.True(ScopeIndex.AnnotationsWrittenInSource(CSharpCompilation.Create("Gate", new[] { CSharpSyntaxTree.ParseText(escaped) })), $"escape at {offset}");
        }
    }
}
