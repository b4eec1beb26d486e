using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PermissionAnalyzer.TrustTests.Differential;

namespace PermissionAnalyzer.TrustTests.Robustness;

/// <summary>One input of the robustness corpus.</summary>
public sealed record CorpusEntry(string Origin, string Source);

/// <summary>
/// The inputs the robustness tests mutate: every raw string literal of the repository's test projects that
/// mentions the annotations (collected at test time, markup stripped), every file of the sample
/// <c>samples/MessagingPartners</c> when present, a curated set covering every kind of use DESIGN.md lists,
/// and a few generated programs.
/// </summary>
public static class Corpus
{
    private static readonly Lazy<IReadOnlyList<CorpusEntry>> Entries = new(Load);

    public static IReadOnlyList<CorpusEntry> All => Entries.Value;

    public static string? RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PermissionAnalyzer.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static IReadOnlyList<CorpusEntry> Load()
    {
        var entries = new List<CorpusEntry>();
        if (RepositoryRoot() is { } root)
        {
            foreach (var file in SourceFiles(Path.Combine(root, "tests")).Where(f => !f.EndsWith("CuratedSources.cs", StringComparison.Ordinal)))
            {
                var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file));
                var index = 0;
                foreach (var token in tree.GetRoot().DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
                    {
                        var text = token.ValueText;
                        if (text.Contains("RequiresScope", StringComparison.Ordinal) || text.Contains("GrantedScopes", StringComparison.Ordinal) || text.Contains("FeatureNeeds", StringComparison.Ordinal))
                        {
                            entries.Add(new CorpusEntry($"{Path.GetRelativePath(root, file)}#{index++}", StripMarkup(text)));
                        }
                    }
                }
            }

            var sample = Path.Combine(root, "samples", "MessagingPartners");
            foreach (var file in SourceFiles(sample))
            {
                entries.Add(new CorpusEntry(Path.GetRelativePath(root, file), File.ReadAllText(file)));
            }
        }

        entries.AddRange(CuratedSources.All.Select(p => new CorpusEntry("curated:" + p.Name, p.Source)));
        for (var i = 0; i < 4; i++)
        {
            var program = ProgramGen.Programs.Generate(new PCG(7, 1000UL + (ulong)i), null!, out _);
            if (!program.Types.Any(t => t.InMetadata))
            {
                entries.Add(new CorpusEntry($"generated:{i}", program.Source));
            }
        }

        return entries;
    }

    private static IEnumerable<string> SourceFiles(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal)
            : Enumerable.Empty<string>();

    /// <summary>The test harness's markup: <c>{|PA0002:x|}</c>, <c>{|#0:x|}</c>, <c>[|x|]</c>, <c>$$</c>.</summary>
    public static string StripMarkup(string source)
    {
        source = Regex.Replace(source, @"\{\|[^:|{}]*:", string.Empty);
        return source.Replace("|}", string.Empty, StringComparison.Ordinal)
            .Replace("[|", string.Empty, StringComparison.Ordinal)
            .Replace("|]", string.Empty, StringComparison.Ordinal)
            .Replace("$$", string.Empty, StringComparison.Ordinal);
    }
}
