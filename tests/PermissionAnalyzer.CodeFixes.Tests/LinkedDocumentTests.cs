using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PermissionAnalyzer.CodeFixes.Tests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.CodeFixes.Tests;

/// <summary>
/// A multi-targeted project is one project per target in the IDE and in `dotnet format`, each with the shared
/// file as a linked document, compiled with the target's preprocessor symbols. A fix offered in one target must
/// keep every scope another target uses: here the net8.0 target deletes messages, the other does not.
/// </summary>
public class LinkedDocumentTests
{
    private const string Partner = $$"""
        using PermissionAnalyzer;

        [GrantedScopes("messages:read", "messages:delete", "messages:archive", "contacts:*")]
        public sealed class Partner
        {
            public string Read(string id) => MessagesApi.Read(id);

        #if NET8_0
            public void Purge(string id) => MessagesApi.Delete(ContactsApi.Read(id));
        #endif
        }

        {{Apis.Source}}
        """;

    [Fact]
    public async Task RemoveScope_ScopeUsedOnlyInAnotherTarget_IsNotOffered()
    {
        var (_, legacy) = await TwoTargetsAsync(Partner);

        var offered = await OfferedAsync(legacy, "PA0002");

        Assert.Equal(new[] { "Narrow grant to what is used" }, Assert.Single(offered));
    }

    [Fact]
    public async Task Narrow_ScopeUsedOnlyInAnotherTarget_KeepsItAndTheLinkedDocumentsAgree()
    {
        var (modern, legacy) = await TwoTargetsAsync(Partner);

        var solution = await FixAllAsync(legacy, "PA0003", EquivalenceKeys.NarrowGrant);

        var expected = """[GrantedScopes("messages:read", "messages:delete", "contacts:read")]""";
        Assert.Contains(expected, (await solution.GetDocument(legacy.Id)!.GetTextAsync()).ToString());
        Assert.Equal(
            (await solution.GetDocument(legacy.Id)!.GetTextAsync()).ToString(),
            (await solution.GetDocument(modern.Id)!.GetTextAsync()).ToString());
    }

    [Fact]
    public async Task ReplaceWildcard_ScopeUsedOnlyInAnotherTarget_IsKept()
    {
        var (_, legacy) = await TwoTargetsAsync(Partner);

        var solution = await FixAllAsync(legacy, "PA0007", EquivalenceKeys.ReplaceWildcard);

        Assert.Contains(
            """[GrantedScopes("messages:read", "messages:delete", "messages:archive", "contacts:read")]""",
            (await solution.GetDocument(legacy.Id)!.GetTextAsync()).ToString());
    }

    [Fact]
    public async Task FixAllInSolution_DiagnosticsOfBothTargets_EditTheFileOnce()
    {
        var (modern, legacy) = await TwoTargetsAsync(Partner);

        var solution = await FixAllAsync(legacy, "PA0003", EquivalenceKeys.RemoveScope, modern.Project);

        var text = (await solution.GetDocument(legacy.Id)!.GetTextAsync()).ToString();
        Assert.Contains("""[GrantedScopes("messages:read", "messages:delete", "contacts:*")]""", text);
        Assert.Equal(text, (await solution.GetDocument(modern.Id)!.GetTextAsync()).ToString());
    }

    [Fact]
    public async Task RemoveScope_ScopeOnlyAMapDeclaresAndOnlyAnotherTargetUses_IsNotOffered()
    {
        const string keeper = $$"""
            using PermissionAnalyzer;

            [GrantedScopes("messages:read", "vault:purge")]
            public sealed class Keeper
            {
                public string Read(string id) => MessagesApi.Read(id);

            #if NET8_0
                public void Purge(string id) => Vault.Purge(id);
            #endif
            }

            public static class Vault
            {
                public static void Purge(string id) { }
            }

            {{Apis.Source}}
            """;
        var (_, legacy) = await TwoTargetsAsync(keeper, "M:Vault.Purge(System.String); vault:purge\n");

        var offered = await OfferedAsync(legacy, "PA0002");

        // The other target's uses are computed with its scope map: the purge is used there, so it may not be
        // removed, and narrowing would change nothing.
        Assert.Empty(Assert.Single(offered));
    }

    /// <summary>
    /// The same file in a net8.0-like project (NET8_0 defined) and in another target's project, each with
    /// <paramref name="scopeMap"/> as its ScopeMap.txt when given.
    /// </summary>
    private static async Task<(Document Modern, Document Legacy)> TwoTargetsAsync(string source, string? scopeMap = null)
    {
        var workspace = new AdhocWorkspace();
        var references = (await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).Add(FixTest.Annotations);
        Project Add(string name, params string[] symbols) =>
            workspace.AddProject(name, LanguageNames.CSharp)
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
                .WithParseOptions(new CSharpParseOptions(preprocessorSymbols: symbols))
                .WithMetadataReferences(references);

        Project WithMap(Project project) =>
            scopeMap is null ? project : project.AddAdditionalDocument("ScopeMap.txt", scopeMap, filePath: "/src/ScopeMap.txt").Project;

        var modern = WithMap(Add("Partner(net8.0)", "NET8_0")).AddDocument("Partner.cs", source, filePath: "/src/Partner.cs");
        workspace.TryApplyChanges(modern.Project.Solution);
        var legacy = WithMap(Add("Partner(netstandard2.0)", "NETSTANDARD2_0")).AddDocument("Partner.cs", source, filePath: "/src/Partner.cs");
        workspace.TryApplyChanges(legacy.Project.Solution);

        var solution = workspace.CurrentSolution;
        Assert.Single(solution.GetDocument(legacy.Id)!.GetLinkedDocumentIds());
        return (solution.GetDocument(modern.Id)!, solution.GetDocument(legacy.Id)!);
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        return await compilation.WithAnalyzers(FixTest.Analyzers().ToImmutableArray(), project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
    }

    private static async Task<List<List<string>>> OfferedAsync(Document document, string id)
    {
        var offered = new List<List<string>>();
        foreach (var diagnostic in (await DiagnosticsAsync(document.Project)).Where(d => d.Id == id))
        {
            var actions = new List<string>();
            foreach (var fixer in FixTest.Fixers().Where(f => f.FixableDiagnosticIds.Contains(id)))
            {
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a.Title), CancellationToken.None));
            }

            offered.Add(actions);
        }

        return offered;
    }

    /// <summary>Fix All in solution of <paramref name="id"/> with the diagnostics of <paramref name="document"/>'s project and of <paramref name="also"/>.</summary>
    private static async Task<Solution> FixAllAsync(Document document, string id, string key, Project? also = null)
    {
        var diagnostics = await DiagnosticsAsync(document.Project);
        if (also is not null)
        {
            diagnostics = diagnostics.AddRange(await DiagnosticsAsync(also));
        }

        var fixer = FixTest.Fixers().First(f => f.FixableDiagnosticIds.Contains(id));
        var context = new FixAllContext(document, fixer, FixAllScope.Solution, key, new[] { id }, new ByDocument(document.Project.Solution, diagnostics), CancellationToken.None);
        var action = (await fixer.GetFixAllProvider()!.GetFixAsync(context))!;
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    /// <summary>Each diagnostic belongs to the document whose tree it is in (linked documents have one tree each).</summary>
    private sealed class ByDocument : FixAllContext.DiagnosticProvider
    {
        private readonly Solution solution;
        private readonly ImmutableArray<Diagnostic> diagnostics;

        public ByDocument(Solution solution, ImmutableArray<Diagnostic> diagnostics)
        {
            this.solution = solution;
            this.diagnostics = diagnostics;
        }

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => d.Location.SourceTree is { } tree && solution.GetDocumentId(tree)?.ProjectId == project.Id));

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => d.Location.SourceTree is { } tree && solution.GetDocumentId(tree) == document.Id));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
