using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PermissionAnalyzer.EditorChecks;
using Xunit;
using Xunit.Abstractions;

namespace PermissionAnalyzer.EditorTests;

/// <summary>
/// What a user of an LSP editor (Neovim, Emacs, Helix, VS Code with csharp-ls) sees in the sample: the
/// squiggles of an open partner file, with their help links, and how they follow unsaved edits.
/// </summary>
public sealed class LanguageServerTests : IClassFixture<CSharpLanguageServerFixture>
{
    private const string HelpLinkBase = "https://github.com/PermissionAnalyzer/PermissionAnalyzer/blob/main/docs/rules/";
    private const string Netflix = "Partners/NetflixIntegration.cs";

    private static readonly string[] DeleteCreepPartners =
    {
        "Partners/DropboxIntegration.cs",
        "Partners/NetflixIntegration.cs",
        "Partners/RoyalBankOfCanadaIntegration.cs",
        "Partners/SpotifyIntegration.cs",
    };

    private readonly CSharpLanguageServerFixture server;
    private readonly ITestOutputHelper output;

    public LanguageServerTests(CSharpLanguageServerFixture server, ITestOutputHelper output)
    {
        this.server = server;
        this.output = output;
    }

    [Fact]
    public async Task OpeningEachPartner_ShowsExactlyItsDiagnostics_WithHelpLinks()
    {
        // Netflix first: its diagnostics are the ones that wait for the project to load.
        foreach (var file in SampleExpectations.PartnerFiles.OrderBy(f => f == Netflix ? 0 : 1))
        {
            var expected = SampleExpectations.For(file);
            if (DeleteCreepPartners.Contains(file) && !expected.Any(d => d.Id == "PA0002" && d.Message.Contains("'messages:delete'", StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"expected-diagnostics.txt lists no PA0002 on the delete grant of {file}");
            }

            var (publication, latency) = await server.OpenAsync(file, expectsDiagnostics: expected.Count > 0);
            output.WriteLine($"{file}: {latency.TotalSeconds:0.00} s after didOpen");
            AssertDiagnostics(expected, publication, file, "on opening it");
        }

        output.WriteLine(File.ReadAllText(CheckReport.PathOf("measurements.txt")));
    }

    [Fact]
    public async Task EditingWithoutSaving_UpdatesTheDiagnostics()
    {
        var path = SampleExpectations.FullPath(Netflix);
        var original = await File.ReadAllTextAsync(path);
        var expectedOriginal = SampleExpectations.For(Netflix);
        var (opened, _) = await server.OpenAsync(Netflix, expectsDiagnostics: true);
        AssertDiagnostics(expectedOriginal, opened, Netflix, "on opening it");

        // 1. Take the delete scope away from the grant: the PA0002 on it goes, the PA0001 on 'messages:read' stays.
        const string grant = "[GrantedScopes(\"messages:read\", \"messages:send\", \"messages:delete\")]";
        Assert.Contains(grant, original, StringComparison.Ordinal);
        var withoutDelete = original.Replace(grant, "[GrantedScopes(\"messages:read\", \"messages:send\")]", StringComparison.Ordinal);
        await ChangeAndExpectAsync(
            "remove 'messages:delete' from the grant",
            withoutDelete,
            expectedOriginal.Where(d => d.Id != "PA0002").ToList());

        // 2. Add code that reads messages: 'messages:read' is used now, so its PA0001 goes, and the new use,
        //    which no declared feature needs, gets a PA0005 on the call.
        const string use = "messenger.ReadThread(conversation)";
        var closingBrace = withoutDelete.LastIndexOf('}');
        var withRead = withoutDelete[..closingBrace] +
            "\n    public int CountMessages(ThreadId conversation) =>\n        " + use + ".Count;\n" +
            withoutDelete[closingBrace..];
        var (useLine, useCharacter) = SampleExpectations.PositionOf(withRead, withRead.IndexOf(use, StringComparison.Ordinal));
        var (useEndLine, useEndCharacter) = SampleExpectations.EndOfSyntaxAt(withRead, useLine, useCharacter);
        await ChangeAndExpectAsync(
            "add a method that reads messages",
            withRead,
            new[]
            {
                new ExpectedDiagnostic(
                    Netflix, "PA0005", "warning", useLine, useCharacter, useEndLine, useEndCharacter,
                    "'NetflixIntegration.CountMessages' needs 'messages:read' via MessagingClient.ReadThread, but no feature declared by principal 'NetflixIntegration' needs it"),
            });

        // 3. Undo both edits: the diagnostics of the file on disk come back.
        await ChangeAndExpectAsync("undo the edits", original, expectedOriginal);

        Assert.Equal(original, await File.ReadAllTextAsync(path));
    }

    /// <summary>
    /// What the lightbulb on the delete grant offers in csharp-ls. csharp-ls 0.28 offers Roslyn's own
    /// refactorings only, not the code fixes of analyzer references (PermissionAnalyzer's fixes show in Visual
    /// Studio, the C# extension and `dotnet format`; WorkspaceTests checks them), so the titles are recorded,
    /// and the test holds the request to a well-formed answer.
    /// </summary>
    [Fact]
    public async Task CodeActionsOnTheDeleteGrant_AreRecorded()
    {
        var (publication, _) = await server.OpenAsync(Netflix, expectsDiagnostics: true);
        var creep = CSharpLanguageServerFixture.PermissionDiagnostics(publication).First(d => (string?)d["code"] == "PA0002");
        var sentAt = server.Client.Elapsed;
        var result = await server.Client.RequestAsync(
            "textDocument/codeAction",
            new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = new Uri(SampleExpectations.FullPath(Netflix)).AbsoluteUri },
                ["range"] = creep["range"]!.DeepClone(),
                ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(creep.DeepClone()) },
            },
            CSharpLanguageServerFixture.UpdateTimeout);
        var latency = server.Client.Elapsed - sentAt;

        var titles = (result as JsonArray ?? throw server.Client.Failure($"textDocument/codeAction answered {result?.ToJsonString() ?? "null"}, expected an array"))
            .Select(a => (string?)a?["title"] ?? throw server.Client.Failure($"a code action without a title: {a?.ToJsonString()}"))
            .ToList();
        output.WriteLine(CheckReport.Measurement(
            $"csharp-ls: code actions on the PA0002 of {Netflix} in {latency.TotalSeconds:0.00} s: " +
            (titles.Count == 0 ? "none" : string.Join(", ", titles.Select(t => $"\"{t}\"")))));
    }

    private async Task ChangeAndExpectAsync(string edit, string text, IReadOnlyList<ExpectedDiagnostic> expected)
    {
        var path = SampleExpectations.FullPath(Netflix);
        var expectedSorted = Sorted(expected);
        var sentAt = server.Client.Elapsed;
        var from = server.Change(Netflix, text);
        var publication = await server.Client.WaitForPublicationAsync(
            from,
            p => p.Path == path && CSharpLanguageServerFixture.Actual(p, Netflix).SequenceEqual(expectedSorted),
            CSharpLanguageServerFixture.UpdateTimeout,
            $"the diagnostics of {Netflix} after the edit '{edit}':{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", expectedSorted)}");
        var latency = publication.ReceivedAt - sentAt;
        output.WriteLine(CheckReport.Measurement($"csharp-ls: diagnostics updated {latency.TotalSeconds:0.00} s after didChange ({edit})"));
        AssertDiagnostics(expected, publication, Netflix, $"after the edit '{edit}'");
    }

    private void AssertDiagnostics(IReadOnlyList<ExpectedDiagnostic> expected, Publication publication, string file, string when)
    {
        var expectedSorted = Sorted(expected);
        var actual = CSharpLanguageServerFixture.Actual(publication, file);
        if (!actual.SequenceEqual(expectedSorted))
        {
            throw server.Client.Failure(
                $"{file} {when}: the server published other PA diagnostics than expected.{Environment.NewLine}" +
                $"expected:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", expectedSorted)}{Environment.NewLine}" +
                $"actual:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", actual)}");
        }

        foreach (var diagnostic in CSharpLanguageServerFixture.PermissionDiagnostics(publication))
        {
            var code = (string)diagnostic["code"]!;
            var href = (string?)diagnostic["codeDescription"]?["href"];
            if (href != HelpLinkBase + code + ".md")
            {
                throw server.Client.Failure($"{file} {when}: {code} has the help link '{href}', expected '{HelpLinkBase}{code}.md'");
            }
        }

        var errors = publication.Diagnostics.OfType<JsonNode>().Where(d => (int?)d["severity"] == 1).Select(d => d.ToJsonString()).ToList();
        if (errors.Count > 0)
        {
            throw server.Client.Failure($"{file} {when}: the document has errors:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", errors)}");
        }
    }

    private static List<ExpectedDiagnostic> Sorted(IEnumerable<ExpectedDiagnostic> diagnostics) =>
        diagnostics.OrderBy(d => d.StartLine).ThenBy(d => d.StartCharacter).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
}
