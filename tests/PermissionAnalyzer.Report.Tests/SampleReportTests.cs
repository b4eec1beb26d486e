using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Json.Schema;
using Xunit;

namespace PermissionAnalyzer.Report.Tests;

/// <summary>
/// The reports on the samples against the checked-in files in Expected/. When the report changes on purpose,
/// regenerate them with <c>PERMISSION_REPORT_UPDATE_EXPECTED=1 dotnet test tests/PermissionAnalyzer.Report.Tests</c>
/// and review the diff (docs/report.md).
/// </summary>
[Collection(SampleReportsCollection.Name)]
public sealed class SampleReportTests
{
    // Built once: a schema registers its $id globally, and a second registration of the same $id throws.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(Repository.Root, "docs", "report-schema.json"))));

    private readonly SampleReports reports;

    public SampleReportTests(SampleReports reports)
    {
        this.reports = reports;
    }

    [Theory]
    [InlineData("MessagingPartners")]
    [InlineData("SharedHelpers")]
    public void The_JSON_report_of_a_sample_is_the_expected_one(string sample) =>
        AssertExpected(sample + ".report.json", reports[sample].Json);

    [Theory]
    [InlineData("MessagingPartners")]
    [InlineData("SharedHelpers")]
    public void The_Markdown_report_of_a_sample_is_the_expected_one(string sample) =>
        AssertExpected(sample + ".report.md", reports[sample].Markdown);

    [Theory]
    [InlineData("MessagingPartners")]
    [InlineData("SharedHelpers")]
    public void A_sample_with_findings_exits_with_1_and_lists_the_three_files(string sample)
    {
        var run = reports[sample];
        Assert.True(run.ExitCode == Program.Findings, $"exit code {run.ExitCode}\n{run.Errors}");
        var written = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(new[] { "permission-report.html", "permission-report.md", "permission-report.json" }, written.Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("MessagingPartners")]
    [InlineData("SharedHelpers")]
    public void The_JSON_report_follows_the_published_schema(string sample)
    {
        var schema = Schema.Value;
        using var document = JsonDocument.Parse(reports[sample].Json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", ((System.Collections.Generic.IEnumerable<EvaluationResults>?)result.Details ?? Array.Empty<EvaluationResults>())
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))));
    }

    [Fact]
    public void The_partners_report_shows_delete_access_creep_for_each_of_the_four_partners()
    {
        using var document = JsonDocument.Parse(reports["MessagingPartners"].Json);
        var creep = document.RootElement.GetProperty("summary").GetProperty("deleteCapableGrantsNotNeeded").EnumerateArray()
            .Select(g => g.GetProperty("principal").GetString()!.Split('.').Last())
            .ToList();
        Assert.Equal(new[] { "DropboxIntegration", "NetflixIntegration", "RoyalBankOfCanadaIntegration", "SpotifyIntegration" }, creep);
    }

    [Fact]
    public void Every_finding_of_the_build_is_in_the_partners_report()
    {
        // samples/MessagingPartners/expected-diagnostics.txt is what `dotnet build` shows; the report shows the same.
        var expected = File.ReadAllLines(Path.Combine(Repository.Root, "samples", "MessagingPartners", "expected-diagnostics.txt"))
            .Where(l => l.Contains(": warning PA", StringComparison.Ordinal) || l.Contains(": error PA", StringComparison.Ordinal) || l.Contains(": info PA", StringComparison.Ordinal))
            .ToList();
        using var document = JsonDocument.Parse(reports["MessagingPartners"].Json);
        var findings = document.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(expected.Count, findings.Count);
        foreach (var finding in findings)
        {
            var message = finding.GetProperty("message").GetString()!;
            Assert.Contains(expected, l => l.Contains(message, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Two_reports_of_the_same_code_are_equal_byte_for_byte()
    {
        var again = await SampleRun.RunAsync(SampleReports.Inputs["MessagingPartners"], Repository.Artifacts("MessagingPartners-again"), "--format", "json,md");
        Assert.Equal(reports["MessagingPartners"].Json, again.Json);
        Assert.Equal(reports["MessagingPartners"].Markdown, again.Markdown);
    }

    [Fact]
    public void The_progress_of_a_redirected_run_is_plain_lines()
    {
        var errors = reports["MessagingPartners"].Errors;
        Assert.DoesNotContain('\r', errors);
        Assert.Contains("loading project MessagingPartners.csproj", errors, StringComparison.Ordinal);
        Assert.Contains("analyzing MessagingPartners (1/1)", errors, StringComparison.Ordinal);
    }

    private static void AssertExpected(string name, string actual)
    {
        var path = Repository.Expected(name);
        if (Repository.UpdateExpected)
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing: run with {Repository.UpdateVariable}=1 to write it");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected != actual)
        {
            var actualPath = Path.Combine(Repository.Artifacts("actual"), name);
            File.WriteAllText(actualPath, actual);
            Assert.Fail($"{name} differs from the expected file; the actual report is {actualPath}. " +
                $"If the change is intended, run with {Repository.UpdateVariable}=1 and review the diff.\n" + FirstDifference(expected, actual));
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var x = i < e.Length ? e[i] : "<end>";
            var y = i < a.Length ? a[i] : "<end>";
            if (x != y)
            {
                return $"line {i + 1}:\n  expected: {x}\n  actual:   {y}";
            }
        }

        return string.Empty;
    }
}
