using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PermissionAnalyzer.TrustTests.Infrastructure;
using Xunit;

namespace PermissionAnalyzer.TrustTests.Differential;

/// <summary>Replays a shrunk program kept as a regression test: exactly these diagnostics, at these places.</summary>
public static class Regression
{
    /// <summary>
    /// Exactly these diagnostics, PA0012 and PA0013 aside: a library program kept before those rules existed (or kept
    /// for another rule) would get them for every public helper, which is not what it is about.
    /// </summary>
    public static void Verify(string source, string? library, params (string Id, int Line, int Column, string Text, string Message)[] expected) =>
        Verify(source, library, judgeContracts: false, expected);

    /// <summary>Exactly these diagnostics, PA0012 and PA0013 included.</summary>
    public static void VerifyAll(string source, string? library, params (string Id, int Line, int Column, string Text, string Message)[] expected) =>
        Verify(source, library, judgeContracts: true, expected);

    /// <summary>Exactly these diagnostics (PA0012/PA0013 aside), with <paramref name="map"/> as <c>ScopeMap.txt</c>; a diagnostic in the map is unexpected.</summary>
    public static void VerifyWithMap(string source, string map, params (string Id, int Line, int Column, string Text, string Message)[] expected) =>
        Verify(source, null, judgeContracts: false, expected, map);

    private static void Verify(string source, string? library, bool judgeContracts, (string Id, int Line, int Column, string Text, string Message)[] expected, string? map = null)
    {
        var references = library is null ? Array.Empty<MetadataReference>() : new[] { AnalyzerRunner.EmitLibrary(library, "Lib") };
        var compilation = AnalyzerRunner.Compile(new[] { AnalyzerRunner.Parse(source) }, references, DifferentialCheck.AssemblyName, minimal: true);
        var result = AnalyzerRunner.Run(compilation, withDeclaredRequirementRules: true, additionalFiles: map is null ? null : new[] { AnalyzerRunner.AdditionalFile(DifferentialCheck.MapPath, map) });
        Assert.Empty(result.Errors);
        Assert.Empty(result.Exceptions);

        var text = SourceText.From(source);
        var wanted = new List<Expected>();
        foreach (var (id, line, column, snippet, message) in expected)
        {
            var start = text.Lines[line - 1].Start + column - 1;
            Assert.Equal(snippet, source.Substring(start, snippet.Length));
            wanted.Add(new Expected(id, start, start + snippet.Length, message));
        }

        wanted.Sort();
        var actual = result.Analyzer
            .Where(d => judgeContracts || d.Id is not ("PA0012" or "PA0013"))
            .Select(d => new Expected(d.Id, DifferentialCheck.Shift(d, d.Location.SourceSpan.Start), DifferentialCheck.Shift(d, d.Location.SourceSpan.End), d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(d => d)
            .ToList();
        DifferentialCheck.Compare(source, wanted, actual, map ?? string.Empty);
    }
}
