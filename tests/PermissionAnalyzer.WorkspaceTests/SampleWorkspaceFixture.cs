using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using PermissionAnalyzer.EditorChecks;
using Xunit;

namespace PermissionAnalyzer.WorkspaceTests;

/// <summary>The tests that share one loaded sample (loading it is the slow part); they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SampleWorkspaceCollection : ICollectionFixture<SampleWorkspaceFixture>
{
    public const string Name = "Sample workspace";
}

/// <summary>
/// The sample opened as the IDE opens it: MSBuildWorkspace evaluates MessagingPartners.csproj (and the projects
/// it references) and gives the project its analyzer references, here the analyzer project's Release build.
/// </summary>
public sealed class SampleWorkspaceFixture : IAsyncLifetime
{
    private readonly List<string> workspaceFailures = new();
    private MSBuildWorkspace? workspace;

    public static string AnalyzerPath { get; } =
        Path.Combine(SampleExpectations.RepositoryRoot, "src", "PermissionAnalyzer", "bin", "Release", "netstandard2.0", "PermissionAnalyzer.dll");

    public Project Project { get; private set; } = null!;

    /// <summary>The analyzers of the project's analyzer reference to PermissionAnalyzer.dll.</summary>
    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; private set; }

    /// <summary>
    /// The analyzers the IDE runs on an open document in its default mode: it treats an analyzer with any
    /// descriptor tagged CompilationEnd as a compilation-end analyzer as a whole and leaves it to full-solution
    /// analysis and the build.
    /// </summary>
    public ImmutableArray<DiagnosticAnalyzer> OpenDocumentAnalyzers =>
        Analyzers.Where(a => !a.SupportedDiagnostics.Any(d => d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd))).ToImmutableArray();

    public IReadOnlyList<string> WorkspaceFailures => workspaceFailures;

    public async Task InitializeAsync()
    {
        if (!File.Exists(AnalyzerPath))
        {
            throw new InvalidOperationException($"build the sample first (`dotnet build samples/MessagingPartners -c Release`, as .ci/editor-check.sh does): missing {AnalyzerPath}");
        }

        var watch = Stopwatch.StartNew();
        workspace = MSBuildWorkspace.Create(new Dictionary<string, string> { ["Configuration"] = "Release" });
        Project = await workspace.OpenProjectAsync(SampleExpectations.SampleProject);
        workspaceFailures.AddRange(workspace.Diagnostics.Select(d => $"{d.Kind}: {d.Message}"));
        CheckReport.Measurement($"MSBuildWorkspace: {Path.GetFileName(SampleExpectations.SampleProject)} loaded in {watch.Elapsed.TotalSeconds:0.0} s");

        var reference = Project.AnalyzerReferences.FirstOrDefault(r => Path.GetFileName(r.FullPath) == "PermissionAnalyzer.dll")
            ?? throw new InvalidOperationException(
                $"the project has no analyzer reference to PermissionAnalyzer.dll; it has:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", Project.AnalyzerReferences.Select(r => r.FullPath)) +
                $"{Environment.NewLine}workspace failures:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", workspaceFailures)}");
        if (!string.Equals(Path.GetFullPath(reference.FullPath!), AnalyzerPath, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the project's analyzer reference is {reference.FullPath}, expected {AnalyzerPath}");
        }

        Analyzers = reference.GetAnalyzers(LanguageNames.CSharp);
        if (Analyzers.IsEmpty)
        {
            throw new InvalidOperationException($"{reference.FullPath} yields no C# analyzer");
        }
    }

    public Task DisposeAsync()
    {
        workspace?.Dispose();
        return Task.CompletedTask;
    }

    public Document Document(string sampleRelativePath) =>
        Document(Project.Solution, sampleRelativePath);

    public Document Document(Solution solution, string sampleRelativePath)
    {
        var path = SampleExpectations.FullPath(sampleRelativePath);
        return solution.GetProject(Project.Id)!.Documents.SingleOrDefault(d => d.FilePath == path)
            ?? throw new InvalidOperationException($"the project has no document {path}");
    }
}
