using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PermissionAnalyzer.Report.Tests;

/// <summary>What cannot be loaded exits with 2 and says why, without writing a report.</summary>
public sealed class LoadFailureTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "permission-report-tests-" + Guid.NewGuid().ToString("N"));

    public LoadFailureTests()
    {
        Directory.CreateDirectory(folder);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_missing_path_exits_with_2_and_names_it()
    {
        var missing = Path.Combine(folder, "NoSuch.sln");
        var (code, errors) = await RunAsync(missing);
        Assert.Equal(Program.CouldNotLoad, code);
        Assert.Contains($"{missing} does not exist", errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }

    [Fact]
    public async Task A_file_that_is_no_solution_or_project_exits_with_2()
    {
        var file = Path.Combine(folder, "notes.txt");
        await File.WriteAllTextAsync(file, "hello");
        var (code, errors) = await RunAsync(file);
        Assert.Equal(Program.CouldNotLoad, code);
        Assert.Contains("is neither a solution (.sln, .slnx) nor a C# project (.csproj)", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_that_does_not_load_exits_with_2_and_says_so()
    {
        var project = Path.Combine(folder, "Broken.csproj");
        await File.WriteAllTextAsync(project, "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>");
        var (code, errors) = await RunAsync(project);
        Assert.Equal(Program.CouldNotLoad, code);
        Assert.Contains("Broken.csproj", errors, StringComparison.Ordinal);
        Assert.Contains("could not be loaded", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_without_the_package_exits_with_2_and_names_the_package()
    {
        var project = Path.Combine(folder, "Plain.csproj");
        await File.WriteAllTextAsync(project, "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><OutputType>Library</OutputType></PropertyGroup></Project>");
        await File.WriteAllTextAsync(Path.Combine(folder, "Plain.cs"), "public static class Plain { public static int Answer() => 42; }");
        var restore = await Repository.RunAsync("dotnet", folder, TimeSpan.FromMinutes(3), "restore", project);
        Assert.True(restore.ExitCode == 0, restore.Output + restore.Errors);

        var (code, errors) = await RunAsync(project);
        Assert.Equal(Program.CouldNotLoad, code);
        Assert.Contains("no project of", errors, StringComparison.Ordinal);
        Assert.Contains("<PackageReference Include=\"PermissionAnalyzer\"", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_that_is_not_restored_exits_with_2_and_says_to_restore_it()
    {
        var project = Path.Combine(folder, "Unrestored.csproj");
        await File.WriteAllTextAsync(project, "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        await File.WriteAllTextAsync(Path.Combine(folder, "Unrestored.cs"), "public static class Unrestored { }");
        var (code, errors) = await RunAsync(project);
        Assert.Equal(Program.CouldNotLoad, code);
        Assert.Contains("dotnet restore", errors, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Errors)> RunAsync(string input)
    {
        var (commandLine, error) = CommandLine.Parse(new[] { input, "-o", Path.Combine(folder, "out") });
        Assert.Null(error);
        var errors = new StringWriter();
        var code = await Program.RunAsync(commandLine!, new ConsoleProgress(TextWriter.Null, interactive: false), TextWriter.Null, errors, CancellationToken.None);
        return (code, errors.ToString());
    }
}
