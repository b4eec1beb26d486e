using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace PermissionAnalyzer.Report.Tests;

/// <summary>
/// The HTML report opened in a real headless Chromium: the DOM after its script ran (--dump-dom), the console
/// (--enable-logging=stderr), and a screenshot kept under artifacts/report/ for CI. Chromium comes from Debian's
/// packages; .ci/report-check.sh installs it. Set CHROMIUM to use another binary.
/// </summary>
[Collection(SampleReportsCollection.Name)]
public sealed class BrowserTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly SampleReports reports;

    public BrowserTests(SampleReports reports)
    {
        this.reports = reports;
    }

    [Theory]
    [InlineData("MessagingPartners")]
    [InlineData("SharedHelpers")]
    public async Task The_HTML_report_renders_the_matrix_with_every_principal_and_finding_and_no_script_error(string sample)
    {
        var run = reports[sample];
        var (code, dom, console) = await Chromium(run.HtmlPath, "--dump-dom");
        Assert.True(code == 0, $"chromium exited with {code}:\n{console}");
        File.WriteAllText(Path.Combine(run.Directory, "dom.html"), dom);

        var body = Regex.Match(dom, "<body[^>]*>").Value;
        Assert.Contains("data-report-ready=\"true\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("data-script-errors", body, StringComparison.Ordinal);
        Assert.Contains("<pre id=\"script-errors\" hidden=\"\"></pre>", dom, StringComparison.Ordinal);
        var consoleErrors = console.Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal) && (l.Contains("Uncaught", StringComparison.Ordinal) || l.Contains("Error", StringComparison.Ordinal))).ToList();
        Assert.True(consoleErrors.Count == 0, "script errors in the console:\n" + string.Join("\n", consoleErrors));

        using var report = JsonDocument.Parse(run.Json);
        var principals = report.RootElement.GetProperty("principals").EnumerateArray().ToList();
        var findings = report.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(principals);

        Assert.Contains("<table id=\"matrix\"", dom, StringComparison.Ordinal);
        Assert.Equal(principals.Count, Regex.Matches(dom, "<tr class=\"principal-row").Count);
        foreach (var principal in principals)
        {
            var fullName = DomAttribute(principal.GetProperty("fullName").GetString()!);
            Assert.Contains($"<tr class=\"principal-row\" data-principal=\"{fullName}\"", dom, StringComparison.Ordinal);
            Assert.Contains($"<article class=\"principal\" id=", dom, StringComparison.Ordinal);
        }

        foreach (var scope in report.RootElement.GetProperty("scopes").EnumerateArray())
        {
            Assert.Contains($"<th scope=\"col\" data-sort=\"cell\" data-scope=\"{DomAttribute(scope.GetString()!)}\"", dom, StringComparison.Ordinal);
        }

        Assert.Equal(findings.Count, Regex.Matches(dom, "<tr class=\"finding-row").Count);
        foreach (var finding in findings)
        {
            Assert.Contains(DomText(finding.GetProperty("message").GetString()!), dom, StringComparison.Ordinal);
        }

        // The script ran its filter once: every principal is shown.
        Assert.Contains($"{principals.Count} of {principals.Count} principals shown", dom, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MessagingPartners")]
    [InlineData("SharedHelpers")]
    public async Task A_screenshot_of_the_HTML_report_is_kept_as_an_artifact(string sample)
    {
        var run = reports[sample];
        var screenshot = Path.Combine(run.Directory, "permission-report.png");
        File.Delete(screenshot);
        var (code, _, console) = await Chromium(run.HtmlPath, "--screenshot=" + screenshot, "--window-size=1400,1100", "--hide-scrollbars");
        Assert.True(code == 0, $"chromium exited with {code}:\n{console}");
        var bytes = File.ReadAllBytes(screenshot);
        Assert.True(bytes.Length > 10_000, $"the screenshot has {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes.Take(4));
    }

    [Fact]
    public async Task The_filter_and_the_sort_of_the_matrix_work_in_the_browser()
    {
        // The view in the address: filter on "delete", only principals with findings, sorted by the findings column.
        var run = reports["MessagingPartners"];
        var (code, dom, console) = await Chromium(run.HtmlPath + "#filter=delete&findings=1&sort=2", "--dump-dom");
        Assert.True(code == 0, $"chromium exited with {code}:\n{console}");
        Assert.Contains("data-report-ready=\"true\"", Regex.Match(dom, "<body[^>]*>").Value, StringComparison.Ordinal);

        var rows = Regex.Matches(dom, "<tr class=\"principal-row( hidden-by-filter)?\" data-principal=\"[^\"]*\\.(\\w+)\" data-findings=\"(\\d+)\"")
            .Select(m => (Name: m.Groups[2].Value, Hidden: m.Groups[1].Success, Findings: int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(5, rows.Count);

        // BookClub has no finding and no delete grant: filtered out; the four partners stay, most findings first.
        Assert.Equal(new[] { "BookClubIntegration" }, rows.Where(r => r.Hidden).Select(r => r.Name));
        var shown = rows.Where(r => !r.Hidden).ToList();
        Assert.Equal(new[] { "RoyalBankOfCanadaIntegration", "NetflixIntegration", "SpotifyIntegration", "DropboxIntegration" }, shown.Select(r => r.Name));
        Assert.Contains("4 of 5 principals shown", dom, StringComparison.Ordinal);
        Assert.Contains("aria-sort=\"descending\"", dom, StringComparison.Ordinal);
    }

    [Fact]
    public void The_HTML_report_loads_nothing_from_outside()
    {
        var html = File.ReadAllText(reports["MessagingPartners"].HtmlPath);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Content-Security-Policy", html, StringComparison.Ordinal);
    }

    /// <summary>Text as Chromium serializes a text node in --dump-dom.</summary>
    private static string DomText(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("\u00A0", "&nbsp;", StringComparison.Ordinal);

    /// <summary>An attribute value as Chromium serializes it in --dump-dom.</summary>
    private static string DomAttribute(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("\u00A0", "&nbsp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>The file's URL, with the fragment after '#' kept as a fragment.</summary>
    private static string FileUrl(string pathWithFragment)
    {
        var hash = pathWithFragment.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? new Uri(pathWithFragment).AbsoluteUri : new Uri(pathWithFragment.Substring(0, hash)).AbsoluteUri + pathWithFragment.Substring(hash);
    }

    private static async Task<(int Code, string Output, string Errors)> Chromium(string htmlPath, params string[] arguments)
    {
        var binary = FindChromium();
        var profile = Path.Combine(Path.GetTempPath(), "permission-report-chromium-" + Guid.NewGuid().ToString("N"));
        try
        {
            var all = new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
            }.Concat(arguments).Append(FileUrl(htmlPath)).ToArray();
            return await Repository.RunAsync(binary, Path.GetTempPath(), Timeout, all);
        }
        finally
        {
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }
    }

    private static string FindChromium()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } configured)
        {
            return configured;
        }

        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" })
        {
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("Chromium not found: `apt-get install -y chromium` (.ci/report-check.sh does), or set CHROMIUM");
    }
}
