using System;
using System.Diagnostics;
using System.IO;

namespace PermissionAnalyzer.Report;

/// <summary>
/// Progress on standard error: on a terminal one status line rewritten in place with the elapsed time; when
/// standard error is redirected (CI logs, pipes), one plain line per phase and no status updates.
/// </summary>
internal sealed class ConsoleProgress
{
    private readonly TextWriter writer;
    private readonly bool interactive;
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private int shownLength;

    public ConsoleProgress(TextWriter writer, bool interactive)
    {
        this.writer = writer;
        this.interactive = interactive;
    }

    public static ConsoleProgress ForConsole(bool quiet) =>
        new(quiet ? TextWriter.Null : Console.Error, !quiet && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") != "dumb");

    /// <summary>A step worth a line of its own in a log.</summary>
    public void Phase(string text)
    {
        if (interactive)
        {
            Status(text);
        }
        else
        {
            writer.WriteLine($"[{watch.Elapsed.TotalSeconds,6:0.0}s] {text}");
        }
    }

    /// <summary>A passing detail: shown on a terminal only.</summary>
    public void Status(string text)
    {
        if (!interactive)
        {
            return;
        }

        var line = $"[{watch.Elapsed.TotalSeconds,6:0.0}s] {text}";
        var width = Math.Max(20, SafeWindowWidth() - 1);
        if (line.Length > width)
        {
            line = line.Substring(0, width - 1) + "…";
        }

        lock (writer)
        {
            writer.Write("\r" + line + new string(' ', Math.Max(0, shownLength - line.Length)));
            shownLength = line.Length;
        }
    }

    /// <summary>Ends the status line, so what follows starts on a clean line.</summary>
    public void Done(string text)
    {
        if (interactive)
        {
            lock (writer)
            {
                writer.Write("\r" + new string(' ', shownLength) + "\r");
                shownLength = 0;
            }
        }

        writer.WriteLine($"[{watch.Elapsed.TotalSeconds,6:0.0}s] {text}");
    }

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 100;
        }
        catch (IOException)
        {
            return 100;
        }
    }
}
