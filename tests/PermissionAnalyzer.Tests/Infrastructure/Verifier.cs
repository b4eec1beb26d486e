using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PermissionAnalyzer.Rules;

namespace PermissionAnalyzer.Tests.Infrastructure;

/// <summary>
/// Runs both analyzers of the package (the live one and the assembly-level one) over test sources that
/// reference the package's attributes, and asserts the exact diagnostics: every expected one and no other.
/// </summary>
public sealed class AnalyzerTest : CSharpAnalyzerTest<PrincipalAnalyzer, DefaultVerifier>
{
    public AnalyzerTest()
    {
        ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(GrantedScopesAttribute).Assembly.Location));
    }

    /// <summary>Include the compilation-end analyzer of assembly principals.</summary>
    public bool IncludeAssemblyAnalyzer { get; set; } = true;

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers()
    {
        yield return new PrincipalAnalyzer();
        if (IncludeAssemblyAnalyzer)
        {
            yield return new AssemblyPrincipalAnalyzer();
        }
    }
}

public static class Verify
{
    /// <summary>Diagnostic for <paramref name="id"/>, located by markup <c>{|#n:...|}</c> with <c>.WithLocation(n)</c>.</summary>
    public static DiagnosticResult Diagnostic(string id) => DiagnosticResult.CompilerWarning(id).WithSeverity(SeverityOf(id));

    public static DiagnosticSeverity SeverityOf(string id) => id switch
    {
        RuleIdentifiers.ScopeUsedButNotGranted => DiagnosticSeverity.Error,
        RuleIdentifiers.UseCannotBeDetermined => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Warning,
    };

    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) => AnalyzerAsync(new[] { source }, expected);

    public static async Task AnalyzerAsync(string[] sources, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest();
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }
}
