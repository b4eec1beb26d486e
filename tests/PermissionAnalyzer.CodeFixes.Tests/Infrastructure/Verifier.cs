using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PermissionAnalyzer.CodeFixes.Fixes;
using PermissionAnalyzer.Rules;

namespace PermissionAnalyzer.CodeFixes.Tests.Infrastructure;

/// <summary>
/// Runs both analyzers of the package and every fixer over sources that reference the package's attributes.
/// The harness applies the action with <see cref="CodeFixTest{TVerifier}.CodeActionEquivalenceKey"/> one
/// diagnostic at a time, then as Fix All in document, project and solution, and requires each to give the
/// fixed sources (with exactly the diagnostics marked there).
/// </summary>
public sealed class FixTest : CSharpCodeFixTest<PrincipalAnalyzer, OverBroadGrantFixer, DefaultVerifier>
{
    public FixTest()
    {
        ReferenceAssemblies = ReferenceAssemblies.Net.Net80;

        // The live and the assembly-level analyzer describe the same IDs; markup only needs the ID and severity.
        MarkupOptions = MarkupOptions.UseFirstDescriptor;

        // A fixed state may keep diagnostics the chosen action does not fix (another key would): they are expected there.
        FixedState.MarkupHandling = MarkupMode.Allow;
        BatchFixedState.MarkupHandling = MarkupMode.Allow;
        TestState.AdditionalReferences.Add(Annotations);
        FixedState.AdditionalReferences.Add(Annotations);
        BatchFixedState.AdditionalReferences.Add(Annotations);
    }

    /// <summary>
    /// Run <see cref="DeclaredRequirementAnalyzer"/> too (PA0012, PA0013). Off by default: test sources are
    /// libraries, whose public helpers would get PA0012 in tests about the grant fixes.
    /// </summary>
    public bool IncludeDeclaredRequirementAnalyzer { get; set; }

    internal static MetadataReference Annotations { get; } = MetadataReference.CreateFromFile(typeof(GrantedScopesAttribute).Assembly.Location);

    internal static IEnumerable<DiagnosticAnalyzer> Analyzers(bool includeDeclaredRequirementAnalyzer = false) =>
        includeDeclaredRequirementAnalyzer
            ? new DiagnosticAnalyzer[] { new PrincipalAnalyzer(), new ScopeCatalogAnalyzer(), new AssemblyPrincipalAnalyzer(), new DeclaredRequirementAnalyzer() }
            : new DiagnosticAnalyzer[] { new PrincipalAnalyzer(), new ScopeCatalogAnalyzer(), new AssemblyPrincipalAnalyzer() };

    internal static IEnumerable<CodeFixProvider> Fixers() => new CodeFixProvider[]
    {
        new OverBroadGrantFixer(),
        new WildcardGrantFixer(),
        new UseNotCoveredByFeatureFixer(),
        new UngrantedScopeFixer(),
        new BroaderGrantFixer(),
        new DeclareRequirementFixer(),
    };

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => Analyzers(IncludeDeclaredRequirementAnalyzer);

    protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => Fixers();
}

public static class Verify
{
    /// <summary>Applies the action with <paramref name="equivalenceKey"/> to <paramref name="source"/>, one by one and as Fix All.</summary>
    public static Task FixAsync(string source, string fixedSource, string equivalenceKey, Action<FixTest>? configure = null) =>
        FixAsync(new[] { source }, new[] { fixedSource }, equivalenceKey, configure);

    /// <summary>
    /// As <see cref="FixAsync(string, string, string, Action{FixTest}?)"/> for an assembly principal, whose grant
    /// verdicts come from the compilation-end analyzer: the harness calls such diagnostics non-local and would
    /// refuse to fix them; hosts that run it (`dotnet format`, full-solution analysis) do fix them.
    /// </summary>
    public static Task FixAssemblyAsync(string source, string fixedSource, string equivalenceKey) =>
        FixAsync(new[] { source }, new[] { fixedSource }, equivalenceKey, test => test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck);

    /// <summary>
    /// Applies "Grant 'x'" (the first action, which has no equivalence key) to <paramref name="source"/> one
    /// diagnostic at a time, and requires Fix All, in document, project and solution, to change nothing:
    /// granting is a deliberate single action. (Like the IDE, the harness runs no Fix All for PA0004, for which
    /// the fixer declares none; it does for PA0006.)
    /// </summary>
    public static async Task GrantAsync(string source, string fixedSource)
    {
        var test = new FixTest { CodeActionIndex = 0 };
        test.TestState.Sources.Add(source);
        test.FixedState.Sources.Add(fixedSource);
        test.BatchFixedState.Sources.Add(source);
        await test.RunAsync(CancellationToken.None);
    }

    public static async Task FixAsync(string[] sources, string[] fixedSources, string equivalenceKey, Action<FixTest>? configure = null)
    {
        var test = new FixTest { CodeActionEquivalenceKey = equivalenceKey };
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        foreach (var source in fixedSources)
        {
            test.FixedState.Sources.Add(source);
        }

        configure?.Invoke(test);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// Fix All in solution the way `dotnet format analyzers` asks for it: with no equivalence key (or the key
    /// of whatever action the host saw first) and only <paramref name="ids"/>. Returns the fixed text.
    /// </summary>
    public static Task<string> FixAllLikeDotnetFormatAsync(string source, CodeFixProvider fixer, string? equivalenceKey, params string[] ids) =>
        FixAllLikeDotnetFormatAsync(new[] { source }, fixer, equivalenceKey, ids);

    /// <summary>As <see cref="FixAllLikeDotnetFormatAsync(string, CodeFixProvider, string?, string[])"/> over several files (Test0.cs, Test1.cs, ...), returns each file's fixed text.</summary>
    public static async Task<string> FixAllLikeDotnetFormatAsync(string[] sources, CodeFixProvider fixer, string? equivalenceKey, params string[] ids)
    {
        using var workspace = new AdhocWorkspace();
        var document = await DocumentAsync(workspace, sources[0]);
        for (var i = 1; i < sources.Length; i++)
        {
            document = document.Project.AddDocument($"Test{i}.cs", sources[i], filePath: $"/0/Test{i}.cs").Project.GetDocument(document.Id)!;
        }

        var diagnostics = await DiagnosticsAsync(document, includeDeclaredRequirementAnalyzer: ids.Any(id => id is "PA0012" or "PA0013"));
        var fixAllContext = new FixAllContext(
            document,
            fixer,
            FixAllScope.Solution,
            equivalenceKey!,
            ids,
            new FixedDiagnostics(diagnostics),
            CancellationToken.None);
        var action = await fixer.GetFixAllProvider()!.GetFixAsync(fixAllContext);
        if (action is null)
        {
            return string.Join("\n----\n", sources);
        }

        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var texts = new List<string>();
        foreach (var id in document.Project.DocumentIds)
        {
            texts.Add((await solution.GetDocument(id)!.GetTextAsync()).ToString());
        }

        return string.Join("\n----\n", texts);
    }

    /// <summary>
    /// The actions offered for each diagnostic with <paramref name="id"/> in <paramref name="source"/>, in
    /// source order, as "title | key".
    /// </summary>
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> OfferedAsync(string source, string id, params MetadataReference[] references)
    {
        using var workspace = new AdhocWorkspace();
        var document = await DocumentAsync(workspace, source, references);
        var diagnostics = await DiagnosticsAsync(document, includeDeclaredRequirementAnalyzer: id is "PA0012" or "PA0013");

        var offered = new List<IReadOnlyList<string>>();
        foreach (var diagnostic in diagnostics.Where(d => d.Id == id).OrderBy(d => d.Location.SourceSpan.Start))
        {
            var actions = new List<CodeAction>();
            foreach (var fixer in FixTest.Fixers().Where(f => f.FixableDiagnosticIds.Contains(id)))
            {
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            }

            offered.Add(actions.Select(a => $"{a.Title} | {a.EquivalenceKey}").ToList());
        }

        return offered;
    }

    /// <summary>A library compiled from <paramref name="source"/> against the attributes, as a metadata reference.</summary>
    public static async Task<MetadataReference> LibraryAsync(string source, string assemblyName)
    {
        var framework = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source) },
            framework.Add(FixTest.Annotations),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new System.IO.MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("The library does not compile:\n" + string.Join("\n", result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static async Task<Document> DocumentAsync(AdhocWorkspace workspace, string source, params MetadataReference[] extra)
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var project = workspace.AddProject("Test", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithMetadataReferences(references.Add(FixTest.Annotations).AddRange(extra));
        return project.AddDocument("Test0.cs", source, filePath: "/0/Test0.cs");
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Document document, bool includeDeclaredRequirementAnalyzer = false)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        return await compilation.WithAnalyzers(FixTest.Analyzers(includeDeclaredRequirementAnalyzer).ToImmutableArray()).GetAnalyzerDiagnosticsAsync();
    }

    private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> diagnostics;

        public FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics)
        {
            this.diagnostics = diagnostics;
        }

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
