using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PermissionAnalyzer.EditorChecks;

/// <summary>One diagnostic the sample must show: 0-based start and end, as an editor counts them (UTF-16).</summary>
internal sealed record ExpectedDiagnostic(string File, string Id, string Severity, int StartLine, int StartCharacter, int EndLine, int EndCharacter, string Message)
{
    public override string ToString() => $"{File}:{StartLine + 1}:{StartCharacter + 1}-{EndLine + 1}:{EndCharacter + 1} {Severity} {Id}: {Message}";
}

/// <summary>
/// The diagnostics of samples/MessagingPartners as its expected-diagnostics.txt lists them (the file CI
/// checks the command-line build against), with the end of each range derived from the source: a grant
/// or need verdict spans its string literal, a use verdict the invocation or member access it starts at.
/// </summary>
internal static class SampleExpectations
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SampleDirectory => Path.Combine(RepositoryRoot, "samples", "MessagingPartners");

    public static string SampleProject => Path.Combine(SampleDirectory, "MessagingPartners.csproj");

    /// <summary>The five partner files, relative to the sample, in '/' form.</summary>
    public static IReadOnlyList<string> PartnerFiles { get; } = new[]
    {
        "Partners/BookClubIntegration.cs",
        "Partners/DropboxIntegration.cs",
        "Partners/NetflixIntegration.cs",
        "Partners/RoyalBankOfCanadaIntegration.cs",
        "Partners/SpotifyIntegration.cs",
    };

    public static string FullPath(string sampleRelativePath) =>
        Path.GetFullPath(Path.Combine(SampleDirectory, sampleRelativePath.Replace('/', Path.DirectorySeparatorChar)));

    /// <summary>Every expected diagnostic of the sample, parsed from expected-diagnostics.txt.</summary>
    public static IReadOnlyList<ExpectedDiagnostic> All()
    {
        var path = Path.Combine(SampleDirectory, "expected-diagnostics.txt");
        var result = new List<ExpectedDiagnostic>();
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }

            // Partners/NetflixIntegration.cs:14:50: warning PA0002: Principal 'NetflixIntegration' is ...
            var parts = line.Split(": ", 3);
            var location = parts[0].Split(':');
            var severityAndId = parts[1].Split(' ');
            if (parts.Length != 3 || location.Length != 3 || severityAndId.Length != 2)
            {
                throw new FormatException($"{path}: cannot read the line '{line}'");
            }

            var file = location[0];
            var startLine = int.Parse(location[1], System.Globalization.CultureInfo.InvariantCulture) - 1;
            var startCharacter = int.Parse(location[2], System.Globalization.CultureInfo.InvariantCulture) - 1;
            var (endLine, endCharacter) = EndOfSyntaxAt(File.ReadAllText(FullPath(file)), startLine, startCharacter);
            result.Add(new ExpectedDiagnostic(file, severityAndId[1], severityAndId[0], startLine, startCharacter, endLine, endCharacter, parts[2]));
        }

        return result;
    }

    public static IReadOnlyList<ExpectedDiagnostic> For(string sampleRelativePath) =>
        All().Where(d => d.File == sampleRelativePath).ToList();

    /// <summary>
    /// The end of the literal, or of the (member access and) invocation, that starts at the position: enough
    /// for the sample's code, which has no comments or parentheses inside string arguments.
    /// </summary>
    public static (int Line, int Character) EndOfSyntaxAt(string text, int line, int character)
    {
        var offset = OffsetOf(text, line, character);
        int end;
        if (text[offset] == '"')
        {
            end = text.IndexOf('"', offset + 1) + 1;
        }
        else
        {
            end = offset;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '_' or '.'))
            {
                end++;
            }

            if (end < text.Length && text[end] == '(')
            {
                var depth = 0;
                do
                {
                    depth += text[end] switch { '(' => 1, ')' => -1, _ => 0 };
                    end++;
                }
                while (depth > 0 && end < text.Length);
            }
        }

        return PositionOf(text, end);
    }

    public static int OffsetOf(string text, int line, int character)
    {
        var offset = 0;
        for (var i = 0; i < line; i++)
        {
            offset = text.IndexOf('\n', offset) + 1;
            if (offset == 0)
            {
                throw new ArgumentOutOfRangeException(nameof(line), $"the text has fewer than {line + 1} lines");
            }
        }

        return offset + character;
    }

    public static (int Line, int Character) PositionOf(string text, int offset)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart);
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PermissionAnalyzer.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no PermissionAnalyzer.sln above {AppContext.BaseDirectory}");
    }
}
