using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis.MSBuild;
using PermissionAnalyzer.Report.Analysis;
using PermissionAnalyzer.Report.Writers;

namespace PermissionAnalyzer.Report;

internal static class Program
{
    public const int NoFindings = 0;
    public const int Findings = 1;
    public const int CouldNotLoad = 2;

    public static async Task<int> Main(string[] args)
    {
        var (commandLine, error) = CommandLine.Parse(args);
        if (commandLine is null)
        {
            if (error is not null)
            {
                Console.Error.WriteLine($"permission-report: {error}");
            }

            (error is null ? Console.Out : Console.Error).WriteLine(CommandLine.Usage);
            return error is null ? NoFindings : CouldNotLoad;
        }

        RegisterMSBuild();
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        return await RunAsync(commandLine, ConsoleProgress.ForConsole(commandLine.Quiet), Console.Out, Console.Error, cancellation.Token);
    }

    /// <summary>The SDK's MSBuild, registered before any MSBuild type is loaded (so before <see cref="RunAsync"/> is compiled).</summary>
    public static void RegisterMSBuild()
    {
        if (!MSBuildLocator.IsRegistered)
        {
            MSBuildLocator.RegisterDefaults();
        }
    }

    /// <summary>Loads, analyzes, writes the requested files; the exit code.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static async Task<int> RunAsync(CommandLine commandLine, ConsoleProgress progress, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        try
        {
            var input = WorkspaceLoader.Resolve(commandLine.Input);
            var root = Path.GetFullPath(commandLine.Root ?? CommandLine.DefaultRoot(input));
            using var workspace = MSBuildWorkspace.Create();
            var loaded = await WorkspaceLoader.LoadAsync(workspace, input, progress, cancellationToken);
            if (loaded.Warnings.Count > 0)
            {
                progress.Phase($"{loaded.Warnings.Count} workspace warning(s){(commandLine.Verbose ? ":" : " (--verbose lists them)")}");
                foreach (var warning in commandLine.Verbose ? loaded.Warnings : Array.Empty<string>())
                {
                    errors.WriteLine($"  {warning}");
                }
            }

            var report = await new ReportBuilder(root, progress).BuildAsync(loaded, cancellationToken);
            progress.Phase("writing the report");
            Directory.CreateDirectory(commandLine.OutputDirectory);
            var written = new List<string>();
            foreach (var format in commandLine.Formats)
            {
                var path = Path.Combine(commandLine.OutputDirectory, "permission-report." + format);
                var text = format switch
                {
                    "json" => JsonReport.Write(report),
                    "md" => MarkdownReport.Write(report),
                    _ => HtmlReport.Write(report),
                };
                await File.WriteAllTextAsync(path, text, new System.Text.UTF8Encoding(false), cancellationToken);
                written.Add(path);
            }

            progress.Done($"{report.Summary.Principals} principal(s) in {report.Summary.Projects} project(s), {report.Summary.Findings} finding(s)");
            foreach (var path in written)
            {
                output.WriteLine(path);
            }

            return report.Summary.Findings > 0 ? Findings : NoFindings;
        }
        catch (LoadFailure e)
        {
            progress.Done("could not load");
            errors.WriteLine($"permission-report: {e.Message}");
            return CouldNotLoad;
        }
        catch (OperationCanceledException)
        {
            errors.WriteLine("permission-report: cancelled");
            return CouldNotLoad;
        }
    }
}
