using System;
using System.IO;

namespace PermissionAnalyzer.EditorChecks;

/// <summary>
/// Where the editor checks leave what they measured and saw: artifacts/editor-check, or the folder named by
/// EDITOR_CHECK_ARTIFACTS. .ci/editor-check.sh prints measurements.txt at the end.
/// </summary>
internal static class CheckReport
{
    private static readonly object Gate = new();

    public static string Directory { get; } = Environment.GetEnvironmentVariable("EDITOR_CHECK_ARTIFACTS") is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(SampleExpectations.RepositoryRoot, "artifacts", "editor-check");

    public static string PathOf(string fileName) => Path.Combine(Directory, fileName);

    /// <summary>Appends one line to measurements.txt and returns it (for the test output too).</summary>
    public static string Measurement(string line)
    {
        lock (Gate)
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.AppendAllText(PathOf("measurements.txt"), line + Environment.NewLine);
        }

        return line;
    }
}
