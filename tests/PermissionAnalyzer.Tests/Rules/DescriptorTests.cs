using System.Linq;
using Microsoft.CodeAnalysis;
using PermissionAnalyzer.Rules;
using Xunit;

namespace PermissionAnalyzer.Tests.Rules;

/// <summary>Every descriptor against DESIGN.md: ID, title, category, severity, message and help link.</summary>
public class DescriptorTests
{
    private const string HelpLinkBase = "https://github.com/PermissionAnalyzer/PermissionAnalyzer/blob/main/docs/rules/";

    public static TheoryData<string, string, DiagnosticSeverity, string> Rules => new()
    {
        { "PA0001", "Grant exceeds declared needs", DiagnosticSeverity.Warning, "Principal '{0}' is granted '{1}', which no declared feature needs and no code uses" },
        { "PA0002", "Delete-access creep", DiagnosticSeverity.Warning, "Principal '{0}' is granted destructive scope '{1}', which {2}" },
        { "PA0003", "Granted scope never used", DiagnosticSeverity.Warning, "Principal '{0}' is granted '{1}', which no code reachable from it uses" },
        { "PA0004", "Scope used but not granted", DiagnosticSeverity.Error, "'{0}' needs '{1}' via {2}, but principal '{3}' is not granted it" },
        { "PA0005", "Use not covered by a declared feature", DiagnosticSeverity.Warning, "'{0}' needs '{1}' via {2}, but no feature declared by principal '{3}' needs it" },
        { "PA0006", "Feature needs an ungranted scope", DiagnosticSeverity.Warning, "Feature '{0}' of principal '{1}' needs '{2}', which is not granted" },
        { "PA0007", "Wildcard grant", DiagnosticSeverity.Warning, "Principal '{0}' is granted wildcard scope '{1}'; grant the concrete scopes its code uses instead" },
        { "PA0008", "Invalid scope", DiagnosticSeverity.Warning, "Invalid scope argument of '{0}': {1}" },
        { "PA0009", "Use cannot be determined", DiagnosticSeverity.Info, "'{0}' reaches code whose scopes cannot be determined via {1}, so the uses of principal '{2}' may be incomplete" },
        { "PA0010", "Grant broader than needed", DiagnosticSeverity.Warning, "Principal '{0}' is granted '{1}', which {2}" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void LiveDescriptor_MatchesTheContract(string id, string title, DiagnosticSeverity severity, string message)
    {
        var descriptor = Assert.Single(new PrincipalAnalyzer().SupportedDiagnostics, d => d.Id == id);
        AssertMatches(descriptor, id, title, severity, message);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void AssemblyDescriptor_MatchesTheContractAndIsCompilationEnd(string id, string title, DiagnosticSeverity severity, string message)
    {
        var descriptor = new AssemblyPrincipalAnalyzer().SupportedDiagnostics.SingleOrDefault(d => d.Id == id);
        if (id is "PA0004" or "PA0005" or "PA0009")
        {
            // Uses are reported live, also those of an assembly principal's code.
            Assert.Null(descriptor);
            return;
        }

        Assert.NotNull(descriptor);
        AssertMatches(descriptor!, id, title, severity, message);
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, descriptor!.CustomTags);
    }

    public static TheoryData<string, string, DiagnosticSeverity, string> BoundaryRules => new()
    {
        { "PA0012", "Undeclared requirement on a public API", DiagnosticSeverity.Warning, "'{0}' uses '{1}' via {2} but does not declare it; callers in other assemblies will not see the requirement" },
        { "PA0013", "Implementation requires more than its contract", DiagnosticSeverity.Warning, "'{0}' requires '{1}' {2}, but '{3}' does not declare it; calls through '{3}' will not count it" },
    };

    [Theory]
    [MemberData(nameof(BoundaryRules))]
    public void DeclaredRequirementDescriptor_MatchesTheContractAndIsLive(string id, string title, DiagnosticSeverity severity, string message)
    {
        var descriptor = Assert.Single(new DeclaredRequirementAnalyzer().SupportedDiagnostics, d => d.Id == id);
        AssertMatches(descriptor, id, title, severity, message);
        Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, descriptor.CustomTags);
    }

    [Fact]
    public void DeclaredRequirementAnalyzer_SupportsExactlyItsTwoRules()
    {
        var ids = new DeclaredRequirementAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToArray();
        Assert.Equal(new[] { "PA0012", "PA0013" }, ids.OrderBy(i => i));
    }

    [Fact]
    public void LiveAnalyzer_SupportsEveryRuleOnce()
    {
        var ids = new PrincipalAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToArray();
        Assert.Equal(new[] { "PA0001", "PA0002", "PA0003", "PA0004", "PA0005", "PA0006", "PA0007", "PA0008", "PA0009", "PA0010" }, ids.OrderBy(i => i));
    }

    [Fact]
    public void CatalogAnalyzer_ReportsInvalidMapEntriesLive()
    {
        var descriptor = Assert.Single(new ScopeCatalogAnalyzer().SupportedDiagnostics, d => d.Id == "PA0011");
        AssertMatches(descriptor, "PA0011", "Invalid scope map entry", DiagnosticSeverity.Warning, "Invalid scope map entry: {0}");
        Assert.All(new ScopeCatalogAnalyzer().SupportedDiagnostics, d => Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, d.CustomTags));
    }

    [Fact]
    public void LiveAnalyzer_HasNoCompilationEndDescriptor()
    {
        Assert.All(new PrincipalAnalyzer().SupportedDiagnostics, d => Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, d.CustomTags));
    }

    private static void AssertMatches(DiagnosticDescriptor descriptor, string id, string title, DiagnosticSeverity severity, string message)
    {
        Assert.Equal("Security", descriptor.Category);
        Assert.Equal(title, descriptor.Title.ToString());
        Assert.Equal(severity, descriptor.DefaultSeverity);
        Assert.True(descriptor.IsEnabledByDefault);
        Assert.Equal(message, descriptor.MessageFormat.ToString());
        Assert.Equal(HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        Assert.True(System.Uri.TryCreate(descriptor.HelpLinkUri, System.UriKind.Absolute, out _));
    }
}
