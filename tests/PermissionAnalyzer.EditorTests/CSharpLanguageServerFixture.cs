using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PermissionAnalyzer.EditorChecks;
using Xunit;

namespace PermissionAnalyzer.EditorTests;

/// <summary>
/// One csharp-ls process for the test class, started the way an editor starts it: the sample folder as the
/// workspace root, analyzers enabled through the "csharp" configuration section, push diagnostics.
/// </summary>
public sealed class CSharpLanguageServerFixture : IAsyncLifetime
{
    /// <summary>Loading the project (a design-time build) dominates; on 2 busy cores it took 30-40 s.</summary>
    public static readonly TimeSpan FirstDiagnosticsTimeout = TimeSpan.FromSeconds(150);

    public static readonly TimeSpan UpdateTimeout = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, int> versions = new();
    private LanguageServerClient? client;
    private TimeSpan? firstDiagnosticsAfterOpen;

    internal LanguageServerClient Client => client ?? throw new InvalidOperationException("the server is not started");

    public string ServerVersion { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var analyzer = Path.Combine(SampleExpectations.RepositoryRoot, "src", "PermissionAnalyzer", "bin", "Release", "netstandard2.0", "PermissionAnalyzer.dll");
        var assets = Path.Combine(SampleExpectations.SampleDirectory, "obj", "project.assets.json");
        if (!File.Exists(analyzer) || !File.Exists(assets))
        {
            throw new InvalidOperationException(
                $"build the sample first (`dotnet build samples/MessagingPartners -c Release`, as .ci/editor-check.sh does): missing {(File.Exists(analyzer) ? assets : analyzer)}");
        }

        var environment = new Dictionary<string, string>
        {
            // csharp-ls loads projects with MSBuild's default configuration (Debug); the sample references the
            // analyzer as a project, so point the design-time build at the Release build CI has made.
            ["Configuration"] = "Release",
            // No MSBuild node may outlive the server.
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1",
            ["DOTNET_CLI_UI_LANGUAGE"] = "en",
            ["DOTNET_NOLOGO"] = "1",
        };

        client = LanguageServerClient.Start(
            "dotnet",
            new[] { "tool", "run", "csharp-ls" },
            SampleExpectations.RepositoryRoot,
            environment,
            section => section == "csharp" ? new JsonObject { ["analyzersEnabled"] = true } : null,
            CheckReport.PathOf("csharp-ls-transcript.txt"));

        try
        {
            var root = new Uri(SampleExpectations.SampleDirectory).AbsoluteUri;
            var result = await client.RequestAsync(
                "initialize",
                new JsonObject
                {
                    ["processId"] = Environment.ProcessId,
                    ["clientInfo"] = new JsonObject { ["name"] = "PermissionAnalyzer.EditorTests" },
                    ["rootUri"] = root,
                    ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = root, ["name"] = "MessagingPartners" }),
                    ["capabilities"] = new JsonObject
                    {
                        // The server asks for the "csharp" section right after "initialized".
                        ["workspace"] = new JsonObject { ["configuration"] = true },
                        // No textDocument.diagnostic capability: the server then pushes diagnostics for open documents.
                        ["textDocument"] = new JsonObject
                        {
                            ["synchronization"] = new JsonObject { ["didSave"] = true },
                            ["publishDiagnostics"] = new JsonObject { ["codeDescriptionSupport"] = true, ["relatedInformation"] = true },
                        },
                    },
                    ["initializationOptions"] = new JsonObject { ["csharp"] = new JsonObject { ["analyzersEnabled"] = true } },
                },
                TimeSpan.FromSeconds(60)).ConfigureAwait(false);

            ServerVersion = $"{result?["serverInfo"]?["name"]} {result?["serverInfo"]?["version"]}";
            if ((string?)result?["serverInfo"]?["name"] != "csharp-ls")
            {
                throw client.Failure($"the server is not csharp-ls: {result?.ToJsonString()}");
            }

            client.Notify("initialized", new JsonObject());
        }
        catch
        {
            // xunit may not dispose a fixture whose initialization failed: the server must not outlive the test.
            client.Dispose();
            client = null;
            throw;
        }
    }

    public Task DisposeAsync()
    {
        client?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Opens the document as an editor does (didOpen with the text on disk) and returns the first publication
    /// for it that carries its verdicts: one with a PA diagnostic, or for a document expected to have none,
    /// the first one at all. For a document already open, the latest publication.
    /// </summary>
    internal async Task<(Publication Publication, TimeSpan Latency)> OpenAsync(string file, bool expectsDiagnostics)
    {
        var path = SampleExpectations.FullPath(file);
        if (versions.ContainsKey(path))
        {
            var latest = Client.PublicationsFor(path).LastOrDefault() ?? throw Client.Failure($"{file} is open but has no diagnostics");
            return (latest, TimeSpan.Zero);
        }

        var from = Client.NextSequence;
        var sentAt = Client.Elapsed;
        versions[path] = 1;
        Client.Notify(
            "textDocument/didOpen",
            new JsonObject
            {
                ["textDocument"] = new JsonObject
                {
                    ["uri"] = new Uri(path).AbsoluteUri,
                    ["languageId"] = "csharp",
                    ["version"] = 1,
                    ["text"] = await File.ReadAllTextAsync(path).ConfigureAwait(false),
                },
            });

        var publication = await Client.WaitForPublicationAsync(
            from,
            p => p.Path == path && (!expectsDiagnostics || PermissionDiagnostics(p).Any()),
            FirstDiagnosticsTimeout,
            $"the first diagnostics of {file}{(expectsDiagnostics ? " with a PA diagnostic" : "")}").ConfigureAwait(false);

        var latency = publication.ReceivedAt - sentAt;
        if (firstDiagnosticsAfterOpen is null)
        {
            firstDiagnosticsAfterOpen = latency;
            CheckReport.Measurement(
                $"{ServerVersion}: first diagnostics of {file} {latency.TotalSeconds:0.0} s after didOpen " +
                $"({publication.ReceivedAt.TotalSeconds:0.0} s after starting the server; includes loading the project)");
        }
        else
        {
            CheckReport.Measurement($"csharp-ls: first diagnostics of {file} {latency.TotalSeconds:0.00} s after didOpen (project already loaded)");
        }

        return (publication, latency);
    }

    /// <summary>Replaces the whole text of an open document without saving it (didChange, full text).</summary>
    internal int Change(string file, string text)
    {
        var path = SampleExpectations.FullPath(file);
        var version = versions[path] + 1;
        versions[path] = version;
        var from = Client.NextSequence;
        Client.Notify(
            "textDocument/didChange",
            new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = new Uri(path).AbsoluteUri, ["version"] = version },
                ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
            });
        return from;
    }

    internal static IEnumerable<JsonNode> PermissionDiagnostics(Publication publication) =>
        publication.Diagnostics.OfType<JsonNode>().Where(d => ((string?)d["code"])?.StartsWith("PA", StringComparison.Ordinal) == true);

    /// <summary>The PA diagnostics of a publication in the form the expectations use, sorted.</summary>
    internal static IReadOnlyList<ExpectedDiagnostic> Actual(Publication publication, string file) =>
        PermissionDiagnostics(publication)
            .Select(d => new ExpectedDiagnostic(
                file,
                (string)d["code"]!,
                (int?)d["severity"] switch { 1 => "error", 2 => "warning", 3 => "info", 4 => "hidden", var other => $"severity {other}" },
                (int)d["range"]!["start"]!["line"]!,
                (int)d["range"]!["start"]!["character"]!,
                (int)d["range"]!["end"]!["line"]!,
                (int)d["range"]!["end"]!["character"]!,
                (string)d["message"]!))
            .OrderBy(d => d.StartLine).ThenBy(d => d.StartCharacter).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
}
