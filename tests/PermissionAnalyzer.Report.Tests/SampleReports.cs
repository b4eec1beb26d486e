using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PermissionAnalyzer.Report.Tests;

[CollectionDefinition(Name)]
public sealed class SampleReportsCollection : ICollectionFixture<SampleReports>
{
    public const string Name = "Sample reports";
}

/// <summary>One report per sample, made once for the tests that read it (loading a solution is the slow part).</summary>
public sealed class SampleReports : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, string> Inputs = new Dictionary<string, string>
    {
        ["MessagingPartners"] = Path.Combine("samples", "MessagingPartners", "MessagingPartners.csproj"),
        ["SharedHelpers"] = Path.Combine("samples", "SharedHelpers", "SharedHelpers.sln"),
    };

    private readonly Dictionary<string, SampleRun> runs = new();

    public SampleRun this[string sample] => runs[sample];

    public async Task InitializeAsync()
    {
        foreach (var (sample, input) in Inputs)
        {
            var restore = await Repository.RunAsync("dotnet", Repository.Root, TimeSpan.FromMinutes(5), "restore", input);
            Assert.True(restore.ExitCode == 0, $"dotnet restore {input} failed:\n{restore.Output}\n{restore.Errors}");
            runs[sample] = await SampleRun.RunAsync(input, Repository.Artifacts(sample));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>A run of the tool in this process: its exit code, what it printed, and the files it wrote.</summary>
public sealed record SampleRun(int ExitCode, string Output, string Errors, string Directory)
{
    public string Json => File.ReadAllText(Path.Combine(Directory, "permission-report.json"));

    public string Markdown => File.ReadAllText(Path.Combine(Directory, "permission-report.md"));

    public string HtmlPath => Path.Combine(Directory, "permission-report.html");

    public static async Task<SampleRun> RunAsync(string input, string outputDirectory, params string[] extra)
    {
        var arguments = new List<string> { Path.Combine(Repository.Root, input), "-o", outputDirectory, "--root", Repository.Root };
        arguments.AddRange(extra);
        var (commandLine, error) = CommandLine.Parse(arguments);
        Assert.True(commandLine is not null, error);
        var output = new StringWriter();
        var errors = new StringWriter();
        var progress = new ConsoleProgress(errors, interactive: false);
        var exitCode = await Program.RunAsync(commandLine!, progress, output, errors, CancellationToken.None);
        return new SampleRun(exitCode, output.ToString(), errors.ToString(), outputDirectory);
    }
}
