using System;
using System.IO;
using System.Linq;
using PermissionAnalyzer.Report.Model;
using PermissionAnalyzer.Report.Writers;
using Xunit;

namespace PermissionAnalyzer.Report.Tests;

/// <summary>The writers on a hand-made report whose names and scopes are hostile: nothing gets through unescaped.</summary>
public sealed class WriterTests
{
    private const string Hostile = "<script>alert('x')</script>|`*_";

    [Fact]
    public void The_HTML_report_escapes_every_text_from_the_code()
    {
        var html = HtmlReport.Write(HostileReport());
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script>"));
    }

    [Fact]
    public void The_Markdown_report_keeps_a_hostile_name_inside_its_table_cell()
    {
        var markdown = MarkdownReport.Write(HostileReport());
        var row = markdown.Split('\n').Single(l => l.StartsWith("| [PA0002]", StringComparison.Ordinal));
        // Four cells: five pipes that are not escaped.
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Matches(row, @"(?<!\\)\|").Count);
        Assert.Contains("\\<script\\>", row, StringComparison.Ordinal);
        Assert.Contains("| \\<script\\>alert('x')\\</script\\>\\|\\`\\*\\_ |", row, StringComparison.Ordinal);
    }

    [Fact]
    public void The_JSON_report_writes_absent_values_as_missing_properties_and_ends_with_a_newline()
    {
        var json = JsonReport.Write(HostileReport());
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_on_a_terminal_rewrites_one_line_and_redirected_writes_plain_lines()
    {
        var terminal = new StringWriter();
        var onTerminal = new ConsoleProgress(terminal, interactive: true);
        onTerminal.Phase("loading");
        onTerminal.Status("loading A.csproj");
        onTerminal.Done("done");
        Assert.Contains('\r', terminal.ToString());

        var log = new StringWriter();
        var redirected = new ConsoleProgress(log, interactive: false);
        redirected.Phase("loading");
        redirected.Status("loading A.csproj");
        redirected.Done("done");
        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain('\r', log.ToString().Replace(Environment.NewLine, "\n", StringComparison.Ordinal));
        Assert.Equal(2, lines.Length);
        Assert.EndsWith("loading", lines[0].TrimEnd(), StringComparison.Ordinal);
        Assert.EndsWith("done", lines[1].TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_line_takes_a_format_list_and_rejects_an_unknown_format()
    {
        var (parsed, error) = CommandLine.Parse(new[] { "a.sln", "--format", "json, md", "-o", "out" });
        Assert.Null(error);
        Assert.Equal(new[] { "json", "md" }, parsed!.Formats);
        Assert.Equal("out", parsed.OutputDirectory);

        var (rejected, message) = CommandLine.Parse(new[] { "a.sln", "--format", "pdf" });
        Assert.Null(rejected);
        Assert.Contains("pdf", message, StringComparison.Ordinal);

        var (none, missing) = CommandLine.Parse(Array.Empty<string>());
        Assert.Null(none);
        Assert.Contains("missing <solution-or-project>", missing, StringComparison.Ordinal);
    }

    private static PermissionReport HostileReport()
    {
        var location = new SourceLocation("src/" + Hostile + ".cs", 3, 5);
        var cell = new MatrixCell(Hostile, Granted: true, Needed: false, Used: false, BroaderThanNeeded: false, Destructive: true, Findings: new[] { "PA0002" });
        var grant = new GrantReport(Hostile, false, true, false, false, false, null, null, location);
        var site = new UseSite(Hostile, location, new[] { new ChainHop(Hostile, location), new ChainHop("Api." + Hostile, null) });
        var principal = new PrincipalReport(
            Hostile,
            "type",
            "N." + Hostile,
            Hostile,
            location,
            new[] { grant },
            new[] { new FeatureReport(Hostile, new[] { Hostile }) },
            new[] { Hostile },
            new[] { new UsedTerm(Hostile, new[] { Hostile }, Hostile, true, true, new[] { site }) },
            new[] { site },
            new[] { cell },
            new[] { "PA0002" });
        var finding = new Finding("PA0002", "warning", "Delete-access creep", Hostile, "N." + Hostile, Hostile, location, Array.Empty<SourceLocation>(), "https://example.invalid/PA0002.md");
        var grantRef = new GrantRef("N." + Hostile, Hostile, "PA0002", location, new[] { Hostile });
        var summary = new ReportSummary(1, 1, 1, 1, new[] { new RuleCount("PA0002", Hostile, 1) }, new[] { grantRef }, new[] { grantRef }, new[] { grantRef });
        return new PermissionReport(1, Hostile, summary, new[] { Hostile }, new[] { principal }, new[] { finding });
    }
}
