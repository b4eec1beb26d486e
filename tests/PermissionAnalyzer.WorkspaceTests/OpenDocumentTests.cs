using System;
using System.Linq;
using System.Threading.Tasks;
using PermissionAnalyzer.EditorChecks;
using Xunit;
using Xunit.Abstractions;

namespace PermissionAnalyzer.WorkspaceTests;

/// <summary>
/// The squiggles Visual Studio and the C# extension show for an open partner file in their default mode
/// (open documents only, no full-solution analysis): the document-scoped analysis alone must find them.
/// </summary>
[Collection(SampleWorkspaceCollection.Name)]
public sealed class OpenDocumentTests
{
    private static readonly string[] DeleteCreepPartners =
    {
        "Partners/DropboxIntegration.cs",
        "Partners/NetflixIntegration.cs",
        "Partners/RoyalBankOfCanadaIntegration.cs",
        "Partners/SpotifyIntegration.cs",
    };

    private readonly SampleWorkspaceFixture sample;
    private readonly ITestOutputHelper output;

    public OpenDocumentTests(SampleWorkspaceFixture sample, ITestOutputHelper output)
    {
        this.sample = sample;
        this.output = output;
    }

    [Fact]
    public void TheProjectLoads_AndOnlyTheLiveAnalyzersRunOnOpenDocuments()
    {
        Assert.DoesNotContain(sample.WorkspaceFailures, f => f.StartsWith("Failure", StringComparison.Ordinal));
        Assert.Equal(
            new[] { "AssemblyPrincipalAnalyzer", "DeclaredRequirementAnalyzer", "PrincipalAnalyzer", "ScopeCatalogAnalyzer" },
            sample.Analyzers.Select(a => a.GetType().Name).OrderBy(n => n, StringComparer.Ordinal));

        // The analyzer of type principals (and those of PA0012/PA0013 and of the scope catalog) must not look like
        // a compilation-end analyzer to the IDE, or it would not run on open documents at all.
        Assert.Equal(
            new[] { "DeclaredRequirementAnalyzer", "PrincipalAnalyzer", "ScopeCatalogAnalyzer" },
            sample.OpenDocumentAnalyzers.Select(a => a.GetType().Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public async Task EachPartner_OpenDocumentAnalysis_ShowsExactlyItsDiagnostics()
    {
        var analysis = await OpenDocumentAnalysis.ForProjectAsync(sample.Project, sample.OpenDocumentAnalyzers);
        foreach (var file in SampleExpectations.PartnerFiles)
        {
            var (actual, _, elapsed) = await analysis.AnalyzeAsync(sample.Document(file));
            output.WriteLine(CheckReport.Measurement($"open-document analysis (no compilation end) of {file}: {elapsed.TotalMilliseconds:0} ms"));

            var expected = SampleExpectations.For(file)
                .OrderBy(d => d.StartLine).ThenBy(d => d.StartCharacter).ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToList();
            Assert.True(
                expected.SequenceEqual(actual),
                $"{file}: the open-document analysis differs from expected-diagnostics.txt.{Environment.NewLine}" +
                $"expected:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", expected)}{Environment.NewLine}" +
                $"actual:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", actual)}");

            if (DeleteCreepPartners.Contains(file))
            {
                Assert.Contains(actual, d => d.Id == "PA0002" && d.Message.Contains("'messages:delete'", StringComparison.Ordinal));
            }
        }
    }
}
