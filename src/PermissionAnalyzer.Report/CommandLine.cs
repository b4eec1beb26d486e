using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PermissionAnalyzer.Report;

/// <summary><c>permission-report &lt;solution-or-project&gt; [-o DIR] [--format html,md,json] [--root DIR] [--quiet] [--verbose]</c>.</summary>
internal sealed record CommandLine(string Input, string OutputDirectory, IReadOnlyList<string> Formats, string? Root, bool Quiet, bool Verbose)
{
    public static readonly string[] AllFormats = { "html", "md", "json" };

    public const string Usage =
        "usage: permission-report <solution-or-project> [-o DIR] [--format html,md,json] [--root DIR] [--quiet] [--verbose]\n" +
        "  <solution-or-project>  a .sln, .slnx or .csproj, or a folder holding one\n" +
        "  -o, --output DIR       where to write permission-report.{html,md,json} (default: ./permission-report)\n" +
        "  -f, --format LIST      which files to write, comma-separated (default: html,md,json)\n" +
        "  --root DIR             paths in the report are relative to it (default: the enclosing git repository, else the input's folder)\n" +
        "  -q, --quiet            no progress on standard error\n" +
        "  -v, --verbose          list what MSBuildWorkspace warned about while loading\n" +
        "exit codes: 0 no findings, 1 findings, 2 could not load (or bad arguments)";

    /// <summary>The parsed command line, or the error to print with the usage.</summary>
    public static (CommandLine? Parsed, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? input = null;
        string output = "permission-report";
        string? root = null;
        var formats = AllFormats.ToList();
        var quiet = false;
        var verbose = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value()
            {
                if (i + 1 >= args.Count)
                {
                    return null;
                }

                return args[++i];
            }

            switch (arg)
            {
                case "-o" or "--output":
                    output = Value() ?? string.Empty;
                    if (output.Length == 0)
                    {
                        return (null, $"{arg} needs a folder");
                    }

                    break;
                case "-f" or "--format":
                    var list = Value();
                    if (string.IsNullOrWhiteSpace(list))
                    {
                        return (null, $"{arg} needs a list of formats (html,md,json)");
                    }

                    formats = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => f.ToLowerInvariant()).Distinct().ToList();
                    var unknown = formats.Where(f => !AllFormats.Contains(f)).ToList();
                    if (unknown.Count > 0 || formats.Count == 0)
                    {
                        return (null, $"unknown format {string.Join(", ", unknown)}: use html, md, json");
                    }

                    break;
                case "--root":
                    root = Value();
                    if (string.IsNullOrEmpty(root))
                    {
                        return (null, "--root needs a folder");
                    }

                    break;
                case "-q" or "--quiet":
                    quiet = true;
                    break;
                case "-v" or "--verbose":
                    verbose = true;
                    break;
                case "-h" or "--help" or "-?":
                    return (null, null);
                default:
                    if (arg.StartsWith('-') && arg.Length > 1)
                    {
                        return (null, $"unknown option {arg}");
                    }

                    if (input is not null)
                    {
                        return (null, $"one solution or project only ({input}, {arg})");
                    }

                    input = arg;
                    break;
            }
        }

        if (input is null)
        {
            return (null, "missing <solution-or-project>");
        }

        return (new CommandLine(input, output, formats, root, quiet, verbose), null);
    }

    /// <summary>The folder report paths are relative to: the enclosing git repository of the input, else its folder.</summary>
    public static string DefaultRoot(string inputFile)
    {
        var start = Path.GetDirectoryName(Path.GetFullPath(inputFile))!;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return dir.FullName;
            }
        }

        return start;
    }
}
