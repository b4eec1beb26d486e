using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
/// Compiler errors must be expected too, unless <see cref="IgnoringCompilerDiagnostics"/> is used.
/// </summary>
public sealed class AnalyzerTest : CSharpAnalyzerTest<PrincipalAnalyzer, DefaultVerifier>
{
    /// <summary>The package's attribute assembly, as every test (and every compiled library) references it.</summary>
    public static readonly MetadataReference AnnotationsReference =
        MetadataReference.CreateFromFile(typeof(GrantedScopesAttribute).Assembly.Location);

    public AnalyzerTest()
    {
        ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        TestState.AdditionalReferences.Add(AnnotationsReference);
    }

    /// <summary>Include the compilation-end analyzer of assembly principals.</summary>
    public bool IncludeAssemblyAnalyzer { get; set; } = true;

    /// <summary>
    /// Include <see cref="DeclaredRequirementAnalyzer"/> (PA0012, PA0013). Off by default: test sources are
    /// libraries (the harness's default output kind), whose public helpers would otherwise get PA0012 in tests
    /// about other rules. The PA0012 and PA0013 tests opt in with <see cref="WithDeclaredRequirementRules"/>.
    /// </summary>
    public bool IncludeDeclaredRequirementAnalyzer { get; set; }

    /// <summary>Runs <see cref="DeclaredRequirementAnalyzer"/> too (PA0012, PA0013); see <see cref="IncludeDeclaredRequirementAnalyzer"/>.</summary>
    public AnalyzerTest WithDeclaredRequirementRules()
    {
        IncludeDeclaredRequirementAnalyzer = true;
        return this;
    }

    /// <summary>Compiles the sources as an application instead of the harness's default library.</summary>
    public AnalyzerTest AsApplication()
    {
        TestState.OutputKind = OutputKind.ConsoleApplication;
        return this;
    }

    /// <summary>Adds a source file under the harness's default name (<c>/0/Test{n}.cs</c>).</summary>
    public AnalyzerTest WithSource(string source)
    {
        TestState.Sources.Add(source);
        return this;
    }

    /// <summary>Adds a source file with a chosen path, e.g. <c>/0/Generated.g.cs</c>.</summary>
    public AnalyzerTest WithSource(string path, string source)
    {
        TestState.Sources.Add((path, source));
        return this;
    }

    /// <summary>Adds a compiled assembly (see <see cref="CompiledLibrary"/>) to the references.</summary>
    public AnalyzerTest WithReference(MetadataReference reference)
    {
        TestState.AdditionalReferences.Add(reference);
        return this;
    }

    /// <summary>Compiles without the package's attribute assembly (the sources declare their own copies).</summary>
    public AnalyzerTest WithoutAnnotationsReference()
    {
        TestState.AdditionalReferences.Remove(AnnotationsReference);
        return this;
    }

    /// <summary>An <c>.editorconfig</c> at the root whose <c>[*.cs]</c> section holds <paramref name="cSharpSection"/>.</summary>
    public AnalyzerTest WithEditorConfig(string cSharpSection)
    {
        TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + cSharpSection + "\n"));
        return this;
    }

    /// <summary>A <c>.globalconfig</c> holding <paramref name="content"/>.</summary>
    public AnalyzerTest WithGlobalConfig(string content)
    {
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + content + "\n"));
        return this;
    }

    /// <summary>Adds an additional file, e.g. a scope map at <c>/0/ScopeMap.txt</c>.</summary>
    public AnalyzerTest WithAdditionalFile(string path, string content)
    {
        TestState.AdditionalFiles.Add((path, content));
        return this;
    }

    /// <summary>For deliberately broken code: compiler diagnostics are neither expected nor checked.</summary>
    public AnalyzerTest IgnoringCompilerDiagnostics()
    {
        CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None;
        return this;
    }

    /// <summary>
    /// Skips the harness's second and third runs (all files marked generated, all diagnostics suppressed),
    /// for inputs so large that three compilations would dominate the suite's run time.
    /// </summary>
    public AnalyzerTest RunningOnce()
    {
        TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck | TestBehaviors.SkipSuppressionCheck;
        return this;
    }

    public AnalyzerTest Expecting(params DiagnosticResult[] expected)
    {
        ExpectedDiagnostics.AddRange(expected);
        return this;
    }

    public Task RunAsync() => RunAsync(CancellationToken.None);

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers()
    {
        yield return new PrincipalAnalyzer();
        yield return new ScopeCatalogAnalyzer();
        if (IncludeAssemblyAnalyzer)
        {
            yield return new AssemblyPrincipalAnalyzer();
        }

        if (IncludeDeclaredRequirementAnalyzer)
        {
            yield return new DeclaredRequirementAnalyzer();
        }
    }
}

public static class Verify
{
    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> LiveDescriptors =
        new PrincipalAnalyzer().SupportedDiagnostics
            .AddRange(new DeclaredRequirementAnalyzer().SupportedDiagnostics)
            .AddRange(new ScopeCatalogAnalyzer().SupportedDiagnostics.Where(d => d.Id == RuleIdentifiers.InvalidScopeMapEntry))
            .ToImmutableDictionary(d => d.Id);

    /// <summary>
    /// Diagnostic for <paramref name="id"/>, located by markup <c>{|#n:...|}</c> with <c>.WithLocation(n)</c>.
    /// Built from the rule's descriptor, so <c>.WithArguments(...)</c> checks the whole formatted message.
    /// </summary>
    public static DiagnosticResult Diagnostic(string id) =>
        LiveDescriptors.TryGetValue(id, out var descriptor)
            ? new DiagnosticResult(descriptor)
            : throw new ArgumentOutOfRangeException(nameof(id), id, "Not a rule of the package");

    /// <summary>A compiler error the broken code of a test produces on purpose.</summary>
    public static DiagnosticResult CompilerError(string id) => DiagnosticResult.CompilerError(id);

    /// <summary>A test over <paramref name="sources"/>, to configure further before <see cref="AnalyzerTest.RunAsync()"/>.</summary>
    public static AnalyzerTest Test(params string[] sources)
    {
        var test = new AnalyzerTest();
        foreach (var source in sources)
        {
            test.WithSource(source);
        }

        return test;
    }

    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) => AnalyzerAsync(new[] { source }, expected);

    public static Task AnalyzerAsync(string[] sources, params DiagnosticResult[] expected) => Test(sources).Expecting(expected).RunAsync();
}
