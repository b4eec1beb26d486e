using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
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
/// `dotnet format analyzers` fixes one rule after the other, in the order of a hash set (it changes from run to
/// run), each time re-analyzing, taking the first action offered for the first diagnostic it has (of any rule
/// it reports), and running that fixer's Fix All in solution for the rule with that action's key. Replayed here
/// in every rule order, with every diagnostic tried as the first one: on tests/FormatFixture with `--diagnostics PA0001 PA0002 PA0003 PA0007` the result must
/// always be tests/FormatFixture/expected, the text .ci/format-check.sh requires from the real `dotnet format`
/// with the packed package; on tests/GrantFixture nothing is ever granted.
/// </summary>
public class FormatFixtureTests
{
    private static readonly string[] Rules = { "PA0001", "PA0002", "PA0003", "PA0007" };

    [Fact]
    public async Task DotnetFormat_InEveryRuleOrder_GivesTheExpectedFixture()
    {
        await ReplayAsync("FormatFixture", Rules, Rules, expectedFolder: "expected");
    }

    [Fact]
    public async Task DotnetFormat_WithoutDiagnosticsOption_InEveryRuleOrder_FixesTheRestAndNeverGrants()
    {
        // Without --diagnostics every reported rule is fixed, the first diagnostic may be of any rule.
        await ReplayAsync("GrantFixture", new[] { "PA0001", "PA0003", "PA0004", "PA0006" }, reported: null, expectedFolder: "expected");
    }

    [Fact]
    public async Task DotnetFormat_DiagnosticsPA0004AndPA0006_ChangesNothing()
    {
        var rules = new[] { "PA0004", "PA0006" };
        await ReplayAsync("GrantFixture", rules, rules, expectedFolder: null);
    }

    /// <summary>
    /// Replays `dotnet format` on tests/<paramref name="fixtureName"/> for <paramref name="rules"/> in every order,
    /// reporting <paramref name="reported"/> (null: every rule); each outcome must be the files of
    /// <paramref name="expectedFolder"/> (null: the fixture unchanged).
    /// </summary>
    private static async Task ReplayAsync(string fixtureName, string[] rules, string[]? reported, string? expectedFolder)
    {
        var fixture = FindFixture(fixtureName);
        var sources = Directory.GetFiles(fixture, "*.cs").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        using var workspace = new AdhocWorkspace();
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var project = workspace.AddProject(fixtureName, LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithMetadataReferences(references.Add(FixTest.Annotations));
        foreach (var source in sources)
        {
            project = project.AddDocument(Path.GetFileName(source), File.ReadAllText(source), filePath: source).Project;
        }

        var replay = new Replay(reported);
        var outcomes = new Dictionary<string, string>();
        foreach (var order in Permutations(rules))
        {
            var solution = project.Solution;
            foreach (var rule in order)
            {
                solution = await replay.FixAsync(solution, rule);
            }

            outcomes[string.Join(" ", order)] = await TextsAsync(solution.GetProject(project.Id)!);
        }

        var folder = expectedFolder is null ? fixture : Path.Combine(fixture, expectedFolder);
        var expected = string.Concat(sources.Select(s => $"// {Path.GetFileName(s)}\n{File.ReadAllText(Path.Combine(folder, Path.GetFileName(s)))}"));
        Assert.All(outcomes, outcome => Assert.True(outcome.Value == expected, $"rule order {outcome.Key} gave:\n{outcome.Value}"));
    }

    private static async Task<string> TextsAsync(Project project)
    {
        var texts = new List<string>();
        foreach (var document in project.Documents.OrderBy(d => d.FilePath, StringComparer.Ordinal))
        {
            texts.Add($"// {document.Name}\n{await document.GetTextAsync()}");
        }

        return string.Concat(texts);
    }

    private static string FindFixture(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var fixture = Path.Combine(directory.FullName, "tests", name);
            if (Directory.Exists(Path.Combine(fixture, "expected")))
            {
                return fixture;
            }
        }

        throw new DirectoryNotFoundException($"tests/{name} not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<string[]> Permutations(string[] items) =>
        items.Length <= 1
            ? new[] { items }
            : items.SelectMany((item, i) => Permutations(items.Where((_, j) => j != i).ToArray()).Select(rest => new[] { item }.Concat(rest).ToArray()));

    /// <summary>One `dotnet format` pass per rule, remembered by the texts it started from (orders share most states).</summary>
    private sealed class Replay
    {
        private readonly Dictionary<(string, string), Solution> passes = new();
        private readonly string[]? reported;

        public Replay(string[]? reported)
        {
            this.reported = reported;
        }

        public async Task<Solution> FixAsync(Solution solution, string rule)
        {
            var project = solution.Projects.Single();
            var key = (await TextsAsync(project), rule);
            if (passes.TryGetValue(key, out var known))
            {
                return solution.WithDocumentTexts(known);
            }

            var compilation = (await project.GetCompilationAsync())!;
            var diagnostics = (await compilation.WithAnalyzers(FixTest.Analyzers().ToImmutableArray()).GetAnalyzerDiagnosticsAsync())
                .Where(d => (reported is null || reported.Contains(d.Id)) && d.Severity >= DiagnosticSeverity.Info && d.Location.IsInSource)
                .ToImmutableArray();
            var fixedSolution = solution;
            if (diagnostics.Any(d => d.Id == rule))
            {
                // `dotnet format` takes the key of the first action of whichever diagnostic its analysis lists
                // first, of any rule: every diagnostic is tried as that first one, and all must give one text.
                string? fixedTexts = null;
                foreach (var first in diagnostics)
                {
                    var candidate = await FixWithFirstAsync(solution, rule, diagnostics, first);
                    var texts = await TextsAsync(candidate.Projects.Single());
                    if (fixedTexts is null)
                    {
                        (fixedSolution, fixedTexts) = (candidate, texts);
                    }
                    else if (texts != fixedTexts)
                    {
                        throw new InvalidOperationException($"fixing {rule} with {first.Id} at {first.Location.GetLineSpan()} listed first gave:\n{texts}\ninstead of:\n{fixedTexts}");
                    }
                }
            }

            passes[key] = fixedSolution;
            return fixedSolution;
        }

        private static async Task<Solution> FixWithFirstAsync(Solution solution, string rule, ImmutableArray<Diagnostic> diagnostics, Diagnostic first)
        {
            foreach (var fixer in FixTest.Fixers().Where(f => f.FixableDiagnosticIds.Contains(rule)))
            {
                var document = solution.GetDocument(first.Location.SourceTree)!;
                CodeAction? action = null;
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, first, (a, _) => action ??= a, CancellationToken.None));
                var context = new FixAllContext(document, fixer, FixAllScope.Solution, action?.EquivalenceKey!, new[] { rule }, new Diagnostics(diagnostics), CancellationToken.None);
                if (await fixer.GetFixAllProvider()!.GetFixAsync(context) is { } fixAll)
                {
                    var operations = await fixAll.GetOperationsAsync(CancellationToken.None);
                    solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
                }
            }

            return solution;
        }
    }

    private sealed class Diagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> diagnostics;

        public Diagnostics(ImmutableArray<Diagnostic> diagnostics)
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

internal static class SolutionExtensions
{
    /// <summary>This solution with the document texts of <paramref name="other"/> (same documents).</summary>
    public static Solution WithDocumentTexts(this Solution solution, Solution other)
    {
        foreach (var document in other.Projects.Single().Documents)
        {
            solution = solution.WithDocumentText(document.Id, document.GetTextAsync().Result);
        }

        return solution;
    }
}
