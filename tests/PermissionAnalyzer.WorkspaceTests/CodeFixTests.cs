using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using PermissionAnalyzer.EditorChecks;
using Xunit;
using Xunit.Abstractions;

namespace PermissionAnalyzer.WorkspaceTests;

/// <summary>
/// The lightbulb on the PA0002 of an open partner file: the code fixes come from the project's analyzer
/// reference to PermissionAnalyzer.CodeFixes.dll, as the IDE finds them, and are applied to the workspace's
/// solution in memory (nothing is written to disk); the document is then analyzed again as an open file.
/// </summary>
[Collection(SampleWorkspaceCollection.Name)]
public sealed class CodeFixTests
{
    private const string Remove = "Remove scope 'messages:delete'";
    private const string Narrow = "Narrow grant to what is used";
    private const string Declare = "Declare 'messages:delete' in feature 'Notify a friend of a money transfer'";

    private readonly SampleWorkspaceFixture sample;
    private readonly ITestOutputHelper output;

    public CodeFixTests(SampleWorkspaceFixture sample, ITestOutputHelper output)
    {
        this.sample = sample;
        this.output = output;
    }

    /// <summary>
    /// Per partner: the actions offered on its PA0002, in order, and for each the PA diagnostics its document
    /// keeps once it is applied (IDs, sorted by position). After "Narrow grant to what is used", the grant.
    /// </summary>
    public static TheoryData<string, string[], string[][], string> Partners => new()
    {
        // Delete unused: removing it or narrowing ends the creep. Dropbox uses and declares read and send.
        { "Partners/DropboxIntegration.cs", new[] { Remove, Narrow }, new[] { Array.Empty<string>(), Array.Empty<string>() }, "[GrantedScopes(\"messages:read\", \"messages:send\")]" },
        // Netflix never reads: removing delete leaves the PA0001 on read, narrowing leaves send alone.
        { "Partners/NetflixIntegration.cs", new[] { Remove, Narrow }, new[] { new[] { "PA0001" }, Array.Empty<string>() }, "[GrantedScopes(\"messages:send\")]" },
        // Spotify reads without declaring it: the PA0005 on that use stays either way.
        { "Partners/SpotifyIntegration.cs", new[] { Remove, Narrow }, new[] { new[] { "PA0005" }, new[] { "PA0005" } }, "[GrantedScopes(\"messages:read\", \"messages:send\")]" },
        // RBC uses delete: narrowing must keep it (a fix never turns a warning into a PA0004), so the PA0002
        // stays; declaring it in the feature ends both the PA0002 and the PA0005, leaving the PA0001 on read.
        { "Partners/RoyalBankOfCanadaIntegration.cs", new[] { Narrow, Declare }, new[] { new[] { "PA0002", "PA0005" }, new[] { "PA0001" } }, "[GrantedScopes(\"messages:send\", \"messages:delete\")]" },
    };

    [Theory]
    [MemberData(nameof(Partners))]
    public async Task TheFixesOnTheDeleteGrant_DoWhatTheirTitlesSay(string file, string[] titles, string[][] remainingAfter, string narrowedGrant)
    {
        var fixers = CodeFixProviders(sample.Project);
        var document = sample.Document(file);
        var analysis = await OpenDocumentAnalysis.ForProjectAsync(sample.Project, sample.OpenDocumentAnalyzers);
        var (_, raw, _) = await analysis.AnalyzeAsync(document);
        var creep = raw.Single(d => d.Id == "PA0002" && d.GetMessage().Contains("'messages:delete'", StringComparison.Ordinal));

        var watch = Stopwatch.StartNew();
        var actions = new List<CodeAction>();
        foreach (var fixer in fixers.Where(f => f.FixableDiagnosticIds.Contains("PA0002")))
        {
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, creep, (action, _) => actions.Add(action), CancellationToken.None));
        }

        output.WriteLine(CheckReport.Measurement($"code fixes offered on the PA0002 of {file} in {watch.Elapsed.TotalMilliseconds:0} ms: {string.Join(", ", actions.Select(a => $"\"{a.Title}\""))}"));
        Assert.Equal(titles, actions.Select(a => a.Title));

        var originalText = await File.ReadAllTextAsync(document.FilePath!);
        for (var i = 0; i < actions.Count; i++)
        {
            var changed = await ApplyAsync(actions[i]);
            var fixedDocument = sample.Document(changed, file);
            var fixedAnalysis = await OpenDocumentAnalysis.ForProjectAsync(changed.GetProject(sample.Project.Id)!, sample.OpenDocumentAnalyzers);
            var (after, _, _) = await fixedAnalysis.AnalyzeAsync(fixedDocument);
            var text = (await fixedDocument.GetTextAsync()).ToString();

            Assert.True(
                remainingAfter[i].SequenceEqual(after.Select(d => d.Id)),
                $"{file}, after \"{actions[i].Title}\": expected the PA diagnostics [{string.Join(", ", remainingAfter[i])}], got:{Environment.NewLine}  " +
                $"{string.Join(Environment.NewLine + "  ", after)}{Environment.NewLine}the fixed document:{Environment.NewLine}{text}");
            if (actions[i].Title == Narrow)
            {
                Assert.Contains(narrowedGrant, text, StringComparison.Ordinal);
            }
        }

        // The fixes changed the workspace's solution in memory only.
        Assert.Equal(originalText, await File.ReadAllTextAsync(document.FilePath!));
    }

    /// <summary>
    /// The C# code fix providers of the project's analyzer references, made as MEF would make them (they have
    /// parameterless constructors): the IDE finds them in the same assemblies as the analyzers.
    /// </summary>
    private static IReadOnlyList<CodeFixProvider> CodeFixProviders(Project project)
    {
        var reference = project.AnalyzerReferences.OfType<AnalyzerFileReference>()
            .FirstOrDefault(r => Path.GetFileName(r.FullPath) == "PermissionAnalyzer.CodeFixes.dll")
            ?? throw new InvalidOperationException(
                $"the project has no analyzer reference to PermissionAnalyzer.CodeFixes.dll; it has:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", project.AnalyzerReferences.Select(r => r.FullPath)));

        var fixers = reference.GetAssembly().GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t)
                && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is { } export && export.Languages.Contains(LanguageNames.CSharp))
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();
        Assert.NotEmpty(fixers);
        return fixers;
    }

    private static async Task<Solution> ApplyAsync(CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var apply = Assert.Single(operations.OfType<ApplyChangesOperation>());
        return apply.ChangedSolution;
    }
}
