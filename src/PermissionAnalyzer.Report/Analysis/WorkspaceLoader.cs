using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace PermissionAnalyzer.Report.Analysis;

/// <summary>The input could not be loaded: the message says what and what to do (exit code 2).</summary>
internal sealed class LoadFailure : Exception
{
    public LoadFailure(string message)
        : base(message)
    {
    }
}

/// <summary>The projects to report on, in the order of their file paths, and what MSBuildWorkspace said while loading them.</summary>
internal sealed record LoadedInput(string InputPath, IReadOnlyList<Project> Projects, IReadOnlyList<string> Warnings);

/// <summary>Opens a solution (.sln, .slnx) or a C# project with MSBuildWorkspace, as an IDE does.</summary>
internal static class WorkspaceLoader
{
    public static async Task<LoadedInput> LoadAsync(MSBuildWorkspace workspace, string path, ConsoleProgress progress, CancellationToken cancellationToken)
    {
        var input = Resolve(path);
        var failures = new List<string>();
        var warnings = new List<string>();
        void Collect()
        {
            foreach (var diagnostic in workspace.Diagnostics)
            {
                (diagnostic.Kind == WorkspaceDiagnosticKind.Failure ? failures : warnings).Add(diagnostic.Message.Trim());
            }
        }

        var loading = new Progress<ProjectLoadProgress>(p => progress.Status($"loading {Path.GetFileName(p.FilePath)} ({p.Operation}{(p.TargetFramework is null ? string.Empty : ", " + p.TargetFramework)})"));
        IReadOnlyList<Project> projects;
        try
        {
            if (IsSolution(input))
            {
                progress.Phase($"loading solution {Path.GetFileName(input)}");
                var solution = await workspace.OpenSolutionAsync(input, progress: loading, cancellationToken: cancellationToken);
                projects = solution.Projects.Where(p => p.Language == LanguageNames.CSharp).ToList();
            }
            else
            {
                progress.Phase($"loading project {Path.GetFileName(input)}");
                var project = await workspace.OpenProjectAsync(input, progress: loading, cancellationToken: cancellationToken);
                projects = project.Language == LanguageNames.CSharp ? new[] { project } : Array.Empty<Project>();
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or ArgumentException or UnauthorizedAccessException)
        {
            Collect();
            throw new LoadFailure($"{input} could not be loaded: {e.Message}{Listed(failures)}");
        }

        Collect();
        if (projects.Count == 0)
        {
            throw new LoadFailure($"{input} has no C# project that loads{Listed(failures)}");
        }

        foreach (var project in projects)
        {
            if (!project.HasDocuments && failures.Any(f => project.FilePath is { } file && f.Contains(file, StringComparison.Ordinal)))
            {
                throw new LoadFailure($"project {project.FilePath} does not load{Listed(failures)}");
            }
        }

        warnings.AddRange(failures);
        return new LoadedInput(input, projects.OrderBy(p => p.FilePath, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ToList(), warnings);
    }

    /// <summary>The solution or project file: the path itself, or the one solution (else the one project) in a folder.</summary>
    internal static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            if (IsSolution(full) || full.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            {
                return full;
            }

            throw new LoadFailure($"{path} is neither a solution (.sln, .slnx) nor a C# project (.csproj)");
        }

        if (!Directory.Exists(full))
        {
            throw new LoadFailure($"{path} does not exist");
        }

        var solutions = Directory.GetFiles(full, "*.sln").Concat(Directory.GetFiles(full, "*.slnx")).ToList();
        var candidates = solutions.Count > 0 ? solutions : Directory.GetFiles(full, "*.csproj").ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new LoadFailure($"{path} holds no solution (.sln, .slnx) or C# project (.csproj)"),
            _ => throw new LoadFailure($"{path} holds several {(solutions.Count > 0 ? "solutions" : "projects")}; name one: {string.Join(", ", candidates.Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal))}"),
        };
    }

    private static bool IsSolution(string path) =>
        path.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase);

    private static string Listed(IReadOnlyList<string> failures) =>
        failures.Count == 0 ? string.Empty : Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", failures);
}
