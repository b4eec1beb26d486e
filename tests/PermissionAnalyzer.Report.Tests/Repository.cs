using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace PermissionAnalyzer.Report.Tests;

/// <summary>Where things are: the repository, the expected files, the artifacts folder CI keeps.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Expected(string name) => Path.Combine(Root, "tests", "PermissionAnalyzer.Report.Tests", "Expected", name);

    /// <summary>artifacts/report: the reports and screenshots of a test run, kept by CI as artifacts.</summary>
    public static string Artifacts(string sample)
    {
        var path = Path.Combine(Root, "artifacts", "report", sample);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Set to 1 to rewrite the expected files from this run (then review the diff and commit it).</summary>
    public const string UpdateVariable = "PERMISSION_REPORT_UPDATE_EXPECTED";

    public static bool UpdateExpected => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Runs a program to its end; its exit code and what it wrote.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string fileName, string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancellation = new System.Threading.CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(" ", arguments)} did not end within {timeout}");
        }

        return (process.ExitCode, await output, await errors);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PermissionAnalyzer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PermissionAnalyzer.sln not found above " + AppContext.BaseDirectory);
    }
}

internal static class MSBuildRegistration
{
#pragma warning disable CA2255 // A test assembly: the SDK's MSBuild must be registered before any test loads an MSBuild type.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => Program.RegisterMSBuild();
}
